// Staff accounts: creating them (with a password link), listing, changing roles, state,
// name or language (which ends the account's sessions when roles or state change), new
// password links, setting a password from a link and changing one's own. Every change is
// written to the staff audit log with who made it. docs/staff-accounts.md.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "server/services/page.h"
#include "server/services/staff_audit.h"
#include "shared/staff/staff_account.h"
#include "shared/staff/staff_requests.h"

namespace isp::services {

struct ServiceContext;

struct CreatedStaffAccount {
    StaffAccount account;
    PasswordLink password_link;
};

inline constexpr std::int64_t password_link_ttl_seconds = 24 * 3600;

// `base_url` starts the password link ("https://portal.example.ma"). 400 validation_failed,
// 409 email_taken.
CreatedStaffAccount create_staff_account(ServiceContext& ctx, NewStaffAccount account, std::string_view base_url,
                                         const StaffActor& by);
// The same inside the caller's write transaction (the idempotency guard's).
CreatedStaffAccount create_staff_account(store::Connection& c, ServiceContext& ctx, NewStaffAccount account,
                                         std::string_view base_url, const StaffActor& by);
Page<StaffAccount> staff_account_page(ServiceContext& ctx, std::int64_t limit, std::int64_t offset);
StaffAccount get_staff_account(ServiceContext& ctx, std::string_view account_id); // 404 not_found
std::optional<StaffAccount> find_staff_account_by_email(ServiceContext& ctx, std::string_view email);
StaffAccount change_staff_account(ServiceContext& ctx, std::string_view account_id, StaffAccountChange change,
                                  const StaffActor& by);
// A new link voids the account's older ones.
PasswordLink new_password_link(ServiceContext& ctx, std::string_view account_id, std::string_view base_url,
                               const StaffActor& by);

// Sets the password a link is for, once; ends the account's sessions. 400 validation_failed
// (the password rule), 400 password_link_invalid (unknown or used), 410 password_link_expired.
void set_password_from_link(ServiceContext& ctx, const PasswordSet& request, const StaffActor& by);
// 403 password_incorrect; ends the account's other sessions (keeps `keep_session_hash`).
void change_own_password(ServiceContext& ctx, std::string_view account_id, const PasswordChange& request,
                         std::string_view keep_session_hash, const StaffActor& by);

// The Argon2id parameters of the configuration, and a check of a password against an
// account's stored hash (false when none is set).
std::string hash_staff_password(const ServiceContext& ctx, std::string_view password);
bool staff_password_matches(const std::optional<std::string>& stored_hash, std::string_view password);

} // namespace isp::services
