#include "server/services/staff_tokens.h"

#include <stdexcept>

#include "server/security/random_id.h"
#include "server/store/database.h"

namespace isp::services {

std::string_view to_string(Role role) {
    return role == Role::Admin ? "admin" : "ops";
}

std::optional<std::vector<Role>> parse_roles(std::string_view text) {
    std::vector<Role> out;
    while (!text.empty()) {
        const auto comma = text.find(',');
        std::string_view name = text.substr(0, comma);
        while (!name.empty() && name.front() == ' ')
            name.remove_prefix(1);
        while (!name.empty() && name.back() == ' ')
            name.remove_suffix(1);
        Role r;
        if (name == "admin")
            r = Role::Admin;
        else if (name == "ops")
            r = Role::Ops;
        else
            return std::nullopt;
        bool seen = false;
        for (Role o : out)
            seen = seen || o == r;
        if (!seen)
            out.push_back(r);
        text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    }
    if (out.empty())
        return std::nullopt;
    return out;
}

std::string join_roles(const std::vector<Role>& roles) {
    std::string out;
    for (Role r : roles)
        out += (out.empty() ? "" : ",") + std::string(to_string(r));
    return out;
}

bool grants(const std::vector<Role>& held, Role needed) {
    for (Role r : held)
        if (r == Role::Admin || r == needed)
            return true;
    return false;
}

IssuedToken create_staff_token(store::Database& db, const std::string& name, const std::vector<Role>& roles,
                               const std::string& now) {
    if (name.empty())
        throw std::invalid_argument("a token needs a name");
    if (roles.empty())
        throw std::invalid_argument("a token needs at least one role");
    IssuedToken t;
    t.token_id = security::new_id("stk_", 10);
    // 32 random bytes, in the same base32 alphabet as ids: 256 bits nobody can guess.
    t.secret = "pst_" + t.token_id + "_" + security::new_id("", 32);
    const store::StaffTokenRow row{t.token_id, name, join_roles(roles), now, std::nullopt};
    db.write([&](store::Connection& c) { store::insert_staff_token(c, row, security::sha256_hex(t.secret)); });
    return t;
}

std::vector<store::StaffTokenRow> list_staff_tokens(store::Database& db) {
    return db.read([](store::Connection& c) { return store::list_staff_tokens(c); });
}

bool revoke_staff_token(store::Database& db, std::string_view token_id, const std::string& now) {
    return db.write([&](store::Connection& c) { return store::revoke_staff_token(c, token_id, now); });
}

std::optional<store::StaffTokenRow> find_live_token(store::Database& db, std::string_view secret) {
    // Looked up by hash: comparing hashes of a secret leaks nothing useful about it.
    auto row =
        db.read([&](store::Connection& c) { return store::find_staff_token_by_hash(c, security::sha256_hex(secret)); });
    if (!row || row->revoked_at)
        return std::nullopt;
    return row;
}

} // namespace isp::services
