// The two billing-run reads that are not in the server yet (another change adds them): kept
// here, small, so they are adapted in one place once the endpoints land. The shapes
// expected:
//
//   GET /billing/runs/preview?period=YYYY-MM
//     {"period": "2026-11", "contract_count": 42,
//      "totals": {"subtotal": Money, "tax": Money, "total": Money}}
//   GET /billing/runs?page=N   (newest first)
//     {"data": [{"billing_run_id": "run_...", "period": "2026-11", "invoice_count": 42,
//                "totals": {"total": Money, ...}, "created_at": "...Z", "actor": "..."}],
//      "pagination": {...}}
//
// with Money = {"amount_minor": 29900, "currency": "MAD"}. Until then both answer 404,
// which the billing section shows as a confirmation without figures and an empty list.
#pragma once
#include <cstdint>
#include <string>

#include "console/api/staff_api.h"
#include "console/app/billing.h"

namespace isp::console {

BillingRunPreview billing_run_preview_from_json(const nlohmann::json& j);
BillingRunSummary billing_run_summary_from_json(const nlohmann::json& j);

void get_billing_run_preview(StaffApi& api, const std::string& period, ApiCallback<BillingRunPreview> done);
void get_billing_runs(StaffApi& api, std::int64_t page, ApiCallback<Page<BillingRunSummary>> done);

} // namespace isp::console
