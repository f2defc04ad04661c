// One JSON call to the server, as both browser apps make it: the request goes out through
// platform/http.h with the JSON and language headers, a 2xx body is read by a shared/wire
// reader into a domain value, anything else becomes an ApiError (RFC 9457 problem, or no
// answer at all). Plain C++: the native journey tests build it too.
#pragma once
#include <functional>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "shared/domain/money.h"
#include "webapp/api/api_error.h"
#include "webapp/platform/http.h"

namespace isp::webapp {

template <class T> struct ApiResult {
    std::optional<T> value; // set on success
    ApiError error;         // meaningful when value is empty
};

template <class T> using ApiCallback = std::function<void(ApiResult<T>)>;

// `text` encoded to stay one path segment (ids typed by people or read from the address bar).
std::string path_segment(const std::string& text);
// A query-string value: the same unreserved set, everything else escaped.
std::string query_value(const std::string& text);

// The Accept, Accept-Language and (with a body) Content-Type headers every call carries.
void add_json_headers(platform::HttpRequest& request, Language language);

// Sends `request`; a 2xx body goes through `parse`, anything else becomes an ApiError.
// A body this app cannot read (version skew, a proxy's page) is the error "invalid_response".
template <class T, class Parse>
void call(platform::HttpRequest request, Language language, Parse parse, ApiCallback<T> done) {
    add_json_headers(request, language);
    platform::send(std::move(request), [parse, done = std::move(done)](platform::HttpResponse response) {
        ApiResult<T> result;
        if (response.status >= 200 && response.status < 300) {
            try {
                result.value = parse(nlohmann::json::parse(response.body.empty() ? "{}" : response.body));
            } catch (const std::exception&) { // nlohmann::json::exception or a bad value
                result.error.status = response.status;
                result.error.code = "invalid_response";
            }
        } else {
            result.error = api_error_from_response(response.status, response.body);
            result.error.retry_after_seconds = response.retry_after_seconds;
        }
        done(std::move(result));
    });
}

} // namespace isp::webapp
