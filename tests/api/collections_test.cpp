// Collections (issue #4, process map P15): cases opened for overdue invoices on the
// injectable clock's dates and closed by the payment that settles them, the overview's
// ageing, actions, status transitions, filters, roles, validation, and the OpenAPI
// description of every collections endpoint (payments included).
#include <doctest/doctest.h>

#include "../support/cash_payment.h"
#include "../support/invoice_fixture.h"
#include "../support/openapi_check.h"
#include "../support/test_server.h"

using namespace isp::test;

namespace {

constexpr std::int64_t day = 86400;

httplib::Result put_status(httplib::Client& c, const std::string& token, const std::string& case_id,
                           const nlohmann::json& body) {
    return c.Put("/api/v1/collections/cases/" + case_id + "/status", bearer(token), body.dump(), "application/json");
}

httplib::Result add_action(httplib::Client& c, const std::string& token, const std::string& case_id,
                           const nlohmann::json& body) {
    return c.Post("/api/v1/collections/cases/" + case_id + "/actions", bearer(token), body.dump(), "application/json");
}

nlohmann::json cases(httplib::Client& c, const std::string& token, const std::string& query = "") {
    auto res = c.Get("/api/v1/collections/cases" + query, bearer(token));
    REQUIRE_MESSAGE(res->status == 200, res->body);
    return body_json(res);
}

} // namespace

TEST_CASE("overdue debt by age on chosen dates") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    // Today is 2026-11-23. Days past due: 1, 30 | 31, 60 | 61, 90 | 91, 400; not overdue: due today, next month.
    struct Row {
        const char* due;
        std::int64_t total;
        std::int64_t paid;
    };
    const Row rows[] = {{"2026-11-22", 1000, 0},   {"2026-10-24", 2000, 500}, {"2026-10-23", 4000, 0},
                        {"2026-09-24", 8000, 0},   {"2026-09-23", 16000, 0},  {"2026-08-25", 32000, 0},
                        {"2026-08-24", 64000, 0},  {"2025-10-19", 128000, 0}, {"2026-11-23", 256000, 0},
                        {"2026-12-10", 512000, 0}, {"2026-08-01", 7777, 7777}};
    for (const Row& r : rows)
        insert_invoice(server, InvoiceSpec().due(r.due).total(r.total).paid(r.paid));

    auto res = c.Get("/api/v1/collections/overview", bearer(ops));
    REQUIRE_MESSAGE(res->status == 200, res->body);
    auto o = body_json(res);
    CHECK(o["as_of"] == "2026-11-23");
    CHECK(o["currency"] == "MAD");
    CHECK(o["outstanding_total"]["amount_minor"] == 1023000 - 500);
    CHECK(o["outstanding_invoice_count"] == 10);
    CHECK(o["overdue_total"]["amount_minor"] == 255000 - 500);
    CHECK(o["overdue_invoice_count"] == 8);
    REQUIRE(o["ageing"].size() == 4);
    CHECK(o["ageing"][0]["bucket"] == "1_30");
    CHECK(o["ageing"][0]["amount"]["amount_minor"] == 2500);
    CHECK(o["ageing"][0]["invoice_count"] == 2);
    CHECK(o["ageing"][1]["bucket"] == "31_60");
    CHECK(o["ageing"][1]["amount"]["amount_minor"] == 12000);
    CHECK(o["ageing"][2]["bucket"] == "61_90");
    CHECK(o["ageing"][2]["amount"]["amount_minor"] == 48000);
    CHECK(o["ageing"][3]["bucket"] == "over_90");
    CHECK(o["ageing"][3]["min_days"] == 91);
    CHECK(o["ageing"][3]["max_days"].is_null());
    CHECK(o["ageing"][3]["amount"]["amount_minor"] == 192000);
    CHECK(o["ageing"][3]["invoice_count"] == 2);
    CHECK(o["open_case_count"] == 8); // one per overdue invoice
    CHECK(o["cases_by_status"]["open"] == 8);

    // 30 days later everything has aged by 30 days, and two more invoices are overdue.
    server.clock().advance(30 * day);
    o = body_json(c.Get("/api/v1/collections/overview", bearer(ops)));
    CHECK(o["as_of"] == "2026-12-23");
    CHECK(o["overdue_invoice_count"] == 10);
    CHECK(o["ageing"][0]["amount"]["amount_minor"] == 256000 + 512000); // 30 and 13 days
    CHECK(o["ageing"][1]["amount"]["amount_minor"] == 2500);
    CHECK(o["ageing"][2]["amount"]["amount_minor"] == 12000);
    CHECK(o["ageing"][3]["amount"]["amount_minor"] == 240000);
    CHECK(o["ageing"][3]["invoice_count"] == 4);
    CHECK(o["open_case_count"] == 10);

    // Another currency has its own overview.
    o = body_json(c.Get("/api/v1/collections/overview?currency=EUR", bearer(ops)));
    CHECK(o["currency"] == "EUR");
    CHECK(o["outstanding_total"]["amount_minor"] == 0);
    auto bad = c.Get("/api/v1/collections/overview?currency=euro", bearer(ops));
    CHECK(bad->status == 400);
    CHECK(error_fields(bad) == std::vector<std::string>{"currency"});
}

