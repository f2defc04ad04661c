#include <doctest/doctest.h>

#include "../support/problem_check.h"
#include "../support/test_server.h"

using namespace isp::test;

TEST_CASE("malformed bodies get a clear problem, never a 500") {
    TestServer server;
    auto c = server.client();
    const httplib::Headers key = {{"Idempotency-Key", new_key()}};
    check_problem(c.Post("/api/v1/landing/submit/new", key, "{\"cin\": ", "application/json"), 400, "malformed_json");
    check_problem(c.Post("/api/v1/landing/submit/new", key, "[1,2]", "application/json"), 400, "invalid_body");
    check_problem(c.Post("/api/v1/landing/submit/new", key, "", "application/json"), 400, "malformed_json");
    check_problem(c.Post("/api/v1/landing/submit/new", key, "cin=AB1", "application/x-www-form-urlencoded"), 415,
                  "unsupported_media_type");
    // Bytes that are not UTF-8, and nesting past 32 levels: refused before anything is built.
    check_problem(c.Post("/api/v1/landing/drafts", "{\"form\": {\"cin\": \"\xff\"}}", "application/json"), 400,
                  "invalid_utf8");
    check_problem(c.Post("/api/v1/landing/drafts", std::string(200, '[') + std::string(200, ']'), "application/json"),
                  400, "json_too_deep");
}

TEST_CASE("an oversized body is refused with 413") {
    TestServer server;
    auto c = server.client();
    const std::string big = "{\"form\": {\"address\": \"" + std::string(100 * 1024, 'a') + "\"}}";
    check_problem(c.Post("/api/v1/landing/drafts", big, "application/json"), 413, "payload_too_large");
}

TEST_CASE("unknown paths are problems too") {
    TestServer server;
    check_problem(server.client().Get("/api/v1/nope"), 404, "not_found");
}

TEST_CASE("API responses with personal data are not cached and all carry hardening headers") {
    TestServer server;
    auto res = server.client().Post("/api/v1/landing/drafts", R"({"form": {"cin": "AB123456"}})", "application/json");
    REQUIRE(res);
    CHECK(res->get_header_value("Cache-Control") == "no-store");
    CHECK(res->get_header_value("X-Content-Type-Options") == "nosniff");
    CHECK(res->get_header_value("Referrer-Policy") == "no-referrer");
}
