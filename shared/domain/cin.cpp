#include "shared/domain/cin.h"

namespace isp {

std::optional<std::string> normalize_cin(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == ' ' || c == '-' || c == '.' || c == '\t')
            continue;
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
        out += c;
        if (out.size() > 8)
            return std::nullopt;
    }
    std::size_t letters = 0;
    while (letters < out.size() && out[letters] >= 'A' && out[letters] <= 'Z')
        ++letters;
    const std::size_t digits = out.size() - letters;
    if (letters < 1 || letters > 2 || digits < 3 || digits > 6)
        return std::nullopt;
    for (std::size_t i = letters; i < out.size(); ++i)
        if (out[i] < '0' || out[i] > '9')
            return std::nullopt;
    return out;
}

} // namespace isp
