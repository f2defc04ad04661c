// Round trips of the staff console's read models (shared/wire/billing_run_json.h,
// staff_today_json.h, collection_case_json.h): what the server writes, the console reads
// back unchanged.
#include <doctest/doctest.h>

#include "shared/wire/billing_run_json.h"
#include "shared/wire/collection_case_json.h"
#include "shared/wire/staff_today_json.h"

using namespace isp;

namespace {

BillingRunSummary a_run() {
    BillingRunSummary r;
    r.billing_run_id = "run_abc";
    r.period = "2026-10";
    r.started_at = "2026-11-01T02:00:00Z";
    r.completed_at = "2026-11-01T02:00:03Z";
    r.actor = "ops@demo.example";
    r.invoice_count = 3;
    r.currency = "MAD";
    r.subtotal_minor = 49700;
    r.tax_minor = 9940;
    r.total_minor = 59640;
    return r;
}

CollectionsOverview an_overview() {
    CollectionsOverview o;
    o.as_of = {2026, 11, 23};
    o.currency = "MAD";
    o.outstanding = {118800, "MAD"};
    o.outstanding_count = 4;
    o.overdue = {41880, "MAD"};
    o.overdue_count = 2;
    for (auto& a : o.ageing)
        a.amount = {0, "MAD"};
    o.ageing[0] = {{11880, "MAD"}, 1};
    o.ageing[3] = {{30000, "MAD"}, 1};
    o.cases_by_status = {1, 1, 0, 5};
    return o;
}

} // namespace

TEST_CASE("a listed billing run round-trips, totals as Money") {
    const BillingRunSummary r = a_run();
    const nlohmann::json j = wire::to_json(r);
    CHECK(j["totals"]["total"] == nlohmann::json{{"amount_minor", 59640}, {"currency", "MAD"}});
    CHECK(j["invoice_count"] == 3);
    CHECK(wire::billing_run_summary_from_json(j) == r);
    CHECK_THROWS_AS(wire::billing_run_summary_from_json(nlohmann::json::object()), nlohmann::json::exception);
}

TEST_CASE("a billing run preview round-trips") {
    BillingRunPreview p;
    p.period = "2026-11";
    p.invoice_count = 100000;
    p.skipped_already_billed = 2;
    p.currency = "MAD";
    p.subtotal_minor = 1000;
    p.tax_minor = 200;
    p.total_minor = 1200;
    const nlohmann::json j = wire::to_json(p);
    CHECK(j["totals"]["subtotal"]["amount_minor"] == 1000);
    CHECK(wire::billing_run_preview_from_json(j) == p);
}

TEST_CASE("the collections overview round-trips (brackets read by name)") {
    const CollectionsOverview o = an_overview();
    nlohmann::json j = wire::to_json(o);
    CHECK(j["open_case_count"] == 2);
    CHECK(wire::collections_overview_from_json(j) == o);
    std::swap(j["ageing"][0], j["ageing"][3]);
    CHECK(wire::collections_overview_from_json(j) == o);
    j["ageing"][0]["bucket"] = "1_1000";
    CHECK_THROWS_AS(wire::collections_overview_from_json(j), nlohmann::json::exception);
}

TEST_CASE("the staff home round-trips, with and without a last billing run") {
    StaffToday t;
    t.as_of = {2026, 11, 23};
    t.active_contracts = {{ServiceFamily::Mobile, 2}, {ServiceFamily::Internet, 1}, {ServiceFamily::Landline, 0}};
    t.collections = an_overview();
    nlohmann::json j = wire::to_json(t);
    CHECK(j["last_billing_run"].is_null());
    CHECK(j["active_contracts"]["total"] == 3);
    CHECK(j["active_contracts"]["by_family"][1] == nlohmann::json{{"family", "internet"}, {"count", 1}});
    CHECK(wire::staff_today_from_json(j) == t);

    t.last_billing_run = a_run();
    j = wire::to_json(t);
    CHECK(j["last_billing_run"]["billing_run_id"] == "run_abc");
    CHECK(wire::staff_today_from_json(j) == t);
    j["active_contracts"]["by_family"][0]["family"] = "fax";
    CHECK_THROWS_AS(wire::staff_today_from_json(j), nlohmann::json::exception);
}
