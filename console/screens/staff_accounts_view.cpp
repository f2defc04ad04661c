// The staff accounts screen (admins only): draws console/app/staff_accounts.h's state. The
// accounts with their commands (never disabling oneself nor removing one's own admin role),
// the invitation dialog, the roles dialog, and the password link dialog: shown once, with a
// copy button and the reminder to give it to its owner only.
#include <string>
#include <vector>

#include "console/app/staff_accounts.h"
#include "console/screens/notice_banner.h"
#include "console/screens/view.h"
#include "console/ui/dialog.h"
#include "console/ui/form_field.h"
#include "console/ui/table.h"
#include "imgui.h"
#include "webapp/platform/browser.h"
#include "webapp/ui/test_probe.h"
#include "webapp/ui/theme.h"
#include "webapp/ui/widgets.h"

namespace isp::console {
namespace {

namespace wui = webapp::ui;
using T = webapp::Translation;

constexpr T invite_words{"Inviter un membre", "Invite someone"};
constexpr T name_words{"Nom affich\u00e9", "Display name"};
constexpr T email_words{"E-mail", "E-mail"};
constexpr T roles_words{"R\u00f4les", "Roles"};
constexpr T language_words{"Langue", "Language"};
constexpr T state_words{"\u00c9tat", "State"};
constexpr T active_words{"Actif", "Active"};
constexpr T disabled_words{"D\u00e9sactiv\u00e9", "Disabled"};
constexpr T you_words{"(vous)", "(you)"};
constexpr T roles_button{"R\u00f4les", "Roles"};
constexpr T disable_words{"D\u00e9sactiver", "Disable"};
constexpr T enable_words{"R\u00e9activer", "Enable"};
constexpr T reset_words{"Lien de mot de passe", "Password link"};
constexpr T roles_title{"R\u00f4les de {}", "Roles of {}"};
constexpr T send_invite{"Inviter", "Invite"};
constexpr T link_title{"Lien de mot de passe", "Password link"};
constexpr T link_for{"Pour {} :", "For {}:"};
constexpr T link_warning{"Donnez-le \u00e0 son titulaire uniquement. Il n\u2019est affich\u00e9 qu\u2019une fois.",
                         "Give it to its owner only. It is shown only once."};
constexpr T link_expires{"Valable jusqu\u2019au {}", "Valid until {}"};
constexpr T copy_words{"Copier", "Copy"};
constexpr T copied_words{"Copi\u00e9", "Copied"};
constexpr T done_words{"J\u2019ai transmis le lien", "I have passed the link on"};
constexpr T own_admin_note{"Votre propre r\u00f4le admin ne peut pas \u00eatre retir\u00e9 ici.",
                           "Your own admin role cannot be removed here."};
constexpr T second_factor_words{"2FA", "2FA"};

void role_toggles(std::string_view name, RolePick& pick, bool admin_locked, Language l) {
    wui::bold_text(tr(roles_words, l), wui::small_font_size);
    ImGui::PushID(name.data(), name.data() + name.size());
    const std::string base = "choice:" + std::string{name} + ":";
    ImGui::BeginDisabled(admin_locked);
    if (wui::toggle_button("admin", base + "admin", pick.admin))
        pick.admin = !pick.admin;
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (wui::toggle_button("ops", base + "ops", pick.ops))
        pick.ops = !pick.ops;
    ImGui::SameLine();
    if (wui::toggle_button("viewer", base + "viewer", pick.viewer))
        pick.viewer = !pick.viewer;
    ImGui::PopID();
    wui::gap(6.0f);
}

class StaffAccountsView : public View {
public:
    explicit StaffAccountsView(ConsoleApp& app)
        : View(app), section_(static_cast<StaffAccounts&>(*app.find("staff_accounts"))) {}

