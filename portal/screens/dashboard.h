// Dashboard of a verified customer: each subscription (offer, family, prices, dates, line)
// with its contract document, its changes waiting for their date, and the ways to change
// its plan or cancel it.
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
    void draw_scheduled_changes(const Subscription& s, bool idle);
    CustomerJourney& journey_;
};

} // namespace isp::portal
