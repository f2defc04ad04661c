// A customer cancels a subscription, natively (issue #15): from the dashboard, the two choices
// with their dates and the early termination amount computed before confirming (the server's
// own function), a date refused as typed, the confirmation, the dashboard with the pending
// termination, and taking it back.
#include <doctest/doctest.h>

#include "portal_fixture.h"

namespace isp::portal::test {

TEST_CASE_FIXTURE(PortalFixture,
                  "a customer cancels before the end of the commitment, sees the amount, takes it back") {
    open();
    verify_as_amina();
    customer().open_cancellation("ctr_demo_amina");
    CHECK(screen() == "cancellation");

    // At the end of the commitment (2027-08-22): from the next day, nothing owed.
    nlohmann::json shown = state();
    CHECK(shown["cancellation_choice"] == "commitment_end");
    REQUIRE(shown["cancellation_preview"].is_object());
    CHECK(shown["cancellation_preview"]["termination_date"] == "2027-08-23");
    CHECK(plain(shown["cancellation_preview"]["early_termination_amount"]) == "0,00 MAD");

    // Earlier: a date in the past is refused as typed; from 2026-12-15, 8 whole months left
    // times 99,00 MAD.
    customer().choose_cancellation(CancellationChoice::ChosenDate);
    CHECK(state()["cancellation_preview"].is_null());
    type("termination_date", "2026-11-01");
    CHECK(error("termination_date") == "La date de résiliation ne peut pas être dans le passé.");
    type("termination_date", "2026-12-15");
    CHECK(error("termination_date") == "");
    shown = state();
    CHECK(shown["cancellation_preview"]["termination_date"] == "2026-12-15");
    CHECK(plain(shown["cancellation_preview"]["early_termination_amount"]) == "792,00 MAD");

    script(http, canned::cancellation);
    customer().confirm_cancellation();
    CHECK(busy() == "cancelling");
    REQUIRE(http.deliver() == 1);
    const auto sent = http.sent_to("POST", "/landing/contracts/{contract_id}/cancellation");
    REQUIRE(sent.size() == 1);
    CHECK(api_path(sent[0]) == "/landing/contracts/ctr_demo_amina/cancellation");
    CHECK(body_of(sent[0])["termination_date"] == "2026-12-15");
    CHECK(header(sent[0], "Idempotency-Key").rfind("cnl_", 0) == 0);
    CHECK(screen() == "cancelled");
    shown = state();
    CHECK(shown["cancellation"]["termination_date"] == "2026-12-15");
    CHECK(plain(shown["cancellation"]["early_termination_amount"]) == "792,00 MAD");
    CHECK(shown["cancellation"]["document_version"] == 2);

    // Back on the dashboard: the pending termination, which Amina asked for and may take back.
    script(http, canned::subscriptions_after_cancellation);
    customer().back_to_dashboard();
    http.settle();
    CHECK(screen() == "dashboard");
    shown = state();
    REQUIRE(shown["subscriptions"][0]["scheduled_changes"].size() == 1);
    const nlohmann::json pending = shown["subscriptions"][0]["scheduled_changes"][0];
    CHECK(pending["status"] == "terminated");
    CHECK(pending["effective_date"] == "2026-12-15");
    CHECK(pending["cancellable"] == true);
    // The next invoice as the billing run would compute it (November, Mobile Confort with tax);
    // nothing owed (the demo's Amina paid her invoices).
    CHECK(shown["subscriptions"][0]["next_invoice"]["period"] == "2026-11");
    CHECK(plain(shown["subscriptions"][0]["next_invoice"]["estimate"]) == "118,80 MAD");
    CHECK(plain(shown["balance_due"]) == "0,00 MAD");

    script(http, canned::scheduled_change_cancelled);
    customer().cancel_scheduled_change("ctr_demo_amina", pending["change_id"]);
    http.settle();
    const auto deleted = http.sent_to("DELETE", "/landing/contracts/{contract_id}/scheduled-changes/{change_id}");
    REQUIRE(deleted.size() == 1);
    CHECK(header(deleted[0], "Authorization").rfind("Bearer ", 0) == 0);
    CHECK(state()["subscriptions"][0]["scheduled_changes"].empty());
    CHECK(notice() == "Le changement programmé est annulé.");
}

} // namespace isp::portal::test
