#include "console/screens/sign_in_screen.h"

#include <algorithm>

#include "console/i18n/console_text.h"
#include "console/screens/notice_banner.h"
#include "console/ui/form_field.h"
#include "imgui.h"
#include "webapp/ui/theme.h"
#include "webapp/ui/widgets.h"

namespace isp::console {

namespace wui = webapp::ui;

namespace {

std::string error_of(const FieldErrors& errors, std::string_view field) {
    for (const FieldError& e : errors)
        if (e.field == field)
            return e.message;
    return {};
}

} // namespace

void SignInScreen::draw(bool entered) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float width = std::min(viewport->WorkSize.x - wui::px(32.0f), wui::px(420.0f));
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    const float margin = (viewport->WorkSize.x - width) * 0.5f;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(margin, wui::px(48.0f)));
    if (entered)
        ImGui::SetNextWindowFocus();
    ImGui::Begin("##sign_in", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::PopStyleVar();

    // Language first: the person may need it to read the rest.
    const Language language = app_.language();
    if (wui::toggle_button("FR", "lang:fr", language == Language::French))
        app_.set_language(Language::French);
    ImGui::SameLine();
    if (wui::toggle_button("EN", "lang:en", language == Language::English))
        app_.set_language(Language::English);
    wui::gap(12.0f);

    switch (app_.sign_in().stage()) {
    case SignIn::Stage::Credentials: draw_credentials(entered); break;
    case SignIn::Stage::SecondFactor: draw_second_factor(entered); break;
    case SignIn::Stage::SetPassword: draw_set_password(entered); break;
    }
    ImGui::End();
}

void SignInScreen::draw_credentials(bool entered) {
    SignIn& s = app_.sign_in();
    const Language l = app_.language();
    wui::heading(text(Text::SignInHeading, l), wui::title_font_size);
    wui::muted_text(text(Text::SignInIntro, l));
    wui::gap(12.0f);
    draw_notice(s.notice(), l, nullptr);
    const bool idle = s.busy().empty();
    ui::field("email", text(Text::Email, l), s.email,
              {.error = error_of(s.errors(), "email"),
               .enabled = idle,
               .focus = entered,
               .kind = webapp::semantics::FieldKind::Username});
    const auto password = ui::field("password", text(Text::Password, l), s.password,
                                    {.error = error_of(s.errors(), "password"),
                                     .enabled = idle,
                                     .password = true,
                                     .kind = webapp::semantics::FieldKind::CurrentPassword});
    wui::gap(8.0f);
    if (!idle) {
        wui::progress(text(Text::SigningIn, l));
        return;
    }
    if (wui::primary_button(text(Text::SignIn, l), "button:sign_in", true, -1.0f) || password.submitted)
        s.submit();
}

void SignInScreen::draw_second_factor(bool entered) {
    SignIn& s = app_.sign_in();
    const Language l = app_.language();
    wui::heading(text(Text::SignInHeading, l), wui::title_font_size);
    wui::muted_text(s.email);
    wui::gap(12.0f);
    draw_notice(s.notice(), l, nullptr);
    const bool idle = s.busy().empty();
    const auto code = ui::field("totp_code", text(Text::TotpCode, l), s.totp_code,
                                {.hint = text(Text::TotpHint, l),
                                 .enabled = idle,
                                 .focus = entered || ImGui::IsWindowAppearing(),
                                 .kind = webapp::semantics::FieldKind::OneTimeCode});
    wui::gap(8.0f);
    if (!idle) {
        wui::progress(text(Text::SigningIn, l));
        return;
    }
    if (wui::primary_button(text(Text::SignIn, l), "button:sign_in", true, -1.0f) || code.submitted)
        s.submit();
    wui::gap(4.0f);
    if (wui::secondary_button(text(Text::Back, l), "button:back", true, -1.0f))
        s.back_to_credentials();
}

void SignInScreen::draw_set_password(bool entered) {
    SignIn& s = app_.sign_in();
    const Language l = app_.language();
    wui::heading(text(Text::SetPasswordHeading, l), wui::title_font_size);
    wui::muted_text(text(Text::SetPasswordIntro, l));
    wui::gap(12.0f);
    draw_notice(s.notice(), l, nullptr);
    const bool idle = s.busy().empty();
    std::string problem = error_of(s.errors(), "new_password");
    if (problem.empty())
        problem = s.new_password_problem(); // as typed: the same rule as the server's
    ui::field("new_password", text(Text::NewPassword, l), s.new_password,
              {.error = problem,
               .enabled = idle,
               .password = true,
               .focus = entered,
               .kind = webapp::semantics::FieldKind::NewPassword});
    const auto repeated = ui::field("repeated_password", text(Text::RepeatPassword, l), s.repeated_password,
                                    {.error = error_of(s.errors(), "repeated_password"),
                                     .enabled = idle,
                                     .password = true,
                                     .kind = webapp::semantics::FieldKind::NewPassword});
    wui::gap(8.0f);
    if (!idle) {
        wui::progress(text(Text::Saving, l));
        return;
    }
    if (wui::primary_button(text(Text::SetPassword, l), "button:set_password", true, -1.0f) || repeated.submitted)
        s.submit_new_password();
}

} // namespace isp::console
