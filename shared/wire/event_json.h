// Wire format of events (shared/domain/event.h), as GET /api/v1/events lists them:
// {sequence, event_id, type, occurred_at, contract_id, client_id, data}, `data` an object.
#pragma once
#include <nlohmann/json.hpp>

#include "shared/domain/event.h"

namespace isp::wire {

nlohmann::json to_json(const Event& event);
// Throws nlohmann::json::exception on a bad shape.
Event event_from_json(const nlohmann::json& j);

} // namespace isp::wire
