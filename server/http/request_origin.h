// This server's origin as the browser sees it ("https://portal.example.ma"): the scheme
// (https when the server serves TLS itself, or a --trusted-proxy says the client came over
// TLS) and the Host asked
// for. Used by the CSRF check, the Secure cookie attribute and password links.
#pragma once
#include <string>

namespace httplib {
struct Request;
}

namespace isp {
struct ServerConfig;
}

namespace isp::http {

bool came_over_tls(const httplib::Request& req, const ServerConfig& config);
std::string request_origin(const httplib::Request& req, const ServerConfig& config);
// Where links the server hands out start: --public-url when set, else request_origin().
std::string public_base_url(const httplib::Request& req, const ServerConfig& config);

} // namespace isp::http
