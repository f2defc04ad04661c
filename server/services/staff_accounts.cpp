#include "server/services/staff_accounts.h"

#include "server/clock/clock.h"
#include "server/config/server_config.h"
#include "server/security/password_hash.h"
#include "server/security/random_id.h"
#include "server/services/failure.h"
#include "server/services/service_context.h"
#include "server/store/database.h"
#include "server/store/staff_account_store.h"
#include "server/store/staff_credential_store.h"
#include "server/store/staff_session_store.h"
#include "shared/staff/password_policy.h"
#include "shared/staff/staff_account_rules.h"
#include "shared/wire/problem_codes.h"

namespace isp::services {
namespace {

constexpr Language account_words_language = Language::English;

Failure invalid(FieldErrors errors) {
    return Failure(FailureKind::Invalid, wire::problem::validation_failed,
                   "The request has invalid fields; see errors.", std::move(errors));
}

store::StaffAccountRow existing(store::Connection& c, std::string_view account_id) {
    auto row = store::find_staff_account(c, account_id);
    if (!row)
        throw Failure(FailureKind::NotFound, "not_found", "No staff account " + std::string(account_id) + ".");
    return *row;
}

// Stores a new link's hash; returns the link itself (its token is only ever in the answer).
PasswordLink make_link(ServiceContext& ctx, store::Connection& c, const StaffAccount& account,
                       std::string_view base_url, const StaffActor& by) {
    const std::string token = security::new_id("", 32);
    const std::int64_t expires = ctx.clock.now_unix() + password_link_ttl_seconds;
    store::replace_password_link(c, account.account_id, security::sha256_hex(token), ctx.clock.now_iso(), expires);
    record_staff_event(c, ctx.clock, "password_link_created", account.account_id, account.email, by);
    // In the fragment: browsers send it neither to the server nor in a Referer.
    return {std::string(base_url) + "/staff/#set-password=" + token, Clock::iso_timestamp(expires)};
}

void check_password(std::string_view password, std::string field) {
    FieldErrors errors = check_new_password(password, account_words_language, std::move(field));
    if (!errors.empty())
        throw invalid(std::move(errors));
}

} // namespace

std::string hash_staff_password(const ServiceContext& ctx, std::string_view password) {
    security::PasswordHashParams params;
    params.memory_kib = ctx.config.password_hash_memory_kib;
    params.iterations = ctx.config.password_hash_iterations;
    return security::hash_password(password, params);
}

bool staff_password_matches(const std::optional<std::string>& stored_hash, std::string_view password) {
    return stored_hash && security::verify_password(*stored_hash, password);
}

CreatedStaffAccount create_staff_account(ServiceContext& ctx, NewStaffAccount request, std::string_view base_url,
                                         const StaffActor& by) {
    return ctx.db.write(
        [&](store::Connection& c) { return create_staff_account(c, ctx, std::move(request), base_url, by); });
}

CreatedStaffAccount create_staff_account(store::Connection& c, ServiceContext& ctx, NewStaffAccount request,
                                         std::string_view base_url, const StaffActor& by) {
    FieldErrors errors;
    check_new_staff_account(request, account_words_language, errors);
    if (!errors.empty())
        throw invalid(std::move(errors));
    StaffAccount account;
    account.account_id = security::new_id("stf_", 10);
    account.email = request.email;
    account.display_name = request.display_name;
    account.roles = request.roles;
    account.language = request.language;
    account.created_at = ctx.clock.now_iso();
    const std::string key = staff_email_key(account.email);
    if (store::find_staff_account_by_email(c, key))
        throw Failure(FailureKind::Conflict, wire::problem::email_taken,
                      "A staff account already has the e-mail " + account.email + ".");
    store::insert_staff_account(c, account, key);
    record_staff_event(c, ctx.clock, "account_created", account.account_id, account.email, by,
                       "roles=" + join_staff_roles(account.roles));
    return CreatedStaffAccount{account, make_link(ctx, c, account, base_url, by)};
}

Page<StaffAccount> staff_account_page(ServiceContext& ctx, std::int64_t limit, std::int64_t offset) {
    return ctx.db.read([&](store::Connection& c) {
        return Page<StaffAccount>{store::count_staff_accounts(c), store::list_staff_accounts(c, limit, offset)};
    });
}

StaffAccount get_staff_account(ServiceContext& ctx, std::string_view account_id) {
    return ctx.db.read([&](store::Connection& c) { return existing(c, account_id).account; });
}

std::optional<StaffAccount> find_staff_account_by_email(ServiceContext& ctx, std::string_view email) {
    return ctx.db.read([&](store::Connection& c) -> std::optional<StaffAccount> {
        if (auto row = store::find_staff_account_by_email(c, staff_email_key(email)))
            return row->account;
        return std::nullopt;
    });
}

StaffAccount change_staff_account(ServiceContext& ctx, std::string_view account_id, StaffAccountChange change,
                                  const StaffActor& by) {
    FieldErrors errors;
    check_staff_account_change(change, account_words_language, errors);
    if (!errors.empty())
        throw invalid(std::move(errors));
    return ctx.db.write([&](store::Connection& c) {
        StaffAccount a = existing(c, account_id).account;
        const StaffAccount before = a;
        if (change.display_name)
            a.display_name = *change.display_name;
        if (change.roles)
            a.roles = *change.roles;
        if (change.language)
            a.language = *change.language;
        if (change.state)
            a.state = *change.state;
        store::update_staff_account(c, a);
        const bool roles_changed = join_staff_roles(a.roles) != join_staff_roles(before.roles);
        if (roles_changed)
            record_staff_event(c, ctx.clock, "roles_changed", a.account_id, a.email, by,
                               join_staff_roles(before.roles) + " -> " + join_staff_roles(a.roles));
        if (a.state != before.state)
            record_staff_event(c, ctx.clock,
                               a.state == StaffAccountState::Disabled ? "account_disabled" : "account_enabled",
                               a.account_id, a.email, by);
        // What a session was allowed to do was decided at sign-in: it ends with a change.
        if (roles_changed || a.state != before.state)
            store::delete_staff_sessions(c, a.account_id);
        return a;
    });
}

PasswordLink new_password_link(ServiceContext& ctx, std::string_view account_id, std::string_view base_url,
                               const StaffActor& by) {
    return ctx.db.write([&](store::Connection& c) {
        const StaffAccount a = existing(c, account_id).account;
        return make_link(ctx, c, a, base_url, by);
    });
}

void set_password_from_link(ServiceContext& ctx, const PasswordSet& request, const StaffActor& by) {
    const std::string link_hash = security::sha256_hex(request.token);
    const auto link = ctx.db.read([&](store::Connection& c) { return store::find_password_link(c, link_hash); });
    if (!link || link->used_at)
        throw Failure(FailureKind::Invalid, wire::problem::password_link_invalid,
                      "This password link is not valid or has already been used; ask an administrator for a new one.");
    if (link->expires_unix <= ctx.clock.now_unix())
        throw Failure(FailureKind::Gone, wire::problem::password_link_expired,
                      "This password link has expired; ask an administrator for a new one.");
    check_password(request.password, "password");
    // Hashed before the write transaction: Argon2id takes a while, the writer must not wait.
    const std::string hash = hash_staff_password(ctx, request.password);
    ctx.db.write([&](store::Connection& c) {
        if (!store::use_password_link(c, link_hash, ctx.clock.now_iso()))
            throw Failure(FailureKind::Invalid, wire::problem::password_link_invalid,
                          "This password link has already been used; ask an administrator for a new one.");
        const StaffAccount a = existing(c, link->account_id).account;
        store::set_staff_password_hash(c, a.account_id, hash);
        store::delete_staff_sessions(c, a.account_id);
        StaffActor actor = by;
        if (actor.name.empty())
            actor.name = a.email;
        record_staff_event(c, ctx.clock, "password_set", a.account_id, a.email, actor);
    });
}

void change_own_password(ServiceContext& ctx, std::string_view account_id, const PasswordChange& request,
                         std::string_view keep_session_hash, const StaffActor& by) {
    const auto row = ctx.db.read([&](store::Connection& c) { return existing(c, account_id); });
    if (!staff_password_matches(row.password_hash, request.current_password))
        throw Failure(FailureKind::Forbidden, wire::problem::password_incorrect, "The current password is wrong.");
    check_password(request.new_password, "new_password");
    const std::string hash = hash_staff_password(ctx, request.new_password);
    ctx.db.write([&](store::Connection& c) {
        store::set_staff_password_hash(c, account_id, hash);
        store::delete_staff_sessions(c, account_id, keep_session_hash);
        record_staff_event(c, ctx.clock, "password_changed", std::string(account_id), row.account.email, by);
    });
}

} // namespace isp::services
