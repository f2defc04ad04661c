// Wire format of billing runs (process map P11, staff API): the POST /billing/runs body
// (the period to bill), the answer of a run, a run as listed (GET /billing/runs) and the
// preview of a run (GET /billing/runs/preview).
#pragma once
#include <nlohmann/json.hpp>

#include "shared/billing/billing_run_result.h"
#include "shared/billing/billing_run_summary.h"
#include "shared/billing/proration.h"
#include "shared/domain/field_error.h"

namespace isp::wire {

// The period of a POST /billing/runs body, "YYYY-MM": field "period", code required
// (missing or null) or invalid_period, added to `errors`. Whether the period has started
// is the server's rule (it needs the clock).
BillingPeriod billing_period_from_json(const nlohmann::json& body, FieldErrors& errors);
nlohmann::json billing_period_json(const BillingPeriod& period); // {"period": "YYYY-MM"}

// {billing_run_id, period, invoice_ids, invoice_count, skipped_already_billed, totals}
nlohmann::json to_json(const BillingRunResult& result);
BillingRunResult billing_run_result_from_json(const nlohmann::json& j); // throws nlohmann::json::exception on bad shape

// {billing_run_id, period, started_at, completed_at, actor, invoice_count, totals}
nlohmann::json to_json(const BillingRunSummary& run);
BillingRunSummary
billing_run_summary_from_json(const nlohmann::json& j); // throws nlohmann::json::exception on bad shape

// {period, invoice_count, skipped_already_billed, totals}
nlohmann::json to_json(const BillingRunPreview& preview);
BillingRunPreview
billing_run_preview_from_json(const nlohmann::json& j); // throws nlohmann::json::exception on bad shape

} // namespace isp::wire
