#include "server/http/pagination.h"

#include <charconv>
#include <string>

#include <httplib.h>

#include "server/http/problem.h"
#include "shared/wire/page_json.h"

namespace isp::http {
namespace {

// `fallback` when absent; records a field error when not a whole number in 1..max.
std::int64_t read_param(const httplib::Request& req, const char* name, std::int64_t fallback, std::int64_t max,
                        FieldErrors& errors) {
    if (!req.has_param(name))
        return fallback;
    const std::string text = req.get_param_value(name);
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < 1 || value > max) {
        errors.push_back({name, "out_of_range",
                          std::string(name) + " must be a whole number from 1 to " + std::to_string(max) + "."});
        return fallback;
    }
    return value;
}

} // namespace

PageRequest page_request(const httplib::Request& req) {
    FieldErrors errors;
    PageRequest p;
    p.page = read_param(req, "page", 1, 1'000'000'000, errors);
    p.per_page = read_param(req, "per_page", default_per_page, max_per_page, errors);
    if (!errors.empty())
        throw ApiError(400, "validation_failed", "Invalid pagination parameters.", std::move(errors));
    return p;
}

nlohmann::json pagination_json(const PageRequest& p, std::int64_t total) {
    return wire::to_json(wire::Pagination{p.page, p.per_page, total});
}

} // namespace isp::http
