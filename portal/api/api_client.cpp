#include "portal/api/api_client.h"

#include <stdexcept>

#include <nlohmann/json.hpp>

#include "shared/wire/json_reader.h"
#include "shared/wire/signup_json.h"
#include "webapp/api/api_call.h"

namespace isp::portal {
using nlohmann::json;
using webapp::call;
using webapp::path_segment;

namespace {
// The lookup token in a header, not in the address: it stays out of the browser's history
// and of proxies' logs.
webapp::platform::HttpHeader bearer(const std::string& lookup_token) {
    return {"Authorization", "Bearer " + lookup_token};
}
} // namespace

void ApiClient::bootstrap(ApiCallback<Bootstrap> done) {
    call<Bootstrap>({"GET", base_ + "/landing/bootstrap", {}, {}}, language_, wire::bootstrap_from_json,
                    std::move(done));
}

void ApiClient::create_draft(const SignupForm& form, const std::string& step, ApiCallback<Draft> done) {
    call<Draft>({"POST", base_ + "/landing/drafts", {}, wire::draft_request_json(form, step).dump()}, language_,
                wire::draft_from_json, std::move(done));
}

void ApiClient::update_draft(const std::string& draft_id, const SignupForm& form, const std::string& step,
                             ApiCallback<Draft> done) {
    call<Draft>(
        {"PUT", base_ + "/landing/drafts/" + path_segment(draft_id), {}, wire::draft_request_json(form, step).dump()},
        language_, wire::draft_from_json, std::move(done));
}

void ApiClient::get_draft(const std::string& draft_id, ApiCallback<Draft> done) {
    call<Draft>({"GET", base_ + "/landing/drafts/" + path_segment(draft_id), {}, {}}, language_, wire::draft_from_json,
                std::move(done));
}

void ApiClient::submit_new(const SignupForm& form, const std::string& draft_id, const std::string& idempotency_key,
                           const std::string& lookup_token, ApiCallback<NewContract> done) {
    json body = wire::to_json(form);
    if (!draft_id.empty())
        body["draft_id"] = draft_id;
    webapp::platform::HttpRequest request{"POST", base_ + "/landing/submit/new", {}, body.dump()};
    request.headers.push_back({"Idempotency-Key", idempotency_key});
    if (!lookup_token.empty())
        request.headers.push_back(bearer(lookup_token));
    call<NewContract>(std::move(request), language_, wire::new_contract_from_json, std::move(done));
}

} // namespace isp::portal

namespace isp::portal {

void ApiClient::verify_cin(const std::string& cin, const std::string& service_identifier,
                           ApiCallback<Verification> done) {
    const json body = wire::to_json(wire::VerifyCinRequest{cin, service_identifier, language_});
    call<Verification>({"POST", base_ + "/landing/clients/verify-cin", {}, body.dump()}, language_,
                       wire::verification_from_json, std::move(done));
}

void ApiClient::subscriptions(const std::string& cin, const std::string& lookup_token,
                              ApiCallback<Subscriptions> done) {
    webapp::platform::HttpRequest request{
        "GET", base_ + "/landing/clients/" + path_segment(cin) + "/subscriptions", {}, {}};
    request.headers.push_back(bearer(lookup_token));
    call<Subscriptions>(std::move(request), language_, wire::subscriptions_from_json, std::move(done));
}

void ApiClient::submit_plan_change(const std::string& lookup_token, const std::string& contract_id,
                                   const std::string& target_offer_id, const std::string& effective_date,
                                   const std::string& idempotency_key, ApiCallback<PlanChangeResult> done) {
    const json body =
        wire::to_json(wire::PlanChangeRequest{lookup_token, contract_id, target_offer_id, effective_date, language_});
    webapp::platform::HttpRequest request{"POST", base_ + "/landing/submit/plan-change", {}, body.dump()};
    request.headers.push_back({"Idempotency-Key", idempotency_key});
    call<PlanChangeResult>(std::move(request), language_, wire::plan_change_result_from_json, std::move(done));
}

void ApiClient::cancel_subscription(const std::string& lookup_token, const std::string& contract_id,
                                    const std::string& termination_date, const std::string& idempotency_key,
                                    ApiCallback<CancellationResult> done) {
    const json body = wire::to_json(wire::CancellationRequest{lookup_token, termination_date, language_});
    webapp::platform::HttpRequest request{
        "POST", base_ + "/landing/contracts/" + path_segment(contract_id) + "/cancellation", {}, body.dump()};
    request.headers.push_back({"Idempotency-Key", idempotency_key});
    call<CancellationResult>(std::move(request), language_, wire::cancellation_result_from_json, std::move(done));
}

void ApiClient::cancel_scheduled_change(const std::string& lookup_token, const std::string& contract_id,
                                        const std::string& change_id, ApiCallback<ContractScheduledChanges> done) {
    webapp::platform::HttpRequest request{"DELETE",
                                          base_ + "/landing/contracts/" + path_segment(contract_id) +
                                              "/scheduled-changes/" + path_segment(change_id),
                                          {},
                                          {}};
    request.headers.push_back(bearer(lookup_token));
    call<ContractScheduledChanges>(std::move(request), language_, wire::contract_scheduled_changes_from_json,
                                   std::move(done));
}

void ApiClient::document_link(const std::string& contract_id, const std::string& lookup_token,
                              ApiCallback<DocumentLink> done) {
    const json body = {{"lookup_token", lookup_token}};
    call<DocumentLink>(
        {"POST", base_ + "/landing/contracts/" + path_segment(contract_id) + "/document-link", {}, body.dump()},
        language_, wire::document_link_from_json, std::move(done));
}

void ApiClient::invoices(const std::string& cin, const std::string& lookup_token, ApiCallback<ClientInvoices> done) {
    webapp::platform::HttpRequest request{
        "GET", base_ + "/landing/clients/" + path_segment(cin) + "/invoices?per_page=36", {}, {}};
    request.headers.push_back(bearer(lookup_token));
    call<ClientInvoices>(std::move(request), language_, wire::client_invoices_from_json, std::move(done));
}

} // namespace isp::portal
