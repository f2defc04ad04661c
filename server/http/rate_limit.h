// A RateLimiter's refusal as HTTP: 429 too_many_attempts with Retry-After (seconds
// until the window frees up), in the language of the request.
#pragma once
#include <cstdint>
#include <string_view>

#include "server/http/problem.h"
#include "shared/domain/money.h"

namespace isp::security {
class RateLimiter;
}

namespace isp::http {

ApiError too_many_attempts(std::int64_t retry_after_seconds, Language language);

// Counts this attempt against `key`, or throws too_many_attempts when its share is used.
void take_or_refuse(security::RateLimiter& limiter, std::string_view key, Language language);

} // namespace isp::http
