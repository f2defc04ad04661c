// Staff contract management (process map P4-P6), ops and admin:
//   POST /api/v1/contracts/provision       normal path: client, offer, subscriber (active)
//   POST /api/v1/contracts                 manual path with explicit ids
//   GET  /api/v1/contracts                 filters client_id, offer_id, status, service, service_identifier;
//                                          sort (shared/wire/list_sort_param.h)
//   GET  /api/v1/contracts/{id}            with its offer and status history
//   PUT  /api/v1/contracts/{id}/status     active <-> suspended, -> terminated; a later date schedules it (202)
//   DELETE /api/v1/contracts/{id}/scheduled-changes/{change_id}   cancels a scheduled change
//   PUT  /api/v1/contracts/{id}/offer      staff plan change (same rules as the landing one)
//   GET  /api/v1/contracts/{id}/audit      every change, whoever made it (landing included)
// The audit actor is the staff identity's (X-Actor-Id when sent, else the token's name).
// Both POSTs honour an optional Idempotency-Key; the PUTs need none: the same change again
// is refused (409 invalid_status_transition, same_offer) and writes nothing.
#include <httplib.h>

#include "server/http/idempotency.h"
#include "server/http/json_body.h"
#include "server/http/list_sort_param.h"
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
#include "server/services/scheduled_changes.h"
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

ContractOrder order_of(const nlohmann::json& body, bool manual) {
    FieldErrors errors;
    ContractOrder order =
        manual ? wire::manual_order_from_json(body, errors) : wire::provision_order_from_json(body, errors);
    refuse_invalid(std::move(errors), "The contract has invalid fields; see errors.");
    return order;
}

// The list's filters and its `sort` (into `sort`), every wrong one a field error of one problem.
ContractFilter contract_filter(const httplib::Request& req, ContractSort& sort) {
    ContractFilter f;
    FieldErrors errors;
    sort = http::list_sort_param(req, default_contract_sort, errors);
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

// Opens the contract of a provisioning (`manual` false) or manual body, once per
// Idempotency-Key when one is sent. The answer is the contract's detail with a link to its
// document, signed afresh for every answer, a replay's too (never stored: it expires).
void open_contract(const httplib::Request& req, httplib::Response& res, AppContext& app, bool manual) {
    const auto who = http::require_staff(req, app, Role::Ops);
    const nlohmann::json body = http::json_object_body(req);
    const auto order = order_of(body, manual);
    auto outcome = app.idempotency.run(
        manual ? "staff.contracts.create" : "staff.contracts.provision", req, body,
        [&](store::Connection& c) -> http::JsonResponse {
            const Contract k = services::place_contract_order(c, app, order, who.actor);
            return {201, wire::to_json(services::contract_detail(c, k))};
        },
        http::KeyRule::Optional);
    if (outcome.status == 201) {
        nlohmann::json answer = nlohmann::json::parse(outcome.body);
        const auto link =
            app.documents.link(answer.at("contract_id").get<std::string>(), answer.at("document_version").get<int>());
        answer["document_download_url"] = link.url;
        answer["document_url_expires_at"] = link.expires_at;
        outcome.body = answer.dump();
    }
    outcome.write_created_to(res, "/api/v1/contracts/", "/contract_id");
}

} // namespace

void register_contracts(httplib::Server& http, AppContext& app) {
    http.Post("/api/v1/contracts/provision", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                  open_contract(req, res, app, false);
              }));
    http.Post("/api/v1/contracts", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                  open_contract(req, res, app, true);
              }));
    http.Get(
        "/api/v1/contracts", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
            http::require_staff(req, app, Role::Viewer);
            const auto page = http::page_request(req);
            ContractSort sort;
            const auto filter = contract_filter(req, sort);
            const auto contracts = services::list_contracts(app, filter, sort, page.per_page, page.offset());
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
                 const auto outcome =
                     services::change_contract_status(app, http::path_param(req, "contract_id"), change, who.actor);
                 // 202: accepted for a later date; the contract's status is still the old one.
                 http::write_json(res, outcome.scheduled ? 202 : 200,
                                  wire::to_json(services::contract_detail(app, outcome.contract)));
             }));
    http.Delete("/api/v1/contracts/:contract_id/scheduled-changes/:change_id",
                http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                    const auto who = http::require_staff(req, app, Role::Ops);
                    http::write_json(
                        res, 200,
                        wire::to_json(services::cancel_scheduled_change(
                            app, http::path_param(req, "contract_id"), http::path_param(req, "change_id"), who.actor)));
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
                 http::write_json(res, done.change.scheduled ? 202 : 200,
                                  wire::staff_plan_change_json(done.detail, done.change));
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
