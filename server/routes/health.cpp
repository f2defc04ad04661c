// GET /api/v1/health (process map P0): is the service up, which version, can the database
// be read and written. 503 "degraded" when it cannot, so monitoring sees a full disk.
#include <httplib.h>

#include "server/clock/clock.h"
#include "server/http/problem.h"
#include "server/http/route.h"
#include "server/routes/app_context.h"
#include "server/routes/routes.h"
#include "server/services/database_health.h"

namespace isp::routes {

void register_health(httplib::Server& http, AppContext& app) {
    http.Get(
        "/api/v1/health", http::guarded([&app](const httplib::Request&, httplib::Response& res) {
            const services::DatabaseHealth db = services::check_database(app);
            const bool ok = db.reachable && db.writable;
            http::write_json(
                res, ok ? 200 : 503,
                {{"status", ok ? "ok" : "degraded"},
                 {"version", ISP_VERSION},
                 {"time", app.clock.now_iso()},
                 {"database",
                  {{"reachable", db.reachable}, {"writable", db.writable}, {"schema_version", db.schema_version}}}});
        }));
}

} // namespace isp::routes
