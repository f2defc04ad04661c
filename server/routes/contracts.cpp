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
#include "shared/domain/service_identifier.h"
#include "shared/domain/text.h"
#include "shared/wire/contract_json.h"
#include "shared/wire/json_reader.h"
#include "shared/wire/offer_json.h"
#include "shared/wire/page_json.h"

namespace isp::routes {
namespace {

using services::Role;

// A contract as lists show it: its wire form plus its offer's service family.
nlohmann::json contract_summary(const Contract& k, const std::optional<Offer>& offer) {
    nlohmann::json j = wire::to_json(k);
    j["service"] = offer ? nlohmann::json(std::string{to_string(offer->family)}) : nlohmann::json(nullptr);
    return j;
}

// A contract with its offer and its offer and status histories (GET /contracts/{id}
// and the answer of every write).
nlohmann::json contract_detail(const services::ContractDetail& d) {
    nlohmann::json j = contract_summary(d.contract, d.offer);
    j["offer"] = d.offer ? wire::to_json(*d.offer) : nlohmann::json(nullptr);
    nlohmann::json offers = nlohmann::json::array();
    for (const auto& p : d.offer_periods)
        offers.push_back({{"offer_id", p.offer_id}, {"effective_from", p.effective_from.to_iso()}});
    nlohmann::json statuses = nlohmann::json::array();
    for (const auto& p : d.status_periods)
        statuses.push_back(
            {{"status", std::string{to_string(p.status)}}, {"effective_from", p.effective_from.to_iso()}});
    j["offer_periods"] = std::move(offers);
    j["status_periods"] = std::move(statuses);
    return j;
}

// Audit before/after are stored as JSON text; shown as JSON.
nlohmann::json stored_json(const std::optional<std::string>& text) {
    if (!text)
        return nullptr;
    auto parsed = nlohmann::json::parse(*text, nullptr, false);
    return parsed.is_discarded() ? nlohmann::json(*text) : parsed;
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
    nlohmann::json body = contract_detail(services::contract_detail(app, k));
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
                  const auto order = services::provision_order_from_body(http::json_object_body(req));
                  write_created(res, app, services::place_contract_order(app, order, who.actor));
              }));
    http.Post("/api/v1/contracts", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                  const auto who = http::require_staff(req, app, Role::Ops);
                  const auto order = services::manual_order_from_body(http::json_object_body(req));
                  write_created(res, app, services::place_contract_order(app, order, who.actor));
              }));
    http.Get(
        "/api/v1/contracts", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
            http::require_staff(req, app, Role::Ops);
            const auto page = http::page_request(req);
            const auto filter = contract_filter(req);
            const auto contracts = services::list_contracts(app, filter, page.per_page, page.offset());
            nlohmann::json data = nlohmann::json::array();
            for (const auto& listed : contracts.items)
                data.push_back(contract_summary(listed.contract, listed.offer));
            http::write_json(res, 200, wire::page_json(std::move(data), {page.page, page.per_page, contracts.total}));
        }));
    http.Get("/api/v1/contracts/:contract_id",
             http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                 http::require_staff(req, app, Role::Ops);
                 http::write_json(res, 200,
                                  contract_detail(services::get_contract(app, http::path_param(req, "contract_id"))));
             }));
    http.Put("/api/v1/contracts/:contract_id/status",
             http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                 const auto who = http::require_staff(req, app, Role::Ops);
                 const auto change = services::status_change_from_body(http::json_object_body(req));
                 const Contract k =
                     services::change_contract_status(app, http::path_param(req, "contract_id"), change, who.actor);
                 http::write_json(res, 200, contract_detail(services::contract_detail(app, k)));
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
                 nlohmann::json out = contract_detail(done.detail);
                 out["plan_change"] = {{"direction", std::string{to_string(done.change.direction)}},
                                       {"previous_offer_id", done.change.previous_offer.offer_id},
                                       {"effective_date", done.change.contract.contract_start_date.to_iso()},
                                       {"monthly_difference", wire::to_json(done.change.monthly_difference)}};
                 http::write_json(res, 200, out);
             }));
    http.Get("/api/v1/contracts/:contract_id/audit",
             http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                 http::require_staff(req, app, Role::Ops);
                 const auto page = http::page_request(req);
                 const std::string id = http::path_param(req, "contract_id");
                 const auto audit = services::contract_audit(app, id, page.per_page, page.offset());
                 nlohmann::json data = nlohmann::json::array();
                 for (const auto& a : audit.items)
                     data.push_back({{"audit_id", a.audit_id},
                                     {"contract_id", a.entry.contract_id},
                                     {"at", a.entry.at},
                                     {"actor", a.entry.actor},
                                     {"action", a.entry.action},
                                     {"before", stored_json(a.entry.before)},
                                     {"after", stored_json(a.entry.after)}});
                 http::write_json(res, 200, wire::page_json(std::move(data), {page.page, page.per_page, audit.total}));
             }));
}

} // namespace isp::routes
