// RFC 9457 problem details: every error the API returns, in one shape.
// Routes throw ApiError, services throw services::Failure (no HTTP in it); the route
// wrapper (http/route.h) turns either into an application/problem+json response. Never
// carries exception text from libraries.
#pragma once
#include <exception>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "shared/domain/field_error.h"

namespace httplib {
struct Response;
}

namespace isp::services {
class Failure;
}

namespace isp::http {

class ApiError : public std::exception {
public:
    ApiError(int status_, std::string code_, std::string detail_, FieldErrors errors_ = {})
        : status(status_), code(std::move(code_)), detail(std::move(detail_)), errors(std::move(errors_)) {}
    const char* what() const noexcept override { return code.c_str(); }

    int status;
    std::string code;   // stable, machine-readable: "validation_failed", "draft_expired", ...
    std::string detail; // for people: what was wrong and what to do
    FieldErrors errors; // per field, for validation
    std::optional<int> retry_after_seconds;
    std::optional<std::string> www_authenticate; // 401: how to authenticate (RFC 9110)
};

// A service's failure as HTTP: its kind gives the status (Invalid 400, Unauthenticated 401,
// Forbidden 403, NotFound 404, Conflict 409, Gone 410, Unprocessable 422, TooManyAttempts
// 429 with Retry-After, Unavailable 503); code, detail and field errors are kept.
ApiError problem_of(const services::Failure& failure);

nlohmann::json problem_json(const ApiError& error, const std::string& instance);
// Adds `request_id`: the X-Request-Id already set on `res` (http/request_id.h).
void write_problem(httplib::Response& res, const ApiError& error, const std::string& instance);
void write_json(httplib::Response& res, int status, const nlohmann::json& body);

const char* status_title(int status);

} // namespace isp::http
