// Monthly proration (shared/billing/proration): the lines and amounts one contract is
// billed for in one period, and the rounding rule.
#include <doctest/doctest.h>

#include <map>

#include "shared/billing/proration.h"

using namespace isp;

namespace {

Offer offer(const std::string& id, std::int64_t monthly, BasisPoints tax = 2000) {
    Offer o;
    o.offer_id = id;
    o.name = id;
    o.monthly_price = {monthly, "MAD"};
    o.tax_rate_bp = tax;
    return o;
}

const std::map<std::string, Offer> catalog = {{"base", offer("base", 9900)},
                                              {"plus", offer("plus", 14900)},
                                              {"free", offer("free", 0)},
                                              {"odd", offer("odd", 10001, 1000)}};

const Offer* lookup(const std::string& id) {
    const auto it = catalog.find(id);
    return it == catalog.end() ? nullptr : &it->second;
}

Date d(int y, int m, int day) {
    return {y, m, day};
}

StatusChange active(Date from) {
    return {ContractStatus::Active, from};
}

} // namespace

TEST_CASE("billing periods parse strictly as YYYY-MM") {
    CHECK(parse_billing_period("2026-03") == BillingPeriod{2026, 3});
    CHECK(parse_billing_period("2026-03")->to_string() == "2026-03");
    CHECK(parse_billing_period("2026-02")->days() == 28);
    CHECK(parse_billing_period("2028-02")->days() == 29);
    for (const char* bad : {"", "2026-3", "2026-13", "2026-00", "26-03", "2026/03", "2026-03-01", "abcd-ef", "1969-12"})
        CHECK_MESSAGE(!parse_billing_period(bad), bad);
}

TEST_CASE("rounding: half up in minor units; a whole month is the monthly price") {
    CHECK(prorate_amount(9900, 31, 31) == 9900);
    CHECK(prorate_amount(9900, 30, 30) == 9900);
    CHECK(prorate_amount(9900, 28, 28) == 9900);
    CHECK(prorate_amount(9900, 15, 30) == 4950);
    CHECK(prorate_amount(10000, 1, 3) == 3333); // 3333.33 -> down
    CHECK(prorate_amount(10000, 2, 3) == 6667); // 6666.67 -> up
    CHECK(prorate_amount(1, 1, 2) == 1);        // 0.5 -> up
    CHECK(prorate_amount(3, 1, 2) == 2);        // 1.5 -> up
    CHECK(prorate_amount(0, 10, 31) == 0);
}

TEST_CASE("a whole month on one offer: one line, exactly the monthly price plus tax") {
    const auto bill = prorate({2026, 3}, {{"base", d(2026, 1, 1)}}, {active(d(2026, 1, 1))}, lookup);
    REQUIRE(bill.lines.size() == 1);
    const auto& l = bill.lines[0];
    CHECK(l.from == d(2026, 3, 1));
    CHECK(l.to == d(2026, 3, 31));
    CHECK(l.days == 31);
    CHECK(l.days_in_period == 31);
    CHECK(l.amount_minor == 9900);
    CHECK(l.tax_minor == 1980);
    CHECK(l.total_minor == 11880);
    CHECK(bill.subtotal_minor == 9900);
    CHECK(bill.tax_minor == 1980);
    CHECK(bill.total_minor == 11880);
    CHECK(bill.currency == "MAD");
}

TEST_CASE("a contract starting mid-month is billed from its first day") {
    const auto bill = prorate({2026, 4}, {{"base", d(2026, 4, 11)}}, {active(d(2026, 4, 11))}, lookup);
    REQUIRE(bill.lines.size() == 1);
    CHECK(bill.lines[0].from == d(2026, 4, 11));
    CHECK(bill.lines[0].to == d(2026, 4, 30));
    CHECK(bill.lines[0].days == 20);
    CHECK(bill.lines[0].days_in_period == 30);
    CHECK(bill.lines[0].amount_minor == 6600); // 9900 * 20 / 30
    CHECK(bill.lines[0].tax_minor == 1320);
    CHECK(bill.first_day() == d(2026, 4, 11));
    CHECK(bill.last_day() == d(2026, 4, 30));
}

TEST_CASE("a terminated contract is billed up to the day before its termination date") {
    const auto bill = prorate({2026, 3}, {{"base", d(2026, 1, 1)}},
                              {active(d(2026, 1, 1)), {ContractStatus::Terminated, d(2026, 3, 11)}}, lookup);
    REQUIRE(bill.lines.size() == 1);
    CHECK(bill.lines[0].to == d(2026, 3, 10));
    CHECK(bill.lines[0].days == 10);
    CHECK(bill.lines[0].amount_minor == 3194); // 9900 * 10 / 31 = 3193.55
    // The month after: nothing.
    CHECK(prorate({2026, 4}, {{"base", d(2026, 1, 1)}},
                  {active(d(2026, 1, 1)), {ContractStatus::Terminated, d(2026, 3, 11)}}, lookup)
              .empty());
}

