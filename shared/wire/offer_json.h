// Wire format of offers (the catalog as /landing/bootstrap and /offers send it), money
// included (shared/wire/money_json.h).
#pragma once
#include <vector>

#include <nlohmann/json.hpp>

#include "shared/domain/field_error.h"
#include "shared/domain/offer.h"
#include "shared/wire/money_json.h"

namespace isp::wire {

// Includes the derived "tax" and "monthly_price_with_tax" for display.
nlohmann::json to_json(const Offer& offer);
Offer offer_from_json(const nlohmann::json& j); // throws nlohmann::json::exception on bad shape

// The offer a staff create or full-update body describes (POST and PUT /offers; offer_id
// left empty). Each wrong field is added to `errors`. The body is to_json(offer) without
// the derived fields, which are ignored when sent.
Offer offer_body_from_json(const nlohmann::json& body, FieldErrors& errors);

// GET /offer-categories: {data: [{family, label_fr, label_en, offer_count, active_count,
// offers}], total}, every family in catalog order, inactive offers included.
nlohmann::json offer_categories_json(const std::vector<Offer>& offers);

} // namespace isp::wire
