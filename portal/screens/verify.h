// Verification screen (existing customers): CIN and line number, each checked as typed with
// shared/ rules; the server's refusal (or the wait after too many attempts) above the button.
#pragma once
#include "portal/app/app.h"
#include "portal/screens/screen.h"

namespace isp::portal {

class VerifyScreen : public Screen {
public:
    explicit VerifyScreen(App& app) : Screen("verify", app.session()), journey_(app.customer()) {}

    std::string title() const override;

protected:
    void draw_content() override;

private:
    CustomerJourney& journey_;
};

} // namespace isp::portal
