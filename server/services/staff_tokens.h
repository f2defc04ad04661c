// Staff API tokens: roles, issuing (the secret is shown once and only its SHA-256 kept),
// listing, revoking, and finding the token a request presents. Used by the
// `portal-server token ...` subcommands and by http/staff_auth.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/store/staff_token_store.h"

namespace isp::store {
class Database;
}

namespace isp::services {

// admin: everything (token management, /admin/ping); ops: daily operations.
enum class Role { Admin, Ops };

std::string_view to_string(Role role);
// "admin,ops" -> roles; nullopt when empty or when a name is unknown.
std::optional<std::vector<Role>> parse_roles(std::string_view text);
std::string join_roles(const std::vector<Role>& roles);
// Admin satisfies every role.
bool grants(const std::vector<Role>& held, Role needed);

struct IssuedToken {
    std::string token_id; // "stk_..."
    std::string secret;   // "pst_<token_id>_<32 random bytes, base32>": shown once
};

// Throws std::invalid_argument on an empty name or no roles.
IssuedToken create_staff_token(store::Database& db, const std::string& name, const std::vector<Role>& roles,
                               const std::string& now);
std::vector<store::StaffTokenRow> list_staff_tokens(store::Database& db);
bool revoke_staff_token(store::Database& db, std::string_view token_id, const std::string& now);

// The live (not revoked) token whose secret this is.
std::optional<store::StaffTokenRow> find_live_token(store::Database& db, std::string_view secret);

} // namespace isp::services
