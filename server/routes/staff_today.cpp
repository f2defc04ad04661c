// GET /api/v1/staff/today, viewer and up: the staff console's home in one request (active
// contracts by family, the last billing run, the collections overview).
#include <httplib.h>

#include "server/http/problem.h"
#include "server/http/route.h"
#include "server/http/staff_auth.h"
#include "server/routes/app_context.h"
#include "server/routes/routes.h"
#include "server/services/staff_today.h"
#include "shared/wire/staff_today_json.h"

namespace isp::routes {

void register_staff_today(httplib::Server& http, AppContext& app) {
    http.Get("/api/v1/staff/today", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                 http::require_staff(req, app, services::Role::Viewer);
                 http::write_json(res, 200, wire::to_json(services::staff_today(app)));
             }));
}

} // namespace isp::routes
