#include "pdf/contract_document.h"

#include <algorithm>
#include <stdexcept>

#include "pdf/format.h"
#include "pdf/haru_document.h"
#include "pdf/house_style.h"
#include "pdf/layout.h"

namespace isp::pdf {

namespace {

// Every word the contract prints around the data, in both languages.
struct ContractLabels {
    const char* title;
    const char* number_prefix; // before the contract number
    const char* version;
    const char* issued_on;
    const char* client_section;
    const char* name;
    const char* cin;
    const char* address;
    const char* phone;
    const char* email;
    const char* subscription_section;
    const char* subscriber;
    const char* offer;
    const char* family;
    const char* description;
    const char* start_date;
    const char* commitment;
    const char* months; // after the number of months
    const char* no_commitment;
    const char* commitment_end;
    const char* termination_date;
    const char* early_termination_amount;
    const char* price_section;
    const char* price_before_tax;
    const char* tax; // followed by the rate
    const char* price_with_tax;
    const char* terms_section;
    const char* signatures_section;
    const char* for_operator;
    const char* for_client;
    const char* signature_hint;
};

constexpr ContractLabels french_contract_labels{
    "Contrat d\u2019abonnement",
    "Contrat n\u00b0\u00a0",
    "Version",
    "\u00c9tabli le",
    "Le client",
    "Nom",
    "CIN",
    "Adresse",
    "T\u00e9l\u00e9phone",
    "E-mail",
    "L\u2019abonnement",
    "Abonn\u00e9 (identifiant de service)",
    "Offre",
    "Famille",
    "Description",
    "Date de d\u00e9but",
    "Dur\u00e9e d\u2019engagement",
    "mois",
    "Sans engagement",
    "Fin d\u2019engagement",
    "Date de r\u00e9siliation",
    "Frais de r\u00e9siliation anticip\u00e9e",
    "Tarif mensuel",
    "Prix mensuel HT",
    "TVA",
    "Prix mensuel TTC",
    "Conditions g\u00e9n\u00e9rales",
    "Signatures",
    "Pour l\u2019op\u00e9rateur",
    "Le client",
    "Date et signature, pr\u00e9c\u00e9d\u00e9es de la mention \u00ab\u00a0Lu et approuv\u00e9\u00a0\u00bb",
};

constexpr ContractLabels english_contract_labels{
    "Subscription contract",
    "Contract no.\u00a0",
    "Version",
    "Issued on",
    "The client",
    "Name",
    "National ID (CIN)",
    "Address",
    "Phone",
    "Email",
    "The subscription",
    "Subscriber (service identifier)",
    "Offer",
    "Family",
    "Description",
    "Start date",
    "Commitment",
    "months",
    "No commitment",
    "Commitment ends",
    "Termination date",
    "Early termination amount",
    "Monthly price",
    "Monthly price before tax",
    "VAT",
    "Monthly price incl. tax",
    "Terms and conditions",
    "Signatures",
    "For the operator",
    "The client",
    "Date and signature, preceded by \u201cRead and approved\u201d",
};

using S = HouseStyle;

std::string contract_reference(const ContractDocument& doc, const ContractLabels& l) {
    return std::string(l.number_prefix) + doc.contract.contract_number + " \u00b7 " + l.version + " " +
           std::to_string(doc.contract.document_version);
}

void draw_price_table(Layout& page, const HouseStyle& house, const ContractDocument& doc, const ContractLabels& l) {
    const Offer& offer = doc.offer;
    const float row_height = HouseStyle::amount_row_height;
    const float top =
        house.amounts_box(page, page.left() + S::label_column,
                          {{l.price_before_tax, format_money(offer.monthly_price, doc.language)},
                           {std::string(l.tax) + " (" + format_rate(offer.tax_rate_bp, doc.language) + ")",
                            format_money(tax_amount(offer), doc.language)},
                           {l.price_with_tax, format_money(price_with_tax(offer), doc.language), true}});
    page.text(page.left(), Layout::baseline_for(top - (row_height - S::label_style.leading()) / 2, S::label_style),
              l.price_section, S::label_style);
    page.move_down(S::row_gap);
}

void draw_signatures(Layout& page, const HouseStyle& house, const ContractDocument& doc, const ContractLabels& l) {
    const float box_height = 100;
    house.section(page, l.signatures_section, box_height + 4);
    const float gap = 20;
    const float box_width = (page.width() - gap) / 2;
    const float top = page.cursor();
    const std::string client_name = doc.client.first_name + " " + doc.client.last_name;
    const struct {
        const char* heading;
        const std::string* who;
    } parties[] = {{l.for_operator, &doc.issuer.name}, {l.for_client, &client_name}};
    float x = page.left();
    for (const auto& party : parties) {
        page.stroke_rect(x, top - box_height, box_width, box_height, S::hairline, 0.75f);
        float y = top - 8;
        page.text(x + 10, Layout::baseline_for(y, S::value_bold_style), party.heading, S::value_bold_style);
        y -= S::value_bold_style.leading();
        for (const std::string& line : page.wrap(*party.who, S::value_style, box_width - 20)) {
            page.text(x + 10, Layout::baseline_for(y, S::value_style), line, S::value_style);
            y -= S::value_style.leading();
        }
        auto hint = page.wrap(l.signature_hint, S::small_style, box_width - 20);
        float hy = top - box_height + 8 + static_cast<float>(hint.size()) * S::small_style.leading();
        for (const std::string& line : hint) {
            page.text(x + 10, Layout::baseline_for(hy, S::small_style), line, S::small_style);
            hy -= S::small_style.leading();
        }
        x += box_width + gap;
    }
    page.move_down(box_height);
}

} // namespace

std::string render_contract(const ContractDocument& doc) {
    const std::optional<Date> issued = parse_iso_date(doc.produced_on);
    if (!issued)
        throw std::invalid_argument("render_contract: produced_on must be a YYYY-MM-DD date, got \"" + doc.produced_on +
                                    "\"");
    const ContractLabels& l = doc.language == Language::English ? english_contract_labels : french_contract_labels;
    const Client& client = doc.client;
    const Offer& offer = doc.offer;
    const Contract& contract = doc.contract;
    const std::string client_name = client.first_name + " " + client.last_name;

    HaruDocument pdf({
        .title = std::string(l.title) + " " + contract.contract_number + " (" + l.version + " " +
                 std::to_string(contract.document_version) + ")",
        .author = doc.issuer.name,
        .subject = client_name + " \u2014 " + offer.name + " \u2014 " + contract.service_identifier,
        .creator = "ISP self-service portal",
        .created = *issued,
    });
    Layout page(pdf, Margins{});
    const HouseStyle house(doc.issuer);

    house.repeat_header_on_new_pages(page, std::string(l.title) + " \u00b7 " + contract_reference(doc, l));
    house.letterhead(page, l.title, contract_reference(doc, l),
                     std::string(l.issued_on) + " " + format_long_date(*issued, doc.language));

    house.section(page, l.client_section, S::value_style.leading() * 2);
    house.row(page, l.name, client_name, S::value_bold_style);
    house.row(page, l.cin, client.cin);
    house.row(page, l.address, client.address);
    house.row(page, l.phone, client.phone);
    house.row(page, l.email, client.email);
    page.move_down(S::section_gap - S::row_gap);

    house.section(page, l.subscription_section, S::value_style.leading() * 2);
    house.row(page, l.subscriber, contract.service_identifier, S::value_bold_style);
    house.row(page, l.offer, offer.name, S::value_bold_style);
    house.row(page, l.family, family_label(offer.family, doc.language));
    if (!offer.description.empty())
        house.row(page, l.description, offer.description);
    house.row(page, l.start_date, format_long_date(contract.contract_start_date, doc.language));
    if (const auto end = commitment_end(contract.contract_start_date, contract.commitment_months)) {
        house.row(page, l.commitment, std::to_string(contract.commitment_months) + " " + l.months);
        house.row(page, l.commitment_end, format_long_date(*end, doc.language));
    } else {
        house.row(page, l.commitment, l.no_commitment);
    }
    if (doc.cancellation) {
        house.row(page, l.termination_date, format_long_date(doc.cancellation->termination_date, doc.language),
                  S::value_bold_style);
        house.row(page, l.early_termination_amount,
                  format_money(doc.cancellation->early_termination_amount, doc.language));
    }
    page.move_down(4);
    draw_price_table(page, house, doc, l);
    page.move_down(S::section_gap - S::row_gap);

    const std::string_view terms = [&] {
        std::string_view t = doc.terms;
        while (!t.empty() && (t.back() == '\n' || t.back() == ' ' || t.back() == '\r'))
            t.remove_suffix(1);
        return t;
    }();
    if (!terms.empty()) {
        house.section(page, l.terms_section, S::terms_style.leading() * 3);
        page.paragraph(terms, S::terms_style);
        page.move_down(S::section_gap);
    }

    draw_signatures(page, house, doc, l);

    house.finish_pages(page);
    return pdf.save();
}

} // namespace isp::pdf
