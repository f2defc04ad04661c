// Dunning (issue #15): an unpaid invoice chased by the server on the policy's days -
// reminders on days 3, 5 and 7 after the due date, the contract suspended on day 15 -
// each step once, as `system`, on the case's timeline and in the events; the suspension
// ended by the payment of the debt. Steps due together, paid invoices, promises to pay,
// grace days, the policy's flags, and what staff may not record.
#include <doctest/doctest.h>

#include "../support/cash_payment.h"
#include "../support/invoice_fixture.h"
#include "../support/openapi_check.h"
#include "../support/server_command.h"
#include "../support/test_server.h"

using namespace isp::test;

namespace {

constexpr std::int64_t day = 86400;
constexpr std::int64_t nov_30_2026_noon = 1796040000; // 2026-11-30T12:00:00Z, the invoices' due date

// Moves the test server's clock to `n` days after 2026-11-30 and does what is due.
int on_day(TestServer& server, int n) {
    server.clock().set(nov_30_2026_noon + n * day);
    return server.run_due_work();
}

nlohmann::json case_of(httplib::Client& c, const std::string& token, const std::string& invoice_id) {
    auto res = c.Get("/api/v1/collections/cases?per_page=100", bearer(token));
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 200, res->body);
    const nlohmann::json body = body_json(res);
    for (const auto& k : body["data"])
        if (k["invoice_id"] == invoice_id)
            return k;
    return nullptr;
}

nlohmann::json actions(httplib::Client& c, const std::string& token, const std::string& case_id) {
    auto res = c.Get("/api/v1/collections/cases/" + case_id + "/actions?per_page=100", bearer(token));
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 200, res->body);
    check_described(served_description(c), "get", "/collections/cases/{case_id}/actions", res);
    return body_json(res)["data"];
}

std::vector<std::string> kinds(const nlohmann::json& list) {
    std::vector<std::string> out;
    for (const auto& a : list)
        out.push_back(a["kind"]);
    return out;
}

nlohmann::json contract(httplib::Client& c, const std::string& token, const std::string& id) {
    auto res = c.Get("/api/v1/contracts/" + id, bearer(token));
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 200, res->body);
    return body_json(res);
}

nlohmann::json events_of(httplib::Client& c, const std::string& token, const std::string& type) {
    auto res = c.Get("/api/v1/events?limit=1000", bearer(token));
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 200, res->body);
    const nlohmann::json body = body_json(res);
    nlohmann::json out = nlohmann::json::array();
    for (const auto& e : body["data"])
        if (e["type"] == type)
            out.push_back(e);
    return out;
}

} // namespace

TEST_CASE("reminders on days 3, 5 and 7, the suspension on day 15, each once, and the payment resumes the line") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    const std::string invoice = insert_invoice(server, InvoiceSpec().due("2026-11-30").total(12000));

    CHECK(on_day(server, 2) == 0);
    const nlohmann::json k = case_of(c, ops, invoice);
    REQUIRE(k.is_object()); // the case is open from day 1, quiet until day 3
    const std::string case_id = k["case_id"];
    CHECK(actions(c, ops, case_id).empty());

    CHECK(on_day(server, 3) == 1);
    CHECK(server.run_due_work() == 0); // the same day again: nothing more
    auto timeline = actions(c, ops, case_id);
    REQUIRE(timeline.size() == 1);
    CHECK(timeline[0]["kind"] == "reminder");
    CHECK(timeline[0]["actor"] == "system");
    CHECK(timeline[0]["note"].get<std::string>().find("Reminder 1 of 3") != std::string::npos);
    auto reminders = events_of(c, ops, "invoice.reminder");
    REQUIRE(reminders.size() == 1);
    CHECK(reminders[0]["contract_id"] == "ctr_demo_amina");
    CHECK(reminders[0]["data"]["invoice_id"] == invoice);
    CHECK(reminders[0]["data"]["reminder"] == 1);
    CHECK(reminders[0]["data"]["days_past_due"] == 3);
    CHECK(reminders[0]["data"]["outstanding"]["amount_minor"] == 12000);
    CHECK(reminders[0]["data"].dump().find("AB123456") == std::string::npos); // never the CIN

    CHECK(on_day(server, 4) == 0);
    CHECK(on_day(server, 5) == 1);
    CHECK(on_day(server, 7) == 1);
    CHECK(on_day(server, 14) == 0);
    CHECK(contract(c, ops, "ctr_demo_amina")["status"] == "active");
    CHECK(on_day(server, 15) == 1);
    CHECK(on_day(server, 16) == 0);

    timeline = actions(c, ops, case_id);
    CHECK(kinds(timeline) == std::vector<std::string>{"reminder", "reminder", "reminder", "suspension"});
    auto ctr = contract(c, ops, "ctr_demo_amina");
    CHECK(ctr["status"] == "suspended");
    CHECK(ctr["status_periods"].back()["status"] == "suspended");
    CHECK(ctr["status_periods"].back()["effective_from"] == "2026-12-15");
    const auto changed = events_of(c, ops, "contract.status_changed");
    REQUIRE(changed.size() == 1);
    CHECK(changed[0]["data"]["status"] == "suspended");
    CHECK(changed[0]["data"]["reason"] == "non-payment");
    CHECK(events_of(c, ops, "invoice.reminder").size() == 3);

    // A part payment leaves debt past due: still suspended.
    server.clock().set(nov_30_2026_noon + 18 * day);
    auto res = pay_in_cash(c, ops, invoice, 2000);
    REQUIRE_MESSAGE(res->status == 201, res->body);
    CHECK(contract(c, ops, "ctr_demo_amina")["status"] == "suspended");
    // The rest, on day 20: resumed at once, dated that day, as `system`.
    server.clock().set(nov_30_2026_noon + 20 * day);
    res = pay_in_cash(c, ops, invoice, 10000);
    REQUIRE_MESSAGE(res->status == 201, res->body);
    ctr = contract(c, ops, "ctr_demo_amina");
    CHECK(ctr["status"] == "active");
    CHECK(ctr["status_periods"].back()["status"] == "active");
    CHECK(ctr["status_periods"].back()["effective_from"] == "2026-12-20");
    timeline = actions(c, ops, case_id);
    CHECK(kinds(timeline) == std::vector<std::string>{"reminder", "reminder", "reminder", "suspension", "resume"});
    CHECK(timeline.back()["actor"] == "system");
    CHECK(case_of(c, ops, invoice)["status"] == "closed");
    CHECK(events_of(c, ops, "contract.status_changed").size() == 2);
    CHECK(on_day(server, 40) == 0); // paid: nothing more, ever
}

