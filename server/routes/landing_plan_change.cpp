// POST /api/v1/landing/submit/plan-change (process map P9): an existing client moves one
// of their contracts to another offer of its family, upgrade or downgrade alike, from
// the chosen date. Idempotency-Key required; limited per client address. The lookup
// token says who the client is; services/plan_change_service.h does the change and
// the answer carries a signed link to the new document version.
#include <httplib.h>

#include "server/config/server_config.h"
#include "server/http/client_address.h"
#include "server/http/idempotency.h"
#include "server/http/json_body.h"
#include "server/http/problem.h"
#include "server/http/rate_limit.h"
#include "server/http/route.h"
#include "server/routes/app_context.h"
#include "server/routes/routes.h"
#include "server/services/client_identity.h"
#include "server/services/plan_change_service.h"
#include "shared/wire/plan_change_json.h"
#include "shared/wire/problem_codes.h"

namespace isp::routes {

void register_landing_plan_change(httplib::Server& http, AppContext& app) {
    http.Post("/api/v1/landing/submit/plan-change",
              http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                  const nlohmann::json body = http::json_object_body(req);
                  const Language lang = http::body_language(body);
                  http::take_or_refuse(app.landing_writes, http::client_address(req, app.config.trusted_proxies), lang);
                  FieldErrors errors;
                  const wire::PlanChangeRequest asked = wire::plan_change_request_from_json(body, errors, lang);
                  services::PlanChangeRequest change;
                  change.language = lang;
                  change.contract_id = asked.contract_id;
                  change.target_offer_id = asked.target_offer_id;
                  change.effective_date = asked.contract_start_date;
                  // Who asks comes first (401 before anything else), and before the key is
                  // looked at: a refused token stores nothing.
                  change.client_id = app.identity.client_of(asked.lookup_token);
                  if (!errors.empty())
                      throw http::ApiError(400, wire::problem::validation_failed,
                                           "Some fields are missing or have the wrong type; see errors.",
                                           std::move(errors));
                  // A replay must not depend on the token (it expires; the client may verify
                  // again and retry with the same key), but on whose request it is.
                  nlohmann::json canonical = body;
                  canonical.erase("lookup_token");
                  canonical["client_id"] = change.client_id;

                  const auto outcome = app.idempotency.run(
                      "landing.submit.plan-change", req, canonical, [&](store::Connection& c) -> http::JsonResponse {
                          const wire::PlanChangeResult done = services::submit_plan_change(c, app, change);
                          // 202: accepted for a later date; the contract keeps its offer until then.
                          return {done.scheduled ? 202 : 200, wire::to_json(done)};
                      });
                  outcome.write_to(res);
              }));
}

} // namespace isp::routes
