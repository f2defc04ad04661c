// A customer's cancellation from the portal (issue #15): at the end of the commitment (no
// early termination amount) or earlier (the remaining whole months times the monthly price,
// or the operator's other rule), scheduled or made today, a new contract document version
// that says the date and the amount, the audit entry and events, the customer's own contract
// only, taken back before its date, and the amount invoiced once by the billing run of the
// termination date's month, with its own line in the invoice's PDF.
#include <doctest/doctest.h>

#include "../support/openapi_check.h"
#include "../support/server_command.h"
#include "../support/test_server.h"

using namespace isp::test;

namespace {

constexpr std::int64_t jan_5_2027 = 1799107200; // 2027-01-05T00:00:00Z

std::string verify(httplib::Client& c, const std::string& cin, const std::string& line) {
    auto res = c.Post("/api/v1/landing/clients/verify-cin",
                      nlohmann::json{{"cin", cin}, {"service_identifier", line}}.dump(), "application/json");
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 200, res->body);
    return body_json(res)["lookup_token"];
}

httplib::Result cancel(httplib::Client& c, const std::string& token, const std::string& date,
                       const std::string& contract_id = "ctr_demo_amina", const std::string& key = new_key()) {
    return c.Post("/api/v1/landing/contracts/" + contract_id + "/cancellation", {{"Idempotency-Key", key}},
                  nlohmann::json{{"lookup_token", token}, {"termination_date", date}, {"language", "en"}}.dump(),
                  "application/json");
}

nlohmann::json contract(httplib::Client& c, const std::string& token, const std::string& id) {
    auto res = c.Get("/api/v1/contracts/" + id, bearer(token));
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 200, res->body);
    return body_json(res);
}

std::vector<std::string> contract_event_types(httplib::Client& c, const std::string& token, const std::string& id) {
    std::vector<std::string> types;
    const nlohmann::json events = body_json(c.Get("/api/v1/events?limit=1000", bearer(token)));
    for (const auto& e : events["data"])
        if (e["contract_id"] == id && e["type"].get<std::string>().rfind("contract.", 0) == 0)
            types.push_back(e["type"]);
    return types;
}

nlohmann::json december_invoice(httplib::Client& c, const std::string& ops, const std::string& contract_id) {
    const nlohmann::json invoices = body_json(c.Get("/api/v1/invoices?per_page=100&period=2026-12", bearer(ops)));
    for (const auto& i : invoices["data"])
        if (i["contract_id"] == contract_id)
            return body_json(c.Get("/api/v1/invoices/" + i["invoice_id"].get<std::string>(), bearer(ops)));
    return nullptr;
}

httplib::Result bill_december(httplib::Client& c, const std::string& ops) {
    auto h = bearer(ops);
    h.emplace("Idempotency-Key", new_key());
    return c.Post("/api/v1/billing/runs", h, R"({"period": "2026-12"})", "application/json");
}

} // namespace

