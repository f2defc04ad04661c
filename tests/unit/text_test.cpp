#include <doctest/doctest.h>

#include <string>

#include "shared/domain/text.h"

using namespace isp;

TEST_CASE("names in any Latin script are clean single-line UTF-8") {
    CHECK(is_clean_utf8_line("Élodie Çakır-Ñúñez Łukasz Øster"));
    CHECK(utf8_length("Élodie") == 6);
}

TEST_CASE("control characters and broken UTF-8 are refused") {
    CHECK_FALSE(is_clean_utf8_line("a\nb"));
    CHECK_FALSE(is_clean_utf8_line("a\tb"));
    CHECK_FALSE(is_clean_utf8_line(std::string("a\0b", 3)));
    CHECK_FALSE(is_clean_utf8_line("\xC3"));         // truncated
    CHECK_FALSE(is_clean_utf8_line("\xC0\xAF"));     // overlong '/'
    CHECK_FALSE(is_clean_utf8_line("\xED\xA0\x80")); // surrogate
    CHECK(trim("  a b \t") == "a b");
}
