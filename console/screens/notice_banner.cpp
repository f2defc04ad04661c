#include "console/screens/notice_banner.h"

#include "console/i18n/console_text.h"
#include "imgui.h"
#include "webapp/ui/widgets.h"

namespace isp::console {

namespace wui = webapp::ui;

void draw_notice(const std::optional<Notice>& notice, Language language, const std::function<void()>& dismiss) {
    if (!notice)
        return;
    const wui::Tone tone = notice->kind == Notice::Kind::Error     ? wui::Tone::Error
                           : notice->kind == Notice::Kind::Success ? wui::Tone::Success
                                                                   : wui::Tone::Info;
    wui::banner(notice->text, tone, "notice");
    // Copied: a button's command may replace the notice it belongs to.
    const std::function<void()> retry = notice->retry;
    bool any = false;
    if (retry) {
        if (wui::primary_button(text(Text::Retry, language), "button:retry"))
            retry();
        any = true;
    }
    if (dismiss) {
        if (any)
            ImGui::SameLine();
        if (wui::secondary_button(text(Text::Dismiss, language), "button:dismiss"))
            dismiss();
        any = true;
    }
    wui::gap(10.0f);
}

} // namespace isp::console
