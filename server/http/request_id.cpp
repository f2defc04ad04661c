#include "server/http/request_id.h"

#include <algorithm>

#include <httplib.h>

#include "server/security/random_id.h"

namespace isp::http {

std::string new_request_id() {
    return security::to_hex(security::random_bytes(8));
}

bool acceptable_request_id(std::string_view id) {
    return !id.empty() && id.size() <= 128 &&
           std::all_of(id.begin(), id.end(), [](char c) { return c > ' ' && c < 0x7f; });
}

std::string assign_request_id(const httplib::Request& req, httplib::Response& res,
                              const std::vector<std::string>& trusted_proxies) {
    if (res.has_header("X-Request-Id"))
        return res.get_header_value("X-Request-Id");
    std::string id;
    if (req.has_header("X-Request-Id") &&
        std::find(trusted_proxies.begin(), trusted_proxies.end(), req.remote_addr) != trusted_proxies.end()) {
        id = req.get_header_value("X-Request-Id");
        if (!acceptable_request_id(id))
            id.clear();
    }
    if (id.empty())
        id = new_request_id();
    res.set_header("X-Request-Id", id);
    return id;
}

std::string request_id_of(const httplib::Response& res) {
    return res.get_header_value("X-Request-Id");
}

} // namespace isp::http
