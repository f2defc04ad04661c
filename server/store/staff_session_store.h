// Staff browser sessions, found by the SHA-256 of the cookie's id (the id itself is not
// stored: a copy of the database signs nobody in).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace isp::store {

class Connection;

struct StaffSessionRow {
    std::string account_id;
    std::int64_t created_unix = 0;
    std::int64_t last_seen_unix = 0;
    std::int64_t expires_unix = 0; // the absolute end
};

void insert_staff_session(Connection& c, std::string_view session_hash, const StaffSessionRow& row);
std::optional<StaffSessionRow> find_staff_session(Connection& c, std::string_view session_hash);
void touch_staff_session(Connection& c, std::string_view session_hash, std::int64_t now_unix);
void delete_staff_session(Connection& c, std::string_view session_hash);
// Ends every session of the account, but `keep` (the caller's own, after a password change).
void delete_staff_sessions(Connection& c, std::string_view account_id, std::string_view keep = {});
// Sessions past their idle or absolute end: removed now and then, so the table stays small.
void delete_stale_staff_sessions(Connection& c, std::int64_t idle_before_unix, std::int64_t now_unix);

} // namespace isp::store
