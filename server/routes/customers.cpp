// Staff customer management (process map P3): /api/v1/customers[/{client_id}]. ops and
// admin create, search, read and replace clients; only admin deletes one (and only a
// client without history: services/customer_service.h).
#include <httplib.h>

#include "server/http/json_body.h"
#include "server/http/pagination.h"
#include "server/http/problem.h"
#include "server/http/route.h"
#include "server/http/staff_auth.h"
#include "server/routes/app_context.h"
#include "server/routes/routes.h"
#include "server/services/customer_service.h"
#include "shared/wire/contract_json.h"
#include "shared/wire/page_json.h"

namespace isp::routes {

using services::Role;

void register_customers(httplib::Server& http, AppContext& app) {
    http.Post("/api/v1/customers", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                  http::require_staff(req, app, Role::Ops);
                  const Client client =
                      services::create_customer(app, services::client_from_body(http::json_object_body(req)));
                  res.set_header("Location", "/api/v1/customers/" + client.client_id);
                  http::write_json(res, 201, wire::to_json(client));
              }));
    http.Get("/api/v1/customers", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                 http::require_staff(req, app, Role::Ops);
                 const auto page = http::page_request(req);
                 const std::string q = req.get_param_value("q");
                 if (q.size() > 100)
                     throw http::ApiError(400, "validation_failed", "The search is too long.",
                                          {{"q", "too_long", "q must be at most 100 characters."}});
                 const auto found = services::find_customers(app, q, page.per_page, page.offset());
                 nlohmann::json data = nlohmann::json::array();
                 for (const Client& c : found.clients)
                     data.push_back(wire::to_json(c));
                 http::write_json(res, 200, wire::page_json(std::move(data), {page.page, page.per_page, found.total}));
             }));
    http.Get("/api/v1/customers/:client_id", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                 http::require_staff(req, app, Role::Ops);
                 http::write_json(res, 200,
                                  wire::to_json(services::get_customer(app, http::path_param(req, "client_id"))));
             }));
    http.Put("/api/v1/customers/:client_id", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                 http::require_staff(req, app, Role::Ops);
                 Client client = services::client_from_body(http::json_object_body(req));
                 client.client_id = http::path_param(req, "client_id");
                 http::write_json(res, 200, wire::to_json(services::replace_customer(app, std::move(client))));
             }));
    http.Delete("/api/v1/customers/:client_id",
                http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                    http::require_staff(req, app, Role::Admin);
                    services::remove_customer(app, http::path_param(req, "client_id"));
                    res.status = 204;
                }));
}

} // namespace isp::routes
