// Staff customer management (issue #4, process map P3): roles, CIN uniqueness, search,
// pagination bounds, validation, and the delete guardrail.
#include <doctest/doctest.h>

#include "../support/test_server.h"
#include "server/store/database.h"

using namespace isp::test;

namespace {

nlohmann::json valid_customer(const std::string& cin = "CD 246810") {
    return {{"cin", cin},
            {"first_name", "Karim"},
            {"last_name", "Tazi"},
            {"phone", "06 55 44 33 22"},
            {"email", "karim.tazi@Example.MA"},
            {"address", "12, boulevard Zerktouni, Casablanca"},
            {"language", "en"}};
}

httplib::Result post_customer(httplib::Client& c, const std::string& token, const nlohmann::json& body) {
    return c.Post("/api/v1/customers", bearer(token), body.dump(), "application/json");
}

std::vector<std::string> found_ids(httplib::Client& c, const std::string& token, const std::string& query) {
    httplib::Params params{{"q", query}};
    auto res = c.Get("/api/v1/customers", params, bearer(token));
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 200, res->body);
    std::vector<std::string> out;
    const nlohmann::json body = body_json(res);
    for (const auto& cl : body["data"])
        out.push_back(cl["client_id"]);
    return out;
}

} // namespace

TEST_CASE("customer endpoints: no token 401, ops and admin succeed, delete is admin only (403 for ops)") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    const std::string admin = create_staff_token(server, "admin");
    const std::string body = valid_customer().dump();

    CHECK(c.Post("/api/v1/customers", body, "application/json")->status == 401);
    CHECK(c.Get("/api/v1/customers")->status == 401);
    CHECK(c.Get("/api/v1/customers/cli_demo_amina")->status == 401);
    CHECK(c.Put("/api/v1/customers/cli_demo_amina", body, "application/json")->status == 401);
    CHECK(c.Delete("/api/v1/customers/cli_demo_amina")->status == 401);
    CHECK(c.Get("/api/v1/customers", {{"X-Actor-Id", "agent"}, {"X-Actor-Roles", "admin"}})->status == 401);

    int n = 0;
    for (const std::string& token : {ops, admin}) {
        auto created = post_customer(c, token, valid_customer(n++ == 0 ? "CD246810" : "CD246811"));
        REQUIRE_MESSAGE(created->status == 201, created->body);
        const std::string id = body_json(created)["client_id"];
        CHECK(id.rfind("cli_", 0) == 0);
        CHECK(created->get_header_value("Location") == "/api/v1/customers/" + id);
        CHECK(c.Get("/api/v1/customers", bearer(token))->status == 200);
        CHECK(c.Get("/api/v1/customers/" + id, bearer(token))->status == 200);
        auto put = c.Put("/api/v1/customers/" + id, bearer(token),
                         valid_customer(n == 1 ? "CD246810" : "CD246811").dump(), "application/json");
        CHECK_MESSAGE(put->status == 200, put->body);
        auto refused = c.Delete("/api/v1/customers/" + id, bearer(ops));
        if (token == ops) {
            CHECK(refused->status == 403);
            CHECK(body_json(refused)["code"] == "forbidden_role");
        }
        CHECK(c.Delete("/api/v1/customers/" + id, bearer(admin))->status == 204);
        CHECK(c.Get("/api/v1/customers/" + id, bearer(token))->status == 404);
    }
}

