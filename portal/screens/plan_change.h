// Plan change: the subscription's eligible offers (upgrade/downgrade, monthly difference),
// the effective date checked as typed with shared/billing's check_plan_change, a preview of
// the month's prorated invoice (shared/billing/proration), and confirm.
#pragma once
#include "portal/app/customer_journey.h"
#include "portal/screens/screen.h"

namespace isp::portal {

class PlanChangeScreen : public Screen {
public:
    PlanChangeScreen(Session& session, CustomerJourney& journey) : Screen("plan_change", session), journey_(journey) {}

    std::string title() const override;

protected:
    void draw_content() override;

private:
    void draw_preview();

    CustomerJourney& journey_;
};

} // namespace isp::portal
