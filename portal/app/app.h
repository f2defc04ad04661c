// The portal application: starts up (bootstrap, then a draft named in the address bar),
// owns the session and the journeys (signup, existing customer), picks the screen to show from their state, and
// publishes a summary of that state for end-to-end tests.
#pragma once
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "portal/api/api_client.h"
#include "portal/app/customer_journey.h"
#include "portal/app/session.h"
#include "portal/app/signup_journey.h"
#include "portal/platform/window.h"
#include "portal/screens/confirmation.h"
#include "portal/screens/dashboard.h"
#include "portal/screens/invoices.h"
#include "portal/screens/offers.h"
#include "portal/screens/plan_change.h"
#include "portal/screens/plan_changed.h"
#include "portal/screens/signup.h"
#include "portal/screens/status.h"
#include "portal/screens/verify.h"

namespace isp::portal {

class App : public platform::FrameClient {
public:
    App();

    // Reads the address bar and asks the server for the catalog.
    void start();

    bool first_frame_ready() const override;
    void prepare_frame(float pixel_ratio) override;
    void draw_frame(float pixel_ratio) override;
    void frame_drawn() override;

private:
    enum class Phase { Loading, Unreachable, Ready };

    void load_bootstrap();
    void set_language(Language language);
    Screen& current_screen();
    std::optional<std::string> shown_notice(const Screen& screen) const;
    std::vector<std::pair<std::string, std::string>> shown_errors() const;
    void announce_messages(const Screen& screen);
    nlohmann::json test_state(const Screen& screen) const;
    void customer_test_state(nlohmann::json& state) const;

    ApiClient api_;
    Session session_;
    SignupJourney signup_;
    CustomerJourney customer_;
    Phase phase_ = Phase::Loading;
    ApiError bootstrap_error_;
    std::optional<Bootstrap> bootstrap_;
    std::string pending_draft_id_; // from ?draft=, loaded once the catalog is here
    std::chrono::steady_clock::time_point started_;

    StatusScreen status_screen_;
    OffersScreen offers_screen_;
    SignupScreen signup_screen_;
    ConfirmationScreen confirmation_screen_;
    VerifyScreen verify_screen_;
    DashboardScreen dashboard_screen_;
    PlanChangeScreen plan_change_screen_;
    PlanChangedScreen plan_changed_screen_;
    InvoicesScreen invoices_screen_;
    const Screen* shown_screen_ = nullptr; // drawn last frame
    bool marked_interactive_ = false;
    std::string shown_title_;
    std::string announced_; // last text put in the ARIA live region
};

} // namespace isp::portal
