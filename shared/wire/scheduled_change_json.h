// Wire format of a pending change (shared/domain/scheduled_change.h), as contracts list it in
// `scheduled_changes` (staff's GET /contracts/{id}, the landing subscriptions) and plan
// changes dated later answer it: `change_id`, `kind` ("status" or "offer"), `status` (kind
// status) or `offer_id` (kind offer), `effective_date`, `reason`, `requested_by`,
// `requested_at`.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "shared/domain/contract.h"
#include "shared/domain/scheduled_change.h"

namespace isp::wire {

nlohmann::json to_json(const ScheduledChange& change);
// Throws nlohmann::json::exception on a bad shape; `kind` defaults to "status" (answers
// written before offer changes were scheduled).
ScheduledChange scheduled_change_from_json(const nlohmann::json& j, const std::string& contract_id);

// The answer of the customer's DELETE /landing/contracts/{id}/scheduled-changes/{change_id}:
// {"contract": {...}, "scheduled_changes": [...]} (the ones still pending).
struct ContractScheduledChanges {
    Contract contract;
    std::vector<ScheduledChange> scheduled_changes;
    bool operator==(const ContractScheduledChanges&) const = default;
};

nlohmann::json to_json(const ContractScheduledChanges& answer);
ContractScheduledChanges contract_scheduled_changes_from_json(const nlohmann::json& j); // throws on a bad shape

} // namespace isp::wire
