// POST /api/v1/landing/submit/plan-change (process map P9): an existing client moves one
// of their contracts to another offer of its family, upgrade or downgrade alike, from
// the chosen date. Idempotency-Key required; limited per client address. The lookup
// token says who the client is; services/plan_change_service.h does the change and
// the answer carries a signed link to the new document version.
#include <httplib.h>

#include "server/config/server_config.h"
#include "server/routes/app_context.h"
#include "server/http/client_address.h"
#include "server/http/idempotency.h"
#include "server/http/json_body.h"
#include "server/http/problem.h"
#include "server/http/rate_limit.h"
#include "server/http/route.h"
#include "server/routes/routes.h"
#include "server/services/client_identity.h"
#include "server/services/contract_documents.h"
#include "server/services/plan_change_service.h"
#include "server/store/database.h"
#include "shared/wire/contract_json.h"
#include "shared/wire/json_reader.h"
#include "shared/wire/offer_json.h"

namespace isp::routes {

void register_landing_plan_change(httplib::Server& http, AppContext& app) {
    http.Post(
        "/api/v1/landing/submit/plan-change",
        http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
            const nlohmann::json body = http::json_object_body(req);
            services::PlanChangeRequest change;
            change.language = http::body_language(body);
            http::take_or_refuse(app.landing_writes, http::client_address(req, app.config.trusted_proxies), change.language);
            FieldErrors errors;
            std::string token;
            wire::JsonReader r(body, errors, change.language);
            r.string("lookup_token", token);
            r.string("contract_id", change.contract_id, true);
            r.string("target_offer_id", change.target_offer_id, true);
            r.string("contract_start_date", change.effective_date, true);
            // Who asks comes first (401 before anything else), and before the key is
            // looked at: a refused token stores nothing.
            change.client_id = app.identity.client_of(token);
            if (!errors.empty())
                throw http::ApiError(400, "validation_failed",
                                     "Some fields are missing or have the wrong type; see errors.", std::move(errors));
            // A replay must not depend on the token (it expires; the client may verify
            // again and retry with the same key), but on whose request it is.
            nlohmann::json canonical = body;
            canonical.erase("lookup_token");
            canonical["client_id"] = change.client_id;

            const auto outcome = app.idempotency.run(
                "landing.submit.plan-change", req, canonical, [&](store::Connection& c) -> http::JsonResponse {
                    const auto done = services::change_plan(c, change, app.clock, app.documents);
                    const auto link = app.documents.link(done.contract.contract_id, done.contract.document_version);
                    nlohmann::json contract = wire::to_json(done.contract);
                    return {200,
                            {{"contract_id", done.contract.contract_id},
                             {"contract", contract},
                             {"direction", std::string{to_string(done.direction)}},
                             {"effective_date", contract["contract_start_date"]},
                             {"previous_offer", wire::to_json(done.previous_offer)},
                             {"offer", wire::to_json(done.offer)},
                             {"monthly_difference", wire::to_json(done.monthly_difference)},
                             {"document_version", done.contract.document_version},
                             {"document_download_url", link.url},
                             {"document_url_expires_at", link.expires_at}}};
                });
            outcome.write_to(res);
        }));
}

} // namespace isp::routes
