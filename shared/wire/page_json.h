// Wire format of one page of a list: {"data": [...], "pagination": {"page", "per_page",
// "total", "total_pages"}}, the envelope of every paginated answer. A page beyond the
// last is empty, not an error.
#pragma once
#include <cstdint>

#include <nlohmann/json.hpp>

namespace isp::wire {

struct PageInfo {
    std::int64_t page = 1; // from 1
    std::int64_t per_page = 20;
    std::int64_t total = 0; // items in all pages
    bool operator==(const PageInfo&) const = default;
};

std::int64_t total_pages(const PageInfo& info);

nlohmann::json to_json(const PageInfo& info);          // the "pagination" object
PageInfo page_info_from_json(const nlohmann::json& j); // throws nlohmann::json::exception on bad shape

// {"data": data, "pagination": to_json(info)}; `data` is the page's items, already written.
nlohmann::json page_json(nlohmann::json data, const PageInfo& info);

} // namespace isp::wire