TEST_CASE("a case opens once an invoice is overdue and closes with the payment that settles it") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    const std::string id = insert_invoice(server, InvoiceSpec().due("2026-11-30").total(12000));

    CHECK(cases(c, ops)["pagination"]["total"] == 0); // not due yet
    server.clock().advance(7 * day);                  // 2026-11-30: due today, not overdue
    CHECK(cases(c, ops)["pagination"]["total"] == 0);
    server.clock().advance(day); // 2026-12-01
    auto list = cases(c, ops);
    REQUIRE(list["pagination"]["total"] == 1);
    const auto k = list["data"][0];
    const std::string case_id = k["case_id"];
    CHECK(case_id.rfind("cas_", 0) == 0);
    CHECK(k["invoice_id"] == id);
    CHECK(k["invoice_number"] == invoice_number_of(server, id));
    CHECK(k["client_id"] == "cli_demo_amina");
    CHECK(k["client_name"] == "Amina El Idrissi");
    CHECK(k["status"] == "open");
    CHECK(k["opened_on"] == "2026-12-01");
    CHECK(k["days_overdue"] == 1);
    CHECK(k["outstanding"]["amount_minor"] == 12000);
    CHECK(k["closed_on"].is_null());

    // One case per invoice, however often it is looked at; it ages with the clock.
    server.clock().advance(4 * day); // 2026-12-05
    list = cases(c, ops);
    REQUIRE(list["pagination"]["total"] == 1);
    CHECK(list["data"][0]["case_id"] == case_id);
    CHECK(list["data"][0]["days_overdue"] == 5);
    CHECK(list["data"][0]["opened_on"] == "2026-12-01");

    auto partial = pay_in_cash(c, ops, id, 2000);
    REQUIRE(partial->status == 201);
    CHECK(body_json(partial)["closed_case_id"].is_null());
    auto read = body_json(c.Get("/api/v1/collections/cases/" + case_id, bearer(ops)));
    CHECK(read["status"] == "open");
    CHECK(read["outstanding"]["amount_minor"] == 10000);

    auto full = pay_in_cash(c, ops, id, 10000);
    REQUIRE(full->status == 201);
    CHECK(body_json(full)["closed_case_id"] == case_id);
    read = body_json(c.Get("/api/v1/collections/cases/" + case_id, bearer(ops)));
    CHECK(read["status"] == "closed");
    CHECK(read["close_reason"] == "paid");
    CHECK(read["closed_on"] == "2026-12-05");
    CHECK(read["days_overdue"] == 0);
    CHECK(read["outstanding"]["amount_minor"] == 0);
    auto o = body_json(c.Get("/api/v1/collections/overview", bearer(ops)));
    CHECK(o["open_case_count"] == 0);
    CHECK(o["cases_by_status"]["closed"] == 1);
    CHECK(o["overdue_total"]["amount_minor"] == 0);

    // A paid case stays closed; dunning stops, notes are still welcome.
    auto reopen = put_status(c, ops, case_id, {{"status", "open"}});
    CHECK(reopen->status == 409);
    CHECK(body_json(reopen)["code"] == "case_closed_by_payment");
    auto call = add_action(c, ops, case_id, {{"kind", "call"}});
    CHECK(call->status == 409);
    CHECK(body_json(call)["code"] == "case_closed");
    CHECK(add_action(c, ops, case_id, {{"kind", "note"}, {"note", "Thanked the client."}})->status == 201);

    // An invoice paid late before anyone looked: its case is opened and closed by the payment.
    const std::string late = insert_invoice(server, InvoiceSpec().due("2026-11-01").total(5000));
    auto settled = pay_in_cash(c, ops, late, 5000);
    REQUIRE(settled->status == 201);
    CHECK(body_json(settled)["closed_case_id"].is_string());
    list = cases(c, ops, "?status=closed");
    CHECK(list["pagination"]["total"] == 2);
}

