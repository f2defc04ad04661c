// Draws the console frame by frame: while starting, progress; when the server cannot be
// reached, why and a retry; signed out, the sign-in screen; signed in, the navigation (the
// sections the account's roles allow), the top bar (who is signed in, FR/EN, sign out), the
// section's notice and its view. Keeps the page title and the ARIA live region in step and
// publishes the test state when an end-to-end test asked for it.
#pragma once
#include <map>
#include <memory>
#include <string>

#include "console/app/console_app.h"
#include "console/screens/sign_in_screen.h"
#include "console/screens/view.h"
#include "webapp/platform/window.h"

namespace isp::console {

class ConsoleFrame : public webapp::platform::FrameClient {
public:
    explicit ConsoleFrame(ConsoleApp& app);

    bool first_frame_ready() const override { return app_.first_frame_ready(); }
    void prepare_frame(float ui_scale) override;
    void draw_frame(float pixel_ratio) override;
    void frame_drawn() override;

private:
    void draw_signed_in();
    void draw_navigation(float width);
    void draw_top_bar();
    void draw_status();
    void keep_page_in_step();

    ConsoleApp& app_;
    SignInScreen sign_in_screen_;
    std::map<std::string, std::unique_ptr<View>, std::less<>> views_; // by section name
    std::string drawn_;                                               // what was drawn last frame
    bool marked_interactive_ = false;
    std::string shown_title_;
    std::string announced_;
};

} // namespace isp::console
