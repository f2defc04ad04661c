// Payments (issue #4, process map P14): partial and full settlement, refusals that write
// nothing, Idempotency-Key replays, concurrent payments that cannot over-pay,
// approve-paid, the payments list, roles and validation.
#include <doctest/doctest.h>

#include <thread>

#include "../support/invoice_fixture.h"
#include "../support/test_server.h"

using namespace isp::test;

namespace {

nlohmann::json payment(const std::string& invoice_id, std::int64_t amount_minor, const std::string& method = "cash") {
    return {{"invoice_id", invoice_id},
            {"amount", {{"amount_minor", amount_minor}, {"currency", "MAD"}}},
            {"method", method},
            {"reference", "REC-001"}};
}

httplib::Headers staff_with_key(const std::string& token, const std::string& key = new_key()) {
    auto h = bearer(token);
    h.emplace("Idempotency-Key", key);
    return h;
}

httplib::Result pay(httplib::Client& c, const std::string& token, const nlohmann::json& body,
                    const std::string& key = new_key()) {
    return c.Post("/api/v1/collections/payments", staff_with_key(token, key), body.dump(), "application/json");
}

} // namespace

TEST_CASE("a partial then a full payment settle an invoice") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops", "agent.karima");
    const std::string id = insert_invoice(server, InvoiceSpec().total(12000));

    auto first = pay(c, ops, payment(id, 5000));
    REQUIRE_MESSAGE(first->status == 201, first->body);
    auto b = body_json(first);
    CHECK(b["allocation"] == "partial");
    CHECK(b["invoice_status"] == "partially_paid");
    CHECK(b["outstanding"] == nlohmann::json{{"amount_minor", 7000}, {"currency", "MAD"}});
    CHECK(b["invoice"]["paid"]["amount_minor"] == 5000);
    CHECK(b["invoice"]["invoice_number"] == invoice_number_of(server, id));
    CHECK(b["payment"]["payment_id"].get<std::string>().rfind("pay_", 0) == 0);
    CHECK(b["payment"]["amount"]["amount_minor"] == 5000);
    CHECK(b["payment"]["method"] == "cash");
    CHECK(b["payment"]["reference"] == "REC-001");
    CHECK(b["payment"]["received_on"] == "2026-11-23"); // today, from the server's clock
    CHECK(b["payment"]["actor"] == "agent.karima");
    CHECK(b["payment"]["client_id"] == "cli_demo_amina");
    CHECK(invoice_state(server, id).status == "partially_paid");

    auto body = payment(id, 7000, "bank_transfer");
    body["received_on"] = "2026-11-20";
    auto second = pay(c, ops, body);
    REQUIRE_MESSAGE(second->status == 201, second->body);
    b = body_json(second);
    CHECK(b["allocation"] == "full");
    CHECK(b["invoice_status"] == "paid");
    CHECK(b["outstanding"]["amount_minor"] == 0);
    CHECK(b["payment"]["received_on"] == "2026-11-20");
    const auto state = invoice_state(server, id);
    CHECK(state.paid_minor == 12000);
    CHECK(state.status == "paid");
    CHECK(state.payment_count == 2);

    auto again = pay(c, ops, payment(id, 100));
    CHECK(again->status == 409);
    CHECK(body_json(again)["code"] == "invoice_already_paid");
    CHECK(invoice_state(server, id).payment_count == 2);

    auto list = body_json(c.Get("/api/v1/collections/payments?invoice_id=" + id, bearer(ops)));
    REQUIRE(list["data"].size() == 2);
    CHECK(list["pagination"]["total"] == 2);
    CHECK(list["data"][0]["allocation"] == "full"); // newest first
    CHECK(list["data"][1]["allocation"] == "partial");
}

