// The staff console's home (GET /api/v1/staff/today): active contracts by service family,
// the last billing run, and the collections overview in the operator's currency (which
// opens the cases of newly overdue invoices first, as every collections read does).
#pragma once

#include "shared/staff/staff_today.h"

namespace isp::services {
struct ServiceContext;

StaffToday staff_today(ServiceContext& context);

} // namespace isp::services
