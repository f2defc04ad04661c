// What went wrong with an API call, as the portal shows it: an RFC 9457 problem
// (status, stable code, detail, per-field errors) or no answer at all (network).
#pragma once
#include <string>

#include "shared/domain/field_error.h"

namespace isp::webapp {

struct ApiError {
    int status = 0;   // 0: the server could not be reached
    std::string code; // "validation_failed", "draft_expired", ... ("" when unknown)
    std::string title;
    std::string detail;          // for people, in the language the request asked for
    FieldErrors errors;          // for validation failures
    int retry_after_seconds = 0; // 429: how long to wait before trying again

    bool network() const { return status == 0; }
};

// Reads a problem+json body; tolerates any body (a proxy's HTML page, nothing at all).
ApiError api_error_from_response(int status, const std::string& body);

} // namespace isp::webapp