TEST_CASE("a refused payment writes nothing: over-payment, wrong currency, unknown invoice") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    const std::string id = insert_invoice(server, InvoiceSpec().total(12000).paid(2000));

    const std::string key = new_key();
    auto over = pay(c, ops, payment(id, 10001), key);
    CHECK(over->status == 422);
    const auto problem = body_json(over);
    CHECK(problem["code"] == "amount_exceeds_outstanding");
    CHECK(problem["detail"].get<std::string>().find("100.00 MAD") != std::string::npos);
    CHECK(problem["errors"][0]["field"] == "amount.amount_minor");
    auto state = invoice_state(server, id);
    CHECK(state.paid_minor == 2000);
    CHECK(state.status == "partially_paid");
    CHECK(state.payment_count == 0);

    auto other = payment(id, 5000);
    other["amount"]["currency"] = "EUR";
    auto currency = pay(c, ops, other);
    CHECK(currency->status == 422);
    CHECK(body_json(currency)["code"] == "currency_mismatch");

    auto unknown = pay(c, ops, payment("inv_nope", 100));
    CHECK(unknown->status == 404);
    CHECK(body_json(unknown)["code"] == "invoice_not_found");
    CHECK(invoice_state(server, id).payment_count == 0);
    CHECK(body_json(c.Get("/api/v1/collections/payments", bearer(ops)))["pagination"]["total"] == 0);

    // A refused request stores no answer: the same key with the corrected amount works.
    auto corrected = pay(c, ops, payment(id, 10000), key);
    CHECK(corrected->status == 201);
    CHECK(body_json(corrected)["allocation"] == "full");
    CHECK(invoice_state(server, id).status == "paid");
}

TEST_CASE("a payment replayed with its Idempotency-Key is recorded once") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    const std::string id = insert_invoice(server, InvoiceSpec().total(12000));
    const std::string key = new_key();

    auto first = pay(c, ops, payment(id, 3000), key);
    REQUIRE(first->status == 201);
    auto replay = pay(c, ops, payment(id, 3000), key);
    CHECK(replay->status == 201);
    CHECK(replay->body == first->body);
    CHECK(replay->get_header_value("Idempotent-Replayed") == "true");
    CHECK(invoice_state(server, id).payment_count == 1);
    CHECK(invoice_state(server, id).paid_minor == 3000);

    auto reused = pay(c, ops, payment(id, 4000), key);
    CHECK(reused->status == 422);
    CHECK(body_json(reused)["code"] == "idempotency_key_reused");

    auto no_key = c.Post("/api/v1/collections/payments", bearer(ops), payment(id, 1000).dump(), "application/json");
    CHECK(no_key->status == 400);
    CHECK(body_json(no_key)["code"] == "idempotency_key_missing");
    CHECK(invoice_state(server, id).payment_count == 1);
}

TEST_CASE("two concurrent payments that together exceed the outstanding: exactly one is taken") {
    TestServer server;
    const std::string ops = create_staff_token(server, "ops");
    for (int round = 0; round < 5; ++round) {
        const std::string id = insert_invoice(server, InvoiceSpec().total(10000));
        int statuses[2] = {0, 0};
        std::string codes[2];
        auto run = [&](int i) {
            auto c = server.client();
            auto res = pay(c, ops, payment(id, 6000 + i * 1000));
            statuses[i] = res ? res->status : -1;
            codes[i] = res && res->status >= 400 ? body_json(res)["code"].get<std::string>() : "";
        };
        std::thread a(run, 0), b(run, 1);
        a.join();
        b.join();
        CHECK(((statuses[0] == 201 && statuses[1] == 422) || (statuses[0] == 422 && statuses[1] == 201)));
        CHECK((codes[0] == "amount_exceeds_outstanding" || codes[1] == "amount_exceeds_outstanding"));
        const auto state = invoice_state(server, id);
        CHECK(state.payment_count == 1);
        CHECK((state.paid_minor == 6000 || state.paid_minor == 7000));
        CHECK(state.status == "partially_paid");
    }
}

