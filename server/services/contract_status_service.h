// A contract's status over time (process map P6, issue #15): PUT /contracts/{id}/status,
// its body read by shared/wire/contract_request_json.h. Allowed moves are
// shared/domain/contract_lifecycle.h's; anything else is 409 `invalid_status_transition`.
//
// A change dated today or earlier is made at once; one dated later is scheduled
// (shared/domain/scheduled_change.h): the contract keeps its status until that date, when
// carry_out_due_changes() makes it, exactly once (the change's state moves in the same
// transaction). A scheduled resume that comes due while the contract is suspended for
// non-payment (services/dunning.h) is dropped: paying the debt resumes it. Each change is one transaction: the
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

// Cancels a pending change. Throws 404 scheduled_change_not_found (unknown, another
// contract's, or no longer pending), 409 scheduled_change_needed (a later scheduled change
// depends on it: cancel that one first).
ContractDetail cancel_scheduled_change(ServiceContext& context, const std::string& contract_id,
                                       const std::string& change_id, const std::string& actor);

// The server's own change today, inside the caller's transaction, as actor "system" (the
// dunning's suspension for non-payment and its resume). Changes dated later stay pending.
// False, and nothing written, when the contract's status does not allow the move.
bool change_status_as_system(store::Connection& c, const std::string& contract_id, ContractStatus status,
                             const std::string& reason, const Date& today, const std::string& now);

// Makes every pending change whose date has come (the clock's today), oldest first, each in
// its own transaction, as actor "system"; returns how many were made. Safe to call from
// several threads and again after a crash: a change is made once.
int carry_out_due_changes(ServiceContext& context);

} // namespace isp::services
