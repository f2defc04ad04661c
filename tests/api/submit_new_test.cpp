#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <set>
#include <thread>
#include <vector>

#include "../support/test_server.h"

using namespace isp::test;

namespace {

nlohmann::json signup(const std::string& cin = "CD778899", const std::string& line = "0677889900") {
    return {{"offer_id", "ofr_mobile_confort"},
            {"cin", cin},
            {"first_name", "Élodie"},
            {"last_name", "Çakır-Ñúñez"},
            {"phone", "06 77 88 99 00"},
            {"email", "elodie@example.ma"},
            {"address", "5, rue de Fès, Rabat"},
            {"service_identifier", line},
            {"contract_start_date", "2026-12-01"},
            {"commitment_months", 12},
            {"language", "fr"}};
}

httplib::Result submit(httplib::Client& c, const nlohmann::json& body, const std::string& key) {
    return c.Post("/api/v1/landing/submit/new", {{"Idempotency-Key", key}}, body.dump(), "application/json");
}

} // namespace

TEST_CASE("a new subscription creates an active contract whose PDF shows what was signed") {
    TestServer server;
    auto client = server.client();
    auto res = submit(client, signup(), new_key());
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 201, res->body);
    const auto j = body_json(res);
    CHECK(j["status"] == "active");
    CHECK(j["contract_number"].get<std::string>().rfind("CTR-2026-", 0) == 0);
    CHECK(j["client_id"].get<std::string>().rfind("cli_", 0) == 0);
    CHECK(j["contract_start_date"] == "2026-12-01");
    CHECK(j["commitment_end"] == "2027-11-30");
    CHECK(j["subscriber"]["service_identifier"] == "+212677889900");
    CHECK(j["offer"]["name"] == "Mobile Confort");

    const std::string url = j["document_download_url"];
    auto pdf = client.Get(url);
    REQUIRE(pdf);
    REQUIRE(pdf->status == 200);
    CHECK(pdf->get_header_value("Content-Type") == "application/pdf");
    CHECK(pdf->body.rfind("%PDF-", 0) == 0);
    const std::string text = pdftotext(pdf->body, "contract-new-subscription");
    CHECK(text.find("Élodie") != std::string::npos);
    CHECK(text.find("Çakır-Ñúñez") != std::string::npos);
    CHECK(text.find("CD778899") != std::string::npos);
    CHECK(text.find("Mobile Confort") != std::string::npos);
    CHECK(text.find("99,00") != std::string::npos); // monthly price before tax, French style
    CHECK(text.find(j["contract_number"].get<std::string>()) != std::string::npos);
    CHECK((text.find("2026-12-01") != std::string::npos || text.find("01/12/2026") != std::string::npos ||
           text.find("1 décembre 2026") != std::string::npos || text.find("1er décembre 2026") != std::string::npos));

    // Contract numbers follow each other with no gap.
    auto second = body_json(submit(client, signup("EF112233", "0611223344"), new_key()));
    const std::string n1 = j["contract_number"], n2 = second["contract_number"];
    CHECK(std::stoi(n2.substr(9)) == std::stoi(n1.substr(9)) + 1);
}

TEST_CASE("the submitted draft is gone once the contract exists") {
    TestServer server;
    auto client = server.client();
    const auto d =
        body_json(client.Post("/api/v1/landing/drafts", nlohmann::json{{"form", signup()}}.dump(), "application/json"));
    nlohmann::json body = signup();
    body["draft_id"] = d["draft_id"];
    REQUIRE(submit(client, body, new_key())->status == 201);
    CHECK(client.Get("/api/v1/landing/drafts/" + d["draft_id"].get<std::string>())->status == 404);
}

TEST_CASE("every invalid field is reported, and nothing is written") {
    TestServer server;
    auto client = server.client();
    nlohmann::json body = signup();
    body["cin"] = "12";
    body["email"] = "nope";
    body["contract_start_date"] = "2026-11-01";
    body["offer_id"] = "ofr_nope";
    body["language"] = "en";
    auto res = submit(client, body, new_key());
    REQUIRE(res);
    CHECK(res->status == 400);
    CHECK(res->get_header_value("Content-Type") == "application/problem+json");
    const auto p = body_json(res);
    CHECK(p["code"] == "validation_failed");
    CHECK(p["type"] == "urn:isp-portal:problem:validation_failed");
    CHECK(p["status"] == 400);
    std::set<std::string> got;
    for (const auto& e : p["errors"]) {
        got.insert(e["field"].get<std::string>() + ":" + e["code"].get<std::string>());
        CHECK_FALSE(e["message"].get<std::string>().empty());
    }
    CHECK(got.count("cin:invalid_cin"));
    CHECK(got.count("email:invalid_email"));
    CHECK(got.count("contract_start_date:start_date_in_past"));
    CHECK(got.count("offer_id:unknown_offer"));
    for (const auto& e : p["errors"])
        if (e["field"] == "cin")
            CHECK(e["message"].get<std::string>().find("Invalid CIN") == 0); // English, as asked

    // The same CIN can still sign up: nothing was half-written.
    CHECK(submit(client, signup(), new_key())->status == 201);
}

