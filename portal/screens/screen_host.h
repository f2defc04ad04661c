// Draws the portal frame by frame: the screen App names (each journey's screens registered
// under their names, screens/screen_registry.h), or the status screen while the catalog is
// loading or could not be loaded. Keeps the page's title and ARIA live region in step with
// what is shown, and publishes App's state summary when an end-to-end test asked for it.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "portal/app/app.h"
#include "portal/screens/screen.h"
#include "portal/screens/status.h"
#include "webapp/platform/window.h"

namespace isp::portal {

class ScreenHost : public webapp::platform::FrameClient {
public:
    explicit ScreenHost(App& app);

    bool first_frame_ready() const override { return app_.first_frame_ready(); }
    void prepare_frame(float ui_scale) override;
    void draw_frame(float pixel_ratio) override;
    void frame_drawn() override;

private:
    Screen& current_screen();
    void announce_messages(const std::string& arrived);

    App& app_;
    StatusScreen status_screen_;
    std::map<std::string, std::unique_ptr<Screen>, std::less<>> screens_; // by name
    const Screen* shown_screen_ = nullptr;                                // drawn last frame
    bool marked_interactive_ = false;
    std::string shown_title_;
    std::string announced_; // last text put in the ARIA live region
};

} // namespace isp::portal
