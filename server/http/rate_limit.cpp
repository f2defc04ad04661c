#include "server/http/rate_limit.h"

#include <algorithm>

#include "server/security/rate_limiter.h"
#include "shared/signup/messages.h"

namespace isp::http {

ApiError too_many_attempts(std::int64_t retry_after_seconds, Language language) {
    ApiError e(429, "too_many_attempts", std::string(validation_message("too_many_attempts", language)));
    e.retry_after_seconds = static_cast<int>(std::clamp<std::int64_t>(retry_after_seconds, 1, 7 * 24 * 3600));
    return e;
}

void take_or_refuse(security::RateLimiter& limiter, std::string_view key, Language language) {
    if (const auto wait = limiter.take(key))
        throw too_many_attempts(*wait, language);
}

} // namespace isp::http
