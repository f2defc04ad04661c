#include "server/services/payment_posting.h"

#include "server/clock/clock.h"
#include "server/security/random_id.h"
#include "server/services/dunning.h"
#include "server/services/event_outbox.h"
#include "server/services/failure.h"
#include "server/store/collection_store.h"
#include "server/store/database.h"
#include "server/store/payment_store.h"
#include "shared/domain/text.h"

namespace isp::services {
namespace {

Failure invoice_not_found(const std::string& id) {
    return Failure(FailureKind::NotFound, "invoice_not_found", "No invoice " + id + ".");
}

PostedPayment record(store::Connection& c, const Clock& clock, const DunningPolicy& dunning,
                     const InvoiceBalance& invoice, std::int64_t amount_minor, PaymentMethod method,
                     const std::string& reference, const Date& received_on, const std::string& actor) {
    const Date today = clock.today_utc();
    const std::string now = clock.now_iso();
    // A late payment still leaves its collection case behind: open it first, then the
    // payment below closes it (the record says the invoice was overdue, then paid).
    store::open_cases_for_overdue_invoices(c, today, dunning.grace_days, now);

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
    // What an accounting tool books, and what a resume after non-payment will wait for.
    const std::string contract_id = store::invoice_contract_id(c, invoice.invoice_id);
    record_event(
        c, "payment.received", contract_id, invoice.client_id,
        {{"payment_id", p.payment_id},
         {"invoice_id", invoice.invoice_id},
         {"invoice_number", invoice.invoice_number},
         {"amount", {{"amount_minor", amount_minor}, {"currency", invoice.currency}}},
         {"method", std::string{to_string(method)}},
         {"received_on", p.received_on},
         {"allocation", std::string{to_string(effect.allocation)}},
         {"invoice_status", out.invoice.status},
         {"outstanding", {{"amount_minor", invoice.total_minor - effect.paid_minor}, {"currency", invoice.currency}}}},
        now);
    // After the payment's event: the resume it brings comes next in the outbox.
    if (effect.settlement == InvoiceSettlement::Paid)
        resume_when_debt_paid(c, dunning, contract_id, today, now);
    return out;
}

} // namespace

PostedPayment post_payment(store::Connection& c, const Clock& clock, const DunningPolicy& dunning,
                           const PaymentCommand& cmd, const std::string& actor) {
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
    return record(c, clock, dunning, *invoice, cmd.amount.amount_minor, cmd.method, cmd.reference, cmd.received_on,
                  actor);
}

PostedPayment approve_paid(store::Connection& c, const Clock& clock, const DunningPolicy& dunning,
                           const std::string& invoice_id, const ApprovalCommand& cmd, const std::string& actor) {
    const auto invoice = store::find_invoice_balance(c, invoice_id);
    if (!invoice)
        throw invoice_not_found(invoice_id);
    if (invoice->outstanding_minor() <= 0)
        return {std::nullopt, *invoice, std::nullopt};
    return record(c, clock, dunning, *invoice, invoice->outstanding_minor(), cmd.method, cmd.reference, cmd.received_on,
                  actor);
}

} // namespace isp::services
