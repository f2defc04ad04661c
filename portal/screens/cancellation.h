// Cancelling a subscription: the two choices with their dates (the end of the commitment, at
// no cost, or a chosen date with the early termination amount), then the confirmation.
#pragma once
#include "portal/app/app.h"
#include "portal/screens/screen.h"

namespace isp::portal {

class CancellationScreen : public Screen {
public:
    explicit CancellationScreen(App& app) : Screen("cancellation", app.session()), journey_(app.customer()) {}

    std::string title() const override;

protected:
    void draw_content() override;

private:
    CustomerJourney& journey_;
};

} // namespace isp::portal
