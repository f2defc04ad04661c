// Staff accounts (issue #12, docs/staff-accounts.md): an account's whole life through the
// API - created by an admin, password set from the link, signed in, a second factor
// enrolled and used, recovery codes, disabled - and the rules around it: links that expire
// and void each other, weak passwords, unique e-mails, admin-only account management,
// sessions that end when roles or passwords change, tokens that belong to an account.
#include <sys/wait.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <set>

#include <doctest/doctest.h>

#include "../support/openapi_check.h"
#include "../support/problem_check.h"
#include "../support/qr_decode.h"
#include "../support/server_command.h"
#include "../support/staff_session.h"
#include "../support/test_server.h"
#include "server/clock/clock.h"
#include "shared/wire/staff_session_json.h"

using namespace isp::test;

namespace {

std::string iso(std::int64_t unix_seconds) {
    return isp::Clock::iso_timestamp(unix_seconds);
}

// The attributes of a Set-Cookie header after its name=value, lower-cased: "httponly", "path=/".
std::vector<std::string> cookie_attributes(const std::string& set_cookie) {
    std::vector<std::string> out;
    std::size_t at = set_cookie.find(';');
    while (at != std::string::npos) {
        const std::size_t next = set_cookie.find(';', at + 1);
        std::string part = set_cookie.substr(at + 1, next == std::string::npos ? std::string::npos : next - at - 1);
        part.erase(0, part.find_first_not_of(' '));
        part.erase(part.find_last_not_of(' ') + 1);
        std::transform(part.begin(), part.end(), part.begin(), [](unsigned char ch) { return std::tolower(ch); });
        out.push_back(part);
        at = next;
    }
    return out;
}

bool has(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

// A 404 problem (the docs name no code for an unknown account id).
void check_not_found(const httplib::Result& res) {
    REQUIRE(res);
    CHECK_MESSAGE(res->status == 404, res->body);
    CHECK(res->get_header_value("Content-Type") == "application/problem+json");
    CHECK(body_json(res)["status"] == 404);
}

httplib::Result patch_account(httplib::Client& c, const httplib::Headers& admin, const std::string& account_id,
                              const nlohmann::json& change) {
    return c.Patch("/api/v1/staff/accounts/" + account_id, admin, change.dump(), "application/json");
}

// Code points in UTF-8 text.
std::size_t code_points(const std::string& text) {
    return static_cast<std::size_t>(std::count_if(
        text.begin(), text.end(), [](char ch) { return (static_cast<unsigned char>(ch) & 0xC0) != 0x80; }));
}

// A password from the bundled list of common ones that every other rule would let through
// (12 code points or more, 256 bytes at most, not one character repeated): the one the
// list exists to refuse.
std::string common_long_password() {
    std::ifstream list(ISP_COMMON_PASSWORDS);
    REQUIRE_MESSAGE(list, "cannot read " ISP_COMMON_PASSWORDS);
    std::string line;
    while (std::getline(list, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.empty() || line[0] == '#')
            continue;
        if (code_points(line) >= 12 && line.size() <= 256 && line.find_first_not_of(line[0]) != std::string::npos)
            return line;
    }
    FAIL("the list of common passwords has none of 12 characters or more: it refuses nothing the length rule lets "
         "through");
    return "";
}

} // namespace

TEST_CASE("an account's life: created, password from the link, signed in, TOTP enrolled and used, disabled") {
    TestServer server(true, [](isp::ServerConfig& config) {
        quick_staff_config(config);
        config.sign_in_max_failures = 100; // this test fails on purpose more than five times
    });
    auto c = server.client();
    const OpenApi api = served_description(c);
    const auto admin = bearer(create_staff_token(server, "admin", "Alice"));

    // The admin creates the account: no password yet, a link valid 24 hours.
    const nlohmann::json body = {
        {"email", "Nadia.Alami@example.ma"}, {"display_name", "Nadia Alami"}, {"roles", {"ops"}}, {"language", "fr"}};
    auto created = c.Post("/api/v1/staff/accounts", admin, body.dump(), "application/json");
    check_described(api, "post", "/staff/accounts", created);
    REQUIRE(created->status == 201);
    const auto account = body_json(created)["account"];
    const std::string id = account["account_id"];
    CHECK(id.rfind("stf_", 0) == 0);
    CHECK(account["email"] == "Nadia.Alami@example.ma"); // kept as typed
    CHECK(account["display_name"] == "Nadia Alami");
    CHECK(account["roles"] == nlohmann::json::array({"ops"}));
    CHECK(account["language"] == "fr");
    CHECK(account["state"] == "active");
    CHECK(account["second_factor"] == false);
    CHECK(account["created_at"] == iso(default_now));
    const auto link = body_json(created)["password_link"];
    CHECK(link["url"].get<std::string>().find("/staff/#set-password=") != std::string::npos);
    CHECK(link["expires_at"] == iso(default_now + 24 * 3600));
    check_described(api, "get", "/staff/accounts/{account_id}", c.Get("/api/v1/staff/accounts/" + id, admin));

    // No password yet: signing in fails as for anyone.
    check_problem(sign_in(c, "nadia.alami@example.ma", good_password), 401, "sign_in_failed");

    // The password is set once from the link; the link is then spent.
    const std::string token = link_token_of(link["url"]);
    auto set = set_password(c, token, good_password);
    check_described(api, "post", "/staff/password", set);
    CHECK(set->status == 204);
    auto again = set_password(c, token, "Another-good-pass-42");
    check_described(api, "post", "/staff/password", again);
    check_problem(again, 400, "password_link_invalid");

    // Sign-in, with the e-mail in another case: the cookie a browser keeps, and no more.
    auto first = sign_in(c, "nadia.alami@example.ma", good_password);
    check_described(api, "post", "/staff/session", first);
    REQUIRE(first->status == 200);
    const std::string set_cookie = staff_set_cookie(first);
    REQUIRE_FALSE(set_cookie.empty());
    const auto attributes = cookie_attributes(set_cookie);
    CHECK(has(attributes, "httponly"));
    CHECK(has(attributes, "samesite=strict"));
    CHECK(has(attributes, "path=/"));
    CHECK_FALSE(has(attributes, "secure")); // plain http here
    const auto session = body_json(first);
    CHECK(session["account"]["account_id"] == id);
    CHECK_FALSE(session["csrf_token"].get<std::string>().empty());
    CHECK(session["expires_at"] == iso(default_now + 12 * 3600));
    CHECK(session["idle_timeout_seconds"] == 1800);
    CHECK(session["second_factor_enrolment_required"] == false);
    const std::string session_id = set_cookie.substr(14, set_cookie.find(';') - 14); // after "staff_session="
    CHECK(session_id.size() >= 43);                                                  // 32 random bytes, however encoded
    CHECK(first->body.find(session_id) == std::string::npos); // the id travels only in the cookie

    StaffBrowser nadia = signed_in(server, c, "nadia.alami@example.ma", good_password);
    auto me = c.Get("/api/v1/me", nadia.reads());
    check_described(api, "get", "/me", me);
    REQUIRE(me->status == 200);
    CHECK(body_json(me)["authenticated_by"] == "session");
    CHECK(body_json(me)["account"]["account_id"] == id);
    CHECK(body_json(me)["account"]["last_sign_in_at"] == iso(default_now));
    check_problem(c.Post("/api/v1/staff/me/recovery-codes", nadia.writes(),
                         nlohmann::json{{"password", good_password}, {"code", "123456"}}.dump(), "application/json"),
                  409, "totp_not_enrolled");
    CHECK(body_json(me)["roles"] == nlohmann::json::array({"ops"}));
    CHECK(body_json(me)["csrf_token"] == nadia.csrf_token);
    CHECK(body_json(me)["token_id"].is_null());

    // Enrolment: the password again, then the secret, then a first code.
    auto wrong_password = c.Post("/api/v1/staff/me/totp", nadia.writes(),
                                 nlohmann::json{{"password", "Not-her-password-1"}}.dump(), "application/json");
    check_described(api, "post", "/staff/me/totp", wrong_password);
    check_problem(wrong_password, 403, "password_incorrect");
    auto started = c.Post("/api/v1/staff/me/totp", nadia.writes(), nlohmann::json{{"password", good_password}}.dump(),
                          "application/json");
    check_described(api, "post", "/staff/me/totp", started);
    REQUIRE(started->status == 200);
    const std::string secret = body_json(started)["secret"];
    const std::string uri = body_json(started)["otpauth_uri"];
    CHECK(uri.rfind("otpauth://totp/", 0) == 0);
    CHECK(uri.find("secret=" + secret) != std::string::npos);
    // Its QR code, for the console to draw: what a phone reads from it is the URI.
    const isp::QrCode qr = isp::wire::qr_code_from_json(body_json(started)["qr_code"]);
    CHECK(isp::test::has_finder_patterns(qr));
    CHECK(isp::test::decode_qr(qr, "staff-totp-enrolment") == uri);
    // Not enrolled until a first code confirms it.
    CHECK(body_json(c.Get("/api/v1/me", nadia.reads()))["account"]["second_factor"] == false);

    std::int64_t now = default_now;
    auto bad_confirm = c.Post("/api/v1/staff/me/totp/confirm", nadia.writes(),
                              nlohmann::json{{"code", wrong_totp_code(secret, now)}}.dump(), "application/json");
    check_described(api, "post", "/staff/me/totp/confirm", bad_confirm);
    CHECK((bad_confirm->status == 400 || bad_confirm->status == 401));
    CHECK(body_json(bad_confirm)["code"] == "second_factor_invalid");
    auto confirmed = c.Post("/api/v1/staff/me/totp/confirm", nadia.writes(),
                            nlohmann::json{{"code", totp_code(secret, now)}}.dump(), "application/json");
    check_described(api, "post", "/staff/me/totp/confirm", confirmed);
    REQUIRE(confirmed->status == 200);
    const auto codes = body_json(confirmed)["recovery_codes"].get<std::vector<std::string>>();
    CHECK(codes.size() == 10);
    CHECK(std::set<std::string>(codes.begin(), codes.end()).size() == 10);
    for (const auto& code : codes)
        CHECK(code.size() >= 8);
    CHECK(body_json(c.Get("/api/v1/me", nadia.reads()))["account"]["second_factor"] == true);
    auto twice = c.Post("/api/v1/staff/me/totp", nadia.writes(), nlohmann::json{{"password", good_password}}.dump(),
                        "application/json");
    check_problem(twice, 409, "totp_already_enrolled");

    // Sign out: the cookie is cleared and the session is over on the server too.
    auto out = c.Delete("/api/v1/staff/session", nadia.writes());
    check_described(api, "delete", "/staff/session", out);
    CHECK(out->status == 204);
    const auto cleared = cookie_attributes(staff_set_cookie(out));
    CHECK((has(cleared, "max-age=0") || std::any_of(cleared.begin(), cleared.end(), [](const std::string& a) {
               return a.rfind("expires=", 0) == 0 && a.find("1970") != std::string::npos;
           })));
    check_problem(c.Get("/api/v1/me", nadia.reads()), 401, "authentication_required");

    // From now on the password alone is not enough.
    server.clock().advance(30);
    now += 30;
    auto no_code = sign_in(c, "nadia.alami@example.ma", good_password);
    check_described(api, "post", "/staff/session", no_code);
    check_problem(no_code, 401, "second_factor_required");
    CHECK(staff_set_cookie(no_code).empty());
    check_problem(sign_in(c, "nadia.alami@example.ma", good_password, wrong_totp_code(secret, now)), 401,
                  "second_factor_invalid");
    const std::string code = totp_code(secret, now);
    auto with_code = sign_in(c, "nadia.alami@example.ma", good_password, code);
    CHECK(with_code->status == 200);
    CHECK_FALSE(staff_set_cookie(with_code).empty());
    // The same code twice: refused, even within its 30 seconds.
    check_problem(sign_in(c, "nadia.alami@example.ma", good_password, code), 401, "second_factor_invalid");
    // A wrong password with the right code is still a failed sign-in, not a second factor's failure.
    check_problem(sign_in(c, "nadia.alami@example.ma", "Not-her-password-1", totp_code(secret, now + 30)), 401,
                  "sign_in_failed");

    // A recovery code instead of the authenticator, once.
    auto recovered = sign_in(c, "nadia.alami@example.ma", good_password, std::nullopt, codes[3]);
    REQUIRE(recovered->status == 200);
    const StaffBrowser latest = browser_of(server, recovered, "nadia.alami@example.ma", good_password);
    check_problem(sign_in(c, "nadia.alami@example.ma", good_password, std::nullopt, codes[3]), 401,
                  "second_factor_invalid");
    CHECK(c.Get("/api/v1/me", latest.reads())->status == 200);

    // Codes lost (or their answer lost at enrolment): new ones, with the password and a
    // current code; the old ones stop at once.
    server.clock().advance(30);
    now += 30;
    const auto replace = [&](const std::string& password, const std::string& totp) {
        return c.Post("/api/v1/staff/me/recovery-codes", latest.writes(),
                      nlohmann::json{{"password", password}, {"code", totp}}.dump(), "application/json");
    };
    auto wrong_password_again = replace("Not-her-password-1", totp_code(secret, now));
    check_described(api, "post", "/staff/me/recovery-codes", wrong_password_again);
    check_problem(wrong_password_again, 403, "password_incorrect");
    check_problem(replace(good_password, wrong_totp_code(secret, now)), 401, "second_factor_invalid");
    auto replaced = replace(good_password, totp_code(secret, now));
    check_described(api, "post", "/staff/me/recovery-codes", replaced);
    REQUIRE(replaced->status == 200);
    const auto fresh = body_json(replaced)["recovery_codes"].get<std::vector<std::string>>();
    CHECK(fresh.size() == 10);
    for (const auto& fresh_code : fresh)
        CHECK(std::find(codes.begin(), codes.end(), fresh_code) == codes.end());
    // The same 30-second code does not make new codes twice.
    check_problem(replace(good_password, totp_code(secret, now)), 401, "second_factor_invalid");
    check_problem(sign_in(c, "nadia.alami@example.ma", good_password, std::nullopt, codes[5]), 401,
                  "second_factor_invalid");
    CHECK(sign_in(c, "nadia.alami@example.ma", good_password, std::nullopt, fresh[5])->status == 200);

    // The admin disables the account: its session stops at once, and it cannot sign in.
    auto disabled = patch_account(c, admin, id, {{"state", "disabled"}});
    check_described(api, "patch", "/staff/accounts/{account_id}", disabled);
    REQUIRE(disabled->status == 200);
    CHECK(body_json(disabled)["state"] == "disabled");
    check_problem(c.Get("/api/v1/me", latest.reads()), 401, "authentication_required");
    check_problem(c.Get("/api/v1/customers", latest.reads()), 401, "authentication_required");
    server.clock().advance(60);
    now += 60;
    auto refused = sign_in(c, "nadia.alami@example.ma", good_password, totp_code(secret, now));
    check_problem(refused, 401, "sign_in_failed");
    CHECK(staff_set_cookie(refused).empty());
    CHECK(body_json(c.Get("/api/v1/staff/accounts/" + id, admin))["state"] == "disabled");
}

TEST_CASE("a password link works for 24 hours, once, and a newer link voids the older ones") {
    TestServer server(true, quick_staff_config);
    auto c = server.client();
    const OpenApi api = served_description(c);
    const auto admin = bearer(create_staff_token(server, "admin"));
    const auto late = create_account(c, admin, "late@example.ma", {"viewer"});
    const auto timely = create_account(c, admin, "timely@example.ma", {"viewer"});

    server.clock().advance(24 * 3600 - 1);
    CHECK(set_password(c, timely.link_token, good_password)->status == 204);
    server.clock().advance(2); // 24 h and 1 s after the links were made
    auto expired = set_password(c, late.link_token, good_password);
    check_described(api, "post", "/staff/password", expired);
    check_problem(expired, 410, "password_link_expired");
    check_problem(sign_in(c, "late@example.ma", good_password), 401, "sign_in_failed");

    // The admin makes a new link (a reset); a second one voids it.
    const std::string path = "/api/v1/staff/accounts/" + late.account_id + "/password-link";
    auto second = c.Post(path, admin, "{}", "application/json");
    check_described(api, "post", "/staff/accounts/{account_id}/password-link", second);
    REQUIRE(second->status == 201);
    CHECK(body_json(second)["expires_at"] == iso(server.clock().now_unix() + 24 * 3600));
    auto third = c.Post(path, admin, "{}", "application/json");
    REQUIRE(third->status == 201);
    const std::string second_token = link_token_of(body_json(second)["url"]);
    const std::string third_token = link_token_of(body_json(third)["url"]);
    CHECK(second_token != third_token);
    check_problem(set_password(c, second_token, good_password), 400, "password_link_invalid");
    CHECK(set_password(c, third_token, good_password)->status == 204);
    CHECK(sign_in(c, "late@example.ma", good_password)->status == 200);

    // A reset link for an account that has a password: using it replaces the password and
    // ends the sessions signed in with the old one.
    const StaffBrowser before = signed_in(server, c, "timely@example.ma", good_password);
    auto reset =
        c.Post("/api/v1/staff/accounts/" + timely.account_id + "/password-link", admin, "{}", "application/json");
    REQUIRE(reset->status == 201);
    CHECK(set_password(c, link_token_of(body_json(reset)["url"]), "Couscous-du-vendredi-7")->status == 204);
    check_problem(c.Get("/api/v1/me", before.reads()), 401, "authentication_required");
    check_problem(sign_in(c, "timely@example.ma", good_password), 401, "sign_in_failed");
    CHECK(sign_in(c, "timely@example.ma", "Couscous-du-vendredi-7")->status == 200);

    check_not_found(c.Post("/api/v1/staff/accounts/stf_nope/password-link", admin, "{}", "application/json"));
    check_problem(set_password(c, "not-a-token", good_password), 400, "password_link_invalid");
}

TEST_CASE("a password link's url is the public url's /staff/ page with the token in the fragment") {
    TestServer server(true, [](isp::ServerConfig& config) {
        quick_staff_config(config);
        config.public_url = "https://portal.example.ma";
    });
    auto c = server.client();
    const auto admin = bearer(create_staff_token(server, "admin"));
    const auto a = create_account(c, admin, "fragment@example.ma", {"viewer"});
    CHECK(a.link_url.rfind("https://portal.example.ma/staff/#set-password=", 0) == 0);
    CHECK(a.link_token.size() >= 32);
    const auto b = create_account(c, admin, "other@example.ma", {"viewer"});
    CHECK(a.link_token != b.link_token);
}

TEST_CASE("weak passwords are refused with the error on the password, and the link still works after") {
    TestServer server(true, quick_staff_config);
    auto c = server.client();
    const auto admin = bearer(create_staff_token(server, "admin"));
    const auto account = create_account(c, admin, "weak@example.ma", {"ops"});

    const std::string too_long = std::string(200, 'x') + std::string(57, 'y'); // 257 bytes
    const std::string common = common_long_password();
    for (const std::string& weak : {std::string("Short-pw-1"),                 // 10 characters
                                    std::string("F\u00e8s-\u00e9t\u00e9-123"), // 11 characters in 14 bytes
                                    std::string("aaaaaaaaaaaaaaaa"),           // one character repeated
                                    too_long, common}) {
        CAPTURE(weak);
        auto res = set_password(c, account.link_token, weak);
        check_problem(res, 400, "validation_failed");
        CHECK(error_fields(res) == std::vector<std::string>{"password"});
    }
    check_problem(sign_in(c, "weak@example.ma", common), 401, "sign_in_failed");
    // 12 characters are enough, counted as characters (this one is 16 bytes).
    CHECK(set_password(c, account.link_token, "F\u00e8s-\u00e9t\u00e9-1234")->status == 204);
    CHECK(sign_in(c, "weak@example.ma", "F\u00e8s-\u00e9t\u00e9-1234")->status == 200);
}

TEST_CASE("an e-mail belongs to one account whatever its case; account bodies are checked field by field") {
    TestServer server(true, quick_staff_config);
    auto c = server.client();
    const OpenApi api = served_description(c);
    const auto admin = bearer(create_staff_token(server, "admin"));
    const auto karim = create_account(c, admin, "Karim.Idrissi@example.ma", {"ops"});
    CHECK(karim.account["email"] == "Karim.Idrissi@example.ma");

    const nlohmann::json twin = {{"email", "karim.idrissi@EXAMPLE.ma"},
                                 {"display_name", "Karim bis"},
                                 {"roles", {"viewer"}},
                                 {"language", "en"}};
    auto taken = c.Post("/api/v1/staff/accounts", admin, twin.dump(), "application/json");
    check_described(api, "post", "/staff/accounts", taken);
    check_problem(taken, 409, "email_taken");

    const nlohmann::json wrong = {
        {"email", "not-an-email"}, {"display_name", "  "}, {"roles", {"ops", "root"}}, {"language", "de"}};
    auto invalid = c.Post("/api/v1/staff/accounts", admin, wrong.dump(), "application/json");
    check_described(api, "post", "/staff/accounts", invalid);
    check_problem(invalid, 400, "validation_failed");
    const auto fields = error_fields(invalid);
    for (const char* field : {"email", "display_name", "roles", "language"})
        CHECK_MESSAGE(std::find(fields.begin(), fields.end(), field) != fields.end(), field);
    auto no_role = c.Post(
        "/api/v1/staff/accounts", admin,
        nlohmann::json{{"email", "x@example.ma"}, {"display_name", "X"}, {"roles", nlohmann::json::array()}}.dump(),
        "application/json");
    check_problem(no_role, 400, "validation_failed");
    CHECK(error_fields(no_role) == std::vector<std::string>{"roles"});
    check_problem(c.Post("/api/v1/staff/accounts", admin, "{}", "application/json"), 400, "validation_failed");

    auto bad_change = c.Patch("/api/v1/staff/accounts/" + karim.account_id, admin,
                              nlohmann::json{{"roles", {"superuser"}}, {"state", "gone"}}.dump(), "application/json");
    check_described(api, "patch", "/staff/accounts/{account_id}", bad_change);
    check_problem(bad_change, 400, "validation_failed");
    const auto change_fields = error_fields(bad_change);
    CHECK(std::set<std::string>(change_fields.begin(), change_fields.end()) == std::set<std::string>{"roles", "state"});
    auto unknown = c.Patch("/api/v1/staff/accounts/stf_nope", admin, nlohmann::json{{"state", "disabled"}}.dump(),
                           "application/json");
    check_described(api, "patch", "/staff/accounts/{account_id}", unknown);
    check_not_found(unknown);
    auto missing = c.Get("/api/v1/staff/accounts/stf_nope", admin);
    check_described(api, "get", "/staff/accounts/{account_id}", missing);
    check_not_found(missing);

    // Nothing of the refused requests was created; the list shows the one account.
    auto list = c.Get("/api/v1/staff/accounts?per_page=100", admin);
    check_described(api, "get", "/staff/accounts", list);
    REQUIRE(list->status == 200);
    CHECK(body_json(list)["pagination"]["total"] == 1);
    CHECK(body_json(list)["data"][0]["email"] == "Karim.Idrissi@example.ma");
    check_described(api, "get", "/staff/accounts", c.Get("/api/v1/staff/accounts?per_page=0", admin));
}

TEST_CASE("only admins manage accounts: viewer and ops get 403, by token and by session") {
    TestServer server(true, quick_staff_config);
    auto c = server.client();
    const OpenApi api = served_description(c);
    const auto admin = bearer(create_staff_token(server, "admin"));
    const auto target = create_account(c, admin, "target@example.ma", {"viewer"});
    const StaffBrowser ops_person = new_signed_in_account(server, c, admin, "ops@example.ma", {"ops"});
    const StaffBrowser viewer_person = new_signed_in_account(server, c, admin, "viewer@example.ma", {"viewer"});

    const std::string one = "/api/v1/staff/accounts/" + target.account_id;
    const nlohmann::json body = {{"email", "new@example.ma"}, {"display_name", "New"}, {"roles", {"admin"}}};
    const auto attempts = [&](const httplib::Headers& reads, const httplib::Headers& writes) {
        std::vector<httplib::Result> out;
        out.push_back(c.Get("/api/v1/staff/accounts", reads));
        out.push_back(c.Post("/api/v1/staff/accounts", writes, body.dump(), "application/json"));
        out.push_back(c.Get(one, reads));
        out.push_back(c.Patch(one, writes, nlohmann::json{{"roles", {"admin"}}}.dump(), "application/json"));
        out.push_back(c.Post(one + "/password-link", writes, "{}", "application/json"));
        out.push_back(c.Get("/api/v1/staff/audit", reads));
        return out;
    };
    const auto viewer_token = bearer(create_staff_token(server, "viewer"));
    const auto ops_token = bearer(create_staff_token(server, "ops"));
    for (const auto& [who, reads, writes] : std::vector<std::tuple<std::string, httplib::Headers, httplib::Headers>>{
             {"viewer token", viewer_token, viewer_token},
             {"ops token", ops_token, ops_token},
             {"ops session", ops_person.reads(), ops_person.writes()},
             {"viewer session", viewer_person.reads(), viewer_person.writes()}}) {
        CAPTURE(who);
        for (const auto& res : attempts(reads, writes))
            check_problem(res, 403, "forbidden_role");
    }
    // Nothing changed: the target is still a viewer, no account was made.
    const auto still = body_json(c.Get(one, admin));
    CHECK(still["roles"] == nlohmann::json::array({"viewer"}));
    CHECK(body_json(c.Get("/api/v1/staff/accounts", admin))["pagination"]["total"] == 3);
    CHECK(c.Get("/api/v1/staff/audit", admin)->status == 200);
}

TEST_CASE("changing roles ends the account's sessions; changing its name does not") {
    TestServer server(true, quick_staff_config);
    auto c = server.client();
    const auto admin = bearer(create_staff_token(server, "admin"));
    const StaffBrowser omar = new_signed_in_account(server, c, admin, "omar@example.ma", {"ops"});
    const std::string one = "/api/v1/staff/accounts/" + omar.account_id;

    auto renamed = c.Patch(one, admin, nlohmann::json{{"display_name", "Omar Benali"}}.dump(), "application/json");
    REQUIRE(renamed->status == 200);
    CHECK(body_json(renamed)["display_name"] == "Omar Benali");
    CHECK(body_json(renamed)["roles"] == nlohmann::json::array({"ops"})); // absent fields unchanged
    CHECK(c.Get("/api/v1/me", omar.reads())->status == 200);

    auto demoted = c.Patch(one, admin, nlohmann::json{{"roles", {"viewer"}}}.dump(), "application/json");
    REQUIRE(demoted->status == 200);
    CHECK(body_json(demoted)["roles"] == nlohmann::json::array({"viewer"}));
    check_problem(c.Get("/api/v1/me", omar.reads()), 401, "authentication_required");

    // Signed in again, Omar has the new role only.
    const StaffBrowser again = signed_in(server, c, "omar@example.ma", good_password);
    CHECK(body_json(c.Get("/api/v1/me", again.reads()))["roles"] == nlohmann::json::array({"viewer"}));
    CHECK(c.Get("/api/v1/customers", again.reads())->status == 200);
    check_problem(c.Post("/api/v1/offers", again.writes(), "{}", "application/json"), 403, "forbidden_role");
}

TEST_CASE("changing one's password ends the account's other sessions, not the one that changed it") {
    TestServer server(true, quick_staff_config);
    auto c = server.client();
    const OpenApi api = served_description(c);
    const auto admin = bearer(create_staff_token(server, "admin"));
    const StaffBrowser laptop = new_signed_in_account(server, c, admin, "salma@example.ma", {"ops"});
    const StaffBrowser phone = signed_in(server, c, "salma@example.ma", good_password);
    const auto change = [&](const std::string& current, const std::string& next) {
        return c.Post("/api/v1/staff/me/password", laptop.writes(),
                      nlohmann::json{{"current_password", current}, {"new_password", next}}.dump(), "application/json");
    };

    auto wrong = change("Not-her-password-1", "Harira-et-chebakia-9");
    check_described(api, "post", "/staff/me/password", wrong);
    check_problem(wrong, 403, "password_incorrect");
    auto weak = change(good_password, "short-1");
    check_described(api, "post", "/staff/me/password", weak);
    check_problem(weak, 400, "validation_failed");
    CHECK(error_fields(weak) == std::vector<std::string>{"new_password"});
    CHECK(c.Get("/api/v1/me", phone.reads())->status == 200); // refusals changed nothing

    auto changed = change(good_password, "Harira-et-chebakia-9");
    check_described(api, "post", "/staff/me/password", changed);
    CHECK(changed->status == 204);
    CHECK(c.Get("/api/v1/me", laptop.reads())->status == 200);
    check_problem(c.Get("/api/v1/me", phone.reads()), 401, "authentication_required");
    check_problem(sign_in(c, "salma@example.ma", good_password), 401, "sign_in_failed");
    CHECK(sign_in(c, "salma@example.ma", "Harira-et-chebakia-9")->status == 200);
}

TEST_CASE("token create --account: the token acts with the roles both hold and stops when the account is disabled") {
    TestServer server(true, quick_staff_config);
    auto c = server.client();
    const auto admin = bearer(create_staff_token(server, "admin"));
    const auto omar = create_account(c, admin, "omar@example.ma", {"ops"});

    const auto [rc, out] = run_portal_server("token create --name 'Nightly export' --roles admin,ops --account "
                                             "omar@example.ma --db '" +
                                             server.db_path() + "'");
    REQUIRE_MESSAGE(rc == 0, out);
    const auto at = out.find("token: ");
    REQUIRE(at != std::string::npos);
    const std::string token = out.substr(at + 7, out.find('\n', at) - at - 7);
    CHECK(token.rfind("pst_stk_", 0) == 0);

    auto me = c.Get("/api/v1/me", bearer(token));
    REQUIRE(me->status == 200);
    CHECK(body_json(me)["authenticated_by"] == "token");
    CHECK(body_json(me)["account"]["account_id"] == omar.account_id);
    CHECK(body_json(me)["roles"] == nlohmann::json::array({"ops"})); // admin is the token's, not the account's
    check_problem(c.Get("/api/v1/admin/ping", bearer(token)), 403, "forbidden_role");
    check_problem(c.Get("/api/v1/staff/accounts", bearer(token)), 403, "forbidden_role");
    CHECK(c.Get("/api/v1/customers", bearer(token))->status == 200);

    // A token for nobody is not made.
    CHECK(run_portal_server("token create --name x --roles ops --account nobody@example.ma --db '" + server.db_path() +
                            "'")
              .first != 0);

    REQUIRE(patch_account(c, admin, omar.account_id, {{"state", "disabled"}})->status == 200);
    check_problem(c.Get("/api/v1/me", bearer(token)), 401, "authentication_required");
    check_problem(c.Get("/api/v1/customers", bearer(token)), 401, "authentication_required");
    // A token of no account works as before.
    CHECK(c.Get("/api/v1/me", admin)->status == 200);
    CHECK(body_json(c.Get("/api/v1/me", admin))["account"].is_null());
}
