#include "portal/screens/screen_host.h"

#include <stdexcept>
#include <utility>

#include "portal/screens/screen_registry.h"
#include "webapp/platform/browser.h"
#include "webapp/platform/image.h"
#include "webapp/ui/test_probe.h"
#include "webapp/ui/theme.h"
#include "webapp/ui/widgets.h"

namespace isp::portal {

ScreenHost::ScreenHost(App& app) : app_(app), status_screen_(app.session()) {
    for (ScreenFactory make : registered_screens()) {
        std::unique_ptr<Screen> screen = make(app_);
        std::string name{screen->name()};
        screens_.emplace(std::move(name), std::move(screen));
    }
}

Screen& ScreenHost::current_screen() {
    const ShownScreen shown = app_.screen();
    if (shown.name == ShownScreen::loading) {
        status_screen_.show_progress(shown.message);
        return status_screen_;
    }
    if (shown.name == ShownScreen::unreachable) {
        status_screen_.show_problem(shown.message, shown.detail, [this] { app_.load_bootstrap(); });
        return status_screen_;
    }
    const auto it = screens_.find(shown.name);
    if (it == screens_.end()) // a journey names a screen no file registered: a programming error
        throw std::logic_error("no screen registered as \"" + std::string{shown.name} + "\"");
    return *it->second;
}

void ScreenHost::prepare_frame(float ui_scale) {
    webapp::ui::apply_theme(ui_scale);
}

void ScreenHost::draw_frame(float pixel_ratio) {
    webapp::ui::probe::begin_frame();
    app_.follow_address(); // Back and Forward first: the frame draws where they lead
    Screen& screen = current_screen();
    const bool entered = &screen != shown_screen_;
    screen.draw(entered);
    shown_screen_ = &screen;
    if (std::string title = screen.title(); title != shown_title_) {
        webapp::platform::set_page_title(title);
        shown_title_ = std::move(title);
    }
    announce_messages(entered ? shown_title_ : std::string{});
    webapp::ui::end_frame();
    if (webapp::ui::probe::enabled()) { // built only for tests: a whole summary of the state each frame
        nlohmann::json state = app_.test_state();
        state["screen"] = std::string{screen.name()}; // the screen these widgets were drawn on
        webapp::ui::probe::end_frame(pixel_ratio, std::move(state));
    }
}

void ScreenHost::frame_drawn() {
    if (marked_interactive_ || !app_.ready())
        return;
    webapp::platform::mark_timing("portal:first-interactive-frame"); // the catalog is drawn and can be clicked
    marked_interactive_ = true;
    // Asked for only now, so that it never competes with the offers: the logo joins the
    // header when it arrives.
    const Bootstrap* catalog = app_.session().catalog;
    if (catalog && !catalog->operator_logo_url.empty())
        webapp::platform::load_image(catalog->operator_logo_url,
                                     [this](webapp::platform::Image logo) { app_.session().operator_logo = logo; });
}

// What a sighted person reads next to the fields, for screen readers: the notice, then
// each field error, once each time it changes. On a new screen, its title first (`arrived`),
// as a screen reader says a new web page's, once.
void ScreenHost::announce_messages(const std::string& arrived) {
    std::string message = app_.shown_notice().value_or("");
    for (const auto& [field, error] : app_.shown_errors())
        message += (message.empty() ? "" : " ") + error;
    if (!arrived.empty()) {
        webapp::platform::announce(message.empty() ? arrived : arrived + ". " + message);
        announced_ = std::move(message);
    } else if (message != announced_) {
        webapp::platform::announce(message);
        announced_ = std::move(message);
    }
}

} // namespace isp::portal
