#include "server/http/access_log.h"

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

void record_exchange(const Exchange& e) {
    observability::metrics().observe_request(e.route, e.method, e.status, e.seconds);
    if (!observability::log_enabled(observability::LogLevel::info))
        return;
    observability::LogLine(observability::LogLevel::info)
        .add("request_id", e.request_id)
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
}

} // namespace isp::http
