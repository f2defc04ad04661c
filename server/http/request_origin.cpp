#include "server/http/request_origin.h"

#include <algorithm>

#include <httplib.h>

#include "server/config/server_config.h"

namespace isp::http {

bool came_over_tls(const httplib::Request& req, const ServerConfig& config) {
    if (config.serves_tls())
        return true;
    // Anyone can send X-Forwarded-Proto; only a trusted proxy's is believed.
    const bool trusted_peer = std::find(config.trusted_proxies.begin(), config.trusted_proxies.end(),
                                        req.remote_addr) != config.trusted_proxies.end();
    return trusted_peer && req.get_header_value("X-Forwarded-Proto") == "https";
}

std::string request_origin(const httplib::Request& req, const ServerConfig& config) {
    return std::string(came_over_tls(req, config) ? "https://" : "http://") + req.get_header_value("Host");
}

std::string public_base_url(const httplib::Request& req, const ServerConfig& config) {
    return config.public_url.empty() ? request_origin(req, config) : config.public_url;
}

} // namespace isp::http
