// Collections (process map P15) for ops and admin:
//   GET /api/v1/collections/overview          outstanding, overdue, ageing, cases (?currency=)
//   GET /api/v1/collections/cases             filters status, client_id, min_days_overdue; paginated
//   GET /api/v1/collections/cases/{case_id}
//   GET, POST /api/v1/collections/cases/{case_id}/actions
//   PUT /api/v1/collections/cases/{case_id}/status
// Each opens the cases of newly overdue invoices first (services/collection_cases). Adding
// an action honours an optional Idempotency-Key; a status change needs none (the same
// status again changes nothing).
#include <charconv>

#include <httplib.h>

#include "server/config/server_config.h"
#include "server/http/idempotency.h"
#include "server/http/json_body.h"
#include "server/http/pagination.h"
#include "server/http/problem.h"
#include "server/http/route.h"
#include "server/http/staff_auth.h"
#include "server/routes/app_context.h"
#include "server/routes/routes.h"
#include "server/services/collection_cases.h"
#include "server/services/failure.h"
#include "shared/wire/collection_case_json.h"
#include "shared/wire/page_json.h"

namespace isp::routes {
namespace {

using services::Role;

CaseFilter case_filter(const httplib::Request& req) {
    FieldErrors errors;
    CaseFilter f;
    if (req.has_param("status")) {
        f.status = parse_case_status(req.get_param_value("status"));
        if (!f.status)
            errors.push_back(
                {"status", "invalid_status", "status must be one of open, in_progress, promise_to_pay, closed."});
    }
    if (req.has_param("client_id"))
        f.client_id = req.get_param_value("client_id");
    if (req.has_param("min_days_overdue")) {
        const std::string text = req.get_param_value("min_days_overdue");
        std::int64_t days = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), days);
        if (ec != std::errc() || end != text.data() + text.size() || days < 0 || days > 100000)
            errors.push_back(
                {"min_days_overdue", "out_of_range", "min_days_overdue must be a whole number of days, 0 or more."});
        else
            f.min_days_overdue = days;
    }
    if (!errors.empty())
        throw http::ApiError(400, "validation_failed", "Invalid filters; see errors.", std::move(errors));
    return f;
}

std::string overview_currency(const httplib::Request& req, const AppContext& app) {
    if (!req.has_param("currency"))
        return app.config.operator_profile.currency;
    std::string c = req.get_param_value("currency");
    bool ok = c.size() == 3;
    for (char ch : c)
        ok = ok && ch >= 'A' && ch <= 'Z';
    if (!ok)
        throw http::ApiError(
            400, "validation_failed", "Invalid filters; see errors.",
            {{"currency", "invalid_currency", "currency must be an ISO 4217 code (3 capital letters)."}});
    return c;
}

} // namespace

void register_collection_cases(httplib::Server& http, AppContext& app) {
    http.Get("/api/v1/collections/overview", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                 http::require_staff(req, app, Role::Viewer);
                 http::write_json(res, 200, wire::to_json(services::overview(app, overview_currency(req, app))));
             }));

    http.Get("/api/v1/collections/cases", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                 http::require_staff(req, app, Role::Viewer);
                 const auto page = http::page_request(req);
                 const auto filter = case_filter(req);
                 const auto cases = services::list_cases(app, filter, page.per_page, page.offset());
                 nlohmann::json data = nlohmann::json::array();
                 for (const auto& k : cases.items)
                     data.push_back(wire::to_json(k));
                 http::write_json(res, 200, wire::page_json(std::move(data), {page.page, page.per_page, cases.total}));
             }));

    http.Get("/api/v1/collections/cases/:case_id",
             http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                 http::require_staff(req, app, Role::Viewer);
                 http::write_json(res, 200, wire::to_json(services::get_case(app, http::path_param(req, "case_id"))));
             }));

    http.Get(
        "/api/v1/collections/cases/:case_id/actions",
        http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
            http::require_staff(req, app, Role::Viewer);
            const auto page = http::page_request(req);
            const std::string case_id = http::path_param(req, "case_id");
            const auto actions = services::list_actions(app, case_id, page.per_page, page.offset());
            nlohmann::json data = nlohmann::json::array();
            for (const auto& a : actions.items)
                data.push_back(wire::to_json(a));
            http::write_json(res, 200, wire::page_json(std::move(data), {page.page, page.per_page, actions.total}));
        }));

    http.Post("/api/v1/collections/cases/:case_id/actions",
              http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                  const auto staff = http::require_staff(req, app, Role::Ops);
                  FieldErrors errors;
                  const nlohmann::json body = http::json_object_body(req);
                  const auto action = wire::new_collection_action_from_json(body, errors);
                  if (!errors.empty())
                      throw services::Failure(services::FailureKind::Invalid, "validation_failed",
                                              "The action has invalid fields; see errors.", std::move(errors));
                  const std::string case_id = http::path_param(req, "case_id");
                  const auto outcome = app.idempotency.run(
                      "collections.case_actions", req, body,
                      [&](store::Connection& c) -> http::JsonResponse {
                          return {201, wire::to_json(services::add_action(c, app, case_id, action, staff.actor))};
                      },
                      http::KeyRule::Optional);
                  outcome.write_to(res);
              }));

    http.Put("/api/v1/collections/cases/:case_id/status",
             http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                 const auto staff = http::require_staff(req, app, Role::Ops);
                 FieldErrors errors;
                 const auto change = wire::case_status_change_from_json(http::json_object_body(req), errors);
                 if (!errors.empty())
                     throw services::Failure(services::FailureKind::Invalid, "validation_failed",
                                             "The status change has invalid fields; see errors.", std::move(errors));
                 const auto updated =
                     services::change_case_status(app, http::path_param(req, "case_id"), change, staff.actor);
                 http::write_json(res, 200, wire::to_json(updated));
             }));
}

} // namespace isp::routes
