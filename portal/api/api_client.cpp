#include "portal/api/api_client.h"

#include <stdexcept>

#include <nlohmann/json.hpp>

#include "portal/platform/http.h"
#include "shared/wire/json_reader.h"
#include "shared/wire/offer_json.h"
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

std::string string_or_empty(const json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

Bootstrap bootstrap_from_json(const json& j) {
    Bootstrap b;
    const json& op = j.at("operator");
    b.operator_name = op.at("name").get<std::string>();
    b.currency = string_or_empty(op, "currency");
    const auto today = parse_iso_date(j.at("today").get<std::string>());
    if (!today)
        throw std::invalid_argument("bootstrap: today is not a date");
    b.today = *today;
    for (const json& f : j.at("families")) {
        OfferFamily family;
        const auto parsed = parse_service_family(f.at("family").get<std::string>());
        if (!parsed)
            continue; // a family this portal does not know yet: skip it rather than fail
        family.family = *parsed;
        family.label_fr = string_or_empty(f, "label_fr");
        family.label_en = string_or_empty(f, "label_en");
        for (const json& o : f.at("offers"))
            family.offers.push_back(wire::offer_from_json(o));
        b.families.push_back(std::move(family));
    }
    if (const auto it = j.find("commitment_options"); it != j.end())
        for (const json& c : *it)
            b.commitment_options.push_back(c.get<int>());
    if (b.commitment_options.empty())
        b.commitment_options.assign(std::begin(commitment_options), std::end(commitment_options));
    b.max_start_days_ahead = j.value("max_start_days_ahead", b.max_start_days_ahead);
    b.draft_ttl_days = j.value("draft_ttl_days", b.draft_ttl_days);
    return b;
}

Draft draft_from_json(const json& j) {
    Draft d;
    d.draft_id = j.at("draft_id").get<std::string>();
    FieldErrors ignored; // a draft the server kept is taken as it is
    if (const auto it = j.find("form"); it != j.end() && it->is_object())
        d.form = wire::signup_form_from_json(*it, ignored);
    d.step = string_or_empty(j, "step");
    d.expires_at = string_or_empty(j, "expires_at");
    return d;
}

NewContract new_contract_from_json(const json& j) {
    NewContract c;
    c.contract_id = j.at("contract_id").get<std::string>();
    c.contract_number = j.at("contract_number").get<std::string>();
    c.client_id = string_or_empty(j, "client_id");
    c.status = string_or_empty(j, "status");
    c.contract_start_date = string_or_empty(j, "contract_start_date");
    if (const auto it = j.find("offer"); it != j.end() && it->is_object())
        c.offer = wire::offer_from_json(*it);
    c.document_download_url = string_or_empty(j, "document_download_url");
    c.document_url_expires_at = string_or_empty(j, "document_url_expires_at");
    return c;
}

json draft_body(const SignupForm& form, const std::string& step) {
    return {{"form", wire::to_json(form)}, {"step", step}};
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
        }
        done(std::move(result));
    });
}

} // namespace

void ApiClient::bootstrap(ApiCallback<Bootstrap> done) {
    call<Bootstrap>({"GET", base_ + "/landing/bootstrap", {}, {}}, language_, bootstrap_from_json, std::move(done));
}

void ApiClient::create_draft(const SignupForm& form, const std::string& step, ApiCallback<Draft> done) {
    call<Draft>({"POST", base_ + "/landing/drafts", {}, draft_body(form, step).dump()}, language_, draft_from_json,
                std::move(done));
}

void ApiClient::update_draft(const std::string& draft_id, const SignupForm& form, const std::string& step,
                             ApiCallback<Draft> done) {
    call<Draft>({"PUT", base_ + "/landing/drafts/" + path_segment(draft_id), {}, draft_body(form, step).dump()},
                language_, draft_from_json, std::move(done));
}

void ApiClient::get_draft(const std::string& draft_id, ApiCallback<Draft> done) {
    call<Draft>({"GET", base_ + "/landing/drafts/" + path_segment(draft_id), {}, {}}, language_, draft_from_json,
                std::move(done));
}

void ApiClient::submit_new(const SignupForm& form, const std::string& draft_id, const std::string& idempotency_key,
                           ApiCallback<NewContract> done) {
    json body = wire::to_json(form);
    if (!draft_id.empty())
        body["draft_id"] = draft_id;
    platform::HttpRequest request{"POST", base_ + "/landing/submit/new", {}, body.dump()};
    request.headers.push_back({"Idempotency-Key", idempotency_key});
    call<NewContract>(std::move(request), language_, new_contract_from_json, std::move(done));
}

} // namespace isp::portal
