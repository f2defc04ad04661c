#include "console_fixture.h"

#include <cctype>
#include <fstream>
#include <sstream>

#include <doctest/doctest.h>
#include <httplib.h>

#include "openapi_check.h"

namespace isp::console::test {
namespace {

const isp::test::OpenApi& description() {
    static const isp::test::OpenApi api = [] {
        std::ifstream in(ISP_OPENAPI_FILE);
        std::stringstream text;
        text << in.rdbuf();
        return isp::test::OpenApi(nlohmann::json::parse(text.str()));
    }();
    return api;
}

} // namespace

ConsoleFixture::ConsoleFixture() : http(webapp::test::fake_http()), browser(webapp::test::fake_browser()) {
    http.reset();
    browser.reset();
    browser.base_url = "https://isp.example.ma/staff/";
    app_ = std::make_unique<ConsoleApp>();
}

ConsoleFixture::~ConsoleFixture() {
    app_.reset();
    http.reset();
}

void ConsoleFixture::answer(const std::string& method, const std::string& path_template, int status,
                            const nlohmann::json& body) {
    httplib::Response res;
    res.status = status;
    if (status != 204)
        res.set_content(body.dump(), status >= 400 ? "application/problem+json" : "application/json");
    std::string lower = method; // the description's keys: "get", "post", ...
    for (char& ch : lower)
        ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    for (const std::string& mismatch : description().check(lower, path_template, res))
        FAIL_CHECK(method << " " << path_template << " " << status << ": " << mismatch);
    http.script(method, path_template, status, status == 204 ? std::string{} : body.dump());
}

void ConsoleFixture::problem(const std::string& method, const std::string& path_template, int status,
                             const std::string& code, const std::string& detail) {
    answer(method, path_template, status,
           {{"type", "about:blank"}, {"title", code}, {"status", status}, {"code", code}, {"detail", detail}});
}

nlohmann::json ConsoleFixture::account_json(std::string_view roles) {
    nlohmann::json list = nlohmann::json::array();
    std::string_view rest = roles;
    while (!rest.empty()) {
        const std::size_t comma = rest.find(',');
        list.push_back(std::string{rest.substr(0, comma)});
        rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    }
    return {{"account_id", "stf_test0000000000001"},
            {"email", std::string{roles.substr(0, roles.find(','))} + "@isp.example.ma"},
            {"display_name", "Nadia Bennani"},
            {"roles", list},
            {"language", "fr"},
            {"state", "active"},
            {"second_factor", false},
            {"created_at", "2026-11-01T09:00:00Z"},
            {"last_sign_in_at", "2026-11-23T09:58:00Z"}};
}

nlohmann::json ConsoleFixture::me_answer(std::string_view roles) {
    nlohmann::json account = account_json(roles);
    return {{"token_id", nullptr},
            {"name", account["display_name"]},
            {"roles", account["roles"]},
            {"actor", account["email"]},
            {"authenticated_by", "session"},
            {"account", account},
            {"csrf_token", "csrf-test-token"},
            {"session_expires_at", "2026-11-23T22:00:00Z"},
            {"second_factor_enrolment_required", false}};
}

void ConsoleFixture::open_signed_out() {
    problem("GET", "/me", 401, "authentication_required", "Sign in.");
    app_->start();
    settle();
}

void ConsoleFixture::open_signed_in(std::string_view roles) {
    answer("GET", "/me", 200, me_answer(roles));
    app_->start();
    http.deliver(); // GET /me; what Today then asks for is the test's to answer
}

} // namespace isp::console::test
