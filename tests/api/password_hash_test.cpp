// Argon2id password hashes for staff sign-in (issue #12): round trip, PHC format, salts,
// malformed encodings, rehash on parameter change, and a hash made by Debian's argon2 tool.
// Small parameters (8 MiB, one pass) keep these fast; the defaults are timed in bench/security.
#include <doctest/doctest.h>

#include <stdexcept>
#include <string>

#include "server/security/password_hash.h"

using namespace isp::security;

namespace {

const PasswordHashParams test_params{8192, 1, 1};

} // namespace

TEST_CASE("password hash: round trip, wrong password refused") {
    const std::string encoded = hash_password("correct horse battery staple", test_params);
    CHECK(encoded.rfind("$argon2id$v=19$m=8192,t=1,p=1$", 0) == 0);
    // 16-byte salt and 32-byte hash, unpadded base64: 22 and 43 characters.
    const std::string tail = encoded.substr(std::string("$argon2id$v=19$m=8192,t=1,p=1$").size());
    REQUIRE(tail.find('$') == 22);
    CHECK(tail.size() == 22 + 1 + 43);

    CHECK(verify_password(encoded, "correct horse battery staple"));
    CHECK_FALSE(verify_password(encoded, "correct horse battery stapLe"));
    CHECK_FALSE(verify_password(encoded, "correct horse battery staple "));
    CHECK_FALSE(verify_password(encoded, ""));

    // Any bytes: accents, and a NUL that a C string would cut.
    const std::string odd = std::string("\u00e9t\u00e9 \0 F\u00e8s", 12);
    const std::string odd_encoded = hash_password(odd, test_params);
    CHECK(verify_password(odd_encoded, odd));
    CHECK_FALSE(verify_password(odd_encoded, odd.substr(0, odd.find('\0'))));
}

TEST_CASE("password hash: each hash has its own salt") {
    const std::string a = hash_password("same password twice", test_params);
    const std::string b = hash_password("same password twice", test_params);
    CHECK(a != b);
    CHECK(a.substr(0, a.rfind('$')) != b.substr(0, b.rfind('$')));
    CHECK(verify_password(a, "same password twice"));
    CHECK(verify_password(b, "same password twice"));
}

TEST_CASE("password hash: a hash made by Debian's argon2 tool verifies") {
    // echo -n "correct horse battery staple" | argon2 somesalt01234567 -id -t 1 -m 13 -p 1 -l 32 -e
    const std::string reference =
        "$argon2id$v=19$m=8192,t=1,p=1$c29tZXNhbHQwMTIzNDU2Nw$zCIG2DRP+lQ3SKrWK2XqGtXrMJbTSBqb4OBFiFe5zeo";
    CHECK(verify_password(reference, "correct horse battery staple"));
    CHECK_FALSE(verify_password(reference, "correct horse battery stapler"));
    CHECK_FALSE(needs_rehash(reference, test_params));
}

TEST_CASE("password hash: malformed encodings return false") {
    const std::string good = hash_password("correct horse battery staple", test_params);
    REQUIRE(verify_password(good, "correct horse battery staple"));
    const std::string salt_and_hash = good.substr(good.find("$", std::string("$argon2id$v=19$m=8192,t=1,p=1").size()));
    const std::string malformed[] = {
        "",
        "$",
        "correct horse battery staple",
        good.substr(0, good.size() - 1),                                      // hash cut short
        good.substr(0, good.size() - 2) + "!!",                               // not base64
        good + "$",                                                           // trailing field
        good + "AB",                                                          // a length no encoding has
        "$argon2i$v=19$m=8192,t=1,p=1" + salt_and_hash,                       // another variant
        "$argon2d$v=19$m=8192,t=1,p=1" + salt_and_hash,                       // another variant
        "$argon2id$v=16$m=8192,t=1,p=1" + salt_and_hash,                      // another version
        "$argon2id$m=8192,t=1,p=1" + salt_and_hash,                           // no version
        "$argon2id$v=19$m=08192,t=1,p=1" + salt_and_hash,                     // a second spelling of a number
        "$argon2id$v=19$m=8192,t=1,p=1,x=2" + salt_and_hash,                  // an unknown parameter
        "$argon2id$v=19$m=4294967295,t=1,p=1" + salt_and_hash,                // 4 TiB: refused before allocating
        "$argon2id$v=19$m=99999999999,t=1,p=1" + salt_and_hash,               // beyond 32 bits
        "$argon2id$v=19$m=8192,t=1000000,p=1" + salt_and_hash,                // a million passes
        "$argon2id$v=19$m=8192,t=0,p=1" + salt_and_hash,                      // no pass
        "$argon2id$v=19$m=8192,t=1,p=0" + salt_and_hash,                      // no lane
        "$argon2id$v=19$m=8192,t=1,p=1$$" + good.substr(good.rfind('$') + 1), // no salt
        std::string(good).insert(20, 1, '\0'),                                // a NUL inside
    };
    for (const std::string& e : malformed) {
        CAPTURE(e);
        CHECK_FALSE(verify_password(e, "correct horse battery staple"));
        CHECK(needs_rehash(e, test_params));
    }
    // The same hash with its parameters edited: it reads, but no longer verifies.
    CHECK_FALSE(verify_password("$argon2id$v=19$m=8200,t=1,p=1" + salt_and_hash, "correct horse battery staple"));
}

TEST_CASE("password hash: needs_rehash when the parameters change") {
    const std::string encoded = hash_password("correct horse battery staple", test_params);
    CHECK_FALSE(needs_rehash(encoded, test_params));
    CHECK(needs_rehash(encoded, PasswordHashParams{}));
    CHECK(needs_rehash(encoded, PasswordHashParams{16384, 1, 1}));
    CHECK(needs_rehash(encoded, PasswordHashParams{8192, 2, 1}));
    CHECK(needs_rehash(encoded, PasswordHashParams{8192, 1, 2}));
    // A 24-byte hash (made elsewhere) with the right parameters is still replaced.
    const std::string short_hash =
        "$argon2id$v=19$m=8192,t=1,p=1$c29tZXNhbHQwMTIzNDU2Nw$RdescudvJCsgt3ub+b+dWRWJTmaaJObG";
    CHECK(needs_rehash(short_hash, test_params));

    const PasswordHashParams defaults;
    CHECK(defaults.memory_kib == 65536);
    CHECK(defaults.iterations == 3);
    CHECK(defaults.lanes == 1);
}

TEST_CASE("password hash: parameters outside the accepted ranges are refused") {
    CHECK(valid_password_hash_params(PasswordHashParams{}));
    CHECK(valid_password_hash_params(test_params));
    CHECK(valid_password_hash_params(PasswordHashParams{1u << 20, 64, 16}));
    CHECK_FALSE(valid_password_hash_params(PasswordHashParams{127, 1, 16})); // under 8 KiB a lane
    CHECK_FALSE(valid_password_hash_params(PasswordHashParams{8192, 65, 1}));
    CHECK_FALSE(valid_password_hash_params(PasswordHashParams{8192, 1, 17}));
    CHECK_THROWS_AS(hash_password("x", PasswordHashParams{8192, 0, 1}), std::invalid_argument);
    CHECK_THROWS_AS(hash_password("x", PasswordHashParams{8192, 1, 0}), std::invalid_argument);
    CHECK_THROWS_AS(hash_password("x", PasswordHashParams{4, 1, 1}), std::invalid_argument);
    CHECK_THROWS_AS(hash_password("x", PasswordHashParams{(1u << 20) + 1, 1, 1}), std::invalid_argument);
}
