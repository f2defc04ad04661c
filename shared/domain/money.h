// Money as integer minor units plus an ISO 4217 currency code. Never floating point.
#pragma once
#include <cstdint>
#include <string>

namespace isp {

struct Money {
    std::int64_t amount_minor = 0; // 29900 = 299.00 MAD
    std::string currency = "MAD";

    bool operator==(const Money&) const = default;
};

// Tax rates are integer basis points: 2000 = 20 %.
using BasisPoints = std::int32_t;

// amount * rate, rounded half away from zero to the minor unit.
std::int64_t apply_rate(std::int64_t amount_minor, BasisPoints rate);

enum class Language { French, English };

// "1 299,00 MAD" (French: narrow no-break space groups, comma decimals) or "1,299.00 MAD".
std::string format_money(const Money& money, Language language = Language::French);

} // namespace isp
