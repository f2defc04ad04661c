#include "server/http/rate_limit.h"

#include "server/security/rate_limiter.h"
#include "server/services/failure.h"

namespace isp::http {

void take_or_refuse(security::RateLimiter& limiter, std::string_view key, Language language) {
    if (const auto wait = limiter.take(key))
        throw services::too_many_attempts(*wait, language);
}

} // namespace isp::http
