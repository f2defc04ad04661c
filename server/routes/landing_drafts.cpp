// Landing drafts (process map P7): POST /landing/drafts, GET and PUT /landing/drafts/{draft_id}.
#include <httplib.h>

#include "server/config/server_config.h"
#include "server/http/json_body.h"
#include "server/http/problem.h"
#include "server/http/route.h"
#include "server/routes/app_context.h"
#include "server/routes/routes.h"
#include "server/services/draft_service.h"
#include "shared/wire/draft_json.h"

namespace isp::routes {

void register_landing_drafts(httplib::Server& http, AppContext& app) {
    auto drafts = [&app] { return services::DraftService(app.db, app.clock, app.config.draft_ttl_days); };

    http.Post("/api/v1/landing/drafts", http::guarded([drafts](const httplib::Request& req, httplib::Response& res) {
                  const services::Draft d = drafts().create(http::json_object_body(req));
                  res.set_header("Location", "/api/v1/landing/drafts/" + d.draft_id);
                  http::write_json(res, 201, wire::to_json(d));
              }));
    http.Get("/api/v1/landing/drafts/:draft_id",
             http::guarded([drafts](const httplib::Request& req, httplib::Response& res) {
                 http::write_json(res, 200, wire::to_json(drafts().get(http::path_param(req, "draft_id"))));
             }));
    http.Put("/api/v1/landing/drafts/:draft_id",
             http::guarded([drafts](const httplib::Request& req, httplib::Response& res) {
                 const auto body = http::json_object_body(req);
                 http::write_json(res, 200, wire::to_json(drafts().replace(http::path_param(req, "draft_id"), body)));
             }));
}

} // namespace isp::routes
