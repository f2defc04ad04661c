// pdf_bench: how many contract PDFs one core renders per second.
// usage: pdf_bench [seconds=2]
// Renders the same realistic one-page contract (accented names, embedded fonts) in a
// loop on one thread and prints documents per second and bytes per document; then the
// same for a three-page contract (long terms). The first document of the run, which
// parses the fonts, is timed separately: that cost is paid once per thread.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "pdf/contract_document.h"

namespace {

isp::pdf::ContractDocument sample(int terms_paragraphs) {
    isp::pdf::ContractDocument doc;
    doc.issuer = {"Atlas Net SARL", "12 boulevard Zerktouni, 20250 Casablanca, Maroc",
                  "RC 123456 \u00b7 IF 1234567 \u00b7 ICE 001234567000089",
                  "Atlas Net SARL au capital de 1\u00a0000\u00a0000 MAD \u00b7 Service client 0800 00 00 00 \u00b7 "
                  "www.atlasnet.ma"};
    doc.client = {"c-1", "BK123456", "\u00c9lodie", "\u00c7ak\u0131r-\u00d1\u00fa\u00f1ez",
                  "+212612345678", "elodie@example.ma", "7 rue des \u00c9rables, Rabat", isp::Language::French,
                  "2026-02-20T10:00:00Z", "2026-02-20T10:00:00Z"};
    doc.offer = {"o-1", isp::ServiceFamily::Internet, "Fibre 1 Gb/s",
                 "Fibre optique jusqu\u2019\u00e0 1 Gb/s, box Wi-Fi 6 et appels illimit\u00e9s vers les fixes.",
                 {129900, "MAD"}, 2000, 24, true};
    doc.contract.contract_id = "k-1";
    doc.contract.contract_number = "CTR-2026-000001";
    doc.contract.service_identifier = "0522 12 34 56";
    doc.contract.contract_start_date = {2026, 2, 20};
    doc.contract.commitment_months = 24;
    doc.contract.document_version = 2;
    doc.produced_on = "2026-02-20";
    for (int i = 0; i < terms_paragraphs; ++i)
        doc.terms += "Article " + std::to_string(i + 1) +
                     ". Le pr\u00e9sent contrat est conclu pour la dur\u00e9e d\u2019engagement indiqu\u00e9e "
                     "ci-dessus. Les factures sont \u00e9mises mensuellement et payables \u00e0 r\u00e9ception; "
                     "tout retard de paiement peut entra\u00eener la suspension du service apr\u00e8s mise en "
                     "demeure.\n";
    return doc;
}

void run(const char* label, const isp::pdf::ContractDocument& doc, double seconds) {
    using clock = std::chrono::steady_clock;
    std::size_t bytes = 0;
    long count = 0;
    const auto start = clock::now();
    const auto until = start + std::chrono::duration<double>(seconds);
    while (clock::now() < until) {
        bytes += isp::pdf::render_contract(doc).size();
        ++count;
    }
    const double elapsed = std::chrono::duration<double>(clock::now() - start).count();
    std::printf("%-28s %8.0f docs/s  %7.0f bytes/doc  (%ld docs in %.2f s)\n", label, count / elapsed,
                static_cast<double>(bytes) / static_cast<double>(count), count, elapsed);
}

} // namespace

int main(int argc, char** argv) {
    const double seconds = argc > 1 ? std::atof(argv[1]) : 2.0;
    const auto one_page = sample(3);
    const auto three_pages = sample(60);

    const auto first_start = std::chrono::steady_clock::now();
    isp::pdf::render_contract(one_page);
    const double first_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - first_start).count();
    std::printf("%-28s %8.2f ms (parses the fonts, once per thread)\n", "first document", first_ms);

    run("contract, 1 page", one_page, seconds);
    run("contract, 3 pages", three_pages, seconds);
    return 0;
}
