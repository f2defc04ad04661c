// Signed, expiring tokens bound to one thing (a contract document version, an invoice's
// document, a client's lookup session). token = "<expires_unix>.<base64url(HMAC-SHA256(secret,
// purpose|subject|expires))>": nothing to store, nothing to look up, and a token for
// one document cannot open another because the subject is inside the MAC.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace isp::security {

class TokenSigner {
public:
    explicit TokenSigner(std::string secret) : secret_(std::move(secret)) {}

    std::string sign(std::string_view purpose, std::string_view subject, std::int64_t expires_unix) const;

    enum class Check { Valid, Expired, Invalid };
    // Constant-time comparison; Invalid for anything malformed, forged or truncated.
    Check verify(std::string_view token, std::string_view purpose, std::string_view subject,
                 std::int64_t now_unix) const;

private:
    std::string mac(std::string_view purpose, std::string_view subject, std::int64_t expires_unix) const;
    std::string secret_;
};

std::string base64url(std::string_view bytes);

} // namespace isp::security
