#include "server/http/https_redirect.h"

#include <algorithm>
#include <cctype>

#include <httplib.h>

namespace isp::http {
namespace {

// The host part of a Host header ("portal.example.ma:80", "[::1]:80"), if it is one.
std::optional<std::string> host_of(const std::string& header) {
    std::string host = header;
    if (host.starts_with("[")) {
        const auto end = host.find(']');
        if (end == std::string::npos)
            return std::nullopt;
        const std::string inside = host.substr(1, end - 1);
        if (inside.empty() || !std::all_of(inside.begin(), inside.end(),
                                           [](unsigned char c) { return std::isxdigit(c) || c == ':' || c == '.'; }))
            return std::nullopt;
        return host.substr(0, end + 1);
    }
    host = host.substr(0, host.find(':'));
    if (host.empty() || host.size() > 253 ||
        !std::all_of(host.begin(), host.end(), [](unsigned char c) { return std::isalnum(c) || c == '.' || c == '-'; }))
        return std::nullopt;
    return host;
}

} // namespace

std::optional<std::string> https_location(const httplib::Request& req, const std::string& public_url, int https_port) {
    // The target as sent (path and query): cpp-httplib has checked it is one line.
    const std::string target = req.target.starts_with("/") ? req.target : "/";
    if (public_url.starts_with("https://")) {
        std::string base = public_url;
        while (base.ends_with("/"))
            base.pop_back();
        return base + target;
    }
    const auto host = host_of(req.get_header_value("Host"));
    if (!host)
        return std::nullopt;
    return "https://" + *host + (https_port == 443 ? "" : ":" + std::to_string(https_port)) + target;
}

void serve_https_redirects(httplib::Server& server, std::string public_url, int https_port) {
    const auto redirect = [public_url = std::move(public_url), https_port](const httplib::Request& req,
                                                                           httplib::Response& res) {
        if (const auto location = https_location(req, public_url, https_port)) {
            res.status = 308;
            res.set_header("Location", *location);
            res.set_content("Use HTTPS: " + *location + "\n", "text/plain; charset=utf-8");
        } else {
            res.status = 400;
            res.set_content("Use HTTPS, with the server's name in the Host header.\n", "text/plain; charset=utf-8");
        }
    };
    server.Get(".*", redirect);
    server.Post(".*", redirect);
    server.Put(".*", redirect);
    server.Patch(".*", redirect);
    server.Delete(".*", redirect);
    server.Options(".*", redirect);
}

} // namespace isp::http
