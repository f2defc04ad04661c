// Existing clients on the landing page (process map P9):
//   POST /api/v1/landing/clients/verify-cin   CIN + the service identifier of one of
//        their live contracts -> a lookup token bound to the client (services/client_identity.h)
//   GET  /api/v1/landing/clients/{cin}/subscriptions?lookup_token=...   their live
//        contracts, each with the offers it may move to (shared/billing/plan_change.h)
#include <httplib.h>

#include "server/config/server_config.h"
#include "server/routes/app_context.h"
#include "server/http/client_address.h"
#include "server/http/device_cookie.h"
#include "server/http/json_body.h"
#include "server/http/problem.h"
#include "server/http/route.h"
#include "server/routes/routes.h"
#include "server/services/client_identity.h"
#include "server/store/catalog_store.h"
#include "server/store/client_store.h"
#include "server/store/contract_store.h"
#include "server/store/database.h"
#include "shared/billing/plan_change.h"
#include "shared/domain/cin.h"
#include "shared/wire/contract_json.h"
#include "shared/wire/json_reader.h"
#include "shared/wire/offer_json.h"

namespace isp::routes {
namespace {

nlohmann::json subscription_json(const Contract& k, const Offer& offer, const std::vector<Offer>& catalog) {
    nlohmann::json eligible = nlohmann::json::array();
    for (const Offer& o : catalog) {
        if (!is_eligible_target(offer, o))
            continue;
        nlohmann::json j = wire::to_json(o);
        j["direction"] = std::string{to_string(plan_change_direction(offer, o))};
        j["monthly_difference"] = wire::to_json(monthly_difference(offer, o));
        eligible.push_back(std::move(j));
    }
    const nlohmann::json contract = wire::to_json(k);
    return {{"contract_id", k.contract_id},
            {"contract_number", k.contract_number},
            {"status", contract["status"]},
            {"offer", wire::to_json(offer)},
            {"family", std::string{to_string(offer.family)}},
            {"monthly_price", wire::to_json(offer.monthly_price)},
            {"monthly_price_with_tax", wire::to_json(price_with_tax(offer))},
            {"contract_start_date", contract["contract_start_date"]},
            {"commitment_months", k.commitment_months},
            {"commitment_end", contract["commitment_end"]},
            {"subscriber", contract["subscriber"]},
            {"document_version", k.document_version},
            {"eligible_offers", std::move(eligible)}};
}

} // namespace

void register_landing_clients(httplib::Server& http, AppContext& app) {
    http.Post("/api/v1/landing/clients/verify-cin",
              http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                  const nlohmann::json body = http::json_object_body(req);
                  const Language lang = http::body_language(body);
                  FieldErrors errors;
                  std::string cin, service_identifier;
                  wire::JsonReader r(body, errors, lang);
                  r.string("cin", cin);
                  r.string("service_identifier", service_identifier);
                  if (!errors.empty())
                      throw http::ApiError(400, "validation_failed", "Some fields have the wrong type; see errors.",
                                           std::move(errors));
                  const Client client = app.db.read([&](store::Connection& c) {
                      return app.identity.verify(c, http::client_address(req, app.config.trusted_proxies), cin, service_identifier,
                                                 http::device_cookie(req), lang);
                  });
                  const auto token = app.identity.issue(client.client_id);
                  http::set_device_cookie(res, app.identity.issue_device_token(client));
                  http::write_json(res, 200,
                                   {{"lookup_token", token.token},
                                    {"expires_at", token.expires_at},
                                    {"client_id", client.client_id},
                                    {"first_name", client.first_name}});
              }));

    http.Get("/api/v1/landing/clients/:cin/subscriptions",
             http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                 const nlohmann::json body = app.db.read([&](store::Connection& c) {
                     const Client client = app.identity.client_for_cin(c, req.get_param_value("lookup_token"),
                                                                       http::path_param(req, "cin"));
                     const std::string& client_id = client.client_id;
                     const std::vector<Offer> catalog = store::list_offers(c, true);
                     nlohmann::json subscriptions = nlohmann::json::array();
                     for (const Contract& k : store::list_live_contracts_of_client(c, client_id))
                         if (const auto offer = store::find_offer(c, k.offer_id))
                             subscriptions.push_back(subscription_json(k, *offer, catalog));
                     return nlohmann::json{{"client_id", client.client_id},
                                           {"first_name", client.first_name},
                                           {"total", subscriptions.size()},
                                           {"subscriptions", std::move(subscriptions)}};
                 });
                 http::write_json(res, 200, body);
             }));
}

} // namespace isp::routes
