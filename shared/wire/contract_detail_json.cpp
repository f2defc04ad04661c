#include "shared/wire/contract_detail_json.h"

#include "shared/wire/contract_json.h"
#include "shared/wire/money_json.h"
#include "shared/wire/offer_json.h"

namespace isp::wire {
namespace {

nlohmann::json stored_json(const std::optional<std::string>& text) {
    if (!text)
        return nullptr;
    auto parsed = nlohmann::json::parse(*text, nullptr, false);
    return parsed.is_discarded() ? nlohmann::json(*text) : parsed;
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
    return j;
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
    out["plan_change"] = {{"direction", std::string{to_string(change.direction)}},
                          {"previous_offer_id", change.previous_offer.offer_id},
                          {"effective_date", change.contract.contract_start_date.to_iso()},
                          {"monthly_difference", to_json(change.monthly_difference)}};
    return out;
}

} // namespace isp::wire