TEST_CASE("approve-paid settles the whole outstanding once") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops", "agent.omar");
    const std::string id = insert_invoice(server, InvoiceSpec().total(9900).paid(1000));
    const std::string path = "/api/v1/collections/invoices/" + id + "/approve-paid";
    const std::string key = new_key();

    auto approved = c.Post(path, staff_with_key(ops, key), "", "application/json");
    REQUIRE_MESSAGE(approved->status == 201, approved->body);
    const auto b = body_json(approved);
    CHECK(b["payment"]["amount"]["amount_minor"] == 8900);
    CHECK(b["payment"]["method"] == "bank_transfer");
    CHECK(b["payment"]["actor"] == "agent.omar");
    CHECK(b["allocation"] == "full");
    CHECK(b["invoice_status"] == "paid");
    CHECK(b["outstanding"]["amount_minor"] == 0);

    auto replay = c.Post(path, staff_with_key(ops, key), "", "application/json");
    CHECK(replay->status == 201);
    CHECK(replay->body == approved->body);

    // Approving it again (another key): its paid state, no second payment.
    auto again = c.Post(path, staff_with_key(ops), R"({"method": "cash"})", "application/json");
    CHECK(again->status == 200);
    CHECK(body_json(again)["payment"].is_null());
    CHECK(body_json(again)["allocation"].is_null());
    CHECK(body_json(again)["invoice_status"] == "paid");
    CHECK(body_json(again)["outstanding"]["amount_minor"] == 0);
    const auto state = invoice_state(server, id);
    CHECK(state.payment_count == 1);
    CHECK(state.paid_minor == 9900);

    auto unknown = c.Post("/api/v1/collections/invoices/inv_nope/approve-paid", staff_with_key(ops), "", "");
    CHECK(unknown->status == 404);
    CHECK(body_json(unknown)["code"] == "invoice_not_found");
    auto no_key = c.Post(path, bearer(ops), "", "application/json");
    CHECK(body_json(no_key)["code"] == "idempotency_key_missing");
    auto bad =
        c.Post(path, staff_with_key(ops), R"({"method": "bitcoin", "received_on": "2027-01-01"})", "application/json");
    CHECK(bad->status == 400);
    CHECK(error_fields(bad) == std::vector<std::string>{"method", "received_on"});

    // A body with a method and a reference is recorded as given.
    const std::string other = insert_invoice(server, InvoiceSpec().total(5000));
    auto cheque =
        c.Post("/api/v1/collections/invoices/" + other + "/approve-paid", staff_with_key(ops),
               R"({"method": "cheque", "reference": "CHQ 1234567", "received_on": "2026-11-20"})", "application/json");
    REQUIRE(cheque->status == 201);
    CHECK(body_json(cheque)["payment"]["method"] == "cheque");
    CHECK(body_json(cheque)["payment"]["reference"] == "CHQ 1234567");
    CHECK(body_json(cheque)["payment"]["received_on"] == "2026-11-20");
}

TEST_CASE("the payments list filters by invoice, client, method and dates") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    const std::string amina = insert_invoice(server, InvoiceSpec().total(50000));
    const std::string youssef =
        insert_invoice(server, InvoiceSpec().of("cli_demo_youssef", "ctr_demo_youssef").total(50000));
    auto body = payment(amina, 1000, "card");
    body["received_on"] = "2026-11-01";
    REQUIRE(pay(c, ops, body)->status == 201);
    body = payment(amina, 1000, "mobile_money");
    body["received_on"] = "2026-11-15";
    REQUIRE(pay(c, ops, body)->status == 201);
    REQUIRE(pay(c, ops, payment(youssef, 2000, "direct_debit"))->status == 201);

    auto total = [&](const std::string& query) {
        auto res = c.Get("/api/v1/collections/payments" + query, bearer(ops));
        REQUIRE_MESSAGE(res->status == 200, res->body);
        return body_json(res)["pagination"]["total"].get<int>();
    };
    CHECK(total("") == 3);
    CHECK(total("?client_id=cli_demo_amina") == 2);
    CHECK(total("?client_id=cli_demo_youssef") == 1);
    CHECK(total("?invoice_id=" + youssef) == 1);
    CHECK(total("?method=card") == 1);
    CHECK(total("?method=cheque") == 0);
    CHECK(total("?from=2026-11-10") == 2);
    CHECK(total("?to=2026-11-15") == 2);
    CHECK(total("?from=2026-11-15&to=2026-11-15") == 1);
    CHECK(total("?client_id=cli_demo_amina&method=mobile_money") == 1);
    auto page = body_json(c.Get("/api/v1/collections/payments?per_page=2&page=2", bearer(ops)));
    CHECK(page["data"].size() == 1);
    CHECK(page["pagination"]["total_pages"] == 2);
    CHECK(page["data"][0]["method"] == "card"); // the oldest, last

    auto bad = c.Get("/api/v1/collections/payments?method=bitcoin&from=2026-13-01&to=x&per_page=101", bearer(ops));
    CHECK(bad->status == 400);
    CHECK(body_json(bad)["code"] == "validation_failed");
    CHECK(error_fields(c.Get("/api/v1/collections/payments?method=bitcoin&from=2026-13-01&to=x", bearer(ops))) ==
          std::vector<std::string>{"method", "from", "to"});
    CHECK(error_fields(c.Get("/api/v1/collections/payments?from=2026-11-02&to=2026-11-01", bearer(ops))) ==
          std::vector<std::string>{"to"});
}

