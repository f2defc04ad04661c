// "My account": draws console/app/account.h's state. The password form (the shared rule
// checked as typed), two-step sign-in's state with "Set up" or "Turn off", and their dialogs:
// the password again; the QR code (drawn module by module with Dear ImGui rectangles, whole
// device pixels per module, a white quiet zone of 4 modules), the secret in groups of four,
// the first code; the recovery codes, shown once, with a copy button.
#include <algorithm>
#include <cmath>
#include <string>

#include "console/app/account.h"
#include "console/screens/notice_banner.h"
#include "console/screens/view.h"
#include "console/ui/dialog.h"
#include "console/ui/form_field.h"
#include "imgui.h"
#include "webapp/platform/browser.h"
#include "webapp/ui/test_probe.h"
#include "webapp/ui/theme.h"
#include "webapp/ui/widgets.h"

namespace isp::console {

// Named, not anonymous: unity builds put this file beside other views with words of their own.
namespace account_view_words {

using T = webapp::Translation;

constexpr T password_heading{"Mot de passe", "Password"};
constexpr T current_password{"Mot de passe actuel", "Current password"};
constexpr T change_password{"Changer le mot de passe", "Change the password"};
constexpr T two_step_heading{"Connexion en deux \u00e9tapes", "Two-step sign-in"};
constexpr T two_step_on{"Activ\u00e9e : apr\u00e8s le mot de passe, la connexion demande le code de votre "
                        "application d\u2019authentification.",
                        "On: after the password, signing in asks for the code of your authenticator app."};
constexpr T two_step_off{"D\u00e9sactiv\u00e9e : un mot de passe seul suffit \u00e0 se connecter \u00e0 votre compte.",
                         "Off: a password alone signs in to your account."};
constexpr T two_step_required{"Votre r\u00f4le exige la connexion en deux \u00e9tapes : activez-la pour continuer.",
                              "Your role requires two-step sign-in: set it up to continue."};
constexpr T set_up{"Activer", "Set up"};
constexpr T turn_off{"D\u00e9sactiver", "Turn off"};
constexpr T set_up_title{"Activer la connexion en deux \u00e9tapes", "Set up two-step sign-in"};
constexpr T set_up_intro{"Saisissez votre mot de passe pour continuer.", "Type your password to continue."};
constexpr T continue_words{"Continuer", "Continue"};
constexpr T scan_title{"Scannez ce code QR", "Scan this QR code"};
constexpr T scan_intro{"Dans votre application d\u2019authentification, ajoutez un compte et scannez ce code.",
                       "In your authenticator app, add an account and scan this code."};
constexpr T manual_entry{"Ou saisissez cette cl\u00e9 \u00e0 la main :", "Or type this key by hand:"};
constexpr T copy_key{"Copier la cl\u00e9", "Copy the key"};
constexpr T enter_code{"Saisissez le code \u00e0 6 chiffres affich\u00e9 par votre application",
                       "Enter the 6-digit code from your app"};
constexpr T codes_title{"Vos codes de secours", "Your recovery codes"};
constexpr T codes_keep{
    "Gardez ces codes en lieu s\u00fbr (imprim\u00e9s, ou dans un gestionnaire de mots de passe). "
    "Chacun remplace une fois le code de l\u2019application si vous perdez votre t\u00e9l\u00e9phone. "
    "Ils ne seront plus jamais affich\u00e9s.",
    "Keep these codes safe (printed, or in a password manager). Each one replaces the app\u2019s "
    "code once if you lose your phone. They will never be shown again."};
constexpr T copy_codes{"Copier les codes", "Copy the codes"};
constexpr T codes_kept{"Je les ai mis en lieu s\u00fbr", "I have kept them safe"};
constexpr T turn_off_title{"D\u00e9sactiver la connexion en deux \u00e9tapes", "Turn off two-step sign-in"};
constexpr T turn_off_intro{"Votre compte ne sera plus prot\u00e9g\u00e9 que par son mot de passe. Saisissez-le pour "
                           "confirmer.",
                           "Your account will be protected by its password alone. Type it to confirm."};
constexpr T new_codes{"Nouveaux codes de secours", "New recovery codes"};
constexpr T new_codes_intro{"Les codes de secours actuels cesseront de fonctionner. Saisissez votre mot de passe et "
                            "le code affich\u00e9 par votre application.",
                            "The current recovery codes will stop working. Type your password and the code your "
                            "app shows."};
constexpr T copied_words{"Copi\u00e9", "Copied"};

constexpr float qr_side = 232.0f;  // CSS px wanted for the code and its quiet zone
constexpr int qr_quiet_zone = 4;   // light modules around the code (ISO/IEC 18004)
constexpr float qr_min_module = 3; // device px: smaller, phones' cameras struggle

// Draws `qr` with its quiet zone at the cursor: a whole number of device pixels per module on
// a whole-pixel origin, so every module edge is sharp at any pixel ratio. Probe id "qr_code".
void draw_qr_code(const QrCode& qr) {
    const int modules = qr.size + 2 * qr_quiet_zone;
    const float module = std::max(qr_min_module, std::floor(webapp::ui::px(qr_side) / static_cast<float>(modules)));
    const float side = module * static_cast<float>(modules);
    const ImVec2 cursor = ImGui::GetCursorScreenPos();
    const ImVec2 origin(std::round(cursor.x), std::round(cursor.y));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    // Filled rectangles without rounding are drawn without anti-aliasing fringes: crisp edges.
    draw->AddRectFilled(origin, ImVec2(origin.x + side, origin.y + side), IM_COL32(255, 255, 255, 255));
    for (int row = 0; row < qr.size; ++row) {
        const float y = origin.y + module * static_cast<float>(row + qr_quiet_zone);
        for (int column = 0; column < qr.size;) {
            if (!qr.dark(row, column)) {
                ++column;
                continue;
            }
            int end = column; // one rectangle per run of dark modules: fewer vertices
            while (end < qr.size && qr.dark(row, end))
                ++end;
            const float x = origin.x + module * static_cast<float>(column + qr_quiet_zone);
            draw->AddRectFilled(ImVec2(x, y), ImVec2(x + module * static_cast<float>(end - column), y + module),
                                IM_COL32(0, 0, 0, 255));
            column = end;
        }
    }
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(side, side));
    webapp::ui::probe::item("qr_code");
}

} // namespace account_view_words

