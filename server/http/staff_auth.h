// Who is calling a staff endpoint: `Authorization: Bearer <token>` (a staff token made by
// `portal-server token create`), or - only with --trust-proxy-actor - X-Actor-Id with
// roles in X-Actor-Roles, set by a reverse proxy that authenticated the person.
// 401 `authentication_required` (with WWW-Authenticate: Bearer) when nobody is
// identified; 403 `forbidden_role` when the caller lacks the role.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "server/services/staff_tokens.h"

namespace httplib {
struct Request;
}

namespace isp {
struct AppContext;
}

namespace isp::http {

struct StaffIdentity {
    std::optional<std::string> token_id; // absent when authenticated by the proxy
    std::string name;                    // the token's name, or the proxy's actor
    std::vector<services::Role> roles;
    std::string actor;  // who acts, for the audit trail: X-Actor-Id, else the token's name
    std::string method; // "token" or "proxy"
};

StaffIdentity require_staff(const httplib::Request& req, AppContext& app, services::Role needed);

} // namespace isp::http
