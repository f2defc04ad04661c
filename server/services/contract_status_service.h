// A staff status change (process map P6): PUT /contracts/{id}/status, its body read by
// shared/wire/contract_request_json.h. Allowed moves are
// shared/domain/contract_lifecycle.h's; anything else is 409 `invalid_status_transition`.
// One transaction: the contract's status, the status period billing prorates on (from
// the effective date), and the audit entry with before and after. Terminating frees the
// subscriber for a new contract.
#pragma once
#include <string>

#include "shared/domain/contract.h"
#include "shared/domain/contract_requests.h"

namespace isp::services {
struct ServiceContext;

// Throws services::Failure: 404 contract_not_found, 409 invalid_status_transition, 400
// validation_failed (effective_date before the contract's last status change).
Contract change_contract_status(ServiceContext& context, const std::string& contract_id,
                                const StatusChangeRequest& request, const std::string& actor);

} // namespace isp::services