namespace {

namespace wui = webapp::ui;
namespace words = account_view_words;

class AccountView : public View {
public:
    explicit AccountView(ConsoleApp& app) : View(app), section_(static_cast<Account&>(*app.find("account"))) {}

    std::string_view section() const override { return "account"; }
    Text label() const override { return Text::MyAccount; }
    void draw(bool entered) override {
        if (entered)
            copied_.clear();
        wui::heading(tr(label()), wui::title_font_size);
        if (const StaffAccount* a = section_.account())
            wui::muted_text(a->display_name + " \u00b7 " + a->email + " \u00b7 " + join_staff_roles(a->roles));
        wui::gap(12.0f);
        draw_password();
        wui::gap(18.0f);
        draw_two_step();
        draw_set_up_dialog();
        draw_scan_dialog();
        draw_codes_dialog();
        draw_turn_off_dialog();
        draw_new_codes_dialog();
    }

private:
    bool idle() const { return section_.busy().empty(); }
    bool in_dialog() const { return section_.stage() != Account::Stage::Idle; }

    // A failure in a dialog is shown in it: the page's notice is behind the modal.
    void draw_dialog_notice() {
        if (section_.notice() && section_.notice()->kind == Notice::Kind::Error)
            draw_notice(section_.notice(), lang(), nullptr);
    }

