#include "shared/wire/plan_change_json.h"

#include "shared/wire/contract_json.h"
#include "shared/wire/json_reader.h"
#include "shared/wire/offer_json.h"
#include "shared/wire/scheduled_change_json.h"

namespace isp::wire {

nlohmann::json to_json(const PlanChangeRequest& r) {
    return {{"lookup_token", r.lookup_token},
            {"contract_id", r.contract_id},
            {"target_offer_id", r.target_offer_id},
            {"contract_start_date", r.contract_start_date},
            {"language", std::string{to_string(r.language)}}};
}

PlanChangeRequest plan_change_request_from_json(const nlohmann::json& j, FieldErrors& errors, Language language) {
    PlanChangeRequest r;
    r.language = language;
    JsonReader reader(j, errors, language);
    reader.string("lookup_token", r.lookup_token);
    reader.string("contract_id", r.contract_id, true);
    reader.string("target_offer_id", r.target_offer_id, true);
    reader.string("contract_start_date", r.contract_start_date, true);
    return r;
}

nlohmann::json to_json(const PlanChangeResult& r) {
    return {{"contract_id", r.contract_id},
            {"contract", to_json(r.contract)},
            {"direction", r.direction},
            {"effective_date", r.effective_date},
            {"previous_offer", to_json(r.previous_offer)},
            {"offer", to_json(r.offer)},
            {"monthly_difference", to_json(r.monthly_difference)},
            {"document_version", r.document.document_version},
            {"document_download_url", r.document.document_download_url},
            {"document_url_expires_at", r.document.document_url_expires_at},
            {"scheduled_change", r.scheduled ? to_json(*r.scheduled) : nlohmann::json(nullptr)}};
}

PlanChangeResult plan_change_result_from_json(const nlohmann::json& j) {
    PlanChangeResult r;
    r.contract_id = j.at("contract_id").get<std::string>();
    if (const auto it = j.find("contract"); it != j.end() && it->is_object())
        r.contract = contract_from_json(*it);
    r.direction = j.value("direction", "");
    r.effective_date = j.value("effective_date", "");
    r.previous_offer = offer_from_json(j.at("previous_offer"));
    r.offer = offer_from_json(j.at("offer"));
    r.monthly_difference = money_from_json(j.at("monthly_difference"));
    r.document = document_link_from_json(j);
    r.document.contract_id = r.contract_id;
    if (const auto it = j.find("scheduled_change"); it != j.end() && !it->is_null())
        r.scheduled = scheduled_change_from_json(*it, r.contract_id);
    return r;
}

} // namespace isp::wire
