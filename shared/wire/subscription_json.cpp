#include "shared/wire/subscription_json.h"

#include "shared/billing/plan_change.h"
#include "shared/wire/json_reader.h"
#include "shared/wire/offer_json.h"
#include "shared/wire/scheduled_change_json.h"

namespace isp::wire {

Subscription subscription(const Contract& contract, const Offer& offer, const std::vector<Offer>& catalog) {
    Subscription s;
    s.contract = contract;
    s.offer = offer;
    s.monthly_price = offer.monthly_price;
    s.monthly_price_with_tax = price_with_tax(offer);
    const auto end = commitment_end(contract.contract_start_date, contract.commitment_months);
    s.commitment_end = end ? end->to_iso() : std::string{};
    for (const Offer& o : catalog)
        if (is_eligible_target(offer, o))
            s.eligible_offers.push_back(EligibleOffer{o, std::string{to_string(plan_change_direction(offer, o))},
                                                      monthly_difference(offer, o)});
    return s;
}

nlohmann::json to_json(const Subscription& s) {
    const Contract& k = s.contract;
    nlohmann::json eligible = nlohmann::json::array();
    for (const EligibleOffer& e : s.eligible_offers) {
        nlohmann::json j = to_json(e.offer);
        j["direction"] = e.direction;
        j["monthly_difference"] = to_json(e.monthly_difference);
        eligible.push_back(std::move(j));
    }
    nlohmann::json scheduled = nlohmann::json::array();
    for (std::size_t i = 0; i < s.scheduled_changes.size(); ++i) {
        nlohmann::json j = to_json(s.scheduled_changes[i]);
        j["cancellable"] = i < s.cancellable.size() && s.cancellable[i];
        scheduled.push_back(std::move(j));
    }
    return {{"contract_id", k.contract_id},
            {"contract_number", k.contract_number},
            {"status", std::string{to_string(k.status)}},
            {"offer", to_json(s.offer)},
            {"family", std::string{to_string(s.offer.family)}},
            {"monthly_price", to_json(s.monthly_price)},
            {"monthly_price_with_tax", to_json(s.monthly_price_with_tax)},
            {"contract_start_date", k.contract_start_date.to_iso()},
            {"commitment_months", k.commitment_months},
            {"commitment_end", s.commitment_end.empty() ? nlohmann::json(nullptr) : nlohmann::json(s.commitment_end)},
            {"subscriber", {{"service_identifier", k.service_identifier}}},
            {"document_version", k.document_version},
            {"eligible_offers", std::move(eligible)},
            {"scheduled_changes", std::move(scheduled)},
            {"next_invoice",
             s.next_invoice_period.empty()
                 ? nlohmann::json(nullptr)
                 : nlohmann::json{{"period", s.next_invoice_period}, {"estimate", to_json(s.next_invoice_estimate)}}}};
}

nlohmann::json to_json(const Subscriptions& s) {
    nlohmann::json list = nlohmann::json::array();
    for (const Subscription& item : s.subscriptions)
        list.push_back(to_json(item));
    return {{"client_id", s.client_id},
            {"first_name", s.first_name},
            {"total", s.subscriptions.size()},
            {"subscriptions", std::move(list)},
            {"early_termination_rule", to_string(s.early_termination_rule)},
            {"balance_due", to_json(s.balance_due)},
            {"balance_past_due", to_json(s.balance_past_due)}};
}

Subscription subscription_from_json(const nlohmann::json& j) {
    Subscription s;
    Contract& c = s.contract;
    c.contract_id = j.at("contract_id").get<std::string>();
    c.contract_number = j.value("contract_number", "");
    c.status = parse_contract_status(j.value("status", "")).value_or(ContractStatus::Active);
    s.offer = offer_from_json(j.at("offer"));
    c.offer_id = s.offer.offer_id;
    const auto start = parse_iso_date(j.at("contract_start_date").get<std::string>());
    if (!start)
        throw nlohmann::json::other_error::create(501, "subscription: contract_start_date is not a date", &j);
    c.contract_start_date = *start;
    c.commitment_months = integer_or(j, "commitment_months", c.commitment_months);
    c.document_version = integer_or(j, "document_version", c.document_version);
    if (const auto it = j.find("subscriber"); it != j.end() && it->is_object())
        c.service_identifier = it->value("service_identifier", "");
    s.monthly_price = money_from_json(j.at("monthly_price"));
    s.monthly_price_with_tax = money_from_json(j.at("monthly_price_with_tax"));
    if (const auto it = j.find("commitment_end"); it != j.end() && it->is_string())
        s.commitment_end = it->get<std::string>();
    if (const auto it = j.find("eligible_offers"); it != j.end())
        for (const nlohmann::json& o : *it)
            s.eligible_offers.push_back(EligibleOffer{offer_from_json(o), o.value("direction", ""),
                                                      money_from_json(o.at("monthly_difference"))});
    if (const auto it = j.find("next_invoice"); it != j.end() && it->is_object()) {
        s.next_invoice_period = it->at("period").get<std::string>();
        s.next_invoice_estimate = money_from_json(it->at("estimate"));
    }
    if (const auto it = j.find("scheduled_changes"); it != j.end())
        for (const nlohmann::json& change : *it) {
            s.scheduled_changes.push_back(scheduled_change_from_json(change, c.contract_id));
            s.cancellable.push_back(change.value("cancellable", false));
        }
    return s;
}

Subscriptions subscriptions_from_json(const nlohmann::json& j) {
    Subscriptions s;
    s.client_id = j.value("client_id", "");
    s.first_name = j.value("first_name", "");
    for (const nlohmann::json& item : j.at("subscriptions"))
        s.subscriptions.push_back(subscription_from_json(item));
    if (const auto it = j.find("balance_due"); it != j.end())
        s.balance_due = money_from_json(*it);
    if (const auto it = j.find("balance_past_due"); it != j.end())
        s.balance_past_due = money_from_json(*it);
    // A rule unknown to this build (a newer server): no amount is previewed; the
    // cancellation's answer says the server's.
    s.early_termination_rule = parse_early_termination_rule(j.value("early_termination_rule", "remaining-months"))
                                   .value_or(EarlyTerminationRule{EarlyTerminationRule::Kind::None, 0});
    return s;
}

} // namespace isp::wire
