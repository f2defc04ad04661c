// A network failure keeps what the person typed, says so, and the retry sends the same
// Idempotency-Key, so that the server replays the first attempt if it did arrive: nothing
// can be created twice. A changed request is a new attempt, with a new key.
#include <doctest/doctest.h>

#include "portal_fixture.h"

namespace isp::portal::test {

TEST_CASE_FIXTURE(
    PortalFixture,
    "a network failure during a plan change keeps the choice, and the retry sends the same Idempotency-Key") {
    open();
    verify_as_amina();
    choose_plan_change("2026-12-15");

    http.fail_network("POST", "/landing/submit/plan-change");
    customer().confirm_change();
    REQUIRE(http.deliver() == 1);
    CHECK(screen() == "plan_change");
    CHECK(busy() == "");
    CHECK(notice() == "La connexion a échoué. Vos informations sont conservées : réessayez.");
    CHECK(typed("target_offer_id") == "ofr_mobile_illimite");
    CHECK(typed("effective_date") == "2026-12-15");

    SUBCASE("the retry is the same attempt") {
        script(http, canned::plan_changed);
        customer().confirm_change();
        REQUIRE(http.deliver() == 1);
        CHECK(screen() == "plan_changed");
        CHECK(notice() == "");
        const auto changes = http.sent_to("POST", "/landing/submit/plan-change");
        REQUIRE(changes.size() == 2);
        CHECK_FALSE(header(changes[0], "Idempotency-Key").empty());
        CHECK(header(changes[1], "Idempotency-Key") == header(changes[0], "Idempotency-Key"));
        CHECK(changes[1].body == changes[0].body);
    }
    SUBCASE("another date is another attempt") {
        type("effective_date", "2026-12-16");
        http.fail_network("POST", "/landing/submit/plan-change");
        customer().confirm_change();
        REQUIRE(http.deliver() == 1);
        const auto changes = http.sent_to("POST", "/landing/submit/plan-change");
        REQUIRE(changes.size() == 2);
        CHECK(body_of(changes[1])["contract_start_date"] == "2026-12-16");
        CHECK(header(changes[1], "Idempotency-Key") != header(changes[0], "Idempotency-Key"));
    }
}

TEST_CASE_FIXTURE(PortalFixture,
                  "a network failure on a new subscription keeps the form, and the retry cannot subscribe twice") {
    open();
    fill_signup();
    const nlohmann::json form = state()["form"];

    http.fail_network("POST", "/landing/submit/new");
    signup().submit();
    CHECK(busy() == "submitting");
    REQUIRE(http.deliver() == 1);
    CHECK(screen() == "signup");
    CHECK(busy() == "");
    CHECK(notice() == "La connexion a échoué. Vos informations sont conservées : réessayez.");
    CHECK(state()["form"] == form);
    CHECK(typed("first_name") == "Karim");
    CHECK(typed("service_identifier") == "06 61 23 45 67");

    script(http, canned::subscribed);
    signup().submit();
    REQUIRE(http.deliver() == 1);
    CHECK(screen() == "confirmation");
    CHECK(state()["contract"]["contract_number"] == json_of(canned::subscribed).at("contract_number"));
    const auto submits = http.sent_to("POST", "/landing/submit/new");
    REQUIRE(submits.size() == 2);
    CHECK(header(submits[0], "Idempotency-Key").starts_with("sub_"));
    CHECK(header(submits[1], "Idempotency-Key") == header(submits[0], "Idempotency-Key"));
    CHECK(body_of(submits[1]) == body_of(submits[0]));
    CHECK(body_of(submits[0])["first_name"] == "Karim");
}

} // namespace isp::portal::test
