// Who is calling, for per-address rate limits: the peer's address, or - when the peer is
// a reverse proxy named by --trusted-proxy - the client address that proxy appended to
// X-Forwarded-For. Only trusted proxies are believed: anyone can send the header, and
// believing it from anyone would let a client pick a fresh address per request.
#pragma once
#include <string>
#include <vector>

namespace httplib {
struct Request;
}

namespace isp::http {

// Walks X-Forwarded-For from the right (the entry the nearest proxy added) past trusted
// proxies; the first address that is not one is the client. Without a trusted peer, or
// without the header, the peer's address.
std::string client_address(const httplib::Request& req, const std::vector<std::string>& trusted_proxies);

} // namespace isp::http
