// POST /api/v1/billing/runs (process map P11), ops and admin: bills a period, with
// Idempotency-Key (required). The whole run - billing_runs row, invoices, lines,
// numbers and the stored response - is one transaction (services/billing_run.h).
// 201 with the invoices issued; 200 with billing_run_id null when every billable
// contract of the period was already invoiced.
#include <httplib.h>

#include "server/clock/clock.h"
#include "server/config/server_config.h"
#include "server/http/idempotency.h"
#include "server/http/json_body.h"
#include "server/http/route.h"
#include "server/http/staff_auth.h"
#include "server/routes/app_context.h"
#include "server/routes/routes.h"
#include "server/services/billing_run.h"
#include "server/services/document_issuer.h"
#include "server/services/failure.h"
#include "shared/wire/billing_run_json.h"

namespace isp::routes {

void register_billing_runs(httplib::Server& http, AppContext& app) {
    http.Post("/api/v1/billing/runs", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                  const auto staff = http::require_staff(req, app, services::Role::Ops);
                  const nlohmann::json body = http::json_object_body(req);
                  const Date today = app.clock.today_utc();
                  FieldErrors errors;
                  const BillingPeriod period = wire::billing_period_from_json(body, errors);
                  if (!errors.empty()) {
                      const char* detail = errors.front().code == "required" ? "The billing period is required."
                                                                             : "The billing period is not a month.";
                      throw services::Failure(services::FailureKind::Invalid, "validation_failed", detail,
                                              std::move(errors));
                  }
                  services::refuse_future_period(period, today);
                  const auto outcome =
                      app.idempotency.run("billing.runs", req, body, [&](store::Connection& c) -> http::JsonResponse {
                          services::BillingRunRequest run;
                          run.period = period;
                          run.today = today;
                          run.due_days = app.config.invoice_due_days;
                          run.actor = staff.actor;
                          run.now = app.clock.now_iso();
                          run.currency = app.config.operator_profile.currency;
                          run.issuer_snapshot = services::record_issuer(c, app.config.operator_profile, run.now).dump();
                          const auto result = services::run_billing(c, run);
                          return {result.billing_run_id ? 201 : 200, wire::to_json(result)};
                      });
                  outcome.write_to(res);
              }));
}

} // namespace isp::routes
