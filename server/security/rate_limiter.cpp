#include "server/security/rate_limiter.h"

#include <algorithm>

#include "server/clock/clock.h"

namespace isp::security {

RateLimiter::RateLimiter(const Clock& clock, int max_events, std::int64_t window_seconds)
    : clock_(clock), max_events_(std::max(1, max_events)), window_(std::max<std::int64_t>(1, window_seconds)) {}

std::optional<std::int64_t> RateLimiter::blocked_locked(std::deque<std::int64_t>& events, std::int64_t now) const {
    while (!events.empty() && events.front() <= now - window_)
        events.pop_front();
    if (static_cast<int>(events.size()) < max_events_)
        return std::nullopt;
    // The window frees up when the oldest counted event leaves it.
    return std::max<std::int64_t>(1, events.front() + window_ - now);
}

void RateLimiter::sweep_locked(std::int64_t now) {
    // Keys that fell silent are dropped once per window, so memory follows the recent
    // traffic and not every address ever seen.
    if (now < next_sweep_)
        return;
    next_sweep_ = now + window_;
    for (auto it = events_.begin(); it != events_.end();) {
        if (it->second.empty() || it->second.back() <= now - window_)
            it = events_.erase(it);
        else
            ++it;
    }
}

std::optional<std::int64_t> RateLimiter::blocked_for(std::string_view key) {
    std::lock_guard lock(mutex_);
    const std::int64_t now = clock_.now_unix();
    sweep_locked(now);
    auto it = events_.find(std::string(key));
    if (it == events_.end())
        return std::nullopt;
    return blocked_locked(it->second, now);
}

void RateLimiter::record(std::string_view key) {
    std::lock_guard lock(mutex_);
    const std::int64_t now = clock_.now_unix();
    sweep_locked(now);
    auto& events = events_[std::string(key)];
    events.push_back(now);
    // Only the newest max_events_ matter to the decision.
    while (static_cast<int>(events.size()) > max_events_)
        events.pop_front();
}

std::optional<std::int64_t> RateLimiter::take(std::string_view key) {
    std::lock_guard lock(mutex_);
    const std::int64_t now = clock_.now_unix();
    sweep_locked(now);
    auto& events = events_[std::string(key)];
    if (auto wait = blocked_locked(events, now))
        return wait;
    events.push_back(now);
    return std::nullopt;
}

} // namespace isp::security
