// RFC 6238 TOTP and RFC 4226 HOTP with OpenSSL's HMAC-SHA1 (see totp.h).
#include "server/security/totp.h"

#include <algorithm>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <stdexcept>

namespace isp::security {
namespace {

constexpr std::int64_t step_seconds = 30;

bool is_unreserved(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == '_' || c == '~';
}

std::string percent_encode(std::string_view text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (char c : text) {
        if (is_unreserved(c)) {
            out += c;
        } else {
            const auto b = static_cast<unsigned char>(c);
            out += '%';
            out += hex[b >> 4];
            out += hex[b & 15];
        }
    }
    return out;
}

// Floor division: the step of a time before 1970 is negative, not rounded towards zero.
std::int64_t time_step(std::int64_t unix_seconds) {
    return unix_seconds >= 0 ? unix_seconds / step_seconds : -((-unix_seconds + step_seconds - 1) / step_seconds);
}

} // namespace

std::string hotp_code(std::string_view key, std::uint64_t counter, int digits) {
    if (digits < 6 || digits > 8)
        throw std::invalid_argument("HOTP codes have 6 to 8 digits");
    unsigned char message[8];
    for (int i = 7; i >= 0; --i) {
        message[i] = static_cast<unsigned char>(counter & 0xFF);
        counter >>= 8;
    }
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int mac_length = 0;
    if (!HMAC(EVP_sha1(), key.data(), static_cast<int>(key.size()), message, sizeof message, mac, &mac_length) ||
        mac_length != 20)
        throw std::runtime_error("HMAC-SHA1 failure");
    // RFC 4226, section 5.3: 31 bits from the offset named by the last nibble.
    const unsigned offset = mac[19] & 0x0F;
    const std::uint32_t binary = (static_cast<std::uint32_t>(mac[offset] & 0x7F) << 24) |
                                 (static_cast<std::uint32_t>(mac[offset + 1]) << 16) |
                                 (static_cast<std::uint32_t>(mac[offset + 2]) << 8) | mac[offset + 3];
    std::uint32_t modulus = 1;
    for (int i = 0; i < digits; ++i)
        modulus *= 10;
    std::string code = std::to_string(binary % modulus);
    code.insert(0, static_cast<std::size_t>(digits) - code.size(), '0');
    return code;
}

std::optional<std::int64_t> match_totp(std::string_view key, std::string_view code, std::int64_t now_unix,
                                       std::optional<std::int64_t> last_used_step, int window, int digits) {
    if (digits < 6 || digits > 8 || code.size() != static_cast<std::size_t>(digits) ||
        !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    const std::int64_t now_step = time_step(now_unix);
    const std::int64_t reach = std::max(window, 0);
    std::optional<std::int64_t> matched;
    // Every candidate step is computed and compared, matched or not, so the time taken does
    // not say which step (if any) the code belongs to.
    for (std::int64_t step = now_step - reach; step <= now_step + reach; ++step) {
        if (step < 0 || (last_used_step && step <= *last_used_step))
            continue;
        const std::string expected = hotp_code(key, static_cast<std::uint64_t>(step), digits);
        const bool equal = CRYPTO_memcmp(expected.data(), code.data(), expected.size()) == 0;
        if (equal && !matched)
            matched = step;
    }
    return matched;
}

std::string otpauth_uri(std::string_view issuer, std::string_view account, std::string_view secret_base32) {
    const std::string encoded_issuer = percent_encode(issuer);
    return "otpauth://totp/" + encoded_issuer + ":" + percent_encode(account) +
           "?secret=" + percent_encode(secret_base32) + "&issuer=" + encoded_issuer +
           "&algorithm=SHA1&digits=6&period=30";
}

} // namespace isp::security
