#include "pdf/format.h"

#include "shared/domain/month_names.h"

namespace isp::pdf {

std::string format_month(int year, int month, Language language) {
    return std::string(month_name(month, language)) + " " + std::to_string(year);
}

std::string format_long_date(const Date& date, Language language) {
    const std::string month{month_name(date.month, language)};
    if (language == Language::French) {
        const std::string day = date.day == 1 ? std::string("1er") : std::to_string(date.day);
        return day + "\u00a0" + month + " " + std::to_string(date.year);
    }
    return std::to_string(date.day) + "\u00a0" + month + " " + std::to_string(date.year);
}

std::string format_rate(BasisPoints rate, Language language) {
    const bool negative = rate < 0;
    const long magnitude = negative ? -static_cast<long>(rate) : static_cast<long>(rate);
    std::string out = (negative ? "-" : "") + std::to_string(magnitude / 100);
    long fraction = magnitude % 100;
    if (fraction != 0) {
        out += language == Language::French ? ',' : '.';
        out += static_cast<char>('0' + fraction / 10);
        if (fraction % 10 != 0)
            out += static_cast<char>('0' + fraction % 10);
    }
    out += language == Language::French ? "\u00a0%" : "%";
    return out;
}

} // namespace isp::pdf
