// Base32: five bits per character, most significant first, no padding. The RFC 4648
// alphabet for TOTP secrets (what authenticator apps read), a lower-case Crockford-style
// one for ids and tokens (server/security/random_id.h).
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace isp::security {

inline constexpr char rfc4648_base32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

std::string base32_encode(std::string_view bytes, const char* alphabet = rfc4648_base32);

// RFC 4648, case-insensitive; ignores spaces and '=' padding (people copy secrets in
// groups); nullopt on any other character, and on a length no encoding produces (1, 3 or 6
// characters past a multiple of 8: a character was lost in the copy).
std::optional<std::string> base32_decode(std::string_view text);

} // namespace isp::security