TEST_CASE("actions on a case: dunning steps and notes, by whom and when") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops", "agent.karima");
    const std::string admin = create_staff_token(server, "admin", "chief.samir");
    insert_invoice(server, InvoiceSpec().due("2026-11-01"));
    const std::string case_id = cases(c, ops)["data"][0]["case_id"];
    const std::string path = "/api/v1/collections/cases/" + case_id + "/actions";

    auto empty = body_json(c.Get(path, bearer(ops)));
    CHECK(empty["data"].empty());
    CHECK(empty["pagination"]["total"] == 0);

    auto call = add_action(c, ops, case_id, {{"kind", "call"}, {"note", "No answer; will call back."}});
    REQUIRE_MESSAGE(call->status == 201, call->body);
    CHECK(body_json(call)["kind"] == "call");
    CHECK(body_json(call)["actor"] == "agent.karima");
    CHECK(body_json(call)["at"] == "2026-11-23T10:00:00Z");
    CHECK(body_json(call)["case_id"] == case_id);
    server.clock().advance(3600);
    CHECK(add_action(c, admin, case_id, {{"kind", "sms"}})->status == 201);
    CHECK(add_action(c, ops, case_id, {{"kind", "email"}, {"note", nullptr}})->status == 201);
    CHECK(add_action(c, ops, case_id, {{"kind", "letter"}, {"note", "Formal notice sent."}})->status == 201);
    std::string long_note;
    for (int i = 0; i < 2000; ++i)
        long_note += "\u00e9"; // 2000 characters, 4000 bytes
    CHECK(add_action(c, ops, case_id, {{"kind", "note"}, {"note", long_note}})->status == 201);

    auto expect_fields = [&](const nlohmann::json& body, std::vector<std::string> fields) {
        auto res = add_action(c, ops, case_id, body);
        CHECK_MESSAGE(res->status == 400, res->body);
        CHECK(body_json(res)["code"] == "validation_failed");
        CHECK(error_fields(res) == fields);
    };
    expect_fields({{"kind", "fax"}}, {"kind"});
    expect_fields(nlohmann::json::object(), {"kind"});
    expect_fields({{"kind", "note"}}, {"note"});
    expect_fields({{"kind", "note"}, {"note", "   "}}, {"note"});
    expect_fields({{"kind", "note"}, {"note", long_note + "x"}}, {"note"});
    expect_fields({{"kind", "call"}, {"note", 12}}, {"note"});

    auto list = body_json(c.Get(path, bearer(ops)));
    REQUIRE(list["data"].size() == 5);
    CHECK(list["pagination"]["total"] == 5);
    CHECK(list["data"][0]["kind"] == "call"); // oldest first
    CHECK(list["data"][1]["kind"] == "sms");
    CHECK(list["data"][1]["actor"] == "chief.samir");
    CHECK(list["data"][1]["at"] == "2026-11-23T11:00:00Z");
    CHECK(list["data"][4]["note"] == long_note);
    auto page = body_json(c.Get(path + "?per_page=2&page=3", bearer(ops)));
    CHECK(page["data"].size() == 1);
    auto k = body_json(c.Get("/api/v1/collections/cases/" + case_id, bearer(ops)));
    CHECK(k["action_count"] == 5);
    CHECK(k["last_action_at"] == "2026-11-23T11:00:00Z");

    // X-Actor-Id next to a token names the person acting (the audit trail's actor).
    auto named = bearer(ops);
    named.emplace("X-Actor-Id", "karima.alaoui");
    auto letter = c.Post(path, named, R"({"kind": "letter"})", "application/json");
    REQUIRE(letter->status == 201);
    CHECK(body_json(letter)["actor"] == "karima.alaoui");

    auto unknown = c.Get("/api/v1/collections/cases/cas_nope/actions", bearer(ops));
    CHECK(unknown->status == 404);
    CHECK(body_json(unknown)["code"] == "case_not_found");
    CHECK(body_json(add_action(c, ops, "cas_nope", {{"kind", "call"}}))["code"] == "case_not_found");
    CHECK(body_json(c.Get("/api/v1/collections/cases/cas_nope", bearer(ops)))["code"] == "case_not_found");
}

