// Requests no browser sends, sent as an attacker would, byte for byte: paths that are not
// UTF-8, lying or missing framing headers. Each gets a clear 4xx at once, and the server
// goes on answering (issue #16, findings 1, 11 and 13).
#include <doctest/doctest.h>

#include <chrono>

#include "../support/raw_http.h"
#include "../support/test_server.h"

using namespace isp::test;

namespace {

std::string get(const std::string& target, const std::string& extra_headers = "") {
    return "GET " + target + " HTTP/1.1\r\nHost: portal.test\r\n" + extra_headers + "Connection: close\r\n\r\n";
}

void check_still_serving(TestServer& server) {
    auto res = server.client().Get("/api/v1/health");
    REQUIRE(res);
    CHECK(res->status == 200);
}

} // namespace

TEST_CASE("a path that is not UTF-8 once decoded is refused with 400, and the server lives on") {
    TestServer server;
    const std::string token = create_staff_token(server, "admin");
    const std::string staff = "Authorization: Bearer " + token + "\r\n";
    const std::pair<std::string, std::string> requests[] = {
        {"/%ff", ""},
        {"/api/v1/%ff", ""},
        {"/api/v1/landing/drafts/%ff", ""},
        {"/api/v1/landing/clients/%ff/subscriptions?lookup_token=x", ""},
        {"/%c0%ae%c0%ae/etc/passwd", ""},
        {"/\xff", ""},
        {"/api/v1/\xc3\x28", ""},
        {"/api/v1/customers/%ff", staff},
        {"/api/v1/invoices/%ff/pdf", staff},
        {"/api/v1/landing/drafts/%00", ""},
    };
    for (const auto& [target, headers] : requests) {
        CAPTURE(target);
        const std::string response = raw_exchange(server.port(), get(target, headers));
        CHECK(raw_status(response) == 400);
        const auto problem = nlohmann::json::parse(raw_body(response));
        CHECK(problem["code"] == "invalid_path");
        CHECK(problem["status"] == 400);
    }
    // The same in a query parameter.
    const std::string response = raw_exchange(server.port(), get("/api/v1/offers?q=%ff", staff));
    CHECK(raw_status(response) == 400);
    CHECK(nlohmann::json::parse(raw_body(response))["code"] == "invalid_query");
    check_still_serving(server);
}

TEST_CASE("framing that cannot be right fails at once instead of waiting for bytes") {
    TestServer server;
    const auto timed = [&](const std::string& request, int& status, std::string& code) {
        const auto start = std::chrono::steady_clock::now();
        const std::string response = raw_exchange(server.port(), request, 8);
        status = raw_status(response);
        const std::string body = raw_body(response);
        code = body.empty() ? "" : nlohmann::json::parse(body).value("code", "");
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    };
    const std::string verify = "POST /api/v1/landing/clients/verify-cin HTTP/1.1\r\nHost: portal.test\r\n"
                               "Content-Type: application/json\r\n";
    int status = 0;
    std::string code;

    // A Content-Length far beyond --max-body-bytes, with a short body: 413 now.
    double took = timed(verify + "Content-Length: 9999999999\r\n\r\n{\"cin\":1}", status, code);
    CHECK(status == 413);
    CHECK(code == "payload_too_large");
    CHECK(took < 2.0);
    took = timed(verify + "Content-Length: 18446744073709551616\r\n\r\n{}", status, code); // 2^64
    CHECK(status == 413);
    CHECK(took < 2.0);
    took = timed(verify + "Content-Length: -5\r\n\r\n{}", status, code);
    CHECK(status == 400);
    CHECK(code == "invalid_content_length");
    CHECK(took < 2.0);

    // A chunked body (here with a negative chunk size) is not read at all: 411.
    took = timed(verify + "Transfer-Encoding: chunked\r\n\r\n-5\r\nabc\r\n0\r\n\r\n", status, code);
    CHECK(status == 411);
    CHECK(code == "length_required");
    CHECK(took < 2.0);

    // HTTP/1.1 requires Host (RFC 9112 section 3.2); HTTP/1.0 does not.
    timed("GET /api/v1/health HTTP/1.1\r\nConnection: close\r\n\r\n", status, code);
    CHECK(status == 400);
    CHECK(code == "missing_host");
    timed("GET /api/v1/health HTTP/1.0\r\n\r\n", status, code);
    CHECK(status == 200);
    check_still_serving(server);
}

TEST_CASE("no answer can be framed by another site: API answers, documents and errors alike") {
    TestServer server;
    auto c = server.client();
    for (const char* path : {"/api/v1/health", "/api/v1/landing/bootstrap", "/api/v1/no-such-thing",
                             "/api/v1/landing/operator-logo", "/"}) {
        CAPTURE(path);
        auto res = c.Get(path);
        REQUIRE(res);
        CHECK(res->get_header_value("X-Frame-Options") == "DENY");
        CHECK(res->get_header_value("Content-Security-Policy").find("frame-ancestors 'none'") != std::string::npos);
    }
    // A contract PDF behind its signed link.
    const nlohmann::json proof = {{"cin", "AB123456"}, {"service_identifier", "0612345678"}};
    auto verified = c.Post("/api/v1/landing/clients/verify-cin", proof.dump(), "application/json");
    REQUIRE(verified);
    const std::string token = body_json(verified)["lookup_token"];
    auto subs = c.Get("/api/v1/landing/clients/AB123456/subscriptions?lookup_token=" + token);
    REQUIRE(subs);
    const std::string contract_id = body_json(subs)["subscriptions"][0]["contract_id"];
    auto link = c.Post("/api/v1/landing/contracts/" + contract_id + "/document-link",
                       nlohmann::json{{"lookup_token", token}}.dump(), "application/json");
    REQUIRE(link);
    auto pdf = c.Get(body_json(link)["document_download_url"].get<std::string>());
    REQUIRE(pdf);
    CHECK(pdf->status == 200);
    CHECK(pdf->get_header_value("X-Frame-Options") == "DENY");
    CHECK(pdf->get_header_value("Content-Security-Policy") == "frame-ancestors 'none'");
}
