// GET /api/v1/staff/today (the staff console's home): active contracts by family (every
// family, zeros included), the last billing run or null, and the collections overview,
// the same as GET /collections/overview; viewer and up; checked against the description.
#include <doctest/doctest.h>

#include "../support/invoice_fixture.h"
#include "../support/openapi_check.h"
#include "../support/problem_check.h"
#include "../support/test_server.h"

using namespace isp::test;

namespace {

nlohmann::json by_family(std::int64_t mobile, std::int64_t internet, std::int64_t landline) {
    return nlohmann::json::array({{{"family", "mobile"}, {"count", mobile}},
                                  {{"family", "internet"}, {"count", internet}},
                                  {{"family", "landline"}, {"count", landline}}});
}

} // namespace

TEST_CASE("staff today: contracts by family, last billing run, collections, as the other endpoints say") {
    TestServer server; // demo: one active contract in each family, no invoices yet
    auto c = server.client();
    const OpenApi api = served_description(c);
    const auto viewer = bearer(create_staff_token(server, "viewer"));
    const auto ops = bearer(create_staff_token(server, "ops", "ops-bot"));

    auto first = c.Get("/api/v1/staff/today", viewer);
    check_described(api, "get", "/staff/today", first);
    REQUIRE(first->status == 200);
    auto today = body_json(first);
    CHECK(today["as_of"] == "2026-11-23");
    CHECK(today["active_contracts"]["total"] == 3);
    CHECK(today["active_contracts"]["by_family"] == by_family(1, 1, 1));
    CHECK(today["last_billing_run"].is_null());
    CHECK(today["collections"] == body_json(c.Get("/api/v1/collections/overview", viewer)));
    CHECK(today["collections"]["open_case_count"] == 0);

    // A suspended contract is not active; a billing run becomes the last one; an unpaid
    // invoice past its due date is overdue, in its bracket, with an open case.
    auto suspended = c.Put("/api/v1/contracts/ctr_demo_youssef/status", ops,
                           R"({"status": "suspended", "reason": "unpaid"})", "application/json");
    REQUIRE_MESSAGE(suspended->status == 200, suspended->body);
    httplib::Headers run_headers = ops;
    run_headers.emplace("Idempotency-Key", new_key());
    auto run = c.Post("/api/v1/billing/runs", run_headers, R"({"period": "2026-10"})", "application/json");
    REQUIRE(run->status == 201);
    insert_invoice(server, InvoiceSpec().due("2026-11-01").total(5000).paid(1000)); // 22 days late

    today = body_json(c.Get("/api/v1/staff/today", viewer));
    CHECK(today["active_contracts"]["total"] == 2);
    CHECK(today["active_contracts"]["by_family"] == by_family(1, 0, 1));
    const auto runs = body_json(c.Get("/api/v1/billing/runs", viewer));
    CHECK(today["last_billing_run"] == runs["data"][0]);
    CHECK(today["last_billing_run"]["actor"] == "ops-bot");
    CHECK(today["last_billing_run"]["invoice_count"] == 3);
    CHECK(today["collections"] == body_json(c.Get("/api/v1/collections/overview", viewer)));
    CHECK(today["collections"]["overdue_total"]["amount_minor"] == 4000);
    CHECK(today["collections"]["ageing"][0]["bucket"] == "1_30");
    CHECK(today["collections"]["ageing"][0]["amount"]["amount_minor"] == 4000);
    CHECK(today["collections"]["open_case_count"] == 1);
    check_described(api, "get", "/staff/today", c.Get("/api/v1/staff/today", viewer));

    auto anonymous = c.Get("/api/v1/staff/today");
    check_problem(anonymous, 401, "authentication_required");
    check_described(api, "get", "/staff/today", anonymous);
}