TEST_CASE("cancelling before the end of the commitment: scheduled, its amount on the document and on the invoice") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    const std::string token = verify(c, "AB123456", "0612345678");

    // Amina's commitment (12 months from 2026-08-23) ends on 2027-08-22: from 2026-12-15 that is
    // 8 whole months left (to 2027-08-15), times 99,00 MAD.
    auto res = cancel(c, token, "2026-12-15");
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 202, res->body);
    check_described(served_description(c), "post", "/landing/contracts/{contract_id}/cancellation", res);
    const auto j = body_json(res);
    CHECK(j["contract"]["status"] == "active");
    CHECK(j["contract"]["document_version"] == 2);
    CHECK(j["cancellation"]["termination_date"] == "2026-12-15");
    CHECK(j["cancellation"]["early_termination_amount"] ==
          nlohmann::json{{"amount_minor", 79200}, {"currency", "MAD"}});
    const std::string change_id = j["cancellation"]["change_id"];

    // The pending termination, asked by the customer; the audit entry and the events.
    auto k = contract(c, ops, "ctr_demo_amina");
    REQUIRE(k["scheduled_changes"].size() == 1);
    CHECK(k["scheduled_changes"][0]["change_id"] == change_id);
    CHECK(k["scheduled_changes"][0]["status"] == "terminated");
    CHECK(k["scheduled_changes"][0]["requested_by"] == "landing");
    auto trail = body_json(c.Get("/api/v1/contracts/ctr_demo_amina/audit?per_page=100", bearer(ops)))["data"];
    CHECK(trail.back()["action"] == "cancellation_requested");
    CHECK(trail.back()["actor"] == "landing");
    CHECK(contract_event_types(c, ops, "ctr_demo_amina") ==
          std::vector<std::string>{"contract.change_scheduled", "contract.cancellation_requested"});

    // The new document version says the date and the amount.
    auto pdf = c.Get(j["document_download_url"].get<std::string>());
    REQUIRE(pdf);
    REQUIRE(pdf->status == 200);
    const std::string text = pdftotext(pdf->body, "contract-cancellation");
    CHECK(text.find("Date de résiliation") != std::string::npos);
    CHECK(text.find("15 décembre 2026") != std::string::npos);
    CHECK(text.find("Frais de résiliation anticipée") != std::string::npos);
    CHECK(text.find("792,00") != std::string::npos);

    // Nothing more after a termination; not twice.
    auto again = cancel(c, token, "2027-01-15");
    CHECK(again->status == 409);
    CHECK(body_json(again)["code"] == "termination_scheduled");

    // The December run (after the date) bills the days until the 14th and the amount, once.
    server.clock().set(jan_5_2027);
    auto run = bill_december(c, ops);
    REQUIRE_MESSAGE(run->status == 201, run->body);
    CHECK(contract(c, ops, "ctr_demo_amina")["status"] == "terminated");
    const auto invoice = december_invoice(c, ops, "ctr_demo_amina");
    REQUIRE(invoice["lines"].size() == 2);
    CHECK(invoice["lines"][0]["kind"] == "subscription");
    CHECK(invoice["lines"][0]["to_date"] == "2026-12-14");
    CHECK(invoice["lines"][1]["kind"] == "early_termination");
    CHECK(invoice["lines"][1]["from_date"] == "2026-12-15");
    CHECK(invoice["lines"][1]["amount"]["amount_minor"] == 79200);
    CHECK(invoice["lines"][1]["tax"]["amount_minor"] == 15840);
    CHECK(invoice["period_end"] == "2026-12-14");
    CHECK(invoice["subtotal"]["amount_minor"] == 4471 + 79200);
    auto invoice_pdf = c.Get("/api/v1/invoices/" + invoice["invoice_id"].get<std::string>() + "/pdf", bearer(ops));
    REQUIRE(invoice_pdf);
    REQUIRE(invoice_pdf->status == 200);
    const std::string printed = pdftotext(invoice_pdf->body, "invoice-early-termination");
    CHECK(printed.find("Frais de résiliation anticipée") != std::string::npos);
    CHECK(printed.find("Résiliation au 15 décembre 2026") != std::string::npos);
    CHECK(printed.find("792,00") != std::string::npos);
}

TEST_CASE("cancelling at the end of the commitment costs nothing; the customer may take it back") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    const std::string token = verify(c, "AB123456", "0612345678");
    auto res = cancel(c, token, "2027-08-23");
    REQUIRE_MESSAGE(res->status == 202, res->body);
    CHECK(body_json(res)["cancellation"]["early_termination_amount"]["amount_minor"] == 0);
    const std::string change_id = body_json(res)["cancellation"]["change_id"];

    auto back = c.Delete("/api/v1/landing/contracts/ctr_demo_amina/scheduled-changes/" + change_id, bearer(token));
    REQUIRE_MESSAGE(back->status == 200, back->body);
    CHECK(contract(c, ops, "ctr_demo_amina")["scheduled_changes"].empty());
}

