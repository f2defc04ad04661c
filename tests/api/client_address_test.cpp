// Per-address limits behind a reverse proxy: X-Forwarded-For names the client only when
// the peer is a proxy the operator named (--trusted-proxy); from anyone else it is
// ignored, so a client cannot escape its limit by inventing addresses.
#include <doctest/doctest.h>

#include "../support/test_server.h"

using namespace isp::test;

namespace {

// A wrong proof of identity (unknown CIN, each time another so the per-CIN limit stays out of it).
int verify_from(httplib::Client& c, const std::string& forwarded_for, int attempt) {
    const nlohmann::json body = {{"cin", "ZQ" + std::to_string(700000 + attempt)},
                                 {"service_identifier", "0600000000"}};
    httplib::Headers headers;
    if (!forwarded_for.empty())
        headers.emplace("X-Forwarded-For", forwarded_for);
    auto res = c.Post("/api/v1/landing/clients/verify-cin", headers, body.dump(), "application/json");
    REQUIRE(res);
    return res->status;
}

} // namespace

TEST_CASE("behind a trusted proxy, each client address has its own limit") {
    TestServer server(true, [](isp::ServerConfig& config) {
        config.trusted_proxies = {"127.0.0.1", "10.0.0.2"};
        config.verify_max_failures = 3;
    });
    auto c = server.client();
    int attempt = 0;
    for (int i = 0; i < 3; ++i)
        CHECK(verify_from(c, "203.0.113.7", ++attempt) == 401);
    CHECK(verify_from(c, "203.0.113.7", ++attempt) == 429);
    // Another client behind the same proxy is not punished for the first one.
    CHECK(verify_from(c, "198.51.100.4", ++attempt) == 401);
    // Through a chain of trusted proxies the client is the rightmost untrusted entry;
    // whatever the client wrote further left is not believed.
    CHECK(verify_from(c, "192.0.2.99, 203.0.113.7, 10.0.0.2", ++attempt) == 429);
    CHECK(verify_from(c, "203.0.113.7, 198.51.100.5", ++attempt) == 401);
}

TEST_CASE("without a trusted proxy, X-Forwarded-For is ignored") {
    TestServer server(true, [](isp::ServerConfig& config) { config.verify_max_failures = 3; });
    auto c = server.client();
    int attempt = 0;
    for (int i = 0; i < 3; ++i)
        CHECK(verify_from(c, "203.0.113." + std::to_string(i), ++attempt) == 401);
    // A new invented address each time changes nothing: the peer's address is counted.
    CHECK(verify_from(c, "203.0.113.200", ++attempt) == 429);
    CHECK(verify_from(c, "", ++attempt) == 429);
}

TEST_CASE("many addresses guessing one CIN are refused too: the per-CIN limit on its own") {
    TestServer server(true, [](isp::ServerConfig& config) {
        config.trusted_proxies = {"127.0.0.1"};
        config.verify_max_failures = 3;
    });
    auto c = server.client();
    auto guess = [&](const std::string& address, const std::string& line) {
        const nlohmann::json body = {{"cin", "AB123456"}, {"service_identifier", line}};
        auto res = c.Post("/api/v1/landing/clients/verify-cin", {{"X-Forwarded-For", address}}, body.dump(),
                          "application/json");
        REQUIRE(res);
        return res->status;
    };
    for (int i = 0; i < 3; ++i)
        CHECK(guess("203.0.113." + std::to_string(10 + i), "060000000" + std::to_string(i)) == 401);
    // A fourth address, even with Amina's right line: her CIN is locked for the window.
    CHECK(guess("203.0.113.50", "06 12 34 56 78") == 429);
    // Another CIN from a fresh address is not affected.
    const nlohmann::json other = {{"cin", "BE654321"}, {"service_identifier", "05 35 12 34 56"}};
    CHECK(c.Post("/api/v1/landing/clients/verify-cin", {{"X-Forwarded-For", "203.0.113.51"}}, other.dump(),
                 "application/json")
              ->status == 200);
}
