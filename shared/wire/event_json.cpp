#include "shared/wire/event_json.h"

namespace isp::wire {
namespace {

nlohmann::json optional_text(const std::optional<std::string>& text) {
    return text ? nlohmann::json(*text) : nlohmann::json(nullptr);
}

std::optional<std::string> optional_from(const nlohmann::json& j, const char* key) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null())
        return std::nullopt;
    return it->get<std::string>();
}

} // namespace

nlohmann::json to_json(const Event& e) {
    auto data = nlohmann::json::parse(e.data, nullptr, false);
    return {{"sequence", e.sequence},
            {"event_id", e.event_id},
            {"type", e.type},
            {"occurred_at", e.occurred_at},
            {"contract_id", optional_text(e.contract_id)},
            {"client_id", optional_text(e.client_id)},
            {"data", data.is_discarded() ? nlohmann::json::object() : data}};
}

Event event_from_json(const nlohmann::json& j) {
    return {j.at("sequence").get<std::int64_t>(),
            j.at("event_id").get<std::string>(),
            j.at("type").get<std::string>(),
            j.at("occurred_at").get<std::string>(),
            optional_from(j, "contract_id"),
            optional_from(j, "client_id"),
            j.at("data").dump()};
}

} // namespace isp::wire
