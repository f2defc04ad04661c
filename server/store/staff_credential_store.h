// The one-time secrets of staff accounts, each stored as its SHA-256 only: password links
// (set a password once, within a day) and second-factor recovery codes (each usable once).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace isp::store {

class Connection;

struct PasswordLinkRow {
    std::string account_id;
    std::int64_t expires_unix = 0;
    std::optional<std::string> used_at;
};

// Voids the account's unused links, then stores this one.
void replace_password_link(Connection& c, std::string_view account_id, std::string_view link_hash,
                           const std::string& created_at, std::int64_t expires_unix);
std::optional<PasswordLinkRow> find_password_link(Connection& c, std::string_view link_hash);
// False when the link was used meanwhile (two tabs posting at once: one wins).
bool use_password_link(Connection& c, std::string_view link_hash, const std::string& at);

// Replaces every recovery code of the account (none left: an empty list).
void replace_recovery_codes(Connection& c, std::string_view account_id, const std::vector<std::string>& code_hashes);
// Marks an unused code of the account used; false when it is not one, or was used.
bool use_recovery_code(Connection& c, std::string_view account_id, std::string_view code_hash, const std::string& at);

} // namespace isp::store