    void draw_password() {
        wui::bold_text(tr(words::password_heading), wui::large_font_size);
        wui::gap(4.0f);
        const bool enabled = idle() && !in_dialog();
        ui::field("current_password", tr(words::current_password), section_.current_password,
                  {.error = section_.error_of("current_password"), .enabled = enabled, .password = true, .width = 360});
        const std::string as_typed = section_.new_password_problem();
        const std::string refused = section_.error_of("new_password");
        ui::field("new_password", tr(Text::NewPassword), section_.new_password,
                  {.hint = tr(Text::SetPasswordIntro),
                   .error = refused.empty() ? as_typed : refused,
                   .enabled = enabled,
                   .password = true,
                   .width = 360,
                   .kind = webapp::semantics::FieldKind::NewPassword});
        const auto repeated = ui::field("repeated_password", tr(Text::RepeatPassword), section_.repeated_password,
                                        {.error = section_.error_of("repeated_password"),
                                         .enabled = enabled,
                                         .password = true,
                                         .width = 360,
                                         .kind = webapp::semantics::FieldKind::NewPassword});
        if (wui::primary_button(tr(words::change_password), "button:change_password", enabled) ||
            (repeated.submitted && enabled))
            section_.change_password();
    }

    void draw_two_step() {
        wui::bold_text(tr(words::two_step_heading), wui::large_font_size);
        wui::gap(4.0f);
        const bool on = section_.second_factor();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wui::px(wui::column_max_width));
        wui::text(tr(on ? words::two_step_on : words::two_step_off));
        ImGui::PopTextWrapPos();
        if (!on && app_.context().second_factor_enrolment_required)
            wui::banner(tr(words::two_step_required), wui::Tone::Info, "two_step_required");
        wui::gap(6.0f);
        const bool enabled = idle() && !in_dialog();
        if (on) {
            if (wui::secondary_button(tr(words::new_codes), "button:new_recovery_codes", enabled))
                section_.start_new_codes();
            wui::next_in_row(tr(words::turn_off));
            if (wui::secondary_button(tr(words::turn_off), "button:totp_off", enabled))
                section_.start_turn_off();
        } else if (wui::primary_button(tr(words::set_up), "button:totp_set_up", enabled)) {
            section_.start_set_up();
        }
    }

    // The password again, for "Set up" and "Turn off".
    wui::FieldEvents password_field() {
        return ui::field("totp_password", tr(Text::Password), section_.password,
                         {.error = section_.error_of("password"),
                          .enabled = idle(),
                          .password = true,
                          .focus = ImGui::IsWindowAppearing()});
    }

    // Esc or Cancel closed the dialog: its secrets are forgotten.
    void closing(bool open) {
        if (!open)
            section_.close_dialog();
    }

    void draw_set_up_dialog() {
        bool open = section_.stage() == Account::Stage::SetUpPassword;
        const bool shown = ui::begin_dialog("totp_set_up", tr(words::set_up_title), open);
        if (!shown)
            return closing(open || section_.stage() != Account::Stage::SetUpPassword);
        draw_dialog_notice();
        wui::text(tr(words::set_up_intro));
        wui::gap(6.0f);
        const auto typed = password_field();
        end_asking_dialog(tr(Text::Loading), tr(words::continue_words), "button:totp_continue", typed.submitted, open,
                          [this] { section_.begin_enrolment(); });
    }

    void draw_scan_dialog() {
        bool open = section_.stage() == Account::Stage::Scan && section_.enrolment();
        const bool shown = ui::begin_dialog("totp_scan", tr(words::scan_title), open);
        if (!shown)
            return closing(open || section_.stage() != Account::Stage::Scan);
        const TotpEnrolment& enrolment = *section_.enrolment();
        draw_dialog_notice();
        wui::text(tr(words::scan_intro));
        wui::gap(8.0f);
        words::draw_qr_code(enrolment.qr_code);
        wui::gap(8.0f);
        wui::muted_text(tr(words::manual_entry), wui::small_font_size);
        wui::bold_text(section_.secret_in_groups());
        wui::probe::item("totp_secret");
        if (wui::secondary_button(copied_ == "secret" ? tr(words::copied_words) : tr(words::copy_key),
                                  "button:copy_secret"))
            copied_ = webapp::platform::copy_to_clipboard(enrolment.secret) ? "secret" : "";
        wui::gap(10.0f);
        const auto typed = ui::field("totp_code", tr(words::enter_code), section_.code,
                                     {.error = section_.error_of("totp_code"),
                                      .enabled = idle(),
                                      .focus = ImGui::IsWindowAppearing(),
                                      .width = 160});
        end_asking_dialog(tr(Text::Loading), tr(Text::Confirm), "button:totp_confirm", typed.submitted, open,
                          [this] { section_.confirm(); });
    }

