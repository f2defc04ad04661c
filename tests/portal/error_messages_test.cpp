// What the person reads when the server refuses or cannot be reached, in French and in
// English: the portal's own words for what it understands (session, attempts, network,
// server fault, draft), the server's words (asked in the person's language) for the rest,
// and field errors under the field they are about. Every expected text is written out here.
#include <string>

#include <doctest/doctest.h>

#include "portal_fixture.h"

namespace isp::portal::test {
namespace {

struct Words {
    std::string browser_languages;
    std::string language;
    // The server's words (asked in the person's language).
    const Canned* verification_failed;
    std::string verification_failed_text;
    const Canned* start_date_in_past;
    std::string start_date_in_past_text;
    const Canned* same_offer;
    std::string same_offer_text;
    const Canned* line_in_use;
    std::string line_in_use_text;
    // The portal's own.
    std::string too_many_attempts;
    std::string session_expired;
    std::string session_invalid;
    std::string fix_fields;
    std::string network;
    std::string server_error;
    std::string unreachable;
    std::string draft_not_found;
};

const Words french{
    "fr-FR,fr",
    "fr",
    &canned::verification_failed_fr,
    "Ce CIN et ce numéro de ligne ne correspondent à aucun abonnement. Vérifiez-les et réessayez.",
    &canned::start_date_in_past_fr,
    "La date de début ne peut pas être dans le passé.",
    &canned::same_offer_fr,
    "Ce contrat a déjà cette offre.",
    &canned::line_in_use_fr,
    "Cette ligne a déjà un contrat. Vérifiez le numéro, ou contactez-nous pour la transférer.",
    "Trop de tentatives. Réessayez dans 900 secondes.",
    "Votre session a expiré. Identifiez-vous à nouveau : ce que vous faisiez est conservé.",
    "Votre session n'est plus valable. Identifiez-vous à nouveau.",
    "Veuillez corriger les champs signalés.",
    "La connexion a échoué. Vos informations sont conservées : réessayez.",
    "Le serveur a rencontré un problème. Réessayez dans un instant.",
    "Impossible de joindre le serveur. Vérifiez votre connexion puis réessayez.",
    "Ce brouillon est introuvable. Vous pouvez commencer une nouvelle souscription.",
};

const Words english{
    "en-GB,en;q=0.9",
    "en",
    &canned::verification_failed_en,
    "This CIN and line number do not match any subscription. Check them and try again.",
    &canned::start_date_in_past_en,
    "The start date cannot be in the past.",
    &canned::same_offer_en,
    "This contract already has this offer.",
    &canned::line_in_use_en,
    "This line already has a contract. Check the number, or contact us to transfer it.",
    "Too many attempts. Try again in 900 seconds.",
    "Your session has expired. Verify your identity again: what you were doing is kept.",
    "Your session is no longer valid. Verify your identity again.",
    "Please correct the fields marked in red.",
    "The connection failed. Your details are kept: please try again.",
    "The server ran into a problem. Try again in a moment.",
    "The server cannot be reached. Check your connection, then try again.",
    "This draft cannot be found. You can start a new subscription.",
};

const Words* const both[] = {&french, &english};

// A fixture whose browser speaks `w`'s language, the page open.
void open_in(PortalFixture& p, const Words& w, std::string_view query = "") {
    p.browser.languages = w.browser_languages;
    p.open(query);
    REQUIRE(p.state()["language"] == w.language);
}

} // namespace

TEST_CASE("verification refusals are worded in the person's language") {
    for (const Words* w : both) {
        CAPTURE(w->language);
        PortalFixture p;
        open_in(p, *w);
        p.customer().start();
        p.type("verify_cin", "AB123456");
        p.type("verify_line", "06 11 22 33 44"); // not hers

        script(p.http, *w->verification_failed);
        p.customer().verify();
        p.http.settle();
        CHECK(p.screen() == "verify");
        CHECK(p.notice() == w->verification_failed_text);
        CHECK(p.typed("verify_cin") == "AB123456");
        CHECK(p.typed("verify_line") == "06 11 22 33 44");

        script(p.http, canned::too_many_attempts); // with Retry-After: 900
        p.customer().verify();
        p.http.settle();
        CHECK(p.screen() == "verify");
        CHECK(p.notice() == w->too_many_attempts);
    }
}

TEST_CASE("plan change refusals are worded in the person's language, field errors under their field") {
    // Amina on the plan change screen (Mobile Illimité from 2026-12-15), in `w`'s language,
    // presses Confirm and the server answers `answer`.
    const auto refused = [](PortalFixture& p, const Words& w, const Canned& answer) {
        open_in(p, w);
        p.verify_as_amina();
        p.choose_plan_change("2026-12-15");
        script(p.http, answer);
        p.customer().confirm_change();
        p.http.settle();
    };

    SUBCASE("the server's day has moved on: the date is refused under the date field") {
        for (const Words* w : both) {
            CAPTURE(w->language);
            PortalFixture p;
            refused(p, *w, *w->start_date_in_past);
            CHECK(p.screen() == "plan_change");
            CHECK(p.notice() == w->fix_fields);
            CHECK(p.error("effective_date") == w->start_date_in_past_text);
            CHECK(p.typed("effective_date") == "2026-12-15");
            // Editing the date takes the server's error away.
            p.type("effective_date", "2026-12-16");
            CHECK(p.error("effective_date") == "");
        }
    }
    SUBCASE("a conflict: the server's explanation, and the error under the offers") {
        for (const Words* w : both) {
            CAPTURE(w->language);
            PortalFixture p;
            refused(p, *w, *w->same_offer);
            CHECK(p.screen() == "plan_change");
            CHECK(p.notice() == w->same_offer_text);
            CHECK(p.error("target_offer_id") == w->same_offer_text);
        }
    }
    SUBCASE("an expired session") {
        for (const Words* w : both) {
            CAPTURE(w->language);
            PortalFixture p;
            refused(p, *w, canned::lookup_token_expired);
            CHECK(p.screen() == "verify");
            CHECK(p.notice() == w->session_expired);
        }
    }
    SUBCASE("a token the server does not accept") {
        for (const Words* w : both) {
            CAPTURE(w->language);
            PortalFixture p;
            refused(p, *w, canned::plan_changed);
            REQUIRE(p.screen() == "plan_changed");
            script(p.http, canned::lookup_token_invalid);
            p.customer().back_to_dashboard(); // the list of subscriptions is asked again
            p.http.settle();
            CHECK(p.screen() == "verify");
            CHECK(p.notice() == w->session_invalid);
        }
    }
    SUBCASE("a server fault, a proxy's error page, no answer at all") {
        for (const Words* w : both) {
            CAPTURE(w->language);
            PortalFixture p;
            open_in(p, *w);
            p.verify_as_amina();
            p.choose_plan_change("2026-12-15");
            p.http.script("POST", "/landing/submit/plan-change", 503, "");
            p.customer().confirm_change();
            p.http.settle();
            CHECK(p.screen() == "plan_change");
            CHECK(p.notice() == w->server_error);
            p.http.script("POST", "/landing/submit/plan-change", 502, "<html><body>Bad Gateway</body></html>");
            p.customer().confirm_change();
            p.http.settle();
            CHECK(p.notice() == w->server_error);
            p.http.fail_network("POST", "/landing/submit/plan-change");
            p.customer().confirm_change();
            p.http.settle();
            CHECK(p.notice() == w->network);
        }
    }
}

TEST_CASE("signup refusals are worded in the person's language, field errors under their field") {
    SUBCASE("a line already under contract") {
        for (const Words* w : both) {
            CAPTURE(w->language);
            PortalFixture p;
            open_in(p, *w);
            p.fill_signup();
            script(p.http, *w->line_in_use);
            p.signup().submit();
            p.http.settle();
            CHECK(p.screen() == "signup");
            CHECK(p.notice() == w->line_in_use_text);
            CHECK(p.error("service_identifier") == w->line_in_use_text);
            CHECK(p.typed("service_identifier") == "06 61 23 45 67");
        }
    }
    SUBCASE("a draft link nobody saved") {
        for (const Words* w : both) {
            CAPTURE(w->language);
            PortalFixture p;
            script(p.http, canned::draft_not_found);
            open_in(p, *w, "?draft=drf_0000000000000000000000000000");
            CHECK(p.screen() == "loading");
            CHECK(p.busy() == "loading_draft");
            p.http.settle();
            CHECK(p.screen() == "offers");
            CHECK(p.notice() == w->draft_not_found);
            CHECK(p.browser.query == ""); // the dead link leaves the address bar
        }
    }
    SUBCASE("the server cannot be reached at start-up, then can") {
        for (const Words* w : both) {
            CAPTURE(w->language);
            PortalFixture p;
            p.browser.languages = w->browser_languages;
            p.http.fail_network("GET", "/landing/bootstrap");
            p.app().start();
            p.http.settle();
            CHECK(p.screen() == "unreachable");
            CHECK(p.notice() == w->unreachable);
            script(p.http, canned::bootstrap);
            p.app().load_bootstrap(); // "Try again"
            CHECK(p.screen() == "loading");
            p.http.settle();
            CHECK(p.screen() == "offers");
            CHECK(p.notice() == "");
            CHECK(p.state()["offers"].size() == 8);
        }
    }
}

TEST_CASE_FIXTURE(PortalFixture,
                  "switching language rewords the notice on screen, is remembered, and the server is asked in it") {
    open();
    verify_as_amina();
    choose_plan_change("2026-12-15");
    http.fail_network("POST", "/landing/submit/plan-change");
    customer().confirm_change();
    http.settle();
    REQUIRE(notice() == french.network);

    app().session().change_language(Language::English); // the EN switch
    CHECK(notice() == english.network);
    CHECK(state()["language"] == "en");
    CHECK(browser.preferences["language"] == "en");
    CHECK(browser.page_language == "en");

    script(http, *english.same_offer); // answers only a request asked in English
    customer().confirm_change();
    http.settle();
    CHECK(notice() == english.same_offer_text);
    const auto changes = http.sent_to("POST", "/landing/submit/plan-change");
    REQUIRE(changes.size() == 2);
    CHECK(header(changes[1], "Accept-Language") == "en");
    CHECK(body_of(changes[1])["language"] == "en");
}

TEST_CASE("the first visit follows the browser's languages, then the person's choice") {
    struct Visit {
        const char* browser_languages;
        const char* remembered;
        const char* shown;
    };
    for (const Visit v : {Visit{"en-GB,fr", "", "en"}, Visit{"de-DE,fr-CA,en", "", "fr"}, Visit{"de-DE,es", "", "fr"},
                          Visit{"en-US,en", "fr", "fr"}}) {
        CAPTURE(v.browser_languages);
        CAPTURE(v.remembered);
        PortalFixture p;
        p.browser.languages = v.browser_languages;
        if (*v.remembered)
            p.browser.preferences["language"] = v.remembered;
        p.open();
        CHECK(p.state()["language"] == v.shown);
        CHECK(p.browser.page_language == v.shown);
        CHECK(header(p.http.sent().at(0), "Accept-Language") == v.shown);
    }
}

} // namespace isp::portal::test
