#include "shared/domain/text.h"

namespace isp {

std::string_view trim(std::string_view t) {
    while (!t.empty() && (t.front() == ' ' || t.front() == '\t' || t.front() == '\n' || t.front() == '\r'))
        t.remove_prefix(1);
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t' || t.back() == '\n' || t.back() == '\r'))
        t.remove_suffix(1);
    return t;
}

std::size_t utf8_valid_prefix(std::string_view t) {
    std::size_t i = 0;
    while (i < t.size()) {
        const auto c = static_cast<unsigned char>(t[i]);
        const std::size_t len = utf8_sequence_length(c);
        if (len == 1) {
            ++i;
            continue;
        }
        if (len == 0)
            return i;
        // The lead byte's payload bits: 5, 4 or 3 of them for 2, 3 or 4 bytes.
        std::uint32_t cp = c & (0x7Fu >> len);
        if (i + len > t.size())
            return i;
        for (std::size_t k = 1; k < len; ++k) {
            const auto cc = static_cast<unsigned char>(t[i + k]);
            if ((cc & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (cc & 0x3F);
        }
        // Overlong forms, surrogates, beyond Unicode.
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
            (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
            return i;
        i += len;
    }
    return i;
}

bool is_valid_utf8(std::string_view t) {
    return utf8_valid_prefix(t) == t.size();
}

bool is_clean_utf8_line(std::string_view t) {
    if (!is_valid_utf8(t))
        return false;
    for (std::size_t i = 0; i < t.size(); ++i) {
        const auto c = static_cast<unsigned char>(t[i]);
        // C0 controls, DEL, and C1 controls (U+0080-U+009F, encoded C2 80-9F).
        if (c < 0x20 || c == 0x7f || (c == 0xC2 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) < 0xA0))
            return false;
    }
    return true;
}

std::size_t utf8_length(std::string_view t) {
    std::size_t n = 0;
    for (unsigned char c : t)
        if ((c & 0xC0) != 0x80)
            ++n;
    return n;
}

} // namespace isp
