#include "shared/wire/cancellation_json.h"

#include "shared/wire/contract_json.h"
#include "shared/wire/json_reader.h"
#include "shared/wire/money_json.h"

namespace isp::wire {

nlohmann::json to_json(const CancellationRequest& r) {
    return {{"lookup_token", r.lookup_token},
            {"termination_date", r.termination_date},
            {"language", std::string{to_string(r.language)}}};
}

CancellationRequest cancellation_request_from_json(const nlohmann::json& j, FieldErrors& errors, Language language) {
    CancellationRequest r;
    r.language = language;
    JsonReader reader(j, errors, language);
    reader.string("lookup_token", r.lookup_token);
    reader.string("termination_date", r.termination_date, true);
    return r;
}

nlohmann::json to_json(const Cancellation& k) {
    return {{"cancellation_id", k.cancellation_id},
            {"contract_id", k.contract_id},
            {"change_id", k.change_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(k.change_id)},
            {"termination_date", k.termination_date.to_iso()},
            {"early_termination_amount", to_json(k.early_termination_amount)},
            {"requested_at", k.requested_at}};
}

Cancellation cancellation_from_json(const nlohmann::json& j) {
    Cancellation k;
    k.cancellation_id = j.at("cancellation_id").get<std::string>();
    k.contract_id = j.at("contract_id").get<std::string>();
    if (const auto it = j.find("change_id"); it != j.end() && !it->is_null())
        k.change_id = it->get<std::string>();
    const auto date = parse_iso_date(j.at("termination_date").get<std::string>());
    if (!date)
        throw nlohmann::json::other_error::create(501, "bad termination_date", &j);
    k.termination_date = *date;
    k.early_termination_amount = money_from_json(j.at("early_termination_amount"));
    k.requested_at = j.value("requested_at", "");
    return k;
}

nlohmann::json to_json(const CancellationResult& r) {
    return {{"contract", to_json(r.contract)},
            {"cancellation", to_json(r.cancellation)},
            {"document_version", r.document.document_version},
            {"document_download_url", r.document.document_download_url},
            {"document_url_expires_at", r.document.document_url_expires_at}};
}

CancellationResult cancellation_result_from_json(const nlohmann::json& j) {
    CancellationResult r;
    r.contract = contract_from_json(j.at("contract"));
    r.cancellation = cancellation_from_json(j.at("cancellation"));
    r.document = document_link_from_json(j);
    r.document.contract_id = r.contract.contract_id;
    return r;
}

} // namespace isp::wire
