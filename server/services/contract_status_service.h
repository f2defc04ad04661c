// A contract's status over time (process map P6, issue #15): PUT /contracts/{id}/status,
// its body read by shared/wire/contract_request_json.h. Allowed moves are
// shared/domain/contract_lifecycle.h's; anything else is 409 `invalid_status_transition`.
//
// A change dated today or earlier is made at once; one dated later is scheduled
// (shared/domain/scheduled_change.h): the contract keeps its status until that date, when
// carry_out_due_changes() makes it, exactly once (the change's state moves in the same
// transaction; services/scheduled_changes.h cancels and carries out pending changes). A
// scheduled resume that comes due while the contract is suspended for non-payment
// (services/dunning.h) is dropped: paying the debt resumes it. Each change is one transaction: the
// contract's status, the status period billing prorates on (from the effective date), the audit entry with before and
// after, and the event that tells it (services/event_outbox.h). Terminating frees the subscriber for a new contract, on
// the day the termination takes effect.
#pragma once
#include <optional>
#include <string>

#include "shared/domain/contract.h"
#include "shared/domain/contract_detail.h"
#include "shared/domain/contract_requests.h"
#include "shared/domain/scheduled_change.h"

namespace isp::store {
class Connection;
}

namespace isp::services {
struct ServiceContext;

struct StatusChangeOutcome {
    Contract contract;                        // as it is now
    std::optional<ScheduledChange> scheduled; // set when the change waits for its date
};

// Throws services::Failure: 404 contract_not_found, 409 invalid_status_transition (from the
// status the contract will have on that date), 409 scheduled_change_pending (a change made
// today while others wait: cancel them first), 400 validation_failed (effective_date before
// the contract's last status change, or not after the last scheduled one).
StatusChangeOutcome change_contract_status(ServiceContext& context, const std::string& contract_id,
                                           const StatusChangeRequest& request, const std::string& actor);

// The change itself, now, in the caller's transaction: status, status period from
// `effective`, audit `status_changed` (with the scheduled change's id when one made it),
// the `contract.status_changed` event. `contract` is updated.
void make_status_change(store::Connection& c, Contract& contract, ContractStatus status, const Date& effective,
                        const std::string& reason, const std::string& actor, const std::string& now,
                        const std::string& change_id = {});

// The server's own change today, inside the caller's transaction, as actor "system" (the
// dunning's suspension for non-payment and its resume). Changes dated later stay pending.
// False, and nothing written, when the contract's status does not allow the move.
bool change_status_as_system(store::Connection& c, const std::string& contract_id, ContractStatus status,
                             const std::string& reason, const Date& today, const std::string& now);

} // namespace isp::services
