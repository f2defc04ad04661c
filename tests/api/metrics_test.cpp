// GET /metrics on the separate metrics listener (--metrics-bind): the Prometheus text
// format, read back by a strict parser of that format, and counters that move by exactly
// what the requests made did. The public port has no /metrics.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "../support/raw_http.h"
#include "../support/test_server.h"
#include "server/observability/metrics.h"

using namespace isp::test;

namespace {

// Samples by series: `name{label="value",...}` with the labels sorted by name.
using Samples = std::map<std::string, double>;

bool metric_name(const std::string& s) {
    static const std::regex name("[a-zA-Z_:][a-zA-Z0-9_:]*");
    return std::regex_match(s, name);
}

// The family a sample belongs to: a histogram's _bucket, _sum and _count belong to it.
std::string family_of(const std::string& name, const std::map<std::string, std::string>& types) {
    for (const char* suffix : {"_bucket", "_sum", "_count"}) {
        const std::string s = suffix;
        if (name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0) {
            const std::string base = name.substr(0, name.size() - s.size());
            if (types.count(base) && types.at(base) == "histogram")
                return base;
        }
    }
    return name;
}

// Text exposition format 0.0.4, strictly: HELP and TYPE before a family's samples, one
// TYPE per family, label values with only \\ \" \n escaped, a value that parses, no series twice.
Samples parse_exposition(const std::string& text) {
    std::string line;
    const auto expect = [&line](bool ok, const char* what) {
        if (!ok)
            throw std::runtime_error(std::string(what) + " in: " + line);
    };
    Samples out;
    std::map<std::string, std::string> types;
    std::set<std::string> helped;
    expect(!text.empty() && text.back() == '\n', "no final newline");
    std::istringstream in(text);
    while (std::getline(in, line)) {
        expect(!line.empty(), "empty line");
        if (line.rfind("# HELP ", 0) == 0) {
            const std::string rest = line.substr(7);
            const std::string name = rest.substr(0, rest.find(' '));
            expect(metric_name(name), "bad metric name");
            expect(helped.insert(name).second, "a second HELP");
            continue;
        }
        if (line.rfind("# TYPE ", 0) == 0) {
            std::istringstream words(line.substr(7));
            std::string name, type, extra;
            words >> name >> type;
            expect(metric_name(name), "bad metric name");
            expect(!(words >> extra), "words after the type");
            expect(std::set<std::string>{"counter", "gauge", "histogram", "summary", "untyped"}.count(type),
                   "unknown type");
            expect(types.emplace(name, type).second, "a second TYPE");
            continue;
        }
        expect(line[0] != '#', "a comment that is neither HELP nor TYPE");
        std::size_t i = 0;
        while (i < line.size() && line[i] != '{' && line[i] != ' ')
            ++i;
        const std::string name = line.substr(0, i);
        expect(metric_name(name), "bad metric name");
        expect(types.count(family_of(name, types)), "a sample before its TYPE");
        std::map<std::string, std::string> labels;
        if (line[i] == '{') {
            ++i;
            while (line.at(i) != '}') {
                const std::size_t eq = line.find('=', i);
                expect(eq != std::string::npos, "a label without =");
                const std::string label = line.substr(i, eq - i);
                static const std::regex label_name("[a-zA-Z_][a-zA-Z0-9_]*");
                expect(std::regex_match(label, label_name), "bad label name");
                i = eq + 1;
                expect(line.at(i) == '"', "an unquoted label value");
                std::string value;
                for (++i; line.at(i) != '"'; ++i) {
                    if (line[i] == '\\') {
                        const char next = line.at(++i);
                        expect(next == '\\' || next == '"' || next == 'n', "bad escape");
                        value += next == 'n' ? '\n' : next;
                    } else {
                        value += line[i];
                    }
                }
                ++i;
                expect(labels.emplace(label, value).second, "a label twice");
                if (line.at(i) == ',')
                    ++i;
                else
                    expect(line.at(i) == '}', "labels not closed");
            }
            ++i;
        }
        expect(line.at(i) == ' ', "no space before the value");
        const std::string value_text = line.substr(i + 1);
        double value = 0;
        if (value_text == "+Inf") {
            value = INFINITY;
        } else {
            std::size_t used = 0;
            try {
                value = std::stod(value_text, &used);
            } catch (const std::exception&) {
            }
            expect(used > 0 && used == value_text.size(), "not a number");
        }
        std::string key = name + "{";
        for (const auto& [label, v] : labels)
            key += label + "=\"" + v + "\",";
        key += "}";
        expect(out.emplace(key, value).second, "a series twice");
    }
    return out;
}

Samples scrape(const TestServer& server) {
    httplib::Client m("127.0.0.1", server.metrics_port());
    auto res = m.Get("/metrics");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    CHECK(res->get_header_value("Content-Type").rfind("text/plain; version=0.0.4", 0) == 0);
    INFO(res->body);
    Samples samples;
    REQUIRE_NOTHROW(samples = parse_exposition(res->body));
    return samples;
}

double at(const Samples& s, const std::string& key) {
    const auto it = s.find(key);
    return it == s.end() ? 0 : it->second;
}

// The server counts a request out just after sending its answer, so a client that has
// its answer may scrape a moment before: wait (briefly) for the value expected.
double in_flight_becomes(const TestServer& server, double expected) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
    double seen = -1;
    while (std::chrono::steady_clock::now() < deadline) {
        seen = at(scrape(server), "portal_http_requests_in_flight{}");
        if (seen == expected)
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return seen;
}

std::string requests(const std::string& method, const std::string& route, int status) {
    return "portal_http_requests_total{method=\"" + method + "\",route=\"" + route + "\",status=\"" +
           std::to_string(status) + "\",}";
}

} // namespace

