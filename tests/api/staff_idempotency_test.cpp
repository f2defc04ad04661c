// Idempotency-Key on the staff writes that create something (docs/process-map.md,
// "Idempotency"): customers, both contract paths, offers, collection case actions and staff
// accounts. The key is optional there: with one, the same key and body replay the first
// answer (Idempotent-Replayed: true) and create nothing more, the same key with another
// body is 422 idempotency_key_reused; without one, every POST runs as before. Counts are
// read through the list endpoints. Also: the staff PUTs that need no key write nothing when
// repeated.
#include <functional>

#include <doctest/doctest.h>

#include "../support/invoice_fixture.h"
#include "../support/openapi_check.h"
#include "../support/problem_check.h"
#include "../support/test_server.h"
#include "server/store/database.h"

using namespace isp::test;

namespace {

httplib::Headers with_key(const std::string& token, const std::string& key) {
    auto h = bearer(token);
    h.emplace("Idempotency-Key", key);
    return h;
}

// `pagination.total` of a list endpoint.
std::int64_t total_of(httplib::Client& c, const std::string& token, const std::string& path) {
    auto res = c.Get(path, bearer(token));
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 200, res->body);
    return body_json(res)["pagination"]["total"].get<std::int64_t>();
}

struct KeyedCreate {
    std::string path_template; // as the OpenAPI description names it
    std::string path;
    std::string token;
    std::string list_path; // where the created rows are counted
    nlohmann::json body;
    nlohmann::json other_body; // valid too, but not the same request
};

// The contract of a keyed create; returns the first answer.
httplib::Result check_keyed_create(httplib::Client& c, const OpenApi& api, const KeyedCreate& k) {
    const std::int64_t before = total_of(c, k.token, k.list_path);
    const std::string key = new_key();

    auto first = c.Post(k.path, with_key(k.token, key), k.body.dump(), "application/json");
    REQUIRE(first);
    REQUIRE_MESSAGE(first->status == 201, first->body);
    check_described(api, "post", k.path_template, first);
    CHECK_FALSE(first->has_header("Idempotent-Replayed"));
    CHECK(total_of(c, k.token, k.list_path) == before + 1);

    // The answer was lost; the console sends the same request again.
    auto replay = c.Post(k.path, with_key(k.token, key), k.body.dump(), "application/json");
    REQUIRE(replay);
    CHECK(replay->status == 201);
    CHECK(replay->get_header_value("Idempotent-Replayed") == "true");
    CHECK(replay->get_header_value("Location") == first->get_header_value("Location"));
    check_described(api, "post", k.path_template, replay);
    CHECK(total_of(c, k.token, k.list_path) == before + 1);

    auto reused = c.Post(k.path, with_key(k.token, key), k.other_body.dump(), "application/json");
    check_problem(reused, 422, "idempotency_key_reused");
    check_described(api, "post", k.path_template, reused);
    CHECK(total_of(c, k.token, k.list_path) == before + 1);

    check_problem(c.Post(k.path, with_key(k.token, "short"), k.other_body.dump(), "application/json"), 400,
                  "idempotency_key_invalid");
    CHECK(total_of(c, k.token, k.list_path) == before + 1);
    return first;
}

nlohmann::json customer(const std::string& cin) {
    return {{"cin", cin},
            {"first_name", "Karim"},
            {"last_name", "Tazi"},
            {"phone", "06 55 44 33 22"},
            {"email", "karim.tazi@example.ma"},
            {"address", "12, boulevard Zerktouni, Casablanca"},
            {"language", "en"}};
}

nlohmann::json offer(const std::string& name) {
    return {{"family", "internet"},
            {"name", name},
            {"description", "Symmetric gigabit fibre."},
            {"monthly_price", {{"amount_minor", 59900}, {"currency", "MAD"}}},
            {"tax_rate_bp", 2000},
            {"commitment_months", 12},
            {"active", true}};
}

nlohmann::json provision_body(const std::string& line) {
    return {{"offer_id", "ofr_mobile_confort"},
            {"contract_start_date", "2026-11-23"},
            {"commitment_months", 12},
            {"client_id", "cli_demo_youssef"},
            {"subscriber", {{"service_identifier", line}}},
            {"provisioning_intent", "auto"}};
}

