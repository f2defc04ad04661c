// No personal data in logs beyond ids: the server's only log lines (store errors,
// unexpected exceptions) name the route pattern, never the values of a path, and a whole
// self-service journey writes nothing with a CIN, a name, an e-mail or a line number.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <unistd.h>

#include "../support/test_server.h"
#include "server/http/route.h"

using namespace isp::test;

TEST_CASE("log lines name the route pattern, not the CIN in the path") {
    httplib::Request req;
    req.method = "GET";
    req.path = "/api/v1/landing/clients/AB123456/invoices";
    req.matched_route = "/api/v1/landing/clients/:cin/invoices";
    CHECK(isp::http::log_path(req) == "/api/v1/landing/clients/:cin/invoices");
    req.matched_route.clear();
    CHECK(isp::http::log_path(req) == "(no route)");
}

TEST_CASE("a self-service journey writes no personal data to the server's output") {
    const std::string path = output_dir("api") + "/server-stderr.log";
    std::fflush(stderr);
    const int saved = ::dup(2);
    FILE* sink = std::fopen(path.c_str(), "w");
    REQUIRE(sink);
    ::dup2(::fileno(sink), 2);
    {
        TestServer server;
        auto c = server.client();
        auto verified = c.Post("/api/v1/landing/clients/verify-cin",
                               R"({"cin": "AB123456", "service_identifier": "06 12 34 56 78"})", "application/json");
        const std::string token = body_json(verified)["lookup_token"];
        c.Get("/api/v1/landing/clients/AB123456/subscriptions?lookup_token=" + token);
        c.Get("/api/v1/landing/clients/AB123456/invoices?lookup_token=" + token);
        c.Get("/api/v1/landing/clients/AB123456/invoices?lookup_token=forged");
        c.Post("/api/v1/landing/clients/verify-cin", R"({"cin": "AB123456", "service_identifier": "0600000000"})",
               "application/json");
        const nlohmann::json signup = {{"offer_id", "ofr_mobile_confort"},
                                       {"cin", "QW135790"},
                                       {"first_name", "Nadia"},
                                       {"last_name", "Sefrioui"},
                                       {"phone", "0661357913"},
                                       {"email", "nadia.s@example.ma"},
                                       {"address", "3, rue Tanger, Rabat"},
                                       {"service_identifier", "0661357913"},
                                       {"contract_start_date", "2026-12-01"}};
        c.Post("/api/v1/landing/submit/new", {{"Idempotency-Key", new_key()}}, signup.dump(), "application/json");
        c.Post("/api/v1/landing/submit/new", {{"Idempotency-Key", new_key()}}, "{\"cin\": ", "application/json");
    }
    std::fflush(stderr);
    ::dup2(saved, 2);
    ::close(saved);
    std::fclose(sink);
    std::ifstream in(path);
    const std::string written{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    INFO(written);
    for (const char* personal :
         {"AB123456", "QW135790", "Amina", "Nadia", "Sefrioui", "example.ma", "0661357913", "612345678", "Tanger"})
        CHECK(written.find(personal) == std::string::npos);
}
