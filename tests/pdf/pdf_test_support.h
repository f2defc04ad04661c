// Helpers for the PDF tests: a sample contract, where test output goes, running
// poppler/qpdf on a rendered file, and the checks every document must pass.
#pragma once
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <doctest/doctest.h>

#include "pdf/contract_document.h"

namespace isp::pdf::test {

// $TEST_OUTPUT_DIR (CTest sets <build>/test-output/pdf), else ./test-output/pdf.
inline std::filesystem::path output_dir() {
    const char* env = std::getenv("TEST_OUTPUT_DIR");
    std::filesystem::path dir =
        env && *env ? std::filesystem::path(env) : std::filesystem::current_path() / "test-output" / "pdf";
    std::filesystem::create_directories(dir);
    return dir;
}

inline std::filesystem::path write_output(const std::string& name, const std::string& bytes) {
    const auto path = output_dir() / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

struct CommandResult {
    int status = -1;
    std::string out;
};

// Runs a shell command and returns its stdout and exit status.
inline CommandResult run(const std::string& command) {
    CommandResult result;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe)
        return result;
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0)
        result.out.append(buf, n);
    const int status = ::pclose(pipe);
    result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

inline std::string quoted(const std::filesystem::path& path) {
    return "'" + path.string() + "'";
}

// pdftotext -layout, with no-break spaces (U+00A0, U+202F) read as plain spaces so
// expectations can be written "1 299,00 MAD". poppler's warning about libharu's
// ToUnicode CMap (docs/toolchain.md) goes to stderr and is dropped.
inline std::string pdf_text(const std::filesystem::path& pdf) {
    std::string text = run("pdftotext -layout " + quoted(pdf) + " - 2>/dev/null").out;
    for (const std::string nbsp : {"\u00a0", "\u202f"}) {
        for (std::size_t pos; (pos = text.find(nbsp)) != std::string::npos;)
            text.replace(pos, nbsp.size(), " ");
    }
    return text;
}

inline int page_count(const std::filesystem::path& pdf) {
    const std::string info = run("pdfinfo " + quoted(pdf) + " 2>/dev/null").out;
    const auto pos = info.find("Pages:");
    return pos == std::string::npos ? -1 : std::atoi(info.c_str() + pos + 6);
}

inline void check_contains(const std::string& text, const std::string& expected) {
    INFO("expected in the PDF text: \"" << expected << "\"");
    CHECK(text.find(expected) != std::string::npos);
}

inline void check_well_formed(const std::filesystem::path& pdf) {
    const CommandResult qpdf = run("qpdf --check " + quoted(pdf) + " 2>&1");
    INFO(qpdf.out);
    CHECK(qpdf.status == 0);
    CHECK(qpdf.out.find("No syntax or stream encoding errors found") != std::string::npos);
}

// Every font row of pdffonts must say "yes" in the emb column: a PDF that relies on
// the reader's fonts prints accented names differently, or not at all.
inline void check_fonts_embedded(const std::filesystem::path& pdf) {
    const CommandResult fonts = run("pdffonts " + quoted(pdf) + " 2>/dev/null");
    INFO(fonts.out);
    REQUIRE(fonts.status == 0);
    std::size_t rows = 0;
    std::size_t line_start = 0;
    int line_no = 0;
    while (line_start < fonts.out.size()) {
        std::size_t end = fonts.out.find('\n', line_start);
        if (end == std::string::npos)
            end = fonts.out.size();
        const std::string line = fonts.out.substr(line_start, end - line_start);
        line_start = end + 1;
        if (++line_no <= 2 || line.empty()) // header and dashes
            continue;
        ++rows;
        // columns: name type encoding emb sub uni object ID
        CHECK_MESSAGE(line.find(" yes ") != std::string::npos, line);
        CHECK_MESSAGE(line.find("Identity-H") != std::string::npos, line);
    }
    CHECK(rows >= 1);
}

inline void render_pngs(const std::filesystem::path& pdf, const std::string& stem) {
    const auto prefix = output_dir() / stem;
    const CommandResult r = run("pdftoppm -r 50 -png " + quoted(pdf) + " " + quoted(prefix) + " 2>/dev/null");
    CHECK(r.status == 0);
    CHECK(
        (std::filesystem::exists(prefix.string() + "-1.png") || std::filesystem::exists(prefix.string() + "-01.png")));
}

inline ContractDocument sample_contract(Language language) {
    ContractDocument doc;
    doc.issuer.name = "Atlas Net SARL";
    doc.issuer.address = "12 boulevard Zerktouni, 20250 Casablanca, Maroc";
    doc.issuer.legal_ids = "RC 123456 \u00b7 IF 1234567 \u00b7 ICE 001234567000089";
    doc.issuer.footer = "Atlas Net SARL au capital de 1\u00a0000\u00a0000 MAD \u00b7 Service client 0800 00 00 00 "
                        "\u00b7 www.atlasnet.ma";
    doc.client.client_id = "c-1";
    doc.client.cin = "BK123456";
    doc.client.first_name = "\u00c9lodie";
    doc.client.last_name = "\u00c7ak\u0131r-\u00d1\u00fa\u00f1ez \u0141ukasz \u00d8ster";
    doc.client.phone = "+212612345678";
    doc.client.email = "elodie.cakir@example.ma";
    doc.client.address = "7 rue des \u00c9rables, Agdal, 10090 Rabat";
    doc.client.language = language;
    doc.offer.offer_id = "o-1";
    doc.offer.family = ServiceFamily::Internet;
    doc.offer.name = "Fibre Max 1 Gb/s";
    doc.offer.description = "Fibre optique jusqu\u2019\u00e0 1 Gb/s, box Wi-Fi 6 incluse.";
    doc.offer.monthly_price = {129900, "MAD"};
    doc.offer.tax_rate_bp = 2000;
    doc.offer.commitment_months = 24;
    doc.contract.contract_id = "k-1";
    doc.contract.contract_number = "CTR-2026-000001";
    doc.contract.client_id = "c-1";
    doc.contract.offer_id = "o-1";
    doc.contract.service_identifier = "0522 12 34 56";
    doc.contract.contract_start_date = {2026, 2, 20};
    doc.contract.commitment_months = 24;
    doc.contract.document_version = 2;
    doc.produced_on = "2026-02-21";
    doc.language = language;
    doc.terms = language == Language::French
                    ? "Article 1. Le pr\u00e9sent contrat prend effet \u00e0 la date de d\u00e9but indiqu\u00e9e.\n"
                      "Article 2. Les factures sont \u00e9mises chaque mois et payables \u00e0 r\u00e9ception."
                    : "Article 1. This contract takes effect on the start date shown above.\n"
                      "Article 2. Invoices are issued monthly and payable on receipt.";
    return doc;
}

// Terms long enough for several pages; the last paragraph says "LAST PARAGRAPH".
inline std::string long_terms(int paragraphs) {
    std::string terms;
    for (int i = 1; i <= paragraphs; ++i) {
        terms += "Article " + std::to_string(i) +
                 ". Le pr\u00e9sent article d\u00e9crit les obligations r\u00e9ciproques des parties, les "
                 "conditions de facturation, de suspension et de r\u00e9siliation du service, ainsi que les "
                 "voies de recours ouvertes au client aupr\u00e8s du service client de l\u2019op\u00e9rateur.\n\n";
    }
    terms += "LAST PARAGRAPH of the terms.";
    return terms;
}

} // namespace isp::pdf::test
