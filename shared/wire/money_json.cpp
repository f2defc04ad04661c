#include "shared/wire/money_json.h"

#include "shared/wire/json_reader.h"

namespace isp::wire {

nlohmann::json to_json(const Money& money) {
    return {{"amount_minor", money.amount_minor}, {"currency", money.currency}};
}

Money money_from_json(const nlohmann::json& j) {
    return Money{integer_value<std::int64_t>(j.at("amount_minor")), j.at("currency").get<std::string>()};
}

} // namespace isp::wire
