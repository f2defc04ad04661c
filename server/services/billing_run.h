// The monthly billing run (process map P11): one invoice per contract with at least one
// billable (active) day in the period and no invoice for it yet. Everything happens in
// the caller's single write transaction (the idempotency guard's): the run, its
// invoices, their lines and the invoice numbers commit together or not at all, so a
// crash mid-run leaves nothing of it and the same request completes it later.
//   - never billed twice: contracts already invoiced for the period are skipped (and
//     UNIQUE(contract_id, period) is the backstop);
//   - numbers FAC-YYYY-NNNNNN (YYYY = issue year) from the 'invoice:YYYY' sequence,
//     taken in the transaction, hence gapless;
//   - issue date = today, due date = today + --invoice-due-days;
//   - a run that finds nothing to bill writes no billing_runs row and answers 200 with
//     billing_run_id null (201 when it issued invoices);
//   - each invoice's `invoice.issued` event is written with it (services/event_outbox.h).
// The preview (GET /billing/runs/preview) walks the same contracts with the same code and
// writes nothing.
#pragma once
#include <string>

#include "shared/billing/billing_run_result.h"
#include "shared/billing/billing_run_summary.h"
#include "shared/billing/proration.h"

namespace isp::store {
class Connection;
}

namespace isp::services {

struct ServiceContext;

// 422 period_in_future when `period` starts after the current month (`today`'s); the
// body's period is read by shared/wire/billing_run_json.h.
void refuse_future_period(const BillingPeriod& period, const Date& today);

struct BillingRunRequest {
    BillingPeriod period;
    Date today;                  // issue date
    int due_days = 15;           // due date = today + due_days
    std::string actor;           // who started it (audit)
    std::string now;             // timestamp of the records
    std::string currency;        // of the run's totals when it issues nothing
    std::string issuer_snapshot; // JSON of services::record_issuer: who the invoices are from
    // Each invoice's `invoice.issued` event, in the run's transaction. Off only in
    // bench/billing, to measure what the events cost the run.
    bool record_events = true;
};

BillingRunResult run_billing(store::Connection& c, const BillingRunRequest& request);

// What run_billing would do for `period` if it ran now: the contracts it would invoice and
// skip, and the totals of those invoices (in the currency of the first, as the run;
// `currency` when there is none). Read-only: no number is taken, nothing is written.
// 422 period_in_future as refuse_future_period.
BillingRunPreview preview_billing(ServiceContext& ctx, const BillingPeriod& period, const std::string& currency);

} // namespace isp::services
