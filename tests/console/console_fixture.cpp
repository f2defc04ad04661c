#include "console_fixture.h"

#include <cctype>
#include <fstream>
#include <sstream>

#include <doctest/doctest.h>
#include <httplib.h>

#include "openapi_check.h"
#include "shared/wire/staff_today_json.h"

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
           {{"type", "about:blank"},
            {"title", code},
            {"status", status},
            {"code", code},
            {"detail", detail},
            {"request_id", "5f0c2b9e8d7a6f41"}});
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

nlohmann::json ConsoleFixture::today_answer() {
    StaffToday today;
    today.as_of = Date{2026, 11, 23};
    today.active_contracts = {{ServiceFamily::Mobile, 41}, {ServiceFamily::Internet, 17}, {ServiceFamily::Landline, 3}};
    today.last_billing_run = BillingRunSummary{"run_2026_10",
                                               "2026-10",
                                               "2026-11-01T06:00:00Z",
                                               "2026-11-01T06:00:04Z",
                                               "ops@isp.example.ma",
                                               61,
                                               "MAD",
                                               1500000,
                                               300000,
                                               1800000};
    today.collections.as_of = today.as_of;
    today.collections.currency = "MAD";
    today.collections.outstanding = {250000, "MAD"};
    today.collections.outstanding_count = 9;
    today.collections.overdue = {120000, "MAD"};
    today.collections.overdue_count = 4;
    for (auto& a : today.collections.ageing)
        a.amount.currency = "MAD";
    today.collections.ageing[0] = {{80000, "MAD"}, 3};
    today.collections.ageing[1] = {{40000, "MAD"}, 1};
    today.collections.cases_by_status = {2, 1, 1, 5};
    return wire::to_json(today);
}

void ConsoleFixture::open_signed_in(std::string_view roles) {
    answer("GET", "/me", 200, me_answer(roles));
    answer("GET", "/staff/today", 200, today_answer());
    app_->start();
    settle(); // GET /me, then Today's figures
}

} // namespace isp::console::test
