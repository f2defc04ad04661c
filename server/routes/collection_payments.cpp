// Payments (process map P14) for ops and admin:
//   POST /api/v1/collections/payments                            (Idempotency-Key)
//   POST /api/v1/collections/invoices/{invoice_id}/approve-paid  (Idempotency-Key)
//   GET  /api/v1/collections/payments   filters invoice_id, client_id, method, from, to; paginated
// The posting itself runs inside the idempotency guard's write transaction, so the
// payment, the invoice's settlement, the collection case and the stored response
// commit together (services/payment_posting).
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
#include "server/services/failure.h"
#include "server/services/payment_history.h"
#include "server/services/payment_posting.h"
#include "shared/wire/page_json.h"
#include "shared/wire/payment_json.h"

namespace isp::routes {
namespace {

using services::Role;

std::optional<std::string> text_param(const httplib::Request& req, const char* name) {
    if (!req.has_param(name))
        return std::nullopt;
    return req.get_param_value(name);
}

std::optional<Date> date_param(const httplib::Request& req, const char* name, FieldErrors& errors) {
    const auto text = text_param(req, name);
    if (!text)
        return std::nullopt;
    const auto date = parse_iso_date(*text);
    if (!date)
        errors.push_back({name, "invalid_date", std::string(name) + " must be a date, YYYY-MM-DD."});
    return date;
}

PaymentFilter payment_filter(const httplib::Request& req) {
    FieldErrors errors;
    PaymentFilter f;
    f.invoice_id = text_param(req, "invoice_id");
    f.client_id = text_param(req, "client_id");
    if (const auto method = text_param(req, "method")) {
        f.method = parse_payment_method(*method);
        if (!f.method)
            errors.push_back({"method", "invalid_method",
                              "method must be one of cash, card, bank_transfer, cheque, direct_debit, mobile_money."});
    }
    f.received_from = date_param(req, "from", errors);
    f.received_to = date_param(req, "to", errors);
    if (f.received_from && f.received_to && *f.received_from > *f.received_to)
        errors.push_back({"to", "before_from", "to must be on or after from."});
    if (!errors.empty())
        throw http::ApiError(400, "validation_failed", "Invalid filters; see errors.", std::move(errors));
    return f;
}

} // namespace

void register_collection_payments(httplib::Server& http, AppContext& app) {
    http.Post(
        "/api/v1/collections/payments", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
            const auto staff = http::require_staff(req, app, Role::Ops);
            const nlohmann::json body = http::json_object_body(req);
            FieldErrors errors;
            const auto command = wire::payment_command_from_json(body, app.clock.today_utc(), errors);
            if (!errors.empty())
                throw services::Failure(services::FailureKind::Invalid, "validation_failed",
                                        "The payment has invalid fields; see errors.", std::move(errors));
            const auto outcome =
                app.idempotency.run("collections.payments", req, body, [&](store::Connection& c) -> http::JsonResponse {
                    return {201, wire::to_json(
                                     services::post_payment(c, app.clock, app.config.dunning, command, staff.actor))};
                });
            outcome.write_to(res);
        }));

    http.Post("/api/v1/collections/invoices/:invoice_id/approve-paid",
              http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                  const auto staff = http::require_staff(req, app, Role::Ops);
                  // Every field is optional, so no body at all is fine too.
                  const nlohmann::json body = req.body.empty() ? nlohmann::json::object() : http::json_object_body(req);
                  FieldErrors errors;
                  const auto command = wire::approval_command_from_json(body, app.clock.today_utc(), errors);
                  if (!errors.empty())
                      throw services::Failure(services::FailureKind::Invalid, "validation_failed",
                                              "The approval has invalid fields; see errors.", std::move(errors));
                  const std::string invoice_id = http::path_param(req, "invoice_id");
                  const auto outcome = app.idempotency.run(
                      "collections.approve_paid", req, body, [&](store::Connection& c) -> http::JsonResponse {
                          const auto posted = services::approve_paid(c, app.clock, app.config.dunning, invoice_id,
                                                                     command, staff.actor);
                          return {posted.payment ? 201 : 200, wire::to_json(posted)};
                      });
                  outcome.write_to(res);
              }));

    http.Get(
        "/api/v1/collections/payments", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
            http::require_staff(req, app, Role::Viewer);
            const auto page = http::page_request(req);
            const auto filter = payment_filter(req);
            const auto payments = services::list_payments(app, filter, page.per_page, page.offset());
            nlohmann::json data = nlohmann::json::array();
            for (const auto& p : payments.items)
                data.push_back(wire::to_json(p));
            http::write_json(res, 200, wire::page_json(std::move(data), {page.page, page.per_page, payments.total}));
        }));
}

} // namespace isp::routes
