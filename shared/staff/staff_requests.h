// What staff send to sign in and to look after their own credentials, and what the server
// answers: one shape for the server and the console (docs/staff-accounts.md).
#pragma once
#include <cstddef>
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

// New recovery codes for an enrolled account (the old ones stop): the password and a current
// code of the authenticator, both proving the person is the account's.
struct RecoveryCodesRequest {
    std::string password;
    std::string code;
};

struct PasswordLink {
    std::string url; // <public url>/staff/#set-password=<token>
    std::string expires_at;
};

// A QR code as its modules, for a browser app to draw without a QR library: `size` rows of
// `size` characters, '1' a dark module and '0' a light one, top row first. The quiet zone
// (4 light modules on every side, ISO/IEC 18004) is not included: the drawer adds it.
struct QrCode {
    int size = 0;
    std::vector<std::string> rows;

    bool dark(int row, int column) const {
        return rows[static_cast<std::size_t>(row)][static_cast<std::size_t>(column)] == '1';
    }
};

struct TotpEnrolment {
    std::string secret;      // base32, for typing by hand
    std::string otpauth_uri; // what an authenticator app reads ...
    QrCode qr_code;          // ... from this QR code of it
};

} // namespace isp
