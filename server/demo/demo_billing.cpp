#include "server/demo/demo_billing.h"

#include "server/clock/clock.h"
#include "server/config/server_config.h"
#include "server/services/billing_run.h"
#include "server/services/document_issuer.h"
#include "server/services/payment_posting.h"
#include "server/store/database.h"
#include "server/store/invoice_store.h"

namespace isp::demo {
namespace {

// Who paid what, by demo contract, oldest period first: the whole invoice, a part, or nothing.
enum class Paid { All, Half, Nothing };

Paid paid_by(const std::string& contract_id, int months_ago) {
    if (contract_id == "ctr_demo_youssef") // paid the first month, half the next, then stopped
        return months_ago == 3 ? Paid::All : months_ago == 2 ? Paid::Half : Paid::Nothing;
    return Paid::All;
}

} // namespace

void seed_billing_history(store::Connection& c, const Clock& clock, const ServerConfig& config) {
    const Date today = clock.today_utc();
    const std::string now = clock.now_iso();
    const std::string issuer = services::record_issuer(c, config.operator_profile, now).dump();
    for (int months_ago = 3; months_ago >= 1; --months_ago) {
        const Date first_of_period = Date{today.year, today.month, 1}.plus_months(-months_ago);
        services::BillingRunRequest run;
        run.period = billing_period_of(first_of_period);
        run.today = first_of_period.plus_months(1); // billed on the first of the next month
        run.due_days = config.invoice_due_days;
        run.actor = "demo";
        run.now = now;
        run.currency = config.operator_profile.currency;
        run.issuer_snapshot = issuer;
        const BillingRunResult result = services::run_billing(c, run);
        for (const std::string& invoice_id : result.invoice_ids) {
            const auto invoice = store::find_invoice(c, invoice_id);
            if (!invoice)
                continue;
            const Paid paid = paid_by(invoice->contract_id, months_ago);
            if (paid == Paid::Nothing || invoice->total_minor == 0)
                continue;
            PaymentCommand payment;
            payment.invoice_id = invoice_id;
            payment.amount = {paid == Paid::All ? invoice->total_minor : invoice->total_minor / 2, invoice->currency};
            payment.method = PaymentMethod::BankTransfer;
            payment.reference = "VIR " + invoice->invoice_number;
            payment.received_on = invoice->issue_date.plus_days(5);
            services::post_payment(c, clock, config.dunning, payment, "demo");
        }
    }
}

} // namespace isp::demo
