#include "server/http/lookup_token.h"

#include <string_view>

namespace isp::http {

std::string lookup_token(const httplib::Request& req) {
    constexpr std::string_view scheme = "Bearer ";
    const std::string authorization = req.get_header_value("Authorization");
    if (authorization.size() > scheme.size() && authorization.compare(0, scheme.size(), scheme) == 0)
        return authorization.substr(scheme.size());
    return req.get_param_value("lookup_token");
}

} // namespace isp::http