TEST_CASE("a suspension in the middle of the month splits the offer into two lines") {
    const auto bill =
        prorate({2026, 3}, {{"base", d(2026, 1, 1)}},
                {active(d(2026, 1, 1)), {ContractStatus::Suspended, d(2026, 3, 10)}, active(d(2026, 3, 20))}, lookup);
    REQUIRE(bill.lines.size() == 2);
    CHECK(bill.lines[0].from == d(2026, 3, 1));
    CHECK(bill.lines[0].to == d(2026, 3, 9));
    CHECK(bill.lines[0].days == 9);
    CHECK(bill.lines[1].from == d(2026, 3, 20));
    CHECK(bill.lines[1].to == d(2026, 3, 31));
    CHECK(bill.lines[1].days == 12);
    CHECK(bill.lines[0].amount_minor == 2874); // 9900 * 9 / 31 = 2874.19
    CHECK(bill.lines[1].amount_minor == 3832); // 9900 * 12 / 31 = 3832.26
    CHECK(bill.subtotal_minor == 2874 + 3832);
    CHECK(bill.first_day() == d(2026, 3, 1));
    CHECK(bill.last_day() == d(2026, 3, 31));
}

TEST_CASE("a plan change on the 15th: one line per offer with its days") {
    const auto bill =
        prorate({2026, 6}, {{"base", d(2026, 1, 1)}, {"plus", d(2026, 6, 15)}}, {active(d(2026, 1, 1))}, lookup);
    REQUIRE(bill.lines.size() == 2);
    CHECK(bill.lines[0].offer_id == "base");
    CHECK(bill.lines[0].days == 14);
    CHECK(bill.lines[0].amount_minor == 4620); // 9900 * 14 / 30
    CHECK(bill.lines[0].tax_minor == 924);
    CHECK(bill.lines[1].offer_id == "plus");
    CHECK(bill.lines[1].from == d(2026, 6, 15));
    CHECK(bill.lines[1].days == 16);
    CHECK(bill.lines[1].amount_minor == 7947); // 14900 * 16 / 30 = 7946.67
    CHECK(bill.lines[1].tax_minor == 1589);    // 1589.4
    CHECK(bill.subtotal_minor == 4620 + 7947);
    CHECK(bill.tax_minor == 924 + 1589);
    CHECK(bill.total_minor == bill.subtotal_minor + bill.tax_minor);
    // A change after the period does not touch it.
    const auto before =
        prorate({2026, 5}, {{"base", d(2026, 1, 1)}, {"plus", d(2026, 6, 15)}}, {active(d(2026, 1, 1))}, lookup);
    REQUIRE(before.lines.size() == 1);
    CHECK(before.lines[0].amount_minor == 9900);
}

TEST_CASE("February: 28 days, 29 in a leap year") {
    const auto feb = prorate({2026, 2}, {{"base", d(2026, 2, 15)}}, {active(d(2026, 2, 15))}, lookup);
    REQUIRE(feb.lines.size() == 1);
    CHECK(feb.lines[0].days == 14);
    CHECK(feb.lines[0].days_in_period == 28);
    CHECK(feb.lines[0].amount_minor == 4950);
    const auto leap = prorate({2028, 2}, {{"base", d(2028, 2, 15)}}, {active(d(2028, 2, 15))}, lookup);
    REQUIRE(leap.lines.size() == 1);
    CHECK(leap.lines[0].days == 15);
    CHECK(leap.lines[0].days_in_period == 29);
    CHECK(leap.lines[0].to == d(2028, 2, 29));
    CHECK(leap.lines[0].amount_minor == 5121); // 9900 * 15 / 29 = 5120.69
    const auto whole = prorate({2028, 2}, {{"base", d(2028, 1, 1)}}, {active(d(2028, 1, 1))}, lookup);
    CHECK(whole.lines[0].amount_minor == 9900);
}

TEST_CASE("a zero-price offer gives a zero line (the days are still shown)") {
    const auto bill = prorate({2026, 3}, {{"free", d(2026, 3, 5)}}, {active(d(2026, 3, 5))}, lookup);
    REQUIRE(bill.lines.size() == 1);
    CHECK(bill.lines[0].days == 27);
    CHECK(bill.lines[0].amount_minor == 0);
    CHECK(bill.lines[0].tax_minor == 0);
    CHECK(bill.total_minor == 0);
}

TEST_CASE("tax is rounded half up per line") {
    const auto bill = prorate({2026, 6}, {{"odd", d(2026, 6, 16)}}, {active(d(2026, 6, 16))}, lookup);
    REQUIRE(bill.lines.size() == 1);
    CHECK(bill.lines[0].amount_minor == 5001); // 10001 * 15 / 30 = 5000.5 -> up
    CHECK(bill.lines[0].tax_minor == 500);     // 500.1
}

TEST_CASE("no active day in the period: no line, no invoice") {
    CHECK(prorate({2026, 3}, {{"base", d(2026, 4, 1)}}, {active(d(2026, 4, 1))}, lookup).empty());
    CHECK(prorate({2026, 3}, {{"base", d(2026, 1, 1)}},
                  {active(d(2026, 1, 1)), {ContractStatus::Suspended, d(2026, 2, 1)}}, lookup)
              .empty());
    CHECK(prorate({2026, 3}, {{"base", d(2026, 1, 1)}}, {{ContractStatus::Terminated, d(2026, 3, 1)}}, lookup).empty());
    CHECK(prorate({2026, 3}, {}, {active(d(2026, 1, 1))}, lookup).empty());
    CHECK(prorate({2026, 3}, {{"unknown", d(2026, 1, 1)}}, {active(d(2026, 1, 1))}, lookup).empty());
}
