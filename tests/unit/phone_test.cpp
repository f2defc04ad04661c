#include <doctest/doctest.h>

#include "shared/domain/phone.h"

using namespace isp;

TEST_CASE("Moroccan numbers are normalised to E.164 whatever way they are typed") {
    CHECK(normalize_phone("06 12 34 56 78")->e164 == "+212612345678");
    CHECK(normalize_phone("+212 612-345678")->e164 == "+212612345678");
    CHECK(normalize_phone("00212612345678")->e164 == "+212612345678");
    CHECK(normalize_phone("0712345678")->kind == PhoneKind::Mobile);
    CHECK(normalize_phone("05 22 44 55 66")->kind == PhoneKind::Landline);
}

TEST_CASE("other numbers are refused") {
    CHECK_FALSE(normalize_phone(""));
    CHECK_FALSE(normalize_phone("0612"));
    CHECK_FALSE(normalize_phone("0812345678"));   // no such prefix
    CHECK_FALSE(normalize_phone("+33612345678")); // not Moroccan
    CHECK_FALSE(normalize_phone("06123456789"));  // 11 digits
    CHECK_FALSE(normalize_phone("06 12 34 56 7a"));
    CHECK_FALSE(normalize_phone("+2126+12345678"));
}
