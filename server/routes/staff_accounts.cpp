// Staff accounts and their audit log, for admins (docs/staff-accounts.md):
//   GET, POST /api/v1/staff/accounts
//   GET, PATCH /api/v1/staff/accounts/{account_id}
//   POST /api/v1/staff/accounts/{account_id}/password-link
//   GET /api/v1/staff/audit                  newest first; ?account_id= filters
// Creating an account honours an optional Idempotency-Key. Its one-time password link is
// in the first answer only: the stored answer, which a replay returns, leaves it out (the
// database keeps only hashes of such secrets); a new link is POST .../password-link.
#include <algorithm>

#include <httplib.h>

#include "server/config/server_config.h"
#include "server/http/idempotency.h"
#include "server/http/json_body.h"
#include "server/http/pagination.h"
#include "server/http/problem.h"
#include "server/http/request_origin.h"
#include "server/http/route.h"
#include "server/http/staff_auth.h"
#include "server/routes/app_context.h"
#include "server/routes/routes.h"
#include "server/services/failure.h"
#include "server/services/staff_accounts.h"
#include "shared/staff/staff_account_rules.h"
#include "shared/wire/page_json.h"
#include "shared/wire/problem_codes.h"
#include "shared/wire/staff_account_json.h"

namespace isp::routes {
namespace {

using services::Role;

// The field rules too (shared/staff/staff_account_rules.h, which the service applies
// again), so one answer lists every wrong field; a field the reader already refused is not
// named twice.
template <class Body, class Check> void refuse_invalid_account(FieldErrors errors, Body body, Check check) {
    FieldErrors rules;
    check(body, Language::English, rules);
    for (auto& e : rules)
        if (std::none_of(errors.begin(), errors.end(), [&](const FieldError& w) { return w.field == e.field; }))
            errors.push_back(std::move(e));
    if (!errors.empty())
        throw services::Failure(services::FailureKind::Invalid, wire::problem::validation_failed,
                                "The account has invalid fields; see errors.", std::move(errors));
}

} // namespace

void register_staff_accounts(httplib::Server& http, AppContext& app) {
    http.Get(
        "/api/v1/staff/accounts", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
            http::require_staff(req, app, Role::Admin);
            const auto page = http::page_request(req);
            const auto accounts = services::staff_account_page(app, page.per_page, page.offset());
            nlohmann::json data = nlohmann::json::array();
            for (const auto& a : accounts.items)
                data.push_back(wire::to_json(a));
            http::write_json(res, 200, wire::page_json(std::move(data), {page.page, page.per_page, accounts.total}));
        }));
    http.Post("/api/v1/staff/accounts", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                  const auto who = http::require_staff(req, app, Role::Admin);
                  FieldErrors errors;
                  const nlohmann::json body = http::json_object_body(req);
                  auto request = wire::new_staff_account_from_json(body, errors);
                  refuse_invalid_account(std::move(errors), request, check_new_staff_account);
                  const auto outcome = app.idempotency.run(
                      "staff.accounts.create", req, body,
                      [&](store::Connection& c) -> http::JsonResponse {
                          const auto created = services::create_staff_account(
                              c, app, request, http::public_base_url(req, app.config), who.staff_actor());
                          const nlohmann::json account = wire::to_json(created.account);
                          return {201,
                                  {{"account", account}, {"password_link", wire::to_json(created.password_link)}},
                                  nlohmann::json{{"account", account}}};
                      },
                      http::KeyRule::Optional);
                  outcome.write_created_to(res, "/api/v1/staff/accounts/", "/account/account_id");
              }));
    http.Get("/api/v1/staff/accounts/:account_id",
             http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                 http::require_staff(req, app, Role::Admin);
                 http::write_json(res, 200,
                                  wire::to_json(services::get_staff_account(app, http::path_param(req, "account_id"))));
             }));
    http.Patch("/api/v1/staff/accounts/:account_id",
               http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                   const auto who = http::require_staff(req, app, Role::Admin);
                   FieldErrors errors;
                   auto change = wire::staff_account_change_from_json(http::json_object_body(req), errors);
                   refuse_invalid_account(std::move(errors), change, check_staff_account_change);
                   http::write_json(
                       res, 200,
                       wire::to_json(services::change_staff_account(app, http::path_param(req, "account_id"),
                                                                    std::move(change), who.staff_actor())));
               }));
    http.Post("/api/v1/staff/accounts/:account_id/password-link",
              http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                  const auto who = http::require_staff(req, app, Role::Admin);
                  http::write_json(res, 201,
                                   wire::to_json(services::new_password_link(app, http::path_param(req, "account_id"),
                                                                             http::public_base_url(req, app.config),
                                                                             who.staff_actor())));
              }));
    http.Get(
        "/api/v1/staff/audit", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
            http::require_staff(req, app, Role::Admin);
            const auto page = http::page_request(req);
            const std::string account_id = req.get_param_value("account_id");
            if (account_id.size() > 40)
                throw http::ApiError(400, wire::problem::validation_failed, "account_id is too long.",
                                     {{"account_id", "too_long", "account_id is at most 40 characters."}});
            const auto entries = services::staff_audit_page(app, account_id, page.per_page, page.offset());
            nlohmann::json data = nlohmann::json::array();
            for (const auto& e : entries.items)
                data.push_back(wire::to_json(e));
            http::write_json(res, 200, wire::page_json(std::move(data), {page.page, page.per_page, entries.total}));
        }));
}

} // namespace isp::routes
