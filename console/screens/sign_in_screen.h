// The sign-in screen: e-mail and password, then the authenticator's code when the account
// has one; or the new password of an invitation or reset link, its rule checked as typed.
// Draws console/app/sign_in.h's state, centred in the page.
#pragma once
#include "console/app/console_app.h"

namespace isp::console {

class SignInScreen {
public:
    explicit SignInScreen(ConsoleApp& app) : app_(app) {}
    void draw(bool entered);

private:
    void draw_credentials(bool entered);
    void draw_second_factor(bool entered);
    void draw_set_password(bool entered);

    ConsoleApp& app_;
};

} // namespace isp::console
