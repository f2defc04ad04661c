// The portal as a web site, natively: which screen each address shows, the history entry
// each screen gets, what Back and Forward do, what a reload shows (the lookup token is held
// in memory only: verify again, then the screen asked for), and a signup in progress kept in
// the tab's storage across Back and a reload, never in the address.
#include <doctest/doctest.h>

#include "portal/app/page_address.h"
#include "portal_fixture.h"

namespace isp::portal::test {

TEST_CASE("each screen has an address of its own, and each address names its screen") {
    for (const std::string_view screen :
         {"offers", "signup", "confirmation", "verify", "dashboard", "plan_change", "plan_changed", "invoices"})
        CHECK(screen_at(address_of(screen)) == screen);
    CHECK(address_of("plan_change") == "/plan-change");
    CHECK(address_of("invoices") == "/invoices");
    // Unknown, empty or hand-typed addresses show the home page.
    CHECK(screen_at("") == "offers");
    CHECK(screen_at("/nowhere") == "offers");
    CHECK(screen_at("/loading") == "offers");
}

TEST_CASE_FIXTURE(PortalFixture,
                  "the first screen takes the address of the page opened, each next screen a new entry") {
    open();
    frame();
    CHECK(browser.fragment == "/offers");
    CHECK(browser.history == std::vector<std::string>{"/offers"}); // replaced, not added

    customer().start(); // "I am already a customer"
    frame();
    CHECK(browser.history == std::vector<std::string>{"/offers", "/verify"});
    frame(); // nothing moved: no entry
    CHECK(browser.history.size() == 2);

    // Back: the offers again, and the customer's journey is left.
    REQUIRE(browser.back());
    frame();
    CHECK(screen() == "offers");
    CHECK(browser.history == std::vector<std::string>{"/offers", "/verify"}); // Forward still leads on
    // Forward: the identity check, with what was typed in it.
    customer().cin() = "AB123456";
    REQUIRE(browser.forward());
    frame();
    CHECK(screen() == "verify");
    CHECK(typed("verify_cin") == "AB123456");
    CHECK(browser.history.size() == 2);
}

TEST_CASE_FIXTURE(PortalFixture, "Back and Forward through a verified customer's screens") {
    open();
    frame();
    verify_as_amina();
    frame();
    CHECK(browser.history == std::vector<std::string>{"/offers", "/dashboard"});

    script(http, canned::invoices);
    customer().open_invoices();
    frame(); // while they load, the address is already the invoices'
    CHECK(browser.fragment == "/invoices");
    http.settle();
    frame();
    CHECK(screen() == "invoices");
    CHECK(browser.history == std::vector<std::string>{"/offers", "/dashboard", "/invoices"});

    REQUIRE(browser.back());
    frame();
    CHECK(screen() == "dashboard");
    REQUIRE(browser.back());
    frame();
    CHECK(screen() == "offers");
    // Forward to the dashboard: still verified (the token is in memory), nothing asked again.
    REQUIRE(browser.forward());
    frame();
    CHECK(screen() == "dashboard");
    CHECK(http.sent_to("POST", "/landing/clients/verify-cin").size() == 1);
    // Forward to the invoices: loaded again (they may have changed), no new entry.
    script(http, canned::invoices);
    REQUIRE(browser.forward());
    frame();
    http.settle();
    frame();
    CHECK(screen() == "invoices");
    CHECK(browser.history.size() == 3);
    CHECK(browser.history_at == 2);
}

TEST_CASE_FIXTURE(PortalFixture, "a reload without the lookup token asks to verify, then shows the screen reloaded") {
    open();
    frame();
    verify_as_amina();
    frame();
    script(http, canned::invoices);
    customer().open_invoices();
    http.settle();
    frame();
    REQUIRE(browser.fragment == "/invoices");

    reload();
    frame();
    CHECK(screen() == "verify");            // the token was in memory only
    CHECK(browser.fragment == "/invoices"); // the address stays where the person is going
    CHECK(typed("verify_cin") == "");       // nothing the person typed was kept

    type("verify_cin", "AB123456");
    type("verify_line", "06 12 34 56 78");
    script(http, canned::verified);
    script(http, canned::subscriptions);
    script(http, canned::invoices);
    customer().verify();
    http.settle();
    frame();
    CHECK(screen() == "invoices");
    CHECK(browser.fragment == "/invoices");
    CHECK(browser.history.size() == 3); // no entry for the verification on the way
}

TEST_CASE_FIXTURE(PortalFixture,
                  "a reload of the plan change asks to verify, then shows the same contract's plan change") {
    open();
    frame();
    verify_as_amina();
    frame();
    choose_plan_change();
    frame();
    REQUIRE(browser.fragment == "/plan-change");

    reload();
    frame();
    CHECK(screen() == "verify");
    CHECK(browser.fragment == "/plan-change");
    type("verify_cin", "AB123456");
    type("verify_line", "06 12 34 56 78");
    script(http, canned::verified);
    script(http, canned::subscriptions);
    customer().verify();
    http.settle();
    frame();
    CHECK(screen() == "plan_change"); // not the dashboard
    CHECK(browser.fragment == "/plan-change");
    REQUIRE(customer().selected() != nullptr);
    CHECK(customer().selected()->contract.contract_id == "ctr_demo_amina");
    CHECK(typed("effective_date") == ""); // what was typed is not kept
}

TEST_CASE_FIXTURE(PortalFixture, "a reload of the dashboard asks to verify and keeps the dashboard's address") {
    browser.fragment = "/dashboard";
    browser.history = {"/dashboard"};
    open();
    frame();
    CHECK(screen() == "verify");
    CHECK(browser.fragment == "/dashboard");
    // Back from there leaves the customer's screens as from the verification.
    customer().leave();
    frame();
    CHECK(screen() == "offers");
    CHECK(browser.history == std::vector<std::string>{"/dashboard", "/offers"});
}

TEST_CASE_FIXTURE(PortalFixture,
                  "a signup in progress survives Back, Forward and a reload, and never reaches the address") {
    open();
    frame();
    fill_signup();
    frame();
    CHECK(browser.history == std::vector<std::string>{"/offers", "/signup"});
    // In this tab's storage only, not in the address nor in storage that outlives the tab.
    CHECK(browser.tab_values.contains("signup"));
    CHECK(browser.fragment.find("Karim") == std::string::npos);
    CHECK(browser.query.empty());
    CHECK(browser.preferences.size() <= 1); // the language, at most

    REQUIRE(browser.back());
    frame();
    CHECK(screen() == "offers");
    REQUIRE(browser.forward());
    frame();
    CHECK(screen() == "signup");
    CHECK(typed("first_name") == "Karim");
    CHECK(state()["form"]["offer_id"] == "ofr_mobile_essentiel");

    type("last_name", "Alaoui-Benani");
    reload();
    frame();
    CHECK(screen() == "signup");
    CHECK(typed("first_name") == "Karim");
    CHECK(typed("last_name") == "Alaoui-Benani");
    CHECK(typed("contract_start_date") == "2026-11-30");
    CHECK(app().shown_errors().empty());

    // A reload on the offers keeps the form too: choosing the offer again finds it.
    REQUIRE(browser.back());
    frame();
    reload();
    frame();
    CHECK(screen() == "offers");
    signup().choose_offer("ofr_mobile_essentiel");
    CHECK(typed("cin") == "XY987654");
}

TEST_CASE_FIXTURE(PortalFixture,
                  "after the contract, going back starts a new signup and the form is gone from the tab") {
    open();
    frame();
    fill_signup();
    frame();
    script(http, canned::subscribed);
    signup().submit();
    http.settle();
    frame();
    REQUIRE(screen() == "confirmation");
    CHECK(browser.fragment == "/confirmation");
    CHECK_FALSE(browser.tab_values.contains("signup"));

    REQUIRE(browser.back());
    frame();
    CHECK(screen() == "offers"); // the form was sent: nothing to go back to
    CHECK(browser.fragment == "/offers");
    CHECK(typed("cin") == "");
}

} // namespace isp::portal::test
