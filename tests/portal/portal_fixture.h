// One person at the portal, for a native journey test: the fakes of the platform reset, a
// fresh App started as the browser opens the page, and what the person would do on its
// screens (type into a field and leave it; the buttons are the journeys' commands, called as
// the screens call them). What they see is read from App: the screen, the notice, the field
// errors and the typed fields, as window.portalTest.state gives them to the end-to-end tests.
#pragma once
#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "canned.h"
#include "fake_browser.h"
#include "fake_http.h"
#include "portal/app/app.h"

namespace isp::portal::test {
using webapp::test::api_path;
using webapp::test::fake_browser;
using webapp::test::FakeBrowser;
using webapp::test::header;
using webapp::test::query_value;
} // namespace isp::portal::test

namespace isp::portal::test {

class PortalFixture {
public:
    PortalFixture();
    ~PortalFixture();
    PortalFixture(const PortalFixture&) = delete;
    PortalFixture& operator=(const PortalFixture&) = delete;

    // Opens the page with `query` in the address bar ("?draft=drf_..."), the catalog answered.
    void open(std::string_view query = "");
    // The browser reloads the tab: a new App on the same address, history and tab storage
    // (what was in memory, the lookup token among it, is gone), the catalog answered.
    void reload();
    // What the screens' frame does first: follows the address bar (App::follow_address).
    void frame() { app_->follow_address(); }

    // --- what the person sees -------------------------------------------------------------
    nlohmann::json state() const { return app().test_state(); }
    std::string screen() const;
    std::string notice() const;                      // "" when there is none
    std::string error(std::string_view field) const; // the error under `field`, "" when none
    std::string typed(std::string_view field) const; // what `field` holds ("form" of the state)
    std::string busy() const;

    // --- what the person does ---------------------------------------------------------------
    // Types `value` into the text field `field` (its name on screen: "verify_cin", "phone", ...)
    // and leaves it, as the screens report it to the journey.
    void type(std::string_view field, std::string value);
    // "I am already a customer", then Amina's CIN and line, Verify: the dashboard, answered.
    void verify_as_amina();
    // From the dashboard: change ctr_demo_amina's plan to Mobile Illimité from `date`.
    void choose_plan_change(std::string_view date = "2026-12-15");
    // The signup form filled in for Karim Alaoui on Mobile Essentiel (no submit).
    void fill_signup();

    App& app() { return *app_; }
    const App& app() const { return *app_; }
    SignupJourney& signup() { return app_->signup(); }
    CustomerJourney& customer() { return app_->customer(); }

    FakeHttp& http;
    FakeBrowser& browser;

private:
    std::unique_ptr<App> app_;
};

// The text as a sighted person reads it: no-break spaces (money, French punctuation) as spaces.
std::string plain(std::string text);
// The JSON body the request carried.
nlohmann::json body_of(const webapp::platform::HttpRequest& request);
// A canned answer's body as JSON.
nlohmann::json json_of(const Canned& answer);

} // namespace isp::portal::test
