// Wire format of money, the one writer every answer uses: {"amount_minor": 29900,
// "currency": "MAD"} (minor units, so no amount is ever a float).
#pragma once
#include <nlohmann/json.hpp>

#include "shared/domain/money.h"

namespace isp::wire {

nlohmann::json to_json(const Money& money);
Money money_from_json(const nlohmann::json& j); // throws nlohmann::json::exception on bad shape

} // namespace isp::wire
