// POST /api/v1/landing/contracts/{contract_id}/document-link (process map P8/P10): a
// fresh signed link to the current version of a contract's document, for its owner
// only. The owner shows either a lookup token or the same proof as verify-cin (CIN +
// service identifier, counted toward the same failure limit). Limited per address.
// Another client's contract and an unknown contract get the same 403.
#include <httplib.h>

#include "server/config/server_config.h"
#include "server/routes/app_context.h"
#include "server/http/client_address.h"
#include "server/http/device_cookie.h"
#include "server/http/json_body.h"
#include "server/http/problem.h"
#include "server/http/rate_limit.h"
#include "server/http/route.h"
#include "server/routes/routes.h"
#include "server/services/client_identity.h"
#include "server/services/contract_documents.h"
#include "server/services/plan_change_service.h"
#include "server/store/contract_store.h"
#include "server/store/database.h"
#include "shared/signup/messages.h"
#include "shared/wire/json_reader.h"

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
                      throw http::ApiError(400, "validation_failed",
                                           "Send either lookup_token, or cin and service_identifier; see errors.",
                                           std::move(errors));

                  const std::string contract_id = http::path_param(req, "contract_id");
                  std::optional<Client> proven; // by CIN + line: the browser gets its device cookie
                  const Contract contract = app.db.read([&](store::Connection& c) {
                      if (token.empty())
                          proven = app.identity.verify(c, http::client_address(req, app.config.trusted_proxies), cin,
                                                       service_identifier, http::device_cookie(req), lang);
                      const std::string client_id = proven ? proven->client_id : app.identity.client_of(token);
                      auto k = store::find_contract(c, contract_id);
                      if (!k || k->client_id != client_id)
                          services::refuse_contract_not_owned();
                      return *k;
                  });
                  if (proven)
                      http::set_device_cookie(res, app.identity.issue_device_token(*proven));
                  const auto link = app.documents.link(contract.contract_id, contract.document_version);
                  http::write_json(res, 200,
                                   {{"contract_id", contract.contract_id},
                                    {"document_version", contract.document_version},
                                    {"document_download_url", link.url},
                                    {"document_url_expires_at", link.expires_at}});
              }));
}

} // namespace isp::routes
