// Text rules shared by every free-text field (names, addresses): trimming and
// UTF-8 validity. Lengths are counted in code points, as a person counts letters.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace isp {

std::string_view trim(std::string_view text);

// How many bytes the UTF-8 sequence starting with `lead` claims to have: 1 to 4, or 0
// for a byte that cannot start one (a continuation byte, 0xF8-0xFF). Says nothing of
// the bytes that follow: utf8_valid_prefix checks those. Inline: every byte of every
// request body goes through it.
constexpr std::size_t utf8_sequence_length(unsigned char lead) {
    if (lead < 0x80)
        return 1;
    if ((lead & 0xE0) == 0xC0)
        return 2;
    if ((lead & 0xF0) == 0xE0)
        return 3;
    if ((lead & 0xF8) == 0xF0)
        return 4;
    return 0;
}

// The length of the longest well-formed UTF-8 prefix of text: text.size() when all of it
// is well-formed (no overlong forms, surrogates or code points beyond U+10FFFF).
std::size_t utf8_valid_prefix(std::string_view text);
bool is_valid_utf8(std::string_view text);

// True when text is well-formed UTF-8 without control characters (tabs and newlines
// are refused too: every field we keep is a single line).
bool is_clean_utf8_line(std::string_view text);

std::size_t utf8_length(std::string_view text);

} // namespace isp