TEST_CASE("case status transitions, and the ones that are refused") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops", "agent.karima");
    const std::string id = insert_invoice(server, InvoiceSpec().due("2026-11-01").total(9000));
    const std::string case_id = cases(c, ops)["data"][0]["case_id"];
    const std::string actions = "/api/v1/collections/cases/" + case_id + "/actions";

    auto moved = put_status(c, ops, case_id, {{"status", "in_progress"}});
    REQUIRE_MESSAGE(moved->status == 200, moved->body);
    CHECK(body_json(moved)["status"] == "in_progress");
    CHECK(put_status(c, ops, case_id, {{"status", "in_progress"}})->status == 200); // the same again: no change
    auto promised = put_status(c, ops, case_id, {{"status", "promise_to_pay"}, {"reason", "Pays on the 30th."}});
    CHECK(body_json(promised)["status"] == "promise_to_pay");
    CHECK(body_json(promised)["close_reason"].is_null());

    auto no_reason = put_status(c, ops, case_id, {{"status", "closed"}});
    CHECK(no_reason->status == 400);
    CHECK(error_fields(no_reason) == std::vector<std::string>{"reason"});
    auto reserved = put_status(c, ops, case_id, {{"status", "closed"}, {"reason", "paid"}});
    CHECK(reserved->status == 400);
    CHECK(body_json(reserved)["errors"][0]["code"] == "reserved_reason");
    auto bad = put_status(c, ops, case_id, {{"status", "won"}, {"reason", std::string(201, 'x')}});
    CHECK(error_fields(bad) == std::vector<std::string>{"status", "reason"});

    auto closed = put_status(c, ops, case_id, {{"status", "closed"}, {"reason", "Disputed by the client"}});
    REQUIRE(closed->status == 200);
    CHECK(body_json(closed)["status"] == "closed");
    CHECK(body_json(closed)["close_reason"] == "Disputed by the client");
    CHECK(body_json(closed)["closed_on"] == "2026-11-23");

    // Closed by staff, still owed: it can reopen.
    auto reopened = put_status(c, ops, case_id, {{"status", "open"}});
    REQUIRE(reopened->status == 200);
    CHECK(body_json(reopened)["status"] == "open");
    CHECK(body_json(reopened)["close_reason"].is_null());
    CHECK(body_json(reopened)["closed_on"].is_null());
    REQUIRE(put_status(c, ops, case_id, {{"status", "closed"}, {"reason", "Written off"}})->status == 200);

    // Paid after all while closed: the staff's reason stays, and it can no longer reopen.
    REQUIRE(pay_in_cash(c, ops, id, 9000)->status == 201);
    auto k = body_json(c.Get("/api/v1/collections/cases/" + case_id, bearer(ops)));
    CHECK(k["close_reason"] == "Written off");
    auto refused = put_status(c, ops, case_id, {{"status", "in_progress"}});
    CHECK(refused->status == 409);
    CHECK(body_json(refused)["code"] == "case_invoice_settled");

    // Every change is in the case's history, as a note by whoever made it.
    auto history = body_json(c.Get(actions, bearer(ops)));
    REQUIRE(history["data"].size() == 5);
    CHECK(history["data"][0]["note"] == "Status open -> in_progress");
    CHECK(history["data"][1]["note"] == "Status in_progress -> promise_to_pay: Pays on the 30th.");
    CHECK(history["data"][2]["note"] == "Status promise_to_pay -> closed: Disputed by the client");
    CHECK(history["data"][2]["actor"] == "agent.karima");
    CHECK(history["data"][4]["note"] == "Status open -> closed: Written off");

    auto unknown = put_status(c, ops, "cas_nope", {{"status", "open"}});
    CHECK(unknown->status == 404);
    CHECK(body_json(unknown)["code"] == "case_not_found");
    CHECK(body_json(c.Put("/api/v1/collections/cases/" + case_id + "/status", bearer(ops), "{",
                          "application/json"))["code"] == "malformed_json");
}

