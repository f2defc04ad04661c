// HTTP through emscripten_fetch (the browser's XMLHttpRequest): same-origin, JSON bodies.
// The page shell (web/index.html) starts the catalog request before the portal has even
// loaded; the portal's first GET of that URL takes that early answer instead of asking again.
#include "webapp/platform/http.h"

#include <emscripten.h>
#include <emscripten/fetch.h>

#include <cctype>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

namespace isp::webapp::platform {
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

void start_fetch(std::unique_ptr<Pending> pending) {
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

// The EM_JS body below is JavaScript, which clang-format would mangle.
// clang-format off
// 1 when the page shell already asked for `url` (Module.ispEarlyAnswers): its answer then
// comes through isp_early_answer(pending, ...), once, after the current task.
EM_JS(int, isp_take_early_answer, (const char* url, void* pending), {
    var answers = Module.ispEarlyAnswers;
    var key = UTF8ToString(url);
    if (!answers || !answers[key])
        return 0;
    var answer = answers[key];
    delete answers[key];
    answer.then(function (result) {
        if (!result) {
            _isp_early_answer(pending, -1, 0, 0);
            return;
        }
        var body = stringToNewUTF8(result.body);
        _isp_early_answer(pending, result.status, body, lengthBytesUTF8(result.body));
        _free(body);
    });
    return 1;
});
// clang-format on

} // namespace

// Called by isp_take_early_answer's promise; status -1: the early request failed, ask now.
extern "C" EMSCRIPTEN_KEEPALIVE void isp_early_answer(void* raw, int status, const char* body, int length) {
    std::unique_ptr<Pending> pending(static_cast<Pending*>(raw));
    if (status < 0) {
        start_fetch(std::move(pending));
        return;
    }
    HttpResponse response;
    response.status = status;
    if (body && length > 0)
        response.body.assign(body, static_cast<std::size_t>(length));
    pending->on_done(std::move(response));
}

void send(HttpRequest request, HttpCallback on_done) {
    auto pending = std::make_unique<Pending>(Pending{std::move(request), std::move(on_done), {}});
    if (pending->request.method == "GET" && isp_take_early_answer(pending->request.url.c_str(), pending.get())) {
        pending.release(); // owned by the early answer's callback now
        return;
    }
    start_fetch(std::move(pending));
}

} // namespace isp::webapp::platform
