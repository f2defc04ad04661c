// HTTP through emscripten_fetch (the browser's XMLHttpRequest): same-origin, JSON bodies.
#include "portal/platform/http.h"

#include <emscripten/fetch.h>

#include <cctype>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

namespace isp::portal::platform {
namespace {

// Owns everything emscripten_fetch points into until the request completes.
struct Pending {
    HttpRequest request;
    HttpCallback on_done;
    std::vector<const char*> header_pointers; // name, value, ..., nullptr
};

// Seconds of a "Retry-After: N" response header (the delay form only), 0 when absent.
int retry_after_seconds(emscripten_fetch_t* fetch) {
    const std::size_t length = emscripten_fetch_get_response_headers_length(fetch);
    if (length == 0)
        return 0;
    std::string headers(length + 1, '\0');
    emscripten_fetch_get_response_headers(fetch, headers.data(), headers.size());
    for (char& c : headers)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto at = headers.find("retry-after:");
    if (at == std::string::npos)
        return 0;
    return std::atoi(headers.c_str() + at + std::strlen("retry-after:"));
}

void finished(emscripten_fetch_t* fetch) {
    std::unique_ptr<Pending> pending(static_cast<Pending*>(fetch->userData));
    HttpResponse response;
    response.status = fetch->status;
    if (fetch->data && fetch->numBytes > 0)
        response.body.assign(fetch->data, static_cast<std::size_t>(fetch->numBytes));
    if (fetch->status == 429 || fetch->status == 503)
        response.retry_after_seconds = retry_after_seconds(fetch);
    emscripten_fetch_close(fetch);
    pending->on_done(std::move(response));
}

} // namespace

void send(HttpRequest request, HttpCallback on_done) {
    auto pending = std::make_unique<Pending>(Pending{std::move(request), std::move(on_done), {}});
    for (const HttpHeader& h : pending->request.headers) {
        pending->header_pointers.push_back(h.name.c_str());
        pending->header_pointers.push_back(h.value.c_str());
    }
    pending->header_pointers.push_back(nullptr);

    emscripten_fetch_attr_t attr;
    emscripten_fetch_attr_init(&attr);
    std::strncpy(attr.requestMethod, pending->request.method.c_str(), sizeof(attr.requestMethod) - 1);
    attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY;
    attr.timeoutMSecs = 30000; // a person waits; past this, say the network failed
    attr.requestHeaders = pending->header_pointers.data();
    if (!pending->request.body.empty()) {
        attr.requestData = pending->request.body.data();
        attr.requestDataSize = pending->request.body.size();
    }
    attr.onsuccess = finished; // 2xx
    attr.onerror = finished;   // 4xx/5xx (with body) and network errors (status 0)
    Pending* raw = pending.release();
    attr.userData = raw;
    emscripten_fetch(&attr, raw->request.url.c_str());
}

} // namespace isp::portal::platform
