// GET /api/v1/events?after=N&limit=M, viewer and up: what happened, in order, for systems
// that follow the server (a RADIUS script suspending lines, an accounting export). A reader
// keeps the last `sequence` it handled and asks for what came after; events are never
// changed or removed, and each has an `event_id` to drop one seen twice.
#include <httplib.h>

#include <cstdlib>

#include "server/http/problem.h"
#include "server/http/route.h"
#include "server/http/staff_auth.h"
#include "server/routes/app_context.h"
#include "server/routes/routes.h"
#include "server/services/event_outbox.h"
#include "shared/wire/event_json.h"

namespace isp::routes {
namespace {

// A whole number in [min, max] from the query, or a 400 naming the parameter.
std::int64_t number_param(const httplib::Request& req, const char* name, std::int64_t fallback, std::int64_t min,
                          std::int64_t max) {
    if (!req.has_param(name))
        return fallback;
    const std::string text = req.get_param_value(name);
    char* end = nullptr;
    errno = 0;
    const long long value = std::strtoll(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || errno != 0 || value < min || value > max)
        throw http::ApiError(400, "validation_failed", "The query has invalid parameters; see errors.",
                             {{name, "invalid_number",
                               std::string(name) + " must be a whole number from " + std::to_string(min) + " to " +
                                   std::to_string(max) + "."}});
    return value;
}

} // namespace

void register_events(httplib::Server& http, AppContext& app) {
    http.Get("/api/v1/events", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                 http::require_staff(req, app, services::Role::Viewer);
                 const std::int64_t after = number_param(req, "after", 0, 0, INT64_MAX);
                 const auto limit = static_cast<int>(number_param(req, "limit", 100, 1, 1000));
                 const auto events = services::events_after(app, after, limit);
                 nlohmann::json data = nlohmann::json::array();
                 for (const Event& e : events)
                     data.push_back(wire::to_json(e));
                 http::write_json(
                     res, 200,
                     {{"data", std::move(data)}, {"next_after", events.empty() ? after : events.back().sequence}});
             }));
}

} // namespace isp::routes
