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
//     billing_run_id null (201 when it issued invoices).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "shared/billing/proration.h"

namespace isp::store {
class Connection;
}

namespace isp::services {

// The period of a POST /billing/runs body. 400 validation_failed (field "period",
// code required / invalid_period) when missing or not "YYYY-MM"; 422 period_in_future
// when it starts after the current month (`today`'s).
BillingPeriod billing_period_from_body(const nlohmann::json& body, const Date& today);

struct BillingRunRequest {
    BillingPeriod period;
    Date today;                  // issue date
    int due_days = 15;           // due date = today + due_days
    std::string actor;           // who started it (audit)
    std::string now;             // timestamp of the records
    std::string currency;        // of the run's totals when it issues nothing
    std::string issuer_snapshot; // JSON of services::record_issuer: who the invoices are from
};

struct BillingRunResult {
    std::optional<std::string> billing_run_id; // none when nothing was billed
    std::string period;
    std::vector<std::string> invoice_ids; // in number order
    std::int64_t skipped_already_billed = 0;
    std::string currency;
    std::int64_t subtotal_minor = 0;
    std::int64_t tax_minor = 0;
    std::int64_t total_minor = 0;
};

BillingRunResult run_billing(store::Connection& c, const BillingRunRequest& request);

nlohmann::json to_json(const BillingRunResult& result);

} // namespace isp::services
