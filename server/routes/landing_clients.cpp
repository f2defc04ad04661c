// Existing clients on the landing page (process map P9):
//   POST /api/v1/landing/clients/verify-cin   CIN + the service identifier of one of
//        their live contracts -> a lookup token bound to the client (services/client_identity.h)
//   GET  /api/v1/landing/clients/{cin}/subscriptions   their live contracts, each with the
//        offers it may move to (shared/billing/plan_change.h); the lookup token as
//        Authorization: Bearer, or ?lookup_token= (http/lookup_token.h)
#include <httplib.h>

#include "server/config/server_config.h"
#include "server/http/client_address.h"
#include "server/http/device_cookie.h"
#include "server/http/json_body.h"
#include "server/http/lookup_token.h"
#include "server/http/problem.h"
#include "server/http/route.h"
#include "server/routes/app_context.h"
#include "server/routes/routes.h"
#include "server/services/client_identity.h"
#include "server/services/existing_clients.h"
#include "shared/wire/problem_codes.h"
#include "shared/wire/subscription_json.h"
#include "shared/wire/verification_json.h"

namespace isp::routes {

void register_landing_clients(httplib::Server& http, AppContext& app) {
    http.Post("/api/v1/landing/clients/verify-cin",
              http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                  const nlohmann::json body = http::json_object_body(req);
                  const Language lang = http::body_language(body);
                  FieldErrors errors;
                  const wire::VerifyCinRequest proof = wire::verify_cin_request_from_json(body, errors, lang);
                  if (!errors.empty())
                      throw http::ApiError(400, wire::problem::validation_failed,
                                           "Some fields have the wrong type; see errors.", std::move(errors));
                  const std::string address = http::client_address(req, app.config.trusted_proxies);
                  const std::string device = http::device_cookie(req);
                  const Client client = services::verify_client(app, app.identity, proof.cin, proof.service_identifier,
                                                                {address, device, lang});
                  const auto token = app.identity.issue(client.client_id);
                  http::set_device_cookie(res, app.identity.issue_device_token(client));
                  http::write_json(res, 200,
                                   wire::to_json(wire::Verification{token.token, token.expires_at, client.client_id,
                                                                    client.first_name}));
              }));

    http.Get("/api/v1/landing/clients/:cin/subscriptions",
             http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                 http::write_json(res, 200,
                                  wire::to_json(services::client_subscriptions(
                                      app, app.identity, http::lookup_token(req), http::path_param(req, "cin"))));
             }));
}

} // namespace isp::routes
