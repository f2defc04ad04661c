// Why a service refused: the business's own failure, with no HTTP in it. Services throw
// it; the edge of every route (http::guarded) alone turns its kind into a status code and
// the rest into an RFC 9457 problem document, so the same service can later be called
// from elsewhere (a scheduler, a command) and say the same thing.
#pragma once
#include <cstdint>
#include <exception>
#include <optional>
#include <string>

#include "shared/domain/field_error.h"
#include "shared/domain/money.h"

namespace isp::services {

enum class FailureKind {
    Invalid,         // what was asked is malformed or breaks a rule of its fields (400)
    Unauthenticated, // no proof of who is asking, or a spent one (401)
    Forbidden,       // the one asking may not do this, or see that (403)
    NotFound,        // 404
    Conflict,        // the current state does not allow it (409)
    Gone,            // it existed and has expired (410)
    Unprocessable,   // understood, but contradicts an earlier request (422)
    TooManyAttempts, // slow down (429, with retry_after_seconds)
    Unavailable,     // the store cannot do it now; retry later (503)
};

class Failure : public std::exception {
public:
    Failure(FailureKind kind_, std::string code_, std::string detail_, FieldErrors errors_ = {})
        : kind(kind_), code(std::move(code_)), detail(std::move(detail_)), errors(std::move(errors_)) {}
    const char* what() const noexcept override { return code.c_str(); }

    FailureKind kind;
    std::string code;   // stable, machine-readable: "validation_failed", "draft_expired", ...
    std::string detail; // for people: what was wrong and what to do
    FieldErrors errors; // per field, for validation
    std::optional<std::int64_t> retry_after_seconds;
};

// A limit on attempts was reached (a RateLimiter's refusal): retry after that many seconds.
Failure too_many_attempts(std::int64_t retry_after_seconds, Language language);

} // namespace isp::services
