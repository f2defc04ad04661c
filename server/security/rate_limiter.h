// Counts events per key (a client address, a CIN) in a sliding window and says when a
// key has had its share: slows down the guessing of CINs and the flooding of the
// public writes. In memory (one process holds all state); time from the injected
// Clock, so tests can let the window pass. Thread-safe.
#pragma once
#include <cstdint>
#include <deque>
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
    // At most `max_events` per key within any `window_seconds`.
    RateLimiter(const Clock& clock, int max_events, std::int64_t window_seconds);

    // Seconds until the key may act again, or nullopt when it may act now.
    std::optional<std::int64_t> blocked_for(std::string_view key);
    // Counts one event against the key.
    void record(std::string_view key);
    // For "every attempt counts" limits: refuses (seconds to wait) or counts and allows.
    std::optional<std::int64_t> take(std::string_view key);

private:
    std::optional<std::int64_t> blocked_locked(std::deque<std::int64_t>& events, std::int64_t now) const;
    void sweep_locked(std::int64_t now);

    const Clock& clock_;
    const int max_events_;
    const std::int64_t window_;
    std::mutex mutex_;
    std::unordered_map<std::string, std::deque<std::int64_t>> events_; // key -> event times, oldest first
    std::int64_t next_sweep_ = 0;
};

} // namespace isp::security
