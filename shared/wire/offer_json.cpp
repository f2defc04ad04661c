#include "shared/wire/offer_json.h"

#include "shared/wire/json_reader.h"

namespace isp::wire {

nlohmann::json to_json(const Offer& o) {
    return {{"offer_id", o.offer_id},
            {"family", std::string{to_string(o.family)}},
            {"name", o.name},
            {"description", o.description},
            {"monthly_price", to_json(o.monthly_price)},
            {"tax_rate_bp", o.tax_rate_bp},
            {"monthly_tax", to_json(tax_amount(o))},
            {"monthly_price_with_tax", to_json(price_with_tax(o))},
            {"commitment_months", o.commitment_months},
            {"active", o.active}};
}

Offer offer_from_json(const nlohmann::json& j) {
    Offer o;
    o.offer_id = j.at("offer_id").get<std::string>();
    auto family = parse_service_family(j.at("family").get<std::string>());
    if (!family)
        throw nlohmann::json::other_error::create(501, "unknown family", &j);
    o.family = *family;
    o.name = j.at("name").get<std::string>();
    o.description = j.value("description", "");
    o.monthly_price = money_from_json(j.at("monthly_price"));
    o.tax_rate_bp = integer_value<BasisPoints>(j.at("tax_rate_bp"));
    o.commitment_months = integer_or(j, "commitment_months", 0);
    o.active = j.value("active", true);
    return o;
}

} // namespace isp::wire
