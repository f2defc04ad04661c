// No personal data in logs beyond ids: the server's log lines (one JSON object per line:
// an access line per request, store errors, unexpected exceptions) name the route pattern,
// never the values of a path, its query or a body, and a whole self-service journey
// writes nothing with a CIN, a name, an e-mail, a line number or a lookup token. And the
// request id: a trusted proxy's is kept, anyone else's replaced.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <vector>

#include <sqlite3.h>
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

namespace {

// What the server writes to stderr (fd 2) while `run` runs.
template <typename Run> std::string captured_stderr(const std::string& name, Run run) {
    const std::string path = output_dir("api") + "/" + name;
    std::fflush(stderr);
    const int saved = ::dup(2);
    FILE* sink = std::fopen(path.c_str(), "w");
    REQUIRE(sink);
    ::dup2(::fileno(sink), 2);
    run();
    std::fflush(stderr);
    ::dup2(saved, 2);
    ::close(saved);
    std::fclose(sink);
    std::ifstream in(path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Each line, parsed: a line that is not one JSON object fails the test.
std::vector<nlohmann::json> json_lines(const std::string& written) {
    std::vector<nlohmann::json> out;
    std::istringstream in(written);
    std::string line;
    while (std::getline(in, line)) {
        INFO(line);
        nlohmann::json j;
        REQUIRE_NOTHROW(j = nlohmann::json::parse(line));
        REQUIRE(j.is_object());
        out.push_back(j);
    }
    return out;
}

bool hex16(const std::string& s) {
    return s.size() == 16 && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

} // namespace

TEST_CASE("a self-service journey writes no personal data to the server's output") {
    std::string token;
    std::vector<std::string> request_ids;
    const std::string written = captured_stderr("server-stderr.log", [&] {
        TestServer server;
        auto c = server.client();
        const auto keep_id = [&](const httplib::Result& res) {
            REQUIRE(res);
            request_ids.push_back(res->get_header_value("X-Request-Id"));
        };
        auto verified = c.Post("/api/v1/landing/clients/verify-cin",
                               R"({"cin": "AB123456", "service_identifier": "06 12 34 56 78"})", "application/json");
        keep_id(verified);
        token = body_json(verified)["lookup_token"];
        keep_id(c.Get("/api/v1/landing/clients/AB123456/subscriptions?lookup_token=" + token));
        keep_id(c.Get("/api/v1/landing/clients/AB123456/invoices?lookup_token=" + token));
        keep_id(c.Get("/api/v1/landing/clients/AB123456/invoices?lookup_token=forged"));
        keep_id(c.Post("/api/v1/landing/clients/verify-cin",
                       R"({"cin": "AB123456", "service_identifier": "0600000000"})", "application/json"));
        const nlohmann::json signup = {{"offer_id", "ofr_mobile_confort"},
                                       {"cin", "QW135790"},
                                       {"first_name", "Nadia"},
                                       {"last_name", "Sefrioui"},
                                       {"phone", "0661357913"},
                                       {"email", "nadia.s@example.ma"},
                                       {"address", "3, rue Tanger, Rabat"},
                                       {"service_identifier", "0661357913"},
                                       {"contract_start_date", "2026-12-01"}};
        keep_id(
            c.Post("/api/v1/landing/submit/new", {{"Idempotency-Key", new_key()}}, signup.dump(), "application/json"));
        keep_id(
            c.Post("/api/v1/landing/submit/new", {{"Idempotency-Key", new_key()}}, "{\"cin\": ", "application/json"));
        keep_id(c.Get("/api/v1/no-such-route/AB123456?cin=AB123456"));
    });
    INFO(written);
    for (const char* personal : {"AB123456", "QW135790", "Amina", "Nadia", "Sefrioui", "example.ma", "0661357913",
                                 "612345678", "Tanger", "lookup_token", "forged", "?"})
        CHECK(written.find(personal) == std::string::npos);
    REQUIRE(token.size() > 8);
    CHECK(written.find(token) == std::string::npos);

    // One access line per request, each with its fields, found by the id the client got.
    const auto lines = json_lines(written);
    std::map<std::string, nlohmann::json> access;
    for (const auto& line : lines) {
        for (const char* field : {"time", "level", "request_id"})
            CHECK(line.contains(field));
        if (line.value("level", "") != "info")
            continue;
        for (const char* field : {"method", "route", "status", "duration_ms", "bytes", "client"})
            CHECK(line.contains(field));
        CHECK(line["time"].get<std::string>().size() == std::string("2026-11-23T10:00:00.000Z").size());
        CHECK(line["time"].get<std::string>().back() == 'Z');
        CHECK(line["client"] == "127.0.0.1");
        access[line["request_id"]] = line;
    }
    REQUIRE(request_ids.size() == 8);
    for (const std::string& id : request_ids) {
        INFO(id);
        CHECK(hex16(id));
        REQUIRE(access.count(id) == 1);
    }
    CHECK(access[request_ids[1]]["route"] == "/api/v1/landing/clients/:cin/subscriptions");
    CHECK(access[request_ids[1]]["status"] == 200);
    CHECK(access[request_ids[3]]["status"] == 401);
    CHECK(access[request_ids[7]]["route"] == "(no route)");
    CHECK(access[request_ids[7]]["status"] == 404);
    CHECK(access[request_ids[1]]["bytes"].get<std::int64_t>() > 0);
}

TEST_CASE("a trusted proxy's X-Request-Id is kept; anyone else's is replaced") {
    const std::string proxy_id = "edge-7f3a9c-0001";
    SUBCASE("from a trusted proxy") {
        std::string written = captured_stderr("request-id-trusted.log", [&] {
            TestServer server(true, [](isp::ServerConfig& config) { config.trusted_proxies = {"127.0.0.1"}; });
            auto res = server.client().Get("/api/v1/nope", {{"X-Request-Id", proxy_id}});
            REQUIRE(res);
            CHECK(res->get_header_value("X-Request-Id") == proxy_id);
            CHECK(body_json(res)["request_id"] == proxy_id);
            // Kept only when sane: a space, a control character or too long, and a new one is made.
            for (const std::string& bad : {std::string("two words"), std::string("tab\there"), std::string(129, 'a')}) {
                auto replaced = server.client().Get("/api/v1/health", {{"X-Request-Id", bad}});
                REQUIRE(replaced);
                CHECK(hex16(replaced->get_header_value("X-Request-Id")));
            }
        });
        INFO(written);
        bool logged = false;
        for (const auto& line : json_lines(written))
            logged = logged || line["request_id"] == proxy_id;
        CHECK(logged);
    }
    SUBCASE("from a client that is not a trusted proxy") {
        std::string written = captured_stderr("request-id-untrusted.log", [&] {
            TestServer server;
            auto res = server.client().Get("/api/v1/nope", {{"X-Request-Id", proxy_id}});
            REQUIRE(res);
            const std::string id = res->get_header_value("X-Request-Id");
            CHECK(hex16(id));
            CHECK(body_json(res)["request_id"] == id);
            auto ok = server.client().Get("/api/v1/health", {{"X-Request-Id", proxy_id}});
            REQUIRE(ok);
            CHECK(hex16(ok->get_header_value("X-Request-Id")));
        });
        INFO(written);
        CHECK(written.find(proxy_id) == std::string::npos);
    }
}

namespace {

// Requests that put personal data everywhere a log could pick it up: the path, the query,
// a bearer header, a body; an X-Forwarded-For (the client's address, which the access line
// has by design when the peer is a trusted proxy); and enough failed proofs of one CIN for
// a rate limit's 429 (max_failures 2 in the tests below).
void personal_requests(TestServer& server, std::vector<std::string>& request_ids) {
    auto c = server.client();
    const auto keep_id = [&](const httplib::Result& res) {
        REQUIRE(res);
        request_ids.push_back(res->get_header_value("X-Request-Id"));
    };
    keep_id(c.Get("/api/v1/health"));
    keep_id(c.Get("/api/v1/landing/clients/AB123456/invoices?lookup_token=secret-token-value"));
    keep_id(c.Get("/api/v1/landing/clients/AB123456/subscriptions",
                  {{"Authorization", "Bearer secret-token-value"}, {"X-Forwarded-For", "198.51.100.23"}}));
    for (int i = 0; i < 3; ++i)
        keep_id(c.Post("/api/v1/landing/clients/verify-cin",
                       R"({"cin": "AB123456", "service_identifier": "0600000000"})", "application/json"));
}

void check_no_personal_data(const std::string& written) {
    for (const char* personal : {"AB123456", "0600000000", "secret-token-value", "lookup_token", "Bearer", "?"})
        CHECK(written.find(personal) == std::string::npos);
}

} // namespace

TEST_CASE("--log-level warn: no access lines, a rate limit's refusals only") {
    std::vector<std::string> ids;
    const std::string written = captured_stderr("log-level-warn.log", [&] {
        TestServer server(true, [](isp::ServerConfig& config) {
            config.log_level = isp::observability::LogLevel::warn;
            config.verify_max_failures = 2;
        });
        personal_requests(server, ids);
    });
    INFO(written);
    check_no_personal_data(written);
    CHECK(written.find("198.51.100.23") == std::string::npos); // not a trusted proxy's: ignored
    const auto lines = json_lines(written);
    REQUIRE(lines.size() == 1); // the third failed proof, refused
    CHECK(lines[0]["level"] == "warn");
    CHECK(lines[0]["message"] == "rate limit refusal");
    CHECK(lines[0]["status"] == 429);
    CHECK(lines[0]["route"] == "/api/v1/landing/clients/verify-cin");
    CHECK(lines[0]["request_id"] == ids.back());
    CHECK(lines[0]["client"] == "127.0.0.1");
}

TEST_CASE("--log-level debug: a details line per request, still no personal data") {
    std::vector<std::string> ids;
    const std::string written = captured_stderr("log-level-debug.log", [&] {
        TestServer server(true, [](isp::ServerConfig& config) {
            config.log_level = isp::observability::LogLevel::debug;
            config.verify_max_failures = 2;
            config.trusted_proxies = {"127.0.0.1"};
        });
        personal_requests(server, ids);
    });
    INFO(written);
    check_no_personal_data(written);
    std::map<std::string, std::map<std::string, nlohmann::json>> by_id; // id -> level -> line
    for (const auto& line : json_lines(written))
        if (line.contains("request_id"))
            by_id[line["request_id"]][line["level"]] = line;
    REQUIRE(ids.size() == 6);
    for (const std::string& id : ids) {
        INFO(id);
        REQUIRE(by_id.count(id) == 1);
        CHECK(by_id[id].count(id == ids.back() ? "warn" : "info") == 1);
        REQUIRE(by_id[id].count("debug") == 1);
        const auto& details = by_id[id]["debug"];
        CHECK(details["message"] == "request details");
        CHECK(details["http_version"] == "HTTP/1.1");
        CHECK(details["peer"] == "127.0.0.1");
        CHECK(details["trusted_proxy"] == true);
        CHECK(details["request_id_from"] == "server");
        CHECK(details.contains("response_content_type"));
    }
    const auto& query = by_id[ids[1]]["debug"];
    CHECK(query["query_parameters"] == 1);
    CHECK(query["query_credential"] == true);
    CHECK(query["authorization"] == "none");
    const auto& bearer = by_id[ids[2]]["debug"];
    CHECK(bearer["authorization"] == "bearer");
    CHECK(bearer["query_credential"] == false);
    CHECK(bearer["forwarded_for_entries"] == 1);
    CHECK(by_id[ids[2]]["info"]["client"] == "198.51.100.23");
    const auto& proof = by_id[ids[3]]["debug"];
    CHECK(proof["request_content_type"] == "application/json");
    CHECK(proof["request_body_bytes"] ==
          std::string(R"({"cin": "AB123456", "service_identifier": "0600000000"})").size());
    CHECK(proof["response_content_type"] == "application/problem+json");
}

TEST_CASE("a database locked past the busy timeout: 503 and a 'store busy' warning, not an error") {
    std::string id;
    const std::string written = captured_stderr("store-busy.log", [&] {
        TestServer server(true,
                          [](isp::ServerConfig& config) { config.log_level = isp::observability::LogLevel::warn; });
        // Another process holding the write lock (a long transaction of a script on the file):
        // the server's write waits out its 10 s busy timeout, then gives up.
        sqlite3* other = nullptr;
        REQUIRE(sqlite3_open(server.db_path().c_str(), &other) == SQLITE_OK);
        REQUIRE(sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr) == SQLITE_OK);
        auto res = server.client().Post("/api/v1/landing/drafts",
                                        R"({"form": {"offer_id": "ofr_mobile_essentiel", "cin": "ZZ123456"}})",
                                        "application/json");
        sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
        sqlite3_close(other);
        REQUIRE(res);
        CHECK(res->status == 503);
        CHECK(body_json(res)["code"] == "store_unavailable");
        id = res->get_header_value("X-Request-Id");
    });
    INFO(written);
    CHECK(written.find("ZZ123456") == std::string::npos);
    const auto lines = json_lines(written);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0]["level"] == "warn");
    CHECK(lines[0]["message"] == "store busy");
    CHECK(lines[0]["request_id"] == id);
    CHECK(lines[0]["route"] == "/api/v1/landing/drafts");
}
