// What a stranger can learn about a CIN, and what they can do to its owner (issue #16,
// findings 3, 8 and 10): the public answers are the same for a customer's CIN and a
// stranger's; other people's failed guesses cannot lock the customer out of the browser
// they proved themselves from; a lookup token has one spelling.
#include <doctest/doctest.h>

#include "../support/test_server.h"

using namespace isp::test;

namespace {

nlohmann::json signup(const std::string& cin, const std::string& line) {
    return {{"offer_id", "ofr_mobile_confort"},
            {"cin", cin},
            {"first_name", "Nadia"},
            {"last_name", "Bennani"},
            {"phone", "0677889900"},
            {"email", "nadia@example.ma"},
            {"address", "5, rue de Fès, Rabat"},
            {"service_identifier", line},
            {"contract_start_date", "2026-12-01"},
            {"commitment_months", 12},
            {"language", "fr"}};
}

httplib::Result verify(httplib::Client& c, const std::string& cin, const std::string& line,
                       const std::string& forwarded_for = "", const std::string& cookie = "") {
    httplib::Headers headers;
    if (!forwarded_for.empty())
        headers.emplace("X-Forwarded-For", forwarded_for);
    if (!cookie.empty())
        headers.emplace("Cookie", cookie);
    return c.Post("/api/v1/landing/clients/verify-cin", headers,
                  nlohmann::json{{"cin", cin}, {"service_identifier", line}}.dump(), "application/json");
}

// "isp_device=<token>" from a Set-Cookie, ready for a Cookie header.
std::string device_cookie_of(const httplib::Result& res) {
    const std::string set = res->get_header_value("Set-Cookie");
    return set.substr(0, set.find(';'));
}

} // namespace

TEST_CASE("submit/new: a line that is taken gets the same answer with a customer's CIN and a stranger's") {
    TestServer server;
    auto c = server.client();
    // Amina (AB123456) is a customer; ZZ999999 is nobody. 0612345678 is Amina's line.
    auto known = c.Post("/api/v1/landing/submit/new", {{"Idempotency-Key", new_key()}},
                        signup("AB123456", "0612345678").dump(), "application/json");
    auto unknown = c.Post("/api/v1/landing/submit/new", {{"Idempotency-Key", new_key()}},
                          signup("ZZ999999", "0612345678").dump(), "application/json");
    REQUIRE(known);
    REQUIRE(unknown);
    CHECK(known->status == 409);
    CHECK(unknown->status == 409);
    CHECK(body_json(known)["code"] == "service_identifier_in_use");
    CHECK(body_but_request_id(known) == body_but_request_id(unknown));
}

TEST_CASE("lockout: strangers' failures lock the CIN for new browsers, never for the customer's own") {
    TestServer server(true, [](isp::ServerConfig& config) {
        config.trusted_proxies = {"127.0.0.1"};
        config.verify_max_failures = 5;
    });
    auto c = server.client();

    // The customer proves who they are once, from home: the browser keeps a device cookie.
    auto first = verify(c, "AB123456", "0612345678", "198.51.100.10");
    REQUIRE(first);
    REQUIRE(first->status == 200);
    const std::string set_cookie = first->get_header_value("Set-Cookie");
    CHECK(set_cookie.rfind("isp_device=", 0) == 0);
    CHECK(set_cookie.find("HttpOnly") != std::string::npos);
    CHECK(set_cookie.find("SameSite=Strict") != std::string::npos);
    CHECK(set_cookie.find("Path=/api/v1/landing") != std::string::npos);
    CHECK(set_cookie.find("AB123456") == std::string::npos); // no personal data in it
    const std::string cookie = device_cookie_of(first);

    // The attacker's side: five wrong lines from five addresses, then the CIN is locked for
    // any browser without the customer's cookie, right details included.
    for (int i = 0; i < 5; ++i) {
        auto res = verify(c, "AB123456", "060000000" + std::to_string(i), "203.0.113." + std::to_string(i + 1));
        REQUIRE(res);
        CHECK(res->status == 401);
    }
    auto locked = verify(c, "AB123456", "0612345678", "203.0.113.99");
    REQUIRE(locked);
    CHECK(locked->status == 429);
    CHECK_FALSE(locked->get_header_value("Retry-After").empty());
    // A cookie made up, or taken from another CIN's proof, does not open the lock.
    CHECK(verify(c, "AB123456", "0612345678", "203.0.113.99", "isp_device=4102444800.forged")->status == 429);
    auto youssef = verify(c, "BE654321", "0535123456", "203.0.113.98");
    REQUIRE(youssef->status == 200);
    CHECK(verify(c, "AB123456", "0612345678", "203.0.113.99", device_cookie_of(youssef))->status == 429);

    // The customer's side: from the browser that proved the CIN before, the right details
    // still work, from any address (a phone moves between networks).
    auto mine = verify(c, "AB123456", "0612345678", "192.0.2.50", cookie);
    REQUIRE(mine);
    CHECK(mine->status == 200);
    CHECK(body_json(mine)["client_id"] == "cli_demo_amina");

    // The document link's proof (CIN + line) shares the same rules.
    auto subs = c.Get("/api/v1/landing/clients/AB123456/subscriptions?lookup_token=" +
                      body_json(mine)["lookup_token"].get<std::string>());
    const std::string contract_id = body_json(subs)["subscriptions"][0]["contract_id"];
    const nlohmann::json proof = {{"cin", "AB123456"}, {"service_identifier", "0612345678"}};
    auto link_locked = c.Post("/api/v1/landing/contracts/" + contract_id + "/document-link",
                              {{"X-Forwarded-For", "203.0.113.99"}}, proof.dump(), "application/json");
    CHECK(link_locked->status == 429);
    auto link_mine = c.Post("/api/v1/landing/contracts/" + contract_id + "/document-link",
                            {{"X-Forwarded-For", "192.0.2.50"}, {"Cookie", "theme=dark; " + cookie}}, proof.dump(),
                            "application/json");
    CHECK(link_mine->status == 200);

    // A stolen device cookie is no master key: its own failures are limited too.
    for (int i = 0; i < 5; ++i)
        CHECK(verify(c, "AB123456", "061111111" + std::to_string(i), "192.0.2.51", cookie)->status == 401);
    CHECK(verify(c, "AB123456", "0612345678", "192.0.2.51", cookie)->status == 429);

    // The window passes: everyone may try again.
    server.clock().advance(15 * 60 + 1);
    CHECK(verify(c, "AB123456", "0612345678", "203.0.113.99")->status == 200);
}

TEST_CASE("a lookup token has one spelling: a leading zero in its expiry is refused") {
    TestServer server;
    auto c = server.client();
    auto res = verify(c, "AB123456", "0612345678");
    REQUIRE(res->status == 200);
    const std::string token = body_json(res)["lookup_token"];
    const auto subscriptions = [&](const std::string& t) {
        return c.Get("/api/v1/landing/clients/AB123456/subscriptions?lookup_token=" + t);
    };
    CHECK(subscriptions(token)->status == 200);
    const auto dot = token.find('.');
    const std::string padded = token.substr(0, dot + 1) + "0" + token.substr(dot + 1);
    auto refused = subscriptions(padded);
    CHECK(refused->status == 401);
    CHECK(body_json(refused)["code"] == "lookup_token_invalid");
    const std::string plus = token.substr(0, dot + 1) + "+" + token.substr(dot + 1);
    CHECK(subscriptions(plus)->status == 401);
}