TEST_CASE("a cancellation taken back is not billed; one dated today terminates at once") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    const std::string token = verify(c, "AB123456", "0612345678");
    auto res = cancel(c, token, "2026-12-15");
    REQUIRE_MESSAGE(res->status == 202, res->body);
    const std::string change_id = body_json(res)["cancellation"]["change_id"];
    REQUIRE(
        c.Delete("/api/v1/landing/contracts/ctr_demo_amina/scheduled-changes/" + change_id, bearer(token))->status ==
        200);
    server.clock().set(jan_5_2027);
    REQUIRE(bill_december(c, ops)->status == 201);
    const auto invoice = december_invoice(c, ops, "ctr_demo_amina");
    REQUIRE(invoice["lines"].size() == 1);
    CHECK(invoice["lines"][0]["kind"] == "subscription");

    // Youssef (fibre 100 at 349,00 MAD, the same commitment) cancels today, 2027-01-05: the
    // months from then to 2027-08-22 are 7.
    const std::string youssef = verify(c, "BE654321", "0535123456");
    auto now = cancel(c, youssef, "2027-01-05", "ctr_demo_youssef");
    REQUIRE_MESSAGE(now->status == 200, now->body);
    CHECK(body_json(now)["contract"]["status"] == "terminated");
    CHECK(body_json(now)["cancellation"]["change_id"].is_null());
    CHECK(body_json(now)["cancellation"]["early_termination_amount"]["amount_minor"] == 7 * 34900);
}

TEST_CASE("cancellation: another client's contract, bad dates, the operator's rule") {
    TestServer server(true, [](isp::ServerConfig& config) {
        config.early_termination_rule = {isp::EarlyTerminationRule::Kind::Fixed, 50000};
    });
    auto c = server.client();
    const std::string amina = verify(c, "AB123456", "0612345678");

    auto stranger = cancel(c, amina, "2026-12-15", "ctr_demo_youssef");
    CHECK(stranger->status == 403);
    CHECK(body_json(stranger)["code"] == "contract_not_owned");
    auto unknown = cancel(c, amina, "2026-12-15", "ctr_nope");
    CHECK(unknown->status == 403);
    CHECK(body_json(unknown)["code"] == "contract_not_owned");
    CHECK(cancel(c, "", "2026-12-15")->status == 401);

    for (const auto& [date, code] :
         std::vector<std::pair<std::string, std::string>>{{"", "required"},
                                                          {"15/12/2026", "invalid_date"},
                                                          {"2026-11-22", "termination_date_in_past"},
                                                          {"2028-09-01", "termination_date_too_far"}}) {
        auto bad = cancel(c, amina, date);
        REQUIRE(bad);
        CHECK_MESSAGE(bad->status == 400, date);
        CHECK(error_fields(bad) == std::vector<std::string>{"termination_date"});
        CHECK(body_json(bad)["errors"][0]["code"] == code);
    }
    auto wrong_type =
        c.Post("/api/v1/landing/contracts/ctr_demo_amina/cancellation", {{"Idempotency-Key", new_key()}},
               nlohmann::json{{"lookup_token", amina}, {"termination_date", 20261215}}.dump(), "application/json");
    CHECK(wrong_type->status == 400);

    // The operator's fixed amount before the end of the commitment.
    auto res = cancel(c, amina, "2026-12-15");
    REQUIRE_MESSAGE(res->status == 202, res->body);
    CHECK(body_json(res)["cancellation"]["early_termination_amount"]["amount_minor"] == 50000);
}

TEST_CASE("a termination on the 1st: no day to bill, an invoice with the early termination amount alone") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    const std::string token = verify(c, "AB123456", "0612345678");
    // From 2027-01-01 to the commitment's last day, 2027-08-22: 7 whole months.
    auto res = cancel(c, token, "2027-01-01");
    REQUIRE_MESSAGE(res->status == 202, res->body);
    CHECK(body_json(res)["cancellation"]["early_termination_amount"]["amount_minor"] == 7 * 9900);

    server.clock().set(1801699200); // 2027-02-04T00:00:00Z
    auto h = bearer(ops);
    h.emplace("Idempotency-Key", new_key());
    auto run = c.Post("/api/v1/billing/runs", h, R"({"period": "2027-01"})", "application/json");
    REQUIRE_MESSAGE(run->status == 201, run->body);
    const nlohmann::json invoices = body_json(c.Get("/api/v1/invoices?per_page=100&period=2027-01", bearer(ops)));
    nlohmann::json invoice;
    for (const auto& i : invoices["data"])
        if (i["contract_id"] == "ctr_demo_amina")
            invoice = body_json(c.Get("/api/v1/invoices/" + i["invoice_id"].get<std::string>(), bearer(ops)));
    REQUIRE(invoice.is_object());
    REQUIRE(invoice["lines"].size() == 1);
    CHECK(invoice["lines"][0]["kind"] == "early_termination");
    CHECK(invoice["lines"][0]["from_date"] == "2027-01-01");
    CHECK(invoice["subtotal"]["amount_minor"] == 69300);
    CHECK(invoice["total"]["amount_minor"] == 69300 + 13860);

    // Once: another run of the month finds nothing more to bill.
    h = bearer(ops);
    h.emplace("Idempotency-Key", new_key());
    auto again = c.Post("/api/v1/billing/runs", h, R"({"period": "2027-01"})", "application/json");
    REQUIRE(again);
    CHECK(again->status == 200);
}

