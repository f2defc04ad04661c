#include <doctest/doctest.h>

#include "shared/domain/money.h"
#include "shared/domain/offer.h"

using namespace isp;

TEST_CASE("amounts are written the French way or the English way") {
    CHECK(format_money({129900, "MAD"}, Language::French) == "1\u00a0299,00 MAD");
    CHECK(format_money({129900, "MAD"}, Language::English) == "1,299.00 MAD");
    CHECK(format_money({5, "MAD"}) == "0,05 MAD");
    CHECK(format_money({123456789, "MAD"}) == "1\u00a0234\u00a0567,89 MAD");
    CHECK(format_money({-4990, "MAD"}) == "-49,90 MAD");
}

TEST_CASE("tax is rounded half away from zero to the minor unit") {
    CHECK(apply_rate(9900, 2000) == 1980);
    CHECK(apply_rate(1, 5000) == 1); // 0.5 -> 1
    CHECK(apply_rate(2, 2500) == 1); // 0.5 -> 1
    CHECK(apply_rate(-1, 5000) == -1);
    CHECK(apply_rate(333, 1000) == 33);
}

TEST_CASE("an offer's price with tax adds its tax") {
    Offer o;
    o.monthly_price = {34900, "MAD"};
    o.tax_rate_bp = 2000;
    CHECK(tax_amount(o).amount_minor == 6980);
    CHECK(price_with_tax(o) == Money{41880, "MAD"});
}