nlohmann::json manual_body(const std::string& line) {
    return {{"client_id", "cli_demo_helene"},
            {"offer_id", "ofr_mobile_essentiel"},
            {"service_identifier", line},
            {"contract_start_date", "2026-11-23"},
            {"commitment_months", 0}};
}

std::size_t version_count(httplib::Client& c, const std::string& token, const std::string& contract_id) {
    auto res = c.Get("/api/v1/contracts/" + contract_id + "/documents", bearer(token));
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 200, res->body);
    return body_json(res)["versions"].size();
}

std::int64_t audit_count(httplib::Client& c, const std::string& token, const std::string& contract_id) {
    return total_of(c, token, "/api/v1/contracts/" + contract_id + "/audit");
}

} // namespace

TEST_CASE("POST /customers with an Idempotency-Key: replayed, created once; another body is 422") {
    TestServer server;
    auto c = server.client();
    const OpenApi api = served_description(c);
    const std::string ops = create_staff_token(server, "ops");
    auto first = check_keyed_create(
        c, api,
        {"/customers", "/api/v1/customers", ops, "/api/v1/customers", customer("CD246810"), customer("CD246811")});
    CHECK(first->get_header_value("Location") ==
          "/api/v1/customers/" + body_json(first)["client_id"].get<std::string>());

    // Without a key it is created as before; a second one is refused by the CIN rule.
    const std::int64_t before = total_of(c, ops, "/api/v1/customers");
    auto plain = c.Post("/api/v1/customers", bearer(ops), customer("CD246812").dump(), "application/json");
    CHECK(plain->status == 201);
    CHECK_FALSE(plain->has_header("Idempotent-Replayed"));
    check_problem(c.Post("/api/v1/customers", bearer(ops), customer("CD246812").dump(), "application/json"), 409,
                  "cin_already_registered");
    CHECK(total_of(c, ops, "/api/v1/customers") == before + 1);
}

TEST_CASE("POST /customers: a refused request stores nothing, so the same key works once it is corrected") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    const std::string key = new_key();
    auto taken = customer("AB123456"); // Amina's CIN (demo)
    check_problem(c.Post("/api/v1/customers", with_key(ops, key), taken.dump(), "application/json"), 409,
                  "cin_already_registered");
    auto corrected = c.Post("/api/v1/customers", with_key(ops, key), customer("CD246813").dump(), "application/json");
    CHECK(corrected->status == 201);
    CHECK_FALSE(corrected->has_header("Idempotent-Replayed"));
}

TEST_CASE("POST /offers with an Idempotency-Key: replayed, created once; without a key each POST creates") {
    TestServer server;
    auto c = server.client();
    const OpenApi api = served_description(c);
    const std::string ops = create_staff_token(server, "ops");
    auto first = check_keyed_create(
        c, api, {"/offers", "/api/v1/offers", ops, "/api/v1/offers", offer("Fibre 1 Giga"), offer("Fibre 2 Giga")});
    CHECK(first->get_header_value("Location") == "/api/v1/offers/" + body_json(first)["offer_id"].get<std::string>());

    const std::int64_t before = total_of(c, ops, "/api/v1/offers");
    CHECK(c.Post("/api/v1/offers", bearer(ops), offer("Fibre 3 Giga").dump(), "application/json")->status == 201);
    CHECK(c.Post("/api/v1/offers", bearer(ops), offer("Fibre 3 Giga").dump(), "application/json")->status == 201);
    CHECK(total_of(c, ops, "/api/v1/offers") == before + 2);
}

TEST_CASE("POST /contracts/provision and POST /contracts with an Idempotency-Key: one contract, one audit entry") {
    TestServer server;
    auto c = server.client();
    const OpenApi api = served_description(c);
    const std::string ops = create_staff_token(server, "ops");

    auto provisioned =
        check_keyed_create(c, api,
                           {"/contracts/provision", "/api/v1/contracts/provision", ops, "/api/v1/contracts",
                            provision_body("0612300001"), provision_body("0612300002")});
    const auto k = body_json(provisioned);
    const std::string id = k["contract_id"];
    CHECK(provisioned->get_header_value("Location") == "/api/v1/contracts/" + id);
    CHECK(k["document_version"] == 1);
    CHECK(audit_count(c, ops, id) == 1);
    CHECK(version_count(c, ops, id) == 1);

    auto manual = check_keyed_create(c, api,
                                     {"/contracts", "/api/v1/contracts", ops, "/api/v1/contracts",
                                      manual_body("0612300011"), manual_body("0612300012")});
    CHECK(audit_count(c, ops, body_json(manual)["contract_id"]) == 1);
}

