// Staff browser sessions (issue #12, docs/staff-accounts.md): the CSRF defence of writes by
// cookie, the cookie's Secure flag, idle and absolute expiry on the fixed clock, failed
// sign-ins that all look alike (answer and time) and are throttled per e-mail and per
// address, the staff audit log, and the second factor an operator can make mandatory.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>

#include <doctest/doctest.h>

#include "../support/openapi_check.h"
#include "../support/problem_check.h"
#include "../support/staff_session.h"
#include "../support/test_server.h"
#include "server/clock/clock.h"
#include "shared/staff/staff_role.h"

using namespace isp::test;

namespace {

std::string iso(std::int64_t unix_seconds) {
    return isp::Clock::iso_timestamp(unix_seconds);
}

const nlohmann::json offer = {{"family", "landline"},
                              {"name", "Fixe Pro"},
                              {"monthly_price", {{"amount_minor", 9900}, {"currency", "MAD"}}},
                              {"tax_rate_bp", 2000}};

std::int64_t offer_count(httplib::Client& c, const httplib::Headers& reader) {
    auto res = c.Get("/api/v1/offers?per_page=1", reader);
    REQUIRE(res->status == 200);
    return body_json(res)["pagination"]["total"];
}

httplib::Headers with(httplib::Headers headers, const std::string& name, const std::string& value) {
    headers.emplace(name, value);
    return headers;
}

httplib::Headers from(const std::string& address) {
    return {{"X-Forwarded-For", address}};
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// The audit log as an admin reads it: every entry, newest first.
nlohmann::json whole_audit(httplib::Client& c, const httplib::Headers& admin, const std::string& query = "") {
    auto res = c.Get("/api/v1/staff/audit?per_page=100" + query, admin);
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 200, res->body);
    const auto page = body_json(res);
    REQUIRE(page["pagination"]["total"] <= 100);
    return page["data"];
}

} // namespace

TEST_CASE("CSRF: a write by cookie needs this server's Origin (or Referer) and the session's X-CSRF-Token") {
    TestServer server(true, quick_staff_config);
    auto c = server.client();
    const OpenApi api = served_description(c);
    const auto admin = bearer(create_staff_token(server, "admin"));
    const StaffBrowser omar = new_signed_in_account(server, c, admin, "omar@example.ma", {"ops"});
    const StaffBrowser other = new_signed_in_account(server, c, admin, "salma@example.ma", {"ops"});
    const std::string own = omar.origin;
    const std::int64_t before = offer_count(c, admin);

    const httplib::Headers cookie = {{"Cookie", omar.cookie}};
    const httplib::Headers with_token = with(cookie, "X-CSRF-Token", omar.csrf_token);
    const std::vector<std::pair<std::string, httplib::Headers>> refused = {
        {"no X-CSRF-Token", with(cookie, "Origin", own)},
        {"a wrong X-CSRF-Token", with(with(cookie, "Origin", own), "X-CSRF-Token", omar.csrf_token + "x")},
        {"another session's X-CSRF-Token", with(with(cookie, "Origin", own), "X-CSRF-Token", other.csrf_token)},
        {"an empty X-CSRF-Token", with(with(cookie, "Origin", own), "X-CSRF-Token", "")},
        {"a cross-site Origin", with(with_token, "Origin", "http://evil.example")},
        {"another port", with(with_token, "Origin", "http://127.0.0.1:1")},
        {"another scheme", with(with_token, "Origin", "https://127.0.0.1:" + std::to_string(server.port()))},
        {"Origin null", with(with_token, "Origin", "null")},
        {"neither Origin nor Referer", with_token},
        {"a cross-site Referer", with(with_token, "Referer", "http://evil.example/staff/")},
        {"a right Referer but a cross-site Origin",
         with(with(with_token, "Origin", "http://evil.example"), "Referer", own + "/staff/")},
    };
    for (const auto& [what, headers] : refused) {
        CAPTURE(what);
        auto res = c.Post("/api/v1/offers", headers, offer.dump(), "application/json");
        check_described(api, "post", "/offers", res);
        check_problem(res, 403, "csrf_check_failed");
    }
    // Sign-out is a write too.
    check_problem(c.Delete("/api/v1/staff/session", with(cookie, "Origin", own)), 403, "csrf_check_failed");
    CHECK(offer_count(c, admin) == before); // nothing of the refused requests was written

    auto by_origin = c.Post("/api/v1/offers", with(with_token, "Origin", own), offer.dump(), "application/json");
    check_described(api, "post", "/offers", by_origin);
    CHECK(by_origin->status == 201);
    auto by_referer =
        c.Post("/api/v1/offers", with(with_token, "Referer", own + "/staff/offers"), offer.dump(), "application/json");
    CHECK(by_referer->status == 201);
    CHECK(offer_count(c, admin) == before + 2);

    // Reads need no token, and a bearer token carries no ambient credential: not checked.
    CHECK(c.Get("/api/v1/offers", cookie)->status == 200);
    CHECK(c.Get("/api/v1/me", cookie)->status == 200);
    const auto ops_token = bearer(create_staff_token(server, "ops"));
    CHECK(c.Post("/api/v1/offers", ops_token, offer.dump(), "application/json")->status == 201);
    CHECK(c.Post("/api/v1/offers", with(ops_token, "Origin", "http://evil.example"), offer.dump(), "application/json")
              ->status == 201);
    // The session was not harmed by the refusals.
    CHECK(c.Get("/api/v1/me", cookie)->status == 200);
}

