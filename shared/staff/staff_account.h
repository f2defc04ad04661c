// A staff account as the API shows it and the console draws it: who a person is, what
// they may do, and whether they can sign in. Secrets (password hash, TOTP key) never
// leave the server and are not here.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "shared/domain/money.h"
#include "shared/staff/staff_role.h"

namespace isp {

enum class StaffAccountState { Active, Disabled };

struct StaffAccount {
    std::string account_id; // "stf_..."
    std::string email;      // as typed; unique without regard to case
    std::string display_name;
    std::vector<StaffRole> roles;
    Language language = Language::French;
    StaffAccountState state = StaffAccountState::Active;
    bool second_factor = false; // a TOTP authenticator is enrolled
    std::string created_at;
    std::optional<std::string> last_sign_in_at;
};

// What an admin sends to create an account, and to change one (absent: unchanged).
struct NewStaffAccount {
    std::string email;
    std::string display_name;
    std::vector<StaffRole> roles;
    Language language = Language::French;
};

struct StaffAccountChange {
    std::optional<std::string> display_name;
    std::optional<std::vector<StaffRole>> roles;
    std::optional<Language> language;
    std::optional<StaffAccountState> state;
};

// One line of the staff audit log (docs/staff-accounts.md lists the events).
struct StaffAuditEntry {
    std::int64_t entry_id = 0;
    std::string at;
    std::string event;
    std::optional<std::string> account_id; // whom it is about; none for an unknown e-mail
    std::string email;
    std::string actor; // who did it: the account itself, an admin's e-mail, or "cli"
    std::string client_address;
    std::string detail;
};

} // namespace isp
