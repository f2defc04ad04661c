// GET /api/v1/invoices[/{invoice_id}] (issue #4, process map P12): filters (client,
// service, offer, status with overdue derived from the clock), pagination, 404, roles,
// and the responses against the OpenAPI description.
#include <doctest/doctest.h>

#include <set>

#include "../support/openapi_check.h"
#include "../support/test_server.h"
#include "server/store/database.h"

using namespace isp::test;

namespace {

// Bills November 2026 for the three demo contracts (Amina mobile, Youssef internet,
// Hélène landline), as of the default test date.
nlohmann::json bill_november(httplib::Client& c, const std::string& token) {
    httplib::Headers h = bearer(token);
    h.emplace("Idempotency-Key", new_key());
    auto res = c.Post("/api/v1/billing/runs", h, R"({"period": "2026-11"})", "application/json");
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 201, res->body);
    return body_json(res);
}

std::set<std::string> contracts_listed(httplib::Client& c, const std::string& token, const std::string& query) {
    auto res = c.Get("/api/v1/invoices?" + query, bearer(token));
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 200, res->body);
    std::set<std::string> out;
    const auto body = body_json(res);
    for (const auto& i : body["data"])
        out.insert(i["contract_id"].get<std::string>());
    CHECK(body["pagination"]["total"] == out.size());
    return out;
}

void sql(const std::string& db_path, const std::string& statement) {
    isp::store::Database db(db_path);
    db.write([&](isp::store::Connection& c) { c.prepare(statement).run(); });
}

} // namespace

TEST_CASE("invoices: every endpoint needs a staff token; ops and admin read") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    const std::string admin = create_staff_token(server, "admin");
    const auto run = bill_november(c, ops);
    const std::string id = run["invoice_ids"][0];

    CHECK(c.Get("/api/v1/invoices")->status == 401);
    CHECK(c.Get("/api/v1/invoices/" + id)->status == 401);
    CHECK(c.Get("/api/v1/invoices", {{"X-Actor-Id", "a"}, {"X-Actor-Roles", "admin"}})->status == 401);
    CHECK(c.Get("/api/v1/invoices", bearer("pst_nope_nope"))->status == 401);
    for (const std::string& token : {ops, admin}) {
        CHECK(c.Get("/api/v1/invoices", bearer(token))->status == 200);
        auto one = c.Get("/api/v1/invoices/" + id, bearer(token));
        REQUIRE(one->status == 200);
        CHECK(body_json(one)["invoice_id"] == id);
        CHECK(body_json(one)["lines"].size() == 1);
    }
    auto missing = c.Get("/api/v1/invoices/inv_nope", bearer(ops));
    CHECK(missing->status == 404);
    CHECK(body_json(missing)["code"] == "invoice_not_found");
}

TEST_CASE("invoices: filters by client, service, offer and status (overdue derived from the due date)") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    bill_november(c, ops);

    using S = std::set<std::string>;
    const S all = {"ctr_demo_amina", "ctr_demo_youssef", "ctr_demo_helene"};
    CHECK(contracts_listed(c, ops, "") == all);
    CHECK(contracts_listed(c, ops, "client_id=cli_demo_amina") == S{"ctr_demo_amina"});
    CHECK(contracts_listed(c, ops, "client_id=cli_nobody").empty());
    CHECK(contracts_listed(c, ops, "service=internet") == S{"ctr_demo_youssef"});
    CHECK(contracts_listed(c, ops, "service=landline") == S{"ctr_demo_helene"});
    CHECK(contracts_listed(c, ops, "offer_id=ofr_mobile_confort") == S{"ctr_demo_amina"});
    CHECK(contracts_listed(c, ops, "offer_id=ofr_mobile_illimite").empty());
    CHECK(contracts_listed(c, ops, "service=mobile&client_id=cli_demo_youssef").empty());
    CHECK(contracts_listed(c, ops, "status=open") == all);
    CHECK(contracts_listed(c, ops, "status=overdue").empty());

    // Settlement is written by payments (another part); here straight in the table.
    sql(server.db_path(),
        "UPDATE invoices SET paid_minor = total_minor, status = 'paid' WHERE contract_id = 'ctr_demo_helene'");
    sql(server.db_path(),
        "UPDATE invoices SET paid_minor = 100, status = 'partially_paid' WHERE contract_id = 'ctr_demo_youssef'");
    CHECK(contracts_listed(c, ops, "status=paid") == S{"ctr_demo_helene"});
    CHECK(contracts_listed(c, ops, "status=partially_paid") == S{"ctr_demo_youssef"});
    CHECK(contracts_listed(c, ops, "status=open") == S{"ctr_demo_amina"});

    // Due 2026-12-08: on the 8th nothing is overdue yet, on the 9th the unpaid ones are.
    server.clock().set(isp::test::default_now + 15 * 86400);
    CHECK(contracts_listed(c, ops, "status=overdue").empty());
    server.clock().set(isp::test::default_now + 16 * 86400);
    CHECK(contracts_listed(c, ops, "status=overdue") == S{"ctr_demo_amina", "ctr_demo_youssef"});
    CHECK(contracts_listed(c, ops, "status=open").empty());
    CHECK(contracts_listed(c, ops, "status=partially_paid").empty());
    CHECK(contracts_listed(c, ops, "status=paid") == S{"ctr_demo_helene"});
    auto y = body_json(c.Get("/api/v1/invoices?client_id=cli_demo_youssef", bearer(ops)))["data"][0];
    CHECK(y["status"] == "overdue");
    CHECK(y["paid"]["amount_minor"] == 100);
    CHECK(y["outstanding"]["amount_minor"] == y["total"]["amount_minor"].get<std::int64_t>() - 100);
    CHECK(!y.contains("lines"));

    // Wrong filter values: 400 with a field error each.
    auto bad = c.Get("/api/v1/invoices?service=tv&status=late", bearer(ops));
    REQUIRE(bad->status == 400);
    const auto problem = body_json(bad);
    CHECK(problem["code"] == "validation_failed");
    REQUIRE(problem["errors"].size() == 2);
    CHECK(problem["errors"][0]["field"] == "service");
    CHECK(problem["errors"][1]["field"] == "status");
}

