// Offers screen: the catalog grouped by service family, each offer with its monthly price
// before and with tax; choosing one starts the signup form. Existing customers go to
// verification from here.
#pragma once
#include "portal/app/app.h"
#include "portal/screens/screen.h"

namespace isp::portal {

class OffersScreen : public Screen {
public:
    explicit OffersScreen(App& app)
        : Screen("offers", app.session()), journey_(app.signup()), customer_(app.customer()) {}

    std::string title() const override;

protected:
    void draw_content() override;

private:
    void draw_offer_card(const Offer& offer);

    SignupJourney& journey_;
    CustomerJourney& customer_;
};

} // namespace isp::portal
