// Billing runs as staff look back on them (GET /api/v1/billing/runs): newest first, each
// with its period, when it ran, who started it, its invoice count and totals.
#pragma once
#include <cstdint>

#include "server/services/page.h"
#include "shared/billing/billing_run_summary.h"

namespace isp::services {
struct ServiceContext;

Page<BillingRunSummary> list_billing_runs(ServiceContext& context, std::int64_t limit, std::int64_t offset);

} // namespace isp::services
