// Staff API tokens: roles, issuing (the secret is shown once and only its SHA-256 kept),
// listing, revoking, and finding the token a request presents. Used by the
// `portal-server token ...` subcommands and by http/staff_auth.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/store/staff_token_store.h"
#include "shared/staff/staff_account.h"
#include "shared/staff/staff_role.h"

namespace isp::store {
class Database;
}

namespace isp::services {

// The roles live in shared/ (the console offers only what they allow).
using Role = StaffRole;
inline std::optional<std::vector<Role>> parse_roles(std::string_view text) {
    return parse_staff_roles(text);
}
inline std::string join_roles(const std::vector<Role>& roles) {
    return join_staff_roles(roles);
}
using isp::grants;
using isp::to_string;

struct IssuedToken {
    std::string token_id; // "stk_..."
    std::string secret;   // "pst_<token_id>_<32 random bytes, base32>": shown once
};

// Throws std::invalid_argument on an empty name or no roles, or when the account (its
// id) does not exist. A token of an account acts with the roles both hold, and stops
// when the account is disabled.
IssuedToken create_staff_token(store::Database& db, const std::string& name, const std::vector<Role>& roles,
                               const std::string& now, const std::optional<std::string>& account_id = std::nullopt);
std::vector<store::StaffTokenRow> list_staff_tokens(store::Database& db);
bool revoke_staff_token(store::Database& db, std::string_view token_id, const std::string& now);

// The id of the account with this e-mail (any case), for `token create --account`.
std::optional<std::string> staff_account_id_for_email(store::Database& db, std::string_view email);

struct LiveToken {
    store::StaffTokenRow token;
    std::optional<StaffAccount> account; // the account it acts for, when it has one
    std::vector<Role> roles;             // what it may do: its own roles, within its account's
};

// The live token whose secret this is: not revoked, and its account (if any) active.
std::optional<LiveToken> find_live_token(store::Database& db, std::string_view secret);

} // namespace isp::services
