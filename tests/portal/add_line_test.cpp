// An existing client adds a line (issue #15), natively: from the dashboard, and from a new
// signup refused because the CIN is a client's. The form then asks only for the
// subscription, and the submit carries the lookup token in a header.
#include <doctest/doctest.h>

#include "portal_fixture.h"

namespace isp::portal::test {

TEST_CASE_FIXTURE(PortalFixture, "a verified client adds a line from the dashboard, without giving her details again") {
    open();
    verify_as_amina();
    customer().add_line();
    CHECK(screen() == "offers");
    CHECK(state()["adding_line_for"] == "Amina");

    signup().choose_offer("ofr_mobile_essentiel");
    CHECK(screen() == "signup");
    CHECK_FALSE(signup().asks("cin"));
    CHECK_FALSE(signup().asks("email"));
    CHECK(signup().asks("service_identifier"));
    type("service_identifier", "06 70 00 11 22");
    type("contract_start_date", "2026-11-30");
    // Nothing else is asked: no error for the details she is not asked for.
    script(http, canned::line_added);
    signup().submit();
    CHECK(app().shown_errors().empty());
    CHECK(busy() == "submitting");
    http.settle();

    const auto submits = http.sent_to("POST", "/landing/submit/new");
    REQUIRE(submits.size() == 1);
    CHECK(header(submits[0], "Authorization") ==
          "Bearer " + json_of(canned::verified).at("lookup_token").get<std::string>());
    const nlohmann::json sent = body_of(submits[0]);
    CHECK(sent["service_identifier"] == "06 70 00 11 22");
    CHECK(sent["cin"] == "");
    CHECK(sent["first_name"] == "");
    CHECK(screen() == "confirmation");
    CHECK(state()["contract"]["contract_number"] == json_of(canned::line_added).at("contract_number"));

    // Back to her subscriptions: the dashboard is loaded again, with the token she has.
    script(http, canned::subscriptions);
    signup().back_to_account();
    http.settle();
    CHECK(screen() == "dashboard");
    CHECK(state()["adding_line_for"].is_null());
    const auto reloads = http.sent_to("GET", "/landing/clients/{cin}/subscriptions");
    CHECK(reloads.size() == 2);
}

TEST_CASE_FIXTURE(PortalFixture, "a signup refused for a client's CIN goes on once she verifies, keeping her choices") {
    open();
    fill_signup();
    type("cin", "AB123456");
    type("service_identifier", "06 70 00 11 22");
    script(http, canned::cin_is_a_client_fr);
    signup().submit();
    http.settle();
    CHECK(screen() == "signup");
    CHECK(error("cin") == "Ce CIN appartient déjà à un client : identifiez-vous comme client existant pour ajouter un "
                          "abonnement.");
    REQUIRE(signup().verification_offered());

    signup().verify_identity();
    CHECK(screen() == "verify");
    CHECK(typed("verify_cin") == "AB123456"); // filled in: only her line to type
    CHECK(plain(notice()).starts_with("Identifiez-vous pour ajouter cette ligne"));
    type("verify_line", "06 12 34 56 78");
    script(http, canned::verified);
    customer().verify();
    http.settle();

    // Straight back to the form, as it was, without the details her record already has.
    CHECK(screen() == "signup");
    CHECK(state()["adding_line_for"] == "Amina");
    CHECK(typed("offer_id") == "ofr_mobile_essentiel");
    CHECK(typed("service_identifier") == "06 70 00 11 22");
    CHECK(typed("contract_start_date") == "2026-11-30");
    CHECK(typed("first_name") == "");
    CHECK(error("cin") == "");
    CHECK_FALSE(signup().verification_offered());

    script(http, canned::line_added);
    signup().submit();
    http.settle();
    CHECK(screen() == "confirmation");
    const auto submits = http.sent_to("POST", "/landing/submit/new");
    REQUIRE(submits.size() == 2);
    CHECK(header(submits[0], "Authorization") == "");
    CHECK(header(submits[1], "Authorization").starts_with("Bearer "));
    CHECK(header(submits[0], "Idempotency-Key") != header(submits[1], "Idempotency-Key"));
}

TEST_CASE_FIXTURE(PortalFixture, "adding a line: a token that expired asks to verify again, then the form is kept") {
    open();
    verify_as_amina();
    customer().add_line();
    signup().choose_offer("ofr_mobile_essentiel");
    type("service_identifier", "06 70 00 11 22");
    type("contract_start_date", "2026-11-30");

    // The same refusal body as any landing call's (a problem: lookup_token_expired).
    script(http, Canned{.method = "POST",
                        .path = "/landing/submit/new",
                        .status = 401,
                        .file = "plan_change.401.lookup_token_expired.json"});
    signup().submit();
    http.settle();
    CHECK(screen() == "verify");
    CHECK(typed("verify_cin") == "AB123456");

    type("verify_line", "06 12 34 56 78");
    script(http, canned::verified_again);
    customer().verify();
    http.settle();
    CHECK(screen() == "signup");
    CHECK(typed("service_identifier") == "06 70 00 11 22");

    script(http, canned::line_added);
    signup().submit();
    http.settle();
    CHECK(screen() == "confirmation");
    const auto submits = http.sent_to("POST", "/landing/submit/new");
    REQUIRE(submits.size() == 2);
    CHECK(header(submits[1], "Authorization") ==
          "Bearer " + json_of(canned::verified_again).at("lookup_token").get<std::string>());
}

TEST_CASE_FIXTURE(PortalFixture, "cancelling an added line on the offers goes back to an ordinary signup") {
    open();
    verify_as_amina();
    customer().add_line();
    CHECK(screen() == "offers");
    signup().forget_known_client();
    CHECK(state()["adding_line_for"].is_null());
    signup().choose_offer("ofr_mobile_essentiel");
    CHECK(signup().asks("cin"));
}

} // namespace isp::portal::test
