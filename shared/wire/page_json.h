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
    // `total` counts only so far (a customer search stops counting at 1,000 matches): there
    // are at least that many, maybe more. Written as "total_is_lower_bound": true, only then.
    bool total_is_lower_bound = false;
    std::int64_t total_pages() const { return per_page > 0 ? (total + per_page - 1) / per_page : 0; }
    bool operator==(const Pagination&) const = default;
};

// {"page", "per_page", "total", "total_pages"[, "total_is_lower_bound": true]}
nlohmann::json to_json(const Pagination& pagination);
Pagination pagination_from_json(const nlohmann::json& j); // throws nlohmann::json::exception on bad shape

// The whole answer of a list endpoint: {"data": items, "pagination": ...}.
nlohmann::json page_json(nlohmann::json items, const Pagination& pagination);

} // namespace isp::wire
