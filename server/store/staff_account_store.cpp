#include "server/store/staff_account_store.h"

#include "server/store/database.h"

namespace isp::store {
namespace {

constexpr const char* account_columns =
    "account_id, email, display_name, roles, language, state, totp_key IS NOT NULL, "
    "created_at, last_sign_in_at, password_hash, totp_key, totp_pending, totp_last_step";

StaffAccount read_account(const Statement& st) {
    StaffAccount a;
    a.account_id = st.text(0);
    a.email = st.text(1);
    a.display_name = st.text(2);
    a.roles = parse_staff_roles(st.text(3)).value_or(std::vector<StaffRole>{});
    a.language = st.text(4) == "en" ? Language::English : Language::French;
    a.state = st.text(5) == "disabled" ? StaffAccountState::Disabled : StaffAccountState::Active;
    a.second_factor = st.integer(6) != 0;
    a.created_at = st.text(7);
    a.last_sign_in_at = st.optional_text(8);
    return a;
}

StaffAccountRow read_row(const Statement& st) {
    StaffAccountRow r;
    r.account = read_account(st);
    r.password_hash = st.optional_text(9);
    r.totp_key = st.optional_text(10);
    r.totp_pending = st.optional_text(11);
    if (!st.is_null(12))
        r.totp_last_step = st.integer(12);
    return r;
}

std::string language_code(Language l) {
    return l == Language::English ? "en" : "fr";
}

std::string state_code(StaffAccountState s) {
    return s == StaffAccountState::Disabled ? "disabled" : "active";
}

std::optional<StaffAccountRow> find_one(Connection& c, const std::string& where, std::string_view value) {
    auto st = c.prepare(std::string("SELECT ") + account_columns + " FROM staff_accounts WHERE " + where + " = ?1");
    st.bind(value);
    if (!st.step())
        return std::nullopt;
    return read_row(st);
}

} // namespace

void insert_staff_account(Connection& c, const StaffAccount& a, std::string_view email_key) {
    c.prepare("INSERT INTO staff_accounts (account_id, email, email_key, display_name, roles, language, state, "
              "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        .bind(a.account_id, a.email, email_key, a.display_name, join_staff_roles(a.roles), language_code(a.language),
              state_code(a.state), a.created_at)
        .run();
}

std::optional<StaffAccountRow> find_staff_account(Connection& c, std::string_view account_id) {
    return find_one(c, "account_id", account_id);
}

std::optional<StaffAccountRow> find_staff_account_by_email(Connection& c, std::string_view email_key) {
    return find_one(c, "email_key", email_key);
}

std::int64_t count_staff_accounts(Connection& c) {
    auto st = c.prepare("SELECT COUNT(*) FROM staff_accounts");
    st.step();
    return st.integer(0);
}

std::vector<StaffAccount> list_staff_accounts(Connection& c, std::int64_t limit, std::int64_t offset) {
    auto st = c.prepare(std::string("SELECT ") + account_columns +
                        " FROM staff_accounts ORDER BY email_key, account_id LIMIT ?1 OFFSET ?2");
    st.bind(limit, offset);
    std::vector<StaffAccount> out;
    while (st.step())
        out.push_back(read_account(st));
    return out;
}

void update_staff_account(Connection& c, const StaffAccount& a) {
    c.prepare("UPDATE staff_accounts SET display_name = ?2, roles = ?3, language = ?4, state = ?5 "
              "WHERE account_id = ?1")
        .bind(a.account_id, a.display_name, join_staff_roles(a.roles), language_code(a.language), state_code(a.state))
        .run();
}

void set_staff_password_hash(Connection& c, std::string_view account_id, std::string_view hash) {
    c.prepare("UPDATE staff_accounts SET password_hash = ?2 WHERE account_id = ?1").bind(account_id, hash).run();
}

void set_staff_last_sign_in(Connection& c, std::string_view account_id, const std::string& at) {
    c.prepare("UPDATE staff_accounts SET last_sign_in_at = ?2 WHERE account_id = ?1").bind(account_id, at).run();
}

void set_staff_totp_pending(Connection& c, std::string_view account_id, const std::optional<std::string>& key) {
    c.prepare("UPDATE staff_accounts SET totp_pending = ?2 WHERE account_id = ?1").bind(account_id, key).run();
}

void set_staff_totp_key(Connection& c, std::string_view account_id, const std::optional<std::string>& key,
                        std::optional<std::int64_t> last_step) {
    c.prepare("UPDATE staff_accounts SET totp_key = ?2, totp_pending = NULL, totp_last_step = ?3 WHERE account_id = ?1")
        .bind(account_id, key, last_step)
        .run();
}

void set_staff_totp_last_step(Connection& c, std::string_view account_id, std::int64_t step) {
    c.prepare("UPDATE staff_accounts SET totp_last_step = ?2 WHERE account_id = ?1").bind(account_id, step).run();
}

} // namespace isp::store
