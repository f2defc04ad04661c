// Staff invoice reads (process map P12), ops and admin: GET /api/v1/invoices (filters
// client_id, service, offer_id, status - overdue included -, period; paginated, newest first
// or as `sort` says, without lines), GET /api/v1/invoices/{invoice_id} (with lines; 404 invoice_not_found)
// and GET /api/v1/invoices/{invoice_id}/pdf (the document the client receives).
#include <httplib.h>

#include "server/clock/clock.h"
#include "server/http/list_sort_param.h"
#include "server/http/pagination.h"
#include "server/http/problem.h"
#include "server/http/route.h"
#include "server/http/staff_auth.h"
#include "server/routes/app_context.h"
#include "server/routes/routes.h"
#include "server/services/invoice_records.h"
#include "shared/billing/proration.h"
#include "shared/wire/invoice_json.h"
#include "shared/wire/page_json.h"

namespace isp::routes {
namespace {

// The list's filters and its `sort` (into `sort`), every wrong one a field error of one problem.
InvoiceFilter invoice_filter(const httplib::Request& req, const Date& today, InvoiceSort& sort) {
    InvoiceFilter f;
    f.today = today;
    FieldErrors errors;
    sort = http::list_sort_param(req, default_invoice_sort, errors);
    if (req.has_param("period")) {
        if (const auto period = parse_billing_period(req.get_param_value("period")))
            f.period = period->to_string();
        else
            errors.push_back({"period", "invalid_period", "period must be a month as \"YYYY-MM\" (2026-03)."});
    }
    if (req.has_param("client_id"))
        f.client_id = req.get_param_value("client_id");
    if (req.has_param("offer_id"))
        f.offer_id = req.get_param_value("offer_id");
    if (req.has_param("service")) {
        f.service = parse_service_family(req.get_param_value("service"));
        if (!f.service)
            errors.push_back({"service", "invalid_service", "service must be one of mobile, internet, landline."});
    }
    if (req.has_param("status")) {
        f.status = parse_invoice_status(req.get_param_value("status"));
        if (!f.status)
            errors.push_back(
                {"status", "invalid_status", "status must be one of open, partially_paid, paid, overdue."});
    }
    if (!errors.empty())
        throw http::ApiError(400, "validation_failed", "Invalid invoice filters; see errors.", std::move(errors));
    return f;
}

} // namespace

void register_invoices(httplib::Server& http, AppContext& app) {
    http.Get(
        "/api/v1/invoices", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
            http::require_staff(req, app, services::Role::Viewer);
            const Date today = app.clock.today_utc();
            InvoiceSort sort;
            const auto filter = invoice_filter(req, today, sort);
            const auto page = http::page_request(req);
            const auto invoices = services::list_invoices(app, filter, sort, page.per_page, page.offset());
            nlohmann::json data = nlohmann::json::array();
            for (const Invoice& i : invoices.items)
                data.push_back(wire::to_json(i, today));
            http::write_json(res, 200, wire::page_json(std::move(data), {page.page, page.per_page, invoices.total}));
        }));
    http.Get("/api/v1/invoices/:invoice_id", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                 http::require_staff(req, app, services::Role::Viewer);
                 const Invoice invoice = services::get_invoice(app, http::path_param(req, "invoice_id"));
                 http::write_json(res, 200, wire::to_json(invoice, app.clock.today_utc()));
             }));

    http.Get("/api/v1/invoices/:invoice_id/pdf",
             http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                 http::require_staff(req, app, services::Role::Viewer);
                 const std::string invoice_id = http::path_param(req, "invoice_id");
                 std::string pdf = services::invoice_pdf(app, invoice_id);
                 res.status = 200;
                 res.set_header("Content-Disposition", "inline; filename=\"invoice-" + invoice_id + ".pdf\"");
                 res.set_header("Cache-Control", "private, no-store");
                 res.set_content(std::move(pdf), "application/pdf");
             }));
}

} // namespace isp::routes
