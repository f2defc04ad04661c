#include "shared/wire/event_json.h"

#include "shared/wire/optional_json.h"

namespace isp::wire {

nlohmann::json to_json(const Event& e) {
    auto data = nlohmann::json::parse(e.data, nullptr, false);
    return {{"sequence", e.sequence},
            {"event_id", e.event_id},
            {"type", e.type},
            {"occurred_at", e.occurred_at},
            {"contract_id", or_null(e.contract_id)},
            {"client_id", or_null(e.client_id)},
            {"data", data.is_discarded() ? nlohmann::json::object() : data}};
}

Event event_from_json(const nlohmann::json& j) {
    return {j.at("sequence").get<std::int64_t>(),
            j.at("event_id").get<std::string>(),
            j.at("type").get<std::string>(),
            j.at("occurred_at").get<std::string>(),
            null_or<std::string>(j, "contract_id"),
            null_or<std::string>(j, "client_id"),
            j.at("data").dump()};
}

} // namespace isp::wire
