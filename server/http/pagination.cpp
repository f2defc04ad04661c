#include "server/http/pagination.h"

#include <charconv>
#include <string>

#include <httplib.h>

#include "server/http/problem.h"
#include "shared/wire/page_json.h"

namespace isp::http {
std::int64_t whole_number_param(const httplib::Request& req, const char* name, std::int64_t fallback, std::int64_t min,
                                std::int64_t max, FieldErrors& errors) {
    if (!req.has_param(name))
        return fallback;
    const std::string text = req.get_param_value(name);
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max) {
        errors.push_back({name, "out_of_range",
                          std::string(name) + " must be a whole number from " + std::to_string(min) + " to " +
                              std::to_string(max) + "."});
        return fallback;
    }
    return value;
}

PageRequest page_request(const httplib::Request& req) {
    FieldErrors errors;
    PageRequest p;
    p.page = whole_number_param(req, "page", 1, 1, 1'000'000'000, errors);
    p.per_page = whole_number_param(req, "per_page", default_per_page, 1, max_per_page, errors);
    if (!errors.empty())
        throw ApiError(400, "validation_failed", "Invalid pagination parameters.", std::move(errors));
    return p;
}

nlohmann::json pagination_json(const PageRequest& p, std::int64_t total) {
    return wire::to_json(wire::Pagination{p.page, p.per_page, total});
}

} // namespace isp::http
