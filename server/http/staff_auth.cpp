#include "server/http/staff_auth.h"

#include <httplib.h>

#include "server/config/server_config.h"
#include "server/http/client_address.h"
#include "server/http/problem.h"
#include "server/http/request_origin.h"
#include "server/http/staff_session_cookie.h"
#include "server/routes/app_context.h"
#include "shared/wire/problem_codes.h"

namespace isp::http {
namespace {

ApiError unauthenticated(const std::string& detail) {
    ApiError e(401, wire::problem::authentication_required, detail);
    e.www_authenticate = "Bearer realm=\"isp-portal\"";
    return e;
}

constexpr std::size_t max_actor_length = 200;

bool is_read(const httplib::Request& req) {
    return req.method == "GET" || req.method == "HEAD";
}

// A write sent with the session cookie must come from a page of this server (Origin, or
// Referer when a browser leaves Origin out) and carry the session's CSRF token, which a
// page of another site cannot read.
void check_csrf(const httplib::Request& req, AppContext& app, std::string_view session_id) {
    const std::string origin = request_origin(req, app.config);
    const std::string sent_origin = req.get_header_value("Origin");
    const std::string referer = req.get_header_value("Referer");
    bool same_origin = false;
    if (!sent_origin.empty())
        same_origin = sent_origin == origin;
    else if (!referer.empty())
        same_origin = referer.size() > origin.size() && referer.compare(0, origin.size(), origin) == 0 &&
                      referer[origin.size()] == '/';
    if (!same_origin)
        throw ApiError(403, wire::problem::csrf_check_failed,
                       "This request does not come from a page of this server (Origin or Referer).");
    if (!app.staff_sessions.csrf_token_matches(session_id, req.get_header_value("X-CSRF-Token")))
        throw ApiError(403, wire::problem::csrf_check_failed,
                       "Send the session's CSRF token in X-CSRF-Token (from sign-in or GET /api/v1/me).");
}

StaffIdentity identify(const httplib::Request& req, AppContext& app) {
    StaffIdentity who;
    who.client_address = client_address(req, app.config.trusted_proxies);
    const std::string actor = req.get_header_value("X-Actor-Id");
    if (actor.size() > max_actor_length)
        throw unauthenticated("X-Actor-Id is too long.");
    const std::string authorization = req.get_header_value("Authorization");
    const std::string session_id = staff_session_cookie(req);
    if (!authorization.empty()) {
        constexpr std::string_view scheme = "Bearer ";
        if (authorization.size() <= scheme.size() || authorization.compare(0, scheme.size(), scheme) != 0)
            throw unauthenticated("Send a staff token as 'Authorization: Bearer <token>'.");
        const auto token = services::find_live_token(app.db, std::string_view(authorization).substr(scheme.size()));
        // One answer for an unknown and a revoked token: which tokens exist is not public.
        if (!token)
            throw unauthenticated("The staff token is not valid or has been revoked.");
        who.token_id = token->token.token_id;
        who.account = token->account;
        who.name = token->token.name;
        who.roles = token->roles;
        who.actor = !actor.empty() ? actor : token->account ? token->account->email : token->token.name;
        who.method = "token";
    } else if (!session_id.empty()) {
        auto session = app.staff_sessions.find(session_id, who.client_address);
        if (!session)
            throw unauthenticated("The session has ended; sign in again.");
        if (!is_read(req))
            check_csrf(req, app, session_id);
        who.account = session->account;
        who.session = std::move(session);
        who.session_id = session_id;
        who.name = who.account->email;
        who.roles = who.account->roles;
        who.actor = who.account->email;
        who.method = "session";
    } else if (!actor.empty() && app.config.trust_proxy_actor) {
        // The proxy authenticated the person; its X-Actor-Roles says what they may do.
        const auto roles = services::parse_roles(req.get_header_value("X-Actor-Roles"));
        if (!roles)
            throw unauthenticated("X-Actor-Roles must list admin, ops and/or viewer.");
        who.name = actor;
        who.roles = *roles;
        who.actor = actor;
        who.method = "proxy";
    } else {
        // Without --trust-proxy-actor anyone could claim a name: X-Actor-Id alone proves nothing.
        throw unauthenticated(actor.empty() ? "This endpoint needs a staff token ('Authorization: Bearer <token>') "
                                              "or a signed-in session."
                                            : "X-Actor-Id names who acts but is not authentication on this "
                                              "server; send 'Authorization: Bearer <token>'.");
    }
    return who;
}

} // namespace

services::StaffActor StaffIdentity::staff_actor() const {
    return {account ? std::optional(account->account_id) : std::nullopt, actor, client_address};
}

StaffIdentity require_signed_in(const httplib::Request& req, AppContext& app) {
    return identify(req, app);
}

StaffIdentity require_staff(const httplib::Request& req, AppContext& app, services::Role needed) {
    StaffIdentity who = identify(req, app);
    if (who.session && who.session->second_factor_enrolment_required)
        throw ApiError(403, wire::problem::second_factor_enrolment_required,
                       "Your role requires a second factor: enrol an authenticator app first.");
    if (!services::grants(who.roles, needed))
        throw ApiError(403, wire::problem::forbidden_role,
                       "This endpoint needs the '" + std::string(services::to_string(needed)) + "' role.");
    return who;
}

} // namespace isp::http
