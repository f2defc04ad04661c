// POST /api/v1/landing/submit/new (process map P8): a new subscription from the landing
// page. Idempotency-Key required; limited per client address. Checks the form with shared/ check_signup (the rules
// the portal already applied as the person typed), then creates client, contract,
// audit entry and document version 1 in one transaction, and answers with the
// contract and a signed link to its PDF. With a lookup token (`Authorization: Bearer`), a
// client who proved who they are adds a line: their client record is reused and only the
// subscription's fields are read.
#include <httplib.h>

#include "server/config/server_config.h"
#include "server/http/client_address.h"
#include "server/http/idempotency.h"
#include "server/http/json_body.h"
#include "server/http/lookup_token.h"
#include "server/http/problem.h"
#include "server/http/rate_limit.h"
#include "server/http/route.h"
#include "server/routes/app_context.h"
#include "server/routes/routes.h"
#include "server/services/client_identity.h"
#include "server/services/signup_service.h"
#include "shared/wire/json_reader.h"
#include "shared/wire/new_contract_json.h"
#include "shared/wire/problem_codes.h"
#include "shared/wire/signup_json.h"

namespace isp::routes {

void register_landing_submit(httplib::Server& http, AppContext& app) {
    http.Post("/api/v1/landing/submit/new", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                  const nlohmann::json body = http::json_object_body(req);
                  FieldErrors errors;
                  const SignupForm form = wire::signup_form_from_json(body, errors);
                  http::take_or_refuse(app.landing_writes, http::client_address(req, app.config.trusted_proxies),
                                       form.language);
                  std::string draft_id;
                  wire::JsonReader(body, errors, form.language).string("draft_id", draft_id);
                  // Who asks comes first (401 before anything else is looked at): a refused
                  // token stores nothing under the key.
                  const std::string token = http::lookup_token(req);
                  const std::string known_client_id = token.empty() ? std::string{} : app.identity.client_of(token);
                  if (!errors.empty())
                      throw http::ApiError(400, wire::problem::validation_failed,
                                           "Some fields have the wrong type; see errors.", std::move(errors));
                  // A replay depends on whose request it is, not on the token (it expires; the
                  // client may verify again and retry with the same key).
                  nlohmann::json canonical = body;
                  if (!known_client_id.empty())
                      canonical["client_id"] = known_client_id;

                  const auto outcome = app.idempotency.run(
                      "landing.submit.new", req, canonical, [&](store::Connection& c) -> http::JsonResponse {
                          return {201, wire::to_json(services::submit_signup(c, app, form, draft_id, known_client_id))};
                      });
                  outcome.write_to(res);
              }));
}

} // namespace isp::routes
