#include "server/observability/metrics.h"

#include <cstdio>
#include <filesystem>

namespace isp::observability {
namespace {

// "0.005", "1", "2.5", "10", "0.000880826": integers as such, others to 9 significant
// digits (more than any of these figures is precise to).
std::string number(double value) {
    if (value == static_cast<double>(static_cast<std::int64_t>(value)) && value > -1e15 && value < 1e15)
        return std::to_string(static_cast<std::int64_t>(value));
    char text[32];
    std::snprintf(text, sizeof text, "%.9g", value);
    return text;
}

void header(std::string& out, const char* name, const char* type, const char* help) {
    out += "# HELP ";
    out += name;
    out += ' ';
    out += help;
    out += "\n# TYPE ";
    out += name;
    out += ' ';
    out += type;
    out += '\n';
}

std::int64_t file_size(const std::string& path) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    return ec ? 0 : static_cast<std::int64_t>(size);
}

} // namespace

Metrics& metrics() {
    static Metrics instance;
    return instance;
}

std::string escape_label_value(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (const char c : value) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

void Metrics::observe_request(std::string_view route, std::string_view method, int status, double seconds) {
    std::size_t bucket = 0;
    while (bucket < duration_buckets.size() && seconds > duration_buckets[bucket])
        ++bucket;
    std::lock_guard lock(mutex_);
    auto it = routes_.find(route);
    if (it == routes_.end())
        it = routes_.emplace(std::string(route), RouteStats{}).first;
    RouteStats& stats = it->second;
    bool found = false;
    for (Series& s : stats.series)
        if (s.status == status && s.method == method) {
            ++s.count;
            found = true;
            break;
        }
    if (!found)
        stats.series.push_back({std::string(method), status, 1});
    if (bucket < duration_buckets.size())
        ++stats.buckets[bucket];
    ++stats.count;
    stats.sum += seconds;
}

void Metrics::observe_billing_run(double seconds, std::int64_t contracts) {
    std::lock_guard lock(mutex_);
    billing_ran_ = true;
    billing_seconds_ = seconds;
    billing_contracts_ = contracts;
    ++billing_runs_;
}

void Metrics::count_rate_limit_refusal(std::string_view limit) {
    std::lock_guard lock(mutex_);
    auto it = refusals_.find(limit);
    if (it == refusals_.end())
        it = refusals_.emplace(std::string(limit), 0).first;
    ++it->second;
}

std::string Metrics::render(const std::string& db_path, std::int64_t in_flight) const {
    std::string out;
    out.reserve(8192);
    std::lock_guard lock(mutex_);

    header(out, "portal_http_requests_total", "counter",
           "HTTP requests answered, by route pattern, method and status.");
    for (const auto& [route, stats] : routes_)
        for (const Series& s : stats.series)
            out += "portal_http_requests_total{route=\"" + escape_label_value(route) + "\",method=\"" +
                   escape_label_value(s.method) + "\",status=\"" + std::to_string(s.status) + "\"} " +
                   std::to_string(s.count) + "\n";

    header(out, "portal_http_request_duration_seconds", "histogram",
           "Time from a request's first line to its answer being ready, by route pattern.");
    for (const auto& [route, stats] : routes_) {
        const std::string label = "route=\"" + escape_label_value(route) + "\"";
        std::uint64_t cumulative = 0;
        for (std::size_t i = 0; i < duration_buckets.size(); ++i) {
            cumulative += stats.buckets[i];
            out += "portal_http_request_duration_seconds_bucket{" + label + ",le=\"" + number(duration_buckets[i]) +
                   "\"} " + std::to_string(cumulative) + "\n";
        }
        out += "portal_http_request_duration_seconds_bucket{" + label + ",le=\"+Inf\"} " + std::to_string(stats.count) +
               "\n";
        out += "portal_http_request_duration_seconds_sum{" + label + "} " + number(stats.sum) + "\n";
        out += "portal_http_request_duration_seconds_count{" + label + "} " + std::to_string(stats.count) + "\n";
    }

    header(out, "portal_http_requests_in_flight", "gauge", "HTTP requests being handled now.");
    out += "portal_http_requests_in_flight " + std::to_string(in_flight) + "\n";

    header(out, "portal_billing_runs_total", "counter", "Billing runs completed since the server started.");
    out += "portal_billing_runs_total " + std::to_string(billing_runs_) + "\n";
    if (billing_ran_) {
        header(out, "portal_billing_run_duration_seconds", "gauge", "Duration of the last billing run.");
        out += "portal_billing_run_duration_seconds " + number(billing_seconds_) + "\n";
        header(out, "portal_billing_run_contracts", "gauge", "Contracts invoiced by the last billing run.");
        out += "portal_billing_run_contracts " + std::to_string(billing_contracts_) + "\n";
    }

    header(out, "portal_rate_limit_refusals_total", "counter", "Requests refused by a rate limit, by limit.");
    for (const auto& [limit, count] : refusals_)
        out += "portal_rate_limit_refusals_total{limit=\"" + escape_label_value(limit) + "\"} " +
               std::to_string(count) + "\n";

    header(out, "portal_idempotent_replays_total", "counter",
           "Writes answered by replaying the stored response of an earlier request with the same Idempotency-Key.");
    out +=
        "portal_idempotent_replays_total " + std::to_string(idempotent_replays_.load(std::memory_order_relaxed)) + "\n";

    header(out, "portal_tls_handshake_failures_total", "counter",
           "Connections closed because their TLS handshake failed or did not finish in time (--tls-cert).");
    out += "portal_tls_handshake_failures_total " +
           std::to_string(tls_handshake_failures_.load(std::memory_order_relaxed)) + "\n";

    header(out, "portal_database_size_bytes", "gauge", "Size of the SQLite database file.");
    out += "portal_database_size_bytes " + std::to_string(file_size(db_path)) + "\n";
    header(out, "portal_database_wal_size_bytes", "gauge", "Size of the SQLite write-ahead log file.");
    out += "portal_database_wal_size_bytes " + std::to_string(file_size(db_path + "-wal")) + "\n";
    return out;
}

} // namespace isp::observability
