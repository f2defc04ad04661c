// Time-based one-time passwords for staff sign-in: RFC 6238 TOTP (HMAC-SHA1, 30-second steps)
// over RFC 4226 HOTP, the variant every authenticator app reads from an otpauth:// QR code.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "server/security/base32.h" // base32_encode, base32_decode: how TOTP secrets are written

namespace isp::security {

// RFC 4226 HOTP: HMAC-SHA1(key, counter), dynamically truncated, `digits` decimal digits,
// zero-padded. Throws std::invalid_argument unless 6 <= digits <= 8 (RFC 4226, section 5.3).
std::string hotp_code(std::string_view key, std::uint64_t counter, int digits = 6);

// The time step (unix/30) whose code equals `code`, searched within ±window steps of now's step,
// and only steps later than last_used_step (a code is used once); nullopt otherwise.
// Compares in constant time; a code that is not exactly `digits` ASCII digits never matches.
// Store the step returned as the next call's last_used_step.
std::optional<std::int64_t> match_totp(std::string_view key, std::string_view code, std::int64_t now_unix,
                                       std::optional<std::int64_t> last_used_step, int window = 1, int digits = 6);

// otpauth://totp/<Issuer>:<account>?secret=<base32>&issuer=<Issuer>&algorithm=SHA1&digits=6&period=30,
// issuer, account and secret percent-encoded (RFC 3986 unreserved characters kept), for the
// QR code an authenticator app scans.
std::string otpauth_uri(std::string_view issuer, std::string_view account, std::string_view secret_base32);

} // namespace isp::security
