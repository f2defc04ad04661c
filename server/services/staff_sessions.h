// Staff sign-in and browser sessions (docs/staff-accounts.md). Signing in checks the
// password (Argon2id; an unknown e-mail is checked against a dummy hash so that it takes
// as long), the second factor when one is enrolled, and the failures per e-mail and per
// client address (the verify-cin limiter's rules). A session is a random 256-bit id in an
// HttpOnly cookie, stored as its SHA-256; it ends after an idle time, at an absolute
// time, at sign-out, or when the account's roles, state or password change.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "server/security/rate_limiter.h"
#include "server/services/staff_audit.h"
#include "shared/staff/staff_requests.h"

namespace isp {
class Clock;
struct ServerConfig;
namespace security {
class TokenSigner;
}
namespace store {
class Database;
}
} // namespace isp

namespace isp::services {

struct ServiceContext;

struct SignedIn {
    std::string session_id; // for the cookie only
    std::int64_t max_age_seconds = 0;
    StaffSession session;
};

// The session a request's cookie names, when it is still alive.
struct CurrentStaffSession {
    StaffAccount account;
    std::string session_hash;
    std::string csrf_token;
    std::int64_t expires_unix = 0;
    bool second_factor_enrolment_required = false;
};

class StaffSessions {
public:
    StaffSessions(ServiceContext& ctx, const security::TokenSigner& signer);

    // 400 validation_failed, 401 sign_in_failed (the same for every wrong e-mail, password,
    // disabled account or account without a password), 401 second_factor_required or
    // second_factor_invalid, 429 too_many_attempts.
    SignedIn sign_in(const StaffSignInRequest& request, std::string_view client_address);

    // Ends the session when it has expired or its account is disabled (nullopt then);
    // records the request's time for the idle timeout.
    std::optional<CurrentStaffSession> find(std::string_view session_id, std::string_view client_address);
    bool csrf_token_matches(std::string_view session_id, std::string_view csrf_token) const;
    void sign_out(const CurrentStaffSession& session, const StaffActor& by);

private:
    std::string csrf_token(std::string_view session_id, std::int64_t expires_unix) const;

    ServiceContext& ctx_;
    const security::TokenSigner& signer_;
    security::RateLimiter failures_;
    std::string dummy_hash_; // what an unknown e-mail's password is checked against
};

} // namespace isp::services
