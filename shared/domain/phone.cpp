#include "shared/domain/phone.h"

namespace isp {

std::optional<PhoneNumber> normalize_phone(std::string_view text) {
    std::string digits;
    bool plus = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c >= '0' && c <= '9')
            digits += c;
        else if (c == '+' && digits.empty() && !plus)
            plus = true;
        else if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')')
            continue;
        else
            return std::nullopt;
        if (digits.size() > 15)
            return std::nullopt;
    }
    std::string national; // 9 digits after the country code
    if (plus && digits.rfind("212", 0) == 0)
        national = digits.substr(3);
    else if (!plus && digits.rfind("00212", 0) == 0)
        national = digits.substr(5);
    else if (!plus && digits.size() == 10 && digits[0] == '0')
        national = digits.substr(1);
    else
        return std::nullopt;
    if (national.size() != 9)
        return std::nullopt;
    PhoneNumber n;
    switch (national[0]) {
    case '6':
    case '7': n.kind = PhoneKind::Mobile; break;
    case '5': n.kind = PhoneKind::Landline; break;
    default: return std::nullopt;
    }
    n.e164 = "+212" + national;
    return n;
}

} // namespace isp
