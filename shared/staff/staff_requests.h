// What staff send to sign in and to look after their own credentials, and what the server
// answers: one shape for the server and the console (docs/staff-accounts.md).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "shared/staff/staff_account.h"

namespace isp {

struct StaffSignInRequest {
    std::string email;
    std::string password;
    std::optional<std::string> totp_code;     // when a second factor is enrolled ...
    std::optional<std::string> recovery_code; // ... or one of its recovery codes instead
};

// The answer to a sign-in; the session id itself travels only in the HttpOnly cookie.
struct StaffSession {
    StaffAccount account;
    std::string csrf_token; // to send as X-CSRF-Token on every write
    std::string expires_at; // the absolute end; idle_timeout_seconds without a request ends it sooner
    std::int64_t idle_timeout_seconds = 0;
    bool second_factor_enrolment_required = false; // a role requires one: nothing else works until enrolled
};

// Sets a password from a password link's token.
struct PasswordSet {
    std::string token;
    std::string password;
};

struct PasswordChange {
    std::string current_password;
    std::string new_password;
};

struct PasswordLink {
    std::string url; // <public url>/staff/#set-password=<token>
    std::string expires_at;
};

struct TotpEnrolment {
    std::string secret;      // base32, for typing by hand
    std::string otpauth_uri; // for the QR code
};

} // namespace isp
