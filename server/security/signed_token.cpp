#include "server/security/signed_token.h"

#include <charconv>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <stdexcept>

namespace isp::security {

std::string base64url(std::string_view bytes) {
    static constexpr char table[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string out;
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) |
                           (static_cast<unsigned char>(bytes[i + 1]) << 8) | static_cast<unsigned char>(bytes[i + 2]);
        out += table[(v >> 18) & 63];
        out += table[(v >> 12) & 63];
        out += table[(v >> 6) & 63];
        out += table[v & 63];
    }
    if (i + 1 == bytes.size()) {
        const unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
        out += table[(v >> 18) & 63];
        out += table[(v >> 12) & 63];
    } else if (i + 2 == bytes.size()) {
        const unsigned v =
            (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8);
        out += table[(v >> 18) & 63];
        out += table[(v >> 12) & 63];
        out += table[(v >> 6) & 63];
    }
    return out;
}

std::string TokenSigner::mac(std::string_view purpose, std::string_view subject, std::int64_t expires) const {
    std::string message;
    message.reserve(purpose.size() + subject.size() + 24);
    message.append(purpose).append("|").append(subject).append("|").append(std::to_string(expires));
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (!HMAC(EVP_sha256(), secret_.data(), static_cast<int>(secret_.size()),
              reinterpret_cast<const unsigned char*>(message.data()), message.size(), md, &len))
        throw std::runtime_error("HMAC failure");
    return base64url(std::string_view(reinterpret_cast<const char*>(md), len));
}

std::string TokenSigner::sign(std::string_view purpose, std::string_view subject, std::int64_t expires) const {
    return std::to_string(expires) + "." + mac(purpose, subject, expires);
}

TokenSigner::Check TokenSigner::verify(std::string_view token, std::string_view purpose, std::string_view subject,
                                       std::int64_t now) const {
    const auto dot = token.find('.');
    if (dot == std::string_view::npos || dot == 0 || dot > 12)
        return Check::Invalid;
    std::int64_t expires = 0;
    const auto [end, ec] = std::from_chars(token.data(), token.data() + dot, expires);
    // One spelling only: the expiry exactly as sign() writes it (no sign, no leading zero).
    if (ec != std::errc() || end != token.data() + dot || expires <= 0 ||
        token.substr(0, dot) != std::to_string(expires))
        return Check::Invalid;
    const std::string expected = mac(purpose, subject, expires);
    const std::string_view given = token.substr(dot + 1);
    if (given.size() != expected.size() || CRYPTO_memcmp(given.data(), expected.data(), expected.size()) != 0)
        return Check::Invalid;
    return now < expires ? Check::Valid : Check::Expired;
}

} // namespace isp::security
