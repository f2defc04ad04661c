// Entry point of the browser portal: starts the app, creates the window, loads the fonts,
// and hands the frames to the screen host.
#include "portal/app/app.h"
#include "portal/i18n/ui_text.h"
#include "portal/platform/browser.h"
#include "portal/platform/window.h"
#include "portal/screens/screen_host.h"
#include "portal/ui/theme.h"

int main() {
    using namespace isp::portal;
    // Both live as long as the page: the frame loop outlives main().
    static App app;
    static ScreenHost host(app);
    // Started before the window: the catalog request is on its way while the GL context is created.
    app.start([] { platform::draw_first_frame_soon(); });
    if (!platform::create_window("portal")) {
        platform::show_fatal(std::string{text(Text::NoWebGL, isp::Language::French)} + "\n" +
                             std::string{text(Text::NoWebGL, isp::Language::English)});
        return 1;
    }
    ui::load_fonts();
    platform::run(host);
    return 0;
}
