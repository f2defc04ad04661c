// Request bodies go through one strict reader (shared/wire/json_intake.h), public and staff
// endpoints alike: numbers beyond a double, trailing bytes, duplicate names and deep
// nesting are clear 400s, never a 500 (issue #16, findings 4, 7 and 9).
#include <doctest/doctest.h>

#include "../support/test_server.h"

using namespace isp::test;

namespace {

nlohmann::json problem(const httplib::Result& res, int status) {
    REQUIRE(res);
    CHECK_MESSAGE(res->status == status, res->body);
    CHECK(res->get_header_value("Content-Type") == "application/problem+json");
    return body_json(res);
}

} // namespace

TEST_CASE("numbers beyond the range of a double are a 400 that names the field, on every JSON endpoint") {
    TestServer server;
    auto c = server.client();
    const auto staff = bearer(create_staff_token(server, "admin"));
    const std::string huge_integer(5000, '9');
    const std::pair<std::string, std::string> bodies[] = {
        {R"({"cin":"AB123456","service_identifier":1e999})", "service_identifier"},
        {R"({"cin":-1e309,"service_identifier":"0612345678"})", "cin"},
        {R"({"cin":"AB123456","service_identifier":)" + huge_integer + "}", "service_identifier"},
        {"1e999", ""},
    };
    for (const auto& [body, field] : bodies) {
        CAPTURE(body.substr(0, 60));
        auto j = problem(c.Post("/api/v1/landing/clients/verify-cin", body, "application/json"), 400);
        CHECK(j["code"] == "number_out_of_range");
        if (!field.empty()) {
            REQUIRE(j["errors"].size() == 1);
            CHECK(j["errors"][0]["field"] == field);
        }
        // A staff endpoint reads bodies the same way.
        j = problem(c.Post("/api/v1/offers", staff, body, "application/json"), 400);
        CHECK(j["code"] == "number_out_of_range");
    }
    for (const char* path : {"/api/v1/landing/submit/new", "/api/v1/landing/drafts", "/api/v1/billing/runs",
                             "/api/v1/collections/payments", "/api/v1/customers"}) {
        CAPTURE(path);
        httplib::Headers headers = staff;
        headers.emplace("Idempotency-Key", new_key());
        auto j = problem(c.Post(path, headers, R"({"period":1e999})", "application/json"), 400);
        CHECK(j["code"] == "number_out_of_range");
    }
}

TEST_CASE("a body is exactly one JSON value: trailing bytes and duplicate names are refused") {
    TestServer server;
    auto c = server.client();
    const std::string proof = R"({"cin":"AB123456","service_identifier":"0612345678"})";
    auto j = problem(
        c.Post("/api/v1/landing/clients/verify-cin", proof + std::string("\0garbage", 8), "application/json"), 400);
    CHECK(j["code"] == "malformed_json");
    j = problem(c.Post("/api/v1/landing/clients/verify-cin", proof + " {}", "application/json"), 400);
    CHECK(j["code"] == "trailing_data");
    j = problem(c.Post("/api/v1/landing/clients/verify-cin",
                       R"({"cin":"ZZ999999","cin":"AB123456","service_identifier":"0612345678"})", "application/json"),
                400);
    CHECK(j["code"] == "duplicate_key");
    CHECK(j["errors"][0]["field"] == "cin");
    // The same proof, once, still works.
    auto ok = c.Post("/api/v1/landing/clients/verify-cin", proof, "application/json");
    REQUIRE(ok);
    CHECK(ok->status == 200);
}

TEST_CASE("deep nesting is refused early, whatever the body's size") {
    TestServer server(true, [](isp::ServerConfig& config) { config.max_body_bytes = 16 * 1024 * 1024; });
    auto c = server.client();
    auto j = problem(c.Post("/api/v1/landing/drafts", std::string(64 * 1024, '['), "application/json"), 400);
    CHECK(j["code"] == "json_too_deep");
    j = problem(c.Post("/api/v1/landing/drafts", std::string(16 * 1024 * 1024, '['), "application/json"), 400);
    CHECK(j["code"] == "json_too_deep");
    // 32 levels are fine as JSON (the draft then says what is wrong with its fields).
    std::string nested = R"({"form":)" + std::string(30, '[') + std::string(30, ']') + "}";
    auto res = c.Post("/api/v1/landing/drafts", nested, "application/json");
    REQUIRE(res);
    CHECK(res->status != 500);
    CHECK(body_json(res).value("code", "") != "json_too_deep");
}