TEST_CASE("an existing client's CIN never creates or changes anything without verification") {
    TestServer server;
    auto client = server.client();
    nlohmann::json body = signup("AB123456"); // Amina, a demo client
    body["first_name"] = "Mallory";
    auto res = submit(client, body, new_key());
    REQUIRE(res);
    CHECK(res->status == 409);
    CHECK(body_json(res)["code"] == "verification_required");
}

TEST_CASE("a line already under contract cannot be signed again") {
    TestServer server;
    auto client = server.client();
    auto res = submit(client, signup("GH445566", "06 12 34 56 78"), new_key()); // Amina's line
    REQUIRE(res);
    CHECK(res->status == 409);
    const auto p = body_json(res);
    CHECK(p["code"] == "service_identifier_in_use");
    CHECK(p["errors"][0]["field"] == "service_identifier");
}

TEST_CASE("Idempotency-Key: required, replayed, and refused for a different request") {
    TestServer server;
    auto client = server.client();
    auto missing = client.Post("/api/v1/landing/submit/new", signup().dump(), "application/json");
    REQUIRE(missing);
    CHECK(missing->status == 400);
    CHECK(body_json(missing)["code"] == "idempotency_key_missing");
    CHECK(submit(client, signup(), "short")->status == 400);

    const std::string key = new_key();
    auto first = submit(client, signup(), key);
    REQUIRE(first->status == 201);
    auto replay = submit(client, signup(), key);
    REQUIRE(replay);
    CHECK(replay->status == 201);
    CHECK(replay->body == first->body);
    CHECK(replay->get_header_value("Idempotent-Replayed") == "true");

    nlohmann::json other = signup("IJ998877", "0699887766");
    auto reused = submit(client, other, key);
    REQUIRE(reused);
    CHECK(reused->status == 422);
    CHECK(body_json(reused)["code"] == "idempotency_key_reused");

    // Replays survive a restart: the key is stored with the contract.
    server.restart();
    auto client2 = server.client();
    CHECK(submit(client2, signup(), key)->body == first->body);
}

TEST_CASE("the same submission arriving many times at once creates exactly one contract") {
    TestServer server;
    const std::string key = new_key();
    const nlohmann::json body = signup("KL123123", "0700000001");
    std::vector<std::thread> threads;
    std::vector<int> statuses(16, 0);
    std::vector<std::string> bodies(16);
    for (int i = 0; i < 16; ++i)
        threads.emplace_back([&, i] {
            auto c = server.client();
            auto r = submit(c, body, key);
            if (r) {
                statuses[static_cast<size_t>(i)] = r->status;
                bodies[static_cast<size_t>(i)] = r->body;
            }
        });
    for (auto& t : threads)
        t.join();
    std::set<std::string> contracts;
    for (int i = 0; i < 16; ++i) {
        const int s = statuses[static_cast<size_t>(i)];
        CHECK((s == 201 || s == 409));
        if (s == 201)
            contracts.insert(nlohmann::json::parse(bodies[static_cast<size_t>(i)])["contract_id"].get<std::string>());
        else
            CHECK(nlohmann::json::parse(bodies[static_cast<size_t>(i)])["code"] == "idempotency_key_in_use");
    }
    CHECK(contracts.size() == 1);

    // Different keys for the same person at once: one contract, the others see the CIN taken.
    std::vector<std::thread> racers;
    std::atomic<int> created{0};
    for (int i = 0; i < 8; ++i)
        racers.emplace_back([&] {
            auto c = server.client();
            auto r = submit(c, signup("MN456456", "0700000002"), new_key());
            if (r && r->status == 201)
                ++created;
        });
    for (auto& t : racers)
        t.join();
    CHECK(created == 1);
}