TEST_CASE("metrics: served on their own listener only, counters move by what was asked") {
    TestServer server(true, [](isp::ServerConfig& config) {
        config.metrics_bind = "127.0.0.1:0";
        config.verify_max_failures = 1;
    });
    REQUIRE(server.metrics_port() > 0);
    CHECK(server.metrics_port() != server.port());
    const Samples before = scrape(server);

    auto c = server.client();
    CHECK(c.Get("/api/v1/health")->status == 200);
    CHECK(c.Get("/api/v1/health")->status == 200);
    CHECK(c.Get("/api/v1/no-such-thing/AB123456")->status == 404);
    // Never on the public port.
    CHECK(c.Get("/metrics")->status == 404);
    // A second wrong proof of identity from this address is refused by the limit.
    const std::string wrong = R"({"cin": "ZQ700001", "service_identifier": "0600000000"})";
    CHECK(c.Post("/api/v1/landing/clients/verify-cin", wrong, "application/json")->status == 401);
    CHECK(c.Post("/api/v1/landing/clients/verify-cin", wrong, "application/json")->status == 429);
    // A billing run, then the same request again: replayed, not run twice.
    httplib::Headers h = bearer(create_staff_token(server, "admin"));
    h.emplace("Idempotency-Key", new_key());
    auto first = c.Post("/api/v1/billing/runs", h, R"({"period": "2026-11"})", "application/json");
    REQUIRE(first);
    REQUIRE(first->status == 201);
    const auto invoiced = body_json(first)["invoice_ids"].size();
    REQUIRE(invoiced > 0);
    auto again = c.Post("/api/v1/billing/runs", h, R"({"period": "2026-11"})", "application/json");
    REQUIRE(again);
    CHECK(again->get_header_value("Idempotent-Replayed") == "true");

    const Samples after = scrape(server);
    const auto moved = [&](const std::string& key) { return at(after, key) - at(before, key); };
    CHECK(moved(requests("GET", "/api/v1/health", 200)) == 2);
    CHECK(moved(requests("GET", "(no route)", 404)) == 2);
    CHECK(moved(requests("POST", "/api/v1/landing/clients/verify-cin", 401)) == 1);
    CHECK(moved(requests("POST", "/api/v1/landing/clients/verify-cin", 429)) == 1);
    CHECK(moved(requests("POST", "/api/v1/billing/runs", 201)) == 2);
    CHECK(moved("portal_rate_limit_refusals_total{limit=\"identity_checks\",}") == 1);
    CHECK(moved("portal_idempotent_replays_total{}") == 1);
    CHECK(moved("portal_billing_runs_total{}") == 1);
    CHECK(at(after, "portal_billing_run_contracts{}") == static_cast<double>(invoiced));
    CHECK(at(after, "portal_billing_run_duration_seconds{}") > 0);
    // Scrapes are not requests of the public port: nothing is in flight between requests.
    CHECK(in_flight_becomes(server, 0) == 0);
    CHECK(at(after, "portal_database_size_bytes{}") > 0);
    CHECK(after.count("portal_database_wal_size_bytes{}") == 1);

    // The histogram: cumulative buckets, +Inf equal to _count, _count equal to the requests.
    const std::string health = "route=\"/api/v1/health\",";
    CHECK(moved("portal_http_request_duration_seconds_count{" + health + "}") == 2);
    double previous = 0;
    for (const char* le : {"0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf"}) {
        const std::string key =
            std::string("portal_http_request_duration_seconds_bucket{le=\"") + le + "\"," + health + "}";
        INFO(key);
        REQUIRE(after.count(key) == 1);
        CHECK(after.at(key) >= previous);
        previous = after.at(key);
    }
    CHECK(previous == at(after, "portal_http_request_duration_seconds_count{" + health + "}"));
    CHECK(at(after, "portal_http_request_duration_seconds_sum{" + health + "}") > 0);

    // The route label is the pattern: no raw path (and the CIN in it) ever becomes a series.
    for (const auto& [key, value] : after)
        CHECK(key.find("AB123456") == std::string::npos);
}

