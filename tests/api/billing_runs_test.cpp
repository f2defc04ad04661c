// POST /api/v1/billing/runs (issue #4, process map P11): invoices prorated by day from
// contracts made through the landing page and plan changes; never billed twice, whatever
// the key; gapless numbering; validation; roles.
#include <doctest/doctest.h>

#include <atomic>
#include <set>
#include <thread>
#include <vector>

#include "../support/problem_check.h"
#include "../support/test_server.h"
#include "server/store/contract_store.h"
#include "server/store/database.h"

using namespace isp::test;

namespace {

// 2027-01-05T10:00:00Z
constexpr std::int64_t jan_5_2027 = 1799143200;

httplib::Result run(httplib::Client& c, const std::string& token, const nlohmann::json& body, const std::string& key) {
    httplib::Headers h = bearer(token);
    h.emplace("Idempotency-Key", key);
    return c.Post("/api/v1/billing/runs", h, body.dump(), "application/json");
}

nlohmann::json period(const std::string& p) {
    return {{"period", p}};
}

std::int64_t count(const std::string& db_path, const std::string& sql) {
    isp::store::Database db(db_path);
    return db.read([&](isp::store::Connection& c) {
        auto st = c.prepare(sql);
        REQUIRE(st.step());
        return st.integer(0);
    });
}

std::string subscribe(httplib::Client& c, const std::string& cin, const std::string& line, const std::string& start) {
    const nlohmann::json form = {{"offer_id", "ofr_mobile_essentiel"},
                                 {"cin", cin},
                                 {"first_name", "Nadia"},
                                 {"last_name", "Ouazzani"},
                                 {"phone", line},
                                 {"email", "nadia@example.ma"},
                                 {"address", "9, rue Oued Fès, Rabat"},
                                 {"service_identifier", line},
                                 {"contract_start_date", start},
                                 {"commitment_months", 0}};
    auto res = c.Post("/api/v1/landing/submit/new", {{"Idempotency-Key", new_key()}}, form.dump(), "application/json");
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 201, res->body);
    return body_json(res)["contract_id"];
}

void change_plan(httplib::Client& c, const std::string& target, const std::string& date) {
    auto verified = c.Post("/api/v1/landing/clients/verify-cin",
                           R"({"cin": "AB123456", "service_identifier": "0612345678"})", "application/json");
    REQUIRE(verified->status == 200);
    const nlohmann::json body = {{"lookup_token", body_json(verified)["lookup_token"]},
                                 {"contract_id", "ctr_demo_amina"},
                                 {"target_offer_id", target},
                                 {"contract_start_date", date}};
    auto res =
        c.Post("/api/v1/landing/submit/plan-change", {{"Idempotency-Key", new_key()}}, body.dump(), "application/json");
    // Dated later it is scheduled (202); the run makes what is due by its day first.
    REQUIRE_MESSAGE(res->status < 300, res->body);
}

nlohmann::json invoice_of(httplib::Client& c, const std::string& token, const std::string& contract_id) {
    auto list = body_json(c.Get("/api/v1/invoices?per_page=100", bearer(token)));
    for (const auto& i : list["data"])
        if (i["contract_id"] == contract_id)
            return body_json(c.Get("/api/v1/invoices/" + i["invoice_id"].get<std::string>(), bearer(token)));
    FAIL("no invoice for " << contract_id);
    return {};
}

} // namespace

