// Every version of a contract document, for staff (issue #3: a signed contract is a
// record; earlier versions stay retrievable after a plan change), ops and admin:
//   GET /api/v1/contracts/{contract_id}/documents             the versions, oldest first
//   GET /api/v1/contracts/{contract_id}/documents/{version}   that version's PDF, rendered
//       from its snapshot (byte-identical to what the client downloaded then)
#include <charconv>

#include <httplib.h>

#include "server/http/problem.h"
#include "server/http/route.h"
#include "server/http/staff_auth.h"
#include "server/routes/app_context.h"
#include "server/routes/routes.h"
#include "server/services/contract_document_versions.h"
#include "shared/wire/contract_document_json.h"

namespace isp::routes {
void register_contract_documents(httplib::Server& http, AppContext& app) {
    http.Get("/api/v1/contracts/:contract_id/documents",
             http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                 http::require_staff(req, app, services::Role::Viewer);
                 const std::string id = http::path_param(req, "contract_id");
                 http::write_json(res, 200, wire::contract_documents_json(id, services::document_versions(app, id)));
             }));

    http.Get("/api/v1/contracts/:contract_id/documents/:version",
             http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                 http::require_staff(req, app, services::Role::Viewer);
                 const std::string id = http::path_param(req, "contract_id");
                 const std::string text = http::path_param(req, "version");
                 int version = 0;
                 if (std::from_chars(text.data(), text.data() + text.size(), version).ptr !=
                         text.data() + text.size() ||
                     version < 1)
                     throw http::ApiError(400, "validation_failed", "The version is a whole number from 1.",
                                          {{"version", "invalid_version", "version must be a whole number from 1."}});
                 std::string pdf = services::document_version_pdf(app, id, version);
                 res.status = 200;
                 res.set_header("Content-Disposition",
                                "inline; filename=\"contract-" + id + "-v" + std::to_string(version) + ".pdf\"");
                 res.set_header("Cache-Control", "private, no-store");
                 res.set_content(std::move(pdf), "application/pdf");
             }));
}

} // namespace isp::routes
