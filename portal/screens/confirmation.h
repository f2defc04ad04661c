// Confirmation screen: the contract exists; shows its number and what was agreed, and
// offers the contract document (PDF) through its signed, expiring link.
#pragma once
#include "portal/app/signup_journey.h"
#include "portal/screens/screen.h"

namespace isp::portal {

class ConfirmationScreen : public Screen {
public:
    ConfirmationScreen(Session& session, SignupJourney& journey) : Screen("confirmation", session), journey_(journey) {}

    std::string title() const override;

protected:
    void draw_content() override;

private:
    void detail_line(Text label, const std::string& value);

    SignupJourney& journey_;
};

} // namespace isp::portal
