// GET /api/v1/me and GET /api/v1/admin/ping (process map P0): who a staff credential
// belongs to (with the session's CSRF token when signed in by cookie), and a check that
// it carries the admin role.
#include <httplib.h>

#include "server/clock/clock.h"
#include "server/http/problem.h"
#include "server/http/route.h"
#include "server/http/staff_auth.h"
#include "server/routes/app_context.h"
#include "server/routes/routes.h"
#include "shared/wire/staff_account_json.h"

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
                 // Also for a session that must still enrol a second factor: the console
                 // learns here that it has to offer the enrolment.
                 const auto who = http::require_signed_in(req, app);
                 nlohmann::json me = {{"token_id", who.token_id ? nlohmann::json(*who.token_id) : nlohmann::json()},
                                      {"name", who.name},
                                      {"roles", roles_json(who.roles)},
                                      {"actor", who.actor},
                                      {"authenticated_by", who.method},
                                      {"account", who.account ? wire::to_json(*who.account) : nlohmann::json()}};
                 if (who.session) {
                     me["csrf_token"] = who.session->csrf_token;
                     me["session_expires_at"] = Clock::iso_timestamp(who.session->expires_unix);
                     me["second_factor_enrolment_required"] = who.session->second_factor_enrolment_required;
                 }
                 http::write_json(res, 200, me);
             }));
    http.Get("/api/v1/admin/ping", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                 const auto who = http::require_staff(req, app, services::Role::Admin);
                 http::write_json(res, 200, {{"status", "ok"}, {"actor", who.actor}, {"time", app.clock.now_iso()}});
             }));
}

} // namespace isp::routes
