#include "server/http/staff_auth.h"

#include <httplib.h>

#include "server/config/server_config.h"
#include "server/http/problem.h"
#include "server/routes/app_context.h"

namespace isp::http {
namespace {

ApiError unauthenticated(const std::string& detail) {
    ApiError e(401, "authentication_required", detail);
    e.www_authenticate = "Bearer realm=\"isp-portal\"";
    return e;
}

constexpr std::size_t max_actor_length = 200;

} // namespace

StaffIdentity require_staff(const httplib::Request& req, AppContext& app, services::Role needed) {
    StaffIdentity who;
    const std::string actor = req.get_header_value("X-Actor-Id");
    if (actor.size() > max_actor_length)
        throw unauthenticated("X-Actor-Id is too long.");
    const std::string authorization = req.get_header_value("Authorization");
    if (!authorization.empty()) {
        constexpr std::string_view scheme = "Bearer ";
        if (authorization.size() <= scheme.size() || authorization.compare(0, scheme.size(), scheme) != 0)
            throw unauthenticated("Send a staff token as 'Authorization: Bearer <token>'.");
        const auto token = services::find_live_token(app.db, std::string_view(authorization).substr(scheme.size()));
        // One answer for an unknown and a revoked token: which tokens exist is not public.
        if (!token)
            throw unauthenticated("The staff token is not valid or has been revoked.");
        who.token_id = token->token_id;
        who.name = token->name;
        who.roles = services::parse_roles(token->roles).value_or(std::vector<services::Role>{});
        who.actor = actor.empty() ? token->name : actor;
        who.method = "token";
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
        throw unauthenticated(actor.empty() ? "This endpoint needs a staff token: 'Authorization: Bearer <token>'."
                                            : "X-Actor-Id names who acts but is not authentication on this "
                                              "server; send 'Authorization: Bearer <token>'.");
    }
    if (!services::grants(who.roles, needed))
        throw ApiError(403, "forbidden_role",
                       "This endpoint needs the '" + std::string(services::to_string(needed)) + "' role.");
    return who;
}

} // namespace isp::http
