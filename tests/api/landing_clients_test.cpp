// Existing clients on the landing page: verify-cin, subscriptions, document-link, and
// the limits on guessing and on public writes (process map P9/P10, issue #3).
#include <doctest/doctest.h>

#include "../support/problem_check.h"
#include "../support/test_server.h"
#include "server/security/rate_limiter.h"

using namespace isp::test;

namespace {

httplib::Result post(httplib::Client& c, const std::string& path, const nlohmann::json& body) {
    return c.Post(path, body.dump(), "application/json");
}

httplib::Result verify(httplib::Client& c, const std::string& cin, const std::string& line) {
    return post(c, "/api/v1/landing/clients/verify-cin", {{"cin", cin}, {"service_identifier", line}});
}

std::string token_for(httplib::Client& c, const std::string& cin, const std::string& line) {
    auto res = verify(c, cin, line);
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 200, res->body);
    return body_json(res)["lookup_token"];
}

httplib::Result subscriptions(httplib::Client& c, const std::string& cin, const std::string& token) {
    return c.Get("/api/v1/landing/clients/" + cin + "/subscriptions?lookup_token=" + token);
}

httplib::Result document_link(httplib::Client& c, const std::string& contract_id, const nlohmann::json& body) {
    return post(c, "/api/v1/landing/contracts/" + contract_id + "/document-link", body);
}

std::string forged(std::string token) {
    token.back() = token.back() == 'A' ? 'B' : 'A';
    return token;
}

} // namespace

TEST_CASE("verify-cin: the CIN and a line of the client, as a person types them, give a lookup token") {
    TestServer server;
    auto c = server.client();
    auto res = verify(c, " ab-123456 ", "06 12 34 56 78");
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 200, res->body);
    const auto j = body_json(res);
    CHECK(j["client_id"] == "cli_demo_amina");
    CHECK(j["first_name"] == "Amina");
    CHECK(j["expires_at"] == "2026-11-23T10:15:00Z"); // 15 minutes
    CHECK(j["lookup_token"].get<std::string>().rfind("cli_demo_amina.", 0) == 0);

    // An internet line (landline number) and a landline, in national and international form.
    CHECK(body_json(verify(c, "BE654321", "05 35 12 34 56"))["client_id"] == "cli_demo_youssef");
    CHECK(body_json(verify(c, "x98765", "+212 522-445566"))["client_id"] == "cli_demo_helene");
}

TEST_CASE("verify-cin: a wrong CIN and a wrong proof get exactly the same answer") {
    TestServer server;
    auto c = server.client();
    auto unknown_cin = verify(c, "ZZ999999", "0612345678");
    auto wrong_line = verify(c, "AB123456", "0699999999");
    auto others_line = verify(c, "AB123456", "0535123456"); // Youssef's line
    check_problem(unknown_cin, 401, "verification_failed");
    check_problem(wrong_line, 401, "verification_failed");
    check_problem(others_line, 401, "verification_failed");
    CHECK(body_but_request_id(unknown_cin) == body_but_request_id(wrong_line));
    CHECK(body_but_request_id(unknown_cin) == body_but_request_id(others_line));
    CHECK(body_json(unknown_cin).count("errors") == 0);

    // Malformed input is a validation error (it looks nothing up).
    auto bad = verify(c, "12", "hello world");
    check_problem(bad, 400, "validation_failed");
    CHECK(body_json(bad)["errors"].size() == 2);
    check_problem(post(c, "/api/v1/landing/clients/verify-cin", {{"cin", "AB123456"}}), 400, "validation_failed");
    check_problem(post(c, "/api/v1/landing/clients/verify-cin", {{"cin", 42}, {"service_identifier", "0612345678"}}),
                  400, "validation_failed");
}

