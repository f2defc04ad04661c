#include "server/services/payment_posting.h"

#include "server/clock/clock.h"
#include "server/security/random_id.h"
#include "server/services/failure.h"
#include "server/store/collection_store.h"
#include "server/store/database.h"
#include "server/store/payment_store.h"
#include "shared/domain/text.h"

namespace isp::services {
namespace {

bool is_currency(const std::string& s) {
    if (s.size() != 3)
        return false;
    for (char ch : s)
        if (ch < 'A' || ch > 'Z')
            return false;
    return true;
}

nlohmann::json money_json(std::int64_t amount_minor, const std::string& currency) {
    return {{"amount_minor", amount_minor}, {"currency", currency}};
}

// The optional fields payments and approvals share.
void read_common(const nlohmann::json& body, const Date& today, PaymentMethod& method, std::string& reference,
                 Date& received_on, bool method_required, FieldErrors& errors) {
    const auto m = body.find("method");
    if (m == body.end()) {
        if (method_required)
            errors.push_back({"method", "required",
                              "method must be one of cash, card, bank_transfer, cheque, direct_debit, mobile_money."});
    } else if (!m->is_string() || !parse_payment_method(m->get<std::string>())) {
        errors.push_back({"method", "invalid_method",
                          "method must be one of cash, card, bank_transfer, cheque, direct_debit, mobile_money."});
    } else {
        method = *parse_payment_method(m->get<std::string>());
    }

    if (const auto r = body.find("reference"); r != body.end()) {
        if (!r->is_string() || utf8_length(r->get<std::string>()) > max_payment_reference_chars ||
            !is_clean_utf8_line(r->get<std::string>()))
            errors.push_back(
                {"reference", "invalid_length", "reference must be one line of text of at most 100 characters."});
        else
            reference = std::string(trim(r->get<std::string>()));
    }

    received_on = today;
    if (const auto d = body.find("received_on"); d != body.end()) {
        const auto parsed = d->is_string() ? parse_iso_date(d->get<std::string>()) : std::nullopt;
        if (!parsed)
            errors.push_back({"received_on", "invalid_date", "received_on must be a date, YYYY-MM-DD."});
        else if (*parsed > today)
            errors.push_back({"received_on", "in_future",
                              "received_on cannot be after today (" + today.to_iso() +
                                  "): record money once it is "
                                  "received."});
        else
            received_on = *parsed;
    }
}

Failure invoice_not_found(const std::string& id) {
    return Failure(FailureKind::NotFound, "invoice_not_found", "No invoice " + id + ".");
}

PostedPayment record(store::Connection& c, const Clock& clock, const InvoiceBalance& invoice, std::int64_t amount_minor,
                     PaymentMethod method, const std::string& reference, const Date& received_on,
                     const std::string& actor) {
    const Date today = clock.today_utc();
    const std::string now = clock.now_iso();
    // A late payment still leaves its collection case behind: open it first, then the
    // payment below closes it (the record says the invoice was overdue, then paid).
    store::open_cases_for_overdue_invoices(c, today, now);

    const PaymentEffect effect = apply_payment(invoice.total_minor, invoice.paid_minor, amount_minor);
    PaymentRecord p;
    p.payment_id = security::new_id("pay_", 10);
    p.invoice_id = invoice.invoice_id;
    p.invoice_number = invoice.invoice_number;
    p.client_id = invoice.client_id;
    p.amount = Money{amount_minor, invoice.currency};
    p.method = method;
    p.reference = reference;
    p.allocation = effect.allocation;
    p.received_on = received_on.to_iso();
    p.actor = actor;
    p.created_at = now;
    store::insert_payment(c, p);
    store::update_invoice_settlement(c, invoice.invoice_id, effect.paid_minor, effect.settlement, now);

    PostedPayment out{p, invoice, std::nullopt};
    out.invoice.paid_minor = effect.paid_minor;
    out.invoice.status = std::string(to_string(effect.settlement));
    if (effect.settlement == InvoiceSettlement::Paid)
        out.closed_case_id = store::close_case_paid(c, invoice.invoice_id, today, now);
    return out;
}

} // namespace

PaymentCommand payment_from_body(const nlohmann::json& body, const Date& today) {
    FieldErrors errors;
    PaymentCommand cmd;
    const auto invoice = body.find("invoice_id");
    if (invoice == body.end() || !invoice->is_string() || invoice->get<std::string>().empty() ||
        invoice->get<std::string>().size() > 64)
        errors.push_back({"invoice_id", "required", "invoice_id must be the id of an invoice."});
    else
        cmd.invoice_id = invoice->get<std::string>();

    const auto amount = body.find("amount");
    if (amount == body.end() || !amount->is_object()) {
        errors.push_back({"amount", "required", "amount must be {\"amount_minor\": ..., \"currency\": ...}."});
    } else {
        const auto minor = amount->find("amount_minor");
        if (minor == amount->end() || !minor->is_number_integer() || minor->get<std::int64_t>() <= 0)
            errors.push_back({"amount.amount_minor", "invalid_amount",
                              "amount.amount_minor must be a whole number of minor units, more than 0."});
        else
            cmd.amount.amount_minor = minor->get<std::int64_t>();
        const auto currency = amount->find("currency");
        if (currency == amount->end() || !currency->is_string() || !is_currency(currency->get<std::string>()))
            errors.push_back({"amount.currency", "invalid_currency",
                              "amount.currency must be an ISO 4217 code (3 capital letters)."});
        else
            cmd.amount.currency = currency->get<std::string>();
    }
    read_common(body, today, cmd.method, cmd.reference, cmd.received_on, true, errors);
    if (!errors.empty())
        throw Failure(FailureKind::Invalid, "validation_failed", "The payment has invalid fields; see errors.",
                      std::move(errors));
    return cmd;
}

ApprovalCommand approval_from_body(const nlohmann::json& body, const Date& today) {
    FieldErrors errors;
    ApprovalCommand cmd;
    read_common(body, today, cmd.method, cmd.reference, cmd.received_on, false, errors);
    if (!errors.empty())
        throw Failure(FailureKind::Invalid, "validation_failed", "The approval has invalid fields; see errors.",
                      std::move(errors));
    return cmd;
}

PostedPayment post_payment(store::Connection& c, const Clock& clock, const PaymentCommand& cmd,
                           const std::string& actor) {
    // Read inside the write transaction: what the check sees is what the update changes.
    const auto invoice = store::find_invoice_balance(c, cmd.invoice_id);
    if (!invoice)
        throw invoice_not_found(cmd.invoice_id);
    const Money outstanding{invoice->outstanding_minor(), invoice->currency};
    const auto refusal = check_payment(invoice->total_minor, invoice->paid_minor, cmd.amount.amount_minor);
    if (refusal == PaymentRefusal::InvoiceAlreadyPaid)
        throw Failure(FailureKind::Conflict, "invoice_already_paid",
                      "Invoice " + invoice->invoice_number + " is already paid; nothing is outstanding.");
    if (cmd.amount.currency != invoice->currency)
        throw Failure(FailureKind::Unprocessable, "currency_mismatch",
                      "Invoice " + invoice->invoice_number + " is in " + invoice->currency +
                          "; the payment must be in the same currency (it was " + cmd.amount.currency + ").",
                      {{"amount.currency", "currency_mismatch", "amount.currency must be " + invoice->currency + "."}});
    if (refusal) // ExceedsOutstanding (a positive amount was checked with the body)
        throw Failure(FailureKind::Unprocessable, "amount_exceeds_outstanding",
                      "The outstanding amount of invoice " + invoice->invoice_number + " is " +
                          format_money(outstanding, Language::English) + " (" +
                          std::to_string(outstanding.amount_minor) + " minor units); the payment of " +
                          format_money(cmd.amount, Language::English) +
                          " exceeds it. Record at most the outstanding amount.",
                      {{"amount.amount_minor", "exceeds_outstanding",
                        "amount.amount_minor must be at most " + std::to_string(outstanding.amount_minor) + "."}});
    return record(c, clock, *invoice, cmd.amount.amount_minor, cmd.method, cmd.reference, cmd.received_on, actor);
}

PostedPayment approve_paid(store::Connection& c, const Clock& clock, const std::string& invoice_id,
                           const ApprovalCommand& cmd, const std::string& actor) {
    const auto invoice = store::find_invoice_balance(c, invoice_id);
    if (!invoice)
        throw invoice_not_found(invoice_id);
    if (invoice->outstanding_minor() <= 0)
        return {std::nullopt, *invoice, std::nullopt};
    return record(c, clock, *invoice, invoice->outstanding_minor(), cmd.method, cmd.reference, cmd.received_on, actor);
}

nlohmann::json to_json(const PaymentRecord& p) {
    return {{"payment_id", p.payment_id},
            {"invoice_id", p.invoice_id},
            {"invoice_number", p.invoice_number},
            {"client_id", p.client_id},
            {"amount", money_json(p.amount.amount_minor, p.amount.currency)},
            {"method", std::string(to_string(p.method))},
            {"reference", p.reference},
            {"allocation", std::string(to_string(p.allocation))},
            {"received_on", p.received_on},
            {"actor", p.actor},
            {"created_at", p.created_at}};
}

nlohmann::json to_json(const PostedPayment& posted) {
    const auto& i = posted.invoice;
    const nlohmann::json outstanding = money_json(i.outstanding_minor(), i.currency);
    return {
        {"payment", posted.payment ? to_json(*posted.payment) : nlohmann::json(nullptr)},
        {"invoice",
         {{"invoice_id", i.invoice_id},
          {"invoice_number", i.invoice_number},
          {"client_id", i.client_id},
          {"status", i.status},
          {"due_date", i.due_date},
          {"total", money_json(i.total_minor, i.currency)},
          {"paid", money_json(i.paid_minor, i.currency)},
          {"outstanding", outstanding}}},
        {"invoice_status", i.status},
        {"outstanding", outstanding},
        {"allocation",
         posted.payment ? nlohmann::json(std::string(to_string(posted.payment->allocation))) : nlohmann::json(nullptr)},
        {"closed_case_id", posted.closed_case_id ? nlohmann::json(*posted.closed_case_id) : nlohmann::json(nullptr)}};
}

} // namespace isp::services