TEST_CASE("the session cookie is Secure when a trusted proxy says the request came over TLS, only then") {
    const auto secure_of = [](TestServer& server) {
        auto c = server.client();
        const auto admin = bearer(create_staff_token(server, "admin"));
        const auto account = create_account(c, admin, "tls@example.ma", {"viewer"});
        REQUIRE(set_password(c, account.link_token, good_password)->status == 204);
        auto res = sign_in(c, "tls@example.ma", good_password, std::nullopt, std::nullopt,
                           {{"X-Forwarded-Proto", "https"}, {"X-Forwarded-For", "192.0.2.1"}});
        REQUIRE(res->status == 200);
        std::string set_cookie = staff_set_cookie(res);
        std::transform(set_cookie.begin(), set_cookie.end(), set_cookie.begin(),
                       [](unsigned char ch) { return std::tolower(ch); });
        return set_cookie.find("; secure") != std::string::npos;
    };
    TestServer proxied(true, [](isp::ServerConfig& config) {
        quick_staff_config(config);
        config.trusted_proxies = {"127.0.0.1"};
    });
    CHECK(secure_of(proxied));
    TestServer direct(true, quick_staff_config); // anyone can send X-Forwarded-Proto
    CHECK_FALSE(secure_of(direct));
}

TEST_CASE("a session ends after 30 minutes without a request, and 12 hours after sign-in however busy") {
    TestServer server(true, quick_staff_config);
    auto c = server.client();
    const auto admin = bearer(create_staff_token(server, "admin"));

    const StaffBrowser idle = new_signed_in_account(server, c, admin, "idle@example.ma", {"viewer"});
    CHECK(idle.session["idle_timeout_seconds"] == 1800);
    server.clock().advance(29 * 60);
    CHECK(c.Get("/api/v1/me", idle.reads())->status == 200);
    server.clock().advance(29 * 60); // 58 minutes after sign-in, 29 after the last request
    CHECK(c.Get("/api/v1/me", idle.reads())->status == 200);
    server.clock().advance(31 * 60);
    check_problem(c.Get("/api/v1/me", idle.reads()), 401, "authentication_required");
    check_problem(c.Get("/api/v1/customers", idle.reads()), 401, "authentication_required");
    // The audit may record the expiry; when it does, it names the account.
    for (const auto& entry : whole_audit(c, admin))
        if (entry["event"] == "session_expired")
            CHECK(entry["account_id"] == idle.account_id);
    CHECK(signed_in(server, c, "idle@example.ma", good_password).session["account"]["account_id"] == idle.account_id);

    const std::int64_t start = server.clock().now_unix();
    const StaffBrowser busy = signed_in(server, c, "idle@example.ma", good_password);
    CHECK(busy.session["expires_at"] == iso(start + 12 * 3600));
    for (int i = 1; i <= 35; ++i) { // a request every 20 minutes, up to 11 h 40
        server.clock().advance(20 * 60);
        CAPTURE(i);
        REQUIRE(c.Get("/api/v1/me", busy.reads())->status == 200);
    }
    server.clock().advance(21 * 60); // 12 h 01 after sign-in, 21 minutes after the last request
    check_problem(c.Get("/api/v1/me", busy.reads()), 401, "authentication_required");
}

