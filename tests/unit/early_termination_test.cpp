// The early termination amount (shared/billing/early_termination.h): whole months left of
// the commitment, the operator's rules and their text.
#include <doctest/doctest.h>

#include "shared/billing/early_termination.h"

using namespace isp;

namespace {
Date d(int y, int m, int day) {
    return Date{y, m, day};
}
const Money monthly{9900, "MAD"};
const EarlyTerminationRule remaining{EarlyTerminationRule::Kind::RemainingMonths, 0};
} // namespace

TEST_CASE("remaining whole months: from the termination date to the commitment's last day") {
    // Commitment 2026-08-23 .. 2027-08-22.
    CHECK(remaining_whole_months(d(2026, 12, 15), d(2027, 8, 22)) == 8);
    CHECK(remaining_whole_months(d(2026, 12, 23), d(2027, 8, 22)) == 8); // to 2027-08-23 exactly
    CHECK(remaining_whole_months(d(2026, 12, 24), d(2027, 8, 22)) == 7);
    CHECK(remaining_whole_months(d(2027, 8, 22), d(2027, 8, 22)) == 0);
    CHECK(remaining_whole_months(d(2027, 8, 23), d(2027, 8, 22)) == 0);
    CHECK(remaining_whole_months(d(2028, 1, 1), d(2027, 8, 22)) == 0);
    // Month ends: from 31 January, one month later is 28 February.
    CHECK(remaining_whole_months(d(2027, 1, 31), d(2027, 2, 27)) == 1);
    CHECK(remaining_whole_months(d(2027, 1, 31), d(2027, 2, 26)) == 0);
}

TEST_CASE("the amount: whole months times the monthly price, none after the end or without commitment") {
    CHECK(early_termination_amount(remaining, d(2026, 12, 15), d(2027, 8, 22), monthly) == Money{79200, "MAD"});
    CHECK(early_termination_amount(remaining, d(2027, 8, 23), d(2027, 8, 22), monthly) == Money{0, "MAD"});
    CHECK(early_termination_amount(remaining, d(2026, 12, 15), std::nullopt, monthly) == Money{0, "MAD"});
    const EarlyTerminationRule none{EarlyTerminationRule::Kind::None, 0};
    CHECK(early_termination_amount(none, d(2026, 12, 15), d(2027, 8, 22), monthly).amount_minor == 0);
    const EarlyTerminationRule fixed{EarlyTerminationRule::Kind::Fixed, 50000};
    CHECK(early_termination_amount(fixed, d(2026, 12, 15), d(2027, 8, 22), monthly).amount_minor == 50000);
    CHECK(early_termination_amount(fixed, d(2027, 8, 22), d(2027, 8, 22), monthly).amount_minor == 50000);
    CHECK(early_termination_amount(fixed, d(2027, 8, 23), d(2027, 8, 22), monthly).amount_minor == 0);
}

TEST_CASE("the rule's text: what --early-termination-rule accepts") {
    CHECK(parse_early_termination_rule("remaining-months") == remaining);
    CHECK(parse_early_termination_rule("none")->kind == EarlyTerminationRule::Kind::None);
    CHECK(parse_early_termination_rule("fixed:15000")->fixed_minor == 15000);
    CHECK(parse_early_termination_rule("fixed:0")->fixed_minor == 0);
    for (const char* bad : {"", "fixed:", "fixed:-1", "fixed:12a", "fixed:1.5", "remaining", "Fixed:10"})
        CHECK_MESSAGE(!parse_early_termination_rule(bad), bad);
    for (const char* text : {"remaining-months", "none", "fixed:50000"})
        CHECK(to_string(*parse_early_termination_rule(text)) == text);
}
