#include "server/services/staff_tokens.h"

#include <stdexcept>

#include "server/security/random_id.h"
#include "server/store/database.h"
#include "server/store/staff_account_store.h"
#include "shared/staff/staff_account_rules.h"

namespace isp::services {

IssuedToken create_staff_token(store::Database& db, const std::string& name, const std::vector<Role>& roles,
                               const std::string& now, const std::optional<std::string>& account_id) {
    if (name.empty())
        throw std::invalid_argument("a token needs a name");
    if (roles.empty())
        throw std::invalid_argument("a token needs at least one role");
    IssuedToken t;
    t.token_id = security::new_id("stk_", 10);
    // 32 random bytes, in the same base32 alphabet as ids: 256 bits nobody can guess.
    t.secret = "pst_" + t.token_id + "_" + security::new_id("", 32);
    const store::StaffTokenRow row{t.token_id, name, join_roles(roles), now, std::nullopt, account_id};
    db.write([&](store::Connection& c) {
        if (account_id && !store::find_staff_account(c, *account_id))
            throw std::invalid_argument("no staff account " + *account_id);
        store::insert_staff_token(c, row, security::sha256_hex(t.secret));
    });
    return t;
}

std::vector<store::StaffTokenRow> list_staff_tokens(store::Database& db) {
    return db.read([](store::Connection& c) { return store::list_staff_tokens(c); });
}

bool revoke_staff_token(store::Database& db, std::string_view token_id, const std::string& now) {
    return db.write([&](store::Connection& c) { return store::revoke_staff_token(c, token_id, now); });
}

std::optional<std::string> staff_account_id_for_email(store::Database& db, std::string_view email) {
    return db.read([&](store::Connection& c) -> std::optional<std::string> {
        if (auto row = store::find_staff_account_by_email(c, staff_email_key(email)))
            return row->account.account_id;
        return std::nullopt;
    });
}

std::optional<LiveToken> find_live_token(store::Database& db, std::string_view secret) {
    // Looked up by hash: comparing hashes of a secret leaks nothing useful about it.
    return db.read([&](store::Connection& c) -> std::optional<LiveToken> {
        auto row = store::find_staff_token_by_hash(c, security::sha256_hex(secret));
        if (!row || row->revoked_at)
            return std::nullopt;
        LiveToken live{*row, std::nullopt, parse_roles(row->roles).value_or(std::vector<Role>{})};
        if (row->account_id) {
            auto account = store::find_staff_account(c, *row->account_id);
            if (!account || account->account.state != StaffAccountState::Active)
                return std::nullopt; // a token dies with its account
            live.roles = roles_within(live.roles, account->account.roles);
            live.account = account->account;
        }
        return live;
    });
}

} // namespace isp::services
