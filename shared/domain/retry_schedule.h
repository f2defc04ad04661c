// When to try a failed delivery again: exponential backoff from the first attempt, given up
// after a window (webhooks: 30 s, 1, 2, 4 ... minutes, at most an hour apart, for 24 hours).
// Pure: the caller gives the times (the server's injectable clock), so any channel that
// delivers (webhooks now, e-mail later) shares one rule and tests can walk a day in steps.
#pragma once
#include <cstdint>
#include <optional>

namespace isp {

struct RetrySchedule {
    std::int64_t first_delay_seconds = 30;
    std::int64_t max_delay_seconds = 3600;
    std::int64_t give_up_after_seconds = 24 * 3600;
};

// After `failed_attempts` (>= 1) failures, the first at `first_attempt_at` and the last at
// `now` (unix seconds): the time of the next attempt, or nullopt when it would fall past
// the window (the delivery has failed).
std::optional<std::int64_t> next_attempt_at(const RetrySchedule& schedule, int failed_attempts,
                                            std::int64_t first_attempt_at, std::int64_t now);

} // namespace isp
