// Wire format of a page of a list: every list endpoint answers {"data": [...],
// "pagination": {...}}; this is the "pagination" half, written and read in one place.
#pragma once
#include <cstdint>

#include <nlohmann/json.hpp>

namespace isp::wire {

struct Pagination {
    std::int64_t page = 1; // from 1
    std::int64_t per_page = 20;
    std::int64_t total = 0; // every item, beyond this page too
    std::int64_t total_pages() const { return per_page > 0 ? (total + per_page - 1) / per_page : 0; }
    bool operator==(const Pagination&) const = default;
};

nlohmann::json to_json(const Pagination& pagination);     // {"page", "per_page", "total", "total_pages"}
Pagination pagination_from_json(const nlohmann::json& j); // throws nlohmann::json::exception on bad shape

// The whole answer of a list endpoint: {"data": items, "pagination": ...}.
nlohmann::json page_json(nlohmann::json items, const Pagination& pagination);

} // namespace isp::wire
