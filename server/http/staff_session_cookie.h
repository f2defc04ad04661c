// The staff session cookie: `staff_session`, HttpOnly (no script reads it), SameSite=Strict
// (no other site's page sends it), Path=/, Secure when the browser came over TLS.
#pragma once
#include <cstdint>
#include <string>

namespace httplib {
struct Request;
struct Response;
} // namespace httplib

namespace isp {
struct ServerConfig;
}

namespace isp::http {

std::string staff_session_cookie(const httplib::Request& req); // "" when none
void set_staff_session_cookie(const httplib::Request& req, httplib::Response& res, const ServerConfig& config,
                              const std::string& session_id, std::int64_t max_age_seconds);
void clear_staff_session_cookie(const httplib::Request& req, httplib::Response& res, const ServerConfig& config);

} // namespace isp::http
