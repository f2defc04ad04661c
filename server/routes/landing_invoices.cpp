// A verified client's invoices on the landing page (process map P13):
//   GET /api/v1/landing/clients/{cin}/invoices[?status=][&page=&per_page=], the lookup token
//       as Authorization: Bearer or ?lookup_token= (http/lookup_token.h)
//       newest first, each with its lines, status as of today (overdue derived) and a
//       signed link to its PDF
//   GET /api/v1/landing/invoices/{invoice_id}/document?token=...   the invoice PDF; the
//       token opens that one invoice
#include <httplib.h>

#include "server/clock/clock.h"
#include "server/http/lookup_token.h"
#include "server/http/pagination.h"
#include "server/http/problem.h"
#include "server/http/route.h"
#include "server/routes/app_context.h"
#include "server/routes/routes.h"
#include "server/services/client_identity.h"
#include "server/services/existing_clients.h"
#include "shared/wire/client_invoice_json.h"
#include "shared/wire/problem_codes.h"

namespace isp::routes {

void register_landing_invoices(httplib::Server& http, AppContext& app) {
    http.Get("/api/v1/landing/clients/:cin/invoices",
             http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                 const http::PageRequest page = http::page_request(req);
                 std::optional<InvoiceStatus> status;
                 if (req.has_param("status")) {
                     status = parse_invoice_status(req.get_param_value("status"));
                     if (!status)
                         throw http::ApiError(
                             400, "validation_failed", "Unknown invoice status.",
                             {{"status", "invalid_status", "status must be open, partially_paid, paid or overdue."}});
                 }
                 const wire::ClientInvoices invoices =
                     services::client_invoices(app, app.identity, http::lookup_token(req), http::path_param(req, "cin"),
                                               status, page.page, page.per_page);
                 http::write_json(res, 200, wire::to_json(invoices, app.clock.today_utc()));
             }));

    http.Get("/api/v1/landing/invoices/:invoice_id/document",
             http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                 const std::string token = req.get_param_value("token");
                 if (token.empty())
                     throw http::ApiError(401, wire::problem::document_token_missing,
                                          "This link needs its token; open the link from the portal as it was given.");
                 const std::string invoice_id = http::path_param(req, "invoice_id");
                 std::string pdf = services::invoice_pdf_for_token(app, invoice_id, token);
                 res.status = 200;
                 res.set_header("Content-Disposition", "inline; filename=\"invoice-" + invoice_id + ".pdf\"");
                 res.set_header("Cache-Control", "private, no-store");
                 res.set_content(std::move(pdf), "application/pdf");
             }));
}

} // namespace isp::routes
