// Staff accounts and browser sessions for API tests (docs/staff-accounts.md): an account
// made through the admin API, its password set from the link, a sign-in, and the headers a
// browser sends with that session (the cookie; for writes also Origin and X-CSRF-Token).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "server/config/server_config.h"
#include "test_server.h"

namespace isp::test {

// A password that passes every rule (long, varied, not a common one).
inline constexpr char good_password[] = "Tajine-aux-pruneaux-2026";

// The server settings every staff test uses: a quick password hash (8 MiB, one pass) so a
// sign-in costs milliseconds, not a quarter of a second.
void quick_staff_config(ServerConfig& config);

struct CreatedAccount {
    nlohmann::json account; // the answer's `account`
    std::string account_id;
    std::string link_url;   // password_link.url
    std::string link_token; // the part after #set-password=
    std::string link_expires_at;
};

// POST /api/v1/staff/accounts as `admin` (headers of an admin token or session); REQUIREs 201.
CreatedAccount create_account(httplib::Client& c, const httplib::Headers& admin, const std::string& email,
                              const std::vector<std::string>& roles, const std::string& display_name = "Test Person");

// The token of a password link: what follows "#set-password=" in its url.
std::string link_token_of(const std::string& url);

// POST /api/v1/staff/password {token, password}.
httplib::Result set_password(httplib::Client& c, const std::string& token, const std::string& password);

// POST /api/v1/staff/session; the codes are sent only when given.
httplib::Result sign_in(httplib::Client& c, const std::string& email, const std::string& password,
                        const std::optional<std::string>& totp_code = std::nullopt,
                        const std::optional<std::string>& recovery_code = std::nullopt,
                        const httplib::Headers& extra = {});

// The whole Set-Cookie header that sets staff_session ("" when there is none).
std::string staff_set_cookie(const httplib::Result& res);

// A signed-in person, as their browser would call the API.
struct StaffBrowser {
    std::string account_id;
    std::string email;
    std::string password;
    std::string cookie;     // "staff_session=<id>", for a Cookie header
    std::string csrf_token; // from the sign-in answer
    std::string origin;     // "http://127.0.0.1:<port>"
    nlohmann::json session; // the sign-in answer

    // A GET: only the cookie.
    httplib::Headers reads() const;
    // Anything else: the cookie, this server's Origin, X-CSRF-Token and a fresh Idempotency-Key.
    httplib::Headers writes() const;
};

// What a browser keeps from a successful sign-in (REQUIREs 200 and the cookie).
StaffBrowser browser_of(const TestServer& server, const httplib::Result& sign_in_answer, const std::string& email,
                        const std::string& password);

// Signs in with the right password (REQUIREs 200) and keeps what a browser keeps.
StaffBrowser signed_in(TestServer& server, httplib::Client& c, const std::string& email, const std::string& password,
                       const std::optional<std::string>& totp_code = std::nullopt);

// Creates the account as `admin`, sets `password` from its link and signs in.
StaffBrowser new_signed_in_account(TestServer& server, httplib::Client& c, const httplib::Headers& admin,
                                   const std::string& email, const std::vector<std::string>& roles,
                                   const std::string& password = good_password);

// The authenticator's code for `secret` (base32, as POST /staff/me/totp returns it) at
// `unix_seconds`: RFC 6238, 30-second steps, 6 digits.
std::string totp_code(const std::string& secret, std::int64_t unix_seconds);

// Six digits that are not the code of the step at `unix_seconds` nor of the steps either
// side of it (the drift the server accepts): a code that must be refused.
std::string wrong_totp_code(const std::string& secret, std::int64_t unix_seconds);

} // namespace isp::test
