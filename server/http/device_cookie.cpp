#include "server/http/device_cookie.h"

#include <string_view>

#include <httplib.h>

#include "server/services/client_identity.h"
#include "shared/domain/text.h"

namespace isp::http {
namespace {
constexpr std::string_view cookie_name = "isp_device";
}

std::string device_cookie(const httplib::Request& req) {
    // Cookie: a=1; isp_device=<token>; b=2 (RFC 6265 section 4.2.1); several Cookie headers allowed.
    const std::size_t headers = req.get_header_value_count("Cookie");
    for (std::size_t i = 0; i < headers; ++i) {
        const std::string header = req.get_header_value("Cookie", "", i);
        std::string_view rest = header;
        while (!rest.empty()) {
            const std::size_t end = rest.find(';');
            const std::string_view pair = trim(rest.substr(0, end));
            rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
            const std::size_t eq = pair.find('=');
            if (eq != std::string_view::npos && pair.substr(0, eq) == cookie_name)
                return std::string(pair.substr(eq + 1));
        }
    }
    return {};
}

void set_device_cookie(httplib::Response& res, const services::DeviceToken& token) {
    res.set_header("Set-Cookie", std::string(cookie_name) + "=" + token.token + "; Path=/api/v1/landing; Max-Age=" +
                                     std::to_string(token.max_age_seconds) + "; HttpOnly; SameSite=Strict");
}

} // namespace isp::http
