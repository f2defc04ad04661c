#include "portal/screens/status.h"

#include "portal/ui/widgets.h"

namespace isp::portal {

void StatusScreen::show_progress(Text message) {
    message_ = message;
    detail_.clear();
    retry_ = nullptr;
}

void StatusScreen::show_problem(Text message, std::string detail, std::function<void()> retry) {
    message_ = message;
    detail_ = std::move(detail);
    retry_ = std::move(retry);
}

std::string StatusScreen::title() const {
    if (!retry_)
        return Screen::title();
    return std::string{tr(Text::PortalUnavailable)} + " \u2013 " + Screen::title();
}

void StatusScreen::draw_content() {
    ui::gap(24.0f);
    if (!retry_) {
        ui::progress(tr(message_));
        return;
    }
    ui::banner(tr(message_), ui::Tone::Error, "status:problem");
    if (!detail_.empty())
        ui::muted_text(detail_);
    ui::gap(12.0f);
    if (ui::primary_button(tr(Text::Retry), "button:retry"))
        retry_();
}

} // namespace isp::portal
