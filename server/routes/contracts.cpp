// Staff contract management (process map P4-P6), ops and admin:
//   POST /api/v1/contracts/provision       normal path: client, offer, subscriber (active)
//   POST /api/v1/contracts                 manual path with explicit ids
//   GET  /api/v1/contracts                 filters client_id, offer_id, status, service, service_identifier
//   GET  /api/v1/contracts/{id}            with its offer and status history
//   PUT  /api/v1/contracts/{id}/status     active <-> suspended, -> terminated
//   PUT  /api/v1/contracts/{id}/offer      staff plan change (same rules as the landing one)
//   GET  /api/v1/contracts/{id}/audit      every change, whoever made it (landing included)
// The audit actor is the staff identity's (X-Actor-Id when sent, else the token's name).
#include <httplib.h>

#include "server/http/json_body.h"
#include "server/http/pagination.h"
#include "server/http/problem.h"
#include "server/http/route.h"
#include "server/http/staff_auth.h"
#include "server/routes/app_context.h"
#include "server/routes/routes.h"
#include "server/services/contract_documents.h"
#include "server/services/contract_provisioning.h"
#include "server/services/contract_records.h"
#include "server/services/contract_status_service.h"
#include "server/services/failure.h"
#include "shared/domain/service_identifier.h"
#include "shared/domain/text.h"
#include "shared/wire/contract_detail_json.h"
#include "shared/wire/contract_request_json.h"
#include "shared/wire/json_reader.h"
#include "shared/wire/page_json.h"

namespace isp::routes {
namespace {

using services::Role;

// What a staff body's reader found wrong, as (Invalid) `validation_failed` with `detail`.
void refuse_invalid(FieldErrors errors, const char* detail) {
    if (!errors.empty())
        throw services::Failure(services::FailureKind::Invalid, "validation_failed", detail, std::move(errors));
}

ContractOrder order_of(const httplib::Request& req, bool manual) {
    FieldErrors errors;
    const nlohmann::json body = http::json_object_body(req);
    ContractOrder order =
        manual ? wire::manual_order_from_json(body, errors) : wire::provision_order_from_json(body, errors);
    refuse_invalid(std::move(errors), "The contract has invalid fields; see errors.");
    return order;
}

ContractFilter contract_filter(const httplib::Request& req) {
    ContractFilter f;
    FieldErrors errors;
    f.client_id = req.get_param_value("client_id");
    f.offer_id = req.get_param_value("offer_id");
    f.status = req.get_param_value("status");
    if (!f.status.empty() && !parse_contract_status(f.status))
        errors.push_back({"status", "invalid_status", "status must be one of active, suspended, terminated."});
    f.service = req.get_param_value("service");
    if (!f.service.empty() && !parse_service_family(f.service))
        errors.push_back({"service", "invalid_family", "service must be one of mobile, internet, landline."});
    // Typed as people type it ("06 12 34 56 78"); stored normalised.
    const std::string identifier{trim(req.get_param_value("service_identifier"))};
    f.service_identifier = normalize_any_service_identifier(identifier).value_or(identifier);
    if (!errors.empty())
        throw http::ApiError(400, "validation_failed", "Invalid contract filters; see errors.", std::move(errors));
    return f;
}

void write_created(httplib::Response& res, AppContext& app, const Contract& k) {
    nlohmann::json body = wire::to_json(services::contract_detail(app, k));
    const auto link = app.documents.link(k.contract_id, k.document_version);
    body["document_download_url"] = link.url;
    body["document_url_expires_at"] = link.expires_at;
    res.set_header("Location", "/api/v1/contracts/" + k.contract_id);
    http::write_json(res, 201, body);
}

} // namespace

void register_contracts(httplib::Server& http, AppContext& app) {
    http.Post("/api/v1/contracts/provision", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                  const auto who = http::require_staff(req, app, Role::Ops);
                  const auto order = order_of(req, false);
                  write_created(res, app, services::place_contract_order(app, order, who.actor));
              }));
    http.Post("/api/v1/contracts", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                  const auto who = http::require_staff(req, app, Role::Ops);
                  const auto order = order_of(req, true);
                  write_created(res, app, services::place_contract_order(app, order, who.actor));
              }));
    http.Get(
        "/api/v1/contracts", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
            http::require_staff(req, app, Role::Viewer);
            const auto page = http::page_request(req);
            const auto filter = contract_filter(req);
            const auto contracts = services::list_contracts(app, filter, page.per_page, page.offset());
            nlohmann::json data = nlohmann::json::array();
            for (const auto& listed : contracts.items)
                data.push_back(wire::contract_summary_json(listed.contract, listed.offer));
            http::write_json(res, 200, wire::page_json(std::move(data), {page.page, page.per_page, contracts.total}));
        }));
    http.Get("/api/v1/contracts/:contract_id",
             http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                 http::require_staff(req, app, Role::Viewer);
                 http::write_json(res, 200,
                                  wire::to_json(services::get_contract(app, http::path_param(req, "contract_id"))));
             }));
    http.Put("/api/v1/contracts/:contract_id/status",
             http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                 const auto who = http::require_staff(req, app, Role::Ops);
                 FieldErrors errors;
                 const auto change = wire::status_change_from_json(http::json_object_body(req), errors);
                 refuse_invalid(std::move(errors), "The status change has invalid fields; see errors.");
                 const Contract k =
                     services::change_contract_status(app, http::path_param(req, "contract_id"), change, who.actor);
                 http::write_json(res, 200, wire::to_json(services::contract_detail(app, k)));
             }));
    http.Put("/api/v1/contracts/:contract_id/offer",
             http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                 const auto who = http::require_staff(req, app, Role::Ops);
                 const nlohmann::json body = http::json_object_body(req);
                 FieldErrors errors;
                 wire::JsonReader r(body, errors, Language::English);
                 std::string offer_id, effective_date;
                 r.string("offer_id", offer_id, true);
                 r.string("effective_date", effective_date);
                 if (!errors.empty())
                     throw http::ApiError(400, "validation_failed", "The offer change has invalid fields; see errors.",
                                          std::move(errors));
                 const std::string id = http::path_param(req, "contract_id");
                 const auto done = services::change_plan_for_staff(app, id, offer_id, effective_date, who.actor);
                 http::write_json(res, 200, wire::staff_plan_change_json(done.detail, done.change));
             }));
    http.Get("/api/v1/contracts/:contract_id/audit",
             http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                 http::require_staff(req, app, Role::Viewer);
                 const auto page = http::page_request(req);
                 const std::string id = http::path_param(req, "contract_id");
                 const auto audit = services::contract_audit(app, id, page.per_page, page.offset());
                 nlohmann::json data = nlohmann::json::array();
                 for (const auto& a : audit.items)
                     data.push_back(wire::to_json(a));
                 http::write_json(res, 200, wire::page_json(std::move(data), {page.page, page.per_page, audit.total}));
             }));
}

} // namespace isp::routes
