// Entry point of the staff console: starts the app (is there a session?), creates the
// window, loads the fonts, and hands the frames to the console frame.
#include "console/app/console_app.h"
#include "console/i18n/console_text.h"
#include "console/screens/console_frame.h"
#include "webapp/platform/browser.h"
#include "webapp/platform/window.h"
#include "webapp/ui/theme.h"

int main() {
    using namespace isp::console;
    namespace platform = isp::webapp::platform;
    // Both live as long as the page: the frame loop outlives main().
    static ConsoleApp app;
    static ConsoleFrame frame(app);
    // Started before the window: GET /me is on its way while the GL context is created.
    app.start();
    if (!platform::create_window("console")) {
        platform::show_fatal("WebGL 2 est n\u00e9cessaire. / WebGL 2 is required.");
        return 1;
    }
    isp::webapp::ui::load_fonts();
    platform::run(frame);
    return 0;
}