TEST_CASE("a replayed contract answer carries a document link signed for the replay, which opens the document") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    const std::string key = new_key();
    auto first = c.Post("/api/v1/contracts/provision", with_key(ops, key), provision_body("0612300003").dump(),
                        "application/json");
    REQUIRE_MESSAGE(first->status == 201, first->body);
    server.clock().advance(3600);
    auto replay = c.Post("/api/v1/contracts/provision", with_key(ops, key), provision_body("0612300003").dump(),
                         "application/json");
    REQUIRE(replay->status == 201);
    CHECK(replay->get_header_value("Idempotent-Replayed") == "true");
    auto a = body_json(first), b = body_json(replay);
    CHECK(b["document_url_expires_at"] != a["document_url_expires_at"]); // signed an hour later
    a.erase("document_download_url");
    a.erase("document_url_expires_at");
    b.erase("document_download_url");
    b.erase("document_url_expires_at");
    CHECK(a == b);
    auto pdf = c.Get(body_json(replay)["document_download_url"].get<std::string>());
    REQUIRE(pdf);
    CHECK(pdf->status == 200);
    CHECK(pdf->body.rfind("%PDF", 0) == 0);
}

TEST_CASE("POST /collections/cases/{case_id}/actions with an Idempotency-Key: the action is recorded once") {
    TestServer server;
    auto c = server.client();
    const OpenApi api = served_description(c);
    const std::string ops = create_staff_token(server, "ops");
    insert_invoice(server, InvoiceSpec().due("2026-11-01"));
    auto cases = c.Get("/api/v1/collections/cases", bearer(ops));
    REQUIRE(cases->status == 200);
    const std::string case_id = body_json(cases)["data"][0]["case_id"];
    const std::string path = "/api/v1/collections/cases/" + case_id + "/actions";
    check_keyed_create(c, api,
                       {"/collections/cases/{case_id}/actions",
                        path,
                        ops,
                        path,
                        {{"kind", "call"}, {"note", "No answer; will call back."}},
                        {{"kind", "call"}, {"note", "Promised to pay Friday."}}});

    // The same key on another case is another request.
    const std::string key = new_key();
    REQUIRE(c.Post(path, with_key(ops, key), R"({"kind": "sms"})", "application/json")->status == 201);
    insert_invoice(server, InvoiceSpec().of("cli_demo_youssef", "ctr_demo_youssef").due("2026-10-01"));
    std::string other;
    const nlohmann::json listed = body_json(c.Get("/api/v1/collections/cases", bearer(ops)));
    for (const auto& k : listed["data"])
        if (k["case_id"] != case_id)
            other = k["case_id"].get<std::string>();
    REQUIRE_FALSE(other.empty());
    check_problem(c.Post("/api/v1/collections/cases/" + other + "/actions", with_key(ops, key), R"({"kind": "sms"})",
                         "application/json"),
                  422, "idempotency_key_reused");
}

