// Index
// [SECTION] InvoiceLabels (French, English)
// [SECTION] Lines table (header repeated on every page it runs onto)
// [SECTION] Totals, tax per rate, paid stamp
// [SECTION] render_invoice
#include "pdf/invoice_document.h"

#include <map>

#include "pdf/format.h"
#include "pdf/haru_document.h"
#include "pdf/house_style.h"
#include "pdf/layout.h"

namespace isp::pdf {
namespace {

using S = HouseStyle;

//-----------------------------------------------------------------------------
// [SECTION] InvoiceLabels (French, English)
//-----------------------------------------------------------------------------

struct InvoiceLabels {
    const char* title;
    const char* number_prefix;
    const char* issued_on;
    const char* client_section;
    const char* name;
    const char* cin;
    const char* address;
    const char* email;
    const char* subscription_section;
    const char* contract;
    const char* subscriber;
    const char* period;
    const char* issue_date;
    const char* due_date;
    const char* lines_section;
    const char* column_description;
    const char* column_days;
    const char* column_amount;
    const char* column_rate;
    const char* column_tax;
    const char* from;              // "du" 1er mars
    const char* to;                // "au" 14 mars
    const char* monthly;           // monthly price before tax
    const char* early_termination; // a cancellation's one-off line
    const char* terminated_on;     // "Résiliation au" 15 décembre
    const char* subtotal;
    const char* tax_on; // "TVA 20 % sur"
    const char* total;
    const char* paid;
    const char* due;
    const char* paid_stamp;
    const char* payment_section;
    const char* pay_before;
    const char* settled;
};

constexpr InvoiceLabels french_invoice_labels{
    "Facture",
    "Facture n\u00b0\u00a0",
    "\u00c9mise le",
    "Client",
    "Nom",
    "CIN",
    "Adresse",
    "E-mail",
    "Abonnement factur\u00e9",
    "Contrat n\u00b0",
    "Abonn\u00e9 (identifiant de service)",
    "P\u00e9riode de facturation",
    "Date d\u2019\u00e9mission",
    "Date d\u2019\u00e9ch\u00e9ance",
    "D\u00e9tail",
    "Description",
    "Jours",
    "Montant HT",
    "TVA",
    "Montant TVA",
    "Du",
    "au",
    "Prix mensuel HT",
    "Frais de r\u00e9siliation anticip\u00e9e",
    "R\u00e9siliation au",
    "Total HT",
    "sur",
    "Total TTC",
    "D\u00e9j\u00e0 pay\u00e9",
    "Reste \u00e0 payer",
    "PAY\u00c9E",
    "R\u00e8glement",
    "\u00c0 r\u00e9gler au plus tard le",
    "Cette facture est enti\u00e8rement r\u00e9gl\u00e9e. Merci.",
};

constexpr InvoiceLabels english_invoice_labels{
    "Invoice",
    "Invoice no.\u00a0",
    "Issued on",
    "Client",
    "Name",
    "National ID (CIN)",
    "Address",
    "Email",
    "Subscription billed",
    "Contract no.",
    "Subscriber (service identifier)",
    "Billing period",
    "Issue date",
    "Due date",
    "Details",
    "Description",
    "Days",
    "Excl. tax",
    "VAT",
    "VAT amount",
    "From",
    "to",
    "Monthly price excl. tax",
    "Early termination amount",
    "Terminated on",
    "Total excl. tax",
    "on",
    "Total incl. tax",
    "Already paid",
    "Amount due",
    "PAID",
    "Payment",
    "Please pay by",
    "This invoice is fully paid. Thank you.",
};

//-----------------------------------------------------------------------------
// [SECTION] Lines table (header repeated on every page it runs onto)
//-----------------------------------------------------------------------------

constexpr TextStyle line_detail_style{FontFace::Regular, 8, S::muted};
constexpr TextStyle header_style{FontFace::Bold, 8.5f, S::ink};
constexpr float cell_pad = 6;

// Column right edges, from the left margin; the description takes what is left.
struct Columns {
    float description_right, days_right, amount_right, rate_right, tax_right;
};

Columns columns_for(const Layout& page) {
    const float right = page.right();
    return {right - 250, right - 200, right - 120, right - 75, right};
}

void draw_table_header(Layout& page, const InvoiceLabels& l) {
    const Columns c = columns_for(page);
    const float height = 18;
    const float top = page.cursor();
    page.fill_rect(page.left(), top - height, page.width(), height, S::band);
    const float baseline = top - height / 2 - header_style.size * 0.35f;
    page.text(page.left() + cell_pad, baseline, l.column_description, header_style);
    page.text_right(c.days_right - cell_pad, baseline, l.column_days, header_style);
    page.text_right(c.amount_right - cell_pad, baseline, l.column_amount, header_style);
    page.text_right(c.rate_right - cell_pad, baseline, l.column_rate, header_style);
    page.text_right(c.tax_right - cell_pad, baseline, l.column_tax, header_style);
    page.move_down(height + 4);
}

void draw_line(Layout& page, const InvoiceDocument& doc, const InvoiceDocumentLine& line, const InvoiceLabels& l) {
    const Columns c = columns_for(page);
    const float text_width = c.description_right - page.left() - 2 * cell_pad;
    // A cancellation's amount is no prorated days: its own label, the termination date, the offer.
    const auto names =
        page.wrap(line.early_termination ? l.early_termination : line.offer_name, S::table_bold_style, text_width);
    const std::string range = line.early_termination
                                  ? std::string(l.terminated_on) + " " + format_long_date(line.from, doc.language)
                                  : std::string(l.from) + " " + format_long_date(line.from, doc.language) + " " + l.to +
                                        " " + format_long_date(line.to, doc.language);
    const auto ranges = page.wrap(range, line_detail_style, text_width);
    const auto monthly = page.wrap(line.early_termination
                                       ? line.offer_name
                                       : std::string(l.monthly) + " " + format_money(line.monthly_price, doc.language),
                                   line_detail_style, text_width);
    const float height = static_cast<float>(names.size()) * S::table_bold_style.leading() +
                         static_cast<float>(ranges.size() + monthly.size()) * line_detail_style.leading() + 6;
    if (height > page.space_left()) {
        page.new_page();
        draw_table_header(page, l);
    }
    const float top = page.cursor();
    const float first_baseline = Layout::baseline_for(top, S::table_bold_style);
    float y = top;
    for (const std::string& s : names) {
        page.text(page.left() + cell_pad, Layout::baseline_for(y, S::table_bold_style), s, S::table_bold_style);
        y -= S::table_bold_style.leading();
    }
    for (const auto* block : {&ranges, &monthly})
        for (const std::string& s : *block) {
            page.text(page.left() + cell_pad, Layout::baseline_for(y, line_detail_style), s, line_detail_style);
            y -= line_detail_style.leading();
        }
    // "14 / 31": wider gaps than a space so that text extraction keeps them apart.
    if (!line.early_termination)
        page.text_right(c.days_right - cell_pad, first_baseline,
                        std::to_string(line.days) + "\u2002/\u2002" + std::to_string(line.days_in_period),
                        S::table_style);
    page.text_right(c.amount_right - cell_pad, first_baseline, format_money(line.amount, doc.language), S::table_style);
    page.text_right(c.rate_right - cell_pad, first_baseline, format_rate(line.tax_rate_bp, doc.language),
                    S::table_style);
    page.text_right(c.tax_right - cell_pad, first_baseline, format_money(line.tax, doc.language), S::table_style);
    page.move_down(height);
    page.hline(page.left(), page.right(), page.cursor() + 3, S::hairline, 0.5f);
}

//-----------------------------------------------------------------------------
// [SECTION] Totals, tax per rate, paid stamp
//-----------------------------------------------------------------------------

std::vector<HouseStyle::AmountRow> total_rows(const InvoiceDocument& doc, const InvoiceLabels& l) {
    std::vector<HouseStyle::AmountRow> rows;
    rows.push_back({l.subtotal, format_money(doc.subtotal, doc.language)});
    // Tax per rate, as tax law asks: the base and the tax of each rate.
    std::map<BasisPoints, std::pair<std::int64_t, std::int64_t>> by_rate;
    for (const InvoiceDocumentLine& line : doc.lines) {
        by_rate[line.tax_rate_bp].first += line.amount.amount_minor;
        by_rate[line.tax_rate_bp].second += line.tax.amount_minor;
    }
    const std::string& currency = doc.total.currency;
    for (const auto& [rate, sums] : by_rate)
        rows.push_back({std::string(l.column_rate) + " " + format_rate(rate, doc.language) + " " + l.tax_on + " " +
                            format_money({sums.first, currency}, doc.language),
                        format_money({sums.second, currency}, doc.language)});
    rows.push_back({l.total, format_money(doc.total, doc.language), true});
    rows.push_back({l.paid, format_money(doc.paid, doc.language)});
    rows.push_back(
        {l.due, format_money({doc.total.amount_minor - doc.paid.amount_minor, currency}, doc.language), true});
    return rows;
}

void draw_totals(Layout& page, const HouseStyle& house, const InvoiceDocument& doc, const InvoiceLabels& l) {
    page.move_down(6);
    const float top = house.amounts_box(page, page.right() - 270, total_rows(doc, l));

    const bool settled = doc.paid.amount_minor >= doc.total.amount_minor;
    if (settled) {
        // A stamp left of the totals: a paid invoice says so at first glance.
        const TextStyle stamp_style{FontFace::Bold, 22, house.accent()};
        const float stamp_w = page.text_width(l.paid_stamp, stamp_style) + 24;
        const float stamp_h = 36;
        const float sx = page.left() + 20;
        const float sy = top - (top - page.cursor()) / 2 - stamp_h / 2;
        page.stroke_rect(sx, sy, stamp_w, stamp_h, house.accent(), 2);
        page.text(sx + 12, sy + stamp_h / 2 - stamp_style.size * 0.35f, l.paid_stamp, stamp_style);
    }
    page.move_down(S::section_gap);
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] render_invoice
//-----------------------------------------------------------------------------

std::string render_invoice(const InvoiceDocument& doc) {
    const InvoiceLabels& l = doc.language == Language::English ? english_invoice_labels : french_invoice_labels;
    const std::string reference = std::string(l.number_prefix) + doc.invoice_number;

    HaruDocument pdf({
        .title = std::string(l.title) + " " + doc.invoice_number,
        .author = doc.issuer.name,
        .subject = doc.client_name + " \u2014 " +
                   format_month(doc.period_start.year, doc.period_start.month, doc.language) + " \u2014 " +
                   doc.contract_number,
        .creator = "ISP self-service portal",
        .created = doc.issue_date,
    });
    Layout page(pdf, Margins{});
    const HouseStyle house(doc.issuer);
    house.repeat_header_on_new_pages(page, std::string(l.title) + " \u00b7 " + reference);
    house.letterhead(page, l.title, reference,
                     std::string(l.issued_on) + " " + format_long_date(doc.issue_date, doc.language));

    house.section(page, l.client_section, S::value_style.leading() * 2);
    house.row(page, l.name, doc.client_name, S::value_bold_style);
    house.row(page, l.cin, doc.cin);
    house.row(page, l.address, doc.address);
    if (!doc.email.empty())
        house.row(page, l.email, doc.email);
    page.move_down(S::section_gap - S::row_gap);

    house.section(page, l.subscription_section, S::value_style.leading() * 2);
    house.row(page, l.contract, doc.contract_number);
    house.row(page, l.subscriber, doc.service_identifier, S::value_bold_style);
    house.row(page, l.period,
              format_month(doc.period_start.year, doc.period_start.month, doc.language) + " (" +
                  format_long_date(doc.period_start, doc.language) + " \u2013 " +
                  format_long_date(doc.period_end, doc.language) + ")");
    house.row(page, l.issue_date, format_long_date(doc.issue_date, doc.language));
    house.row(page, l.due_date, format_long_date(doc.due_date, doc.language), S::value_bold_style);
    page.move_down(S::section_gap - S::row_gap);

    house.section(page, l.lines_section, 60);
    draw_table_header(page, l);
    for (const InvoiceDocumentLine& line : doc.lines)
        draw_line(page, doc, line, l);
    draw_totals(page, house, doc, l);

    const bool settled = doc.paid.amount_minor >= doc.total.amount_minor;
    house.section(page, l.payment_section, S::value_style.leading() * 2);
    if (settled)
        page.paragraph(l.settled, S::value_bold_style);
    else
        page.paragraph(std::string(l.pay_before) + " " + format_long_date(doc.due_date, doc.language) + ".",
                       S::value_bold_style);
    page.move_down(4);
    if (!doc.payment_instructions.empty()) {
        page.paragraph(doc.payment_instructions, S::terms_style);
        page.move_down(8);
    }
    if (!doc.legal_mentions.empty())
        page.paragraph(doc.legal_mentions, S::small_style);

    house.finish_pages(page);
    return pdf.save();
}

} // namespace isp::pdf