TEST_CASE("verify-cin: repeated failures are refused with 429 and Retry-After, then the window frees up") {
    TestServer server(true, [](isp::ServerConfig& c) {
        c.verify_max_failures = 3;
        c.verify_window_seconds = 600;
    });
    auto c = server.client();
    check_problem(verify(c, "ZZ999991", "0612345678"), 401, "verification_failed");
    server.clock().advance(100);
    check_problem(verify(c, "AB123456", "0699999999"), 401, "verification_failed");
    // The document-link proof counts toward the same limit.
    check_problem(document_link(c, "ctr_demo_amina", {{"cin", "AB123456"}, {"service_identifier", "0600000000"}}), 401,
                  "verification_failed");

    // Even the right CIN and line are refused now.
    auto refused = verify(c, "AB123456", "0612345678");
    check_problem(refused, 429, "too_many_attempts");
    CHECK(refused->get_header_value("Retry-After") == "500"); // the first failure leaves the window in 500 s
    check_problem(document_link(c, "ctr_demo_amina", {{"cin", "AB123456"}, {"service_identifier", "0612345678"}}), 429,
                  "too_many_attempts");

    server.clock().advance(499);
    check_problem(verify(c, "AB123456", "0612345678"), 429, "too_many_attempts");
    server.clock().advance(1);
    auto freed = verify(c, "AB123456", "0612345678");
    REQUIRE(freed);
    CHECK_MESSAGE(freed->status == 200, freed->body);
}

TEST_CASE("verify-cin limits: an attempt counts from the moment it begins, and a success is taken back") {
    // The limiter itself: proofs checked at the same moment on several threads must not
    // all pass the limit before any of them is known to have failed.
    isp::FixedClock clock(default_now);
    isp::security::RateLimiter failures(clock, 3, 600);
    std::int64_t first = 0, second = 0, third = 0, fourth = 0;
    CHECK_FALSE(failures.begin_attempt({"addr:a", "cin:AB123456"}, first));
    CHECK_FALSE(failures.begin_attempt({"addr:a", "cin:AB123456"}, second));
    CHECK_FALSE(failures.begin_attempt({"addr:b", "cin:AB123456"}, third)); // another address, same CIN
    // Three still in flight: a fourth on that CIN waits, from any address.
    CHECK(failures.begin_attempt({"addr:c", "cin:AB123456"}, fourth) == 600);
    CHECK_FALSE(failures.begin_attempt({"addr:c", "cin:CD654321"}, fourth)); // another CIN is free
    failures.forgive({"addr:b", "cin:AB123456"}, third);                     // that one succeeded
    CHECK_FALSE(failures.begin_attempt({"addr:c", "cin:AB123456"}, fourth));
    clock.advance(600);
    CHECK_FALSE(failures.begin_attempt({"addr:a", "cin:AB123456"}, first));

    // Through the API: successful proofs use up no tries.
    TestServer server(true, [](isp::ServerConfig& c) { c.verify_max_failures = 2; });
    auto c = server.client();
    for (int i = 0; i < 3; ++i) {
        const auto ok = verify(c, "AB123456", "0612345678");
        REQUIRE(ok);
        CHECK_MESSAGE(ok->status == 200, ok->body);
    }
    check_problem(verify(c, "AB123456", "0600000001"), 401, "verification_failed");
    check_problem(verify(c, "AB123456", "0600000002"), 401, "verification_failed");
    check_problem(verify(c, "AB123456", "0612345678"), 429, "too_many_attempts");
}

