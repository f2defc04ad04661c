#include "staff_session.h"

#include <algorithm>

#include <doctest/doctest.h>

#include "server/security/totp.h"

namespace isp::test {

void quick_staff_config(ServerConfig& config) {
    config.password_hash_memory_kib = 8192;
    config.password_hash_iterations = 1;
}

CreatedAccount create_account(httplib::Client& c, const httplib::Headers& admin, const std::string& email,
                              const std::vector<std::string>& roles, const std::string& display_name) {
    const nlohmann::json body = {
        {"email", email}, {"display_name", display_name}, {"roles", roles}, {"language", "fr"}};
    auto res = c.Post("/api/v1/staff/accounts", admin, body.dump(), "application/json");
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 201, res->body);
    const auto j = body_json(res);
    CreatedAccount out;
    out.account = j["account"];
    out.account_id = j["account"]["account_id"];
    out.link_url = j["password_link"]["url"];
    out.link_expires_at = j["password_link"]["expires_at"];
    out.link_token = link_token_of(out.link_url);
    return out;
}

std::string link_token_of(const std::string& url) {
    constexpr std::string_view marker = "#set-password=";
    const auto at = url.find(marker);
    REQUIRE_MESSAGE(at != std::string::npos, url);
    return url.substr(at + marker.size());
}

httplib::Result set_password(httplib::Client& c, const std::string& token, const std::string& password) {
    return c.Post("/api/v1/staff/password", nlohmann::json{{"token", token}, {"password", password}}.dump(),
                  "application/json");
}

httplib::Result sign_in(httplib::Client& c, const std::string& email, const std::string& password,
                        const std::optional<std::string>& totp_code, const std::optional<std::string>& recovery_code,
                        const httplib::Headers& extra) {
    nlohmann::json body = {{"email", email}, {"password", password}};
    if (totp_code)
        body["totp_code"] = *totp_code;
    if (recovery_code)
        body["recovery_code"] = *recovery_code;
    return c.Post("/api/v1/staff/session", extra, body.dump(), "application/json");
}

std::string staff_set_cookie(const httplib::Result& res) {
    REQUIRE(res);
    const auto range = res->headers.equal_range("Set-Cookie");
    for (auto it = range.first; it != range.second; ++it)
        if (it->second.rfind("staff_session=", 0) == 0)
            return it->second;
    return "";
}

httplib::Headers StaffBrowser::reads() const {
    return {{"Cookie", cookie}};
}

httplib::Headers StaffBrowser::writes() const {
    return {{"Cookie", cookie}, {"Origin", origin}, {"X-CSRF-Token", csrf_token}, {"Idempotency-Key", new_key()}};
}

StaffBrowser browser_of(const TestServer& server, const httplib::Result& res, const std::string& email,
                        const std::string& password) {
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 200, res->body);
    const std::string set_cookie = staff_set_cookie(res);
    REQUIRE_FALSE(set_cookie.empty());
    StaffBrowser out;
    out.session = body_json(res);
    out.account_id = out.session["account"]["account_id"];
    out.email = email;
    out.password = password;
    out.cookie = set_cookie.substr(0, set_cookie.find(';'));
    out.csrf_token = out.session["csrf_token"];
    out.origin = "http://127.0.0.1:" + std::to_string(server.port());
    return out;
}

StaffBrowser signed_in(TestServer& server, httplib::Client& c, const std::string& email, const std::string& password,
                       const std::optional<std::string>& totp_code) {
    return browser_of(server, sign_in(c, email, password, totp_code), email, password);
}

StaffBrowser new_signed_in_account(TestServer& server, httplib::Client& c, const httplib::Headers& admin,
                                   const std::string& email, const std::vector<std::string>& roles,
                                   const std::string& password) {
    const auto created = create_account(c, admin, email, roles);
    auto set = set_password(c, created.link_token, password);
    REQUIRE(set);
    REQUIRE_MESSAGE(set->status == 204, set->body);
    return signed_in(server, c, email, password);
}

std::string totp_code(const std::string& secret, std::int64_t unix_seconds) {
    const auto key = security::base32_decode(secret);
    REQUIRE_MESSAGE(key, "the TOTP secret is not base32: " << secret);
    return security::hotp_code(*key, static_cast<std::uint64_t>(unix_seconds / 30));
}

std::string wrong_totp_code(const std::string& secret, std::int64_t unix_seconds) {
    const std::string accepted[] = {totp_code(secret, unix_seconds - 30), totp_code(secret, unix_seconds),
                                    totp_code(secret, unix_seconds + 30)};
    for (char d = '0'; d <= '9'; ++d) {
        const std::string candidate(6, d);
        if (std::find(std::begin(accepted), std::end(accepted), candidate) == std::end(accepted))
            return candidate;
    }
    FAIL("no wrong code found");
    return "";
}

} // namespace isp::test
