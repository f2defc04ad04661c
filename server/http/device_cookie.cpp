#include "server/http/device_cookie.h"

#include <string_view>

#include <httplib.h>

#include "server/http/cookies.h"
#include "server/services/client_identity.h"

namespace isp::http {
namespace {
constexpr std::string_view cookie_name = "isp_device";
}

std::string device_cookie(const httplib::Request& req) {
    return cookie_value(req, cookie_name);
}

void set_device_cookie(httplib::Response& res, const services::DeviceToken& token) {
    res.set_header("Set-Cookie", std::string(cookie_name) + "=" + token.token + "; Path=/api/v1/landing; Max-Age=" +
                                     std::to_string(token.max_age_seconds) + "; HttpOnly; SameSite=Strict");
}

} // namespace isp::http
