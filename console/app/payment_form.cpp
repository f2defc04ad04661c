#include "console/app/payment_form.h"

#include "console/app/payment_amount.h"
#include "console/i18n/console_text.h"
#include "shared/collections/payment.h"
#include "shared/domain/date.h"
#include "shared/domain/text.h"
#include "shared/wire/invoice_json.h"
#include "shared/wire/money_json.h"
#include "shared/wire/payment_json.h"
#include "webapp/api/api_call.h"

namespace isp::console {
namespace {

using T = webapp::Translation;

constexpr T loading_invoice{"Chargement de la facture", "Loading the invoice"};
constexpr T recording{"Enregistrement du paiement", "Recording the payment"};
constexpr T amount_unreadable{"Saisissez un montant comme 123,45 ou 123.45 (deux d\u00e9cimales au plus).",
                              "Enter an amount such as 123,45 or 123.45 (two decimals at most)."};
constexpr T amount_not_positive{"Le montant doit \u00eatre sup\u00e9rieur \u00e0 z\u00e9ro.",
                                "The amount must be more than zero."};
constexpr T amount_too_much{"Le montant d\u00e9passe le reste \u00e0 payer ({}).",
                            "The amount is more than the outstanding ({})."};
constexpr T invoice_paid{"Cette facture est d\u00e9j\u00e0 pay\u00e9e.", "This invoice is already paid."};
constexpr T invoice_required{"Saisissez l'identifiant de la facture (inv_\u2026).",
                             "Enter the invoice's id (inv_\u2026)."};
constexpr T date_unreadable{"Saisissez une date AAAA-MM-JJ, ou laissez vide pour aujourd'hui.",
                            "Enter a date YYYY-MM-DD, or leave it empty for today."};
constexpr T date_future{"La date ne peut pas \u00eatre apr\u00e8s aujourd'hui.", "The date cannot be after today."};
constexpr T reference_too_long{"100 caract\u00e8res au plus, sur une ligne.", "100 characters at most, on one line."};

} // namespace

void PaymentForm::open_for(const Invoice& invoice) {
    invoice_ = invoice;
    invoice_id = invoice.invoice_id;
    amount = amount_input(outstanding_minor(invoice), ctx_.language);
    method = "cash";
    reference.clear();
    received_on = ctx_.today;
    errors_.clear();
    attempt_.finished();
    open_ = true;
}

void PaymentForm::open_blank() {
    invoice_.reset();
    invoice_id.clear();
    amount.clear();
    reference.clear();
    received_on = ctx_.today;
    errors_.clear();
    attempt_.finished();
    open_ = true;
}

void PaymentForm::cancel() {
    if (!busy_.empty())
        return;
    open_ = false;
    errors_.clear();
}

void PaymentForm::look_up() {
    if (!busy_.empty())
        return;
    errors_.clear();
    if (invoice_id.empty()) {
        errors_.push_back({"invoice_id", "required", std::string{tr(invoice_required, ctx_.language)}});
        return;
    }
    busy_ = "loading";
    ctx_.api.get<Invoice>(
        "/invoices/" + webapp::path_segment(invoice_id), wire::invoice_from_json, [this](ApiResult<Invoice> result) {
            busy_ = {};
            if (!result.value) {
                show_(failure(result.error, tr(loading_invoice, ctx_.language), ctx_.language, [this] { look_up(); }));
                return;
            }
            open_for(*result.value);
        });
}

std::string PaymentForm::amount_problem() const {
    if (amount.empty() || !invoice_)
        return {};
    const auto minor = parse_amount_minor(amount);
    if (!minor)
        return std::string{tr(amount_unreadable, ctx_.language)};
    const auto refusal = check_payment(invoice_->total_minor, invoice_->paid_minor, *minor);
    if (!refusal)
        return {};
    switch (*refusal) {
    case PaymentRefusal::NotPositive: return std::string{tr(amount_not_positive, ctx_.language)};
    case PaymentRefusal::InvoiceAlreadyPaid: return std::string{tr(invoice_paid, ctx_.language)};
    case PaymentRefusal::ExceedsOutstanding:
        return webapp::with_value(tr(amount_too_much, ctx_.language),
                                  format_money({outstanding_minor(*invoice_), invoice_->currency}, ctx_.language));
    }
    return {};
}

std::string PaymentForm::error(std::string_view field) const {
    for (const FieldError& e : errors_)
        if (e.field == field || (field == "amount" && e.field.starts_with("amount.")))
            return e.message;
    return field == "amount" ? amount_problem() : std::string{};
}

std::optional<nlohmann::json> PaymentForm::body() {
    errors_.clear();
    const Language l = ctx_.language;
    const auto minor = parse_amount_minor(amount);
    if (!minor)
        errors_.push_back({"amount", "invalid_amount", std::string{tr(amount_unreadable, l)}});
    else if (const std::string problem = amount_problem(); !problem.empty())
        errors_.push_back({"amount", "invalid_amount", problem});
    if (!parse_payment_method(method))
        errors_.push_back({"method", "required", "cash, card, bank_transfer, cheque, direct_debit, mobile_money"});
    if (utf8_length(reference) > max_payment_reference_chars || !is_clean_utf8_line(reference))
        errors_.push_back({"reference", "invalid_length", std::string{tr(reference_too_long, l)}});
    if (!received_on.empty()) {
        const auto date = parse_iso_date(received_on);
        if (!date)
            errors_.push_back({"received_on", "invalid_date", std::string{tr(date_unreadable, l)}});
        else if (const auto today = parse_iso_date(ctx_.today); today && *date > *today)
            errors_.push_back({"received_on", "in_future", std::string{tr(date_future, l)}});
    }
    if (!errors_.empty())
        return std::nullopt;
    nlohmann::json j = {{"invoice_id", invoice_->invoice_id},
                        {"amount", wire::to_json(Money{*minor, invoice_->currency})},
                        {"method", method}};
    if (!reference.empty())
        j["reference"] = reference;
    if (!received_on.empty())
        j["received_on"] = received_on;
    return j;
}

void PaymentForm::submit() {
    if (!busy_.empty() || !invoice_ || !ctx_.may(StaffRole::Ops))
        return;
    const auto sent = body();
    if (!sent)
        return;
    const std::string key = attempt_.key_for(*sent);
    busy_ = "saving";
    ctx_.api.write<PostedPayment>(
        "POST", "/collections/payments", *sent, key, wire::posted_payment_from_json,
        [this](ApiResult<PostedPayment> result) {
            busy_ = {};
            if (!result.value) {
                const ApiError& e = result.error;
                // Refused (not a network failure, not "still running"): the next try is a new payment.
                if (!e.network() && e.status < 500 && e.status != 409 && e.status != 429)
                    attempt_.finished();
                errors_ = e.errors;
                show_(failure(e, tr(recording, ctx_.language), ctx_.language, [this] { submit(); }));
                return;
            }
            attempt_.finished();
            open_ = false;
            recorded_(*result.value);
        });
}

void PaymentForm::describe(nlohmann::json& section, nlohmann::json& state) const {
    section["payment_form"] = {{"open", open_},
                               {"invoice_id", invoice_ ? invoice_->invoice_id : std::string{}},
                               {"outstanding_minor", invoice_ ? outstanding_minor(*invoice_) : 0}};
    if (open_)
        state["form"] = {{"invoice_id", invoice_id},
                         {"amount", amount},
                         {"method", method},
                         {"reference", reference},
                         {"received_on", received_on}};
}

} // namespace isp::console
