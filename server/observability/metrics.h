// The server's counters, gauges and histograms, and their Prometheus text exposition
// (format 0.0.4), served by the separate metrics listener (--metrics-bind). In the base
// layer so HTTP (requests, refusals, replays), security (rate limits) and services
// (billing runs) can all count into it without knowing each other.
//
// Process-wide, as a Prometheus client's default registry: one process serves one
// server. Cheap on the hot path: one short lock and a small lookup per request.
#pragma once
#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace isp::observability {

class Metrics {
public:
    // Upper bounds (seconds) of the request duration histogram's buckets, +Inf aside.
    static constexpr std::array<double, 11> duration_buckets = {.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10};

    // One answered request: `route` is the route pattern (never a raw path), "(no route)"
    // when none matched.
    void observe_request(std::string_view route, std::string_view method, int status, double seconds);

    void observe_billing_run(double seconds, std::int64_t contracts);
    // `limit` names which limit refused ("landing_writes", "connections_per_address", ...).
    void count_rate_limit_refusal(std::string_view limit);
    void count_idempotent_replay() { idempotent_replays_.fetch_add(1, std::memory_order_relaxed); }
    // A TLS connection closed before its handshake completed (an expired certificate shows here).
    void count_tls_handshake_failure() { tls_handshake_failures_.fetch_add(1, std::memory_order_relaxed); }

    // The exposition text; the database's and its WAL's sizes are read now from `db_path`.
    // `in_flight` is the serving server's own count (http::ConnectionServer): a gauge of
    // one server, where the counters above may add up several (tests start many).
    std::string render(const std::string& db_path, std::int64_t in_flight) const;

private:
    struct Series {
        std::string method;
        int status;
        std::uint64_t count;
    };
    struct RouteStats {
        std::vector<Series> series;                                   // few per route: linear search
        std::array<std::uint64_t, duration_buckets.size()> buckets{}; // not cumulative here
        std::uint64_t count = 0;
        double sum = 0;
    };

    mutable std::mutex mutex_;
    std::map<std::string, RouteStats, std::less<>> routes_;
    std::map<std::string, std::uint64_t, std::less<>> refusals_;
    bool billing_ran_ = false;
    double billing_seconds_ = 0;
    std::int64_t billing_contracts_ = 0;
    std::uint64_t billing_runs_ = 0;
    std::atomic<std::uint64_t> idempotent_replays_{0};
    std::atomic<std::uint64_t> tls_handshake_failures_{0};
};

Metrics& metrics();

// A label value as the text format wants it: backslash, double quote and newline escaped.
std::string escape_label_value(std::string_view value);

} // namespace isp::observability