TEST_CASE("steps due together: the last is made, the others skipped; paid and promised invoices are not chased") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    const std::string late = insert_invoice(server, InvoiceSpec().due("2026-11-30").total(12000));
    const std::string paid = insert_invoice(
        server, InvoiceSpec().of("cli_demo_youssef", "ctr_demo_youssef").due("2026-11-30").total(9000).paid(9000));
    const std::string promised =
        insert_invoice(server, InvoiceSpec().of("cli_demo_helene", "ctr_demo_helene").due("2026-11-30").total(5000));

    // A promise to pay holds the steps while it stands.
    on_day(server, 1);
    const std::string promised_case = case_of(c, ops, promised)["case_id"];
    auto res = c.Put("/api/v1/collections/cases/" + promised_case + "/status", bearer(ops),
                     nlohmann::json{{"status", "promise_to_pay"}}.dump(), "application/json");
    REQUIRE_MESSAGE(res->status == 200, res->body);

    // The server did not run between day 1 and day 20: one step, the suspension.
    on_day(server, 20);
    const std::string late_case = case_of(c, ops, late)["case_id"];
    const auto timeline = actions(c, ops, late_case);
    CHECK(kinds(timeline) == std::vector<std::string>{"note", "note", "note", "suspension"});
    CHECK(timeline[0]["note"].get<std::string>().find("Reminder 1 (day 3) skipped") != std::string::npos);
    CHECK(events_of(c, ops, "invoice.reminder").empty()); // no reminder sent after the fact
    CHECK(contract(c, ops, "ctr_demo_amina")["status"] == "suspended");

    CHECK(case_of(c, ops, paid).is_null());
    CHECK(contract(c, ops, "ctr_demo_youssef")["status"] == "active");
    CHECK(kinds(actions(c, ops, promised_case)) == std::vector<std::string>{"note"}); // the status change's note
    CHECK(contract(c, ops, "ctr_demo_helene")["status"] == "active");

    // The promise broken: back in progress, the dunning goes on from where it is.
    res = c.Put("/api/v1/collections/cases/" + promised_case + "/status", bearer(ops),
                nlohmann::json{{"status", "in_progress"}}.dump(), "application/json");
    REQUIRE_MESSAGE(res->status == 200, res->body);
    CHECK(server.run_due_work() == 4); // reminders 1-3 skipped, the suspension made
    CHECK(contract(c, ops, "ctr_demo_helene")["status"] == "suspended");
}