TEST_CASE("failed sign-ins look alike: unknown e-mail, wrong password, no password yet, disabled account") {
    TestServer server(true, [](isp::ServerConfig& config) {
        quick_staff_config(config);
        config.sign_in_max_failures = 100;
    });
    auto c = server.client();
    const OpenApi api = served_description(c);
    const auto admin = bearer(create_staff_token(server, "admin"));
    new_signed_in_account(server, c, admin, "amina@example.ma", {"ops"});
    create_account(c, admin, "fresh@example.ma", {"ops"}); // its link never used
    const StaffBrowser gone = new_signed_in_account(server, c, admin, "gone@example.ma", {"ops"});
    REQUIRE(c.Patch("/api/v1/staff/accounts/" + gone.account_id, admin, nlohmann::json{{"state", "disabled"}}.dump(),
                    "application/json")
                ->status == 200);

    auto unknown = sign_in(c, "ghost@example.ma", good_password);
    check_described(api, "post", "/staff/session", unknown);
    check_problem(unknown, 401, "sign_in_failed");
    const auto reference = body_json(unknown);
    std::vector<httplib::Result> others;
    others.push_back(sign_in(c, "amina@example.ma", "Wrong-password-123"));
    others.push_back(sign_in(c, "fresh@example.ma", good_password));
    others.push_back(sign_in(c, "gone@example.ma", good_password));
    for (const auto& res : others) {
        check_problem(res, 401, "sign_in_failed");
        const auto p = body_json(res);
        CHECK(p["title"] == reference["title"]);
        CHECK(p["detail"] == reference["detail"]);
        CHECK(p.contains("errors") == reference.contains("errors"));
        CHECK(staff_set_cookie(res).empty());
    }
    // A body without the password is a validation error, not a sign-in attempt.
    auto incomplete =
        c.Post("/api/v1/staff/session", nlohmann::json{{"email", "amina@example.ma"}}.dump(), "application/json");
    check_described(api, "post", "/staff/session", incomplete);
    check_problem(incomplete, 400, "validation_failed");
    CHECK(error_fields(incomplete) == std::vector<std::string>{"password"});
}

