#include "portal/api/api_client.h"

#include <stdexcept>

#include <nlohmann/json.hpp>

#include "portal/platform/http.h"
#include "shared/wire/invoice_json.h"
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
    b.operator_logo_url = string_or_empty(op, "logo_url");
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

// Query-string value: the same unreserved set as a path segment, everything else escaped.
std::string query_value(const std::string& text) {
    return path_segment(text);
}

int int_or(const json& j, const char* key, int fallback) {
    const auto it = j.find(key);
    return it != j.end() && it->is_number_integer() ? it->get<int>() : fallback;
}

Verification verification_from_json(const json& j) {
    Verification v;
    v.lookup_token = j.at("lookup_token").get<std::string>();
    v.expires_at = string_or_empty(j, "expires_at");
    v.client_id = string_or_empty(j, "client_id");
    v.first_name = string_or_empty(j, "first_name");
    return v;
}

Subscription subscription_from_json(const json& j) {
    Subscription s;
    Contract& c = s.contract;
    c.contract_id = j.at("contract_id").get<std::string>();
    c.contract_number = string_or_empty(j, "contract_number");
    const auto status = parse_contract_status(string_or_empty(j, "status"));
    c.status = status.value_or(ContractStatus::Active);
    s.offer = wire::offer_from_json(j.at("offer"));
    c.offer_id = s.offer.offer_id;
    const auto start = parse_iso_date(j.at("contract_start_date").get<std::string>());
    if (!start)
        throw std::invalid_argument("subscription: contract_start_date is not a date");
    c.contract_start_date = *start;
    c.commitment_months = int_or(j, "commitment_months", 0);
    c.document_version = int_or(j, "document_version", 1);
    if (const auto it = j.find("subscriber"); it != j.end() && it->is_object())
        c.service_identifier = string_or_empty(*it, "service_identifier");
    s.monthly_price = wire::money_from_json(j.at("monthly_price"));
    s.monthly_price_with_tax = wire::money_from_json(j.at("monthly_price_with_tax"));
    s.commitment_end = string_or_empty(j, "commitment_end");
    if (const auto it = j.find("eligible_offers"); it != j.end())
        for (const json& o : *it)
            s.eligible_offers.push_back(EligibleOffer{wire::offer_from_json(o), string_or_empty(o, "direction"),
                                                      wire::money_from_json(o.at("monthly_difference"))});
    return s;
}

Subscriptions subscriptions_from_json(const json& j) {
    Subscriptions s;
    s.client_id = string_or_empty(j, "client_id");
    s.first_name = string_or_empty(j, "first_name");
    for (const json& item : j.at("subscriptions"))
        s.subscriptions.push_back(subscription_from_json(item));
    return s;
}

DocumentLink document_link_from_json(const json& j) {
    DocumentLink d;
    d.contract_id = string_or_empty(j, "contract_id");
    d.document_version = int_or(j, "document_version", 1);
    d.document_download_url = j.at("document_download_url").get<std::string>();
    d.document_url_expires_at = string_or_empty(j, "document_url_expires_at");
    return d;
}

ClientInvoices client_invoices_from_json(const json& j) {
    ClientInvoices out;
    for (const json& item : j.at("data")) {
        ClientInvoice ci;
        ci.invoice = wire::invoice_from_json(item);
        ci.status = parse_invoice_status(string_or_empty(item, "status")).value_or(ci.invoice.settlement);
        ci.document_download_url = string_or_empty(item, "document_download_url");
        out.invoices.push_back(std::move(ci));
    }
    if (const auto it = j.find("pagination"); it != j.end())
        out.total = it->value("total", static_cast<std::int64_t>(out.invoices.size()));
    return out;
}

PlanChangeResult plan_change_from_json(const json& j) {
    PlanChangeResult r;
    r.contract_id = j.at("contract_id").get<std::string>();
    if (const auto it = j.find("contract"); it != j.end() && it->is_object())
        r.contract_number = string_or_empty(*it, "contract_number");
    r.direction = string_or_empty(j, "direction");
    r.effective_date = string_or_empty(j, "effective_date");
    r.previous_offer = wire::offer_from_json(j.at("previous_offer"));
    r.offer = wire::offer_from_json(j.at("offer"));
    r.monthly_difference = wire::money_from_json(j.at("monthly_difference"));
    r.document = document_link_from_json(j);
    r.document.contract_id = r.contract_id;
    return r;
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
            result.error.retry_after_seconds = response.retry_after_seconds;
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

namespace isp::portal {

void ApiClient::verify_cin(const std::string& cin, const std::string& service_identifier,
                           ApiCallback<Verification> done) {
    const json body = {{"cin", cin},
                       {"service_identifier", service_identifier},
                       {"language", std::string{wire::to_string(language_)}}};
    call<Verification>({"POST", base_ + "/landing/clients/verify-cin", {}, body.dump()}, language_,
                       verification_from_json, std::move(done));
}

void ApiClient::subscriptions(const std::string& cin, const std::string& lookup_token,
                              ApiCallback<Subscriptions> done) {
    call<Subscriptions>(
        {"GET",
         base_ + "/landing/clients/" + path_segment(cin) + "/subscriptions?lookup_token=" + query_value(lookup_token),
         {},
         {}},
        language_, subscriptions_from_json, std::move(done));
}

void ApiClient::submit_plan_change(const std::string& lookup_token, const std::string& contract_id,
                                   const std::string& target_offer_id, const std::string& effective_date,
                                   const std::string& idempotency_key, ApiCallback<PlanChangeResult> done) {
    const json body = {{"lookup_token", lookup_token},
                       {"contract_id", contract_id},
                       {"target_offer_id", target_offer_id},
                       {"contract_start_date", effective_date},
                       {"language", std::string{wire::to_string(language_)}}};
    platform::HttpRequest request{"POST", base_ + "/landing/submit/plan-change", {}, body.dump()};
    request.headers.push_back({"Idempotency-Key", idempotency_key});
    call<PlanChangeResult>(std::move(request), language_, plan_change_from_json, std::move(done));
}

void ApiClient::document_link(const std::string& contract_id, const std::string& lookup_token,
                              ApiCallback<DocumentLink> done) {
    const json body = {{"lookup_token", lookup_token}};
    call<DocumentLink>(
        {"POST", base_ + "/landing/contracts/" + path_segment(contract_id) + "/document-link", {}, body.dump()},
        language_, document_link_from_json, std::move(done));
}

void ApiClient::invoices(const std::string& cin, const std::string& lookup_token, ApiCallback<ClientInvoices> done) {
    call<ClientInvoices>({"GET",
                          base_ + "/landing/clients/" + path_segment(cin) +
                              "/invoices?per_page=36&lookup_token=" + query_value(lookup_token),
                          {},
                          {}},
                         language_, client_invoices_from_json, std::move(done));
}

} // namespace isp::portal
