// The events a change tells (shared/domain/event.h), recorded by the service that makes the
// change, in its own transaction: an event exists exactly when its change does.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "shared/domain/contract.h"
#include "shared/domain/event.h"

namespace isp::store {
class Connection;
}

namespace isp::services {
struct ServiceContext;

// Appends an event about `contract`; `data` gets contract_id and client_id added.
void record_contract_event(store::Connection& c, const std::string& type, const Contract& contract, nlohmann::json data,
                           const std::string& now);

// Events after `after_sequence`, in order, at most `limit` (GET /api/v1/events).
std::vector<Event> events_after(ServiceContext& context, std::int64_t after_sequence, int limit);

} // namespace isp::services
