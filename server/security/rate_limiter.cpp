#include "server/security/rate_limiter.h"

#include <algorithm>

#include "server/clock/clock.h"
#include "server/observability/metrics.h"

namespace isp::security {

RateLimiter::RateLimiter(const Clock& clock, int max_events, std::int64_t window_seconds, std::string name)
    : clock_(clock), max_events_(std::max(1, max_events)), window_(std::max<std::int64_t>(1, window_seconds)),
      name_(std::move(name)) {}

std::optional<std::int64_t> RateLimiter::refused(std::int64_t wait) const {
    observability::metrics().count_rate_limit_refusal(name_);
    return wait;
}

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

std::optional<std::int64_t> RateLimiter::take(std::string_view key) {
    std::lock_guard lock(mutex_);
    const std::int64_t now = clock_.now_unix();
    sweep_locked(now);
    auto& events = events_[std::string(key)];
    if (auto wait = blocked_locked(events, now))
        return refused(*wait);
    events.push_back(now);
    return std::nullopt;
}

std::optional<std::int64_t> RateLimiter::begin_attempt(std::initializer_list<std::string_view> keys,
                                                       std::int64_t& counted_at) {
    std::lock_guard lock(mutex_);
    const std::int64_t now = clock_.now_unix();
    sweep_locked(now);
    std::optional<std::int64_t> wait;
    for (std::string_view key : keys)
        if (auto w = blocked_locked(events_[std::string(key)], now))
            wait = std::max(wait.value_or(0), *w);
    if (wait)
        return refused(*wait);
    for (std::string_view key : keys)
        events_[std::string(key)].push_back(now);
    counted_at = now;
    return std::nullopt;
}

void RateLimiter::forgive(std::initializer_list<std::string_view> keys, std::int64_t counted_at) {
    std::lock_guard lock(mutex_);
    for (std::string_view key : keys) {
        const auto it = events_.find(std::string(key));
        if (it == events_.end())
            continue;
        // Times are in order: the attempt is the newest event of that time.
        auto& events = it->second;
        const auto found = std::find(events.rbegin(), events.rend(), counted_at);
        if (found != events.rend())
            events.erase(std::next(found).base());
    }
}

} // namespace isp::security
