// The plain-HTTP listener beside an HTTPS server (--http-redirect-port): it serves nothing
// but a redirect of every request to the same path over HTTPS, so a typed-in
// "portal.example.ma" still arrives. The redirect is 308 (the method and body are kept, so
// a client that POSTs to http:// is not silently turned into a GET).
#pragma once
#include <optional>
#include <string>

namespace httplib {
class Server;
struct Request;
} // namespace httplib

namespace isp::http {

// Where `req` goes over HTTPS: --public-url when it is an https:// one, else the host the
// client asked for with `https_port` (left out when 443). Nothing when the Host header is
// missing or not a host name or address (it is copied into the answer).
std::optional<std::string> https_location(const httplib::Request& req, const std::string& public_url, int https_port);

// Answers every request on `server` with that redirect (400 without a usable Host).
void serve_https_redirects(httplib::Server& server, std::string public_url, int https_port);

} // namespace isp::http