TEST_CASE("the cases list filters by status, client and days overdue") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    insert_invoice(server, InvoiceSpec().due("2026-11-13"));                                            // 10 days
    insert_invoice(server, InvoiceSpec().due("2026-08-01"));                                            // 114 days
    insert_invoice(server, InvoiceSpec().of("cli_demo_youssef", "ctr_demo_youssef").due("2026-10-01")); // 53 days
    insert_invoice(server, InvoiceSpec().of("cli_demo_helene", "ctr_demo_helene").due("2026-11-22"));   // 1 day
    insert_invoice(server, InvoiceSpec().due("2026-12-01"));                                            // not overdue

    auto all = cases(c, ops);
    REQUIRE(all["pagination"]["total"] == 4);
    CHECK(all["data"][0]["days_overdue"] == 114); // longest overdue first
    CHECK(all["data"][1]["days_overdue"] == 53);
    CHECK(all["data"][1]["client_name"] == "Youssef Benali");
    CHECK(all["data"][3]["days_overdue"] == 1);
    CHECK(cases(c, ops, "?client_id=cli_demo_amina")["pagination"]["total"] == 2);
    CHECK(cases(c, ops, "?min_days_overdue=10")["pagination"]["total"] == 3);
    CHECK(cases(c, ops, "?min_days_overdue=54")["pagination"]["total"] == 1);
    CHECK(cases(c, ops, "?min_days_overdue=0")["pagination"]["total"] == 4);
    CHECK(cases(c, ops, "?status=open")["pagination"]["total"] == 4);
    const std::string helene = cases(c, ops, "?client_id=cli_demo_helene")["data"][0]["case_id"];
    REQUIRE(put_status(c, ops, helene, {{"status", "promise_to_pay"}})->status == 200);
    CHECK(cases(c, ops, "?status=open")["pagination"]["total"] == 3);
    CHECK(cases(c, ops, "?status=promise_to_pay")["data"][0]["case_id"] == helene);
    CHECK(cases(c, ops, "?status=closed&client_id=cli_demo_helene")["pagination"]["total"] == 0);
    auto page = cases(c, ops, "?per_page=3&page=2");
    CHECK(page["data"].size() == 1);
    CHECK(page["pagination"]["total_pages"] == 2);

    auto bad = c.Get("/api/v1/collections/cases?status=lost&min_days_overdue=-1&per_page=0", bearer(ops));
    CHECK(bad->status == 400);
    CHECK(error_fields(c.Get("/api/v1/collections/cases?status=lost&min_days_overdue=x", bearer(ops))) ==
          std::vector<std::string>{"status", "min_days_overdue"});
}

