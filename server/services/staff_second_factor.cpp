#include "server/services/staff_second_factor.h"

#include <algorithm>

#include "server/clock/clock.h"
#include "server/config/server_config.h"
#include "server/security/qr_code.h"
#include "server/security/random_id.h"
#include "server/security/totp.h"
#include "server/services/failure.h"
#include "server/services/service_context.h"
#include "server/services/staff_accounts.h"
#include "server/store/database.h"
#include "server/store/staff_account_store.h"
#include "server/store/staff_credential_store.h"
#include "shared/wire/problem_codes.h"

namespace isp::services {
namespace {

store::StaffAccountRow account_row(ServiceContext& ctx, std::string_view account_id) {
    auto row = ctx.db.read([&](store::Connection& c) { return store::find_staff_account(c, account_id); });
    if (!row)
        throw Failure(FailureKind::NotFound, "not_found", "No staff account " + std::string(account_id) + ".");
    return *row;
}

void require_password(const store::StaffAccountRow& row, std::string_view password) {
    if (!staff_password_matches(row.password_hash, password))
        throw Failure(FailureKind::Forbidden, wire::problem::password_incorrect, "The password is wrong.");
}

// "k3m9xq-7hp2wd": typed by hand from paper, so case, spaces and dashes do not matter.
std::string normalized_recovery_code(std::string_view code) {
    std::string out;
    for (char ch : code) {
        if (ch == '-' || ch == ' ')
            continue;
        out += (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
    }
    return out;
}

// Ten codes for the person to keep on paper, and their hashes for the store (never the codes).
struct RecoveryCodes {
    std::vector<std::string> codes;
    std::vector<std::string> hashes;
};

RecoveryCodes new_recovery_codes() {
    RecoveryCodes out;
    for (int i = 0; i < recovery_code_count; ++i) {
        const std::string raw = security::new_id("", 8).substr(0, 12); // 60 bits
        out.codes.push_back(raw.substr(0, 6) + "-" + raw.substr(6));
        out.hashes.push_back(security::sha256_hex(normalized_recovery_code(out.codes.back())));
    }
    return out;
}

std::optional<std::string> key_bytes(const std::optional<std::string>& base32) {
    if (!base32)
        return std::nullopt;
    return security::base32_decode(*base32);
}

} // namespace

bool second_factor_enrolment_required(const ServerConfig& config, const StaffAccount& account) {
    if (account.second_factor)
        return false;
    return std::any_of(account.roles.begin(), account.roles.end(), [&](StaffRole r) {
        return std::find(config.require_second_factor_for.begin(), config.require_second_factor_for.end(), r) !=
               config.require_second_factor_for.end();
    });
}

TotpEnrolment begin_totp_enrolment(ServiceContext& ctx, std::string_view account_id, std::string_view password,
                                   const StaffActor&) {
    const auto row = account_row(ctx, account_id);
    require_password(row, password);
    if (row.totp_key)
        throw Failure(FailureKind::Conflict, wire::problem::totp_already_enrolled,
                      "A second factor is already enrolled; remove it first to enrol another.");
    // 160 bits, the size RFC 4226 recommends for HMAC-SHA1.
    const std::string secret = security::base32_encode(security::random_bytes(20));
    ctx.db.write([&](store::Connection& c) { store::set_staff_totp_pending(c, account_id, secret); });
    const std::string issuer =
        ctx.config.operator_profile.name.empty() ? "ISP portal" : ctx.config.operator_profile.name;
    std::string uri = security::otpauth_uri(issuer, row.account.email, secret);
    QrCode qr = security::qr_code(uri);
    return {secret, std::move(uri), std::move(qr)};
}

std::vector<std::string> confirm_totp_enrolment(ServiceContext& ctx, std::string_view account_id, std::string_view code,
                                                const StaffActor& by) {
    const auto row = account_row(ctx, account_id);
    if (row.totp_key)
        throw Failure(FailureKind::Conflict, wire::problem::totp_already_enrolled,
                      "A second factor is already enrolled.");
    const auto key = key_bytes(row.totp_pending);
    if (!key)
        throw Failure(FailureKind::Conflict, wire::problem::totp_enrolment_not_started,
                      "Start the enrolment first (POST /api/v1/staff/me/totp).");
    const auto step = security::match_totp(*key, code, ctx.clock.now_unix(), std::nullopt);
    if (!step)
        throw Failure(FailureKind::Unauthenticated, wire::problem::second_factor_invalid,
                      "This code is not the authenticator's current one; check the phone's clock and try again.");
    const RecoveryCodes fresh = new_recovery_codes();
    ctx.db.write([&](store::Connection& c) {
        store::set_staff_totp_key(c, account_id, *row.totp_pending, *step);
        store::replace_recovery_codes(c, account_id, fresh.hashes);
        record_staff_event(c, ctx.clock, "second_factor_enrolled", row.account.account_id, row.account.email, by);
    });
    return fresh.codes;
}

std::vector<std::string> replace_recovery_codes(ServiceContext& ctx, std::string_view account_id,
                                                const RecoveryCodesRequest& request, const StaffActor& by) {
    const auto row = account_row(ctx, account_id);
    const auto key = key_bytes(row.totp_key);
    if (!key)
        throw Failure(FailureKind::Conflict, wire::problem::totp_not_enrolled,
                      "This account has no second factor: set one up first (POST /api/v1/staff/me/totp).");
    require_password(row, request.password);
    const RecoveryCodes fresh = new_recovery_codes();
    // The code is checked inside the write, as at sign-in: each step is accepted once.
    const bool replaced = ctx.db.write([&](store::Connection& c) {
        const auto now = store::find_staff_account(c, account_id);
        const auto step = security::match_totp(*key, request.code, ctx.clock.now_unix(),
                                               now ? now->totp_last_step : row.totp_last_step);
        if (!step)
            return false;
        store::set_staff_totp_last_step(c, account_id, *step);
        store::replace_recovery_codes(c, account_id, fresh.hashes);
        record_staff_event(c, ctx.clock, "recovery_codes_replaced", row.account.account_id, row.account.email, by);
        return true;
    });
    if (!replaced)
        throw Failure(FailureKind::Unauthenticated, wire::problem::second_factor_invalid,
                      "This code is not the authenticator's current one; check the phone's clock and try again.");
    return fresh.codes;
}

void remove_totp(ServiceContext& ctx, std::string_view account_id, std::string_view password, const StaffActor& by) {
    const auto row = account_row(ctx, account_id);
    require_password(row, password);
    StaffAccount without = row.account;
    without.second_factor = false;
    if (second_factor_enrolment_required(ctx.config, without))
        throw Failure(FailureKind::Conflict, wire::problem::second_factor_mandatory,
                      "A second factor is required for this account's role; it cannot be removed.");
    ctx.db.write([&](store::Connection& c) {
        store::set_staff_totp_key(c, account_id, std::nullopt, std::nullopt);
        store::set_staff_totp_pending(c, account_id, std::nullopt);
        store::replace_recovery_codes(c, account_id, {});
        record_staff_event(c, ctx.clock, "second_factor_removed", row.account.account_id, row.account.email, by);
    });
}

SecondFactorCheck check_second_factor(ServiceContext& ctx, const store::StaffAccountRow& row,
                                      const std::optional<std::string>& totp_code,
                                      const std::optional<std::string>& recovery_code, const StaffActor& by) {
    const std::string& id = row.account.account_id;
    if (totp_code) {
        const auto key = key_bytes(row.totp_key);
        if (!key)
            return SecondFactorCheck::Wrong;
        // Checked again inside the write: two sign-ins with one code at once, one wins.
        return ctx.db.write([&](store::Connection& c) {
            const auto now = store::find_staff_account(c, id);
            const auto step = security::match_totp(*key, *totp_code, ctx.clock.now_unix(),
                                                   now ? now->totp_last_step : row.totp_last_step);
            if (!step)
                return SecondFactorCheck::Wrong;
            store::set_staff_totp_last_step(c, id, *step);
            return SecondFactorCheck::Passed;
        });
    }
    if (recovery_code) {
        const std::string hash = security::sha256_hex(normalized_recovery_code(*recovery_code));
        return ctx.db.write([&](store::Connection& c) {
            if (!store::use_recovery_code(c, id, hash, ctx.clock.now_iso()))
                return SecondFactorCheck::Wrong;
            record_staff_event(c, ctx.clock, "recovery_code_used", id, row.account.email, by);
            return SecondFactorCheck::Passed;
        });
    }
    return SecondFactorCheck::Missing;
}

} // namespace isp::services
