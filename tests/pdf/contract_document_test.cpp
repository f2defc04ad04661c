// The contract PDF read back the way a person or another program would: text through
// pdftotext, structure through qpdf, fonts through pdffonts, pixels through pdftoppm.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>

#include "pdf/contract_document.h"
#include "pdf_test_support.h"

namespace isp::pdf::test {

TEST_CASE("French contract shows every field, with accents and French amounts") {
    const ContractDocument doc = sample_contract(Language::French);
    const auto pdf = write_output("contract-fr.pdf", render_contract(doc));
    const std::string text = pdf_text(pdf);
    INFO(text);

    // operator
    check_contains(text, "Atlas Net SARL");
    check_contains(text, "12 boulevard Zerktouni, 20250 Casablanca, Maroc");
    check_contains(text, "ICE 001234567000089");
    check_contains(text, "Service client 0800 00 00 00");
    // client
    check_contains(text, "\u00c9lodie \u00c7ak\u0131r-\u00d1\u00fa\u00f1ez \u0141ukasz \u00d8ster");
    check_contains(text, "BK123456");
    check_contains(text, "7 rue des \u00c9rables, Agdal, 10090 Rabat");
    check_contains(text, "+212612345678");
    check_contains(text, "elodie.cakir@example.ma");
    // subscription and offer
    check_contains(text, "0522 12 34 56");
    check_contains(text, "Fibre Max 1 Gb/s");
    check_contains(text, "Internet");
    check_contains(text, "Fibre optique jusqu\u2019\u00e0 1 Gb/s, box Wi-Fi 6 incluse.");
    check_contains(text, "Prix mensuel HT");
    check_contains(text, "1 299,00 MAD");
    check_contains(text, "TVA (20 %)");
    check_contains(text, "259,80 MAD");
    check_contains(text, "Prix mensuel TTC");
    check_contains(text, "1 558,80 MAD");
    // dates and commitment
    check_contains(text, "20 f\u00e9vrier 2026"); // start
    check_contains(text, "24 mois");
    check_contains(text, "19 f\u00e9vrier 2028"); // last day of the commitment
    check_contains(text, "\u00c9tabli le 21 f\u00e9vrier 2026");
    // reference, terms, signatures, page numbers
    check_contains(text, "Contrat d\u2019abonnement");
    check_contains(text, "CTR-2026-000001");
    check_contains(text, "Version 2");
    check_contains(text, "Article 2. Les factures sont \u00e9mises chaque mois");
    check_contains(text, "Pour l\u2019op\u00e9rateur");
    check_contains(text, "\u00ab Lu et");
    check_contains(text, "1 / 1");

    check_well_formed(pdf);
    check_fonts_embedded(pdf);
    render_pngs(pdf, "contract-fr");
}

TEST_CASE("English contract uses English labels, dates and amounts") {
    const ContractDocument doc = sample_contract(Language::English);
    const auto pdf = write_output("contract-en.pdf", render_contract(doc));
    const std::string text = pdf_text(pdf);
    INFO(text);

    check_contains(text, "Subscription contract");
    check_contains(text, "\u00c9lodie \u00c7ak\u0131r-\u00d1\u00fa\u00f1ez \u0141ukasz \u00d8ster");
    check_contains(text, "National ID (CIN)");
    check_contains(text, "BK123456");
    check_contains(text, "Subscriber (service identifier)");
    check_contains(text, "Monthly price before tax");
    check_contains(text, "1,299.00 MAD");
    check_contains(text, "VAT (20%)");
    check_contains(text, "259.80 MAD");
    check_contains(text, "1,558.80 MAD");
    check_contains(text, "20 February 2026");
    check_contains(text, "24 months");
    check_contains(text, "19 February 2028");
    check_contains(text, "Contract no. CTR-2026-000001");
    check_contains(text, "Version 2");
    check_contains(text, "For the operator");
    check_contains(text, "1 / 1");
    CHECK(text.find("Prix mensuel") == std::string::npos);

    check_well_formed(pdf);
    check_fonts_embedded(pdf);
    render_pngs(pdf, "contract-en");
}

TEST_CASE("A contract without commitment says so and prints no end date") {
    ContractDocument doc = sample_contract(Language::French);
    doc.contract.commitment_months = 0;
    const auto pdf = write_output("contract-no-commitment.pdf", render_contract(doc));
    const std::string text = pdf_text(pdf);
    check_contains(text, "Sans engagement");
    CHECK(text.find("Fin d\u2019engagement") == std::string::npos);
}

TEST_CASE("Document metadata: title, author, subject and the record's date") {
    const std::string bytes = render_contract(sample_contract(Language::French));
    const auto pdf = write_output("contract-meta.pdf", bytes);
    const std::string info = run("pdfinfo " + quoted(pdf) + " 2>/dev/null").out;
    INFO(info);
    check_contains(info, "Contrat d\u2019abonnement CTR-2026-000001 (Version 2)");
    check_contains(info, "Author:          Atlas Net SARL");
    check_contains(info, "\u00c9lodie \u00c7ak\u0131r-\u00d1\u00fa\u00f1ez");
    check_contains(info, "2026"); // CreationDate from produced_on
    // libharu leaves the info dictionary and trailer uncompressed
    check_contains(bytes, "/CreationDate (D:20260221000000Z00'00')");
    check_contains(bytes, "/ModDate (D:20260221000000Z00'00')");
    CHECK(bytes.find("/ID") == std::string::npos); // no random file identifier
}

TEST_CASE("Same input gives byte-identical PDFs") {
    const ContractDocument fr = sample_contract(Language::French);
    const ContractDocument en = sample_contract(Language::English);
    const std::string first = render_contract(fr);
    const std::string other = render_contract(en); // reuses this thread's libharu handle in between
    const std::string second = render_contract(fr);
    CHECK(first == second);
    CHECK(first != other);

    // Another thread starts from its own handle: still the same bytes.
    std::string from_thread;
    std::thread([&] { from_thread = render_contract(fr); }).join();
    CHECK(from_thread == first);

    ContractDocument later = fr;
    later.produced_on = "2026-03-01";
    CHECK(render_contract(later) != first);
}

TEST_CASE("Long terms flow over several numbered pages") {
    ContractDocument doc = sample_contract(Language::French);
    doc.terms = long_terms(40);
    const auto pdf = write_output("contract-long-terms.pdf", render_contract(doc));
    const int pages = page_count(pdf);
    REQUIRE(pages >= 3);
    const std::string text = pdf_text(pdf);
    INFO(text);
    for (int page = 1; page <= pages; ++page)
        check_contains(text, std::to_string(page) + " / " + std::to_string(pages));
    check_contains(text, "Article 40.");
    check_contains(text, "LAST PARAGRAPH of the terms.");
    check_contains(text, "Pour l\u2019op\u00e9rateur"); // signatures after the terms
    // continuation pages repeat the reference
    const std::size_t first_break = text.find('\f');
    REQUIRE(first_break != std::string::npos);
    CHECK(text.find("CTR-2026-000001", first_break) != std::string::npos);

    check_well_formed(pdf);
    check_fonts_embedded(pdf);
    render_pngs(pdf, "contract-long-terms");
}

namespace {

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Pixels of page 1 (pdftoppm's binary PPM at 30 dpi) within 40 of the colour per channel.
int pixels_near(const std::filesystem::path& pdf, int r, int g, int b) {
    const std::string ppm = run("pdftoppm -r 30 -f 1 -l 1 " + quoted(pdf) + " 2>/dev/null").out;
    // "P6\n<w> <h>\n255\n" then RGB triplets
    std::size_t pos = 0;
    for (int fields = 0; fields < 4 && pos < ppm.size(); ++fields) {
        while (pos < ppm.size() && std::isspace(static_cast<unsigned char>(ppm[pos])))
            ++pos;
        while (pos < ppm.size() && !std::isspace(static_cast<unsigned char>(ppm[pos])))
            ++pos;
    }
    ++pos;
    int count = 0;
    for (; pos + 2 < ppm.size(); pos += 3) {
        const auto near = [](char c, int want) { return std::abs(static_cast<unsigned char>(c) - want) < 40; };
        count += near(ppm[pos], r) && near(ppm[pos + 1], g) && near(ppm[pos + 2], b);
    }
    return count;
}

// Images drawn (`pdfimages -list` rows of type "image"; a PNG's alpha adds an "smask" row).
int image_count(const std::filesystem::path& pdf) {
    const std::string list = run("pdfimages -list " + quoted(pdf) + " 2>/dev/null").out;
    std::istringstream rows(list);
    int count = 0;
    for (std::string line; std::getline(rows, line);) {
        std::istringstream cells(line);
        std::string page, num, type;
        cells >> page >> num >> type;
        count += type == "image";
    }
    return count;
}

} // namespace

TEST_CASE("Branding: the operator's logo (PNG or JPEG) and accent colour") {
    ContractDocument doc = sample_contract(Language::French);
    const auto plain = write_output("contract-no-logo.pdf", render_contract(doc));
    CHECK(image_count(plain) == 0);
    CHECK(pixels_near(plain, 0xC8, 0x1E, 0x1E) == 0);

    doc.issuer.logo = read_file(ISP_LOGO_PNG);
    REQUIRE(doc.issuer.logo.starts_with("\x89PNG"));
    doc.issuer.accent = 0xC81E1E;
    const auto png = write_output("contract-png-logo-red.pdf", render_contract(doc));
    CHECK(image_count(png) == 1);
    CHECK(pixels_near(png, 0xC8, 0x1E, 0x1E) > 50); // the operator's name and rules in red
    check_well_formed(png);
    render_pngs(png, "contract-png-logo-red");
    CHECK(render_contract(doc) == read_file(png)); // still deterministic

    // A JPEG logo: a page rendered to JPEG by poppler makes a real one.
    const auto jpeg_prefix = output_dir() / "logo-jpeg";
    REQUIRE(run("pdftoppm -r 10 -f 1 -l 1 -jpeg -singlefile " + quoted(plain) + " " + quoted(jpeg_prefix)).status == 0);
    doc.issuer.logo = read_file(jpeg_prefix.string() + ".jpg");
    REQUIRE(doc.issuer.logo.starts_with("\xff\xd8\xff"));
    const auto jpeg = write_output("contract-jpeg-logo.pdf", render_contract(doc));
    CHECK(image_count(jpeg) == 1);
    check_well_formed(jpeg);

    doc.issuer.logo = "GIF89a";
    CHECK_THROWS_AS(render_contract(doc), std::invalid_argument);
    doc.issuer.logo = "";
    CHECK_NOTHROW(render_contract(doc)); // the handle is still usable after a refusal
}

TEST_CASE("Unusual input still renders") {
    ContractDocument doc = sample_contract(Language::French);
    doc.offer.description = "";
    doc.client.email = "";
    doc.offer.name = std::string(300, 'W'); // one unbreakable word, wider than the page
    doc.terms = "Tab\tseparated\r\nCRLF line\n\n\nAfter blank lines; emoji \xF0\x9F\x98\x80 and CJK \xE4\xB8\xAD.";
    doc.issuer.footer = std::string(2000, 'x') + " end";
    const auto pdf = write_output("contract-unusual.pdf", render_contract(doc));
    check_well_formed(pdf);
    const std::string text = pdf_text(pdf);
    check_contains(text, "WWWWWWWW");
    check_contains(text, "CRLF line");
}

TEST_CASE("produced_on must be an ISO date") {
    ContractDocument doc = sample_contract(Language::French);
    doc.produced_on = "21/02/2026";
    CHECK_THROWS_AS(render_contract(doc), std::invalid_argument);
    doc.produced_on = "";
    CHECK_THROWS_AS(render_contract(doc), std::invalid_argument);
    doc.produced_on = "2026-02-21";
    CHECK_NOTHROW(render_contract(doc)); // the handle is still usable after a refusal
}

} // namespace isp::pdf::test
