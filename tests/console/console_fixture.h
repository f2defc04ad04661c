// One person at the staff console, for a native section test: the fakes of the platform
// reset, a fresh ConsoleApp started as the browser opens /staff/, and the server's answers
// scripted by the test in the wire format. Every scripted answer is checked against the
// server's OpenAPI description (tests/support/openapi_check.h) when it is scripted, so the
// answers these tests use cannot drift from what the server says.
#pragma once
#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "console/app/console_app.h"
#include "fake_browser.h"
#include "fake_http.h"

namespace isp::console::test {

using webapp::test::api_path;
using webapp::test::FakeBrowser;
using webapp::test::FakeHttp;
using webapp::test::header;
using webapp::test::query_value;

class ConsoleFixture {
public:
    ConsoleFixture();
    ~ConsoleFixture();
    ConsoleFixture(const ConsoleFixture&) = delete;
    ConsoleFixture& operator=(const ConsoleFixture&) = delete;

    // The next request to `method` `path_template` gets `status` and `body`; fails the test
    // when that answer is not what the server's description allows.
    void answer(const std::string& method, const std::string& path_template, int status, const nlohmann::json& body);
    // A problem+json answer (RFC 9457) with `code` and `detail`.
    void problem(const std::string& method, const std::string& path_template, int status, const std::string& code,
                 const std::string& detail = "");

    // Opens /staff/ with no session: the sign-in screen.
    void open_signed_out();
    // Opens /staff/ with a session of an account holding `roles` ("admin", "ops", "viewer"):
    // GET /me answered, then Today's figures (today_answer()).
    void open_signed_in(std::string_view roles = "admin");
    // A session answer (GET /me's shape) for an account with `roles`.
    static nlohmann::json me_answer(std::string_view roles);
    static nlohmann::json account_json(std::string_view roles);
    // GET /staff/today's answer: 61 active contracts, October billed, 4 overdue invoices.
    static nlohmann::json today_answer();

    // Delivers what waits, until nothing does.
    void settle() { http.settle(); }

    nlohmann::json state() const { return app().test_state(); }
    ConsoleApp& app() { return *app_; }
    const ConsoleApp& app() const { return *app_; }

    FakeHttp& http;
    FakeBrowser& browser;

private:
    std::unique_ptr<ConsoleApp> app_;
};

} // namespace isp::console::test
