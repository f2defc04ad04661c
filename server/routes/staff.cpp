// GET /api/v1/me and GET /api/v1/admin/ping (process map P0): who a staff credential
// belongs to, and a check that it carries the admin role.
#include <httplib.h>

#include "server/clock/clock.h"
#include "server/http/problem.h"
#include "server/http/route.h"
#include "server/http/staff_auth.h"
#include "server/routes/app_context.h"
#include "server/routes/routes.h"

namespace isp::routes {
namespace {

nlohmann::json roles_json(const std::vector<services::Role>& roles) {
    nlohmann::json out = nlohmann::json::array();
    for (services::Role r : roles)
        out.push_back(std::string(services::to_string(r)));
    return out;
}

} // namespace

void register_staff(httplib::Server& http, AppContext& app) {
    http.Get("/api/v1/me", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                 const auto who = http::require_staff(req, app, services::Role::Viewer);
                 http::write_json(res, 200,
                                  {{"token_id", who.token_id ? nlohmann::json(*who.token_id) : nlohmann::json()},
                                   {"name", who.name},
                                   {"roles", roles_json(who.roles)},
                                   {"actor", who.actor},
                                   {"authenticated_by", who.method}});
             }));
    http.Get("/api/v1/admin/ping", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                 const auto who = http::require_staff(req, app, services::Role::Admin);
                 http::write_json(res, 200, {{"status", "ok"}, {"actor", who.actor}, {"time", app.clock.now_iso()}});
             }));
}

} // namespace isp::routes
