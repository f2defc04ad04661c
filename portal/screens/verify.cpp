#include "portal/screens/verify.h"
#include <optional>

#include "imgui.h"
#include "portal/screens/screen_registry.h"
#include "webapp/ui/theme.h"
#include "webapp/ui/widgets.h"

namespace isp::portal {
namespace {

const RegisterScreen<VerifyScreen> registered; // drawn when CustomerJourney::screen() is "verify"

} // namespace

std::string VerifyScreen::title() const {
    return std::string{tr(Text::VerifyHeading)} + " \u2013 " + Screen::title();
}

void VerifyScreen::draw_content() {
    const bool idle = journey_.busy() == CustomerBusy::None;
    webapp::ui::heading(tr(Text::VerifyHeading), webapp::ui::title_font_size);
    webapp::ui::muted_text(tr(Text::VerifyIntro));
    webapp::ui::gap(12.0f);
    struct Field {
        const char* name;
        Text label;
        std::optional<Text> hint;
        std::string& value;
        webapp::semantics::FieldKind kind; // what the browser may fill it with
    };
    const Field fields[] = {
        {"verify_cin", Text::VerifyCinLabel, std::nullopt, journey_.cin(), webapp::semantics::FieldKind::Text},
        {"verify_line", Text::VerifyLineLabel, Text::VerifyLineHint, journey_.line(),
         webapp::semantics::FieldKind::Telephone}};
    for (const Field& f : fields) {
        ImGui::PushID(f.name);
        webapp::ui::bold_text(tr(f.label));
        if (f.hint)
            webapp::ui::muted_text(tr(*f.hint), webapp::ui::small_font_size);
        const auto error = journey_.shown_error(f.name);
        const webapp::ui::FieldEvents events =
            webapp::ui::text_input(f.name, f.value, error.has_value(), idle,
                                   {.label = tr(f.label),
                                    .hint = f.hint ? tr(*f.hint) : std::string_view{},
                                    .error = error ? std::string_view{*error} : std::string_view{},
                                    .kind = f.kind});
        if (events.edited)
            journey_.field_edited(f.name);
        if (events.left)
            journey_.field_left(f.name);
        if (events.submitted && idle)
            journey_.verify();
        if (error)
            webapp::ui::error_text(*error);
        ImGui::PopID();
        webapp::ui::gap(6.0f);
    }
    webapp::ui::gap(10.0f);
    if (const auto& notice = journey_.notice()) {
        const std::string message = worded(*notice, lang());
        webapp::ui::banner(message, notice->error ? webapp::ui::Tone::Error : webapp::ui::Tone::Info, "notice");
        webapp::ui::gap(8.0f);
    }
    const float width = narrow() ? -1.0f : 0.0f;
    if (webapp::ui::primary_button(tr(Text::Verify), "button:verify", idle, width))
        journey_.verify();
    if (!narrow())
        ImGui::SameLine();
    if (webapp::ui::secondary_button(tr(Text::BackToOffers), "button:back_to_offers", idle, width))
        journey_.leave();
    if (journey_.busy() == CustomerBusy::Verifying)
        webapp::ui::progress(tr(Text::Verifying));
    else if (journey_.busy() == CustomerBusy::Loading)
        webapp::ui::progress(tr(Text::LoadingSubscriptions));
}

} // namespace isp::portal
