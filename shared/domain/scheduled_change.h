// A change decided now for a later date (suspend from the 15th, terminate at the end of the
// commitment, move to another offer on the 1st): stored pending, shown on the contract,
// cancellable until its date, and carried out by the server when its date comes
// (server/services/contract_status_service.h). The chain rules live here so that the
// server and the portal judge a chain of pending changes alike.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/domain/contract.h"
#include "shared/domain/date.h"

namespace isp {

// What a scheduled change changes: the contract's status, or its offer.
enum class ScheduledChangeKind { Status, Offer };

std::string_view to_string(ScheduledChangeKind kind); // "status", "offer"
std::optional<ScheduledChangeKind> parse_scheduled_change_kind(std::string_view text);

struct ScheduledChange {
    std::string change_id; // "chg_..."
    std::string contract_id;
    ContractStatus status = ContractStatus::Active; // kind Status: what the contract becomes on effective_date
    Date effective_date;
    std::string reason;       // for the audit trail, may be empty
    std::string requested_by; // the actor who scheduled it
    std::string requested_at;
    ScheduledChangeKind kind = ScheduledChangeKind::Status;
    std::string offer_id; // kind Offer: the offer the contract is on from effective_date
    bool operator==(const ScheduledChange&) const = default;
};

// The status the contract will have once every pending change (by date) is made; offer
// changes leave it as it is.
ContractStatus status_after(ContractStatus now, const std::vector<ScheduledChange>& pending);

// The pending termination, if any: nothing may be scheduled after it.
const ScheduledChange* pending_termination(const std::vector<ScheduledChange>& pending);

// "terminated from 2026-12-15", "offer off_x from 2026-12-15": for problem details.
std::string describe_scheduled_change(const ScheduledChange& change);

// The first pending offer change, if any.
const ScheduledChange* pending_offer_change(const std::vector<ScheduledChange>& pending);

} // namespace isp
