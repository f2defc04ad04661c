// TOTP for staff sign-in (issue #12): the RFC 6238 and RFC 4226 test vectors, the window of
// accepted steps, one use per step, malformed codes, base32 (RFC 4648), the otpauth URI
// and its QR code (libqrencode: level M, 8-bit mode), decoded back with zbarimg.
#include <doctest/doctest.h>

#include <stdexcept>
#include <string>

#include "../support/qr_decode.h"
#include "server/security/qr_code.h"
#include "server/security/totp.h"

using namespace isp::security;

namespace {

const std::string rfc_key = "12345678901234567890"; // RFC 4226 and RFC 6238 (SHA-1)

} // namespace

TEST_CASE("totp: RFC 6238 Appendix B SHA-1 vectors, 8 digits") {
    struct Vector {
        std::int64_t time;
        std::int64_t step;
        const char* code;
    };
    const Vector vectors[] = {
        {59, 0x1, "94287082"},
        {1111111109, 0x23523EC, "07081804"},
        {1111111111, 0x23523ED, "14050471"},
        {1234567890, 0x273EF07, "89005924"},
        {2000000000, 0x3F940AA, "69279037"},
        {20000000000, 0x27BC86AA, "65353130"},
    };
    for (const Vector& v : vectors) {
        CAPTURE(v.time);
        CHECK(hotp_code(rfc_key, static_cast<std::uint64_t>(v.step), 8) == v.code);
        CHECK(match_totp(rfc_key, v.code, v.time, std::nullopt, 0, 8) == v.step);
    }
}

TEST_CASE("totp: RFC 4226 Appendix D HOTP values") {
    const char* expected[] = {"755224", "287082", "359152", "969429", "338314",
                              "254676", "287922", "162583", "399871", "520489"};
    for (std::uint64_t counter = 0; counter < 10; ++counter) {
        CAPTURE(counter);
        CHECK(hotp_code(rfc_key, counter) == expected[counter]);
    }
    CHECK_THROWS_AS(hotp_code(rfc_key, 0, 5), std::invalid_argument);
    CHECK_THROWS_AS(hotp_code(rfc_key, 0, 9), std::invalid_argument);
}

TEST_CASE("totp: codes one step away are accepted, two steps away refused") {
    const std::int64_t t = 1111111109; // step 37037036, code 07081804 (8 digits)
    const std::int64_t step = t / 30;
    CHECK(match_totp(rfc_key, "07081804", t + 30, std::nullopt, 1, 8) == step); // the phone's clock is behind
    CHECK(match_totp(rfc_key, "07081804", t - 30, std::nullopt, 1, 8) == step); // ahead
    CHECK(match_totp(rfc_key, "07081804", t + 60, std::nullopt, 1, 8) == std::nullopt);
    CHECK(match_totp(rfc_key, "07081804", t - 60, std::nullopt, 1, 8) == std::nullopt);
    CHECK(match_totp(rfc_key, "07081804", t + 60, std::nullopt, 2, 8) == step); // a wider window reaches it
    CHECK(match_totp(rfc_key, "07081804", t + 30, std::nullopt, 0, 8) == std::nullopt);

    // Six digits, the default: the code of each step around now, by hotp_code.
    const std::int64_t now = 1795428000;
    const std::int64_t now_step = now / 30;
    for (std::int64_t offset = -2; offset <= 2; ++offset) {
        CAPTURE(offset);
        const std::string code = hotp_code(rfc_key, static_cast<std::uint64_t>(now_step + offset));
        if (offset >= -1 && offset <= 1)
            CHECK(match_totp(rfc_key, code, now, std::nullopt) == now_step + offset);
        else
            CHECK(match_totp(rfc_key, code, now, std::nullopt) == std::nullopt);
    }
    CHECK(match_totp("another key, 20 byte", hotp_code(rfc_key, static_cast<std::uint64_t>(now_step)), now,
                     std::nullopt) == std::nullopt);
}

TEST_CASE("totp: a code is used once (last_used_step)") {
    const std::int64_t now = 1795428000;
    const std::int64_t step = now / 30;
    const std::string code = hotp_code(rfc_key, static_cast<std::uint64_t>(step));
    const auto first = match_totp(rfc_key, code, now, std::nullopt);
    REQUIRE(first == step);
    CHECK(match_totp(rfc_key, code, now, first) == std::nullopt);      // replayed at once
    CHECK(match_totp(rfc_key, code, now + 29, first) == std::nullopt); // or later in the window
    // An older code, still in the window, cannot follow a newer one either.
    const std::string previous = hotp_code(rfc_key, static_cast<std::uint64_t>(step - 1));
    CHECK(match_totp(rfc_key, previous, now, first) == std::nullopt);
    // The next step's code is fresh.
    const std::string next = hotp_code(rfc_key, static_cast<std::uint64_t>(step + 1));
    CHECK(match_totp(rfc_key, next, now + 30, first) == step + 1);
}

