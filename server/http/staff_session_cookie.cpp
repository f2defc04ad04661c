#include "server/http/staff_session_cookie.h"

#include <httplib.h>

#include "server/config/server_config.h"
#include "server/http/cookies.h"
#include "server/http/request_origin.h"

namespace isp::http {
namespace {

constexpr const char* session_cookie_name = "staff_session";

// Over plain HTTP a Secure cookie would never come back; over TLS (a trusted proxy says
// so) it must never leave without it.
std::string secure_attribute(const httplib::Request& req, const ServerConfig& config) {
    return came_over_tls(req, config) ? "; Secure" : "";
}

} // namespace

std::string staff_session_cookie(const httplib::Request& req) {
    return cookie_value(req, session_cookie_name);
}

void set_staff_session_cookie(const httplib::Request& req, httplib::Response& res, const ServerConfig& config,
                              const std::string& session_id, std::int64_t max_age_seconds) {
    res.set_header("Set-Cookie", std::string(session_cookie_name) + "=" + session_id +
                                     "; Path=/; Max-Age=" + std::to_string(max_age_seconds) +
                                     "; HttpOnly; SameSite=Strict" + secure_attribute(req, config));
}

void clear_staff_session_cookie(const httplib::Request& req, httplib::Response& res, const ServerConfig& config) {
    res.set_header("Set-Cookie", std::string(session_cookie_name) + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" +
                                     secure_attribute(req, config));
}

} // namespace isp::http
