// The collections overview (process map P15): in one currency, what is outstanding, what
// is overdue and for how long (the ageing buckets), and how many cases are in each status.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "shared/collections/collection_case.h"
#include "shared/domain/date.h"
#include "shared/domain/money.h"

namespace isp {

struct AgeingFigure {
    Money amount;
    std::int64_t invoice_count = 0;
    bool operator==(const AgeingFigure&) const = default;
};

struct CollectionsOverview {
    Date as_of;
    std::string currency;
    Money outstanding;
    std::int64_t outstanding_count = 0;
    Money overdue;
    std::int64_t overdue_count = 0;
    std::array<AgeingFigure, ageing_buckets.size()> ageing;
    std::vector<std::int64_t> cases_by_status; // indexed like all_case_statuses
    bool operator==(const CollectionsOverview&) const = default;
};

} // namespace isp
