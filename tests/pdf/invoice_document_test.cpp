// The invoice PDF read back as a customer's reader or an accountant's tool would:
// every field through pdftotext, structure through qpdf, fonts through pdffonts, a PNG of
// every page for a person to look at.
#include <doctest/doctest.h>

#include <string>

#include "pdf/invoice_document.h"
#include "pdf_test_support.h"

namespace isp::pdf::test {
namespace {

InvoiceDocument sample_invoice(Language language) {
    InvoiceDocument doc;
    const ContractDocument contract = sample_contract(language); // same operator and client
    doc.issuer = contract.issuer;
    doc.language = language;
    doc.invoice_number = "FAC-2026-000042";
    doc.issue_date = {2026, 4, 1};
    doc.due_date = {2026, 4, 16};
    doc.period_start = {2026, 3, 1};
    doc.period_end = {2026, 3, 31};
    doc.client_name = contract.client.first_name + " " + contract.client.last_name;
    doc.cin = contract.client.cin;
    doc.address = contract.client.address;
    doc.email = contract.client.email;
    doc.contract_number = "CTR-2026-000001";
    doc.service_identifier = "0522 12 34 56";
    // Plan change on 15 March: 14 days of Fibre 100, 17 days of Fibre Max.
    doc.lines = {
        {"Fibre 100 Mb/s", {2026, 3, 1}, {2026, 3, 14}, 14, 31, {49900, "MAD"}, {22535, "MAD"}, 2000, {4507, "MAD"}},
        {"Fibre Max 1 Gb/s",
         {2026, 3, 15},
         {2026, 3, 31},
         17,
         31,
         {129900, "MAD"},
         {71235, "MAD"},
         2000,
         {14247, "MAD"}},
    };
    doc.subtotal = {93770, "MAD"};
    doc.tax = {18754, "MAD"};
    doc.total = {112524, "MAD"};
    doc.paid = {12524, "MAD"};
    doc.payment_instructions = language == Language::French
                                   ? "Virement : RIB 011 780 0000123456789012 34 (Banque Atlas), r\u00e9f\u00e9rence "
                                     "FAC-2026-000042. Esp\u00e8ces ou carte dans nos agences."
                                   : "Bank transfer: RIB 011 780 0000123456789012 34 (Banque Atlas), reference "
                                     "FAC-2026-000042. Cash or card in our shops.";
    doc.legal_mentions = language == Language::French
                             ? "Tout retard de paiement entra\u00eene une p\u00e9nalit\u00e9 de 1,5 % par mois."
                             : "Late payment incurs a penalty of 1.5% per month.";
    return doc;
}

} // namespace

TEST_CASE("French invoice shows every field: dates, client, prorated lines, tax per rate, paid and due") {
    const InvoiceDocument doc = sample_invoice(Language::French);
    const auto pdf = write_output("invoice-fr.pdf", render_invoice(doc));
    const std::string text = pdf_text(pdf);
    INFO(text);

    check_contains(text, "Atlas Net SARL");
    check_contains(text, "ICE 001234567000089");
    check_contains(text, "Facture n\u00b0 FAC-2026-000042");
    check_contains(text, "\u00c9mise le 1er avril 2026");
    check_contains(text, "16 avril 2026"); // due
    check_contains(text, "mars 2026 (1er mars 2026 \u2013 31 mars 2026)");
    check_contains(text, "\u00c9lodie \u00c7ak\u0131r-\u00d1\u00fa\u00f1ez \u0141ukasz \u00d8ster");
    check_contains(text, "BK123456");
    check_contains(text, "7 rue des \u00c9rables, Agdal, 10090 Rabat");
    check_contains(text, "CTR-2026-000001");
    check_contains(text, "0522 12 34 56");
    // lines: offer, range, days, amounts
    check_contains(text, "Fibre 100 Mb/s");
    check_contains(text, "Du 1er mars 2026 au 14 mars 2026");
    check_contains(text, "14 / 31");
    check_contains(text, "225,35 MAD");
    check_contains(text, "Fibre Max 1 Gb/s");
    check_contains(text, "Du 15 mars 2026 au 31 mars 2026");
    check_contains(text, "17 / 31");
    check_contains(text, "712,35 MAD");
    check_contains(text, "Prix mensuel HT 1 299,00 MAD");
    // totals
    check_contains(text, "Total HT");
    check_contains(text, "937,70 MAD");
    check_contains(text, "TVA 20 % sur 937,70 MAD");
    check_contains(text, "187,54 MAD");
    check_contains(text, "Total TTC");
    check_contains(text, "1 125,24 MAD");
    check_contains(text, "D\u00e9j\u00e0 pay\u00e9");
    check_contains(text, "125,24 MAD");
    check_contains(text, "Reste \u00e0 payer");
    check_contains(text, "1 000,00 MAD");
    check_contains(text, "\u00c0 r\u00e9gler au plus tard le 16 avril 2026.");
    check_contains(text, "RIB 011 780 0000123456789012 34");
    check_contains(text, "p\u00e9nalit\u00e9 de 1,5 % par mois");
    check_contains(text, "1 / 1");
    CHECK(text.find("PAY\u00c9E") == std::string::npos); // not paid yet

    check_well_formed(pdf);
    check_fonts_embedded(pdf);
    render_pngs(pdf, "invoice-fr");
}

TEST_CASE("English invoice: English labels, dates and amounts; a paid invoice says so") {
    InvoiceDocument doc = sample_invoice(Language::English);
    doc.paid = doc.total;
    const auto pdf = write_output("invoice-en-paid.pdf", render_invoice(doc));
    const std::string text = pdf_text(pdf);
    INFO(text);

    check_contains(text, "Invoice no. FAC-2026-000042");
    check_contains(text, "Issued on 1 April 2026");
    check_contains(text, "March 2026 (1 March 2026 \u2013 31 March 2026)");
    check_contains(text, "National ID (CIN)");
    check_contains(text, "From 1 March 2026 to 14 March 2026");
    check_contains(text, "VAT 20% on 937.70 MAD");
    check_contains(text, "1,125.24 MAD");
    check_contains(text, "Amount due");
    check_contains(text, "0.00 MAD");
    check_contains(text, "PAID");
    check_contains(text, "This invoice is fully paid.");
    CHECK(text.find("Please pay by") == std::string::npos);
    CHECK(text.find("Total HT") == std::string::npos);

    check_well_formed(pdf);
    check_fonts_embedded(pdf);
    render_pngs(pdf, "invoice-en-paid");
}

TEST_CASE("Many lines flow onto further pages with the table header repeated") {
    InvoiceDocument doc = sample_invoice(Language::French);
    doc.lines.clear();
    std::int64_t subtotal = 0, tax = 0;
    for (int i = 1; i <= 60; ++i) {
        const int day = (i - 1) % 28 + 1;
        InvoiceDocumentLine line{"Option " + std::to_string(i) + " \u00e9t\u00e9",
                                 {2026, 3, day},
                                 {2026, 3, day},
                                 1,
                                 31,
                                 {3100, "MAD"},
                                 {100, "MAD"},
                                 i % 2 ? 2000 : 1000,
                                 {i % 2 ? 20 : 10, "MAD"}};
        subtotal += line.amount.amount_minor;
        tax += line.tax.amount_minor;
        doc.lines.push_back(line);
    }
    doc.subtotal = {subtotal, "MAD"};
    doc.tax = {tax, "MAD"};
    doc.total = {subtotal + tax, "MAD"};
    doc.paid = {0, "MAD"};
    const auto pdf = write_output("invoice-many-lines.pdf", render_invoice(doc));
    const int pages = page_count(pdf);
    REQUIRE(pages >= 2);
    const std::string text = pdf_text(pdf);
    INFO(text);
    for (int page = 1; page <= pages; ++page)
        check_contains(text, std::to_string(page) + " / " + std::to_string(pages));
    check_contains(text, "Option 1 \u00e9t\u00e9");
    check_contains(text, "Option 60 \u00e9t\u00e9");
    // Two rates, each with its base and tax.
    check_contains(text, "TVA 20 % sur 30,00 MAD");
    check_contains(text, "TVA 10 % sur 30,00 MAD");
    // Every page after the first repeats the reference and the table header.
    std::size_t from = 0;
    int continuation_pages = 0;
    while ((from = text.find('\f', from)) != std::string::npos && from + 1 < text.size()) {
        ++from;
        const std::size_t next = text.find('\f', from);
        const std::string page_text = text.substr(from, next == std::string::npos ? std::string::npos : next - from);
        if (page_text.find("Option") == std::string::npos)
            continue; // the totals page may hold no line
        ++continuation_pages;
        CHECK(page_text.find("FAC-2026-000042") != std::string::npos);
        CHECK(page_text.find("Montant HT") != std::string::npos);
    }
    CHECK(continuation_pages >= 1);

    check_well_formed(pdf);
    check_fonts_embedded(pdf);
    render_pngs(pdf, "invoice-many-lines");
}

TEST_CASE("Invoice PDFs are deterministic and carry their metadata") {
    const InvoiceDocument doc = sample_invoice(Language::French);
    const std::string first = render_invoice(doc);
    CHECK(render_invoice(doc) == first);
    check_contains(first, "/CreationDate (D:20260401000000Z00'00')");
    const auto pdf = write_output("invoice-meta.pdf", first);
    const std::string info = run("pdfinfo " + quoted(pdf) + " 2>/dev/null").out;
    INFO(info);
    check_contains(info, "Facture FAC-2026-000042");
    check_contains(info, "Author:          Atlas Net SARL");
    check_contains(info, "mars 2026");
}

} // namespace isp::pdf::test
