#include "shared/wire/page_json.h"

#include "shared/wire/json_reader.h"

namespace isp::wire {

std::int64_t total_pages(const PageInfo& info) {
    if (info.per_page <= 0) // only from a page read off the wire: never divide by it
        return 0;
    return (info.total + info.per_page - 1) / info.per_page;
}

nlohmann::json to_json(const PageInfo& info) {
    return {
        {"page", info.page}, {"per_page", info.per_page}, {"total", info.total}, {"total_pages", total_pages(info)}};
}

PageInfo page_info_from_json(const nlohmann::json& j) {
    return {integer_value<std::int64_t>(j.at("page")), integer_value<std::int64_t>(j.at("per_page")),
            integer_value<std::int64_t>(j.at("total"))};
}

nlohmann::json page_json(nlohmann::json data, const PageInfo& info) {
    return {{"data", std::move(data)}, {"pagination", to_json(info)}};
}

} // namespace isp::wire
