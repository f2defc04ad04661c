// Asynchronous HTTP for the portal: one request in, one response out through a callback.
// One implementation per target, picked in portal/CMakeLists.txt (http_emscripten.cpp in
// the browser). The callback runs on the main thread, between two frames.
#pragma once
#include <functional>
#include <string>
#include <vector>

namespace isp::webapp::platform {

struct HttpHeader {
    std::string name;
    std::string value;
};

struct HttpRequest {
    std::string method = "GET";
    std::string url; // relative to the page, e.g. "api/v1/landing/bootstrap"
    std::vector<HttpHeader> headers;
    std::string body;
    int retry_after_seconds = 0; // the Retry-After header (429, 503), 0 when absent
};

struct HttpResponse {
    int status = 0; // 0: no HTTP answer at all (network down, server unreachable, timeout)
    std::string body;
    int retry_after_seconds = 0; // the Retry-After header (429, 503), 0 when absent
};

using HttpCallback = std::function<void(HttpResponse)>;

void send(HttpRequest request, HttpCallback on_done);

} // namespace isp::webapp::platform