TEST_CASE("subscriptions: the client's live contracts with the offers each may move to") {
    TestServer server;
    auto c = server.client();
    const std::string token = token_for(c, "AB123456", "0612345678");
    auto res = subscriptions(c, "ab123456", token);
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 200, res->body);
    const auto j = body_json(res);
    CHECK(j["client_id"] == "cli_demo_amina");
    REQUIRE(j["subscriptions"].size() == 1);
    const auto& s = j["subscriptions"][0];
    CHECK(s["contract_id"] == "ctr_demo_amina");
    CHECK(s["contract_number"].get<std::string>().rfind("CTR-2026-", 0) == 0);
    CHECK(s["status"] == "active");
    CHECK(s["family"] == "mobile");
    CHECK(s["offer"]["offer_id"] == "ofr_mobile_confort");
    CHECK(s["monthly_price"] == nlohmann::json{{"amount_minor", 9900}, {"currency", "MAD"}});
    CHECK(s["contract_start_date"] == "2026-08-23");
    CHECK(s["commitment_end"] == "2027-08-22");
    CHECK(s["subscriber"]["service_identifier"] == "+212612345678");
    REQUIRE(s["eligible_offers"].size() == 2);
    for (const auto& o : s["eligible_offers"]) {
        CHECK(o["family"] == "mobile");
        if (o["offer_id"] == "ofr_mobile_essentiel") {
            CHECK(o["direction"] == "downgrade");
            CHECK(o["monthly_difference"]["amount_minor"] == -5000);
        } else {
            CHECK(o["offer_id"] == "ofr_mobile_illimite");
            CHECK(o["direction"] == "upgrade");
            CHECK(o["monthly_difference"]["amount_minor"] == 10000);
        }
    }
}

TEST_CASE("subscriptions: another client's, forged, expired and truncated tokens open nothing") {
    TestServer server;
    auto c = server.client();
    const std::string amina = token_for(c, "AB123456", "0612345678");
    const std::string youssef = token_for(c, "BE654321", "0535123456");

    auto other = subscriptions(c, "AB123456", youssef);
    check_problem(other, 403, "lookup_token_mismatch");
    auto unknown = subscriptions(c, "ZZ999999", amina);
    check_problem(unknown, 403, "lookup_token_mismatch");
    CHECK(body_json(other)["detail"] == body_json(unknown)["detail"]);

    check_problem(subscriptions(c, "AB123456", forged(amina)), 401, "lookup_token_invalid");
    check_problem(subscriptions(c, "AB123456", amina.substr(0, amina.size() - 5)), 401, "lookup_token_invalid");
    check_problem(subscriptions(c, "AB123456", amina.substr(0, 20)), 401, "lookup_token_invalid");
    check_problem(subscriptions(c, "AB123456", ""), 401, "lookup_token_invalid");
    // Youssef's signature under Amina's id.
    check_problem(subscriptions(c, "AB123456", "cli_demo_amina" + youssef.substr(youssef.find('.'))), 401,
                  "lookup_token_invalid");

    server.clock().advance(15 * 60);
    check_problem(subscriptions(c, "AB123456", amina), 401, "lookup_token_expired");
}

TEST_CASE("the lookup token also comes as Authorization: Bearer, the header winning over the query") {
    TestServer server;
    auto c = server.client();
    const std::string amina = token_for(c, "AB123456", "0612345678");
    const std::string youssef = token_for(c, "BE654321", "0535123456");
    const auto by_header = [&](const std::string& path, const std::string& token) {
        return c.Get(path, httplib::Headers{{"Authorization", "Bearer " + token}});
    };
    auto listed = by_header("/api/v1/landing/clients/AB123456/subscriptions", amina);
    REQUIRE(listed->status == 200);
    CHECK(body_json(listed) == body_json(subscriptions(c, "AB123456", amina))); // the same answer as the query's
    CHECK(by_header("/api/v1/landing/clients/AB123456/invoices", amina)->status == 200);
    check_problem(by_header("/api/v1/landing/clients/AB123456/subscriptions", youssef), 403, "lookup_token_mismatch");
    check_problem(by_header("/api/v1/landing/clients/AB123456/invoices", forged(amina)), 401, "lookup_token_invalid");
    // Both: the header is the one used.
    check_problem(by_header("/api/v1/landing/clients/AB123456/subscriptions?lookup_token=" + amina, youssef), 403,
                  "lookup_token_mismatch");
    check_problem(c.Get("/api/v1/landing/clients/AB123456/invoices"), 401, "lookup_token_invalid");
}

TEST_CASE("the lookup token lifetime is a flag") {
    TestServer server(true, [](isp::ServerConfig& c) { c.lookup_token_ttl_seconds = 120; });
    auto c = server.client();
    auto res = verify(c, "AB123456", "0612345678");
    CHECK(body_json(res)["expires_at"] == "2026-11-23T10:02:00Z");
    server.clock().advance(119);
    CHECK(subscriptions(c, "AB123456", body_json(res)["lookup_token"])->status == 200);
}

