// Entry point of the browser portal: starts the app, creates the window, loads the fonts,
// and hands the frames to the screen host.
#include "portal/app/app.h"
#include "portal/i18n/ui_text.h"
#include "portal/screens/screen_host.h"
#include "webapp/platform/browser.h"
#include "webapp/platform/window.h"
#include "webapp/ui/theme.h"

int main() {
    using namespace isp::portal;
    namespace webapp = isp::webapp;
    // Both live as long as the page: the frame loop outlives main().
    static App app;
    static ScreenHost host(app);
    // Started before the window: the catalog request is on its way while the GL context is created.
    app.start([] { webapp::platform::draw_first_frame_soon(); });
    if (!webapp::platform::create_window("portal")) {
        webapp::platform::show_fatal(std::string{text(Text::NoWebGL, isp::Language::French)} + "\n" +
                                     std::string{text(Text::NoWebGL, isp::Language::English)});
        return 1;
    }
    webapp::ui::load_fonts();
    webapp::platform::run(host);
    return 0;
}