TEST_CASE("failed sign-ins are limited per e-mail and per address: 429 with Retry-After, until the window passes") {
    TestServer server(true, [](isp::ServerConfig& config) {
        quick_staff_config(config);
        config.trusted_proxies = {"127.0.0.1"};
        config.sign_in_max_failures = 5;
        config.sign_in_window_seconds = 900;
    });
    auto c = server.client();
    const OpenApi api = served_description(c);
    const auto admin = bearer(create_staff_token(server, "admin"));
    for (const char* email : {"nadia@example.ma", "karim@example.ma"}) {
        const auto a = create_account(c, admin, email, {"ops"});
        REQUIRE(set_password(c, a.link_token, good_password)->status == 204);
    }

    // Per e-mail: five wrong passwords from five addresses lock Nadia's e-mail, for every address,
    // and the answer no longer tells a right password from a wrong one.
    for (int i = 1; i <= 5; ++i)
        check_problem(sign_in(c, "nadia@example.ma", "Wrong-password-" + std::to_string(i), std::nullopt, std::nullopt,
                              from("203.0.113." + std::to_string(i))),
                      401, "sign_in_failed");
    auto locked = sign_in(c, "nadia@example.ma", good_password, std::nullopt, std::nullopt, from("203.0.113.50"));
    check_described(api, "post", "/staff/session", locked);
    check_problem(locked, 429, "too_many_attempts");
    const std::string retry = locked->get_header_value("Retry-After");
    REQUIRE_FALSE(retry.empty());
    CHECK(std::stoll(retry) > 0);
    CHECK(std::stoll(retry) <= 900);
    CHECK(staff_set_cookie(locked).empty());
    check_problem(sign_in(c, "nadia@example.ma", "Wrong-password-6", std::nullopt, std::nullopt, from("203.0.113.51")),
                  429, "too_many_attempts");
    // Karim is not locked out by Nadia's attackers, even from their addresses.
    CHECK(sign_in(c, "karim@example.ma", good_password, std::nullopt, std::nullopt, from("203.0.113.1"))->status ==
          200);

    // Per address: five different e-mails from one address lock that address, for every e-mail.
    for (int i = 1; i <= 5; ++i)
        check_problem(sign_in(c, "stranger" + std::to_string(i) + "@example.ma", good_password, std::nullopt,
                              std::nullopt, from("198.51.100.7")),
                      401, "sign_in_failed");
    auto address_locked =
        sign_in(c, "karim@example.ma", good_password, std::nullopt, std::nullopt, from("198.51.100.7"));
    check_problem(address_locked, 429, "too_many_attempts");
    CHECK_FALSE(address_locked->get_header_value("Retry-After").empty());
    CHECK(sign_in(c, "karim@example.ma", good_password, std::nullopt, std::nullopt, from("198.51.100.8"))->status ==
          200);

    // The window passes: both may try again.
    server.clock().advance(900 + 1);
    CHECK(sign_in(c, "nadia@example.ma", good_password, std::nullopt, std::nullopt, from("203.0.113.50"))->status ==
          200);
    CHECK(sign_in(c, "karim@example.ma", good_password, std::nullopt, std::nullopt, from("198.51.100.7"))->status ==
          200);
}

