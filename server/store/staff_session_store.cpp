#include "server/store/staff_session_store.h"

#include "server/store/database.h"

namespace isp::store {

void insert_staff_session(Connection& c, std::string_view session_hash, const StaffSessionRow& r) {
    c.prepare("INSERT INTO staff_sessions (session_hash, account_id, created_unix, last_seen_unix, expires_unix) "
              "VALUES (?1, ?2, ?3, ?4, ?5)")
        .bind(session_hash, r.account_id, r.created_unix, r.last_seen_unix, r.expires_unix)
        .run();
}

std::optional<StaffSessionRow> find_staff_session(Connection& c, std::string_view session_hash) {
    auto st = c.prepare(
        "SELECT account_id, created_unix, last_seen_unix, expires_unix FROM staff_sessions WHERE session_hash = ?1");
    st.bind(session_hash);
    if (!st.step())
        return std::nullopt;
    return StaffSessionRow{st.text(0), st.integer(1), st.integer(2), st.integer(3)};
}

void touch_staff_session(Connection& c, std::string_view session_hash, std::int64_t now_unix) {
    c.prepare("UPDATE staff_sessions SET last_seen_unix = ?2 WHERE session_hash = ?1")
        .bind(session_hash, now_unix)
        .run();
}

void delete_staff_session(Connection& c, std::string_view session_hash) {
    c.prepare("DELETE FROM staff_sessions WHERE session_hash = ?1").bind(session_hash).run();
}

void delete_staff_sessions(Connection& c, std::string_view account_id, std::string_view keep) {
    c.prepare("DELETE FROM staff_sessions WHERE account_id = ?1 AND session_hash <> ?2").bind(account_id, keep).run();
}

void delete_stale_staff_sessions(Connection& c, std::int64_t idle_before_unix, std::int64_t now_unix) {
    c.prepare("DELETE FROM staff_sessions WHERE last_seen_unix < ?1 OR expires_unix <= ?2")
        .bind(idle_before_unix, now_unix)
        .run();
}

} // namespace isp::store