TEST_CASE("a customer is stored normalised, read back, replaced; unknown ids are 404 customer_not_found") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");

    auto created = post_customer(c, ops, valid_customer());
    REQUIRE(created->status == 201);
    const auto client = body_json(created);
    CHECK(client["cin"] == "CD246810");
    CHECK(client["phone"] == "+212655443322");
    CHECK(client["email"] == "karim.tazi@example.ma");
    CHECK(client["language"] == "en");
    CHECK(client["created_at"] == "2026-11-23T10:00:00Z");
    CHECK(client["updated_at"] == "2026-11-23T10:00:00Z");
    const std::string path = "/api/v1/customers/" + client["client_id"].get<std::string>();
    CHECK(body_json(c.Get(path, bearer(ops))) == client);

    server.clock().advance(3600);
    auto changed = valid_customer();
    changed["address"] = "5, rue de Fès, Tanger";
    changed.erase("language"); // optional: French by default
    auto put = c.Put(path, bearer(ops), changed.dump(), "application/json");
    REQUIRE_MESSAGE(put->status == 200, put->body);
    const auto updated = body_json(put);
    CHECK(updated["address"] == "5, rue de Fès, Tanger");
    CHECK(updated["language"] == "fr");
    CHECK(updated["created_at"] == "2026-11-23T10:00:00Z");
    CHECK(updated["updated_at"] == "2026-11-23T11:00:00Z");
    CHECK(body_json(c.Get(path, bearer(ops))) == updated);

    const std::string admin = create_staff_token(server, "admin");
    const std::string other = valid_customer("ZZ1234").dump();
    auto check_missing = [](const httplib::Result& res) {
        REQUIRE(res);
        CHECK(res->status == 404);
        CHECK(body_json(res)["code"] == "customer_not_found");
    };
    check_missing(c.Get("/api/v1/customers/cli_nope", bearer(ops)));
    check_missing(c.Put("/api/v1/customers/cli_nope", bearer(ops), other, "application/json"));
    check_missing(c.Delete("/api/v1/customers/cli_nope", bearer(admin)));
}

TEST_CASE("a CIN belongs to one customer: create and update with a taken CIN are 409 cin_already_registered") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");

    auto dup = post_customer(c, ops, valid_customer("ab-123456")); // Amina's, typed differently
    CHECK(dup->status == 409);
    CHECK(body_json(dup)["code"] == "cin_already_registered");
    CHECK(error_fields(dup) == std::vector<std::string>{"cin"});

    auto created = post_customer(c, ops, valid_customer());
    REQUIRE(created->status == 201);
    const std::string path = "/api/v1/customers/" + body_json(created)["client_id"].get<std::string>();
    auto taken = c.Put(path, bearer(ops), valid_customer("AB123456").dump(), "application/json");
    CHECK(taken->status == 409);
    CHECK(body_json(taken)["code"] == "cin_already_registered");
    // Keeping one's own CIN is no conflict.
    CHECK(c.Put(path, bearer(ops), valid_customer().dump(), "application/json")->status == 200);
}

TEST_CASE("customer validation lists every wrong field") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");

    auto empty = post_customer(c, ops, nlohmann::json::object());
    CHECK(empty->status == 400);
    CHECK(body_json(empty)["code"] == "validation_failed");
    CHECK(error_fields(empty) ==
          std::vector<std::string>{"cin", "first_name", "last_name", "phone", "email", "address"});

    const nlohmann::json bad = {{"cin", "123"},     {"first_name", "  "},      {"last_name", std::string(61, 'x')},
                                {"phone", "12345"}, {"email", "not-an-email"}, {"address", "line\nbreak"},
                                {"language", "de"}};
    auto res = post_customer(c, ops, bad);
    CHECK(res->status == 400);
    CHECK(error_fields(res) ==
          std::vector<std::string>{"cin", "first_name", "last_name", "phone", "email", "address", "language"});
    const auto body = body_json(res);
    CHECK(body["errors"][0]["code"] == "invalid_cin");
    CHECK(body["errors"][1]["code"] == "required");
    CHECK(body["errors"][2]["code"] == "too_long");
    CHECK(body["errors"][3]["code"] == "invalid_phone");
    CHECK(body["errors"][4]["code"] == "invalid_email");
    CHECK(body["errors"][5]["code"] == "invalid_text");
    CHECK(body["errors"][6]["code"] == "invalid_language");

    auto typed = post_customer(c, ops, {{"cin", 42}, {"first_name", true}});
    CHECK(typed->status == 400);
    CHECK(body_json(typed)["errors"][0]["code"] == "invalid_type");
    // Nothing was written by the refusals.
    CHECK(body_json(c.Get("/api/v1/customers", bearer(ops)))["pagination"]["total"] == 3);
}

