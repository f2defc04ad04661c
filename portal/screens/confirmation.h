// Confirmation screen: the contract exists; shows its number and what was agreed, and
// offers the contract document (PDF) through its signed, expiring link.
#pragma once
#include "portal/app/app.h"
#include "portal/screens/screen.h"

namespace isp::portal {

class ConfirmationScreen : public Screen {
public:
    explicit ConfirmationScreen(App& app) : Screen("confirmation", app.session()), journey_(app.signup()) {}

    std::string title() const override;

protected:
    void draw_content() override;

private:
    void detail_line(Text label, const std::string& value);

    SignupJourney& journey_;
};

} // namespace isp::portal
