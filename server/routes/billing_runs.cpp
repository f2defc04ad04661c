// Billing runs (process map P11):
//   POST /api/v1/billing/runs, ops and admin: bills a period, with Idempotency-Key
//     (required). The whole run - billing_runs row, invoices, lines, numbers and the
//     stored response - is one transaction (services/billing_run.h). 201 with the invoices
//     issued; 200 with billing_run_id null when every billable contract of the period was
//     already invoiced.
//   GET /api/v1/billing/runs, viewer and up: the runs, newest first, paginated.
//   GET /api/v1/billing/runs/preview?period=YYYY-MM, viewer and up: what a run of that
//     period would do now, by the run's own code, writing nothing.
#include <httplib.h>

#include "server/clock/clock.h"
#include "server/config/server_config.h"
#include "server/http/idempotency.h"
#include "server/http/json_body.h"
#include "server/http/pagination.h"
#include "server/http/problem.h"
#include "server/http/route.h"
#include "server/http/staff_auth.h"
#include "server/routes/app_context.h"
#include "server/routes/routes.h"
#include "server/services/billing_run.h"
#include "server/services/billing_run_records.h"
#include "server/services/contract_status_service.h"
#include "server/services/document_issuer.h"
#include "server/services/failure.h"
#include "server/services/scheduled_changes.h"
#include "shared/wire/billing_run_json.h"
#include "shared/wire/page_json.h"

namespace isp::routes {
namespace {

// The period of a body or of ?period=, "YYYY-MM"; 400 validation_failed on `period`
// (required, invalid_period) otherwise. Both read it with the body's reader, so they
// answer with the same codes and words.
BillingPeriod period_of(const nlohmann::json& holder) {
    FieldErrors errors;
    const BillingPeriod period = wire::billing_period_from_json(holder, errors);
    if (!errors.empty()) {
        const char* detail = errors.front().code == "required" ? "The billing period is required."
                                                               : "The billing period is not a month.";
        throw services::Failure(services::FailureKind::Invalid, "validation_failed", detail, std::move(errors));
    }
    return period;
}

} // namespace

void register_billing_runs(httplib::Server& http, AppContext& app) {
    http.Get("/api/v1/billing/runs", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                 http::require_staff(req, app, services::Role::Viewer);
                 const auto page = http::page_request(req);
                 const auto runs = services::list_billing_runs(app, page.per_page, page.offset());
                 nlohmann::json data = nlohmann::json::array();
                 for (const BillingRunSummary& r : runs.items)
                     data.push_back(wire::to_json(r));
                 http::write_json(res, 200, wire::page_json(std::move(data), {page.page, page.per_page, runs.total}));
             }));
    http.Get("/api/v1/billing/runs/preview", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                 http::require_staff(req, app, services::Role::Viewer);
                 nlohmann::json query = nlohmann::json::object();
                 if (req.has_param("period"))
                     query["period"] = req.get_param_value("period");
                 const BillingPeriod period = period_of(query);
                 services::carry_out_due_changes(app); // the statuses the period is billed on
                 const auto preview = services::preview_billing(app, period, app.config.operator_profile.currency);
                 http::write_json(res, 200, wire::to_json(preview));
             }));
    http.Post("/api/v1/billing/runs", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                  const auto staff = http::require_staff(req, app, services::Role::Ops);
                  const nlohmann::json body = http::json_object_body(req);
                  const Date today = app.clock.today_utc();
                  const BillingPeriod period = period_of(body);
                  services::refuse_future_period(period, today);
                  // Changes due by today first (the scheduler may not have run since midnight).
                  services::carry_out_due_changes(app);
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
