// Money as integer minor units plus an ISO 4217 currency code. Never floating point.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace isp {

struct Money {
    std::int64_t amount_minor = 0; // 29900 = 299.00 MAD
    std::string currency = "MAD";

    bool operator==(const Money&) const = default;
};

// Three capital letters, the shape of an ISO 4217 code ("MAD"): what an offer's price and a
// payment may be in. The code is not looked up: an operator may bill in any currency.
bool is_currency_code(std::string_view text);

// Tax rates are integer basis points: 2000 = 20 %.
using BasisPoints = std::int32_t;

// amount * rate, rounded half away from zero to the minor unit.
std::int64_t apply_rate(std::int64_t amount_minor, BasisPoints rate);

enum class Language { French, English };

// "1 299,00 MAD" (French: narrow no-break space groups, comma decimals) or "1,299.00 MAD".
std::string format_money(const Money& money, Language language = Language::French);

} // namespace isp
