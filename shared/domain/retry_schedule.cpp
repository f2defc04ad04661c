#include "shared/domain/retry_schedule.h"

#include <algorithm>

namespace isp {

std::optional<std::int64_t> next_attempt_at(const RetrySchedule& schedule, int failed_attempts,
                                            std::int64_t first_attempt_at, std::int64_t now) {
    std::int64_t delay = schedule.first_delay_seconds;
    // Doubling stops at the cap; the loop never runs more than ~40 times whatever is stored.
    for (int i = 1; i < failed_attempts && delay < schedule.max_delay_seconds; ++i)
        delay *= 2;
    delay = std::min(delay, schedule.max_delay_seconds);
    const std::int64_t next = now + delay;
    if (next > first_attempt_at + schedule.give_up_after_seconds)
        return std::nullopt;
    return next;
}

} // namespace isp