TEST_CASE("the staff audit log: who signed in, failed, enrolled, signed out, from where; newest first, paginated") {
    TestServer server(true, [](isp::ServerConfig& config) {
        quick_staff_config(config);
        config.trusted_proxies = {"127.0.0.1"};
    });
    auto c = server.client();
    const OpenApi api = served_description(c);
    const auto admin = bearer(create_staff_token(server, "admin", "Alice"));
    const httplib::Headers home = from("192.0.2.10");
    std::vector<std::pair<std::string, std::int64_t>> steps; // (event[:detail], when)
    const auto step = [&](const std::string& what) {
        steps.emplace_back(what, server.clock().now_unix());
        server.clock().advance(60);
    };

    const auto created = create_account(c, admin, "nadia@example.ma", {"ops"});
    step("account_created");
    REQUIRE(set_password(c, created.link_token, good_password)->status == 204);
    step("password_set");
    check_problem(sign_in(c, "nadia@example.ma", "Wrong-password-123", std::nullopt, std::nullopt, home), 401,
                  "sign_in_failed");
    step("sign_in_failed:wrong_password");
    check_problem(sign_in(c, "ghost@example.ma", "Ghost-password-123", std::nullopt, std::nullopt, home), 401,
                  "sign_in_failed");
    step("sign_in_failed:unknown_email");
    auto signed_in_res = sign_in(c, "nadia@example.ma", good_password, std::nullopt, std::nullopt, home);
    const StaffBrowser nadia = browser_of(server, signed_in_res, "nadia@example.ma", good_password);
    step("sign_in");
    auto writes = nadia.writes();
    writes.emplace("X-Forwarded-For", "192.0.2.10");
    auto started =
        c.Post("/api/v1/staff/me/totp", writes, nlohmann::json{{"password", good_password}}.dump(), "application/json");
    REQUIRE(started->status == 200);
    const std::string secret = body_json(started)["secret"];
    const std::string code = totp_code(secret, server.clock().now_unix());
    auto confirmed =
        c.Post("/api/v1/staff/me/totp/confirm", writes, nlohmann::json{{"code", code}}.dump(), "application/json");
    REQUIRE(confirmed->status == 200);
    step("second_factor_enrolled");
    REQUIRE(c.Delete("/api/v1/staff/session", writes)->status == 204);
    step("sign_out");

    auto whole = c.Get("/api/v1/staff/audit?per_page=100", admin);
    check_described(api, "get", "/staff/audit", whole);
    REQUIRE(whole->status == 200);
    const auto entries = body_json(whole)["data"];
    const auto total = body_json(whole)["pagination"]["total"].get<std::int64_t>();
    CHECK(total == static_cast<std::int64_t>(entries.size()));

    // Newest first.
    for (std::size_t i = 1; i < entries.size(); ++i)
        CHECK(entries[i - 1]["at"].get<std::string>() >= entries[i]["at"].get<std::string>());
    // Each step is there, at its time, in order.
    std::vector<std::size_t> positions;
    for (const auto& [what, when] : steps) {
        CAPTURE(what);
        const auto colon = what.find(':');
        const std::string event = what.substr(0, colon);
        const std::string detail = colon == std::string::npos ? "" : what.substr(colon + 1);
        const auto found = std::find_if(entries.begin(), entries.end(), [&](const nlohmann::json& e) {
            return e["event"] == event && e["at"] == iso(when) && (detail.empty() || e["detail"] == detail);
        });
        REQUIRE(found != entries.end());
        positions.push_back(static_cast<std::size_t>(found - entries.begin()));
        const auto& e = *found;
        CHECK_FALSE(e["actor"].get<std::string>().empty());
        if (detail == "unknown_email") {
            CHECK(e["account_id"].is_null());
        } else {
            CHECK(e["account_id"] == created.account_id);
            CHECK(e["email"] == "nadia@example.ma");
        }
        if (event == "sign_in" || event == "sign_in_failed" || event == "second_factor_enrolled" || event == "sign_out")
            CHECK(e["client_address"] == "192.0.2.10");
    }
    for (std::size_t i = 1; i < positions.size(); ++i)
        CHECK(positions[i] < positions[i - 1]);

    // Never a secret: passwords, codes, the link's token, the session's cookie and CSRF token.
    const std::string text = whole->body;
    const std::string session_id = nadia.cookie.substr(nadia.cookie.find('=') + 1);
    for (const std::string& secret_text :
         {std::string(good_password), std::string("Wrong-password-123"), std::string("Ghost-password-123"),
          created.link_token, secret, code, session_id, nadia.csrf_token}) {
        CAPTURE(secret_text);
        CHECK(text.find(secret_text) == std::string::npos);
    }
    // Kept in a variable: a range-for over a member of a temporary reads freed memory (ASan).
    const nlohmann::json recovery_codes = body_json(confirmed)["recovery_codes"];
    for (const auto& recovery : recovery_codes)
        CHECK(text.find(recovery.get<std::string>()) == std::string::npos);

    // Pages of two follow the same order.
    auto page2 = c.Get("/api/v1/staff/audit?per_page=2&page=2", admin);
    check_described(api, "get", "/staff/audit", page2);
    REQUIRE(page2->status == 200);
    const auto p2 = body_json(page2);
    CHECK(p2["pagination"]["total"] == total);
    CHECK(p2["pagination"]["total_pages"] == (total + 1) / 2);
    REQUIRE(p2["data"].size() == 2);
    CHECK(p2["data"][0] == entries[2]);
    CHECK(p2["data"][1] == entries[3]);
    check_described(api, "get", "/staff/audit", c.Get("/api/v1/staff/audit?page=0", admin));
    check_problem(c.Get("/api/v1/staff/audit?page=0", admin), 400, "validation_failed");

    // One account's entries.
    const auto hers = whole_audit(c, admin, "&account_id=" + created.account_id);
    CHECK(hers.size() < entries.size()); // the unknown e-mail's failure is not hers
    CHECK(hers.size() >= steps.size() - 1);
    for (const auto& e : hers)
        CHECK(e["account_id"] == created.account_id);
}

