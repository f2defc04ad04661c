#include "server/security/random_id.h"

#include <openssl/evp.h>
#include <openssl/rand.h>
#include <stdexcept>

#include "server/security/base32.h"

namespace isp::security {

std::string random_bytes(std::size_t n) {
    std::string out(n, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(n)) != 1)
        throw std::runtime_error("CSPRNG failure");
    return out;
}

std::string to_hex(std::string_view bytes) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char b : bytes) {
        out += digits[b >> 4];
        out += digits[b & 15];
    }
    return out;
}

std::string sha256_hex(std::string_view data) {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_Digest(data.data(), data.size(), md, &len, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("sha256 failure");
    return to_hex(std::string_view(reinterpret_cast<const char*>(md), len));
}

std::string sha256_base64(std::string_view data) {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_Digest(data.data(), data.size(), md, &len, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("sha256 failure");
    unsigned char out[4 * ((EVP_MAX_MD_SIZE + 2) / 3) + 1];
    const int n = EVP_EncodeBlock(out, md, static_cast<int>(len));
    return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
}

std::string new_id(std::string_view prefix, std::size_t n) {
    // Crockford-style alphabet: lower case, no i/l/o/u, easy to read aloud and in URLs.
    return std::string(prefix) + base32_encode(random_bytes(n), "0123456789abcdefghjkmnpqrstvwxyz");
}

} // namespace isp::security
