#include "server/http/problem.h"

#include <httplib.h>

#include "server/services/failure.h"
#include "shared/wire/signup_json.h"

namespace isp::http {

const char* status_title(int status) {
    switch (status) {
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 413: return "Content Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Content";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return status < 500 ? "Client Error" : "Server Error";
    }
}

ApiError problem_of(const services::Failure& f) {
    using services::FailureKind;
    int status = 500;
    switch (f.kind) {
    case FailureKind::Invalid: status = 400; break;
    case FailureKind::Unauthenticated: status = 401; break;
    case FailureKind::Forbidden: status = 403; break;
    case FailureKind::NotFound: status = 404; break;
    case FailureKind::Conflict: status = 409; break;
    case FailureKind::Gone: status = 410; break;
    case FailureKind::Unprocessable: status = 422; break;
    case FailureKind::TooManyAttempts: status = 429; break;
    case FailureKind::Unavailable: status = 503; break;
    }
    ApiError e(status, f.code, f.detail, f.errors);
    if (f.retry_after_seconds)
        e.retry_after_seconds = static_cast<int>(*f.retry_after_seconds);
    return e;
}

nlohmann::json problem_json(const ApiError& e, const std::string& instance) {
    nlohmann::json j = {{"type", "urn:isp-portal:problem:" + e.code},
                        {"title", status_title(e.status)},
                        {"status", e.status},
                        {"detail", e.detail},
                        {"code", e.code},
                        {"instance", instance}};
    if (!e.errors.empty())
        j["errors"] = wire::to_json(e.errors);
    return j;
}

void write_problem(httplib::Response& res, const ApiError& e, const std::string& instance) {
    res.status = e.status;
    if (e.retry_after_seconds)
        res.set_header("Retry-After", std::to_string(*e.retry_after_seconds));
    if (e.www_authenticate)
        res.set_header("WWW-Authenticate", *e.www_authenticate);
    nlohmann::json body = problem_json(e, instance);
    // Set on every answer before any problem is written (http/request_id.h): the id a
    // customer can quote, and that finds the request's log line.
    if (res.has_header("X-Request-Id"))
        body["request_id"] = res.get_header_value("X-Request-Id");
    // Replace, never throw: an instance or detail may quote bytes a client sent.
    res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/problem+json");
}

void write_json(httplib::Response& res, int status, const nlohmann::json& body) {
    res.status = status;
    res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/json");
}

} // namespace isp::http
