// Staff customer management (process map P3): /api/v1/customers[/{client_id}], and what the
// server told a customer (/api/v1/customers/{client_id}/notifications). ops and
// admin create, search, read and replace clients; only admin deletes one (and only a
// client without history: services/customer_service.h). Creating one honours an optional
// Idempotency-Key (the client row and the stored answer commit together). The list takes
// `q` (search) and `sort` (shared/wire/list_sort_param.h).
#include <httplib.h>

#include "server/http/idempotency.h"
#include "server/http/json_body.h"
#include "server/http/list_sort_param.h"
#include "server/http/pagination.h"
#include "server/http/problem.h"
#include "server/http/route.h"
#include "server/http/staff_auth.h"
#include "server/routes/app_context.h"
#include "server/routes/routes.h"
#include "server/services/customer_notifications.h"
#include "server/services/customer_service.h"
#include "server/services/failure.h"
#include "shared/wire/client_form_json.h"
#include "shared/wire/contract_json.h"
#include "shared/wire/customer_notification_json.h"
#include "shared/wire/page_json.h"

namespace isp::routes {

using services::Role;

namespace {

// The client of a create or replace body; (Invalid) `validation_failed` listing every wrong field.
Client customer_of(const nlohmann::json& body) {
    FieldErrors errors;
    Client client = wire::customer_from_json(body, errors);
    if (!errors.empty())
        throw services::Failure(services::FailureKind::Invalid, "validation_failed",
                                "The customer has invalid fields; see errors.", std::move(errors));
    return client;
}

} // namespace

void register_customers(httplib::Server& http, AppContext& app) {
    http.Post("/api/v1/customers", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                  http::require_staff(req, app, Role::Ops);
                  const nlohmann::json body = http::json_object_body(req);
                  const Client client = customer_of(body);
                  const auto outcome = app.idempotency.run(
                      "staff.customers.create", req, body,
                      [&](store::Connection& c) -> http::JsonResponse {
                          return {201, wire::to_json(services::create_customer(c, app, client))};
                      },
                      http::KeyRule::Optional);
                  outcome.write_created_to(res, "/api/v1/customers/", "/client_id");
              }));
    http.Get("/api/v1/customers", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                 http::require_staff(req, app, Role::Viewer);
                 const auto page = http::page_request(req);
                 const std::string q = req.get_param_value("q");
                 FieldErrors errors;
                 if (q.size() > 100)
                     errors.push_back({"q", "too_long", "q must be at most 100 characters."});
                 const auto sort = http::list_sort_param(req, default_customer_sort, errors);
                 if (!errors.empty())
                     throw http::ApiError(400, "validation_failed",
                                          errors.size() == 1 && errors[0].field == "q"
                                              ? "The search is too long."
                                              : "Invalid customer list parameters; see errors.",
                                          std::move(errors));
                 const auto found = services::find_customers(app, q, sort, page.per_page, page.offset());
                 nlohmann::json data = nlohmann::json::array();
                 for (const Client& c : found.clients)
                     data.push_back(wire::to_json(c));
                 http::write_json(res, 200,
                                  wire::page_json(std::move(data),
                                                  {page.page, page.per_page, found.total, found.total_is_lower_bound}));
             }));
    http.Get("/api/v1/customers/:client_id", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                 http::require_staff(req, app, Role::Viewer);
                 http::write_json(res, 200,
                                  wire::to_json(services::get_customer(app, http::path_param(req, "client_id"))));
             }));
    http.Put("/api/v1/customers/:client_id", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                 http::require_staff(req, app, Role::Ops);
                 Client client = customer_of(http::json_object_body(req));
                 client.client_id = http::path_param(req, "client_id");
                 http::write_json(res, 200, wire::to_json(services::replace_customer(app, std::move(client))));
             }));
    http.Get("/api/v1/customers/:client_id/notifications",
             http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                 http::require_staff(req, app, Role::Viewer);
                 const auto page = http::page_request(req);
                 const auto found = services::customer_notifications(app, http::path_param(req, "client_id"),
                                                                     page.per_page, page.offset());
                 nlohmann::json data = nlohmann::json::array();
                 for (const CustomerNotification& n : found.items)
                     data.push_back(wire::to_json(n));
                 http::write_json(res, 200, wire::page_json(std::move(data), {page.page, page.per_page, found.total}));
             }));
    http.Delete("/api/v1/customers/:client_id",
                http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                    http::require_staff(req, app, Role::Admin);
                    services::remove_customer(app, http::path_param(req, "client_id"));
                    res.status = 204;
                }));
}

} // namespace isp::routes
