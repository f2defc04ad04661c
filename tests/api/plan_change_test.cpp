// POST /api/v1/landing/submit/plan-change (process map P9, issue #3): upgrades and
// downgrades made today (dated later they wait: scheduled_offer_changes_test.cpp), every refusal, exactly once under
// fifty concurrent retries, and the new document version read back with pdftotext.
#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <thread>
#include <vector>

#include "../support/problem_check.h"
#include "../support/test_server.h"
#include "server/store/database.h"

using namespace isp::test;

namespace {

std::string token_for(httplib::Client& c, const std::string& cin, const std::string& line) {
    auto res = c.Post("/api/v1/landing/clients/verify-cin",
                      nlohmann::json{{"cin", cin}, {"service_identifier", line}}.dump(), "application/json");
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 200, res->body);
    return nlohmann::json::parse(res->body)["lookup_token"];
}

nlohmann::json change(const std::string& token, const std::string& target, const std::string& date,
                      const std::string& contract_id = "ctr_demo_amina") {
    return {{"lookup_token", token},
            {"contract_id", contract_id},
            {"target_offer_id", target},
            {"contract_start_date", date}};
}

httplib::Result submit(httplib::Client& c, const nlohmann::json& body, const std::string& key) {
    return c.Post("/api/v1/landing/submit/plan-change", {{"Idempotency-Key", key}}, body.dump(), "application/json");
}

std::int64_t count(const std::string& db_path, const std::string& sql) {
    isp::store::Database db(db_path);
    return db.read([&](isp::store::Connection& c) {
        auto st = c.prepare(sql);
        REQUIRE(st.step());
        return st.integer(0);
    });
}

} // namespace

TEST_CASE("an upgrade dated today moves the contract to the new offer at once, with a new document version") {
    TestServer server;
    auto c = server.client();
    const std::string token = token_for(c, "AB123456", "0612345678");
    const std::string key = new_key();
    auto res = submit(c, change(token, "ofr_mobile_illimite", "2026-11-23"), key);
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 200, res->body);
    const auto j = body_json(res);
    CHECK(j["direction"] == "upgrade");
    CHECK(j["effective_date"] == "2026-11-23");
    CHECK(j["document_version"] == 2);
    CHECK(j["monthly_difference"] == nlohmann::json{{"amount_minor", 10000}, {"currency", "MAD"}});
    CHECK(j["previous_offer"]["offer_id"] == "ofr_mobile_confort");
    CHECK(j["offer"]["offer_id"] == "ofr_mobile_illimite");
    CHECK(j["contract"]["offer_id"] == "ofr_mobile_illimite");
    CHECK(j["contract"]["contract_start_date"] == "2026-11-23");
    CHECK(j["contract"]["document_version"] == 2);

    // The new document shows the new offer and its effective date; version 1 stays recorded.
    auto pdf = c.Get(j["document_download_url"].get<std::string>());
    REQUIRE(pdf);
    REQUIRE(pdf->status == 200);
    const std::string text = pdftotext(pdf->body, "contract-plan-change");
    CHECK(text.find("Mobile Illimité") != std::string::npos);
    CHECK(text.find("23 novembre 2026") != std::string::npos);
    CHECK(text.find("Mobile Confort") == std::string::npos);
    CHECK(count(server.db_path(), "SELECT COUNT(*) FROM contract_documents WHERE contract_id = 'ctr_demo_amina'") == 2);

    // The offer periods billing will prorate on, and the audit trail.
    CHECK(count(server.db_path(), "SELECT COUNT(*) FROM contract_offer_periods WHERE contract_id = 'ctr_demo_amina'") ==
          2);
    CHECK(count(server.db_path(), "SELECT COUNT(*) FROM contract_offer_periods WHERE contract_id = 'ctr_demo_amina' "
                                  "AND offer_id = 'ofr_mobile_illimite' AND effective_from = '2026-11-23'") == 1);
    CHECK(count(server.db_path(), "SELECT COUNT(*) FROM contract_audit WHERE contract_id = 'ctr_demo_amina' AND "
                                  "action = 'offer_changed' AND json_extract(before, '$.offer.offer_id') = "
                                  "'ofr_mobile_confort' AND json_extract(after, '$.offer.offer_id') = "
                                  "'ofr_mobile_illimite'") == 1);

    // A replay answers the same, and changes nothing more.
    auto again = submit(c, change(token, "ofr_mobile_illimite", "2026-11-23"), key);
    REQUIRE(again);
    CHECK(again->status == 200);
    CHECK(again->get_header_value("Idempotent-Replayed") == "true");
    CHECK(again->body == res->body);

    // The subscriptions list follows: both other mobile offers are downgrades now.
    auto subs = c.Get("/api/v1/landing/clients/AB123456/subscriptions?lookup_token=" + token);
    const auto s = body_json(subs)["subscriptions"][0];
    CHECK(s["offer"]["offer_id"] == "ofr_mobile_illimite");
    REQUIRE(s["eligible_offers"].size() == 2);
    for (const auto& o : s["eligible_offers"])
        CHECK(o["direction"] == "downgrade");
}

