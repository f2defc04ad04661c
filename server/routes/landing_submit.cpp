// POST /api/v1/landing/submit/new (process map P8): a new subscription from the landing
// page. Idempotency-Key required; limited per client address. Checks the form with shared/ check_signup (the rules
// the portal already applied as the person typed), then creates client, contract,
// audit entry and document version 1 in one transaction, and answers with the
// contract and a signed link to its PDF.
#include <httplib.h>

#include "server/config/server_config.h"
#include "server/routes/app_context.h"
#include "server/clock/clock.h"
#include "server/http/client_address.h"
#include "server/http/idempotency.h"
#include "server/http/json_body.h"
#include "server/http/problem.h"
#include "server/http/rate_limit.h"
#include "server/http/route.h"
#include "server/routes/routes.h"
#include "server/services/contract_documents.h"
#include "server/services/signup_service.h"
#include "server/store/catalog_store.h"
#include "server/store/database.h"
#include "server/store/draft_store.h"
#include "shared/wire/contract_json.h"
#include "shared/wire/json_reader.h"
#include "shared/wire/offer_json.h"
#include "shared/wire/signup_json.h"

namespace isp::routes {

void register_landing_submit(httplib::Server& http, AppContext& app) {
    http.Post("/api/v1/landing/submit/new", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                  const nlohmann::json body = http::json_object_body(req);
                  FieldErrors errors;
                  const SignupForm form = wire::signup_form_from_json(body, errors);
                  http::take_or_refuse(app.landing_writes, http::client_address(req, app.config.trusted_proxies), form.language);
                  std::string draft_id;
                  wire::JsonReader(body, errors, form.language).string("draft_id", draft_id);
                  if (!errors.empty())
                      throw http::ApiError(400, "validation_failed", "Some fields have the wrong type; see errors.",
                                           std::move(errors));

                  const auto outcome = app.idempotency.run(
                      "landing.submit.new", req, body, [&](store::Connection& c) -> http::JsonResponse {
                          const auto offer = store::find_offer(c, form.offer_id);
                          SignupCheck check = check_signup(form, offer ? &*offer : nullptr, app.clock.today_utc());
                          if (!check.valid)
                              throw http::ApiError(400, "validation_failed",
                                                   form.language == Language::French
                                                       ? "Certains champs sont invalides ; voir errors."
                                                       : "Some fields are invalid; see errors.",
                                                   std::move(check.errors));
                          const auto created =
                              services::subscribe_new_client(c, *check.valid, *offer, app.clock, app.documents);
                          if (!draft_id.empty())
                              store::delete_draft(c, draft_id);
                          const auto link =
                              app.documents.link(created.contract.contract_id, created.contract.document_version);
                          nlohmann::json contract = wire::to_json(created.contract);
                          return {201,
                                  {{"contract_id", created.contract.contract_id},
                                   {"contract_number", created.contract.contract_number},
                                   {"client_id", created.client.client_id},
                                   {"status", contract["status"]},
                                   {"contract_start_date", contract["contract_start_date"]},
                                   {"commitment_months", created.contract.commitment_months},
                                   {"commitment_end", contract["commitment_end"]},
                                   {"subscriber", contract["subscriber"]},
                                   {"offer", wire::to_json(created.offer)},
                                   {"document_version", created.contract.document_version},
                                   {"document_download_url", link.url},
                                   {"document_url_expires_at", link.expires_at}}};
                      });
                  outcome.write_to(res);
              }));
}

} // namespace isp::routes
