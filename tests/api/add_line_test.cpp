// An existing client adds a line from the landing page (issue #15): POST /landing/submit/new
// with the lookup token of verify-cin reuses the client record (no 409), reads only the
// subscription's fields and never changes who the client is.
#include <doctest/doctest.h>

#include <string>

#include "../support/problem_check.h"
#include "../support/test_server.h"

using namespace isp::test;

namespace {

std::string token_for(httplib::Client& c, const std::string& cin, const std::string& line) {
    const nlohmann::json body = {{"cin", cin}, {"service_identifier", line}};
    auto res = c.Post("/api/v1/landing/clients/verify-cin", body.dump(), "application/json");
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 200, res->body);
    return body_json(res)["lookup_token"];
}

// What the portal sends for a known client: the subscription's fields only.
nlohmann::json new_line(const std::string& line = "0677001122") {
    return {{"offer_id", "ofr_mobile_essentiel"},
            {"service_identifier", line},
            {"contract_start_date", "2026-12-01"},
            {"commitment_months", 0},
            {"language", "fr"}};
}

httplib::Result submit(httplib::Client& c, const nlohmann::json& body, const std::string& key,
                       const std::string& token) {
    httplib::Headers headers{{"Idempotency-Key", key}};
    if (!token.empty())
        headers.emplace("Authorization", "Bearer " + token);
    return c.Post("/api/v1/landing/submit/new", headers, body.dump(), "application/json");
}

nlohmann::json subscriptions(httplib::Client& c, const std::string& cin, const std::string& token) {
    auto res = c.Get("/api/v1/landing/clients/" + cin + "/subscriptions", {{"Authorization", "Bearer " + token}});
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 200, res->body);
    return body_json(res);
}

bool lists_line(const nlohmann::json& subs, const std::string& e164) {
    for (const auto& s : subs["subscriptions"])
        if (s["subscriber"]["service_identifier"] == e164)
            return true;
    return false;
}

} // namespace

TEST_CASE("a verified client adds a line: their record is reused, as it is") {
    TestServer server;
    auto c = server.client();
    const std::string token = token_for(c, "AB123456", "06 12 34 56 78"); // Amina
    REQUIRE_FALSE(lists_line(subscriptions(c, "AB123456", token), "+212677001122"));

    // Identity fields sent anyway are not read: a verified client cannot rename herself here.
    nlohmann::json body = new_line();
    body["first_name"] = "Mallory";
    body["cin"] = "ZZ999999";
    auto res = submit(c, body, new_key(), token);
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 201, res->body);
    const auto j = body_json(res);
    CHECK(j["client_id"] == "cli_demo_amina");
    CHECK(j["status"] == "active");
    CHECK(j["subscriber"]["service_identifier"] == "+212677001122");
    CHECK(j["offer"]["name"] == "Mobile Essentiel");

    // Her dashboard lists the new line beside the old one.
    const auto subs = subscriptions(c, "AB123456", token);
    CHECK(lists_line(subs, "+212677001122"));
    CHECK(lists_line(subs, "+212612345678"));
    CHECK(subs["first_name"] == "Amina");

    // The contract is in her name, with her CIN.
    auto pdf = c.Get(j["document_download_url"].get<std::string>());
    REQUIRE(pdf);
    REQUIRE(pdf->status == 200);
    const std::string text = pdftotext(pdf->body, "contract-added-line");
    CHECK(text.find("Amina") != std::string::npos);
    CHECK(text.find("AB123456") != std::string::npos);
    CHECK(text.find("Mallory") == std::string::npos);
    CHECK(text.find("ZZ999999") == std::string::npos);

    // No second client was made for her CIN: a staff search finds one.
    const std::string staff = create_staff_token(server, "viewer");
    auto found = c.Get("/api/v1/customers", httplib::Params{{"q", "AB123456"}}, bearer(staff));
    REQUIRE(found);
    REQUIRE_MESSAGE(found->status == 200, found->body);
    CHECK(body_json(found)["pagination"]["total"] == 1);
}

TEST_CASE("adding a line: only the subscription's fields are checked, and the line must be free") {
    TestServer server;
    auto c = server.client();
    const std::string token = token_for(c, "AB123456", "0612345678");

    nlohmann::json incomplete = new_line("");
    incomplete["contract_start_date"] = "2026-11-01"; // before today (2026-11-23)
    auto res = submit(c, incomplete, new_key(), token);
    check_problem(res, 400, "validation_failed");
    CHECK(error_fields(res) == std::vector<std::string>{"service_identifier", "contract_start_date"});

    // Her own line, or anyone's line under contract: the same 409 as for a new client.
    res = submit(c, new_line("0612345678"), new_key(), token);
    check_problem(res, 409, "service_identifier_in_use");
    CHECK(error_fields(res) == std::vector<std::string>{"service_identifier"});
}

TEST_CASE("adding a line needs a valid token: refused ones store nothing") {
    TestServer server;
    auto c = server.client();
    std::string token = token_for(c, "AB123456", "0612345678");
    std::string forged = token;
    forged.back() = forged.back() == 'A' ? 'B' : 'A';

    const std::string key = new_key();
    check_problem(submit(c, new_line(), key, forged), 401, "lookup_token_invalid");
    // Without any token the form is a new client's: the identity fields are then required.
    auto res = submit(c, new_line(), new_key(), "");
    check_problem(res, 400, "validation_failed");
    CHECK(error_fields(res) == std::vector<std::string>{"cin", "first_name", "last_name", "phone", "email", "address"});

    // The refused key was not spent: the same key with the right token makes the contract.
    res = submit(c, new_line(), key, token);
    REQUIRE(res);
    CHECK_MESSAGE(res->status == 201, res->body);

    // After the token expired (15 minutes), verifying again and retrying with the same key
    // replays the first answer: one contract, not two.
    const std::string first_contract = body_json(res)["contract_id"];
    server.clock().advance(16 * 60);
    check_problem(submit(c, new_line(), key, token), 401, "lookup_token_expired");
    token = token_for(c, "AB123456", "0612345678");
    res = submit(c, new_line(), key, token);
    REQUIRE(res);
    CHECK(res->status == 201);
    CHECK(body_json(res)["contract_id"] == first_contract);

    // Another client's token with that key: another request, refused.
    const std::string other = token_for(c, "X98765", "0522445566"); // Hélène
    check_problem(submit(c, new_line(), key, other), 422, "idempotency_key_reused");
}
