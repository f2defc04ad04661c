// The staff console application: starts up (language, a password link in the address, then
// GET /me: is there a session?), signs in and out, owns the sections and the place the
// console is at (with a history for Back), and sends the person back to sign-in when the
// session ends, then back to the same place. It draws nothing: console/screens draws what
// it says. Compiled natively too (tests/console drives it against a scripted fake HTTP).
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "console/api/staff_api.h"
#include "console/app/console_context.h"
#include "console/app/section.h"
#include "console/app/sign_in.h"

namespace isp::console {

class ConsoleApp {
public:
    enum class Phase { Starting, Unreachable, SignedOut, SignedIn };

    ConsoleApp();
    ConsoleApp(const ConsoleApp&) = delete;
    ConsoleApp& operator=(const ConsoleApp&) = delete;
    ~ConsoleApp();

    // Reads the address (a password link) and the language, then asks whether a session exists.
    void start();
    // Asks again after the server could not be reached at start.
    void retry_start();
    Phase phase() const { return phase_; }
    bool first_frame_ready() const { return phase_ != Phase::Starting; }

    // --- navigation ----------------------------------------------------------------------
    // The sections the navigation lists for the signed-in account, in its order.
    std::vector<Section*> visible_sections() const;
    Section* find(std::string_view name) const;
    Section* current() const; // the section at place(), when signed in
    const Place& place() const { return place_; }
    void go(Place place); // pushes the current place on the history
    bool can_go_back() const { return !history_.empty(); }
    void back();

    // --- the session ---------------------------------------------------------------------
    SignIn& sign_in() { return sign_in_; }
    const SignIn& sign_in() const { return sign_in_; }
    void sign_out();
    const ConsoleContext& context() const { return ctx_; }
    ConsoleContext& context() { return ctx_; }
    Language language() const { return ctx_.language; }
    void set_language(Language language);

    // window.portalTest.state without the widgets (console/README.md, "Test hooks").
    nlohmann::json test_state() const;

private:
    void signed_in(StaffSession session);
    void session_ended();
    void leave_current(); // the section at place() forgets what was only for its screen

    StaffApi api_;
    ConsoleContext ctx_;
    SignIn sign_in_;
    std::vector<std::unique_ptr<Section>> sections_; // in the navigation's order
    Phase phase_ = Phase::Starting;
    Place place_;
    std::vector<Place> history_;
    std::optional<Place> resume_; // where the session ended: signing in returns there
};

} // namespace isp::console
