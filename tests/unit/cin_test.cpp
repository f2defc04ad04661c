#include <doctest/doctest.h>

#include "shared/domain/cin.h"

using isp::normalize_cin;

TEST_CASE("a CIN is one or two letters then 3 to 6 digits, normalised to upper case without spaces") {
    CHECK(normalize_cin("AB123456") == "AB123456");
    CHECK(normalize_cin("ab 123 456") == "AB123456");
    CHECK(normalize_cin(" j-123456 ") == "J123456");
    CHECK(normalize_cin("x12345") == "X12345");
    CHECK(normalize_cin("BK.654") == "BK654");
}

TEST_CASE("anything else is not a CIN") {
    CHECK_FALSE(normalize_cin(""));
    CHECK_FALSE(normalize_cin("123456"));    // no letter
    CHECK_FALSE(normalize_cin("ABC123456")); // three letters
    CHECK_FALSE(normalize_cin("AB12"));      // two digits
    CHECK_FALSE(normalize_cin("AB1234567")); // seven digits
    CHECK_FALSE(normalize_cin("A1B23456"));  // letter among digits
    CHECK_FALSE(normalize_cin("ÉB123456"));  // non-ASCII letter
    CHECK_FALSE(normalize_cin("AB123456;--"));
}
