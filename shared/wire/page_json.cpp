#include "shared/wire/page_json.h"

#include "shared/wire/json_reader.h"

namespace isp::wire {

nlohmann::json to_json(const Pagination& p) {
    nlohmann::json j = {
        {"page", p.page}, {"per_page", p.per_page}, {"total", p.total}, {"total_pages", p.total_pages()}};
    if (p.total_is_lower_bound)
        j["total_is_lower_bound"] = true; // absent: the total is exact (every list before it had only those)
    return j;
}

Pagination pagination_from_json(const nlohmann::json& j) {
    Pagination p;
    p.page = integer_value<std::int64_t>(j.at("page"));
    p.per_page = integer_value<std::int64_t>(j.at("per_page"));
    p.total = integer_value<std::int64_t>(j.at("total"));
    if (const auto it = j.find("total_is_lower_bound"); it != j.end())
        p.total_is_lower_bound = it->get<bool>();
    return p;
}

nlohmann::json page_json(nlohmann::json items, const Pagination& pagination) {
    return {{"data", std::move(items)}, {"pagination", to_json(pagination)}};
}

} // namespace isp::wire