TEST_CASE("billing run: a new contract and a plan change are prorated by day, a line per offer with its days") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops", "agent.billing");
    const std::string nadia = subscribe(c, "ZZ123456", "0655443322", "2026-12-10");
    change_plan(c, "ofr_mobile_illimite", "2026-12-15");

    server.clock().set(jan_5_2027);
    auto res = run(c, ops, period("2026-12"), new_key());
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 201, res->body);
    const auto j = body_json(res);
    CHECK(j["period"] == "2026-12");
    CHECK(j["invoice_count"] == 4);
    CHECK(j["invoice_ids"].size() == 4);
    CHECK(j["skipped_already_billed"] == 0);
    const std::string run_id = j["billing_run_id"];
    CHECK(run_id.rfind("run_", 0) == 0);

    // Amina: Mobile Confort 1-14 December, Mobile Illimité from the 15th.
    const auto amina = invoice_of(c, ops, "ctr_demo_amina");
    CHECK(amina["billing_run_id"] == run_id);
    CHECK(amina["issue_date"] == "2027-01-05");
    CHECK(amina["due_date"] == "2027-01-20"); // 15 days by default
    CHECK(amina["status"] == "open");
    CHECK(amina["period_start"] == "2026-12-01");
    CHECK(amina["period_end"] == "2026-12-31");
    CHECK(amina["client"]["cin"] == "AB123456");
    CHECK(amina["client"]["last_name"] == "El Idrissi");
    REQUIRE(amina["lines"].size() == 2);
    const auto& l1 = amina["lines"][0];
    const auto& l2 = amina["lines"][1];
    CHECK(l1["offer_id"] == "ofr_mobile_confort");
    CHECK(l1["from_date"] == "2026-12-01");
    CHECK(l1["to_date"] == "2026-12-14");
    CHECK(l1["days"] == 14);
    CHECK(l1["days_in_period"] == 31);
    CHECK(l1["amount"]["amount_minor"] == 4471); // 9900 * 14 / 31 = 4470.97
    CHECK(l1["tax"]["amount_minor"] == 894);     // 20 %: 894.2
    CHECK(l2["offer_id"] == "ofr_mobile_illimite");
    CHECK(l2["from_date"] == "2026-12-15");
    CHECK(l2["days"] == 17);
    CHECK(l2["amount"]["amount_minor"] == 10913); // 19900 * 17 / 31 = 10912.9
    CHECK(l2["tax"]["amount_minor"] == 2183);     // 2182.6
    CHECK(amina["subtotal"]["amount_minor"] == 4471 + 10913);
    CHECK(amina["tax"]["amount_minor"] == 894 + 2183);
    CHECK(amina["total"]["amount_minor"] == 4471 + 10913 + 894 + 2183);
    CHECK(amina["outstanding"] == amina["total"]);

    // Nadia: from her start date, 22 of 31 days.
    const auto n = invoice_of(c, ops, nadia);
    REQUIRE(n["lines"].size() == 1);
    CHECK(n["period_start"] == "2026-12-10");
    CHECK(n["lines"][0]["days"] == 22);
    CHECK(n["lines"][0]["amount"]["amount_minor"] == 3477); // 4900 * 22 / 31 = 3477.42

    // A whole month is exactly the monthly price.
    const auto y = invoice_of(c, ops, "ctr_demo_youssef");
    REQUIRE(y["lines"].size() == 1);
    CHECK(y["lines"][0]["days"] == 31);
    CHECK(y["subtotal"]["amount_minor"] == 34900);

    // Run totals are the invoices' sums; the numbers start the issue year's sequence.
    std::int64_t total = 0;
    std::set<std::string> numbers;
    for (const auto& id : j["invoice_ids"]) {
        const auto inv = body_json(c.Get("/api/v1/invoices/" + id.get<std::string>(), bearer(ops)));
        total += inv["total"]["amount_minor"].get<std::int64_t>();
        numbers.insert(inv["invoice_number"]);
    }
    CHECK(j["totals"]["total"]["amount_minor"] == total);
    CHECK(j["totals"]["total"]["currency"] == "MAD");
    CHECK(numbers == std::set<std::string>{"FAC-2027-000001", "FAC-2027-000002", "FAC-2027-000003", "FAC-2027-000004"});
    CHECK(count(server.db_path(),
                "SELECT COUNT(*) FROM billing_runs WHERE actor = 'agent.billing' AND invoice_count = 4") == 1);
}

