// A status change decided now for a later date (suspend from the 15th, terminate at the end
// of the commitment): stored pending, shown on the contract, cancellable until its date, and
// carried out by the server when its date comes (server/services/scheduled_changes.h).
#pragma once
#include <string>

#include "shared/domain/contract.h"
#include "shared/domain/date.h"

namespace isp {

struct ScheduledChange {
    std::string change_id; // "chg_..."
    std::string contract_id;
    ContractStatus status = ContractStatus::Active; // what the contract becomes on effective_date
    Date effective_date;
    std::string reason;       // for the audit trail, may be empty
    std::string requested_by; // the actor who scheduled it
    std::string requested_at;
    bool operator==(const ScheduledChange&) const = default;
};

} // namespace isp
