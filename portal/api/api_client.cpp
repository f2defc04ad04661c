#include "portal/api/api_client.h"

#include <stdexcept>

#include <nlohmann/json.hpp>

#include "portal/platform/http.h"
#include "shared/wire/json_reader.h"
#include "shared/wire/signup_json.h"

namespace isp::portal {
namespace {

using nlohmann::json;

// Ids reach URLs from the address bar (?draft=...): encode them so they stay one path segment.
std::string path_segment(const std::string& text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
            c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 0x0F];
        }
    }
    return out;
}

// Query-string value: the same unreserved set as a path segment, everything else escaped.
std::string query_value(const std::string& text) {
    return path_segment(text);
}

// Sends one request; a 2xx body goes through `parse`, anything else becomes an ApiError.
template <class T, class Parse>
void call(platform::HttpRequest request, Language language, Parse parse, ApiCallback<T> done) {
    request.headers.push_back({"Accept", "application/json"});
    request.headers.push_back({"Accept-Language", std::string{wire::to_string(language)}});
    if (!request.body.empty())
        request.headers.push_back({"Content-Type", "application/json"});
    platform::send(std::move(request), [parse, done = std::move(done)](platform::HttpResponse response) {
        ApiResult<T> result;
        if (response.status >= 200 && response.status < 300) {
            try {
                result.value = parse(json::parse(response.body));
            } catch (const std::exception&) { // nlohmann::json::exception or a bad value
                // The server answered but not what this portal understands (version skew, proxy page).
                result.error.status = response.status;
                result.error.code = "invalid_response";
            }
        } else {
            result.error = api_error_from_response(response.status, response.body);
            result.error.retry_after_seconds = response.retry_after_seconds;
        }
        done(std::move(result));
    });
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
                           ApiCallback<NewContract> done) {
    json body = wire::to_json(form);
    if (!draft_id.empty())
        body["draft_id"] = draft_id;
    platform::HttpRequest request{"POST", base_ + "/landing/submit/new", {}, body.dump()};
    request.headers.push_back({"Idempotency-Key", idempotency_key});
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
    call<Subscriptions>(
        {"GET",
         base_ + "/landing/clients/" + path_segment(cin) + "/subscriptions?lookup_token=" + query_value(lookup_token),
         {},
         {}},
        language_, wire::subscriptions_from_json, std::move(done));
}

void ApiClient::submit_plan_change(const std::string& lookup_token, const std::string& contract_id,
                                   const std::string& target_offer_id, const std::string& effective_date,
                                   const std::string& idempotency_key, ApiCallback<PlanChangeResult> done) {
    const json body =
        wire::to_json(wire::PlanChangeRequest{lookup_token, contract_id, target_offer_id, effective_date, language_});
    platform::HttpRequest request{"POST", base_ + "/landing/submit/plan-change", {}, body.dump()};
    request.headers.push_back({"Idempotency-Key", idempotency_key});
    call<PlanChangeResult>(std::move(request), language_, wire::plan_change_result_from_json, std::move(done));
}

void ApiClient::document_link(const std::string& contract_id, const std::string& lookup_token,
                              ApiCallback<DocumentLink> done) {
    const json body = {{"lookup_token", lookup_token}};
    call<DocumentLink>(
        {"POST", base_ + "/landing/contracts/" + path_segment(contract_id) + "/document-link", {}, body.dump()},
        language_, wire::document_link_from_json, std::move(done));
}

void ApiClient::invoices(const std::string& cin, const std::string& lookup_token, ApiCallback<ClientInvoices> done) {
    call<ClientInvoices>({"GET",
                          base_ + "/landing/clients/" + path_segment(cin) +
                              "/invoices?per_page=36&lookup_token=" + query_value(lookup_token),
                          {},
                          {}},
                         language_, wire::client_invoices_from_json, std::move(done));
}

} // namespace isp::portal
