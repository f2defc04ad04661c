#include "server/store/staff_credential_store.h"

#include "server/store/database.h"

namespace isp::store {

void replace_password_link(Connection& c, std::string_view account_id, std::string_view link_hash,
                           const std::string& created_at, std::int64_t expires_unix) {
    c.prepare("UPDATE staff_password_links SET used_at = 'voided' WHERE account_id = ?1 AND used_at IS NULL")
        .bind(account_id)
        .run();
    c.prepare("INSERT INTO staff_password_links (link_hash, account_id, created_at, expires_unix) "
              "VALUES (?1, ?2, ?3, ?4)")
        .bind(link_hash, account_id, created_at, expires_unix)
        .run();
}

std::optional<PasswordLinkRow> find_password_link(Connection& c, std::string_view link_hash) {
    auto st = c.prepare("SELECT account_id, expires_unix, used_at FROM staff_password_links WHERE link_hash = ?1");
    st.bind(link_hash);
    if (!st.step())
        return std::nullopt;
    return PasswordLinkRow{st.text(0), st.integer(1), st.optional_text(2)};
}

bool use_password_link(Connection& c, std::string_view link_hash, const std::string& at) {
    c.prepare("UPDATE staff_password_links SET used_at = ?2 WHERE link_hash = ?1 AND used_at IS NULL")
        .bind(link_hash, at)
        .run();
    return c.changes() > 0;
}

void replace_recovery_codes(Connection& c, std::string_view account_id, const std::vector<std::string>& code_hashes) {
    c.prepare("DELETE FROM staff_recovery_codes WHERE account_id = ?1").bind(account_id).run();
    for (const std::string& h : code_hashes)
        c.prepare("INSERT INTO staff_recovery_codes (account_id, code_hash) VALUES (?1, ?2)").bind(account_id, h).run();
}

bool use_recovery_code(Connection& c, std::string_view account_id, std::string_view code_hash, const std::string& at) {
    c.prepare("UPDATE staff_recovery_codes SET used_at = ?3 WHERE account_id = ?1 AND code_hash = ?2 "
              "AND used_at IS NULL")
        .bind(account_id, code_hash, at)
        .run();
    return c.changes() > 0;
}

} // namespace isp::store
