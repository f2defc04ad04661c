// The screen shown while the portal cannot show anything else yet: loading (with
// progress) or the server unreachable (with a retry button).
#pragma once
#include <functional>
#include <optional>

#include "portal/screens/screen.h"

namespace isp::portal {

class StatusScreen : public Screen {
public:
    explicit StatusScreen(Session& session) : Screen("loading", session) {}

    void show_progress(Text message);
    // `detail`: a second line (e.g. the server's own words), may be empty.
    void show_problem(Text message, std::string detail, std::function<void()> retry);

    std::string_view name() const override { return retry_ ? "unreachable" : "loading"; }
    std::string title() const override;

protected:
    void draw_content() override;

private:
    Text message_ = Text::LoadingPortal;
    std::string detail_;
    std::function<void()> retry_; // set: a problem; empty: in progress
};

} // namespace isp::portal
