// Webhook endpoints, for admins (docs/lifecycle.md):
//   GET, POST /api/v1/webhooks
//   GET, PATCH, DELETE /api/v1/webhooks/{webhook_id}
//   POST /api/v1/webhooks/{webhook_id}/secret                   a new signing secret
//   GET /api/v1/webhooks/{webhook_id}/deliveries                the delivery log, newest first
//   POST /api/v1/webhooks/{webhook_id}/deliveries/{delivery_id}/replay
// The signing secret is in the answers of POST /webhooks and POST .../secret only. POST
// /webhooks honours an optional Idempotency-Key: a retried creation is not a second endpoint
// (the replay repeats the first answer, secret included, to the same staff member).
#include <algorithm>

#include <httplib.h>

#include "server/http/idempotency.h"
#include "server/http/json_body.h"
#include "server/http/pagination.h"
#include "server/http/problem.h"
#include "server/http/route.h"
#include "server/http/staff_auth.h"
#include "server/routes/app_context.h"
#include "server/routes/routes.h"
#include "server/services/webhooks.h"
#include "shared/wire/json_reader.h"
#include "shared/wire/page_json.h"
#include "shared/wire/problem_codes.h"
#include "shared/wire/webhook_json.h"

namespace isp::routes {
namespace {

using services::Role;

// The body's types first, then the rules (which the service applies again), so one answer
// lists every wrong field.
template <class Body, class Check> void refuse_invalid_webhook(FieldErrors errors, const Body& body, Check check) {
    FieldErrors rules;
    check(body, wire::staff_language, rules);
    for (auto& e : rules)
        if (std::none_of(errors.begin(), errors.end(), [&](const FieldError& w) { return w.field == e.field; }))
            errors.push_back(std::move(e));
    if (!errors.empty())
        throw http::ApiError(400, wire::problem::validation_failed, "The webhook has invalid fields; see errors.",
                             std::move(errors));
}

void write_secret(httplib::Response& res, int status, const WebhookSecret& secret) {
    http::write_json(res, status, wire::to_json(secret));
    // The one answer holding the secret: no cache anywhere keeps it.
    res.set_header("Cache-Control", "no-store");
}

} // namespace

void register_webhooks(httplib::Server& http, AppContext& app) {
    http.Get(
        "/api/v1/webhooks", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
            http::require_staff(req, app, Role::Admin);
            const auto page = http::page_request(req);
            const auto webhooks = services::webhook_page(app, static_cast<int>(page.per_page), page.offset());
            nlohmann::json data = nlohmann::json::array();
            for (const auto& w : webhooks.items)
                data.push_back(wire::to_json(w));
            http::write_json(res, 200, wire::page_json(std::move(data), {page.page, page.per_page, webhooks.total}));
        }));
    http.Post("/api/v1/webhooks", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                  const auto who = http::require_staff(req, app, Role::Admin);
                  FieldErrors errors;
                  const nlohmann::json body = http::json_object_body(req);
                  const auto request = wire::new_webhook_from_json(body, errors);
                  refuse_invalid_webhook(std::move(errors), request, check_new_webhook);
                  const auto outcome = app.idempotency.run(
                      "staff.webhooks.create", req, body,
                      [&](store::Connection& c) -> http::JsonResponse {
                          return {201, wire::to_json(services::create_webhook(c, app, request, who.staff_actor()))};
                      },
                      http::KeyRule::Optional);
                  outcome.write_created_to(res, "/api/v1/webhooks/", "/webhook/webhook_id");
                  // The one answer holding the secret: no cache anywhere keeps it.
                  res.set_header("Cache-Control", "no-store");
              }));
    http.Get("/api/v1/webhooks/:webhook_id", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                 http::require_staff(req, app, Role::Admin);
                 http::write_json(res, 200,
                                  wire::to_json(services::get_webhook(app, http::path_param(req, "webhook_id"))));
             }));
    http.Patch("/api/v1/webhooks/:webhook_id",
               http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                   const auto who = http::require_staff(req, app, Role::Admin);
                   FieldErrors errors;
                   const auto change = wire::webhook_change_from_json(http::json_object_body(req), errors);
                   refuse_invalid_webhook(std::move(errors), change, check_webhook_change);
                   http::write_json(res, 200,
                                    wire::to_json(services::change_webhook(app, http::path_param(req, "webhook_id"),
                                                                           change, who.staff_actor())));
               }));
    http.Delete("/api/v1/webhooks/:webhook_id",
                http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                    const auto who = http::require_staff(req, app, Role::Admin);
                    services::delete_webhook(app, http::path_param(req, "webhook_id"), who.staff_actor());
                    res.status = 204;
                }));
    http.Post("/api/v1/webhooks/:webhook_id/secret",
              http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                  const auto who = http::require_staff(req, app, Role::Admin);
                  // An optional body: {"previous_secret_valid_seconds": N}, 24 h when absent.
                  long long previous_seconds = default_previous_secret_seconds;
                  if (!req.body.empty()) {
                      FieldErrors errors;
                      wire::JsonReader(http::json_object_body(req), errors, wire::staff_language)
                          .integer("previous_secret_valid_seconds", previous_seconds);
                      if (!errors.empty())
                          throw http::ApiError(400, wire::problem::validation_failed,
                                               "The rotation has invalid fields; see errors.", std::move(errors));
                  }
                  write_secret(res, 201,
                               services::rotate_webhook_secret(app, http::path_param(req, "webhook_id"),
                                                               who.staff_actor(), previous_seconds));
              }));
    http.Get(
        "/api/v1/webhooks/:webhook_id/deliveries",
        http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
            http::require_staff(req, app, Role::Admin);
            const auto page = http::page_request(req);
            const auto deliveries = services::webhook_delivery_page(app, http::path_param(req, "webhook_id"),
                                                                    static_cast<int>(page.per_page), page.offset());
            nlohmann::json data = nlohmann::json::array();
            for (const auto& d : deliveries.items)
                data.push_back(wire::to_json(d));
            http::write_json(res, 200, wire::page_json(std::move(data), {page.page, page.per_page, deliveries.total}));
        }));
    http.Post("/api/v1/webhooks/:webhook_id/deliveries/:delivery_id/replay",
              http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                  http::require_staff(req, app, Role::Admin);
                  http::write_json(res, 202,
                                   wire::to_json(services::replay_delivery(app, http::path_param(req, "webhook_id"),
                                                                           http::path_param(req, "delivery_id"))));
              }));
}

} // namespace isp::routes