TEST_CASE("a scheduled resume does not end a suspension for non-payment; without resume-on-payment staff resume") {
    TestServer server(true, [](isp::ServerConfig& config) { config.dunning.resume_on_payment = false; });
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    const std::string invoice = insert_invoice(server, InvoiceSpec().due("2026-11-30").total(12000));
    on_day(server, 15);
    REQUIRE(contract(c, ops, "ctr_demo_amina")["status"] == "suspended");

    // Staff had scheduled a resume (say, after a holiday) for day 17: it is dropped.
    auto res = c.Put("/api/v1/contracts/ctr_demo_amina/status", bearer(ops),
                     nlohmann::json{{"status", "active"}, {"effective_date", "2026-12-17"}, {"reason", "back"}}.dump(),
                     "application/json");
    REQUIRE_MESSAGE(res->status == 202, res->body);
    on_day(server, 17);
    CHECK(contract(c, ops, "ctr_demo_amina")["status"] == "suspended");

    res = pay_in_cash(c, ops, invoice, 12000);
    REQUIRE_MESSAGE(res->status == 201, res->body);
    on_day(server, 18);
    CHECK(contract(c, ops, "ctr_demo_amina")["status"] == "suspended"); // the operator resumes by hand
    res = c.Put("/api/v1/contracts/ctr_demo_amina/status", bearer(ops),
                nlohmann::json{{"status", "active"}, {"reason", "paid at the shop"}}.dump(), "application/json");
    REQUIRE_MESSAGE(res->status == 200, res->body);
}

TEST_CASE("grace days keep an overdue invoice quiet; the policy's flags are checked at start") {
    TestServer server(true, [](isp::ServerConfig& config) {
        config.dunning.grace_days = 4;
        config.dunning.reminder_days = {5};
        config.dunning.suspension_day.reset();
    });
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    const std::string invoice = insert_invoice(server, InvoiceSpec().due("2026-11-30").total(12000));
    on_day(server, 4);
    CHECK(case_of(c, ops, invoice).is_null());
    CHECK(on_day(server, 5) == 1);
    const auto k = case_of(c, ops, invoice);
    REQUIRE(k.is_object());
    CHECK(k["opened_on"] == "2026-12-05");
    CHECK(on_day(server, 60) == 0); // no suspension in this policy
    CHECK(contract(c, ops, "ctr_demo_amina")["status"] == "active");

    auto [rc, out] = run_portal_server("config check --demo --dunning-reminder-days 5,3");
    CHECK(rc == 2);
    CHECK(out.find("dunning-reminder-days must increase (5,3)") != std::string::npos);
    std::tie(rc, out) = run_portal_server("config check --demo --dunning-reminder-days 3,x");
    CHECK(rc == 2);
    CHECK(out.find("--dunning-reminder-days") != std::string::npos);
    std::tie(rc, out) = run_portal_server("config check --demo --dunning-suspension-day 6");
    CHECK(rc == 2);
    CHECK(out.find("after the last of dunning-reminder-days (7)") != std::string::npos);
    std::tie(rc, out) = run_portal_server("config check --demo --dunning-suspension-day 0 --dunning-grace-days 2");
    CHECK_MESSAGE(rc == 0, out);
}

TEST_CASE("staff record calls and notes; reminders, suspensions and resumes are the server's alone") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    const std::string invoice = insert_invoice(server, InvoiceSpec().due("2026-11-30").total(12000));
    on_day(server, 1);
    const std::string case_id = case_of(c, ops, invoice)["case_id"];
    for (const char* kind : {"reminder", "suspension", "resume"}) {
        auto res = c.Post("/api/v1/collections/cases/" + case_id + "/actions", bearer(ops),
                          nlohmann::json{{"kind", kind}, {"note", "by hand"}}.dump(), "application/json");
        REQUIRE(res);
        CHECK(res->status == 400);
        const auto problem = body_json(res);
        REQUIRE(problem["errors"].size() == 1);
        CHECK(problem["errors"][0]["field"] == "kind");
        CHECK(problem["errors"][0]["code"] == "recorded_by_server");
    }
    CHECK(actions(c, ops, case_id).empty());
}

TEST_CASE("a suspended line is resumed only when nothing it owes is past due") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    InvoiceSpec november = InvoiceSpec().due("2026-11-30").total(12000);
    november.period = "2026-10";
    InvoiceSpec december = InvoiceSpec().due("2026-12-05").total(12000);
    december.period = "2026-11";
    const std::string first = insert_invoice(server, november);
    const std::string second = insert_invoice(server, december);
    on_day(server, 15);
    REQUIRE(contract(c, ops, "ctr_demo_amina")["status"] == "suspended");

    auto res = pay_in_cash(c, ops, first, 12000);
    REQUIRE_MESSAGE(res->status == 201, res->body);
    CHECK(contract(c, ops, "ctr_demo_amina")["status"] == "suspended"); // December's is 10 days late
    on_day(server, 16);
    CHECK(contract(c, ops, "ctr_demo_amina")["status"] == "suspended");
    res = pay_in_cash(c, ops, second, 12000);
    REQUIRE_MESSAGE(res->status == 201, res->body);
    CHECK(contract(c, ops, "ctr_demo_amina")["status"] == "active");
}
