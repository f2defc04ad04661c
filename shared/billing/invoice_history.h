// A client's invoices month by month, for the portal's chart of the last twelve months:
// what was invoiced for each billing period, including months with no invoice.
#pragma once
#include <cstdint>
#include <vector>

#include "shared/domain/invoice.h"

namespace isp {

struct MonthAmount {
    int year = 0;
    int month = 0;                // 1..12
    std::int64_t total_minor = 0; // with tax, every invoice of that period
};

// The twelve billing periods ending with (year, month), oldest first.
std::vector<MonthAmount> last_twelve_months(const std::vector<Invoice>& invoices, int year, int month);

} // namespace isp
