// Text rules shared by every free-text field (names, addresses): trimming and
// UTF-8 validity. Lengths are counted in code points, as a person counts letters.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace isp {

std::string_view trim(std::string_view text);

// The length of the longest well-formed UTF-8 prefix of text: text.size() when all of it
// is well-formed (no overlong forms, surrogates or code points beyond U+10FFFF).
std::size_t utf8_valid_prefix(std::string_view text);
bool is_valid_utf8(std::string_view text);

// True when text is well-formed UTF-8 without control characters (tabs and newlines
// are refused too: every field we keep is a single line).
bool is_clean_utf8_line(std::string_view text);

std::size_t utf8_length(std::string_view text);

} // namespace isp
