#include "shared/domain/email.h"

#include "shared/domain/text.h"

namespace isp {

std::optional<std::string> normalize_email(std::string_view text) {
    const std::string e{trim(text)};
    if (e.empty() || e.size() > 254)
        return std::nullopt;
    const auto at = e.find('@');
    if (at == std::string::npos || at == 0 || e.find('@', at + 1) != std::string::npos)
        return std::nullopt;
    for (unsigned char c : e)
        if (c <= ' ' || c == 0x7f || c == '<' || c == '>' || c == ',' || c == ';' || c == '"')
            return std::nullopt;
    std::string domain = e.substr(at + 1);
    const auto dot = domain.rfind('.');
    if (dot == std::string::npos || dot == 0 || dot + 3 > domain.size() || domain.find("..") != std::string::npos ||
        domain.front() == '-' || domain.front() == '.')
        return std::nullopt;
    for (char& c : domain)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return e.substr(0, at + 1) + domain;
}

} // namespace isp
