// Who is calling a staff endpoint, in this order:
//   `Authorization: Bearer <token>`: a staff token (`portal-server token create`); a
//     token of an account acts within the account's roles and dies with it;
//   the `staff_session` cookie of a signed-in person (docs/staff-accounts.md); every
//     write with it must pass the CSRF check (its Origin or Referer is this server, and
//     X-CSRF-Token is the session's), else 403 csrf_check_failed;
//   only with --trust-proxy-actor: X-Actor-Id with roles in X-Actor-Roles, set by a
//     reverse proxy that authenticated the person.
// 401 `authentication_required` (WWW-Authenticate: Bearer) when nobody is identified;
// 403 `forbidden_role` when the caller lacks the role; 403
// `second_factor_enrolment_required` for a session that must first enrol a second factor.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "server/services/staff_audit.h"
#include "server/services/staff_sessions.h"
#include "server/services/staff_tokens.h"

namespace httplib {
struct Request;
}

namespace isp {
struct AppContext;
}

namespace isp::http {

struct StaffIdentity {
    std::optional<std::string> token_id;                  // when authenticated by a token
    std::optional<StaffAccount> account;                  // the person's account (session, or a token of an account)
    std::optional<services::CurrentStaffSession> session; // when authenticated by the cookie
    std::string session_id;                               // the cookie's value, with `session`
    std::string name; // the token's name, the account's e-mail, or the proxy's actor
    std::vector<services::Role> roles;
    std::string actor;  // who acts, for audit trails: X-Actor-Id, else the account's e-mail or token's name
    std::string method; // "token", "session" or "proxy"
    std::string client_address;

    services::StaffActor staff_actor() const;
};

// Anyone signed in (any role), also a session that still has to enrol a second factor:
// for what people do with their own credentials (/me, sign-out, password, TOTP).
StaffIdentity require_signed_in(const httplib::Request& req, AppContext& app);
// Staff with `needed` (or a role that grants it).
StaffIdentity require_staff(const httplib::Request& req, AppContext& app, services::Role needed);

} // namespace isp::http
