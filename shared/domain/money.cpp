#include "shared/domain/money.h"

namespace isp {

bool is_currency_code(std::string_view text) {
    if (text.size() != 3)
        return false;
    for (char ch : text)
        if (ch < 'A' || ch > 'Z')
            return false;
    return true;
}

std::int64_t apply_rate(std::int64_t amount_minor, BasisPoints rate) {
    const std::int64_t product = amount_minor * rate;
    const std::int64_t half = 5000;
    return product >= 0 ? (product + half) / 10000 : -((-product + half) / 10000);
}

std::string format_money(const Money& money, Language language) {
    const bool negative = money.amount_minor < 0;
    const std::uint64_t abs = negative ? static_cast<std::uint64_t>(-(money.amount_minor + 1)) + 1
                                       : static_cast<std::uint64_t>(money.amount_minor);
    const std::string units = std::to_string(abs / 100);
    const unsigned cents = static_cast<unsigned>(abs % 100);
    // French groups thousands with a narrow no-break space (U+202F); we use U+00A0, which
    // every font we embed has, so amounts never wrap in the middle.
    const std::string group = language == Language::French ? "\u00A0" : ",";
    const char decimal = language == Language::French ? ',' : '.';
    std::string out;
    if (negative)
        out += '-';
    for (std::size_t i = 0; i < units.size(); ++i) {
        if (i > 0 && (units.size() - i) % 3 == 0)
            out += group;
        out += units[i];
    }
    out += decimal;
    out += static_cast<char>('0' + cents / 10);
    out += static_cast<char>('0' + cents % 10);
    out += ' ';
    out += money.currency;
    return out;
}

} // namespace isp
