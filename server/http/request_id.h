// Every answer's request id: sent back in X-Request-Id, put in problem documents
// (`request_id`) and in the log line, so a customer's "it failed" can be found in the logs.
// A trusted proxy (--trusted-proxy, as http/client_address.h) may hand its own id over in
// X-Request-Id, so one id follows the request through both logs; anyone else's header is
// ignored - a client could otherwise put anything into our logs - and an id is made here.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace httplib {
struct Request;
struct Response;
} // namespace httplib

namespace isp::http {

// 16 lowercase hex digits, random.
std::string new_request_id();

// Printable ASCII without spaces, 1 to 128 characters.
bool acceptable_request_id(std::string_view id);

// The request's id, decided once: the X-Request-Id already set on `res` if any, else the
// trusted proxy's (when acceptable) or a new one, then set on `res`.
std::string assign_request_id(const httplib::Request& req, httplib::Response& res,
                              const std::vector<std::string>& trusted_proxies);

// The id assign_request_id() set on `res`; empty if none was.
std::string request_id_of(const httplib::Response& res);

} // namespace isp::http
