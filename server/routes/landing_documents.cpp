// GET /api/v1/landing/contracts/{contract_id}/document?token=... (process map P8/P10):
// the contract PDF. The signed token opens exactly one version of one contract.
#include <httplib.h>

#include "server/http/problem.h"
#include "server/http/route.h"
#include "server/routes/app_context.h"
#include "server/routes/routes.h"
#include "server/services/existing_clients.h"
#include "shared/wire/problem_codes.h"

namespace isp::routes {

void register_landing_documents(httplib::Server& http, AppContext& app) {
    http.Get("/api/v1/landing/contracts/:contract_id/document",
             http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                 const std::string token = req.get_param_value("token");
                 if (token.empty())
                     throw http::ApiError(401, wire::problem::document_token_missing,
                                          "This link needs its token; open the link from the portal as it was given.");
                 const std::string contract_id = http::path_param(req, "contract_id");
                 std::string pdf = services::contract_pdf_for_token(app, contract_id, token);
                 res.status = 200;
                 res.set_header("Content-Disposition", "inline; filename=\"contract-" + contract_id + ".pdf\"");
                 res.set_header("Cache-Control", "private, no-store");
                 res.set_content(std::move(pdf), "application/pdf");
             }));
}

} // namespace isp::routes
