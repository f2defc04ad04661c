#include "shared/wire/scheduled_change_json.h"

#include "shared/wire/contract_json.h"

namespace isp::wire {

nlohmann::json to_json(const ScheduledChange& s) {
    nlohmann::json j = {{"change_id", s.change_id}, {"kind", std::string{to_string(s.kind)}}};
    if (s.kind == ScheduledChangeKind::Offer)
        j["offer_id"] = s.offer_id;
    else
        j["status"] = std::string{to_string(s.status)};
    j["effective_date"] = s.effective_date.to_iso();
    j["reason"] = s.reason;
    j["requested_by"] = s.requested_by;
    j["requested_at"] = s.requested_at;
    return j;
}

ScheduledChange scheduled_change_from_json(const nlohmann::json& j, const std::string& contract_id) {
    ScheduledChange s;
    s.change_id = j.at("change_id").get<std::string>();
    s.contract_id = contract_id;
    const auto kind = parse_scheduled_change_kind(j.value("kind", "status"));
    if (!kind)
        throw nlohmann::json::other_error::create(501, "bad scheduled change kind", &j);
    s.kind = *kind;
    if (s.kind == ScheduledChangeKind::Offer) {
        s.offer_id = j.at("offer_id").get<std::string>();
    } else {
        const auto status = parse_contract_status(j.at("status").get<std::string>());
        if (!status)
            throw nlohmann::json::other_error::create(501, "bad status", &j);
        s.status = *status;
    }
    const auto date = parse_iso_date(j.at("effective_date").get<std::string>());
    if (!date)
        throw nlohmann::json::other_error::create(501, "bad effective_date", &j);
    s.effective_date = *date;
    s.reason = j.value("reason", "");
    s.requested_by = j.value("requested_by", "");
    s.requested_at = j.value("requested_at", "");
    return s;
}

nlohmann::json to_json(const ContractScheduledChanges& a) {
    nlohmann::json changes = nlohmann::json::array();
    for (const ScheduledChange& s : a.scheduled_changes)
        changes.push_back(to_json(s));
    return {{"contract", to_json(a.contract)}, {"scheduled_changes", std::move(changes)}};
}

ContractScheduledChanges contract_scheduled_changes_from_json(const nlohmann::json& j) {
    ContractScheduledChanges a;
    a.contract = contract_from_json(j.at("contract"));
    for (const nlohmann::json& s : j.at("scheduled_changes"))
        a.scheduled_changes.push_back(scheduled_change_from_json(s, a.contract.contract_id));
    return a;
}

} // namespace isp::wire
