// pdf_bench: how many contract and invoice PDFs one core renders per second.
// usage: pdf_bench [seconds=2]
// Renders the same realistic document (accented names, embedded fonts) in a loop on one
// thread and prints documents per second and bytes per document: a one-page contract,
// the same with the operator's PNG logo, a three-page contract (long terms), and a
// typical 10-line invoice with the logo (the figure bench/run compares with Chromium;
// its last line is "invoice_docs_per_s=N"). The first document of the run, which parses
// the fonts, is timed separately: that cost is paid once per thread.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <fstream>
#include <iterator>

#include "pdf/contract_document.h"
#include "pdf/invoice_document.h"

namespace {

isp::pdf::ContractDocument sample(int terms_paragraphs) {
    isp::pdf::ContractDocument doc;
    doc.issuer = {"Atlas Net SARL",
                  "12 boulevard Zerktouni, 20250 Casablanca, Maroc",
                  "RC 123456 \u00b7 IF 1234567 \u00b7 ICE 001234567000089",
                  "Atlas Net SARL au capital de 1\u00a0000\u00a0000 MAD \u00b7 Service client 0800 00 00 00 \u00b7 "
                  "www.atlasnet.ma",
                  0x0D4A87,
                  ""};
    doc.client = {"c-1",
                  "BK123456",
                  "\u00c9lodie",
                  "\u00c7ak\u0131r-\u00d1\u00fa\u00f1ez",
                  "+212612345678",
                  "elodie@example.ma",
                  "7 rue des \u00c9rables, Rabat",
                  isp::Language::French,
                  "2026-02-20T10:00:00Z",
                  "2026-02-20T10:00:00Z"};
    doc.offer = {"o-1",
                 isp::ServiceFamily::Internet,
                 "Fibre 1 Gb/s",
                 "Fibre optique jusqu\u2019\u00e0 1 Gb/s, box Wi-Fi 6 et appels illimit\u00e9s vers les fixes.",
                 {129900, "MAD"},
                 2000,
                 24,
                 true};
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

std::string demo_logo() {
    std::ifstream in(ISP_LOGO_PNG, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A month with a plan change and options: 10 lines, the kind of invoice an ISP sends.
isp::pdf::InvoiceDocument sample_invoice(const isp::pdf::ContractDocument& contract) {
    isp::pdf::InvoiceDocument doc;
    doc.issuer = contract.issuer;
    doc.invoice_number = "FAC-2026-000042";
    doc.issue_date = {2026, 4, 1};
    doc.due_date = {2026, 4, 16};
    doc.period_start = {2026, 3, 1};
    doc.period_end = {2026, 3, 31};
    doc.client_name = contract.client.first_name + " " + contract.client.last_name;
    doc.cin = contract.client.cin;
    doc.address = contract.client.address;
    doc.email = contract.client.email;
    doc.contract_number = contract.contract.contract_number;
    doc.service_identifier = contract.contract.service_identifier;
    std::int64_t subtotal = 0, tax = 0;
    for (int i = 0; i < 10; ++i) {
        const int from = 1 + 3 * i, to = from + 2;
        const std::int64_t amount = 129900 * 3 / 31;
        const std::int64_t line_tax = amount / 5;
        doc.lines.push_back({"Fibre 1 Gb/s – option " + std::to_string(i + 1),
                             {2026, 3, from},
                             {2026, 3, to},
                             3,
                             31,
                             {129900, "MAD"},
                             {amount, "MAD"},
                             2000,
                             {line_tax, "MAD"}});
        subtotal += amount;
        tax += line_tax;
    }
    doc.subtotal = {subtotal, "MAD"};
    doc.tax = {tax, "MAD"};
    doc.total = {subtotal + tax, "MAD"};
    doc.paid = {0, "MAD"};
    doc.payment_instructions = "Virement : RIB 011 780 0000123456789012 34, référence FAC-2026-000042.";
    doc.legal_mentions = "Tout retard de paiement entraîne des pénalités au taux légal.";
    return doc;
}

template <class Document, class Render>
double run(const char* label, const Document& doc, Render render, double seconds) {
    using clock = std::chrono::steady_clock;
    std::size_t bytes = 0;
    long count = 0;
    const auto start = clock::now();
    const auto until = start + std::chrono::duration<double>(seconds);
    while (clock::now() < until) {
        bytes += render(doc).size();
        ++count;
    }
    const double elapsed = std::chrono::duration<double>(clock::now() - start).count();
    std::printf("%-28s %8.0f docs/s  %7.0f bytes/doc  (%ld docs in %.2f s)\n", label, count / elapsed,
                static_cast<double>(bytes) / static_cast<double>(count), count, elapsed);
    return count / elapsed;
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

    auto contract = [](const isp::pdf::ContractDocument& d) { return isp::pdf::render_contract(d); };
    auto invoice = [](const isp::pdf::InvoiceDocument& d) { return isp::pdf::render_invoice(d); };
    run("contract, 1 page", one_page, contract, seconds);
    auto with_logo = one_page;
    with_logo.issuer.logo = demo_logo();
    run("contract, 1 page, PNG logo", with_logo, contract, seconds);
    run("contract, 3 pages", three_pages, contract, seconds);
    const double invoices = run("invoice, 10 lines, PNG logo", sample_invoice(with_logo), invoice, seconds);
    std::printf("invoice_docs_per_s=%.0f\n", invoices);
    return 0;
}
