// A customer's own cancellations from the portal (issue #15), with the lookup token:
//   POST   /api/v1/landing/contracts/{contract_id}/cancellation   cancel the subscription
//          from a date (services/cancellation_service.h); Idempotency-Key required, limited
//          per client address like the other public writes. 202 when the termination waits
//          for its date, 200 when made today.
//   DELETE /api/v1/landing/contracts/{contract_id}/scheduled-changes/{change_id}   take back
//          a pending change the customer asked for (services/scheduled_changes.h); the token
//          as Authorization: Bearer or ?lookup_token=.
// Another client's contract, or an unknown one, is 403 contract_not_owned.
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
#include "server/services/cancellation_service.h"
#include "server/services/client_identity.h"
#include "server/services/scheduled_changes.h"
#include "shared/wire/cancellation_json.h"
#include "shared/wire/problem_codes.h"
#include "shared/wire/scheduled_change_json.h"

namespace isp::routes {

void register_landing_cancellation(httplib::Server& http, AppContext& app) {
    http.Post(
        "/api/v1/landing/contracts/:contract_id/cancellation",
        http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
            const nlohmann::json body = http::json_object_body(req);
            const Language lang = http::body_language(body);
            http::take_or_refuse(app.landing_writes, http::client_address(req, app.config.trusted_proxies), lang);
            FieldErrors errors;
            const wire::CancellationRequest asked = wire::cancellation_request_from_json(body, errors, lang);
            services::CancellationRequest cancel;
            cancel.language = lang;
            cancel.contract_id = http::path_param(req, "contract_id");
            cancel.termination_date = asked.termination_date;
            // Who asks comes first (401 before anything else): a refused token stores nothing.
            cancel.client_id = app.identity.client_of(asked.lookup_token);
            if (!errors.empty())
                throw http::ApiError(400, wire::problem::validation_failed,
                                     "Some fields are missing or have the wrong type; see errors.", std::move(errors));
            // A replay depends on whose request it is, not on the token (it expires).
            nlohmann::json canonical = body;
            canonical.erase("lookup_token");
            canonical["client_id"] = cancel.client_id;
            const auto outcome = app.idempotency.run(
                "landing.contracts.cancellation", req, canonical, [&](store::Connection& c) -> http::JsonResponse {
                    const wire::CancellationResult done = services::cancel_contract(c, app, cancel);
                    return {done.cancellation.change_id.empty() ? 200 : 202, wire::to_json(done)};
                });
            outcome.write_to(res);
        }));

    http.Delete("/api/v1/landing/contracts/:contract_id/scheduled-changes/:change_id",
                http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                    http::take_or_refuse(app.landing_writes, http::client_address(req, app.config.trusted_proxies),
                                         Language::English);
                    const ContractDetail detail = services::cancel_scheduled_change_as_customer(
                        app, app.identity, http::lookup_token(req), http::path_param(req, "contract_id"),
                        http::path_param(req, "change_id"));
                    http::write_json(
                        res, 200,
                        wire::to_json(wire::ContractScheduledChanges{detail.contract, detail.scheduled_changes}));
                }));
}

} // namespace isp::routes
