// Entry point of the browser portal: creates the window, loads the fonts, starts the app.
#include "portal/app/app.h"
#include "portal/i18n/ui_text.h"
#include "portal/platform/browser.h"
#include "portal/platform/window.h"
#include "portal/ui/theme.h"

int main() {
    using namespace isp::portal;
    // Started before the window: the catalog request is on its way while the GL context is created.
    static App app; // lives as long as the page: the frame loop outlives main()
    app.start();
    if (!platform::create_window("portal")) {
        platform::show_fatal(std::string{text(Text::NoWebGL, isp::Language::French)} + "\n" +
                             std::string{text(Text::NoWebGL, isp::Language::English)});
        return 1;
    }
    ui::load_fonts();
    platform::run(app);
    return 0;
}