    void draw_codes_dialog() {
        bool open = section_.stage() == Account::Stage::RecoveryCodes;
        const bool shown = ui::begin_dialog("recovery_codes", tr(words::codes_title), open);
        if (!shown)
            return closing(open || section_.stage() != Account::Stage::RecoveryCodes);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wui::px(440.0f));
        wui::banner(tr(words::codes_keep), wui::Tone::Info, "codes_warning");
        ImGui::PopTextWrapPos();
        wui::gap(6.0f);
        const auto& codes = section_.recovery_codes();
        // Two columns of five: a card's worth to print or copy.
        if (ImGui::BeginTable("##recovery_codes", 2, ImGuiTableFlags_SizingStretchSame)) {
            for (const std::string& c : codes) {
                ImGui::TableNextColumn();
                wui::bold_text(c);
            }
            ImGui::EndTable();
        }
        wui::probe::item("recovery_codes");
        wui::gap(8.0f);
        if (wui::secondary_button(copied_ == "codes" ? tr(words::copied_words) : tr(words::copy_codes),
                                  "button:copy_recovery_codes"))
            copied_ = webapp::platform::copy_to_clipboard(section_.recovery_codes_text()) ? "codes" : "";
        ImGui::SameLine();
        if (wui::primary_button(tr(words::codes_kept), "button:codes_kept"))
            open = false;
        if (!open) {
            copied_.clear();
            section_.close_dialog();
        }
        ui::end_dialog();
    }

    void draw_turn_off_dialog() {
        bool open = section_.stage() == Account::Stage::TurnOff;
        const bool shown = ui::begin_dialog("totp_off", tr(words::turn_off_title), open);
        if (!shown)
            return closing(open || section_.stage() != Account::Stage::TurnOff);
        draw_dialog_notice();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wui::px(400.0f));
        wui::text(tr(words::turn_off_intro));
        ImGui::PopTextWrapPos();
        wui::gap(6.0f);
        const auto typed = password_field();
        end_asking_dialog(tr(Text::Saving), tr(words::turn_off), "button:totp_off_confirm", typed.submitted, open,
                          [this] { section_.turn_off(); });
    }

    void draw_new_codes_dialog() {
        bool open = section_.stage() == Account::Stage::NewCodes;
        const bool shown = ui::begin_dialog("new_recovery_codes", tr(words::new_codes), open);
        if (!shown)
            return closing(open || section_.stage() != Account::Stage::NewCodes);
        draw_dialog_notice();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wui::px(400.0f));
        wui::text(tr(words::new_codes_intro));
        ImGui::PopTextWrapPos();
        wui::gap(6.0f);
        password_field();
        const auto typed = ui::field("totp_code", tr(words::enter_code), section_.code,
                                     {.error = section_.error_of("totp_code"), .enabled = idle(), .width = 160});
        end_asking_dialog(tr(Text::Saving), tr(Text::Confirm), "button:new_codes_confirm", typed.submitted, open,
                          [this] { section_.replace_codes(); });
    }

    // The end of a dialog that asks for something: progress while the server works, the action
    // (also Enter in its last field), Cancel; the dialog closes when Esc or Cancel asked.
    template <class Act>
    void end_asking_dialog(std::string_view waiting, std::string_view action, const char* probe, bool submitted,
                           bool open, Act act) {
        if (!idle())
            wui::progress(waiting);
        if (wui::primary_button(action, probe, idle()) || submitted)
            act();
        ImGui::SameLine();
        if (wui::secondary_button(tr(Text::Cancel), "button:cancel"))
            open = false;
        if (!open)
            section_.close_dialog();
        ui::end_dialog();
    }

    Account& section_;
    std::string copied_; // which copy button last worked: "secret", "codes"
};

const RegisterView<AccountView> registered_account_view;

} // namespace
} // namespace isp::console
