#include "server/services/staff_sessions.h"

#include "server/clock/clock.h"
#include "server/config/server_config.h"
#include "server/security/password_hash.h"
#include "server/security/random_id.h"
#include "server/security/signed_token.h"
#include "server/services/failure.h"
#include "server/services/service_context.h"
#include "server/services/staff_accounts.h"
#include "server/services/staff_second_factor.h"
#include "server/store/database.h"
#include "server/store/staff_account_store.h"
#include "server/store/staff_session_store.h"
#include "shared/staff/password_policy.h"
#include "shared/staff/staff_account_rules.h"
#include "shared/wire/problem_codes.h"

namespace isp::services {
namespace {

constexpr std::string_view csrf_purpose = "staff_csrf";
// The idle clock is written at most this often: a request does not cost a write each time.
constexpr std::int64_t touch_interval_seconds = 60;

Failure sign_in_failed() {
    return Failure(FailureKind::Unauthenticated, wire::problem::sign_in_failed,
                   "The e-mail or the password is wrong, or the account cannot sign in.");
}

} // namespace

StaffSessions::StaffSessions(ServiceContext& ctx, const security::TokenSigner& signer)
    : ctx_(ctx), signer_(signer),
      failures_(ctx.clock, ctx.config.sign_in_max_failures, ctx.config.sign_in_window_seconds, "staff_sign_in"),
      dummy_hash_(hash_staff_password(ctx, security::new_id("", 16))) {}

std::string StaffSessions::csrf_token(std::string_view session_id, std::int64_t expires_unix) const {
    return signer_.sign(csrf_purpose, session_id, expires_unix);
}

bool StaffSessions::csrf_token_matches(std::string_view session_id, std::string_view token) const {
    return signer_.verify(token, csrf_purpose, session_id, ctx_.clock.now_unix()) ==
           security::TokenSigner::Check::Valid;
}

SignedIn StaffSessions::sign_in(const StaffSignInRequest& request, std::string_view client_address) {
    const std::string email_key = staff_email_key(request.email);
    const std::string account_key = "email:" + email_key;
    const std::string address_key = "address:" + std::string(client_address);
    std::int64_t counted_at = 0;
    if (const auto wait = failures_.begin_attempt({account_key, address_key}, counted_at)) {
        Failure f(FailureKind::TooManyAttempts, wire::problem::too_many_attempts,
                  "Too many failed sign-ins; wait before trying again.");
        f.retry_after_seconds = *wait;
        throw f;
    }
    StaffActor actor{std::nullopt, email_key, std::string(client_address)};
    const auto row =
        ctx_.db.read([&](store::Connection& c) { return store::find_staff_account_by_email(c, email_key); });
    // Every path hashes once, whether the account exists or not: the answer's time tells
    // nothing about which e-mails have accounts. An over-long password is not hashed at all.
    const bool hashable = request.password.size() <= max_password_bytes;
    const bool has_password = row && row->password_hash;
    const bool password_ok =
        hashable && security::verify_password(has_password ? *row->password_hash : dummy_hash_, request.password) &&
        has_password;
    const char* failure = nullptr;
    if (!row)
        failure = "unknown_email";
    else if (!has_password)
        failure = "no_password";
    else if (!password_ok)
        failure = "wrong_password";
    else if (row->account.state == StaffAccountState::Disabled)
        failure = "account_disabled";
    if (failure) {
        ctx_.db.write([&](store::Connection& c) {
            record_staff_event(c, ctx_.clock, "sign_in_failed",
                               row ? std::optional(row->account.account_id) : std::nullopt,
                               row ? row->account.email : email_key, actor, failure);
        });
        throw sign_in_failed();
    }
    const StaffAccount& account = row->account;
    actor.account_id = account.account_id;
    actor.name = account.email;
    std::string method = "password";
    if (row->totp_key) {
        switch (check_second_factor(ctx_, *row, request.totp_code, request.recovery_code, actor)) {
        case SecondFactorCheck::Passed: method = request.totp_code ? "password+totp" : "password+recovery_code"; break;
        case SecondFactorCheck::Missing:
            // Not a failure: the console now asks for the code.
            failures_.forgive({account_key, address_key}, counted_at);
            throw Failure(FailureKind::Unauthenticated, wire::problem::second_factor_required,
                          "Enter the code of your authenticator app (or a recovery code).");
        case SecondFactorCheck::Wrong:
            ctx_.db.write([&](store::Connection& c) {
                record_staff_event(c, ctx_.clock, "sign_in_failed", account.account_id, account.email, actor,
                                   "second_factor_invalid");
            });
            throw Failure(FailureKind::Unauthenticated, wire::problem::second_factor_invalid,
                          "This code is not valid or has already been used.");
        }
    }
    failures_.forgive({account_key, address_key}, counted_at);

    security::PasswordHashParams params;
    params.memory_kib = ctx_.config.password_hash_memory_kib;
    params.iterations = ctx_.config.password_hash_iterations;
    const std::optional<std::string> rehashed =
        security::needs_rehash(*row->password_hash, params)
            ? std::optional<std::string>(hash_staff_password(ctx_, request.password))
            : std::nullopt;

    SignedIn out;
    out.session_id = security::base64url(security::random_bytes(32));
    const std::int64_t now = ctx_.clock.now_unix();
    const std::int64_t expires = now + ctx_.config.staff_session_max_seconds;
    out.max_age_seconds = ctx_.config.staff_session_max_seconds;
    ctx_.db.write([&](store::Connection& c) {
        store::insert_staff_session(c, security::sha256_hex(out.session_id), {account.account_id, now, now, expires});
        store::set_staff_last_sign_in(c, account.account_id, ctx_.clock.now_iso());
        if (rehashed)
            store::set_staff_password_hash(c, account.account_id, *rehashed);
        record_staff_event(c, ctx_.clock, "sign_in", account.account_id, account.email, actor, method);
        store::delete_stale_staff_sessions(c, now - ctx_.config.staff_session_idle_seconds, now);
    });
    out.session.account = account;
    out.session.account.last_sign_in_at = ctx_.clock.now_iso();
    out.session.csrf_token = csrf_token(out.session_id, expires);
    out.session.expires_at = Clock::iso_timestamp(expires);
    out.session.idle_timeout_seconds = ctx_.config.staff_session_idle_seconds;
    out.session.second_factor_enrolment_required = second_factor_enrolment_required(ctx_.config, account);
    return out;
}

std::optional<CurrentStaffSession> StaffSessions::find(std::string_view session_id, std::string_view client_address) {
    if (session_id.empty() || session_id.size() > 100)
        return std::nullopt;
    const std::string hash = security::sha256_hex(session_id);
    const std::int64_t now = ctx_.clock.now_unix();
    struct Found {
        store::StaffSessionRow session;
        store::StaffAccountRow account;
    };
    const auto found = ctx_.db.read([&](store::Connection& c) -> std::optional<Found> {
        auto s = store::find_staff_session(c, hash);
        if (!s)
            return std::nullopt;
        auto a = store::find_staff_account(c, s->account_id);
        if (!a)
            return std::nullopt;
        return Found{*s, *a};
    });
    if (!found)
        return std::nullopt;
    const StaffAccount& account = found->account.account;
    const bool expired = now >= found->session.expires_unix ||
                         now - found->session.last_seen_unix >= ctx_.config.staff_session_idle_seconds;
    if (expired || account.state == StaffAccountState::Disabled) {
        ctx_.db.write([&](store::Connection& c) {
            store::delete_staff_session(c, hash);
            if (expired)
                record_staff_event(c, ctx_.clock, "session_expired", account.account_id, account.email,
                                   {account.account_id, account.email, std::string(client_address)},
                                   now >= found->session.expires_unix ? "absolute" : "idle");
        });
        return std::nullopt;
    }
    if (now - found->session.last_seen_unix >= touch_interval_seconds)
        ctx_.db.write([&](store::Connection& c) { store::touch_staff_session(c, hash, now); });
    CurrentStaffSession out;
    out.account = account;
    out.session_hash = hash;
    out.csrf_token = csrf_token(session_id, found->session.expires_unix);
    out.expires_unix = found->session.expires_unix;
    out.second_factor_enrolment_required = second_factor_enrolment_required(ctx_.config, account);
    return out;
}

void StaffSessions::sign_out(const CurrentStaffSession& session, const StaffActor& by) {
    ctx_.db.write([&](store::Connection& c) {
        store::delete_staff_session(c, session.session_hash);
        record_staff_event(c, ctx_.clock, "sign_out", session.account.account_id, session.account.email, by);
    });
}

} // namespace isp::services
