// A staff status change (process map P6): PUT /contracts/{id}/status. Allowed moves are
// shared/domain/contract_lifecycle.h's; anything else is 409 `invalid_status_transition`.
// One transaction: the contract's status, the status period billing prorates on (from
// the effective date), and the audit entry with before and after. Terminating frees the
// subscriber for a new contract.
#pragma once
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "shared/domain/contract.h"

namespace isp::services {
struct ServiceContext;

struct StatusChangeRequest {
    ContractStatus status = ContractStatus::Active;
    std::optional<Date> effective_date; // absent: today (context.clock)
    std::string reason;                 // free text for the audit trail, may be empty
};

inline constexpr std::size_t max_status_reason_chars = 500;

// (Invalid) `validation_failed`: status missing or unknown, effective_date not a date, reason
// too long or not one line.
StatusChangeRequest status_change_from_body(const nlohmann::json& body);

// Throws services::Failure: 404 contract_not_found, 409 invalid_status_transition, 400
// validation_failed (effective_date before the contract's last status change).
Contract change_contract_status(ServiceContext& context, const std::string& contract_id,
                                const StatusChangeRequest& request, const std::string& actor);

} // namespace isp::services
