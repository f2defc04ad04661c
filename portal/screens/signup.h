// Signup screen: the chosen offer, the person's details (each field checked as they type
// with shared/signup's check_signup), the commitment, and the Save draft / Submit actions.
#pragma once
#include "portal/app/app.h"
#include "portal/screens/screen.h"

namespace isp::portal {

class SignupScreen : public Screen {
public:
    explicit SignupScreen(App& app) : Screen("signup", app.session()), journey_(app.signup()) {}

    std::string title() const override;

protected:
    void draw_content() override;

private:
    void draw_offer_summary();
    void draw_fields(bool enabled);
    void draw_commitment(bool enabled);
    void draw_draft_link();
    void draw_actions();
    // Shows the error of `field` under the last item; brings it into view after a failed submit.
    void field_error(std::string_view field);

    SignupJourney& journey_;
    bool scroll_pending_ = false;
    double copied_at_ = -1.0;
    int drafts_seen_ = 0; // journey's drafts_saved() when the draft link was last brought into view
};

} // namespace isp::portal
