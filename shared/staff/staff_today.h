// The staff console's home screen (GET /api/v1/staff/today) in one answer: the active
// contracts by service family, the last billing run, and the collections overview
// (outstanding, overdue by age, open cases), all as of the server's today.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "shared/billing/billing_run_summary.h"
#include "shared/collections/collections_overview.h"
#include "shared/domain/date.h"
#include "shared/domain/offer.h"

namespace isp {

struct FamilyCount {
    ServiceFamily family = ServiceFamily::Mobile;
    std::int64_t count = 0;
    bool operator==(const FamilyCount&) const = default;
};

struct StaffToday {
    Date as_of;
    std::vector<FamilyCount> active_contracts; // every family, in all_service_families order
    std::optional<BillingRunSummary> last_billing_run;
    CollectionsOverview collections; // in the operator's currency
    bool operator==(const StaffToday&) const = default;
};

} // namespace isp
