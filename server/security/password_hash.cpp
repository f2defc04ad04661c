// Argon2id password hashes as PHC strings (see password_hash.h).
#include "server/security/password_hash.h"

#include <argon2.h>
#include <charconv>
#include <cstring>
#include <optional>
#include <stdexcept>

#include "server/security/random_id.h"

namespace isp::security {
namespace {

constexpr std::size_t salt_bytes = 16;
constexpr std::size_t hash_bytes = 32;
constexpr std::uint32_t max_memory_kib = 1u << 20; // 1 GiB
constexpr std::uint32_t max_iterations = 64;
constexpr std::uint32_t max_lanes = 16;

bool params_in_range(std::uint32_t memory_kib, std::uint32_t iterations, std::uint32_t lanes) {
    return lanes >= 1 && lanes <= max_lanes && iterations >= 1 && iterations <= max_iterations &&
           memory_kib >= 8 * lanes && memory_kib <= max_memory_kib;
}

// What a PHC string says, read strictly: only "$argon2id$v=19$m=M,t=T,p=P$salt$hash" with
// decimal numbers as libargon2 writes them and unpadded standard base64. Checked before
// libargon2 sees it, so a damaged row cannot make it allocate a huge block or run for long.
struct Encoded {
    PasswordHashParams params;
    std::size_t salt_bytes = 0;
    std::size_t hash_bytes = 0;
};

class Reader {
public:
    explicit Reader(std::string_view text) : rest_(text) {}

    bool literal(std::string_view expected) {
        if (rest_.substr(0, expected.size()) != expected)
            return false;
        rest_.remove_prefix(expected.size());
        return true;
    }

    std::optional<std::uint32_t> number() {
        std::size_t n = 0;
        while (n < rest_.size() && rest_[n] >= '0' && rest_[n] <= '9')
            ++n;
        if (n == 0 || (n > 1 && rest_[0] == '0'))
            return std::nullopt; // one spelling only: no leading zero
        std::uint32_t value = 0;
        const auto [end, ec] = std::from_chars(rest_.data(), rest_.data() + n, value);
        if (ec != std::errc{})
            return std::nullopt; // beyond 32 bits
        rest_.remove_prefix(n);
        return value;
    }

    // Decoded length of an unpadded base64 field running to the next '$' or the end.
    std::optional<std::size_t> base64_field() {
        std::size_t n = 0;
        while (n < rest_.size() && rest_[n] != '$') {
            const char c = rest_[n];
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/'))
                return std::nullopt;
            ++n;
        }
        if (n % 4 == 1)
            return std::nullopt; // no byte count encodes to that length
        rest_.remove_prefix(n);
        return n / 4 * 3 + (n % 4 == 0 ? 0 : n % 4 - 1);
    }

    bool at_end() const { return rest_.empty(); }

private:
    std::string_view rest_;
};

std::optional<Encoded> parse(std::string_view text) {
    Reader r(text);
    Encoded e;
    if (!r.literal("$argon2id$v=19$m="))
        return std::nullopt;
    const auto m = r.number();
    if (!m || !r.literal(",t="))
        return std::nullopt;
    const auto t = r.number();
    if (!t || !r.literal(",p="))
        return std::nullopt;
    const auto p = r.number();
    if (!p || !r.literal("$"))
        return std::nullopt;
    const auto salt = r.base64_field();
    if (!salt || !r.literal("$"))
        return std::nullopt;
    const auto hash = r.base64_field();
    if (!hash || !r.at_end())
        return std::nullopt;
    if (!params_in_range(*m, *t, *p) || *salt < ARGON2_MIN_SALT_LENGTH || *salt > 64 || *hash < 16 || *hash > 64)
        return std::nullopt;
    e.params = {*m, *t, *p};
    e.salt_bytes = *salt;
    e.hash_bytes = *hash;
    return e;
}

} // namespace

bool valid_password_hash_params(const PasswordHashParams& params) {
    return params_in_range(params.memory_kib, params.iterations, params.lanes);
}

std::string hash_password(std::string_view password, const PasswordHashParams& params) {
    if (!valid_password_hash_params(params))
        throw std::invalid_argument("Argon2id parameters out of range");
    const std::string salt = random_bytes(salt_bytes);
    std::string encoded(
        argon2_encodedlen(params.iterations, params.memory_kib, params.lanes, salt_bytes, hash_bytes, Argon2_id), '\0');
    const int rc =
        argon2id_hash_encoded(params.iterations, params.memory_kib, params.lanes, password.data(), password.size(),
                              salt.data(), salt.size(), hash_bytes, encoded.data(), encoded.size());
    if (rc != ARGON2_OK)
        throw std::runtime_error(std::string("Argon2id hashing failed: ") + argon2_error_message(rc));
    encoded.resize(std::strlen(encoded.c_str())); // argon2_encodedlen counts the terminating NUL
    return encoded;
}

bool verify_password(std::string_view encoded, std::string_view password) {
    if (!parse(encoded))
        return false;
    // libargon2 wants a NUL-terminated string; parse() has made sure there is no NUL inside.
    const std::string terminated(encoded);
    return argon2id_verify(terminated.c_str(), password.data(), password.size()) == ARGON2_OK;
}

bool needs_rehash(std::string_view encoded, const PasswordHashParams& params) {
    const auto e = parse(encoded);
    return !e || e->params.memory_kib != params.memory_kib || e->params.iterations != params.iterations ||
           e->params.lanes != params.lanes || e->salt_bytes != salt_bytes || e->hash_bytes != hash_bytes;
}

} // namespace isp::security
