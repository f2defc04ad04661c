#include "shared/wire/bootstrap_json.h"

#include "shared/signup/signup_form.h"
#include "shared/wire/json_reader.h"
#include "shared/wire/offer_json.h"

namespace isp::wire {

const Offer* Bootstrap::find_offer(const std::string& offer_id) const {
    for (const OfferFamily& f : families)
        for (const Offer& o : f.offers)
            if (o.offer_id == offer_id)
                return &o;
    return nullptr;
}

nlohmann::json to_json(const Bootstrap& b) {
    nlohmann::json families = nlohmann::json::array();
    for (const OfferFamily& f : b.families) {
        nlohmann::json offers = nlohmann::json::array();
        for (const Offer& o : f.offers)
            offers.push_back(to_json(o));
        families.push_back({{"family", std::string(to_string(f.family))},
                            {"label_fr", f.label_fr},
                            {"label_en", f.label_en},
                            {"offers", std::move(offers)}});
    }
    nlohmann::json fields = nlohmann::json::array();
    for (const SignupField& f : signup_fields())
        fields.push_back({{"field", f.name},
                          {"label_fr", f.label_fr},
                          {"label_en", f.label_en},
                          {"max_length", f.max_length},
                          {"hint_fr", f.hint_fr},
                          {"hint_en", f.hint_en},
                          {"required", true}});
    nlohmann::json operator_json{{"name", b.operator_name}, {"currency", b.currency}};
    if (!b.operator_logo_url.empty())
        operator_json["logo_url"] = b.operator_logo_url;
    return {{"operator", std::move(operator_json)},
            {"today", b.today.to_iso()},
            {"families", std::move(families)},
            {"signup_fields", std::move(fields)},
            {"commitment_options", b.commitment_options},
            {"max_start_days_ahead", b.max_start_days_ahead},
            {"draft_ttl_days", b.draft_ttl_days}};
}

Bootstrap bootstrap_from_json(const nlohmann::json& j) {
    Bootstrap b;
    const nlohmann::json& op = j.at("operator");
    b.operator_name = op.at("name").get<std::string>();
    b.currency = op.value("currency", "");
    b.operator_logo_url = op.value("logo_url", "");
    const auto today = parse_iso_date(j.at("today").get<std::string>());
    if (!today)
        throw nlohmann::json::other_error::create(501, "bootstrap: today is not a date", &j);
    b.today = *today;
    for (const nlohmann::json& f : j.at("families")) {
        const auto family = parse_service_family(f.at("family").get<std::string>());
        if (!family)
            continue; // a family this build does not know yet: skip it rather than fail
        OfferFamily out;
        out.family = *family;
        out.label_fr = f.value("label_fr", "");
        out.label_en = f.value("label_en", "");
        for (const nlohmann::json& o : f.at("offers"))
            out.offers.push_back(offer_from_json(o));
        b.families.push_back(std::move(out));
    }
    if (const auto it = j.find("commitment_options"); it != j.end())
        for (const nlohmann::json& c : *it)
            b.commitment_options.push_back(integer_value<int>(c));
    if (b.commitment_options.empty())
        b.commitment_options.assign(std::begin(commitment_options), std::end(commitment_options));
    b.max_start_days_ahead = integer_or(j, "max_start_days_ahead", b.max_start_days_ahead);
    b.draft_ttl_days = integer_or(j, "draft_ttl_days", b.draft_ttl_days);
    return b;
}

} // namespace isp::wire
