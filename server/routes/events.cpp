// GET /api/v1/events?after=N&limit=M, viewer and up: what happened, in order, for systems
// that follow the server (a RADIUS script suspending lines, an accounting export). A reader
// keeps the last `sequence` it handled and asks for what came after; events are never
// changed or removed, and each has an `event_id` to drop one seen twice.
#include <httplib.h>

#include <cstdint>

#include "server/http/pagination.h"
#include "server/http/problem.h"
#include "server/http/route.h"
#include "server/http/staff_auth.h"
#include "server/routes/app_context.h"
#include "server/routes/routes.h"
#include "server/services/event_outbox.h"
#include "shared/wire/event_json.h"

namespace isp::routes {
void register_events(httplib::Server& http, AppContext& app) {
    http.Get("/api/v1/events", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                 http::require_staff(req, app, services::Role::Viewer);
                 FieldErrors errors;
                 const std::int64_t after = http::whole_number_param(req, "after", 0, 0, INT64_MAX, errors);
                 const auto limit = static_cast<int>(http::whole_number_param(req, "limit", 100, 1, 1000, errors));
                 if (!errors.empty())
                     throw http::ApiError(400, "validation_failed", "The query has invalid parameters; see errors.",
                                          std::move(errors));
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