TEST_CASE("POST /staff/accounts with an Idempotency-Key: one account; the replay has no password link, and the "
          "database never holds it") {
    TestServer server;
    auto c = server.client();
    const OpenApi api = served_description(c);
    const std::string admin = create_staff_token(server, "admin");
    const nlohmann::json body = {
        {"email", "nadia.alami@example.ma"}, {"display_name", "Nadia Alami"}, {"roles", {"ops"}}, {"language", "fr"}};
    nlohmann::json other = body;
    other["email"] = "omar.berrada@example.ma";
    auto first = check_keyed_create(
        c, api, {"/staff/accounts", "/api/v1/staff/accounts", admin, "/api/v1/staff/accounts", body, other});
    const auto created = body_json(first);
    const std::string id = created["account"]["account_id"];
    CHECK(first->get_header_value("Location") == "/api/v1/staff/accounts/" + id);
    const std::string url = created["password_link"]["url"];
    const std::string token = url.substr(url.find("set-password=") + 13);
    REQUIRE(token.size() > 20);

    const std::string key = new_key();
    auto again = c.Post("/api/v1/staff/accounts", with_key(admin, key), other.dump(), "application/json");
    REQUIRE(again->status == 201);
    auto replay = c.Post("/api/v1/staff/accounts", with_key(admin, key), other.dump(), "application/json");
    REQUIRE(replay->status == 201);
    CHECK(replay->get_header_value("Idempotent-Replayed") == "true");
    CHECK(body_json(replay)["account"] == body_json(again)["account"]);
    CHECK_FALSE(body_json(replay).contains("password_link"));

    // Stored answers hold no link token.
    isp::store::Connection db(server.db_path(), true);
    auto st = db.prepare("SELECT response_body FROM idempotency_keys WHERE scope = 'staff.accounts.create'");
    int stored = 0;
    while (st.step()) {
        ++stored;
        const std::string stored_body = st.text(0);
        CHECK(stored_body.find("set-password") == std::string::npos);
        CHECK(stored_body.find(token) == std::string::npos);
        CHECK((stored_body.find(id) != std::string::npos || stored_body.find("omar.berrada") != std::string::npos));
    }
    CHECK(stored == 2);

    // The link of the first answer still works; the replay asked for none.
    auto link = c.Post("/api/v1/staff/accounts/" + id + "/password-link", bearer(admin), "", "application/json");
    CHECK(link->status == 201);
}

TEST_CASE("the staff PUTs need no key: the same change again writes no second audit entry, version or note") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    const std::string contract = "ctr_demo_amina";
    const std::int64_t audit = audit_count(c, ops, contract);
    const std::size_t documents = version_count(c, ops, contract);

    const std::string status = R"({"status": "suspended", "effective_date": "2026-11-23"})";
    REQUIRE(c.Put("/api/v1/contracts/" + contract + "/status", bearer(ops), status, "application/json")->status == 200);
    check_problem(c.Put("/api/v1/contracts/" + contract + "/status", bearer(ops), status, "application/json"), 409,
                  "invalid_status_transition");
    CHECK(audit_count(c, ops, contract) == audit + 1);
    REQUIRE(
        c.Put("/api/v1/contracts/" + contract + "/status", bearer(ops), R"({"status": "active"})", "application/json")
            ->status == 200);

    auto current = body_json(c.Get("/api/v1/contracts/" + contract, bearer(ops)));
    const std::string target =
        current["offer_id"] == "ofr_mobile_confort" ? "ofr_mobile_illimite" : "ofr_mobile_confort";
    const std::string change = nlohmann::json{{"offer_id", target}, {"effective_date", "2026-11-23"}}.dump();
    auto changed = c.Put("/api/v1/contracts/" + contract + "/offer", bearer(ops), change, "application/json");
    REQUIRE_MESSAGE(changed->status == 200, changed->body);
    check_problem(c.Put("/api/v1/contracts/" + contract + "/offer", bearer(ops), change, "application/json"), 409,
                  "same_offer");
    CHECK(audit_count(c, ops, contract) == audit + 3);
    CHECK(version_count(c, ops, contract) == documents + 1);

    insert_invoice(server, InvoiceSpec().due("2026-11-01"));
    const std::string case_id = body_json(c.Get("/api/v1/collections/cases", bearer(ops)))["data"][0]["case_id"];
    const std::string actions = "/api/v1/collections/cases/" + case_id + "/actions";
    const std::int64_t notes = total_of(c, ops, actions);
    const std::string in_progress = R"({"status": "in_progress"})";
    auto moved =
        c.Put("/api/v1/collections/cases/" + case_id + "/status", bearer(ops), in_progress, "application/json");
    REQUIRE(moved->status == 200);
    auto again =
        c.Put("/api/v1/collections/cases/" + case_id + "/status", bearer(ops), in_progress, "application/json");
    CHECK(again->status == 200);
    CHECK(body_json(again) == body_json(moved));
    CHECK(total_of(c, ops, actions) == notes + 1);
}
