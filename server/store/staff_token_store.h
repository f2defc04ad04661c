// Staff API tokens in the database: found by the SHA-256 of the secret, never by the
// secret itself (it is not stored).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace isp::store {

class Connection;

struct StaffTokenRow {
    std::string token_id;
    std::string name;
    std::string roles; // "admin,ops"
    std::string created_at;
    std::optional<std::string> revoked_at;
    std::optional<std::string> account_id; // the account it acts for; none for tokens made before accounts
};

void insert_staff_token(Connection& c, const StaffTokenRow& row, const std::string& token_hash);
std::vector<StaffTokenRow> list_staff_tokens(Connection& c);
std::optional<StaffTokenRow> find_staff_token_by_hash(Connection& c, std::string_view token_hash);
// False when no such token; revoking a revoked token keeps its first revocation date.
bool revoke_staff_token(Connection& c, std::string_view token_id, const std::string& now);

} // namespace isp::store
