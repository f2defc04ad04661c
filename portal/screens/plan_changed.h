// After a plan change: the contract's new offer and document version, and its download.
#pragma once
#include "portal/app/customer_journey.h"
#include "portal/screens/screen.h"

namespace isp::portal {

class PlanChangedScreen : public Screen {
public:
    PlanChangedScreen(Session& session, CustomerJourney& journey)
        : Screen("plan_changed", session), journey_(journey) {}

    std::string title() const override;

protected:
    void draw_content() override;

private:
    CustomerJourney& journey_;
};

} // namespace isp::portal
