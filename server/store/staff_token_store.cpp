#include "server/store/staff_token_store.h"

#include "server/store/database.h"

namespace isp::store {
namespace {

StaffTokenRow token_row(const Statement& st) {
    return {st.text(0), st.text(1), st.text(2), st.text(3), st.optional_text(4), st.optional_text(5)};
}

} // namespace

void insert_staff_token(Connection& c, const StaffTokenRow& r, const std::string& token_hash) {
    c.prepare("INSERT INTO staff_tokens (token_id, name, roles, token_hash, created_at, revoked_at, account_id) "
              "VALUES (?1, ?2, ?3, ?4, ?5, NULL, ?6)")
        .bind(r.token_id, r.name, r.roles, token_hash, r.created_at, r.account_id)
        .run();
}

std::vector<StaffTokenRow> list_staff_tokens(Connection& c) {
    auto st = c.prepare("SELECT token_id, name, roles, created_at, revoked_at, account_id FROM staff_tokens ORDER BY "
                        "created_at, token_id");
    std::vector<StaffTokenRow> out;
    while (st.step())
        out.push_back(token_row(st));
    return out;
}

std::optional<StaffTokenRow> find_staff_token_by_hash(Connection& c, std::string_view token_hash) {
    auto st = c.prepare(
        "SELECT token_id, name, roles, created_at, revoked_at, account_id FROM staff_tokens WHERE token_hash = ?1");
    st.bind(token_hash);
    if (!st.step())
        return std::nullopt;
    return token_row(st);
}

bool revoke_staff_token(Connection& c, std::string_view token_id, const std::string& now) {
    c.prepare("UPDATE staff_tokens SET revoked_at = COALESCE(revoked_at, ?2) WHERE token_id = ?1")
        .bind(token_id, now)
        .run();
    return c.changes() > 0;
}

} // namespace isp::store
