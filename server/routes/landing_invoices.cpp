// A verified client's invoices on the landing page (process map P13):
//   GET /api/v1/landing/clients/{cin}/invoices?lookup_token=...[&status=][&page=&per_page=]
//       newest first, each with its lines, status as of today (overdue derived) and a
//       signed link to its PDF
//   GET /api/v1/landing/invoices/{invoice_id}/document?token=...   the invoice PDF; the
//       token opens that one invoice
#include <httplib.h>

#include "server/routes/app_context.h"
#include "server/clock/clock.h"
#include "server/http/pagination.h"
#include "server/http/problem.h"
#include "server/http/route.h"
#include "server/routes/routes.h"
#include "server/services/client_identity.h"
#include "server/services/invoice_documents.h"
#include "server/store/database.h"
#include "server/store/invoice_store.h"
#include "shared/wire/invoice_json.h"

namespace isp::routes {

void register_landing_invoices(httplib::Server& http, AppContext& app) {
    http.Get(
        "/api/v1/landing/clients/:cin/invoices",
        http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
            const http::PageRequest page = http::page_request(req);
            store::InvoiceFilter filter;
            filter.today = app.clock.today_utc();
            if (req.has_param("status")) {
                filter.status = parse_invoice_status(req.get_param_value("status"));
                if (!filter.status)
                    throw http::ApiError(
                        400, "validation_failed", "Unknown invoice status.",
                        {{"status", "invalid_status", "status must be open, partially_paid, paid or overdue."}});
            }
            const nlohmann::json body = app.db.read([&](store::Connection& c) {
                const Client client =
                    app.identity.client_for_cin(c, req.get_param_value("lookup_token"), http::path_param(req, "cin"));
                filter.client_id = client.client_id;
                const std::int64_t total = store::count_invoices(c, filter);
                nlohmann::json data = nlohmann::json::array();
                // With their lines: a client's month has a handful, and the portal shows them.
                std::vector<Invoice> invoices = store::list_invoices_page(c, filter, page.per_page, page.offset());
                store::attach_lines(c, invoices);
                for (const Invoice& invoice : invoices) {
                    nlohmann::json j = wire::to_json(invoice, filter.today);
                    j.erase("billing_run_id");
                    const auto link = app.invoice_documents.link(invoice.invoice_id);
                    j["document_download_url"] = link.url;
                    j["document_url_expires_at"] = link.expires_at;
                    data.push_back(std::move(j));
                }
                return nlohmann::json{{"data", std::move(data)}, {"pagination", http::pagination_json(page, total)}};
            });
            http::write_json(res, 200, body);
        }));

    http.Get("/api/v1/landing/invoices/:invoice_id/document",
             http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                 const std::string token = req.get_param_value("token");
                 if (token.empty())
                     throw http::ApiError(401, "document_token_missing",
                                          "This link needs its token; open the link from the portal as it was given.");
                 const std::string invoice_id = http::path_param(req, "invoice_id");
                 std::string pdf = app.db.read([&](store::Connection& c) {
                     return app.invoice_documents.render_for_token(c, invoice_id, token);
                 });
                 res.status = 200;
                 res.set_header("Content-Disposition", "inline; filename=\"invoice-" + invoice_id + ".pdf\"");
                 res.set_header("Cache-Control", "private, no-store");
                 res.set_content(std::move(pdf), "application/pdf");
             }));
}

} // namespace isp::routes
