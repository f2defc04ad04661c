// Issue #4's full chain, as one operator would run it through the HTTP API with one
// staff token: P0 (health, me) -> P1 (offer) -> P3 (customer) -> P4 (provisioning, audit,
// suspension and resumption) -> P11 (billing run, prorated by hand) -> P12 (invoice
// list, detail, PDF) -> P14 (payments) -> P15 (collection case, ageing, actions), and the
// customer's delete guardrail at the end.
#include <doctest/doctest.h>

#include "../support/test_server.h"

using namespace isp::test;

namespace {

constexpr std::int64_t day = 86400;

nlohmann::json ok(const httplib::Result& res, int status = 200) {
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == status, res->body);
    return body_json(res);
}

httplib::Headers with_key(const std::string& token) {
    auto h = bearer(token);
    h.emplace("Idempotency-Key", new_key());
    return h;
}

nlohmann::json money(std::int64_t amount_minor) {
    return {{"amount_minor", amount_minor}, {"currency", "MAD"}};
}

} // namespace

TEST_CASE("full chain P0 -> P1 -> P3 -> P4 -> P11 -> P12 -> P14 -> P15 through the API with one staff token") {
    TestServer server;
    auto c = server.client();
    const std::string token = create_staff_token(server, "admin,ops", "chain.agent");
    const auto staff = bearer(token);
    const auto post = [&](const std::string& path, const nlohmann::json& body) {
        return c.Post("/api/v1" + path, staff, body.dump(), "application/json");
    };
    const auto get = [&](const std::string& path) { return c.Get("/api/v1" + path, staff); };

    // P0: the service is up and the credential is ours.
    const auto health = ok(c.Get("/api/v1/health"));
    CHECK(health["status"] == "ok");
    CHECK(health["database"]["reachable"] == true);
    const auto me = ok(get("/me"));
    CHECK(me["name"] == "chain.agent");
    CHECK(me["actor"] == "chain.agent");
    CHECK(me["authenticated_by"].is_string());
    CHECK(me["roles"].size() == 2);

    // P1: an offer, seen in its family.
    const nlohmann::json offer_body = {
        {"family", "mobile"},           {"name", "Mobile Chaine 99"}, {"description", "Offre de la chaine complete"},
        {"monthly_price", money(9990)}, {"tax_rate_bp", 2000},        {"commitment_months", 0}};
    const auto offer = ok(post("/offers", offer_body), 201);
    const std::string offer_id = offer["offer_id"];
    CHECK(offer_id.rfind("ofr_", 0) == 0);
    CHECK(offer["monthly_price_with_tax"]["amount_minor"] == 11988);
    CHECK(ok(get("/offers/" + offer_id))["name"] == "Mobile Chaine 99");
    const auto categories = ok(get("/offer-categories"));
    bool listed = false;
    for (const auto& family : categories["data"])
        for (const auto& o : family["offers"])
            if (o["offer_id"] == offer_id) {
                listed = true;
                CHECK(family["family"] == "mobile");
            }
    CHECK(listed);

    // P3: a customer, found by a piece of the name and by the CIN as typed.
    const nlohmann::json customer_body = {{"cin", "jk 445566"},
                                          {"first_name", "Salma"},
                                          {"last_name", "Berrada"},
                                          {"phone", "06 77 00 11 22"},
                                          {"email", "salma.berrada@example.ma"},
                                          {"address", "5, rue Tarik Ibn Ziad, Tanger"},
                                          {"language", "en"}};
    const auto customer = ok(post("/customers", customer_body), 201);
    const std::string client_id = customer["client_id"];
    CHECK(customer["cin"] == "JK445566");
    for (const char* q : {"salma berr", "jk 4455", "06 77 00"}) {
        const auto found = ok(c.Get("/api/v1/customers", httplib::Params{{"q", q}}, staff));
        REQUIRE_MESSAGE(found["data"].size() == 1, q);
        CHECK(found["data"][0]["client_id"] == client_id);
    }

    // P4: provisioning from 2026-10-10 (taken over from paper), its audit.
    const nlohmann::json provision_body = {{"offer_id", offer_id},
                                           {"contract_start_date", "2026-10-10"},
                                           {"commitment_months", 0},
                                           {"client_id", client_id},
                                           {"subscriber", {{"service_identifier", "+212677001122"}}},
                                           {"provisioning_intent", "auto"}};
    const auto contract = ok(post("/contracts/provision", provision_body), 201);
    const std::string contract_id = contract["contract_id"];
    CHECK(contract["status"] == "active");
    CHECK(contract["contract_start_date"] == "2026-10-10");
    CHECK(contract["client_id"] == client_id);
    CHECK(contract["offer_id"] == offer_id);
    auto audit = ok(get("/contracts/" + contract_id + "/audit"))["data"];
    REQUIRE(audit.size() == 1);
    CHECK(audit[0]["action"] == "created");
    CHECK(audit[0]["actor"] == "chain.agent");

    // Suspended from 2026-10-20, active again from 2026-10-25.
    const auto status = [&](const std::string& s, const std::string& date) {
        return c.Put("/api/v1/contracts/" + contract_id + "/status", staff,
                     nlohmann::json{{"status", s}, {"effective_date", date}, {"reason", "chain"}}.dump(),
                     "application/json");
    };
    CHECK(ok(status("suspended", "2026-10-20"))["status"] == "suspended");
    CHECK(ok(status("active", "2026-10-25"))["status"] == "active");
    const auto read = ok(get("/contracts/" + contract_id));
    CHECK(read["status_periods"] == nlohmann::json::parse(R"([{"status": "active", "effective_from": "2026-10-10"},
        {"status": "suspended", "effective_from": "2026-10-20"}, {"status": "active", "effective_from": "2026-10-25"}])"));
    audit = ok(get("/contracts/" + contract_id + "/audit"))["data"];
    REQUIRE(audit.size() == 3);
    CHECK(audit[1]["action"] == "status_changed");
    CHECK(audit[1]["after"]["status"] == "suspended");
    CHECK(audit[1]["after"]["effective_date"] == "2026-10-20");
    CHECK(audit[2]["after"]["status"] == "active");
    CHECK(audit[2]["after"]["effective_date"] == "2026-10-25");

    // P11: October's run. The three demo contracts and ours.
    const auto run =
        ok(c.Post("/api/v1/billing/runs", with_key(token), R"({"period": "2026-10"})", "application/json"), 201);
    CHECK(run["period"] == "2026-10");
    CHECK(run["invoice_count"] == 4);

    // P12: our customer's invoice, found by client.
    const auto list = ok(get("/invoices?client_id=" + client_id));
    REQUIRE(list["data"].size() == 1);
    CHECK(list["pagination"]["total"] == 1);
    const std::string invoice_id = list["data"][0]["invoice_id"];
    const auto invoice = ok(get("/invoices/" + invoice_id));
    CHECK(invoice["contract_id"] == contract_id);
    CHECK(invoice["billing_run_id"] == run["billing_run_id"]);
    CHECK(invoice["issue_date"] == "2026-11-23");
    CHECK(invoice["due_date"] == "2026-12-08");
    CHECK(invoice["period_start"] == "2026-10-10");
    CHECK(invoice["period_end"] == "2026-10-31");
    CHECK(invoice["status"] == "open");
    REQUIRE(invoice["lines"].size() == 2);
    const auto& l1 = invoice["lines"][0];
    const auto& l2 = invoice["lines"][1];
    CHECK(l1["offer_id"] == offer_id);
    CHECK(l1["service_identifier"] == "+212677001122");
    CHECK(l1["from_date"] == "2026-10-10");
    CHECK(l1["to_date"] == "2026-10-19");
    CHECK(l1["days"] == 10);
    CHECK(l1["days_in_period"] == 31);
    CHECK(l1["monthly_price"] == money(9990));
    CHECK(l1["amount"] == money(3223)); // 9990 * 10 / 31 = 3222.58
    CHECK(l1["tax"] == money(645));     // 644.6
    CHECK(l1["total"] == money(3868));
    CHECK(l2["from_date"] == "2026-10-25");
    CHECK(l2["to_date"] == "2026-10-31");
    CHECK(l2["days"] == 7);
    CHECK(l2["amount"] == money(2256)); // 9990 * 7 / 31 = 2255.81
    CHECK(l2["tax"] == money(451));     // 451.2
    CHECK(l2["total"] == money(2707));
    CHECK(invoice["subtotal"] == money(3223 + 2256));
    CHECK(invoice["tax"] == money(645 + 451));
    CHECK(invoice["total"] == money(6575));
    CHECK(invoice["outstanding"] == money(6575));
    CHECK(invoice["client"]["cin"] == "JK445566");

    auto pdf = get("/invoices/" + invoice_id + "/pdf");
    REQUIRE(pdf);
    REQUIRE(pdf->status == 200);
    CHECK(pdf->get_header_value("Content-Type") == "application/pdf");
    const std::string text = pdftotext(pdf->body, "full_chain_invoice");
    INFO(text);
    CHECK(text.find(invoice["invoice_number"].get<std::string>()) != std::string::npos);
    CHECK(text.find("Salma Berrada") != std::string::npos);
    CHECK(text.find("JK445566") != std::string::npos);
    CHECK(text.find("Mobile Chaine 99") != std::string::npos);
    CHECK(text.find("10 / 31") != std::string::npos);
    CHECK(text.find("7 / 31") != std::string::npos);
    CHECK(text.find("From 10 October 2026 to 19 October 2026") != std::string::npos);
    CHECK(text.find("From 25 October 2026 to 31 October 2026") != std::string::npos);
    CHECK(text.find("32.23 MAD") != std::string::npos);
    CHECK(text.find("22.56 MAD") != std::string::npos);
    CHECK(text.find("65.75 MAD") != std::string::npos);

    // P14: a part payment.
    auto part = ok(c.Post("/api/v1/collections/payments", with_key(token),
                          nlohmann::json{{"invoice_id", invoice_id},
                                         {"amount", money(3000)},
                                         {"method", "bank_transfer"},
                                         {"reference", "VIR-CHAIN-1"}}
                              .dump(),
                          "application/json"),
                   201);
    CHECK(part["allocation"] == "partial");
    CHECK(part["invoice_status"] == "partially_paid");
    CHECK(part["outstanding"] == money(3575));
    CHECK(part["payment"]["actor"] == "chain.agent");
    CHECK(part["closed_case_id"].is_null());
    CHECK(ok(get("/invoices/" + invoice_id))["status"] == "partially_paid");
    CHECK(ok(get("/collections/cases?client_id=" + client_id))["pagination"]["total"] == 0); // not due yet

    // P15: 2026-12-20, twelve days past the due date.
    server.clock().set(default_now + 27 * day);
    CHECK(ok(get("/invoices/" + invoice_id))["status"] == "overdue");
    const auto cases = ok(get("/collections/cases?client_id=" + client_id));
    REQUIRE(cases["data"].size() == 1);
    const auto k = cases["data"][0];
    const std::string case_id = k["case_id"];
    CHECK(k["invoice_id"] == invoice_id);
    CHECK(k["client_name"] == "Salma Berrada");
    CHECK(k["status"] == "open");
    CHECK(k["opened_on"] == "2026-12-09");
    CHECK(k["days_overdue"] == 12);
    CHECK(k["outstanding"] == money(3575));
    CHECK(k["invoice_total"] == money(6575));

    // The overview's ageing: every overdue invoice is 12 days late (all issued on 2026-11-23).
    std::int64_t overdue_sum = 0;
    const auto overdue = ok(get("/invoices?status=overdue&per_page=100"));
    for (const auto& i : overdue["data"])
        overdue_sum += i["outstanding"]["amount_minor"].get<std::int64_t>();
    CHECK(overdue["pagination"]["total"] == 4);
    const auto overview = ok(get("/collections/overview"));
    CHECK(overview["as_of"] == "2026-12-20");
    CHECK(overview["overdue_invoice_count"] == 4);
    CHECK(overview["overdue_total"] == money(overdue_sum));
    REQUIRE(overview["ageing"].size() == 4);
    CHECK(overview["ageing"][0]["bucket"] == "1_30");
    CHECK(overview["ageing"][0]["amount"] == money(overdue_sum));
    CHECK(overview["ageing"][0]["invoice_count"] == 4);
    CHECK(overview["ageing"][1]["invoice_count"] == 0);
    CHECK(overview["open_case_count"] == 4);

    // A call, then the rest of the money: the case closes itself and the invoice is paid.
    const auto call = ok(post("/collections/cases/" + case_id + "/actions",
                              {{"kind", "call"}, {"note", "Promised a transfer this week."}}),
                         201);
    CHECK(call["kind"] == "call");
    CHECK(call["actor"] == "chain.agent");
    const auto actions = ok(get("/collections/cases/" + case_id + "/actions"));
    REQUIRE(actions["data"].size() == 1);
    CHECK(actions["data"][0]["note"] == "Promised a transfer this week.");

    auto rest =
        ok(c.Post("/api/v1/collections/payments", with_key(token),
                  nlohmann::json{{"invoice_id", invoice_id}, {"amount", money(3575)}, {"method", "cash"}}.dump(),
                  "application/json"),
           201);
    CHECK(rest["allocation"] == "full");
    CHECK(rest["invoice_status"] == "paid");
    CHECK(rest["outstanding"] == money(0));
    CHECK(rest["closed_case_id"] == case_id);
    const auto closed = ok(get("/collections/cases/" + case_id));
    CHECK(closed["status"] == "closed");
    CHECK(closed["close_reason"] == "paid");
    CHECK(closed["closed_on"] == "2026-12-20");
    CHECK(closed["outstanding"] == money(0));
    const auto paid = ok(get("/invoices/" + invoice_id));
    CHECK(paid["status"] == "paid");
    CHECK(paid["paid"] == money(6575));
    CHECK(paid["outstanding"] == money(0));
    const auto payments = ok(get("/collections/payments?invoice_id=" + invoice_id));
    CHECK(payments["pagination"]["total"] == 2);
    CHECK(ok(get("/collections/overview"))["open_case_count"] == 3);

    // The customer now has history: it cannot be deleted.
    auto blocked = c.Delete("/api/v1/customers/" + client_id, staff);
    REQUIRE(blocked);
    CHECK(blocked->status == 409);
    CHECK(body_json(blocked)["code"] == "customer_delete_blocked");
    CHECK(ok(get("/customers/" + client_id))["client_id"] == client_id);
}
