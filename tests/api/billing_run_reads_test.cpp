// The billing runs as staff read them (console): GET /api/v1/billing/runs (newest first,
// paginated, totals as recorded) and GET /api/v1/billing/runs/preview (what a run would do,
// by the run's own code, writing nothing); both checked against the OpenAPI description.
#include <doctest/doctest.h>

#include "../support/openapi_check.h"
#include "../support/problem_check.h"
#include "../support/test_server.h"
#include "server/store/database.h"

using namespace isp::test;

namespace {

httplib::Result run(httplib::Client& c, const std::string& token, const std::string& period) {
    httplib::Headers h = bearer(token);
    h.emplace("Idempotency-Key", new_key());
    return c.Post("/api/v1/billing/runs", h, nlohmann::json{{"period", period}}.dump(), "application/json");
}

std::int64_t count(const std::string& db_path, const std::string& sql) {
    isp::store::Database db(db_path);
    return db.read([&](isp::store::Connection& c) {
        auto st = c.prepare(sql);
        REQUIRE(st.step());
        return st.integer(0);
    });
}

// Everything a run writes, in one number per table: a preview must move none of them.
std::vector<std::int64_t> written(const std::string& db_path) {
    return {count(db_path, "SELECT COUNT(*) FROM billing_runs"), count(db_path, "SELECT COUNT(*) FROM invoices"),
            count(db_path, "SELECT COUNT(*) FROM invoice_lines"),
            count(db_path, "SELECT COALESCE(SUM(value), 0) FROM sequences")};
}

} // namespace

TEST_CASE("the preview of a period is what its run then does; afterwards there is nothing left to preview") {
    TestServer server; // demo: three contracts since 2026-08-23, today 2026-11-23
    auto c = server.client();
    const OpenApi api = served_description(c);
    const std::string ops = create_staff_token(server, "ops");
    const std::string viewer = create_staff_token(server, "viewer");

    const auto before = written(server.db_path());
    auto preview = c.Get("/api/v1/billing/runs/preview?period=2026-10", bearer(viewer));
    check_described(api, "get", "/billing/runs/preview", preview);
    REQUIRE(preview->status == 200);
    const auto p = body_json(preview);
    CHECK(written(server.db_path()) == before); // read-only
    CHECK(p["period"] == "2026-10");
    CHECK(p["invoice_count"] == 3);
    CHECK(p["skipped_already_billed"] == 0);
    // Three whole months: exactly the monthly prices (99 + 349 + 99 MAD), 20 % tax.
    CHECK(p["totals"]["subtotal"] == nlohmann::json{{"amount_minor", 54700}, {"currency", "MAD"}});
    CHECK(p["totals"]["tax"]["amount_minor"] == 10940);
    CHECK(p["totals"]["total"]["amount_minor"] == 65640);

    auto done = run(c, ops, "2026-10");
    REQUIRE(done->status == 201);
    const auto r = body_json(done);
    CHECK(r["invoice_count"] == p["invoice_count"]);
    CHECK(r["totals"] == p["totals"]);

    const auto after = body_json(c.Get("/api/v1/billing/runs/preview?period=2026-10", bearer(viewer)));
    CHECK(after["invoice_count"] == 0);
    CHECK(after["skipped_already_billed"] == 3);
    CHECK(after["totals"]["total"] == nlohmann::json{{"amount_minor", 0}, {"currency", "MAD"}});

    // The current month is prorated the same way by both: 2026-11 from the 1st to the 30th.
    const auto november = body_json(c.Get("/api/v1/billing/runs/preview?period=2026-11", bearer(viewer)));
    const auto billed = body_json(run(c, ops, "2026-11"));
    CHECK(november["invoice_count"] == billed["invoice_count"]);
    CHECK(november["totals"] == billed["totals"]);
}

TEST_CASE("the preview refuses a missing, malformed or future period, as the run does") {
    TestServer server;
    auto c = server.client();
    const OpenApi api = served_description(c);
    const auto viewer = bearer(create_staff_token(server, "viewer"));

    auto missing = c.Get("/api/v1/billing/runs/preview", viewer);
    check_problem(missing, 400, "validation_failed");
    CHECK(error_fields(missing) == std::vector<std::string>{"period"});
    CHECK(body_json(missing)["errors"][0]["code"] == "required");
    check_described(api, "get", "/billing/runs/preview", missing);

    for (const char* bad : {"2026-13", "2026-1", "november", "2026-11-01", ""}) {
        CAPTURE(bad);
        auto res = c.Get(std::string("/api/v1/billing/runs/preview?period=") + bad, viewer);
        check_problem(res, 400, "validation_failed");
        CHECK(body_json(res)["errors"][0]["code"] == "invalid_period");
    }
    auto future = c.Get("/api/v1/billing/runs/preview?period=2026-12", viewer);
    check_problem(future, 422, "period_in_future");
    check_described(api, "get", "/billing/runs/preview", future);
    check_problem(c.Get("/api/v1/billing/runs/preview?period=2026-10"), 401, "authentication_required");
}

TEST_CASE("billing runs are listed newest first with their period, time, actor, invoice count and totals") {
    TestServer server;
    auto c = server.client();
    const OpenApi api = served_description(c);
    const std::string ops = create_staff_token(server, "ops", "billing-bot");
    const auto viewer = bearer(create_staff_token(server, "viewer"));

    auto empty = c.Get("/api/v1/billing/runs", viewer);
    check_described(api, "get", "/billing/runs", empty);
    CHECK(body_json(empty)["data"].empty());
    CHECK(body_json(empty)["pagination"]["total"] == 0);

    const auto october = body_json(run(c, ops, "2026-10"));
    server.clock().advance(3600);
    const auto september = body_json(run(c, ops, "2026-09")); // a late run of an older month: newer still
    server.clock().advance(3600);
    REQUIRE(body_json(run(c, ops, "2026-09"))["billing_run_id"].is_null()); // nothing left: no row

    auto listed = c.Get("/api/v1/billing/runs", viewer);
    check_described(api, "get", "/billing/runs", listed);
    const auto page = body_json(listed);
    REQUIRE(page["data"].size() == 2);
    CHECK(page["pagination"] == nlohmann::json{{"page", 1}, {"per_page", 20}, {"total", 2}, {"total_pages", 1}});
    const auto& newest = page["data"][0];
    CHECK(newest["billing_run_id"] == september["billing_run_id"]);
    CHECK(newest["period"] == "2026-09");
    CHECK(newest["started_at"] == "2026-11-23T11:00:00Z");
    CHECK(newest["completed_at"] == "2026-11-23T11:00:00Z");
    CHECK(newest["actor"] == "billing-bot");
    CHECK(newest["invoice_count"] == september["invoice_count"]);
    CHECK(newest["totals"] == september["totals"]);
    CHECK(page["data"][1]["billing_run_id"] == october["billing_run_id"]);
    CHECK(page["data"][1]["invoice_count"] == 3);
    CHECK(page["data"][1]["totals"]["total"]["amount_minor"] == 65640);

    const auto second = body_json(c.Get("/api/v1/billing/runs?per_page=1&page=2", viewer));
    REQUIRE(second["data"].size() == 1);
    CHECK(second["data"][0]["billing_run_id"] == october["billing_run_id"]);
    check_problem(c.Get("/api/v1/billing/runs?per_page=101", viewer), 400, "validation_failed");
    check_problem(c.Get("/api/v1/billing/runs"), 401, "authentication_required");
}
