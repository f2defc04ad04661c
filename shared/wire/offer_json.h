// Wire format of money and offers (the catalog as /landing/bootstrap and /offers send it).
#pragma once
#include <nlohmann/json.hpp>

#include "shared/domain/field_error.h"
#include "shared/domain/offer.h"

namespace isp::wire {

nlohmann::json to_json(const Money& money);     // {"amount_minor": 29900, "currency": "MAD"}
Money money_from_json(const nlohmann::json& j); // throws nlohmann::json::exception on bad shape

// Includes the derived "tax" and "monthly_price_with_tax" for display.
nlohmann::json to_json(const Offer& offer);
Offer offer_from_json(const nlohmann::json& j); // throws nlohmann::json::exception on bad shape

} // namespace isp::wire
