// Staff sign-in and one's own credentials (docs/staff-accounts.md):
//   POST, DELETE /api/v1/staff/session       sign in (sets the cookie), sign out
//   POST /api/v1/staff/password              set a password from a password link (public)
//   POST /api/v1/staff/me/password           change one's password
//   POST, DELETE /api/v1/staff/me/totp       start enrolling an authenticator, remove it
//   POST /api/v1/staff/me/totp/confirm       its first code: enrolled, recovery codes shown once
//   POST /api/v1/staff/me/recovery-codes     new recovery codes (password + a current code), shown once
#include <httplib.h>

#include "server/config/server_config.h"
#include "server/http/client_address.h"
#include "server/http/json_body.h"
#include "server/http/problem.h"
#include "server/http/rate_limit.h"
#include "server/http/route.h"
#include "server/http/staff_auth.h"
#include "server/http/staff_session_cookie.h"
#include "server/routes/app_context.h"
#include "server/routes/routes.h"
#include "server/services/failure.h"
#include "server/services/staff_accounts.h"
#include "server/services/staff_second_factor.h"
#include "server/services/staff_sessions.h"
#include "shared/wire/problem_codes.h"
#include "shared/wire/staff_session_json.h"

namespace isp::routes {
namespace {

void refuse_invalid_sign_in(FieldErrors errors) {
    if (!errors.empty())
        throw services::Failure(services::FailureKind::Invalid, wire::problem::validation_failed,
                                "The request has invalid fields; see errors.", std::move(errors));
}

// The account a signed-in person acts on for their own credentials: tokens and proxies
// have no password or second factor of their own here.
const StaffAccount& own_account(const http::StaffIdentity& who) {
    if (!who.session)
        throw http::ApiError(403, wire::problem::forbidden_role,
                             "Only a signed-in person changes their own password or second factor.");
    return *who.account;
}

} // namespace

void register_staff_sessions(httplib::Server& http, AppContext& app) {
    http.Post("/api/v1/staff/session", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                  FieldErrors errors;
                  const auto request = wire::staff_sign_in_from_json(http::json_object_body(req), errors);
                  refuse_invalid_sign_in(std::move(errors));
                  const std::string address = http::client_address(req, app.config.trusted_proxies);
                  const auto signed_in = app.staff_sessions.sign_in(request, address);
                  http::set_staff_session_cookie(req, res, app.config, signed_in.session_id, signed_in.max_age_seconds);
                  http::write_json(res, 200, wire::to_json(signed_in.session));
              }));
    http.Delete("/api/v1/staff/session", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                    const auto who = http::require_signed_in(req, app);
                    if (who.session)
                        app.staff_sessions.sign_out(*who.session, who.staff_actor());
                    http::clear_staff_session_cookie(req, res, app.config);
                    res.status = 204;
                }));

    http.Post("/api/v1/staff/password", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                  const std::string address = http::client_address(req, app.config.trusted_proxies);
                  // Public, and each try hashes a password: limited like the landing's writes.
                  http::take_or_refuse(app.landing_writes, address, http::request_language(req));
                  FieldErrors errors;
                  const auto request = wire::password_set_from_json(http::json_object_body(req), errors);
                  refuse_invalid_sign_in(std::move(errors));
                  services::set_password_from_link(app, request, {std::nullopt, "", address});
                  res.status = 204;
              }));
    http.Post("/api/v1/staff/me/password", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                  const auto who = http::require_signed_in(req, app);
                  const StaffAccount& account = own_account(who);
                  FieldErrors errors;
                  const auto request = wire::password_change_from_json(http::json_object_body(req), errors);
                  refuse_invalid_sign_in(std::move(errors));
                  services::change_own_password(app, account.account_id, request, who.session->session_hash,
                                                who.staff_actor());
                  res.status = 204;
              }));

    http.Post("/api/v1/staff/me/totp", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                  const auto who = http::require_signed_in(req, app);
                  const StaffAccount& account = own_account(who);
                  FieldErrors errors;
                  const auto password = wire::password_confirmation_from_json(http::json_object_body(req), errors);
                  refuse_invalid_sign_in(std::move(errors));
                  http::write_json(res, 200,
                                   wire::to_json(services::begin_totp_enrolment(app, account.account_id, password,
                                                                                who.staff_actor())));
              }));
    http.Post(
        "/api/v1/staff/me/totp/confirm", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
            const auto who = http::require_signed_in(req, app);
            const StaffAccount& account = own_account(who);
            FieldErrors errors;
            const auto code = wire::totp_code_from_json(http::json_object_body(req), errors);
            refuse_invalid_sign_in(std::move(errors));
            http::write_json(res, 200,
                             wire::recovery_codes_json(
                                 services::confirm_totp_enrolment(app, account.account_id, code, who.staff_actor())));
        }));
    http.Post("/api/v1/staff/me/recovery-codes",
              http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                  const auto who = http::require_signed_in(req, app);
                  const StaffAccount& account = own_account(who);
                  FieldErrors errors;
                  const auto request = wire::recovery_codes_request_from_json(http::json_object_body(req), errors);
                  refuse_invalid_sign_in(std::move(errors));
                  http::write_json(res, 200,
                                   wire::recovery_codes_json(services::replace_recovery_codes(
                                       app, account.account_id, request, who.staff_actor())));
              }));
    http.Delete("/api/v1/staff/me/totp", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                    const auto who = http::require_signed_in(req, app);
                    const StaffAccount& account = own_account(who);
                    FieldErrors errors;
                    const auto password = wire::password_confirmation_from_json(http::json_object_body(req), errors);
                    refuse_invalid_sign_in(std::move(errors));
                    services::remove_totp(app, account.account_id, password, who.staff_actor());
                    res.status = 204;
                }));
}

} // namespace isp::routes
