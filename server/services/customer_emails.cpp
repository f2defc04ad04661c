#include "server/services/customer_emails.h"

#include <nlohmann/json.hpp>

#include "server/clock/clock.h"
#include "server/config/server_config.h"
#include "server/services/invoice_documents.h"
#include "server/services/service_context.h"
#include "server/store/catalog_store.h"
#include "server/store/client_store.h"
#include "server/store/contract_store.h"
#include "server/store/invoice_store.h"
#include "shared/domain/month_names.h"
#include "shared/wire/money_json.h"

namespace isp::services {
namespace {

struct Words {
    const char* fr;
    const char* en;
    const char* in(Language l) const { return l == Language::English ? en : fr; }
};

// "{}" in `pattern` replaced by the values, in order.
std::string fill(std::string pattern, std::initializer_list<std::string> values) {
    for (const std::string& v : values)
        if (const auto at = pattern.find("{}"); at != std::string::npos)
            pattern.replace(at, 2, v);
    return pattern;
}

std::string long_date(const Date& d, Language l) {
    const std::string month(month_name(d.month, l));
    return l == Language::English ? month + " " + std::to_string(d.day) + ", " + std::to_string(d.year)
                                  : std::to_string(d.day) + " " + month + " " + std::to_string(d.year);
}

std::string html_escaped(const std::string& text) {
    std::string out;
    for (const char ch : text)
        switch (ch) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\n': out += "<br>"; break;
        default: out += ch;
        }
    return out;
}

// The e-mail's body from its paragraphs: the same words as text and as HTML.
void set_body(mail::OutgoingEmail& e, const std::vector<std::string>& paragraphs) {
    for (const std::string& p : paragraphs) {
        e.text += (e.text.empty() ? "" : "\n\n") + p;
        e.html += "<p>" + html_escaped(p) + "</p>\n";
    }
    e.text += "\n";
    e.html = "<!DOCTYPE html>\n<html><body style=\"font-family: sans-serif; line-height: 1.5\">\n" + e.html +
             "</body></html>\n";
}

std::string domain_of(const std::string& from) {
    const auto at = from.rfind('@');
    if (at == std::string::npos)
        return "isp-portal.invalid";
    std::string domain = from.substr(at + 1);
    return domain.substr(0, domain.find('>'));
}

constexpr Words hello{"Bonjour {},", "Hello {},"};
constexpr Words line_words{"Ligne {} ({})", "Line {} ({})"};

} // namespace

