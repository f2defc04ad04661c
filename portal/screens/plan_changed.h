// After a plan change: the contract's new offer and document version, and its download.
#pragma once
#include "portal/app/app.h"
#include "portal/screens/screen.h"

namespace isp::portal {

class PlanChangedScreen : public Screen {
public:
    explicit PlanChangedScreen(App& app) : Screen("plan_changed", app.session()), journey_(app.customer()) {}

    std::string title() const override;

protected:
    void draw_content() override;

private:
    CustomerJourney& journey_;
};

} // namespace isp::portal