TEST_CASE("a downgrade from today, and every refusal with its own code") {
    TestServer server;
    auto c = server.client();
    const std::string amina = token_for(c, "AB123456", "0612345678");
    const std::string youssef = token_for(c, "BE654321", "0535123456");

    check_problem(submit(c, change(amina, "ofr_internet_fibre100", "2026-12-01"), new_key()), 409, "different_family");
    check_problem(submit(c, change(amina, "ofr_mobile_confort", "2026-12-01"), new_key()), 409, "same_offer");
    check_problem(submit(c, change(amina, "ofr_nope", "2026-12-01"), new_key()), 400, "validation_failed");

    auto past = submit(c, change(amina, "ofr_mobile_essentiel", "2026-11-22"), new_key());
    check_problem(past, 400, "validation_failed");
    CHECK(body_json(past)["errors"][0]["field"] == "contract_start_date");
    CHECK(body_json(past)["errors"][0]["code"] == "start_date_in_past");
    auto far = submit(c, change(amina, "ofr_mobile_essentiel", "2027-02-22"), new_key()); // 91 days
    CHECK(body_json(far)["errors"][0]["code"] == "start_date_too_far");
    auto bad = submit(c, change(amina, "ofr_mobile_essentiel", "22/12/2026"), new_key());
    CHECK(body_json(bad)["errors"][0]["code"] == "invalid_date");
    check_problem(submit(c, nlohmann::json{{"lookup_token", amina}}, new_key()), 400, "validation_failed");

    // Another client's contract and an unknown contract: one answer.
    auto others = submit(c, change(amina, "ofr_internet_fibre500", "2026-12-01", "ctr_demo_youssef"), new_key());
    auto unknown = submit(c, change(amina, "ofr_mobile_essentiel", "2026-12-01", "ctr_unknown0000"), new_key());
    check_problem(others, 403, "contract_not_owned");
    check_problem(unknown, 403, "contract_not_owned");
    CHECK(body_json(others)["detail"] == body_json(unknown)["detail"]);
    check_problem(submit(c, change(youssef, "ofr_mobile_essentiel", "2026-12-01"), new_key()), 403,
                  "contract_not_owned");

    // Forged, truncated, missing and expired tokens.
    std::string forged = amina;
    forged.back() = forged.back() == 'A' ? 'B' : 'A';
    check_problem(submit(c, change(forged, "ofr_mobile_essentiel", "2026-12-01"), new_key()), 401,
                  "lookup_token_invalid");
    check_problem(submit(c, change(amina.substr(0, 25), "ofr_mobile_essentiel", "2026-12-01"), new_key()), 401,
                  "lookup_token_invalid");
    check_problem(submit(c, change("", "ofr_mobile_essentiel", "2026-12-01"), new_key()), 401, "lookup_token_invalid");
    check_problem(c.Post("/api/v1/landing/submit/plan-change",
                         change(amina, "ofr_mobile_essentiel", "2026-12-01").dump(), "application/json"),
                  400, "idempotency_key_missing");

    // Nothing above changed anything.
    CHECK(count(server.db_path(), "SELECT document_version FROM contracts WHERE contract_id = 'ctr_demo_amina'") == 1);

    // A downgrade effective today.
    auto down = submit(c, change(amina, "ofr_mobile_essentiel", "2026-11-23"), new_key());
    REQUIRE(down);
    REQUIRE_MESSAGE(down->status == 200, down->body);
    CHECK(body_json(down)["direction"] == "downgrade");
    CHECK(body_json(down)["monthly_difference"]["amount_minor"] == -5000);

    server.clock().advance(15 * 60);
    check_problem(submit(c, change(amina, "ofr_mobile_confort", "2026-12-01"), new_key()), 401, "lookup_token_expired");
}

TEST_CASE("a contract that is not active cannot change offer") {
    TestServer server;
    auto c = server.client();
    const std::string amina = token_for(c, "AB123456", "0612345678");
    {
        isp::store::Database db(server.db_path());
        db.write([](isp::store::Connection& conn) {
            conn.prepare("UPDATE contracts SET status = 'suspended' WHERE contract_id = 'ctr_demo_amina'").run();
        });
    }
    check_problem(submit(c, change(amina, "ofr_mobile_illimite", "2026-12-01"), new_key()), 409, "contract_not_active");
}

TEST_CASE("fifty plan changes with the same Idempotency-Key at once: exactly one change") {
    TestServer server(true, [](isp::ServerConfig& c) {
        c.landing_writes_per_minute = 1000;
        c.threads = 64;
    });
    auto c = server.client();
    const std::string token = token_for(c, "AB123456", "0612345678");
    const std::string key = new_key();
    const std::string body = change(token, "ofr_mobile_illimite", "2026-11-23").dump();
    std::vector<int> statuses(50, 0);
    std::vector<std::string> bodies(50);
    std::vector<std::thread> threads;
    for (int i = 0; i < 50; ++i)
        threads.emplace_back([&, i] {
            auto client = server.client();
            auto res =
                client.Post("/api/v1/landing/submit/plan-change", {{"Idempotency-Key", key}}, body, "application/json");
            if (res) {
                statuses[i] = res->status;
                bodies[i] = res->body;
            }
        });
    for (auto& t : threads)
        t.join();
    std::string first_ok;
    for (int i = 0; i < 50; ++i) {
        CHECK_MESSAGE((statuses[i] == 200 || statuses[i] == 409), statuses[i], " ", bodies[i]);
        if (statuses[i] == 200) {
            if (first_ok.empty())
                first_ok = bodies[i];
            CHECK(bodies[i] == first_ok);
        }
    }
    CHECK(!first_ok.empty());
    CHECK(count(server.db_path(), "SELECT document_version FROM contracts WHERE contract_id = 'ctr_demo_amina'") == 2);
    CHECK(count(server.db_path(), "SELECT COUNT(*) FROM contract_audit WHERE action = 'offer_changed'") == 1);
    CHECK(count(server.db_path(), "SELECT COUNT(*) FROM contract_documents WHERE contract_id = 'ctr_demo_amina'") == 2);
}
