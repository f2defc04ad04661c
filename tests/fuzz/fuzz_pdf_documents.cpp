// Fuzz harness `pdf_documents`: contract and invoice PDFs (pdf/contract_document.h,
// pdf/invoice_document.h) with arbitrary Unicode in every text a document prints: names,
// addresses, e-mail, offer names and descriptions, terms, the operator's texts. Must not
// crash or throw, must give bytes starting with "%PDF-" and ending with "%%EOF", and
// (when the input asks for it) the same bytes for the same document.
//
// Input: one flags byte (kind, language, logo, render twice, number of invoice lines),
// 48 bytes of numbers (dates, amounts, rates, days of each line), then the texts separated by 0x1F (ASCII unit
// separator), in the order of `contract_fields` / `invoice_fields` below. Each text is kept only when the server could
// have stored it, otherwise the sample's value is used instead:
//   - client fields (names, CIN, phone, e-mail, address), contract number, service
//     identifier: is_clean_utf8_line and the signup form's length limit (the signup and
//     /customers rules);
//   - offer name and description: well-formed UTF-8 of at most 100 / 1000 characters,
//     control characters included (offer_body_from_json checks only the length, and JSON's
//     "\u0001" escapes reach it);
//   - the operator's terms: what operator_profile's check lets through: well-formed
//     UTF-8 (is_valid_utf8, the same test), control characters and newlines included;
//   - the operator's other texts (flags and environment, not checked by the server):
//     well-formed UTF-8, newlines allowed.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_support.h"
#include "pdf/contract_document.h"
#include "pdf/invoice_document.h"
#include "shared/domain/text.h"
#include "web/assets/embedded_assets.h"

