// A journey: one thing a person comes to the portal to do (subscribe, manage their
// subscriptions). It holds its state and commands, and says what the person sees of it:
// which of its screens is shown (by name: each screens/<name>.cpp registers its screen under
// that name), the notice and field errors on it, and its part of the end-to-end tests' state
// summary. App asks its journeys in turn and composes their answers; it knows no screen.
// Plain C++ over shared/ and the platform interfaces: compiled natively too (tests/portal).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "portal/api/api_client.h"
#include "portal/api/landing_types.h"
#include "portal/i18n/ui_text.h"

namespace isp::portal {

// A message above a screen's buttons: one of ours (translated on each draw) or the server's.
struct Notice {
    std::optional<Text> text;
    std::string server_message;
    bool error = true;
};

// The notice's words in `language`.
std::string worded(const Notice& notice, Language language);

// What to tell the person when a call failed: retry after a network failure, a generic
// message for a server fault, else the server's own detail, else `fallback`.
Notice notice_for(const ApiError& error, Text fallback);

// Which screen is shown: a journey's screen by name ("offers", "verify", ...), or the status
// screen ("loading", "unreachable") with its message while there is nothing else to show.
struct ShownScreen {
    static constexpr std::string_view loading = "loading";
    static constexpr std::string_view unreachable = "unreachable";

    explicit ShownScreen(std::string_view screen_name = {}) : name(screen_name) {}
    // The status screen (`loading` or `unreachable`) with its message and a second line.
    ShownScreen(std::string_view status, Text status_message, std::string status_detail = {})
        : name(status), message(status_message), detail(std::move(status_detail)) {}

    std::string_view name;              // from a journey, "": the next journey decides
    Text message = Text::LoadingPortal; // the status screen's message
    std::string detail;                 // the status screen's second line (the server's words), may be ""
};

// The field errors shown on a screen, as (field, message), in the order of the fields.
using ShownErrors = std::vector<std::pair<std::string, std::string>>;

class Journey {
public:
    Journey() = default;
    virtual ~Journey() = default;
    Journey(const Journey&) = delete;
    Journey& operator=(const Journey&) = delete;

    // The catalog arrived (offers, the server's date); it lives as long as the app.
    virtual void attach(const Bootstrap* catalog) = 0;
    // The page's language: the journey's messages and what it sends follow it.
    virtual void set_language(Language language) = 0;

    // The screen it shows now; a name of "" leaves the page to the next journey.
    virtual ShownScreen screen() const = 0;
    // The screen whose address the page has (page_address.h): the one shown, or the one it
    // leads back to (verifying again before the invoices keeps the invoices' address).
    virtual std::string_view address() const { return screen().name; }
    // Back, Forward or a reload brought the person to `screen`'s address: show it, or what
    // must come before it. Only called on the journey the screen belongs to.
    virtual void return_to(std::string_view screen) = 0;
    // What it waits for, as the tests' state says it ("verifying", "submitting", ...); "" when idle.
    virtual std::string_view busy_name() const = 0;
    // The notice on its screen, if any.
    virtual const std::optional<Notice>& notice() const = 0;
    // The field errors on its screen now.
    virtual ShownErrors shown_errors() const = 0;
    // Adds its part of the tests' state summary (portal/README.md, "Test hooks") to `state`:
    // its own keys, and its typed fields under the shared "form" object.
    virtual void describe(nlohmann::json& state) const = 0;
};

} // namespace isp::portal