TEST_CASE("customer search finds by name, CIN and phone as people type them") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    using ids = std::vector<std::string>;

    CHECK(found_ids(c, ops, "ab 123456") == ids{"cli_demo_amina"});
    CHECK(found_ids(c, ops, "AB-123456") == ids{"cli_demo_amina"});
    CHECK(found_ids(c, ops, "06 12 34 56 78") == ids{"cli_demo_amina"});
    CHECK(found_ids(c, ops, "+212 612-345678") == ids{"cli_demo_amina"});
    CHECK(found_ids(c, ops, "0612") == ids{"cli_demo_amina"}); // from the start: not Youssef's +212 66 12...
    CHECK(found_ids(c, ops, "612").size() == 2);               // anywhere: both
    CHECK(found_ids(c, ops, "amina") == ids{"cli_demo_amina"});
    CHECK(found_ids(c, ops, "el idrissi") == ids{"cli_demo_amina"});
    CHECK(found_ids(c, ops, "Idrissi Amina") == ids{"cli_demo_amina"});
    CHECK(found_ids(c, ops, "benali") == ids{"cli_demo_youssef"});
    CHECK(found_ids(c, ops, "x98765") == ids{"cli_demo_helene"});
    CHECK(found_ids(c, ops, "nobody").empty());
    CHECK(found_ids(c, ops, "%").empty()); // LIKE wildcards are plain characters
    CHECK(found_ids(c, ops, "").size() == 3);

    auto search = c.Get("/api/v1/customers", httplib::Params{{"q", "ab 123456"}}, bearer(ops));
    CHECK(body_json(search)["pagination"]["total"] == 1);
    auto too_long = c.Get("/api/v1/customers", httplib::Params{{"q", std::string(101, 'a')}}, bearer(ops));
    CHECK(too_long->status == 400);
}

TEST_CASE("customer search: 1 or 2 characters match at the start, the index follows creations, edits, deletes") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    const std::string admin = create_staff_token(server, "admin");
    using ids = std::vector<std::string>;

    // Start of a first or last name, of a CIN, of a national number (migration 9).
    CHECK(found_ids(c, ops, "e") == ids{"cli_demo_amina"}); // El Idrissi; not the e inside Youssef
    CHECK(found_ids(c, ops, "YO") == ids{"cli_demo_youssef"});
    CHECK(found_ids(c, ops, "be") == ids{"cli_demo_youssef"}); // Benali, and CIN BE654321
    CHECK(found_ids(c, ops, "h\u00e9") == ids{"cli_demo_helene"});
    CHECK(found_ids(c, ops, "x9") == ids{"cli_demo_helene"});
    CHECK(found_ids(c, ops, "7").size() == 1);                  // +212 7...: Hélène's number
    CHECK(found_ids(c, ops, "ss").empty());                     // inside names only: too short to look up anywhere
    CHECK(found_ids(c, ops, "sse") == ids{"cli_demo_youssef"}); // three characters: anywhere

    // The search index follows the clients table (triggers).
    auto created = post_customer(c, ops, valid_customer());
    REQUIRE(created->status == 201);
    const std::string id = body_json(created)["client_id"];
    CHECK(found_ids(c, ops, "karim taz") == ids{id});
    CHECK(found_ids(c, ops, "cd24") == ids{id});
    CHECK(found_ids(c, ops, "0655") == ids{id});
    nlohmann::json changed = valid_customer("EF 135790");
    changed["last_name"] = "Squalli";
    REQUIRE(c.Put("/api/v1/customers/" + id, bearer(ops), changed.dump(), "application/json")->status == 200);
    CHECK(found_ids(c, ops, "karim taz").empty());
    CHECK(found_ids(c, ops, "squal") == ids{id});
    CHECK(found_ids(c, ops, "ef 135") == ids{id});
    CHECK(found_ids(c, ops, "cd24").empty());
    REQUIRE(c.Delete("/api/v1/customers/" + id, bearer(admin))->status == 204);
    CHECK(found_ids(c, ops, "squal").empty());
    CHECK(body_json(c.Get("/api/v1/customers", httplib::Params{{"q", "sq"}}, bearer(ops)))["pagination"]["total"] == 0);
}