TEST_CASE("billing run: suspended and terminated days are not billed; a later change of the client does not touch the "
          "invoice") {
    TestServer server;
    auto c = server.client();
    const std::string admin = create_staff_token(server, "admin");
    {
        isp::store::Database db(server.db_path());
        db.write([](isp::store::Connection& k) {
            using isp::ContractStatus;
            isp::store::record_status_period(k, "ctr_demo_youssef", ContractStatus::Suspended, {2026, 11, 10}, "t");
            isp::store::record_status_period(k, "ctr_demo_youssef", ContractStatus::Active, {2026, 11, 20}, "t");
            isp::store::record_status_period(k, "ctr_demo_helene", ContractStatus::Terminated, {2026, 11, 5}, "t");
        });
    }
    auto res = run(c, admin, period("2026-11"), new_key());
    REQUIRE_MESSAGE(res->status == 201, res->body);
    CHECK(body_json(res)["invoice_count"] == 3);

    const auto y = invoice_of(c, admin, "ctr_demo_youssef");
    REQUIRE(y["lines"].size() == 2);
    CHECK(y["lines"][0]["to_date"] == "2026-11-09");
    CHECK(y["lines"][0]["days"] == 9);
    CHECK(y["lines"][1]["from_date"] == "2026-11-20");
    CHECK(y["lines"][1]["days"] == 11);
    CHECK(y["subtotal"]["amount_minor"] == 10470 + 12797); // 34900 * 9 / 30, 34900 * 11 / 30 = 12796.67

    const auto h = invoice_of(c, admin, "ctr_demo_helene");
    REQUIRE(h["lines"].size() == 1);
    CHECK(h["lines"][0]["to_date"] == "2026-11-04");
    CHECK(h["lines"][0]["days"] == 4);
    CHECK(h["period_end"] == "2026-11-04");
    // December: Hélène is terminated, nothing to bill for her.
    server.clock().set(jan_5_2027);
    auto dec = body_json(run(c, admin, period("2026-12"), new_key()));
    CHECK(dec["invoice_count"] == 2);

    // The client's address changes after issue: the invoice keeps the snapshot.
    {
        isp::store::Database db(server.db_path());
        db.write([](isp::store::Connection& k) {
            k.prepare("UPDATE clients SET address = 'ailleurs' WHERE client_id = 'cli_demo_youssef'").run();
        });
    }
    CHECK(invoice_of(c, admin, "ctr_demo_youssef")["client"]["address"] == "7, avenue Hassan II, Fès");
}

TEST_CASE("billing run: never twice for a period - same key replays, a new key bills only what is left, numbers "
          "without gap") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    const std::string key = new_key();
    auto first = run(c, ops, period("2026-11"), key);
    REQUIRE_MESSAGE(first->status == 201, first->body);
    CHECK(body_json(first)["invoice_count"] == 3);

    // Same key, same body: the first answer, replayed.
    auto again = run(c, ops, period("2026-11"), key);
    CHECK(again->status == 201);
    CHECK(again->body == first->body);
    CHECK(again->get_header_value("Idempotent-Replayed") == "true");
    // Same key, another body: 422.
    check_problem(run(c, ops, period("2026-10"), key), 422, "idempotency_key_reused");

    // A new key: nothing left to bill.
    auto nothing = run(c, ops, period("2026-11"), new_key());
    REQUIRE(nothing->status == 200);
    const auto n = body_json(nothing);
    CHECK(n["billing_run_id"].is_null());
    CHECK(n["invoice_count"] == 0);
    CHECK(n["invoice_ids"].empty());
    CHECK(n["skipped_already_billed"] == 3);
    CHECK(n["totals"]["total"]["amount_minor"] == 0);

    // A contract starting later in the month: the next run bills only it, and takes the next number.
    const std::string late = subscribe(c, "ZZ123456", "0655443322", "2026-11-25");
    auto more = run(c, ops, period("2026-11"), new_key());
    REQUIRE_MESSAGE(more->status == 201, more->body);
    CHECK(body_json(more)["invoice_count"] == 1);
    CHECK(body_json(more)["skipped_already_billed"] == 3);
    const auto inv = invoice_of(c, ops, late);
    CHECK(inv["invoice_number"] == "FAC-2026-000004");
    CHECK(inv["lines"][0]["days"] == 6);

    CHECK(count(server.db_path(), "SELECT COUNT(*) FROM invoices") == 4);
    CHECK(count(server.db_path(), "SELECT COUNT(DISTINCT contract_id || period) FROM invoices") == 4);
    CHECK(count(server.db_path(), "SELECT COUNT(*) FROM billing_runs") == 2);
    CHECK(count(server.db_path(), "SELECT value FROM sequences WHERE name = 'invoice:2026'") == 4);
    CHECK(count(server.db_path(), "SELECT COUNT(DISTINCT invoice_number) FROM invoices WHERE invoice_number "
                                  "BETWEEN 'FAC-2026-000001' AND 'FAC-2026-000004'") == 4);
}

