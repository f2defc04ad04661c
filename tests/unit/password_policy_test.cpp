// The new-password rule of shared/staff (issue #12): length in code points, the byte limit,
// the bundled common-password list, one repeated character, invalid UTF-8, the messages.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "shared/staff/common_passwords.h"
#include "shared/staff/password_policy.h"

using namespace isp;

namespace {

// The one code a password gets, or "" when it is accepted.
std::string problem(std::string_view password) {
    const FieldErrors errors = check_new_password(password, Language::English);
    REQUIRE(errors.size() <= 1);
    if (errors.empty())
        return "";
    CHECK(errors[0].field == "password");
    CHECK_FALSE(errors[0].message.empty());
    return errors[0].code;
}

} // namespace

TEST_CASE("password policy: length counted in code points, bounded in bytes") {
    CHECK(problem("") == "required");
    CHECK(problem("tiger-moth9") == "password_too_short"); // 11
    CHECK(problem("tiger-moth92") == "");                  // 12
    // 12 code points, 16 bytes: each accented letter counts once.
    const std::string accented = "\u00e9t\u00e9 \u00e0 F\u00e8s 26";
    REQUIRE(accented.size() == 16);
    CHECK(problem(accented) == "");
    CHECK(problem("\u00e9t\u00e9 \u00e0 F\u00e8s 2") == "password_too_short"); // 11 code points, 15 bytes

    CHECK(problem(std::string(max_password_bytes, 'x') + "y") == "password_too_long");
    // 256 bytes is still allowed: 128 two-byte letters.
    std::string at_limit;
    for (int i = 0; i < 64; ++i)
        at_limit += "\u00e9\u00e8";
    REQUIRE(at_limit.size() == max_password_bytes);
    CHECK(problem(at_limit) == "");
    CHECK(problem(at_limit + "a") == "password_too_long");
}

TEST_CASE("password policy: common passwords refused in any ASCII case") {
    CHECK(is_common_password("password1234"));
    CHECK(is_common_password("PassWord1234"));
    CHECK(is_common_password("1QAZ2WSX3EDC"));
    CHECK(is_common_password("qwertyuiop123"));
    CHECK_FALSE(is_common_password("password12345678x"));
    CHECK_FALSE(is_common_password(""));
    CHECK(problem("Password1234") == "password_too_common");
    CHECK(problem("QwertyUiop123") == "password_too_common");
    // Short entries of the list are caught by the length rule first.
    CHECK(is_common_password("qwertyuiop"));
    CHECK(problem("qwertyuiop") == "password_too_short");
}

TEST_CASE("password policy: the bundled list is sorted, lower-case and of the expected size") {
    const auto list = common_password_list();
    CHECK(list.size() > 1000);
    CHECK(std::adjacent_find(list.begin(), list.end(), [](auto a, auto b) { return a >= b; }) == list.end());
    for (std::string_view entry : list) {
        CHECK(entry.size() >= 10);
        CHECK(std::none_of(entry.begin(), entry.end(), [](char c) { return c >= 'A' && c <= 'Z'; }));
    }
}

TEST_CASE("password policy: one character repeated is too common") {
    CHECK(problem(std::string(20, 'a')) == "password_too_common");
    CHECK(problem("aAaAaAaAaAaA") == "password_too_common");
    CHECK(problem(std::string(12, ' ')) == "password_too_common");
    std::string accents;
    for (int i = 0; i < 12; ++i)
        accents += "\u00e9";
    CHECK(problem(accents) == "password_too_common");
    CHECK(problem("aaaaaaaaaaab") == ""); // two different characters: the list decides, and it has not this one
}

TEST_CASE("password policy: invalid UTF-8 is refused") {
    CHECK(problem("correct horse \xC3") == "invalid_text");                 // truncated sequence
    CHECK(problem("correct horse \xC0\xAF battery") == "invalid_text");     // overlong '/'
    CHECK(problem("correct horse \xED\xA0\x80 battery") == "invalid_text"); // surrogate
}

TEST_CASE("password policy: a passphrase passes, messages follow the language and field") {
    CHECK(check_new_password("correct horse battery staple", Language::French).empty());
    CHECK(check_new_password("Tajine aux pruneaux, 3 fois par semaine", Language::English).empty());

    const FieldErrors fr = check_new_password("court", Language::French, "new_password");
    const FieldErrors en = check_new_password("court", Language::English, "new_password");
    REQUIRE(fr.size() == 1);
    REQUIRE(en.size() == 1);
    CHECK(fr[0].field == "new_password");
    CHECK(fr[0].code == "password_too_short");
    CHECK(en[0].code == "password_too_short");
    CHECK(en[0].message == "The password must be at least 12 characters long.");
    CHECK(fr[0].message != en[0].message);
    CHECK(fr[0].message.find("12 caract\u00e8res") != std::string::npos);

    const FieldErrors common_fr = check_new_password("password1234", Language::French);
    REQUIRE(common_fr.size() == 1);
    CHECK(common_fr[0].message.find("courant") != std::string::npos);
    const FieldErrors long_fr = check_new_password(std::string(300, 'z') + "q", Language::French);
    REQUIRE(long_fr.size() == 1);
    CHECK(long_fr[0].message.find("trop long") != std::string::npos);
}
