#include "shared/wire/page_json.h"

#include "shared/wire/json_reader.h"

namespace isp::wire {

nlohmann::json to_json(const Pagination& p) {
    return {{"page", p.page}, {"per_page", p.per_page}, {"total", p.total}, {"total_pages", p.total_pages()}};
}

Pagination pagination_from_json(const nlohmann::json& j) {
    Pagination p;
    p.page = integer_value<std::int64_t>(j.at("page"));
    p.per_page = integer_value<std::int64_t>(j.at("per_page"));
    p.total = integer_value<std::int64_t>(j.at("total"));
    return p;
}

nlohmann::json page_json(nlohmann::json items, const Pagination& pagination) {
    return {{"data", std::move(items)}, {"pagination", to_json(pagination)}};
}

} // namespace isp::wire
