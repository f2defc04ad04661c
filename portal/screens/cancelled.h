// After a cancellation: the termination date, the early termination amount and the new
// contract version that says both, with its download.
#pragma once
#include "portal/app/app.h"
#include "portal/screens/screen.h"

namespace isp::portal {

class CancelledScreen : public Screen {
public:
    explicit CancelledScreen(App& app) : Screen("cancelled", app.session()), journey_(app.customer()) {}

    std::string title() const override;

protected:
    void draw_content() override;

private:
    CustomerJourney& journey_;
};

} // namespace isp::portal