TEST_CASE("payment validation lists every wrong field") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    const std::string id = insert_invoice(server, InvoiceSpec());

    auto expect_fields = [&](const nlohmann::json& body, std::vector<std::string> fields) {
        auto res = pay(c, ops, body);
        REQUIRE(res);
        CHECK_MESSAGE(res->status == 400, res->body);
        CHECK(body_json(res)["code"] == "validation_failed");
        CHECK(error_fields(res) == fields);
    };
    auto with = [&](const char* key, nlohmann::json value) {
        auto b = payment(id, 1000);
        b[key] = std::move(value);
        return b;
    };
    expect_fields(nlohmann::json::object(), {"invoice_id", "amount", "method"});
    expect_fields(with("invoice_id", 12), {"invoice_id"});
    expect_fields(with("amount", 1000), {"amount"});
    expect_fields(with("amount", {{"amount_minor", 0}, {"currency", "MAD"}}), {"amount.amount_minor"});
    expect_fields(with("amount", {{"amount_minor", -5}, {"currency", "MAD"}}), {"amount.amount_minor"});
    expect_fields(with("amount", {{"amount_minor", 10.5}, {"currency", "mad"}}),
                  {"amount.amount_minor", "amount.currency"});
    expect_fields(with("method", "bitcoin"), {"method"});
    expect_fields(with("method", nullptr), {"method"});
    expect_fields(with("reference", std::string(101, 'x')), {"reference"});
    expect_fields(with("reference", "two\nlines"), {"reference"});
    expect_fields(with("received_on", "2026-02-30"), {"received_on"});
    expect_fields(with("received_on", "2026-11-24"), {"received_on"}); // tomorrow
    for (const char* m : {"cash", "card", "bank_transfer", "cheque", "direct_debit", "mobile_money"})
        CHECK(pay(c, ops, payment(id, 100, m))->status == 201);
    CHECK(pay(c, ops, with("reference", std::string(100, 'x')))->status == 201);

    CHECK(body_json(c.Post("/api/v1/collections/payments", staff_with_key(ops), "{", "application/json"))["code"] ==
          "malformed_json");
    CHECK(body_json(c.Post("/api/v1/collections/payments", staff_with_key(ops), "[]", "application/json"))["code"] ==
          "invalid_body");
    CHECK(invoice_state(server, id).payment_count == 7);
}

TEST_CASE("every payment endpoint: no token 401, staff token of either role succeeds") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    const std::string admin = create_staff_token(server, "admin");
    const std::string id = insert_invoice(server, InvoiceSpec().total(10000));
    const std::string approve = "/api/v1/collections/invoices/" + id + "/approve-paid";
    const httplib::Headers key = {{"Idempotency-Key", new_key()}};

    CHECK(c.Post("/api/v1/collections/payments", key, payment(id, 100).dump(), "application/json")->status == 401);
    CHECK(c.Post(approve, key, "", "application/json")->status == 401);
    CHECK(c.Get("/api/v1/collections/payments")->status == 401);
    CHECK(c.Get("/api/v1/collections/payments", {{"X-Actor-Id", "agent"}, {"X-Actor-Roles", "admin"}})->status == 401);
    CHECK(c.Get("/api/v1/collections/payments", bearer("pst_nope_nope"))->status == 401);
    CHECK(invoice_state(server, id).payment_count == 0);

    for (const std::string& token : {ops, admin}) {
        CHECK(pay(c, token, payment(id, 1000))->status == 201);
        CHECK(c.Get("/api/v1/collections/payments", bearer(token))->status == 200);
    }
    CHECK(c.Post(approve, staff_with_key(admin), "", "application/json")->status == 201);
    CHECK(c.Post(approve, staff_with_key(ops), "", "application/json")->status == 200);
    CHECK(invoice_state(server, id).payment_count == 3);
}
