#include "server/http/access_log.h"

#include <algorithm>
#include <chrono>

#include <httplib.h>

#include "server/http/client_address.h"
#include "server/http/request_id.h"
#include "server/http/route.h"
#include "server/observability/log.h"
#include "server/observability/metrics.h"

namespace isp::http {

std::string_view known_method(std::string_view method) {
    for (std::string_view known : {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "CONNECT", "TRACE"})
        if (method == known)
            return known;
    return "OTHER";
}

namespace {

// A media type as the log may name it: one the server sends or a client is expected to send,
// else "other" (a client may write anything into the header), "-" when absent.
std::string_view known_media_type(const std::string& header) {
    const std::string_view type = std::string_view(header).substr(0, header.find(';'));
    for (std::string_view known :
         {"application/json", "application/problem+json", "application/pdf", "application/wasm", "text/html",
          "text/javascript", "text/css", "text/plain", "image/png", "image/jpeg", "image/svg+xml",
          "application/x-www-form-urlencoded", "multipart/form-data", "application/octet-stream"})
        if (type == known)
            return known;
    return header.empty() ? "-" : "other";
}

// Which kind of credential the Authorization header holds, never the credential.
std::string_view authorization_kind(const httplib::Request& req) {
    if (!req.has_header("Authorization"))
        return "none";
    return req.get_header_value("Authorization").rfind("Bearer ", 0) == 0 ? "bearer" : "other";
}

std::int64_t forwarded_for_entries(const httplib::Request& req) {
    std::int64_t entries = 0;
    for (std::size_t i = 0, n = req.get_header_value_count("X-Forwarded-For"); i < n; ++i) {
        const std::string list = req.get_header_value("X-Forwarded-For", "", i);
        entries += 1 + static_cast<std::int64_t>(std::count(list.begin(), list.end(), ','));
    }
    return entries;
}

// The debug line: how a request came and what it carried, by kind and size only - enough
// to tell a misrouted proxy, a client sending the token in the query or a wrong content
// type from the log, with nothing of what the request said (no value of a header, query
// parameter, cookie or body).
void record_details(const httplib::Request& req, const httplib::Response& res, std::string_view id,
                    const std::vector<std::string>& trusted_proxies) {
    const bool from_trusted_proxy =
        std::find(trusted_proxies.begin(), trusted_proxies.end(), req.remote_addr) != trusted_proxies.end();
    const bool proxy_id = from_trusted_proxy && req.get_header_value("X-Request-Id") == id;
    observability::LogLine(observability::LogLevel::debug)
        .add("message", "request details")
        .add("request_id", id)
        .add("http_version", req.version == "HTTP/1.1" || req.version == "HTTP/1.0" ? req.version : "other")
        .add("peer", req.remote_addr)
        .add("trusted_proxy", from_trusted_proxy)
        .add("forwarded_for_entries", forwarded_for_entries(req))
        .add("request_id_from", proxy_id ? "proxy" : "server")
        .add("request_content_type", known_media_type(req.get_header_value("Content-Type")))
        .add("request_body_bytes", static_cast<std::int64_t>(req.body.size()))
        .add("query_parameters", static_cast<std::int64_t>(req.params.size()))
        .add("query_credential", req.has_param("lookup_token") || req.has_param("token"))
        .add("authorization", authorization_kind(req))
        .add("cookie_header", req.has_header("Cookie"))
        .add("idempotency_key", req.has_header("Idempotency-Key"))
        .add("response_content_type", known_media_type(res.get_header_value("Content-Type")))
        .write();
}

} // namespace

void record_exchange(const Exchange& e) {
    observability::metrics().observe_request(e.route, e.method, e.status, e.seconds);
    // A rate limit's refusal (429: identity checks, public writes, sign-ins, connections per
    // address) is the one answer also worth a line at warn - someone guessing or flooding -
    // so its access line is written at warn, once, with a message saying why.
    const bool refused = e.status == 429;
    const auto level = refused ? observability::LogLevel::warn : observability::LogLevel::info;
    if (!observability::log_enabled(level))
        return;
    observability::LogLine line(level);
    if (refused)
        line.add("message", "rate limit refusal");
    line.add("request_id", e.request_id)
        .add("method", e.method)
        .add("route", e.route)
        .add("status", std::int64_t{e.status})
        .add("duration_ms", e.seconds * 1e3)
        .add("bytes", static_cast<std::int64_t>(e.bytes))
        .add("client", e.client)
        .write();
}

void record_answer(const httplib::Request& req, const httplib::Response& res,
                   const std::vector<std::string>& trusted_proxies) {
    double seconds = 0;
    if (req.start_time_ != std::chrono::steady_clock::time_point::min())
        seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - req.start_time_).count();
    const std::string route = log_path(req);
    const std::string id = request_id_of(res);
    const std::string client = client_address(req, trusted_proxies);
    record_exchange({id, known_method(req.method), route, res.status, seconds,
                     res.body.empty() ? static_cast<std::uint64_t>(res.content_length_) : res.body.size(), client});
    if (observability::log_enabled(observability::LogLevel::debug))
        record_details(req, res, id, trusted_proxies);
}

} // namespace isp::http