TEST_CASE("billing run: concurrent requests, same key or not, bill each contract once") {
    TestServer server;
    const std::string ops = create_staff_token(server, "ops");
    const std::string key = new_key();
    std::atomic<int> created{0}, replayed{0}, in_use{0}, other{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 12; ++t)
        threads.emplace_back([&, t] {
            auto c = server.client();
            auto res = run(c, ops, period("2026-11"), t % 2 ? key : new_key());
            if (!res)
                ++other;
            else if (res->status == 201 && res->get_header_value("Idempotent-Replayed") == "true")
                ++replayed;
            else if (res->status == 201)
                ++created;
            else if (res->status == 409 || res->status == 200)
                ++in_use;
            else
                ++other;
        });
    for (auto& t : threads)
        t.join();
    CHECK(created == 1);
    CHECK(other == 0);
    CHECK(created + replayed + in_use == 12);
    CHECK(count(server.db_path(), "SELECT COUNT(*) FROM invoices") == 3);
    CHECK(count(server.db_path(), "SELECT COUNT(*) FROM billing_runs") == 1);
    CHECK(count(server.db_path(), "SELECT value FROM sequences WHERE name = 'invoice:2026'") == 3);
}

TEST_CASE("billing run: validation, future periods, Idempotency-Key, roles") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    const std::string admin = create_staff_token(server, "admin");

    for (const nlohmann::json& body : {nlohmann::json::object(), nlohmann::json{{"period", nullptr}}}) {
        auto res = run(c, ops, body, new_key());
        check_problem(res, 400, "validation_failed");
        CHECK(body_json(res)["errors"][0] == nlohmann::json{{"field", "period"},
                                                            {"code", "required"},
                                                            {"message", body_json(res)["errors"][0]["message"]}});
    }
    for (const nlohmann::json& bad : {nlohmann::json("2026-13"), nlohmann::json("2026-1"), nlohmann::json("11/2026"),
                                      nlohmann::json(202611), nlohmann::json("2026-11-01"), nlohmann::json("")}) {
        auto res = run(c, ops, {{"period", bad}}, new_key());
        check_problem(res, 400, "validation_failed");
        CHECK(body_json(res)["errors"][0]["field"] == "period");
        CHECK(body_json(res)["errors"][0]["code"] == "invalid_period");
    }
    check_problem(run(c, ops, period("2026-12"), new_key()), 422, "period_in_future");
    check_problem(run(c, ops, period("2031-01"), new_key()), 422, "period_in_future");
    auto no_key = c.Post("/api/v1/billing/runs", bearer(ops), period("2026-11").dump(), "application/json");
    check_problem(no_key, 400, "idempotency_key_missing");
    httplib::Headers h = bearer(ops);
    h.emplace("Idempotency-Key", new_key());
    check_problem(c.Post("/api/v1/billing/runs", h, "{", "application/json"), 400, "malformed_json");
    check_problem(c.Post("/api/v1/billing/runs", h, "[]", "application/json"), 400, "invalid_body");
    CHECK(count(server.db_path(), "SELECT COUNT(*) FROM invoices") == 0);

    // Roles: no token 401 (nothing billed), ops and admin may run.
    auto anonymous =
        c.Post("/api/v1/billing/runs", {{"Idempotency-Key", new_key()}}, period("2026-11").dump(), "application/json");
    check_problem(anonymous, 401, "authentication_required");
    check_problem(c.Post("/api/v1/billing/runs", {{"Idempotency-Key", new_key()}, {"X-Actor-Id", "x"}},
                         period("2026-11").dump(), "application/json"),
                  401, "authentication_required");
    CHECK(count(server.db_path(), "SELECT COUNT(*) FROM invoices") == 0);
    CHECK(run(c, ops, period("2026-10"), new_key())->status == 201);
    CHECK(run(c, admin, period("2026-11"), new_key())->status == 201);
    CHECK(count(server.db_path(), "SELECT COUNT(*) FROM invoices") == 6);
}

TEST_CASE("billing run: --invoice-due-days sets the due date") {
    TestServer server(true, [](isp::ServerConfig& config) { config.invoice_due_days = 30; });
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    auto res = run(c, ops, period("2026-11"), new_key());
    REQUIRE(res->status == 201);
    CHECK(invoice_of(c, ops, "ctr_demo_amina")["due_date"] == "2026-12-23");
}