    std::string_view section() const override { return "staff_accounts"; }
    Text label() const override { return Text::NavStaff; }
    void draw(bool entered) override {
        (void)entered;
        wui::heading(tr(label()), wui::title_font_size);
        const bool idle = section_.busy().empty();
        if (wui::primary_button(tr(invite_words), "button:invite", idle))
            section_.start_invite();
        wui::gap(8.0f);
        std::string roles, reset, disable, enable;
        // A row's buttons: in a column of their own, or under the person on a narrow screen.
        const bool buttons_column = !ui::narrow_content();
        if (ui::begin_table("staff_accounts", buttons_column ? 4 : 3, false)) {
            constexpr ImGuiTableColumnFlags fit = ImGuiTableColumnFlags_WidthFixed;
            ImGui::TableSetupColumn(std::string{tr(email_words)}.c_str(), ImGuiTableColumnFlags_WidthStretch, 2.0f);
            ImGui::TableSetupColumn(std::string{tr(roles_words)}.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
            ImGui::TableSetupColumn(std::string{tr(state_words)}.c_str(), fit);
            if (buttons_column)
                ImGui::TableSetupColumn("##actions", fit);
            ImGui::TableHeadersRow();
            for (const StaffAccount& a : section_.accounts()) {
                ImGui::TableNextRow();
                ImGui::PushID(a.account_id.c_str());
                auto buttons = [&] {
                    if (wui::secondary_button(tr(roles_button), "button:roles:" + a.account_id, idle))
                        roles = a.account_id;
                    wui::next_in_row(tr(reset_words));
                    if (wui::secondary_button(tr(reset_words), "button:password_link:" + a.account_id, idle))
                        reset = a.account_id;
                    // Never offered on one's own account: one would lock oneself out.
                    if (section_.may_disable(a)) {
                        wui::next_in_row(tr(disable_words));
                        if (wui::secondary_button(tr(disable_words), "button:disable:" + a.account_id, idle))
                            disable = a.account_id;
                    } else if (a.state == StaffAccountState::Disabled) {
                        wui::next_in_row(tr(enable_words));
                        if (wui::secondary_button(tr(enable_words), "button:enable:" + a.account_id, idle))
                            enable = a.account_id;
                    }
                };
                ImGui::TableNextColumn();
                wui::text(a.display_name + (section_.is_self(a) ? " " + std::string{tr(you_words)} : ""));
                wui::muted_text(a.email, wui::small_font_size);
                if (!buttons_column)
                    buttons();
                ImGui::TableNextColumn();
                wui::text(join_staff_roles(a.roles) +
                          (a.second_factor ? "  \u00b7 " + std::string{tr(second_factor_words)} : ""));
                ImGui::TableNextColumn();
                ui::cell(tr(a.state == StaffAccountState::Active ? active_words : disabled_words),
                         a.state != StaffAccountState::Active);
                if (buttons_column) {
                    ImGui::TableNextColumn();
                    buttons();
                }
                ImGui::PopID();
            }
            ui::end_table();
        }
        if (!roles.empty())
            section_.start_roles(roles);
        if (!reset.empty())
            section_.reset_password(reset);
        if (!disable.empty())
            section_.set_disabled(disable, true);
        if (!enable.empty())
            section_.set_disabled(enable, false);
        std::int64_t page = section_.pagination().page;
        if (ui::pager("staff_accounts", section_.pagination(), page, tr(Text::PreviousPage), tr(Text::NextPage)))
            section_.go_to_page(page);
        draw_invite();
        draw_roles();
        draw_link();
    }

private:
    void draw_errors_notice() {
        if (section_.notice() && section_.notice()->kind == Notice::Kind::Error)
            draw_notice(section_.notice(), lang(), nullptr);
    }

    void draw_invite() {
        if (!ui::begin_dialog("staff_invite", tr(invite_words), section_.invite_open))
            return;
        draw_errors_notice();
        const bool idle = section_.busy().empty();
        ui::field("email", tr(email_words), section_.invite_email,
                  {.error = section_.error_of("email"), .enabled = idle, .focus = ImGui::IsWindowAppearing()});
        const auto name = ui::field("display_name", tr(name_words), section_.invite_display_name,
                                    {.error = section_.error_of("display_name"), .enabled = idle});
        role_toggles("invite_roles", section_.invite_roles, false, lang());
        if (const std::string e = section_.error_of("roles"); !e.empty())
            wui::error_text(e);
        ui::choice("language", tr(language_words), section_.invite_language, {"fr", "en"},
                   {"Fran\u00e7ais", "English"});
        if (!idle)
            wui::progress(tr(Text::Saving));
        if (wui::primary_button(tr(send_invite), "button:send_invite", idle) || name.submitted)
            section_.invite();
        ImGui::SameLine();
        if (wui::secondary_button(tr(Text::Cancel), "button:cancel"))
            section_.invite_open = false;
        ui::end_dialog();
    }

    void draw_roles() {
        const StaffAccount* account = section_.find(section_.roles_for());
        if (!account) {
            section_.roles_open = false;
            return;
        }
        if (!ui::begin_dialog("staff_roles", webapp::with_value(tr(roles_title), account->email), section_.roles_open))
            return;
        draw_errors_notice();
        const bool idle = section_.busy().empty();
        // One's own admin role stays: the toggle is not offered to take it away.
        const bool locked = !section_.may_remove_admin(*account) && section_.edit_roles.admin;
        role_toggles("edit_roles", section_.edit_roles, locked, lang());
        if (locked)
            wui::muted_text(tr(own_admin_note), wui::small_font_size);
        if (const std::string e = section_.error_of("roles"); !e.empty())
            wui::error_text(e);
        if (!idle)
            wui::progress(tr(Text::Saving));
        if (wui::primary_button(tr(Text::Save), "button:save_roles", idle))
            section_.save_roles();
        ImGui::SameLine();
        if (wui::secondary_button(tr(Text::Cancel), "button:cancel"))
            section_.roles_open = false;
        ui::end_dialog();
    }

    void draw_link() {
        bool open = section_.link().has_value();
        if (!ui::begin_dialog("password_link", tr(link_title), open)) {
            if (!open && section_.link())
                section_.close_link(); // closed with Esc: forgotten too
            return;
        }
        const PasswordLink& link = *section_.link();
        wui::text(webapp::with_value(tr(link_for), section_.link_for()));
        wui::banner(tr(link_warning), wui::Tone::Info, "link_warning");
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(link.url.c_str());
        ImGui::PopTextWrapPos();
        wui::probe::item("link_url");
        wui::muted_text(webapp::with_value(tr(link_expires), link.expires_at), wui::small_font_size);
        wui::gap(6.0f);
        if (wui::primary_button(copied_ ? tr(copied_words) : tr(copy_words), "button:copy_link"))
            copied_ = webapp::platform::copy_to_clipboard(link.url);
        ImGui::SameLine();
        if (wui::secondary_button(tr(done_words), "button:close_link") || !open) {
            copied_ = false;
            section_.close_link();
        }
        ui::end_dialog();
    }

    StaffAccounts& section_;
    bool copied_ = false;
};

const RegisterView<StaffAccountsView> registered;

} // namespace
} // namespace isp::console
