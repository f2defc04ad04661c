#include "portal/screens/status.h"

#include "webapp/ui/widgets.h"

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
    webapp::ui::gap(24.0f);
    if (!retry_) {
        webapp::ui::progress(tr(message_));
        return;
    }
    webapp::ui::banner(tr(message_), webapp::ui::Tone::Error, "status:problem");
    if (!detail_.empty())
        webapp::ui::muted_text(detail_);
    webapp::ui::gap(12.0f);
    if (webapp::ui::primary_button(tr(Text::Retry), "button:retry"))
        retry_();
}

} // namespace isp::portal
