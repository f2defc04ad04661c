// Plan change: the subscription's eligible offers (upgrade/downgrade, monthly difference),
// the effective date checked as typed with shared/billing's check_plan_change, a preview of
// the month's prorated invoice (shared/billing/proration), and confirm.
#pragma once
#include "portal/app/app.h"
#include "portal/screens/screen.h"

namespace isp::portal {

class PlanChangeScreen : public Screen {
public:
    explicit PlanChangeScreen(App& app) : Screen("plan_change", app.session()), journey_(app.customer()) {}

    std::string title() const override;

protected:
    void draw_content() override;

private:
    void draw_preview();

    CustomerJourney& journey_;
};

} // namespace isp::portal