TEST_CASE("every collections endpoint: no token 401, staff token of either role succeeds") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    const std::string admin = create_staff_token(server, "admin");
    insert_invoice(server, InvoiceSpec().due("2026-11-01"));
    const std::string case_id = cases(c, admin)["data"][0]["case_id"];
    const std::string base = "/api/v1/collections/cases/" + case_id;
    const std::string note = R"({"kind": "note", "note": "x"})";
    const std::string status = R"({"status": "in_progress"})";

    CHECK(c.Get("/api/v1/collections/overview")->status == 401);
    CHECK(c.Get("/api/v1/collections/cases")->status == 401);
    CHECK(c.Get(base)->status == 401);
    CHECK(c.Get(base + "/actions")->status == 401);
    CHECK(c.Post(base + "/actions", note, "application/json")->status == 401);
    CHECK(c.Put(base + "/status", status, "application/json")->status == 401);
    CHECK(c.Put(base + "/status", {{"X-Actor-Id", "agent"}, {"X-Actor-Roles", "ops"}}, status, "application/json")
              ->status == 401);
    CHECK(body_json(c.Get(base + "/actions", bearer(ops)))["pagination"]["total"] == 0);

    for (const std::string& token : {ops, admin}) {
        CHECK(c.Get("/api/v1/collections/overview", bearer(token))->status == 200);
        CHECK(c.Get("/api/v1/collections/cases", bearer(token))->status == 200);
        CHECK(c.Get(base, bearer(token))->status == 200);
        CHECK(c.Get(base + "/actions", bearer(token))->status == 200);
        CHECK(c.Post(base + "/actions", bearer(token), note, "application/json")->status == 201);
        CHECK(c.Put(base + "/status", bearer(token), status, "application/json")->status == 200);
    }
}

