#include "server/security/webhook_signature.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <stdexcept>

#include "server/security/random_id.h"

namespace isp::security {

namespace {

std::string hmac_hex(std::string_view secret, std::string_view message) {
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
              reinterpret_cast<const unsigned char*>(message.data()), message.size(), mac, &length))
        throw std::runtime_error("HMAC-SHA256 failure");
    return to_hex(std::string_view(reinterpret_cast<const char*>(mac), length));
}

} // namespace

std::string webhook_signature(std::string_view secret, std::int64_t unix_time, std::string_view body,
                              std::string_view previous_secret) {
    const std::string t = std::to_string(unix_time);
    std::string message;
    message.reserve(t.size() + 1 + body.size());
    message.append(t).append(".").append(body);
    std::string signature = "t=" + t + ",v1=" + hmac_hex(secret, message);
    if (!previous_secret.empty())
        signature += ",v1=" + hmac_hex(previous_secret, message);
    return signature;
}

std::string new_webhook_secret() {
    return "whsec_" + to_hex(random_bytes(32));
}

} // namespace isp::security
