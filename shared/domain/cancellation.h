// A customer's cancellation of a contract (issue #15): the termination it asked for, from
// which date, and the early termination amount owed for leaving before the end of the
// commitment (shared/billing/early_termination.h), which the billing run of the
// termination date's month invoices once.
#pragma once
#include <string>

#include "shared/domain/date.h"
#include "shared/domain/money.h"

namespace isp {

struct Cancellation {
    std::string cancellation_id; // "cnl_..."
    std::string contract_id;
    std::string change_id; // the scheduled termination; "" when it was made at once
    Date termination_date; // first day the contract is terminated (not billed)
    Money early_termination_amount;
    std::string requested_at;
    bool operator==(const Cancellation&) const = default;
};

} // namespace isp