namespace {

using isp::Date;
using isp::Language;
using isp::Money;

// After the flags byte: numbers (dates, amounts, rates, days per invoice line).
constexpr std::size_t header_bytes = 48;

// Reads the header: bytes from the front, zero once the input is used up.
class Header {
public:
    explicit Header(std::string_view& input) : in_(input) {}
    std::uint32_t byte() {
        if (in_.empty())
            return 0;
        const auto b = static_cast<unsigned char>(in_.front());
        in_.remove_prefix(1);
        return b;
    }
    std::uint32_t u16() { return byte() | (byte() << 8); }
    std::uint32_t u32() { return u16() | (u16() << 16); }

private:
    std::string_view& in_;
};

std::vector<std::string_view> split_fields(std::string_view text) {
    std::vector<std::string_view> out;
    while (true) {
        const auto sep = text.find('\x1f');
        out.push_back(text.substr(0, sep));
        if (sep == std::string_view::npos)
            break;
        text.remove_prefix(sep + 1);
    }
    return out;
}

class Fields {
public:
    explicit Fields(std::string_view text) : fields_(split_fields(text)) {}
    // The next text when present, else `fallback`.
    std::string_view next(std::string_view fallback) {
        if (next_ >= fields_.size())
            return fallback;
        return fields_[next_++];
    }

private:
    std::vector<std::string_view> fields_;
    std::size_t next_ = 0;
};

std::string client_text(Fields& f, std::size_t max_chars, std::string_view fallback) {
    const std::string_view v = f.next(fallback);
    if (!isp::is_clean_utf8_line(v) || isp::utf8_length(v) > max_chars)
        return std::string(fallback);
    return std::string(v);
}

std::string utf8_text(Fields& f, std::size_t max_chars, std::string_view fallback) {
    const std::string_view v = f.next(fallback);
    if (!isp::is_valid_utf8(v) || isp::utf8_length(v) > max_chars)
        return std::string(fallback);
    return std::string(v);
}

std::string terms_text(Fields& f, std::string_view fallback) {
    const std::string_view v = f.next(fallback);
    // The test operator_profile.cpp's load_operator_files applies to --operator-terms files.
    return isp::is_valid_utf8(v) ? std::string(v) : std::string(fallback);
}

Date date_from(std::uint32_t days_after_2020) {
    return Date{2020, 1, 1}.plus_days(days_after_2020 % 7300);
}

isp::pdf::OperatorIdentity issuer(Fields& f, bool logo, std::uint32_t accent) {
    isp::pdf::OperatorIdentity who;
    who.name = utf8_text(f, 200, "Atlas Net SARL");
    who.address = utf8_text(f, 1000, "12 boulevard Zerktouni, 20250 Casablanca, Maroc");
    who.legal_ids = utf8_text(f, 1000, "RC 123456 \u00b7 IF 1234567 \u00b7 ICE 001234567000089");
    who.footer = utf8_text(f, 1000, "Atlas Net SARL \u00b7 Service client 0800 00 00 00 \u00b7 www.atlasnet.ma");
    who.accent = accent & 0xFFFFFF;
    if (logo)
        who.logo.assign(reinterpret_cast<const char*>(isp::assets::logo.data()), isp::assets::logo.size());
    return who;
}

void check_pdf(const std::string& pdf) {
    ISP_FUZZ_CHECK(pdf.rfind("%PDF-", 0) == 0, pdf.substr(0, 64));
    ISP_FUZZ_CHECK(pdf.find("%%EOF", pdf.size() > 16 ? pdf.size() - 16 : 0) != std::string::npos,
                   pdf.substr(pdf.size() > 64 ? pdf.size() - 64 : 0));
}

void contract(Header& h, Fields& f, Language language, bool logo, bool twice) {
    isp::pdf::ContractDocument doc;
    doc.language = language;
    const std::uint32_t start = h.u16();
    const std::uint32_t commitment = h.byte() % 37;
    const std::uint32_t version = 1 + h.byte();
    const std::uint32_t family = h.byte() % 3;
    const std::uint32_t accent = h.u32();
    const std::uint32_t price = h.u32();
    const std::uint32_t tax_bp = h.u16() % 10001;

    doc.client.first_name = client_text(f, 60, "\u00c9lodie");
    doc.client.last_name = client_text(f, 60, "\u00c7ak\u0131r-\u00d1\u00fa\u00f1ez");
    doc.client.address = client_text(f, 200, "7 rue des \u00c9rables, Agdal, 10090 Rabat");
    doc.client.email = client_text(f, 254, "elodie.cakir@example.ma");
    doc.client.cin = client_text(f, 12, "BK123456");
    doc.client.phone = client_text(f, 20, "+212612345678");
    doc.offer.name = utf8_text(f, 100, "Fibre Max 1 Gb/s");
    doc.offer.description = utf8_text(f, 1000, "Fibre optique jusqu\u2019\u00e0 1 Gb/s, box Wi-Fi 6 incluse.");
    doc.contract.service_identifier = client_text(f, 24, "0522 12 34 56");
    doc.contract.contract_number = client_text(f, 40, "CTR-2026-000001");
    doc.terms =
        terms_text(f, "Article 1. Le pr\u00e9sent contrat prend effet \u00e0 la date de d\u00e9but indiqu\u00e9e.");
    doc.issuer = issuer(f, logo, accent);

    doc.client.client_id = "cli_fuzz";
    doc.client.language = language;
    doc.offer.offer_id = "ofr_fuzz";
    doc.offer.family = static_cast<isp::ServiceFamily>(family);
    doc.offer.monthly_price = {static_cast<std::int64_t>(price), "MAD"};
    doc.offer.tax_rate_bp = static_cast<isp::BasisPoints>(tax_bp);
    doc.offer.commitment_months = static_cast<int>(commitment);
    doc.contract.contract_id = "ctr_fuzz";
    doc.contract.client_id = "cli_fuzz";
    doc.contract.offer_id = "ofr_fuzz";
    doc.contract.contract_start_date = date_from(start);
    doc.contract.commitment_months = static_cast<int>(commitment);
    doc.contract.document_version = static_cast<int>(version);
    doc.produced_on = date_from(start).to_iso();

    const std::string pdf = isp::pdf::render_contract(doc);
    check_pdf(pdf);
    if (twice)
        ISP_FUZZ_CHECK(isp::pdf::render_contract(doc) == pdf, "the same contract gave other bytes");
}

void invoice(Header& h, Fields& f, Language language, bool logo, bool twice, std::uint32_t line_count) {
    isp::pdf::InvoiceDocument doc;
    doc.language = language;
    const std::uint32_t period = h.u16() % 240; // months after 2020-01
    const std::uint32_t accent = h.u32();
    doc.period_start = Date{2020 + static_cast<int>(period / 12), 1 + static_cast<int>(period % 12), 1};
    doc.period_end = Date{doc.period_start.year, doc.period_start.month,
                          isp::days_in_month(doc.period_start.year, doc.period_start.month)};
    doc.issue_date = doc.period_end.plus_days(1);
    doc.due_date = doc.issue_date.plus_days(h.byte() % 61);

    doc.client_name = client_text(f, 121, "\u00c9lodie \u00c7ak\u0131r-\u00d1\u00fa\u00f1ez");
    doc.address = client_text(f, 200, "7 rue des \u00c9rables, Agdal, 10090 Rabat");
    doc.email = client_text(f, 254, "elodie.cakir@example.ma");
    doc.cin = client_text(f, 12, "BK123456");
    doc.contract_number = client_text(f, 40, "CTR-2026-000001");
    doc.service_identifier = client_text(f, 24, "0522 12 34 56");
    doc.invoice_number = client_text(f, 40, "FAC-2026-000042");
    doc.payment_instructions = utf8_text(f, 2000, "Virement : RIB 011 780 0000123456789012 34 (Banque Atlas).");
    doc.legal_mentions = utf8_text(f, 2000, "Tout retard de paiement entra\u00eene une p\u00e9nalit\u00e9.");
    doc.issuer = issuer(f, logo, accent);

    const int days_in_period = doc.period_end.day;
    std::int64_t subtotal = 0, tax = 0;
    int next_day = 1;
    for (std::uint32_t i = 0; i < line_count && next_day <= days_in_period; ++i) {
        isp::pdf::InvoiceDocumentLine line;
        line.offer_name = utf8_text(f, 100, "Fibre 100 Mb/s");
        const int days = 1 + static_cast<int>(h.byte()) % (days_in_period - next_day + 1);
        line.from = Date{doc.period_start.year, doc.period_start.month, next_day};
        line.to = Date{doc.period_start.year, doc.period_start.month, next_day + days - 1};
        next_day += days;
        line.days = days;
        line.days_in_period = days_in_period;
        const std::int64_t monthly = h.u32() % 100000000; // up to a million MAD a month
        line.monthly_price = {monthly, "MAD"};
        line.amount = {(monthly * days + days_in_period / 2) / days_in_period, "MAD"};
        line.tax_rate_bp = static_cast<isp::BasisPoints>(h.u16() % 10001);
        line.tax = {isp::apply_rate(line.amount.amount_minor, line.tax_rate_bp), "MAD"};
        subtotal += line.amount.amount_minor;
        tax += line.tax.amount_minor;
        doc.lines.push_back(std::move(line));
    }
    doc.subtotal = {subtotal, "MAD"};
    doc.tax = {tax, "MAD"};
    doc.total = {subtotal + tax, "MAD"};
    const std::uint32_t paid_share = h.byte(); // 0: nothing paid ... 255: all of it
    doc.paid = {doc.total.amount_minor * paid_share / 255, "MAD"};

    const std::string pdf = isp::pdf::render_invoice(doc);
    check_pdf(pdf);
    if (twice)
        ISP_FUZZ_CHECK(isp::pdf::render_invoice(doc) == pdf, "the same invoice gave other bytes");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 16384) // longer than all the fields' limits together
        return 0;
    std::string_view input(reinterpret_cast<const char*>(data), size);
    Header h(input);
    const std::uint32_t flags = h.byte();
    const bool is_invoice = flags & 1;
    const Language language = (flags & 2) ? Language::English : Language::French;
    const bool logo = flags & 4;
    const bool twice = flags & 8;
    const std::uint32_t line_count = (flags >> 4) % 6; // invoices: 0 to 5 lines
    // The rest of the header (numbers) is read by the document kind; the texts follow it.
    std::string_view header = input.substr(0, std::min(input.size(), header_bytes));
    Header rest(header);
    Fields fields(input.size() > header_bytes ? input.substr(header_bytes) : std::string_view());
    if (is_invoice)
        invoice(rest, fields, language, logo, twice, line_count);
    else
        contract(rest, fields, language, logo, twice);
    return 0;
}
