// POST /api/v1/landing/contracts/{contract_id}/document-link (process map P8/P10): a
// fresh signed link to the current version of a contract's document, for its owner
// only. The owner shows either a lookup token or the same proof as verify-cin (CIN +
// service identifier, counted toward the same failure limit). Limited per address.
// Another client's contract and an unknown contract get the same 403.
#include <httplib.h>

#include "server/config/server_config.h"
#include "server/http/client_address.h"
#include "server/http/device_cookie.h"
#include "server/http/json_body.h"
#include "server/http/problem.h"
#include "server/http/rate_limit.h"
#include "server/http/route.h"
#include "server/routes/app_context.h"
#include "server/routes/routes.h"
#include "server/services/client_identity.h"
#include "server/services/existing_clients.h"
#include "shared/signup/messages.h"
#include "shared/wire/document_link_json.h"
#include "shared/wire/json_reader.h"
#include "shared/wire/problem_codes.h"

namespace isp::routes {

void register_landing_document_link(httplib::Server& http, AppContext& app) {
    http.Post("/api/v1/landing/contracts/:contract_id/document-link",
              http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                  const nlohmann::json body = http::json_object_body(req);
                  const Language lang = http::body_language(body);
                  http::take_or_refuse(app.landing_writes, http::client_address(req, app.config.trusted_proxies), lang);
                  FieldErrors errors;
                  std::string token, cin, service_identifier;
                  wire::JsonReader r(body, errors, lang);
                  r.string("lookup_token", token);
                  r.string("cin", cin);
                  r.string("service_identifier", service_identifier);
                  if (token.empty() && cin.empty() && service_identifier.empty() && errors.empty())
                      errors.push_back(field_error("lookup_token", "required", lang));
                  if (!errors.empty())
                      throw http::ApiError(400, wire::problem::validation_failed,
                                           "Send either lookup_token, or cin and service_identifier; see errors.",
                                           std::move(errors));

                  const std::string address = http::client_address(req, app.config.trusted_proxies);
                  const std::string device = http::device_cookie(req);
                  const auto answer =
                      services::contract_document_link(app, app.identity, http::path_param(req, "contract_id"), token,
                                                       cin, service_identifier, {address, device, lang});
                  if (answer.proven) // proven by CIN + line: the browser gets its device cookie
                      http::set_device_cookie(res, app.identity.issue_device_token(*answer.proven));
                  http::write_json(res, 200, wire::to_json(answer.link));
              }));
}

} // namespace isp::routes
