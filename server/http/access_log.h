// What each answered request leaves behind: one access log line (info; warn for a rate
// limit's 429), at debug a second line of details, and its count and duration in the
// metrics. Only what cannot identify a person: the route pattern (never the path, its query
// or body), method, status, timing, size, client address, request id; the debug line adds
// kinds, counts and sizes, never a value the client sent.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace httplib {
struct Request;
struct Response;
} // namespace httplib

namespace isp::http {

struct Exchange {
    std::string_view request_id;
    std::string_view method; // "-" when the request was never read
    std::string_view route;  // a route pattern, or "(no route)"
    int status = 0;
    double seconds = 0;
    std::uint64_t bytes = 0; // response body
    std::string_view client;
};

void record_exchange(const Exchange& exchange);

// cpp-httplib's logger: called once per answer, before it is sent. At debug, also the
// details line (http version, peer, proxy headers, content types, sizes, which kinds of
// credential came, by presence only).
void record_answer(const httplib::Request& req, const httplib::Response& res,
                   const std::vector<std::string>& trusted_proxies);

// A method as logs and metrics may show it: one of HTTP's, or "OTHER" (a request line
// that did not parse may carry anything there).
std::string_view known_method(std::string_view method);

} // namespace isp::http
