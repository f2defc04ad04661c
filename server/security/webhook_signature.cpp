#include "server/security/webhook_signature.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <stdexcept>

#include "server/security/random_id.h"

namespace isp::security {

std::string webhook_signature(std::string_view secret, std::int64_t unix_time, std::string_view body) {
    const std::string t = std::to_string(unix_time);
    std::string message;
    message.reserve(t.size() + 1 + body.size());
    message.append(t).append(".").append(body);
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
              reinterpret_cast<const unsigned char*>(message.data()), message.size(), mac, &length))
        throw std::runtime_error("HMAC-SHA256 failure");
    return "t=" + t + ",v1=" + to_hex(std::string_view(reinterpret_cast<const char*>(mac), length));
}

std::string new_webhook_secret() {
    return "whsec_" + to_hex(random_bytes(32));
}

} // namespace isp::security
