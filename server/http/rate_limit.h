// A RateLimiter's refusal for a route: 429 too_many_attempts with Retry-After (seconds
// until the window frees up), in the language of the request (services/failure.h).
#pragma once
#include <string_view>

#include "shared/domain/money.h"

namespace isp::security {
class RateLimiter;
}

namespace isp::http {

// Counts this attempt against `key`, or throws services::too_many_attempts when its share is used.
void take_or_refuse(security::RateLimiter& limiter, std::string_view key, Language language);

} // namespace isp::http
