// The portal application: starts up (language, the catalog, then a draft named in the
// address bar), owns the session and the journeys, and composes what they show: the screen
// (the first journey, in order, that has one), the notice and field errors on it, and the
// end-to-end tests' state summary, each journey giving its part. It draws nothing and knows
// no screen: screens/screen_host.h draws the screen App names. Compiled natively too
// (tests/portal drives it against a scripted fake of platform/http.h).
#pragma once
#include <array>
#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "portal/api/api_client.h"
#include "portal/app/customer_journey.h"
#include "portal/app/journey.h"
#include "portal/app/session.h"
#include "portal/app/signup_journey.h"

namespace isp::portal {

class App {
public:
    App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    // Reads the address bar and the remembered language, and asks the server for the catalog;
    // `catalog_answered` runs as soon as it answered (or failed): the window draws then.
    void start(std::function<void()> catalog_answered = {});
    // Asks for the catalog again (the unreachable screen's retry).
    void load_bootstrap();
    bool ready() const { return phase_ == Phase::Ready; }
    // The catalog answered, or a second passed: there is something worth a first frame.
    bool first_frame_ready() const;

    // --- what the person sees ---------------------------------------------------------
    ShownScreen screen() const;
    // The notice on the screen (a journey's message, or why the catalog could not be loaded).
    std::optional<std::string> shown_notice() const;
    ShownErrors shown_errors() const;
    // window.portalTest.state without the widgets (portal/README.md, "Test hooks").
    nlohmann::json test_state() const;

    // --- the address bar (page_address.h) ----------------------------------------------
    // Once per frame, before drawing: a move of the browser's history (Back, Forward) shows
    // the screen its address names; then a screen the person went to gets an entry of the
    // history of its own (one reached by Back or Forward, or standing in for it, does not).
    void follow_address();

    // --- for screens --------------------------------------------------------------------
    Session& session() { return session_; }
    const Session& session() const { return session_; }
    SignupJourney& signup() { return signup_; }
    CustomerJourney& customer() { return customer_; }

private:
    enum class Phase { Loading, Unreachable, Ready };

    void set_language(Language language);
    // Shows the screen an address names (a reload, Back, Forward), through its journey.
    void go_to(std::string_view screen);
    // The journey whose screen is shown.
    const Journey& front() const;

    ApiClient api_;
    Session session_;
    SignupJourney signup_;
    CustomerJourney customer_;
    // In order of precedence: the customer's journey has the page once started, else the
    // signup journey (its offers are the home page).
    const std::array<Journey*, 2> journeys_;

    Phase phase_ = Phase::Loading;
    ApiError bootstrap_error_;
    std::optional<Bootstrap> bootstrap_;
    std::string pending_draft_id_; // from ?draft=, loaded once the catalog is here
    std::string pending_screen_;   // from the address's fragment (a reload), shown then too
    std::string shown_address_;    // the fragment the address bar has, "" before the first screen
    std::chrono::steady_clock::time_point started_;
    std::function<void()> catalog_answered_;
};

} // namespace isp::portal