TEST_CASE("--require-2fa-for admin: an admin without a second factor can only enrol one, then everything works") {
    TestServer server(true, [](isp::ServerConfig& config) {
        quick_staff_config(config);
        config.require_second_factor_for = {isp::StaffRole::Admin};
    });
    auto c = server.client();
    const auto admin_token = bearer(create_staff_token(server, "admin"));

    // An ops account is not concerned.
    const StaffBrowser ops = new_signed_in_account(server, c, admin_token, "ops@example.ma", {"ops"});
    CHECK(ops.session["second_factor_enrolment_required"] == false);
    CHECK(c.Get("/api/v1/customers", ops.reads())->status == 200);

    const StaffBrowser root = new_signed_in_account(server, c, admin_token, "root@example.ma", {"admin"});
    CHECK(root.session["second_factor_enrolment_required"] == true);
    check_problem(c.Get("/api/v1/customers", root.reads()), 403, "second_factor_enrolment_required");
    check_problem(c.Get("/api/v1/staff/accounts", root.reads()), 403, "second_factor_enrolment_required");
    check_problem(c.Post("/api/v1/offers", root.writes(), offer.dump(), "application/json"), 403,
                  "second_factor_enrolment_required");

    auto started = c.Post("/api/v1/staff/me/totp", root.writes(), nlohmann::json{{"password", good_password}}.dump(),
                          "application/json");
    REQUIRE(started->status == 200);
    const std::string secret = body_json(started)["secret"];
    auto confirmed =
        c.Post("/api/v1/staff/me/totp/confirm", root.writes(),
               nlohmann::json{{"code", totp_code(secret, server.clock().now_unix())}}.dump(), "application/json");
    REQUIRE(confirmed->status == 200);

    server.clock().advance(30);
    const StaffBrowser enrolled =
        signed_in(server, c, "root@example.ma", good_password, totp_code(secret, server.clock().now_unix()));
    CHECK(enrolled.session["second_factor_enrolment_required"] == false);
    CHECK(enrolled.session["account"]["second_factor"] == true);
    CHECK(c.Get("/api/v1/customers", enrolled.reads())->status == 200);
    CHECK(c.Get("/api/v1/staff/accounts", enrolled.reads())->status == 200);
    CHECK(c.Post("/api/v1/offers", enrolled.writes(), offer.dump(), "application/json")->status == 201);

    // The second factor cannot be removed while a role requires it.
    auto removal = c.Delete("/api/v1/staff/me/totp", enrolled.writes(),
                            nlohmann::json{{"password", good_password}}.dump(), "application/json");
    check_problem(removal, 409, "second_factor_mandatory");
    CHECK(body_json(c.Get("/api/v1/me", enrolled.reads()))["account"]["second_factor"] == true);
}

TEST_CASE("an unknown e-mail and a wrong password take the same time to refuse") {
    // The unknown e-mail must cost one password hash (against a dummy hash), as the wrong
    // password does. The hash is kept small here (8 MiB, one pass: a few milliseconds) so
    // 400 sign-ins stay quick; that is still far more than the rest of a refused sign-in (a
    // lookup and an audit row), so a path that skipped the hash, or hashed with other
    // parameters than the account's, would show as a gap of well over 20 % between medians.
    TestServer server(true, [](isp::ServerConfig& config) {
        quick_staff_config(config);
        config.sign_in_max_failures = 1'000'000; // measure the answer, not the throttle
    });
    auto c = server.client();
    c.set_keep_alive(true);
    const auto admin = bearer(create_staff_token(server, "admin"));
    const auto a = create_account(c, admin, "known@example.ma", {"ops"});
    REQUIRE(set_password(c, a.link_token, good_password)->status == 204);

    const auto timed = [&](const std::string& email) {
        const auto start = std::chrono::steady_clock::now();
        auto res = sign_in(c, email, "Wrong-password-123");
        const auto elapsed = std::chrono::steady_clock::now() - start;
        REQUIRE(res);
        CHECK(res->status == 401);
        return std::chrono::duration<double, std::milli>(elapsed).count();
    };
    for (int i = 0; i < 10; ++i) { // warm up both paths
        timed("nobody@example.ma");
        timed("known@example.ma");
    }
    std::vector<double> unknown, wrong;
    for (int i = 0; i < 200; ++i) { // interleaved, so a slow moment of the machine hits both
        unknown.push_back(timed("nobody" + std::to_string(i) + "@example.ma"));
        wrong.push_back(timed("known@example.ma"));
    }
    const double mu = median(unknown);
    const double mw = median(wrong);
    MESSAGE("median ms: unknown e-mail " << mu << ", wrong password " << mw);
    CHECK(std::fabs(mu - mw) < 0.2 * std::max(mu, mw));
}
