// Counts events per key (a client address, a CIN) in a sliding window and says when a
// key has had its share: slows down the guessing of CINs and the flooding of the
// public writes. In memory (one process holds all state); time from the injected
// Clock, so tests can let the window pass. Thread-safe.
#pragma once
#include <cstdint>
#include <deque>
#include <initializer_list>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace isp {
class Clock;
}

namespace isp::security {

class RateLimiter {
public:
    // At most `max_events` per key within any `window_seconds`. `name` labels its refusals
    // in the metrics (portal_rate_limit_refusals_total{limit="..."}).
    RateLimiter(const Clock& clock, int max_events, std::int64_t window_seconds, std::string name = "unnamed");

    // For "every attempt counts" limits: refuses (seconds to wait) or counts and allows.
    std::optional<std::int64_t> take(std::string_view key);

    // For "failures count" limits, checked and counted in one step, so that attempts made
    // at the same moment cannot all slip under the limit before any failure is counted:
    // refuses (seconds to wait) when any of `keys` has had its share, or else counts one
    // attempt against every key (its time in `counted_at`) and allows.
    std::optional<std::int64_t> begin_attempt(std::initializer_list<std::string_view> keys, std::int64_t& counted_at);
    // Takes back an attempt counted by begin_attempt() that succeeded.
    void forgive(std::initializer_list<std::string_view> keys, std::int64_t counted_at);

private:
    std::optional<std::int64_t> blocked_locked(std::deque<std::int64_t>& events, std::int64_t now) const;
    void sweep_locked(std::int64_t now);
    std::optional<std::int64_t> refused(std::int64_t wait) const; // counts the refusal

    const Clock& clock_;
    const int max_events_;
    const std::int64_t window_;
    std::mutex mutex_;
    std::unordered_map<std::string, std::deque<std::int64_t>> events_; // key -> event times, oldest first
    std::int64_t next_sweep_ = 0;
    const std::string name_;
};

} // namespace isp::security
