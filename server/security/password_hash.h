// Password hashing for staff sign-in: Argon2id (RFC 9106) through Debian's libargon2, stored
// as a PHC string that carries its own salt and parameters, so the parameters can be raised
// later and old hashes still verify (and are rehashed at the next sign-in).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace isp::security {

// The default is RFC 9106's second recommended option (64 MiB, 3 passes) with one lane
// instead of four: a sign-in then keeps one core busy, not four, on a server that has two
// (about 0.36 s of it on the 2-core machine, against 22 ms at OWASP's minimum of 19 MiB and
// 2 passes: bench/security/password_hash_bench). Accepted ranges: memory_kib 8 * lanes ..
// 1048576 (1 GiB), iterations 1..64, lanes 1..16; the same bounds keep a corrupted stored
// hash from asking verify_password for unbounded memory or time.
struct PasswordHashParams {
    std::uint32_t memory_kib = 65536;
    std::uint32_t iterations = 3;
    std::uint32_t lanes = 1;
};

// Whether `params` are within the accepted ranges above (check configured values at start).
bool valid_password_hash_params(const PasswordHashParams& params);

// PHC string "$argon2id$v=19$m=65536,t=3,p=1$<salt>$<hash>": 16-byte random salt, 32-byte
// hash, both unpadded standard base64. Throws std::invalid_argument for parameters outside
// the accepted ranges, std::runtime_error if libargon2 fails (memory).
std::string hash_password(std::string_view password, const PasswordHashParams& params);

// False for a wrong password and for anything malformed: another algorithm or version,
// parameters outside the accepted ranges, bad base64 (never throws on bad input). The
// comparison is libargon2's constant-time one.
bool verify_password(std::string_view encoded, std::string_view password);

// True when `encoded` was made with other parameters than `params`, or another salt or hash
// length, or cannot be read: rehash at the next sign-in, once the password has verified.
bool needs_rehash(std::string_view encoded, const PasswordHashParams& params);

} // namespace isp::security
