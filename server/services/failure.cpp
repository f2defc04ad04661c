#include "server/services/failure.h"

#include <algorithm>

#include "shared/signup/messages.h"
#include "shared/wire/problem_codes.h"

namespace isp::services {

Failure too_many_attempts(std::int64_t retry_after_seconds, Language language) {
    Failure f(FailureKind::TooManyAttempts, wire::problem::too_many_attempts,
              std::string(validation_message("too_many_attempts", language)));
    f.retry_after_seconds = std::clamp<std::int64_t>(retry_after_seconds, 1, 7 * 24 * 3600);
    return f;
}

} // namespace isp::services