TEST_CASE("totp: malformed codes never match") {
    const std::int64_t now = 1795428000;
    const std::string good = hotp_code(rfc_key, static_cast<std::uint64_t>(now / 30));
    REQUIRE(match_totp(rfc_key, good, now, std::nullopt).has_value());
    for (const std::string& bad :
         {std::string("12345"), std::string("12a456"), std::string("1234567"), good.substr(0, 5), good + "0",
          " " + good.substr(1), good.substr(0, 5) + " ", std::string(), std::string("\xEF\xBC\x91") + good.substr(1)}) {
        CAPTURE(bad);
        CHECK(match_totp(rfc_key, bad, now, std::nullopt) == std::nullopt);
    }
    CHECK(match_totp(rfc_key, good, now, std::nullopt, 1, 5) == std::nullopt); // digits out of range: no throw
}

TEST_CASE("totp: base32 round trip and RFC 4648 vectors") {
    const std::pair<const char*, const char*> vectors[] = {
        {"", ""},
        {"f", "MY"},
        {"fo", "MZXQ"},
        {"foo", "MZXW6"},
        {"foob", "MZXW6YQ"},
        {"fooba", "MZXW6YTB"},
        {"foobar", "MZXW6YTBOI"},
    };
    for (const auto& [plain, encoded] : vectors) {
        CAPTURE(plain);
        CHECK(base32_encode(plain) == encoded);
        CHECK(base32_decode(encoded) == std::string(plain));
    }
    // As RFC 4648 writes them (padded), in lower case, in groups of four.
    CHECK(base32_decode("MZXW6YTBOI======") == std::string("foobar"));
    CHECK(base32_decode("mzxw6ytboi") == std::string("foobar"));
    CHECK(base32_decode("MZXW 6YTB OI") == std::string("foobar"));
    CHECK(base32_decode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ") == rfc_key);

    std::string all_bytes;
    for (int b = 0; b < 256; ++b)
        all_bytes += static_cast<char>(b);
    for (std::size_t n = 0; n <= all_bytes.size(); n += 17) {
        const std::string bytes = all_bytes.substr(0, n);
        CHECK(base32_decode(base32_encode(bytes)) == bytes);
    }

    CHECK(base32_decode("MZXW1") == std::nullopt); // '1' is not in the alphabet
    CHECK(base32_decode("MZXW-6YTB") == std::nullopt);
    CHECK(base32_decode("MZXW6\n") == std::nullopt);
    CHECK(base32_decode("M") == std::nullopt); // a lost character: no encoding is that long
    CHECK(base32_decode("MZX") == std::nullopt);
    CHECK(base32_decode("MZXW6Y") == std::nullopt);
}

TEST_CASE("totp: otpauth URI for authenticator apps") {
    CHECK(otpauth_uri("ISP Portal", "amina el idrissi@example.ma", "JBSWY3DPEHPK3PXP") ==
          "otpauth://totp/ISP%20Portal:amina%20el%20idrissi%40example.ma?secret=JBSWY3DPEHPK3PXP"
          "&issuer=ISP%20Portal&algorithm=SHA1&digits=6&period=30");
    CHECK(otpauth_uri("T\u00e9l\u00e9com:Sud", "a.b-c_d~e", "MZXW6") ==
          "otpauth://totp/T%C3%A9l%C3%A9com%3ASud:a.b-c_d~e?secret=MZXW6"
          "&issuer=T%C3%A9l%C3%A9com%3ASud&algorithm=SHA1&digits=6&period=30");
}

TEST_CASE("qr code: an enrolment URI at level M in 8-bit mode, read back by zbarimg byte for byte") {
    const std::string uri =
        otpauth_uri("Atlas T\u00e9l\u00e9com", "nadia.alami@example.ma", base32_encode(std::string(20, '\x5a')));
    const isp::QrCode qr = qr_code(uri);
    // The smallest version whose level-M capacity in 8-bit mode holds the URI's bytes
    // (ISO/IEC 18004 table 7, versions 1 to 10): any other size means another mode or level.
    const std::size_t byte_capacity_m[] = {14, 26, 42, 62, 84, 106, 122, 152, 180, 213};
    int version = 1;
    while (version <= 10 && byte_capacity_m[version - 1] < uri.size())
        ++version;
    REQUIRE(version <= 10);
    CHECK(qr.size == 17 + 4 * version);
    REQUIRE(qr.rows.size() == static_cast<std::size_t>(qr.size));
    for (const std::string& row : qr.rows)
        CHECK(row.size() == static_cast<std::size_t>(qr.size));
    CHECK(isp::test::has_finder_patterns(qr));
    CHECK(isp::test::decode_qr(qr, "qr-code-enrolment") == uri);
}

TEST_CASE("qr code: the smallest version that holds the text; too long a text throws") {
    CHECK(qr_code("otpauth://x").size == 21);                             // 11 bytes: version 1 (14 at level M)
    CHECK(qr_code("otpauth://totp/x").size == 25);                        // 16 bytes: version 2
    CHECK_THROWS_AS(qr_code(std::string(3000, 'a')), std::runtime_error); // version 40 holds 2,331
}
