#include "shared/wire/contract_request_json.h"

#include "shared/domain/text.h"
#include "shared/signup/messages.h"
#include "shared/wire/json_reader.h"

namespace isp::wire {
namespace {

// The fields both paths share.
void read_common(JsonReader& r, ContractOrder& o) {
    r.string("client_id", o.client_id, true);
    r.string("offer_id", o.offer_id, true);
    r.string("contract_start_date", o.contract_start_date, true);
    int months = 0;
    if (r.integer("commitment_months", months))
        o.commitment_months = months;
}

} // namespace

ContractOrder provision_order_from_json(const nlohmann::json& body, FieldErrors& errors) {
    ContractOrder o;
    JsonReader r(body, errors, staff_language);
    read_common(r, o);
    if (!r.has("subscriber")) {
        errors.push_back(field_error("subscriber.service_identifier", "required", staff_language));
    } else if (!body.at("subscriber").is_object()) {
        r.add_error("subscriber", "invalid_type");
    } else {
        JsonReader sub(body.at("subscriber"), errors, staff_language, "subscriber.");
        sub.string("service_identifier", o.service_identifier, true);
    }
    std::string intent = "auto";
    if (r.string("provisioning_intent", intent) && intent != "auto")
        r.add_error("provisioning_intent", "invalid_provisioning_intent");
    return o;
}

ContractOrder manual_order_from_json(const nlohmann::json& body, FieldErrors& errors) {
    ContractOrder o;
    o.manual = true;
    JsonReader r(body, errors, staff_language);
    read_common(r, o);
    r.string("service_identifier", o.service_identifier, true);
    std::string status;
    if (r.string("status", status)) {
        const auto parsed = parse_contract_status(status);
        if (!parsed)
            r.add_error("status", "invalid_status");
        else if (*parsed == ContractStatus::Terminated)
            r.add_error("status", "invalid_initial_status");
        else
            o.status = *parsed;
    }
    return o;
}

nlohmann::json to_json(const ContractOrder& o) {
    nlohmann::json j{
        {"client_id", o.client_id}, {"offer_id", o.offer_id}, {"contract_start_date", o.contract_start_date}};
    if (o.commitment_months)
        j["commitment_months"] = *o.commitment_months;
    if (o.manual) {
        j["service_identifier"] = o.service_identifier;
        j["status"] = std::string{to_string(o.status)};
    } else {
        j["subscriber"] = {{"service_identifier", o.service_identifier}};
    }
    return j;
}

StatusChangeRequest status_change_from_json(const nlohmann::json& body, FieldErrors& errors) {
    StatusChangeRequest out;
    JsonReader r(body, errors, staff_language);
    std::string status;
    if (r.string("status", status, true)) {
        if (auto s = parse_contract_status(status))
            out.status = *s;
        else
            r.add_error("status", "invalid_status");
    }
    std::string date;
    if (r.string("effective_date", date)) {
        if (auto d = parse_iso_date(trim(date)))
            out.effective_date = *d;
        else
            r.add_error("effective_date", "invalid_date");
    }
    if (r.string("reason", out.reason)) {
        if (utf8_length(out.reason) > max_status_reason_chars)
            r.add_error("reason", "too_long");
        else if (!is_clean_utf8_line(out.reason))
            r.add_error("reason", "invalid_text");
    }
    return out;
}

nlohmann::json to_json(const StatusChangeRequest& request) {
    nlohmann::json j{{"status", std::string{to_string(request.status)}}, {"reason", request.reason}};
    if (request.effective_date)
        j["effective_date"] = request.effective_date->to_iso();
    return j;
}

} // namespace isp::wire
