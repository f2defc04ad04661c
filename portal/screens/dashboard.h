// Dashboard of a verified customer: each subscription (offer, family, prices, dates, line)
// with its contract document and the way to change its plan.
#pragma once
#include "portal/app/app.h"
#include "portal/screens/screen.h"

namespace isp::portal {

class DashboardScreen : public Screen {
public:
    explicit DashboardScreen(App& app) : Screen("dashboard", app.session()), journey_(app.customer()) {}

    std::string title() const override;

protected:
    void draw_content() override;

private:
    CustomerJourney& journey_;
};

} // namespace isp::portal
