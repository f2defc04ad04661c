#include <doctest/doctest.h>

#include "shared/domain/date.h"

using isp::Date;
using isp::parse_iso_date;

TEST_CASE("ISO dates parse strictly and print back") {
    CHECK(parse_iso_date("2026-02-20") == Date{2026, 2, 20});
    CHECK(parse_iso_date("2024-02-29") == Date{2024, 2, 29});
    CHECK_FALSE(parse_iso_date("2026-02-29")); // not a leap year
    CHECK_FALSE(parse_iso_date("2026-13-01"));
    CHECK_FALSE(parse_iso_date("2026-1-01"));
    CHECK_FALSE(parse_iso_date("20/02/2026"));
    CHECK_FALSE(parse_iso_date("2026-02-20T00:00:00Z"));
    CHECK(Date{2026, 2, 5}.to_iso() == "2026-02-05");
}

TEST_CASE("day arithmetic round-trips through days since the epoch") {
    CHECK(Date{1970, 1, 1}.to_days() == 0);
    CHECK(Date{2000, 3, 1}.to_days() - Date{2000, 2, 28}.to_days() == 2);
    for (std::int64_t d = -1000; d < 30000; d += 37)
        CHECK(Date::from_days(d).to_days() == d);
    CHECK(Date{2026, 12, 31}.plus_days(1) == Date{2027, 1, 1});
    CHECK(isp::days_between(Date{2026, 1, 1}, Date{2026, 3, 1}) == 59);
}

TEST_CASE("adding months clamps to the end of shorter months") {
    CHECK(Date{2026, 1, 31}.plus_months(1) == Date{2026, 2, 28});
    CHECK(Date{2024, 1, 31}.plus_months(1) == Date{2024, 2, 29});
    CHECK(Date{2026, 11, 15}.plus_months(3) == Date{2027, 2, 15});
    CHECK(Date{2026, 3, 15}.plus_months(-3) == Date{2025, 12, 15});
}