TEST_CASE("metrics: a request whose body is still coming is in flight until it is answered") {
    TestServer server(true, [](isp::ServerConfig& config) { config.metrics_bind = "127.0.0.1:0"; });
    CHECK(in_flight_becomes(server, 0) == 0);

    const int fd = connect_loopback(server.port());
    REQUIRE(fd >= 0);
    const std::string body = R"({"form": {}})";
    const std::string head = "POST /api/v1/landing/drafts HTTP/1.1\r\nHost: localhost\r\n"
                             "Content-Type: application/json\r\nConnection: close\r\nContent-Length: " +
                             std::to_string(body.size()) + "\r\n\r\n";
    REQUIRE(::send(fd, head.data(), head.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(head.size()));
    CHECK(in_flight_becomes(server, 1) == 1);

    REQUIRE(::send(fd, body.data(), body.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(body.size()));
    std::string answer;
    char buffer[4096];
    for (ssize_t n; (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0;)
        answer.append(buffer, static_cast<std::size_t>(n));
    ::close(fd);
    CHECK(answer.rfind("HTTP/1.1 201", 0) == 0);
    CHECK(in_flight_becomes(server, 0) == 0);
}

TEST_CASE("metrics: a connection refused at admission is counted, logged and has its request id") {
    TestServer server(true, [](isp::ServerConfig& config) {
        config.metrics_bind = "127.0.0.1:0";
        config.max_connections_per_address = 1;
    });
    const Samples before = scrape(server);
    const auto connect_to_server = [&] {
        const int fd = connect_loopback(server.port());
        REQUIRE(fd >= 0);
        return fd;
    };
    const int held = connect_to_server();
    // The server takes the first connection in before the second arrives.
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    const int refused = connect_to_server();
    std::string answer;
    char buffer[4096];
    for (ssize_t n; (n = ::recv(refused, buffer, sizeof buffer, 0)) > 0;)
        answer.append(buffer, static_cast<std::size_t>(n));
    ::close(refused);
    ::close(held);
    INFO(answer);
    REQUIRE(answer.rfind("HTTP/1.1 429", 0) == 0);
    const auto id_at = answer.find("X-Request-Id: ");
    REQUIRE(id_at != std::string::npos);
    const std::string id = answer.substr(id_at + 14, 16);
    const auto problem = nlohmann::json::parse(answer.substr(answer.find("\r\n\r\n") + 4));
    CHECK(problem["code"] == "too_many_connections");
    CHECK(problem["request_id"] == id);

    const Samples after = scrape(server);
    CHECK(at(after, "portal_rate_limit_refusals_total{limit=\"connections_per_address\",}") -
              at(before, "portal_rate_limit_refusals_total{limit=\"connections_per_address\",}") ==
          1);
    CHECK(at(after, requests("-", "(no route)", 429)) - at(before, requests("-", "(no route)", 429)) == 1);
}

TEST_CASE("metrics: the exposition parser refuses what the format does not allow") {
    CHECK_NOTHROW(parse_exposition("# TYPE a counter\na{x=\"q\\\"\\\\\\n\"} 1\n"));
    // And the server's escaping is what the parser reads back.
    const std::string odd = "a \"quoted\" \\ back\nslash";
    const Samples read =
        parse_exposition("# TYPE a counter\na{x=\"" + isp::observability::escape_label_value(odd) + "\"} 1\n");
    CHECK(read.count("a{x=\"" + odd + "\",}") == 1);
    // A sample before its TYPE; an unknown escape; a series twice: each fails the parse.
    CHECK_THROWS(parse_exposition("a 1\n"));
    CHECK_THROWS(parse_exposition("# TYPE a counter\na{x=\"\\t\"} 1\n"));
    CHECK_THROWS(parse_exposition("# TYPE a counter\na 1\na 2\n"));
}

TEST_CASE("metrics: off unless --metrics-bind is given") {
    TestServer server;
    CHECK(server.metrics_port() == -1);
    CHECK(server.client().Get("/metrics")->status == 404);
}