TEST_CASE("invoices: pagination, newest first") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    bill_november(c, ops);
    server.clock().advance(24 * 3600);
    httplib::Headers h = bearer(ops);
    h.emplace("Idempotency-Key", new_key());
    REQUIRE(c.Post("/api/v1/billing/runs", h, R"({"period": "2026-10"})", "application/json")->status == 201);

    auto p1 = body_json(c.Get("/api/v1/invoices?per_page=4", bearer(ops)));
    CHECK(p1["pagination"] == nlohmann::json{{"page", 1}, {"per_page", 4}, {"total", 6}, {"total_pages", 2}});
    REQUIRE(p1["data"].size() == 4);
    CHECK(p1["data"][0]["invoice_number"] == "FAC-2026-000006");
    CHECK(p1["data"][0]["period"] == "2026-10");
    CHECK(p1["data"][3]["invoice_number"] == "FAC-2026-000003");
    auto p2 = body_json(c.Get("/api/v1/invoices?per_page=4&page=2", bearer(ops)));
    REQUIRE(p2["data"].size() == 2);
    CHECK(p2["data"][1]["invoice_number"] == "FAC-2026-000001");
    CHECK(body_json(c.Get("/api/v1/invoices?per_page=4&page=3", bearer(ops)))["data"].empty());
    CHECK(c.Get("/api/v1/invoices?per_page=0", bearer(ops))->status == 400);
    CHECK(c.Get("/api/v1/invoices?per_page=101", bearer(ops))->status == 400);
    CHECK(c.Get("/api/v1/invoices?page=x", bearer(ops))->status == 400);
}

TEST_CASE("billing runs and invoices match the OpenAPI description, errors included") {
    TestServer server;
    auto c = server.client();
    const nlohmann::json doc = body_json(c.Get("/api/v1/openapi.json"));
    const OpenApi api(doc);
    const std::string ops = create_staff_token(server, "ops");
    const auto check = [&](const std::string& method, const std::string& path, const httplib::Result& res) {
        check_described(api, method, path, res);
    };
    const auto post_run = [&](const std::string& body, const std::string& key, const std::string& token) {
        httplib::Headers h = token.empty() ? httplib::Headers{} : bearer(token);
        h.emplace("Idempotency-Key", key);
        return c.Post("/api/v1/billing/runs", h, body, "application/json");
    };
    auto created = post_run(R"({"period": "2026-11"})", new_key(), ops);
    check("post", "/billing/runs", created);
    check("post", "/billing/runs", post_run(R"({"period": "2026-11"})", new_key(), ops)); // 200, nothing left
    check("post", "/billing/runs", post_run(R"({"period": "2026-1"})", new_key(), ops));
    check("post", "/billing/runs", post_run(R"({"period": "2027-01"})", new_key(), ops));
    check("post", "/billing/runs", post_run(R"({"period": "2026-11"})", new_key(), ""));
    const std::string id = body_json(created)["invoice_ids"][0];
    check("get", "/invoices", c.Get("/api/v1/invoices", bearer(ops)));
    check("get", "/invoices", c.Get("/api/v1/invoices?status=late", bearer(ops)));
    check("get", "/invoices", c.Get("/api/v1/invoices"));
    check("get", "/invoices/{invoice_id}", c.Get("/api/v1/invoices/" + id, bearer(ops)));
    check("get", "/invoices/{invoice_id}", c.Get("/api/v1/invoices/inv_nope", bearer(ops)));
    for (const char* p : {"/billing/runs", "/invoices", "/invoices/{invoice_id}"})
        for (const auto& [method, operation] : doc["paths"][p].items()) // reads are the viewer's too
            CHECK(operation["x-roles"] ==
                  (method == "get" ? nlohmann::json{"admin", "ops", "viewer"} : nlohmann::json{"admin", "ops"}));
}
