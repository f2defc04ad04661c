// Staff contract creation (process map P4 and P5): `POST /contracts/provision` (the normal
// path: client, offer and the subscriber's service identifier; the contract is active)
// and `POST /contracts` (the manual path with explicit ids, optionally created
// suspended, and allowed on an offer withdrawn from sale). Both open the contract
// exactly as the landing signup does (services/contract_opening.h), with the staff
// member as the audit actor.
#pragma once
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "shared/domain/contract.h"

namespace isp::services {
struct ServiceContext;

struct ContractOrder {
    std::string client_id;
    std::string offer_id;
    std::string service_identifier;       // as typed; normalised for the offer's family
    std::string contract_start_date;      // as typed, "YYYY-MM-DD"
    std::optional<int> commitment_months; // absent: the offer's own commitment
    ContractStatus status = ContractStatus::Active;
    bool manual = false; // POST /contracts: status may be suspended, the offer may be inactive
};

// Throw services::Failure (Invalid) `validation_failed` for wrong types and missing fields.
ContractOrder provision_order_from_body(const nlohmann::json& body); // process map P4 body
ContractOrder manual_order_from_body(const nlohmann::json& body);    // P5: service_identifier at the top level

// One transaction. Throws services::Failure: (Invalid) `validation_failed` (unknown client or
// offer, inactive offer on the provisioning path, service identifier not of the offer's
// family, bad date or commitment; all listed), 409 `service_identifier_in_use` when the
// subscriber already has a contract that is not terminated.
Contract place_contract_order(ServiceContext& context, const ContractOrder& order, const std::string& actor);

} // namespace isp::services