TEST_CASE(
    "the dashboard's answer: the balance due, the part past due, the next invoice estimated with pending changes") {
    TestServer server(true, [](isp::ServerConfig& config) { config.demo_billing_history = true; });
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    const std::string token = verify(c, "AB123456", "0612345678");
    auto subscriptions = [&](const std::string& cin = "AB123456", const std::string& as = "") {
        auto res = c.Get("/api/v1/landing/clients/" + cin + "/subscriptions", bearer(as.empty() ? token : as));
        REQUIRE(res);
        REQUIRE_MESSAGE(res->status == 200, res->body);
        check_described(served_description(c), "get", "/landing/clients/{cin}/subscriptions", res);
        return body_json(res);
    };

    // The balance is what staff see outstanding on his invoices, and the part past its due date
    // (the demo's Youssef paid half of September and nothing of October).
    std::int64_t outstanding = 0, past_due = 0;
    const nlohmann::json invoices =
        body_json(c.Get("/api/v1/invoices?per_page=100&client_id=cli_demo_youssef", bearer(ops)));
    for (const auto& i : invoices["data"]) {
        const std::int64_t owed = i["outstanding"]["amount_minor"].get<std::int64_t>();
        outstanding += owed;
        if (i["due_date"].get<std::string>() < "2026-11-23")
            past_due += owed;
    }
    REQUIRE(outstanding > 0);
    REQUIRE(past_due > 0);
    auto j = subscriptions("BE654321", verify(c, "BE654321", "0535123456"));
    CHECK(j["balance_due"]["amount_minor"] == outstanding);
    CHECK(j["balance_past_due"]["amount_minor"] == past_due);
    j = subscriptions();
    CHECK(j["balance_due"]["amount_minor"] == 0); // Amina paid everything
    CHECK(j["early_termination_rule"] == "remaining-months");

    // November is not invoiced yet: a whole month of Mobile Confort with tax.
    CHECK(j["subscriptions"][0]["next_invoice"] ==
          nlohmann::json{{"period", "2026-11"}, {"estimate", {{"amount_minor", 11880}, {"currency", "MAD"}}}});
    // Cancelled from the 25th: days 1-24 of 30 (7 920 + 1 584 tax), as the billing run will bill them.
    REQUIRE(cancel(c, token, "2026-11-25")->status == 202);
    j = subscriptions();
    CHECK(j["subscriptions"][0]["next_invoice"]["estimate"]["amount_minor"] == 9504);
    REQUIRE(j["subscriptions"][0]["scheduled_changes"].size() == 1);
    CHECK(j["subscriptions"][0]["scheduled_changes"][0]["cancellable"] == true);
}

TEST_CASE("--early-termination-rule: checked at start and by config check, also from the environment") {
    auto [rc, out] = run_portal_server("config check --demo --early-termination-rule fixed:50000");
    CHECK_MESSAGE(rc == 0, out);
    CHECK(out.find("early-termination-rule = fixed:50000") != std::string::npos);
    for (const char* wrong : {"bogus", "fixed:", "fixed:-5"}) {
        std::tie(rc, out) = run_portal_server(std::string("config check --demo --early-termination-rule ") + wrong);
        CHECK_MESSAGE(rc == 2, wrong);
        CHECK(out.find("--early-termination-rule") != std::string::npos);
    }
    std::tie(rc, out) = run_portal_server("config check --demo", "PORTAL_EARLY_TERMINATION_RULE=none");
    CHECK_MESSAGE(rc == 0, out);
    CHECK(out.find("early-termination-rule = none") != std::string::npos);
}
