// Wire format of the staff console's home (GET /api/v1/staff/today): written by the
// server, read by the console (compiled into both).
#pragma once
#include <nlohmann/json.hpp>

#include "shared/staff/staff_today.h"

namespace isp::wire {

// {as_of, active_contracts: {total, by_family: [{family, count}]},
//  last_billing_run: BillingRunSummary or null, collections: CollectionsOverview}
nlohmann::json to_json(const StaffToday& today);
StaffToday staff_today_from_json(const nlohmann::json& j); // throws nlohmann::json::exception on bad shape

} // namespace isp::wire
