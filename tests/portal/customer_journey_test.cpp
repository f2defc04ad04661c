// The existing customer's journey, natively: verify -> dashboard -> plan change ->
// confirmation, and an expired lookup token that sends the person back to verification and
// then resumes the plan change where it was. Each step checks what the person sees.
#include <doctest/doctest.h>

#include "portal_fixture.h"

namespace isp::portal::test {

TEST_CASE_FIXTURE(PortalFixture, "a customer verifies, sees the dashboard, changes plan and gets the confirmation") {
    open();
    CHECK(screen() == "offers");
    customer().start(); // "I am already a customer"
    CHECK(screen() == "verify");

    // Checked as typed with shared/'s rules, before anything is sent.
    type("verify_cin", "12AB");
    CHECK(error("verify_cin") == "CIN invalide : une ou deux lettres suivies de 3 à 6 chiffres (ex. AB123456).");
    type("verify_cin", "AB123456");
    type("verify_line", "06 12 34 56 78");
    CHECK(app().shown_errors().empty());

    script(http, canned::verified);
    script(http, canned::subscriptions);
    customer().verify();
    CHECK(busy() == "verifying");
    CHECK(screen() == "verify");
    REQUIRE(http.deliver() == 1);
    const auto verify = http.sent_to("POST", "/landing/clients/verify-cin");
    REQUIRE(verify.size() == 1);
    CHECK(body_of(verify[0]) ==
          nlohmann::json{{"cin", "AB123456"}, {"service_identifier", "06 12 34 56 78"}, {"language", "fr"}});
    CHECK(busy() == "loading_subscriptions");

    REQUIRE(http.deliver() == 1);
    const auto listed = http.sent_to("GET", "/landing/clients/{cin}/subscriptions");
    REQUIRE(listed.size() == 1);
    CHECK(api_path(listed[0]) == "/landing/clients/AB123456/subscriptions");
    // The lookup token in a header, never in the address.
    CHECK(header(listed[0], "Authorization") ==
          "Bearer " + json_of(canned::verified).at("lookup_token").get<std::string>());
    CHECK(listed[0].url.find("lookup_token") == std::string::npos);
    CHECK(screen() == "dashboard");
    CHECK(busy() == "");
    CHECK(notice() == "");
    nlohmann::json shown = state();
    CHECK(shown["first_name"] == "Amina");
    REQUIRE(shown["subscriptions"].size() == 1);
    const nlohmann::json& subscription = shown["subscriptions"][0];
    CHECK(subscription["contract_id"] == "ctr_demo_amina");
    CHECK(subscription["offer"] == "Mobile Confort");
    CHECK(subscription["service_identifier"] == "+212612345678");
    CHECK(subscription["document_version"] == 1);
    REQUIRE(subscription["eligible_offers"].size() == 2);
    for (const nlohmann::json& offer : subscription["eligible_offers"]) {
        CAPTURE(offer.dump());
        const bool illimite = offer["name"] == "Mobile Illimité";
        CHECK(offer["direction"] == (illimite ? "upgrade" : "downgrade"));
        CHECK(plain(offer["monthly_difference"]) == (illimite ? "100,00 MAD" : "-50,00 MAD"));
    }

    choose_plan_change("2026-12-15");
    CHECK(screen() == "plan_change");
    CHECK(app().shown_errors().empty());
    // December on the rules of the billing run: Mobile Confort 1-14, Mobile Illimité 15-31.
    shown = state();
    REQUIRE(shown["plan_change_preview"].is_object());
    CHECK(shown["plan_change_preview"]["lines"] == 2);
    CHECK(plain(shown["plan_change_preview"]["total"]) == "184,61 MAD");

    script(http, canned::plan_changed);
    customer().confirm_change();
    CHECK(busy() == "changing_plan");
    REQUIRE(http.deliver() == 1);
    const auto changes = http.sent_to("POST", "/landing/submit/plan-change");
    REQUIRE(changes.size() == 1);
    CHECK(header(changes[0], "Idempotency-Key").starts_with("chg_"));
    CHECK(body_of(changes[0]) == nlohmann::json{{"lookup_token", json_of(canned::verified).at("lookup_token")},
                                                {"contract_id", "ctr_demo_amina"},
                                                {"target_offer_id", "ofr_mobile_illimite"},
                                                {"contract_start_date", "2026-12-15"},
                                                {"language", "fr"}});

    CHECK(screen() == "plan_changed");
    CHECK(busy() == "");
    shown = state();
    CHECK(shown["plan_change"]["offer"] == "Mobile Illimité");
    CHECK(shown["plan_change"]["direction"] == "upgrade");
    CHECK(shown["plan_change"]["effective_date"] == "2026-12-15");
    CHECK(shown["plan_change"]["document_version"] == 2);
    // The answer carries a link to the new version: the download opens it without asking again.
    const std::string link = json_of(canned::plan_changed).at("document_download_url");
    CHECK(shown["plan_change"]["document_download_url"] == link);
    customer().download_contract("ctr_demo_amina");
    CHECK(browser.opened_documents == std::vector<std::string>{link});
    CHECK(http.sent_to("POST", "/landing/contracts/{contract_id}/document-link").empty());

    // Back to the subscriptions: the contract now shows its new offer and version.
    script(http, canned::subscriptions_after_change);
    customer().back_to_dashboard();
    http.settle();
    CHECK(screen() == "dashboard");
    shown = state();
    CHECK(shown["subscriptions"][0]["offer"] == "Mobile Illimité");
    CHECK(shown["subscriptions"][0]["document_version"] == 2);
    CHECK(shown["plan_change"].is_null());
}

TEST_CASE_FIXTURE(PortalFixture, "the dashboard's contract document opens through a link signed for it") {
    open();
    verify_as_amina();
    script(http, canned::document_link);
    customer().download_contract("ctr_demo_amina");
    CHECK(busy() == "document_link");
    CHECK(browser.opened_documents.empty()); // not before the server signed the link
    REQUIRE(http.deliver() == 1);
    const auto asked = http.sent_to("POST", "/landing/contracts/{contract_id}/document-link");
    REQUIRE(asked.size() == 1);
    CHECK(api_path(asked[0]) == "/landing/contracts/ctr_demo_amina/document-link");
    CHECK(body_of(asked[0])["lookup_token"] == json_of(canned::verified).at("lookup_token"));
    CHECK(busy() == "");
    CHECK(screen() == "dashboard");
    CHECK(browser.opened_documents ==
          std::vector<std::string>{json_of(canned::document_link).at("document_download_url")});
}

TEST_CASE_FIXTURE(PortalFixture, "an expired lookup token: verify again, and the plan change resumes where it was") {
    open();
    verify_as_amina();
    choose_plan_change("2026-12-15");

    script(http, canned::lookup_token_expired);
    customer().confirm_change();
    REQUIRE(http.deliver() == 1);
    CHECK(screen() == "verify");
    CHECK(notice() == "Votre session a expiré. Identifiez-vous à nouveau : ce que vous faisiez est conservé.");
    // What was typed to verify is still there: one press of Verify.
    CHECK(typed("verify_cin") == "AB123456");
    CHECK(typed("verify_line") == "06 12 34 56 78");

    script(http, canned::verified_again);
    script(http, canned::subscriptions);
    customer().verify();
    http.settle();
    CHECK(screen() == "plan_change");
    CHECK(notice() == "Identité vérifiée. Vous pouvez reprendre votre changement d'offre.");
    CHECK(typed("target_offer_id") == "ofr_mobile_illimite");
    CHECK(typed("effective_date") == "2026-12-15");
    CHECK(app().shown_errors().empty());

    // Confirming again goes through, with the new token.
    script(http, canned::plan_changed);
    customer().confirm_change();
    http.settle();
    CHECK(screen() == "plan_changed");
    const auto changes = http.sent_to("POST", "/landing/submit/plan-change");
    REQUIRE(changes.size() == 2);
    CHECK(body_of(changes[0])["lookup_token"] == json_of(canned::verified).at("lookup_token"));
    CHECK(body_of(changes[1])["lookup_token"] == json_of(canned::verified_again).at("lookup_token"));
    CHECK(body_of(changes[1])["target_offer_id"] == "ofr_mobile_illimite");
    CHECK(body_of(changes[1])["contract_start_date"] == "2026-12-15");
}

TEST_CASE_FIXTURE(PortalFixture, "an expired lookup token on the dashboard verifies again and shows the dashboard") {
    open();
    verify_as_amina();
    // Amina's documents, a while later: the token has expired meanwhile.
    script(http, canned::document_link_token_expired);
    customer().download_contract("ctr_demo_amina");
    CHECK(busy() == "document_link");
    http.settle();
    CHECK(screen() == "verify");
    CHECK(notice() == "Votre session a expiré. Identifiez-vous à nouveau : ce que vous faisiez est conservé.");
    CHECK(browser.opened_documents.empty());

    script(http, canned::verified_again);
    script(http, canned::subscriptions);
    customer().verify();
    http.settle();
    CHECK(screen() == "dashboard");
    CHECK(notice() == "");
}

} // namespace isp::portal::test
