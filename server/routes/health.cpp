// GET /api/v1/health (process map P0): is the service up, which version, can the database
// be read and written. 503 "degraded" when it cannot, so monitoring sees a full disk.
#include <httplib.h>

#include "server/routes/app_context.h"
#include "server/clock/clock.h"
#include "server/http/problem.h"
#include "server/http/route.h"
#include "server/routes/routes.h"
#include "server/store/database.h"

namespace isp::routes {

void register_health(httplib::Server& http, AppContext& app) {
    http.Get("/api/v1/health", http::guarded([&app](const httplib::Request&, httplib::Response& res) {
                 int schema = -1;
                 try {
                     schema = app.db.schema_version();
                 } catch (const std::exception&) {
                 }
                 const bool reachable = schema > 0;
                 const bool writable = reachable && app.db.accepts_writes();
                 const bool ok = reachable && writable;
                 http::write_json(
                     res, ok ? 200 : 503,
                     {{"status", ok ? "ok" : "degraded"},
                      {"version", ISP_VERSION},
                      {"time", app.clock.now_iso()},
                      {"database", {{"reachable", reachable}, {"writable", writable}, {"schema_version", schema}}}});
             }));
}

} // namespace isp::routes
