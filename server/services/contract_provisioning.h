// Staff contract creation (process map P4 and P5): `POST /contracts/provision` (the normal
// path: client, offer and the subscriber's service identifier; the contract is active)
// and `POST /contracts` (the manual path with explicit ids, optionally created
// suspended, and allowed on an offer withdrawn from sale). Both open the contract
// exactly as the landing signup does (services/contract_opening.h), with the staff
// member as the audit actor. The bodies are read by shared/wire/contract_request_json.h.
#pragma once
#include <string>

#include "shared/domain/contract.h"
#include "shared/domain/contract_requests.h"

namespace isp::store {
class Connection;
}

namespace isp::services {
struct ServiceContext;

// One transaction. Throws services::Failure: (Invalid) `validation_failed` (unknown client or
// offer, inactive offer on the provisioning path, service identifier not of the offer's
// family, bad date or commitment; all listed), 409 `service_identifier_in_use` when the
// subscriber already has a contract that is not terminated.
Contract place_contract_order(ServiceContext& context, const ContractOrder& order, const std::string& actor);
// The same inside the caller's write transaction (the idempotency guard's).
Contract place_contract_order(store::Connection& c, ServiceContext& context, const ContractOrder& order,
                              const std::string& actor);

} // namespace isp::services
