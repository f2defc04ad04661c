#include "portal/screens/verify.h"
#include <optional>

#include "imgui.h"
#include "portal/screens/screen_registry.h"
#include "portal/ui/theme.h"
#include "portal/ui/widgets.h"

namespace isp::portal {
namespace {

const RegisterScreen<VerifyScreen> registered; // drawn when CustomerJourney::screen() is "verify"

} // namespace

std::string VerifyScreen::title() const {
    return std::string{tr(Text::VerifyHeading)} + " \u2013 " + Screen::title();
}

void VerifyScreen::draw_content() {
    const bool idle = journey_.busy() == CustomerBusy::None;
    ui::heading(tr(Text::VerifyHeading), ui::title_font_size);
    ui::muted_text(tr(Text::VerifyIntro));
    ui::gap(12.0f);
    struct Field {
        const char* name;
        Text label;
        std::optional<Text> hint;
        std::string& value;
    };
    const Field fields[] = {{"verify_cin", Text::VerifyCinLabel, std::nullopt, journey_.cin()},
                            {"verify_line", Text::VerifyLineLabel, Text::VerifyLineHint, journey_.line()}};
    for (const Field& f : fields) {
        ImGui::PushID(f.name);
        ui::bold_text(tr(f.label));
        if (f.hint)
            ui::muted_text(tr(*f.hint), ui::small_font_size);
        const auto error = journey_.shown_error(f.name);
        const ui::FieldEvents events = ui::text_input(f.name, f.value, error.has_value(), idle);
        if (events.edited)
            journey_.field_edited(f.name);
        if (events.left)
            journey_.field_left(f.name);
        if (events.submitted && idle)
            journey_.verify();
        if (error)
            ui::error_text(*error);
        ImGui::PopID();
        ui::gap(6.0f);
    }
    ui::gap(10.0f);
    if (const auto& notice = journey_.notice()) {
        const std::string message = worded(*notice, lang());
        ui::banner(message, notice->error ? ui::Tone::Error : ui::Tone::Info, "notice");
        ui::gap(8.0f);
    }
    const float width = narrow() ? -1.0f : 0.0f;
    if (ui::primary_button(tr(Text::Verify), "button:verify", idle, width))
        journey_.verify();
    if (!narrow())
        ImGui::SameLine();
    if (ui::secondary_button(tr(Text::BackToOffers), "button:back_to_offers", idle, width))
        journey_.leave();
    if (journey_.busy() == CustomerBusy::Verifying)
        ui::progress(tr(Text::Verifying));
    else if (journey_.busy() == CustomerBusy::Loading)
        ui::progress(tr(Text::LoadingSubscriptions));
}

} // namespace isp::portal