TEST_CASE("collections and payments endpoints match the OpenAPI description, errors included") {
    TestServer server;
    auto c = server.client();
    auto res = c.Get("/api/v1/openapi.json");
    REQUIRE(res->status == 200);
    const auto doc = nlohmann::json::parse(res->body);
    const OpenApi api(doc);
    const std::string token = create_staff_token(server, "ops");
    const auto ops = bearer(token);
    auto with_key = [&] {
        auto h = ops;
        h.emplace("Idempotency-Key", new_key());
        return h;
    };
    const std::string id = insert_invoice(server, InvoiceSpec().due("2026-11-01").total(9000));
    const std::string other = insert_invoice(server, InvoiceSpec().due("2026-11-02").total(9000));

    const nlohmann::json body = {{"invoice_id", id},
                                 {"amount", {{"amount_minor", 1000}, {"currency", "MAD"}}},
                                 {"method", "card"},
                                 {"reference", "TPE 42"}};
    check_described(api, "post", "/collections/payments",
                    c.Post("/api/v1/collections/payments", with_key(), body.dump(), "application/json"));
    check_described(api, "post", "/collections/payments",
                    c.Post("/api/v1/collections/payments", with_key(), "{}", "application/json"));
    check_described(api, "post", "/collections/payments",
                    c.Post("/api/v1/collections/payments", body.dump(), "application/json"));
    auto too_much = body;
    too_much["amount"]["amount_minor"] = 100000;
    check_described(api, "post", "/collections/payments",
                    c.Post("/api/v1/collections/payments", with_key(), too_much.dump(), "application/json"));
    auto unknown = body;
    unknown["invoice_id"] = "inv_nope";
    check_described(api, "post", "/collections/payments",
                    c.Post("/api/v1/collections/payments", with_key(), unknown.dump(), "application/json"));
    const std::string approve = "/api/v1/collections/invoices/" + other + "/approve-paid";
    check_described(api, "post", "/collections/invoices/{invoice_id}/approve-paid",
                    c.Post(approve, with_key(), "", "application/json"));
    check_described(api, "post", "/collections/invoices/{invoice_id}/approve-paid",
                    c.Post(approve, with_key(), "", "application/json"));
    check_described(api, "post", "/collections/invoices/{invoice_id}/approve-paid",
                    c.Post("/api/v1/collections/invoices/inv_nope/approve-paid", with_key(), "", "application/json"));
    check_described(api, "post", "/collections/payments",
                    c.Post("/api/v1/collections/payments", with_key(),
                           nlohmann::json{{"invoice_id", other},
                                          {"amount", {{"amount_minor", 1}, {"currency", "MAD"}}},
                                          {"method", "cash"}}
                               .dump(),
                           "application/json")); // 409: already paid
    check_described(api, "get", "/collections/payments", c.Get("/api/v1/collections/payments?method=card", ops));
    check_described(api, "get", "/collections/payments", c.Get("/api/v1/collections/payments?from=x", ops));
    check_described(api, "get", "/collections/payments", c.Get("/api/v1/collections/payments"));

    check_described(api, "get", "/collections/overview", c.Get("/api/v1/collections/overview", ops));
    check_described(api, "get", "/collections/overview", c.Get("/api/v1/collections/overview?currency=1", ops));
    auto list = c.Get("/api/v1/collections/cases", ops);
    check_described(api, "get", "/collections/cases", list);
    check_described(api, "get", "/collections/cases", c.Get("/api/v1/collections/cases?status=x", ops));
    const std::string case_id = body_json(list)["data"][0]["case_id"];
    const std::string base = "/api/v1/collections/cases/" + case_id;
    check_described(api, "get", "/collections/cases/{case_id}", c.Get(base, ops));
    check_described(api, "get", "/collections/cases/{case_id}", c.Get("/api/v1/collections/cases/cas_nope", ops));
    check_described(
        api, "post", "/collections/cases/{case_id}/actions",
        c.Post(base + "/actions", ops, R"({"kind": "call", "note": "Promised to pay."})", "application/json"));
    check_described(api, "post", "/collections/cases/{case_id}/actions",
                    c.Post(base + "/actions", ops, R"({"kind": "fax"})", "application/json"));
    check_described(api, "get", "/collections/cases/{case_id}/actions", c.Get(base + "/actions", ops));
    check_described(api, "get", "/collections/cases/{case_id}/actions",
                    c.Get("/api/v1/collections/cases/cas_nope/actions", ops));
    // The case approve-paid closed (the only closed one yet).
    const std::string paid_case =
        body_json(c.Get("/api/v1/collections/cases?status=closed", ops))["data"][0]["case_id"];
    check_described(
        api, "put", "/collections/cases/{case_id}/status",
        c.Put(base + "/status", ops, R"({"status": "closed", "reason": "Written off"})", "application/json"));
    check_described(api, "put", "/collections/cases/{case_id}/status",
                    c.Put(base + "/status", ops, R"({"status": "closed"})", "application/json"));
    check_described(api, "put", "/collections/cases/{case_id}/status",
                    c.Put("/api/v1/collections/cases/" + paid_case + "/status", ops, R"({"status": "open"})",
                          "application/json")); // 409

    for (const char* p : {"/collections/payments", "/collections/invoices/{invoice_id}/approve-paid",
                          "/collections/overview", "/collections/cases", "/collections/cases/{case_id}",
                          "/collections/cases/{case_id}/actions", "/collections/cases/{case_id}/status"}) {
        REQUIRE_MESSAGE(doc["paths"].contains(p), p);
        for (const auto& [method, operation] : doc["paths"][p].items()) // reads are the viewer's too
            CHECK_MESSAGE((operation["x-roles"] == (method == "get" ? nlohmann::json{"admin", "ops", "viewer"}
                                                                    : nlohmann::json{"admin", "ops"})),
                          p << " " << method);
    }
}
