// Wire format of clients and contracts (API responses, audit entries and the
// snapshots that contract document versions are rendered from).
#pragma once
#include <nlohmann/json.hpp>

#include "shared/domain/client.h"
#include "shared/domain/contract.h"

namespace isp::wire {

nlohmann::json to_json(const Client& client);
Client client_from_json(const nlohmann::json& j); // throws nlohmann::json::exception on bad shape

nlohmann::json to_json(const Contract& contract);     // includes the derived "commitment_end"
Contract contract_from_json(const nlohmann::json& j); // throws nlohmann::json::exception on bad shape

} // namespace isp::wire
