#include "console/app/payment_amount.h"

#include <limits>

namespace isp::console {

std::optional<std::int64_t> parse_amount_minor(std::string_view text) {
    std::int64_t units = 0;
    std::int64_t cents = 0;
    int decimals = -1; // -1: no separator seen yet
    bool digits = false;
    constexpr std::int64_t max_units = std::numeric_limits<std::int64_t>::max() / 1000;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == ' ')
            continue;
        // U+00A0 and U+202F (no-break spaces, as format_money groups French amounts).
        if (text.substr(i).starts_with("\u00a0")) {
            i += 1;
            continue;
        }
        if (text.substr(i).starts_with("\u202f")) {
            i += 2;
            continue;
        }
        if (c == ',' || c == '.') {
            if (decimals >= 0)
                return std::nullopt;
            decimals = 0;
            continue;
        }
        if (c < '0' || c > '9')
            return std::nullopt;
        digits = true;
        if (decimals >= 0) {
            if (++decimals > 2)
                return std::nullopt;
            cents = cents * 10 + (c - '0');
        } else {
            if (units > max_units)
                return std::nullopt;
            units = units * 10 + (c - '0');
        }
    }
    if (!digits)
        return std::nullopt;
    if (decimals == 1)
        cents *= 10;
    return units * 100 + cents;
}

std::string amount_input(std::int64_t minor, Language language) {
    const bool negative = minor < 0;
    const std::int64_t magnitude = negative ? -minor : minor;
    std::string cents = std::to_string(magnitude % 100);
    if (cents.size() < 2)
        cents.insert(0, "0");
    return (negative ? "-" : "") + std::to_string(magnitude / 100) + (language == Language::French ? "," : ".") + cents;
}

} // namespace isp::console
