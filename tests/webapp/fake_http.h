// A scripted stand-in for webapp/platform/http.h, for the native journey tests. It records
// every request the app sends and keeps it waiting until the test delivers the answers
// (as the browser does, between two frames), each request getting the first scripted answer
// for its method and path (and language, when the answer has one), in the order scripted.
// A request nothing was scripted for fails the test, naming it.
#pragma once
#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "webapp/platform/http.h"

namespace isp::webapp::test {

class FakeHttp {
public:
    // Forgets the script, the record and what waits: each test starts afresh.
    void reset();

    // --- the script -----------------------------------------------------------------------
    // The next request to `method` `path` (a path template) gets `status` and `body`; with a
    // `language`, only a request asked in that language (Accept-Language) takes it.
    void script(std::string method, std::string path, int status, std::string body, std::string language = {},
                int retry_after_seconds = 0);
    // The next request to `method` `path` gets no answer at all: the network is down.
    void fail_network(std::string method, std::string path);
    // Scripted answers no request took yet, as "METHOD path".
    std::vector<std::string> unused() const;

    // --- delivery -------------------------------------------------------------------------
    // Answers the requests waiting now, in the order they were sent; returns how many.
    std::size_t deliver();
    // Delivers until nothing waits (the answers' own follow-up requests included).
    void settle();
    std::size_t waiting() const { return waiting_.size(); }

    // --- the record -----------------------------------------------------------------------
    const std::vector<platform::HttpRequest>& sent() const { return sent_; }
    // Every request sent to `method` `path` (a path template), oldest first.
    std::vector<platform::HttpRequest> sent_to(std::string_view method, std::string_view path) const;

    // Called by platform::send.
    void receive(platform::HttpRequest request, platform::HttpCallback on_done);

private:
    struct Answer {
        std::string method, path, language;
        platform::HttpResponse response;
    };
    struct Waiting {
        platform::HttpRequest request;
        platform::HttpCallback on_done;
    };

    std::deque<Answer> script_;
    std::deque<Waiting> waiting_;
    std::vector<platform::HttpRequest> sent_;
};

FakeHttp& fake_http();

// The value of header `name` in `request` ("" when absent).
std::string header(const platform::HttpRequest& request, std::string_view name);
// `request`'s path without the API base and the query: "/landing/clients/AB123456/subscriptions".
std::string api_path(const platform::HttpRequest& request);
// The value of `name` in `request`'s query string ("" when absent), as sent (still encoded).
std::string query_value(const platform::HttpRequest& request, std::string_view name);

} // namespace isp::webapp::test
