// `page` and `per_page` query parameters of list endpoints, and the `pagination` object
// of their answers. Out-of-range values are 400 `validation_failed`, not silently
// clamped: a client asking for 1000 rows should learn it gets at most 100.
#pragma once
#include <cstdint>

#include <nlohmann/json.hpp>

#include "shared/domain/field_error.h"

namespace httplib {
struct Request;
}

namespace isp::http {

inline constexpr std::int64_t default_per_page = 20;
inline constexpr std::int64_t max_per_page = 100;

struct PageRequest {
    std::int64_t page = 1; // from 1
    std::int64_t per_page = default_per_page;
    std::int64_t offset() const { return (page - 1) * per_page; }
};

PageRequest page_request(const httplib::Request& req);
// A whole-number query parameter in [min, max]: `fallback` when absent; otherwise a field
// error `out_of_range` naming it (the caller answers 400 with all of them).
std::int64_t whole_number_param(const httplib::Request& req, const char* name, std::int64_t fallback, std::int64_t min,
                                std::int64_t max, FieldErrors& errors);
// {"page", "per_page", "total", "total_pages"}; a page beyond the last is empty, not an error.
nlohmann::json pagination_json(const PageRequest& page, std::int64_t total);

} // namespace isp::http