TEST_CASE("document-link: a fresh link for the owner, by lookup token or by proof") {
    TestServer server;
    auto c = server.client();
    const std::string amina = token_for(c, "AB123456", "0612345678");
    const std::string youssef = token_for(c, "BE654321", "0535123456");

    auto by_token = document_link(c, "ctr_demo_amina", {{"lookup_token", amina}});
    REQUIRE(by_token);
    REQUIRE_MESSAGE(by_token->status == 200, by_token->body);
    const auto j = body_json(by_token);
    CHECK(j["document_version"] == 1);
    CHECK(j["document_url_expires_at"] == "2026-11-24T10:00:00Z");
    auto pdf = c.Get(j["document_download_url"].get<std::string>());
    REQUIRE(pdf);
    CHECK(pdf->status == 200);
    CHECK(pdf->body.rfind("%PDF-", 0) == 0);

    auto by_proof = document_link(c, "ctr_demo_amina", {{"cin", "ab123456"}, {"service_identifier", "0612345678"}});
    REQUIRE(by_proof);
    CHECK_MESSAGE(by_proof->status == 200, by_proof->body);

    // Another client's token, another client's proof, an unknown contract: one answer.
    auto other_token = document_link(c, "ctr_demo_amina", {{"lookup_token", youssef}});
    auto other_proof = document_link(c, "ctr_demo_amina", {{"cin", "BE654321"}, {"service_identifier", "0535123456"}});
    auto unknown = document_link(c, "ctr_unknown0000", {{"lookup_token", amina}});
    check_problem(other_token, 403, "contract_not_owned");
    check_problem(other_proof, 403, "contract_not_owned");
    check_problem(unknown, 403, "contract_not_owned");
    CHECK(body_json(other_token)["detail"] == body_json(unknown)["detail"]);

    check_problem(document_link(c, "ctr_demo_amina", {{"lookup_token", forged(amina)}}), 401, "lookup_token_invalid");
    check_problem(document_link(c, "ctr_demo_amina", {{"lookup_token", amina.substr(0, 30)}}), 401,
                  "lookup_token_invalid");
    check_problem(document_link(c, "ctr_demo_amina", {{"cin", "AB123456"}, {"service_identifier", "0611111111"}}), 401,
                  "verification_failed");
    check_problem(document_link(c, "ctr_demo_amina", nlohmann::json::object()), 400, "validation_failed");
    server.clock().advance(15 * 60 + 1);
    check_problem(document_link(c, "ctr_demo_amina", {{"lookup_token", amina}}), 401, "lookup_token_expired");
}

TEST_CASE("public writes are limited per client address, and the limit frees up after a minute") {
    TestServer server(true, [](isp::ServerConfig& c) { c.landing_writes_per_minute = 3; });
    auto c = server.client();
    const std::string amina = token_for(c, "AB123456", "0612345678");
    for (int i = 0; i < 2; ++i)
        CHECK(document_link(c, "ctr_demo_amina", {{"lookup_token", amina}})->status == 200);
    // A refused submit counts too: every attempt does.
    CHECK(c.Post("/api/v1/landing/submit/new", "{}", "application/json")->status == 400);
    auto limited = c.Post("/api/v1/landing/submit/new", "{}", "application/json");
    check_problem(limited, 429, "too_many_attempts");
    CHECK(limited->get_header_value("Retry-After") == "60");
    check_problem(post(c, "/api/v1/landing/submit/plan-change", {{"lookup_token", amina}}), 429, "too_many_attempts");
    check_problem(document_link(c, "ctr_demo_amina", {{"lookup_token", amina}}), 429, "too_many_attempts");
    server.clock().advance(60);
    CHECK(document_link(c, "ctr_demo_amina", {{"lookup_token", amina}})->status == 200);
}
