// The home screen: its figures as the server sent them, and its links into the lists.
#include <doctest/doctest.h>

#include "console/app/today.h"
#include "console_fixture.h"

namespace isp::console::test {

TEST_CASE("Today shows the active contracts by family, the last run and what is owed, and links into each list") {
    ConsoleFixture c;
    c.open_signed_in("viewer");
    const auto today = c.state()["today"];
    CHECK(today["active_contracts"]["mobile"] == 41);
    CHECK(today["active_contracts"]["landline"] == 3);
    CHECK(today["last_billing_run"]["period"] == "2026-10");
    CHECK(today["last_billing_run"]["total_minor"] == 1800000);
    CHECK(today["overdue_minor"] == 120000);
    CHECK(today["open_cases"] == 4); // open, in progress and promise to pay; not the closed ones
    CHECK(c.app().context().today == "2026-11-23");

    auto& section = static_cast<Today&>(*c.app().find("today"));
    section.open_last_run_invoices();
    CHECK(c.state()["place"]["section"] == "billing");
    CHECK(c.state()["place"]["filter"] == "invoices:period=2026-10");
}

TEST_CASE("Today that cannot be loaded says why and offers a retry that asks again") {
    ConsoleFixture c;
    c.answer("GET", "/me", 200, ConsoleFixture::me_answer("ops"));
    c.http.fail_network("GET", "/staff/today");
    c.app().start();
    c.settle();
    CHECK(c.state()["today"].is_null());
    REQUIRE(c.app().current()->notice());
    REQUIRE(c.app().current()->notice()->retry);
    c.answer("GET", "/staff/today", 200, ConsoleFixture::today_answer());
    c.app().current()->notice()->retry();
    c.settle();
    CHECK(c.state()["today"]["active_contracts"]["internet"] == 17);
}

} // namespace isp::console::test
