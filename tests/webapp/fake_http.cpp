#include "fake_http.h"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace isp::webapp::test {
namespace {

constexpr std::string_view api_base = "api/v1"; // relative to the page: "api/v1" or "../api/v1"

std::vector<std::string_view> segments(std::string_view path) {
    std::vector<std::string_view> out;
    while (!path.empty()) {
        const std::size_t slash = path.find('/', 1);
        out.push_back(path.substr(0, slash));
        path = slash == std::string_view::npos ? std::string_view{} : path.substr(slash);
    }
    return out;
}

// "/landing/clients/{cin}/invoices" matches "/landing/clients/AB123456/invoices".
bool matches(std::string_view path_template, std::string_view path) {
    const auto want = segments(path_template);
    const auto have = segments(path);
    if (want.size() != have.size())
        return false;
    for (std::size_t i = 0; i < want.size(); ++i) {
        const bool any = want[i].starts_with("/{") && want[i].ends_with("}");
        if (any ? have[i].size() < 2 : want[i] != have[i])
            return false;
    }
    return true;
}

std::string describe(const platform::HttpRequest& request) {
    return request.method + " " + request.url + " (Accept-Language: " + header(request, "Accept-Language") + ")";
}

} // namespace

FakeHttp& fake_http() {
    static FakeHttp http;
    return http;
}

std::string header(const platform::HttpRequest& request, std::string_view name) {
    for (const platform::HttpHeader& h : request.headers)
        if (h.name == name)
            return h.value;
    return {};
}

std::string api_path(const platform::HttpRequest& request) {
    std::string_view url = request.url;
    if (const std::size_t at = url.find(api_base); at != std::string_view::npos)
        url.remove_prefix(at + api_base.size());
    return std::string{url.substr(0, url.find('?'))};
}

std::string query_value(const platform::HttpRequest& request, std::string_view name) {
    const std::size_t question = request.url.find('?');
    if (question == std::string::npos)
        return {};
    std::string_view query = std::string_view{request.url}.substr(question + 1);
    while (!query.empty()) {
        const std::string_view pair = query.substr(0, query.find('&'));
        if (pair.starts_with(name) && pair.size() > name.size() && pair[name.size()] == '=')
            return std::string{pair.substr(name.size() + 1)};
        query.remove_prefix(std::min(query.size(), pair.size() + 1));
    }
    return {};
}

void FakeHttp::reset() {
    script_.clear();
    waiting_.clear();
    sent_.clear();
}

void FakeHttp::script(std::string method, std::string path, int status, std::string body, std::string language,
                      int retry_after_seconds) {
    platform::HttpResponse response;
    response.status = status;
    response.body = std::move(body);
    response.retry_after_seconds = retry_after_seconds;
    script_.push_back({std::move(method), std::move(path), std::move(language), std::move(response)});
}

void FakeHttp::fail_network(std::string method, std::string path) {
    script(std::move(method), std::move(path), 0, {});
}

std::vector<std::string> FakeHttp::unused() const {
    std::vector<std::string> out;
    for (const Answer& a : script_)
        out.push_back(a.method + " " + a.path);
    return out;
}

void FakeHttp::receive(platform::HttpRequest request, platform::HttpCallback on_done) {
    sent_.push_back(request);
    waiting_.push_back({std::move(request), std::move(on_done)});
}

std::size_t FakeHttp::deliver() {
    std::deque<Waiting> now = std::exchange(waiting_, {}); // what the answers send next waits for the next delivery
    for (Waiting& w : now) {
        const std::string path = api_path(w.request);
        const std::string language = header(w.request, "Accept-Language");
        auto it = script_.begin();
        while (it != script_.end() && !(it->method == w.request.method && matches(it->path, path) &&
                                        (it->language.empty() || it->language == language)))
            ++it;
        if (it == script_.end())
            throw std::logic_error("no answer scripted for " + describe(w.request));
        platform::HttpResponse response = std::move(it->response);
        script_.erase(it);
        w.on_done(std::move(response));
    }
    return now.size();
}

void FakeHttp::settle() {
    for (int round = 0; deliver() > 0; ++round)
        if (round == 100)
            throw std::logic_error("requests keep coming: the app sends one for each answer");
}

std::vector<platform::HttpRequest> FakeHttp::sent_to(std::string_view method, std::string_view path) const {
    std::vector<platform::HttpRequest> out;
    for (const platform::HttpRequest& r : sent_)
        if (r.method == method && matches(path, api_path(r)))
            out.push_back(r);
    return out;
}

} // namespace isp::webapp::test

namespace isp::webapp::platform {

void send(HttpRequest request, HttpCallback on_done) {
    test::fake_http().receive(std::move(request), std::move(on_done));
}

} // namespace isp::webapp::platform