TEST_CASE("customer list pages: bounds are 400, a page beyond the last is empty") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");

    auto first = body_json(c.Get("/api/v1/customers?per_page=2", bearer(ops)));
    CHECK(first["data"].size() == 2);
    CHECK(first["pagination"] == nlohmann::json{{"page", 1}, {"per_page", 2}, {"total", 3}, {"total_pages", 2}});
    auto second = body_json(c.Get("/api/v1/customers?per_page=2&page=2", bearer(ops)));
    CHECK(second["data"].size() == 1);
    CHECK(second["data"][0]["client_id"] != first["data"][0]["client_id"]);
    CHECK(body_json(c.Get("/api/v1/customers?page=9", bearer(ops)))["data"].empty());
    for (const char* q : {"?per_page=0", "?per_page=101", "?page=0", "?page=x"}) {
        auto res = c.Get(std::string("/api/v1/customers") + q, bearer(ops));
        CHECK_MESSAGE(res->status == 400, q);
        CHECK(body_json(res)["code"] == "validation_failed");
    }
}

TEST_CASE("a customer with a contract, invoice, payment or collection case cannot be deleted (409)") {
    TestServer server;
    auto c = server.client();
    const std::string admin = create_staff_token(server, "admin");

    auto blocked = c.Delete("/api/v1/customers/cli_demo_amina", bearer(admin)); // has a contract
    CHECK(blocked->status == 409);
    CHECK(body_json(blocked)["code"] == "customer_delete_blocked");
    CHECK(c.Get("/api/v1/customers/cli_demo_amina", bearer(admin))->status == 200);

    // History in the billing and collections tables blocks too, even without a contract
    // (written straight to the file: those tables belong to the billing helpers' endpoints).
    const std::vector<std::string> rows = {
        "INSERT INTO invoices (invoice_id, invoice_number, billing_run_id, client_id, contract_id, period, "
        "period_start, period_end, issue_date, due_date, currency, subtotal_minor, tax_minor, total_minor, status, "
        "client_snapshot, created_at, updated_at) VALUES ('inv_t', 'FAC-2026-999999', 'run_t', '{C}', 'ctr_t', "
        "'2026-10', '2026-10-01', '2026-10-31', '2026-11-01', '2026-11-15', 'MAD', 1, 0, 1, 'open', '{}', 'x', 'x')",
        "INSERT INTO payments (payment_id, invoice_id, client_id, amount_minor, currency, method, allocation, "
        "received_on, actor, created_at) VALUES ('pay_t', 'inv_t', '{C}', 1, 'MAD', 'cash', 'full', '2026-11-01', "
        "'t', 'x')",
        "INSERT INTO collection_cases (case_id, invoice_id, client_id, status, opened_on, created_at, updated_at) "
        "VALUES ('case_t', 'inv_t', '{C}', 'open', '2026-11-20', 'x', 'x')",
    };
    int n = 0;
    for (std::string row : rows) {
        auto created = post_customer(c, admin, valid_customer("Q" + std::to_string(100 + n++)));
        REQUIRE(created->status == 201);
        const std::string id = body_json(created)["client_id"];
        CHECK(c.Get("/api/v1/customers/" + id, bearer(admin))->status == 200);
        row.replace(row.find("{C}"), 3, id);
        {
            // Each row alone, without the invoice, run and contract it would hang from.
            isp::store::Connection conn(server.db_path(), false);
            conn.exec("PRAGMA foreign_keys = OFF");
            conn.exec("DELETE FROM collection_cases; DELETE FROM payments; DELETE FROM invoices;");
            conn.exec(row.c_str());
        }
        auto res = c.Delete("/api/v1/customers/" + id, bearer(admin));
        CHECK_MESSAGE(res->status == 409, row);
        CHECK(body_json(res)["code"] == "customer_delete_blocked");
    }
}
