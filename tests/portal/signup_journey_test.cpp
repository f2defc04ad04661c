// The new subscription's journey, natively: offer -> form -> draft saved (its link in the
// address bar) -> submitted -> confirmation with the contract's document. Each step checks
// what the person sees and what was sent.
#include <doctest/doctest.h>

#include "portal_fixture.h"

namespace isp::portal::test {

TEST_CASE_FIXTURE(PortalFixture, "a new customer chooses an offer, saves a draft, subscribes and gets the contract") {
    open();
    CHECK(screen() == "offers");
    fill_signup();
    CHECK(screen() == "signup");
    CHECK(typed("offer_id") == "ofr_mobile_essentiel");

    // Checked as typed with shared/'s rules: the error shows under the field, and goes.
    type("email", "karim@");
    CHECK(error("email") == "Adresse e-mail invalide (ex. nom@exemple.ma).");
    type("email", "karim@example.ma");
    CHECK(error("email") == "");

    script(http, canned::draft_saved);
    signup().save_draft();
    CHECK(busy() == "saving_draft");
    REQUIRE(http.deliver() == 1);
    CHECK(busy() == "");
    const auto saves = http.sent_to("POST", "/landing/drafts");
    REQUIRE(saves.size() == 1);
    const nlohmann::json saved = body_of(saves[0]);
    CHECK(saved["form"]["cin"] == "XY987654");
    CHECK(saved["form"]["service_identifier"] == "06 61 23 45 67");
    const std::string draft_id = json_of(canned::draft_saved).at("draft_id");
    CHECK(state()["draft_id"] == draft_id);
    CHECK(state()["draft_link"] == "https://portal.example.ma/?draft=" + draft_id);
    CHECK(browser.query == "?draft=" + draft_id); // a reload or a shared link resumes it

    script(http, canned::subscribed);
    signup().submit();
    CHECK(busy() == "submitting");
    REQUIRE(http.deliver() == 1);
    const auto submits = http.sent_to("POST", "/landing/submit/new");
    REQUIRE(submits.size() == 1);
    CHECK(header(submits[0], "Idempotency-Key").starts_with("sub_"));
    CHECK(body_of(submits[0])["first_name"] == "Karim");
    CHECK(body_of(submits[0])["offer_id"] == "ofr_mobile_essentiel");

    CHECK(screen() == "confirmation");
    CHECK(notice() == "");
    const nlohmann::json shown = state();
    CHECK(shown["contract"]["contract_number"] == json_of(canned::subscribed).at("contract_number"));
    // The draft became the contract: its link leaves the address bar.
    CHECK(shown["draft_id"] == "");
    CHECK(browser.query == "");
    signup().open_contract_document();
    CHECK(browser.opened_documents ==
          std::vector<std::string>{json_of(canned::subscribed).at("document_download_url")});
}

TEST_CASE_FIXTURE(PortalFixture, "a form with errors is not sent: the fields say what to correct") {
    open();
    signup().choose_offer("ofr_mobile_essentiel");
    type("first_name", "Karim");
    signup().submit();
    CHECK(http.waiting() == 0);
    CHECK(http.sent().size() == 1); // the catalog only
    CHECK(screen() == "signup");
    CHECK(notice() == "Veuillez corriger les champs signalés.");
    CHECK(error("cin") == "Ce champ est obligatoire.");
    CHECK(error("first_name") == "");
    CHECK(typed("first_name") == "Karim");
}

} // namespace isp::portal::test