std::optional<mail::OutgoingEmail> customer_email_for(ServiceContext& context, store::Connection& c, const Event& event,
                                                      Attachments attachments) {
    if (!event.client_id)
        return std::nullopt;
    const auto client = store::find_client(c, *event.client_id);
    if (!client || client->email.empty())
        return std::nullopt;
    const nlohmann::json data = nlohmann::json::parse(event.data, nullptr, false);
    const Language l = client->language;
    const OperatorProfile& op = context.config.operator_profile;
    const auto contract = event.contract_id ? store::find_contract(c, *event.contract_id) : std::nullopt;
    const auto offer = contract ? store::find_offer(c, contract->offer_id) : std::nullopt;
    const std::string line =
        contract ? fill(line_words.in(l), {contract->service_identifier, offer ? offer->name : contract->offer_id})
                 : std::string();
    const auto text_at = [&](const char* key) {
        return data.is_object() && data.contains(key) && data[key].is_string() ? data[key].get<std::string>()
                                                                               : std::string();
    };

    mail::OutgoingEmail e;
    e.message_id = event.event_id + ".email@" + domain_of(context.config.smtp.from);
    e.to_address = client->email;
    e.to_name = client->first_name + " " + client->last_name;
    e.date_unix = context.clock.now_unix();
    std::vector<std::string> body{fill(hello.in(l), {client->first_name})};

    if (event.type == "invoice.issued" || event.type == "invoice.reminder") {
        const auto invoice = store::find_invoice(c, text_at("invoice_id"));
        if (!invoice)
            return std::nullopt;
        const Money total{invoice->total_minor, invoice->currency};
        const Money outstanding{invoice->total_minor - invoice->paid_minor, invoice->currency};
        const std::string due = long_date(invoice->due_date, l);
        if (event.type == "invoice.issued") {
            e.subject = fill(
                Words{"Votre facture {} : {}, \u00e0 r\u00e9gler avant le {}", "Your invoice {}: {}, due by {}"}.in(l),
                {invoice->invoice_number, format_money(total, l), due});
            body.push_back(fill(Words{"Votre facture {} pour {} est jointe \u00e0 ce message (PDF).",
                                      "Your invoice {} for {} is attached to this e-mail (PDF)."}
                                    .in(l),
                                {invoice->invoice_number, line.empty() ? invoice->period : line}));
            body.push_back(fill(Words{"Montant : {}\n\u00c0 r\u00e9gler avant le {}", "Amount: {}\nDue by {}"}.in(l),
                                {format_money(total, l), due}));
        } else {
            const int number = data.value("reminder", 1);
            e.subject = fill(Words{"Rappel : facture {} impay\u00e9e ({})", "Reminder: invoice {} unpaid ({})"}.in(l),
                             {invoice->invoice_number, format_money(outstanding, l)});
            body.push_back(
                fill(Words{"Sauf erreur de notre part, votre facture {} \u00e9chue le {} reste impay\u00e9e : "
                           "{} \u00e0 r\u00e9gler.",
                           "Unless we are mistaken, your invoice {} due on {} is still unpaid: {} to pay."}
                         .in(l),
                     {invoice->invoice_number, due, format_money(outstanding, l)}));
            const DunningPolicy& policy = context.config.dunning;
            if (policy.suspension_day && contract && number >= static_cast<int>(policy.reminder_days.size()))
                body.push_back(fill(
                    Words{"Sans paiement, {} sera suspendue le {}.", "Without payment, {} will be suspended on {}."}.in(
                        l),
                    {l == Language::English ? "line " + contract->service_identifier
                                            : "la ligne " + contract->service_identifier,
                     long_date(invoice->due_date.plus_days(*policy.suspension_day), l)}));
            body.push_back(Words{"Si vous avez d\u00e9j\u00e0 r\u00e9gl\u00e9, merci de ne pas tenir compte de ce "
                                 "message.",
                                 "If you have paid already, please disregard this message."}
                               .in(l));
        }
        if (!op.payment_instructions.empty())
            body.push_back(op.payment_instructions);
        if (attachments == Attachments::Include)
            e.attachments.push_back(
                {(l == Language::English ? "invoice-" : "facture-") + invoice->invoice_number + ".pdf",
                 "application/pdf", context.invoice_documents.render(c, invoice->invoice_id)});
    } else if (event.type == "contract.status_changed" && contract) {
        const std::string status = text_at("status");
        const std::string reason = text_at("reason");
        const auto effective = parse_iso_date(text_at("effective_date"));
        const std::string from = effective ? long_date(*effective, l) : std::string();
        if (status == "suspended" && reason == "non-payment") {
            e.subject = fill(
                Words{"Votre ligne {} est suspendue pour impay\u00e9", "Your line {} is suspended for non-payment"}.in(
                    l),
                {contract->service_identifier});
            body.push_back(fill(Words{"{} est suspendue depuis le {} : une facture reste impay\u00e9e. Elle sera "
                                      "r\u00e9tablie d\u00e8s le paiement du solde en retard.",
                                      "{} is suspended from {}: an invoice is still unpaid. It is back on as soon as "
                                      "the overdue balance is paid."}
                                    .in(l),
                                {line, from}));
        } else if (status == "suspended") {
            e.subject = fill(Words{"Votre ligne {} est suspendue", "Your line {} is suspended"}.in(l),
                             {contract->service_identifier});
            body.push_back(
                fill(Words{"{} est suspendue depuis le {}.", "{} is suspended from {}."}.in(l), {line, from}));
        } else if (status == "active") {
            e.subject = fill(Words{"Votre ligne {} est r\u00e9tablie", "Your line {} is back on"}.in(l),
                             {contract->service_identifier});
            body.push_back(
                fill(Words{"{} fonctionne de nouveau depuis le {}.", "{} works again from {}."}.in(l), {line, from}));
        } else if (status == "terminated") {
            e.subject = fill(
                Words{"Votre contrat pour la ligne {} est r\u00e9sili\u00e9", "Your contract for line {} is terminated"}
                    .in(l),
                {contract->service_identifier});
            body.push_back(fill(Words{"{} est r\u00e9sili\u00e9e depuis le {}.", "{} is terminated from {}."}.in(l),
                                {line, from}));
        } else {
            return std::nullopt;
        }
    } else if (event.type == "payment.received") {
        const auto invoice = store::find_invoice(c, text_at("invoice_id"));
        if (!invoice)
            return std::nullopt;
        const Money amount{data.contains("amount") && data["amount"].is_object()
                               ? data["amount"].value("amount_minor", std::int64_t{0})
                               : data.value("amount_minor", std::int64_t{0}),
                           invoice->currency};
        e.subject =
            fill(Words{"Paiement re\u00e7u : {} pour la facture {}", "Payment received: {} for invoice {}"}.in(l),
                 {format_money(amount, l), invoice->invoice_number});
        body.push_back(fill(Words{"Nous avons bien re\u00e7u votre paiement de {} pour la facture {}. Merci.",
                                  "We have received your payment of {} for invoice {}. Thank you."}
                                .in(l),
                            {format_money(amount, l), invoice->invoice_number}));
    } else if (event.type == "contract.created" && contract) {
        e.subject =
            fill(Words{"Bienvenue : votre contrat pour la ligne {}", "Welcome: your contract for line {}"}.in(l),
                 {contract->service_identifier});
        body.push_back(fill(Words{"Votre contrat pour {} est enregistr\u00e9. Vous le retrouvez, avec vos factures, "
                                  "sur votre espace client.",
                                  "Your contract for {} is registered. You find it, with your invoices, in your "
                                  "customer area."}
                                .in(l),
                            {line}));
    } else if (event.type == "contract.plan_changed" && contract) {
        e.subject = fill(Words{"Votre offre a chang\u00e9 : {}", "Your plan has changed: {}"}.in(l),
                         {offer ? offer->name : contract->offer_id});
        body.push_back(fill(Words{"{} passe \u00e0 l\u2019offre {}.", "{} moves to the {} plan."}.in(l),
                            {l == Language::English ? "Line " + contract->service_identifier
                                                    : "La ligne " + contract->service_identifier,
                             offer ? offer->name : contract->offer_id}));
    } else if (event.type == "contract.cancellation_requested" && contract) {
        const auto termination = parse_iso_date(text_at("termination_date"));
        const std::string from = termination ? long_date(*termination, l) : std::string();
        const Money amount = data.contains("early_termination_amount")
                                 ? wire::money_from_json(data["early_termination_amount"])
                                 : Money{0, offer ? offer->monthly_price.currency : "MAD"};
        e.subject = fill(Words{"R\u00e9siliation de votre ligne {} le {}", "Cancellation of your line {} on {}"}.in(l),
                         {contract->service_identifier, from});
        body.push_back(
            fill(Words{"Votre demande de r\u00e9siliation est enregistr\u00e9e : {} sera r\u00e9sili\u00e9e "
                       "le {}. Vous pouvez l\u2019annuler sur votre espace client jusqu\u2019\u00e0 cette date.",
                       "Your cancellation is recorded: {} is terminated on {}. You can take it back in your "
                       "customer area until that day."}
                     .in(l),
                 {line, from}));
        body.push_back(
            amount.amount_minor > 0
                ? fill(Words{"Frais de r\u00e9siliation anticip\u00e9e : {} hors taxes, sur votre prochaine "
                             "facture.",
                             "Early termination amount: {} before tax, on your next invoice."}
                           .in(l),
                       {format_money(amount, l)})
                : std::string(
                      Words{"Aucun frais de r\u00e9siliation anticip\u00e9e.", "No early termination amount."}.in(l)));
    } else {
        return std::nullopt;
    }
    body.push_back(op.name);
    set_body(e, body);
    return e;
}

} // namespace isp::services
