// Staff accounts (admins only): the list, invite (e-mail, name, roles, language), change
// roles, disable and enable, reset a password. An invitation and a reset answer a password
// link: shown once in a dialog, to copy and give to its owner only, then forgotten. The
// signed-in admin is not offered to take away their own admin role or to disable themselves
// (they would lock themselves out; the console does not rely on the server checking it).
// Its screen: console/screens/staff_accounts_view.cpp.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "console/app/section.h"
#include "console/app/write_attempt.h"
#include "shared/domain/field_error.h"
#include "shared/staff/staff_account.h"
#include "shared/staff/staff_requests.h"
#include "shared/wire/page_json.h"

namespace isp::console {

// The roles ticked in a form.
struct RolePick {
    bool admin = false;
    bool ops = false;
    bool viewer = true;

    static RolePick of(const std::vector<StaffRole>& roles);
    std::vector<StaffRole> roles() const;
};

class StaffAccounts : public Section {
public:
    using Section::Section;

    std::string_view name() const override { return "staff_accounts"; }
    StaffRole needed_role() const override { return StaffRole::Admin; }
    void open(const Place& place) override;
    void describe(nlohmann::json& state) const override;

    const std::vector<StaffAccount>& accounts() const { return accounts_; }
    const wire::Pagination& pagination() const { return pagination_; }
    void go_to_page(std::int64_t page);
    const StaffAccount* find(const std::string& account_id) const;
    // The signed-in admin's own account.
    bool is_self(const StaffAccount& account) const;
    // What is offered on an account: disabling and taking away admin, never on one's own.
    bool may_disable(const StaffAccount& account) const;
    bool may_remove_admin(const StaffAccount& account) const { return !is_self(account); }

    // --- invite ----------------------------------------------------------------------------
    bool invite_open = false;
    std::string invite_email, invite_display_name;
    RolePick invite_roles;
    std::string invite_language = "fr"; // "fr", "en"
    void start_invite();
    void invite();

    // --- roles, state, password -------------------------------------------------------------
    bool roles_open = false;
    RolePick edit_roles;
    void start_roles(const std::string& account_id);
    void save_roles();
    const std::string& roles_for() const { return roles_for_; }
    void set_disabled(const std::string& account_id, bool disabled);
    void reset_password(const std::string& account_id);

    // --- the password link, shown once -------------------------------------------------------
    const std::optional<PasswordLink>& link() const { return link_; }
    const std::string& link_for() const { return link_for_; } // the account's e-mail
    void close_link();                                        // forgets it

    const FieldErrors& errors() const { return errors_; }
    std::string error_of(std::string_view field) const;

private:
    void load();
    void patch(const std::string& account_id, const StaffAccountChange& change, std::string what);
    void replaced(const StaffAccount& account);

    std::vector<StaffAccount> accounts_;
    wire::Pagination pagination_{1, 20, 0};
    std::int64_t page_ = 1;
    std::string roles_for_;
    std::optional<PasswordLink> link_;
    std::string link_for_;
    FieldErrors errors_;
    WriteAttempt invite_attempt_;
    WriteAttempt change_attempt_;
    WriteAttempt link_attempt_;
};

} // namespace isp::console
