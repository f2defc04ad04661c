// Staff accounts in the database, with what only the server sees: the password's Argon2id
// string and the TOTP key. E-mails are found by `email_key` (lower-cased), so one person
// cannot hold two accounts by changing the case of their address.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/staff/staff_account.h"

namespace isp::store {

class Connection;

struct StaffAccountRow {
    StaffAccount account;
    std::optional<std::string> password_hash;   // null until set from a password link
    std::optional<std::string> totp_key;        // base32; set once enrolment is confirmed
    std::optional<std::string> totp_pending;    // base32; shown at enrolment, not yet confirmed
    std::optional<std::int64_t> totp_last_step; // the last step a code was accepted for
};

void insert_staff_account(Connection& c, const StaffAccount& a, std::string_view email_key);
std::optional<StaffAccountRow> find_staff_account(Connection& c, std::string_view account_id);
std::optional<StaffAccountRow> find_staff_account_by_email(Connection& c, std::string_view email_key);
std::int64_t count_staff_accounts(Connection& c);
std::vector<StaffAccount> list_staff_accounts(Connection& c, std::int64_t limit, std::int64_t offset);
// Writes display name, roles, language and state.
void update_staff_account(Connection& c, const StaffAccount& a);
void set_staff_password_hash(Connection& c, std::string_view account_id, std::string_view hash);
void set_staff_last_sign_in(Connection& c, std::string_view account_id, const std::string& at);
void set_staff_totp_pending(Connection& c, std::string_view account_id, const std::optional<std::string>& key);
// Makes the pending key the enrolled one (or, with nullopt, removes both).
void set_staff_totp_key(Connection& c, std::string_view account_id, const std::optional<std::string>& key,
                        std::optional<std::int64_t> last_step);
void set_staff_totp_last_step(Connection& c, std::string_view account_id, std::int64_t step);

} // namespace isp::store
