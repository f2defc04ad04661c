// Wire format of offers (the catalog as /landing/bootstrap and /offers send it), money
// included (shared/wire/money_json.h).
#pragma once
#include <nlohmann/json.hpp>

#include "shared/domain/field_error.h"
#include "shared/domain/offer.h"
#include "shared/wire/money_json.h"

namespace isp::wire {

// Includes the derived "tax" and "monthly_price_with_tax" for display.
nlohmann::json to_json(const Offer& offer);
Offer offer_from_json(const nlohmann::json& j); // throws nlohmann::json::exception on bad shape

} // namespace isp::wire
