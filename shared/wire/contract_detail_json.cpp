#include "shared/wire/contract_detail_json.h"

#include "shared/wire/contract_json.h"
#include "shared/wire/money_json.h"
#include "shared/wire/offer_json.h"
#include "shared/wire/scheduled_change_json.h"

namespace isp::wire {
namespace {

nlohmann::json stored_json(const std::optional<std::string>& text) {
    if (!text)
        return nullptr;
    auto parsed = nlohmann::json::parse(*text, nullptr, false);
    return parsed.is_discarded() ? nlohmann::json(*text) : parsed;
}

std::optional<std::string> stored_text(const nlohmann::json& j) {
    if (j.is_null())
        return std::nullopt;
    return j.is_string() ? j.get<std::string>() : j.dump();
}

Date date_at(const nlohmann::json& j, const char* key) {
    const auto date = parse_iso_date(j.at(key).get<std::string>());
    if (!date)
        throw nlohmann::json::other_error::create(501, std::string{"bad "} + key, &j);
    return *date;
}

} // namespace

nlohmann::json contract_summary_json(const Contract& k, const std::optional<Offer>& offer) {
    nlohmann::json j = to_json(k);
    j["service"] = offer ? nlohmann::json(std::string{to_string(offer->family)}) : nlohmann::json(nullptr);
    return j;
}

nlohmann::json to_json(const ContractDetail& d) {
    nlohmann::json j = contract_summary_json(d.contract, d.offer);
    j["offer"] = d.offer ? to_json(*d.offer) : nlohmann::json(nullptr);
    nlohmann::json offers = nlohmann::json::array();
    for (const auto& p : d.offer_periods)
        offers.push_back({{"offer_id", p.offer_id}, {"effective_from", p.effective_from.to_iso()}});
    nlohmann::json statuses = nlohmann::json::array();
    for (const auto& p : d.status_periods)
        statuses.push_back(
            {{"status", std::string{to_string(p.status)}}, {"effective_from", p.effective_from.to_iso()}});
    j["offer_periods"] = std::move(offers);
    j["status_periods"] = std::move(statuses);
    nlohmann::json scheduled = nlohmann::json::array();
    for (const auto& s : d.scheduled_changes)
        scheduled.push_back(to_json(s));
    j["scheduled_changes"] = std::move(scheduled);
    return j;
}

ContractDetail contract_detail_from_json(const nlohmann::json& j) {
    ContractDetail d;
    d.contract = contract_from_json(j);
    if (const auto it = j.find("offer"); it != j.end() && !it->is_null())
        d.offer = offer_from_json(*it);
    for (const nlohmann::json& p : j.at("offer_periods"))
        d.offer_periods.push_back({p.at("offer_id").get<std::string>(), date_at(p, "effective_from")});
    for (const nlohmann::json& p : j.at("status_periods")) {
        const auto status = parse_contract_status(p.at("status").get<std::string>());
        if (!status)
            throw nlohmann::json::other_error::create(501, "bad status", &p);
        d.status_periods.push_back({*status, date_at(p, "effective_from")});
    }
    for (const nlohmann::json& s : j.value("scheduled_changes", nlohmann::json::array()))
        d.scheduled_changes.push_back(scheduled_change_from_json(s, d.contract.contract_id));
    return d;
}

AuditRecord audit_record_from_json(const nlohmann::json& j) {
    AuditRecord a;
    a.audit_id = j.at("audit_id").get<std::int64_t>();
    a.entry.contract_id = j.at("contract_id").get<std::string>();
    a.entry.at = j.at("at").get<std::string>();
    a.entry.actor = j.at("actor").get<std::string>();
    a.entry.action = j.at("action").get<std::string>();
    a.entry.before = stored_text(j.value("before", nlohmann::json()));
    a.entry.after = stored_text(j.value("after", nlohmann::json()));
    return a;
}

nlohmann::json to_json(const AuditRecord& a) {
    return {{"audit_id", a.audit_id},
            {"contract_id", a.entry.contract_id},
            {"at", a.entry.at},
            {"actor", a.entry.actor},
            {"action", a.entry.action},
            {"before", stored_json(a.entry.before)},
            {"after", stored_json(a.entry.after)}};
}

nlohmann::json staff_plan_change_json(const ContractDetail& detail, const PlanChange& change) {
    nlohmann::json out = to_json(detail);
    out["plan_change"] = {
        {"direction", std::string{to_string(change.direction)}},
        {"previous_offer_id", change.previous_offer.offer_id},
        {"offer_id", change.offer.offer_id},
        {"effective_date",
         change.scheduled ? change.scheduled->effective_date.to_iso() : change.contract.contract_start_date.to_iso()},
        {"monthly_difference", to_json(change.monthly_difference)},
        {"scheduled_change", change.scheduled ? to_json(*change.scheduled) : nlohmann::json(nullptr)}};
    return out;
}

} // namespace isp::wire
