// Events carried out to webhooks (issue #15): every change writes its event (contract
// created, plan changed, invoice issued, payment received, status changes) with ids and the
// facts a receiver acts on, never a CIN; a subscribed endpoint gets each of its events as a
// signed POST (the test checks the HMAC itself), exactly the expected event ids; a receiver
// that fails is retried on the clock (500 then 200), given up after 24 h, and replayed; and
// the real binary, SIGKILLed between the change and the delivery, delivers after a restart
// with no event missing, and stops on SIGTERM while a receiver hangs.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <set>
#include <thread>

#include "../support/log_records.h"
#include "../support/openapi_check.h"
#include "../support/problem_check.h"
#include "../support/server_command.h"
#include "../support/server_process.h"
#include "../support/test_certificate.h"
#include "../support/test_server.h"
#include "../support/webhook_receiver.h"
#include "server/services/staff_tokens.h"
#include "server/store/database.h"

using namespace isp::test;
using namespace std::chrono_literals;

namespace {

struct Endpoint {
    std::string id;
    std::string secret;
};

Endpoint subscribe(httplib::Client& c, const httplib::Headers& admin, const std::string& url,
                   const std::vector<std::string>& types) {
    auto res = c.Post("/api/v1/webhooks", admin, nlohmann::json{{"url", url}, {"event_types", types}}.dump(),
                      "application/json");
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 201, res->body);
    const nlohmann::json body = body_json(res);
    return {body["webhook"]["webhook_id"], body["secret"]};
}

httplib::Result set_status(httplib::Client& c, const httplib::Headers& h, const std::string& contract_id,
                           const nlohmann::json& body) {
    return c.Put("/api/v1/contracts/" + contract_id + "/status", h, body.dump(), "application/json");
}

// Every event after `after`, in order.
nlohmann::json events_after(httplib::Client& c, const httplib::Headers& h, std::int64_t after = 0) {
    auto res = c.Get("/api/v1/events?limit=1000&after=" + std::to_string(after), h);
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 200, res->body);
    return body_json(res)["data"];
}

std::int64_t last_sequence(httplib::Client& c, const httplib::Headers& h) {
    auto res = c.Get("/api/v1/events?limit=1000", h);
    std::int64_t last = 0;
    for (;;) {
        const nlohmann::json page = body_json(res);
        if (page["data"].empty())
            return last;
        last = page["next_after"];
        res = c.Get("/api/v1/events?limit=1000&after=" + std::to_string(last), h);
    }
}

// The ids of the events of `types` after `after`.
std::set<std::string> event_ids(httplib::Client& c, const httplib::Headers& h, std::int64_t after,
                                const std::set<std::string>& types) {
    std::set<std::string> ids;
    const nlohmann::json events = events_after(c, h, after);
    for (const auto& e : events)
        if (types.count(e["type"].get<std::string>()))
            ids.insert(e["event_id"].get<std::string>());
    return ids;
}

nlohmann::json deliveries(httplib::Client& c, const httplib::Headers& h, const std::string& webhook_id) {
    auto res = c.Get("/api/v1/webhooks/" + webhook_id + "/deliveries?per_page=100", h);
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 200, res->body);
    return body_json(res)["data"];
}

// Polls the delivery log until `done` holds (the deliverer runs on its own thread).
template <class Done>
nlohmann::json wait_for_log(httplib::Client& c, const httplib::Headers& h, const std::string& id, Done done) {
    const auto deadline = std::chrono::steady_clock::now() + 15s;
    nlohmann::json log = deliveries(c, h, id);
    while (!done(log) && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(20ms);
        log = deliveries(c, h, id);
    }
    return log;
}

bool all_delivered(const nlohmann::json& log, std::size_t count) {
    std::size_t n = 0;
    for (const auto& d : log)
        n += d["state"] == "delivered";
    return n == count;
}

} // namespace

TEST_CASE("every change writes its event with ids, the line, offer and amounts in minor units, never the CIN") {
    TestServer server;
    auto c = server.client();
    const auto ops = bearer(create_staff_token(server, "ops"));
    const std::int64_t before = last_sequence(c, ops);
    const std::string cin = body_json(c.Get("/api/v1/customers/cli_demo_youssef", ops))["cin"];
    REQUIRE(!cin.empty());

    // contract.created
    const nlohmann::json provision = {{"offer_id", "ofr_mobile_confort"},
                                      {"contract_start_date", "2026-11-23"},
                                      {"commitment_months", 12},
                                      {"client_id", "cli_demo_youssef"},
                                      {"subscriber", {{"service_identifier", "+212612300000"}}},
                                      {"provisioning_intent", "auto"}};
    auto opened = c.Post("/api/v1/contracts/provision", ops, provision.dump(), "application/json");
    REQUIRE_MESSAGE(opened->status == 201, opened->body);
    const std::string contract_id = body_json(opened)["contract_id"];
    // contract.plan_changed
    auto plan = c.Put("/api/v1/contracts/" + contract_id + "/offer", ops,
                      R"({"offer_id": "ofr_mobile_illimite", "effective_date": "2026-11-23"})", "application/json");
    REQUIRE_MESSAGE(plan->status == 200, plan->body);
    // invoice.issued, for every contract the run bills
    auto h = ops;
    h.emplace("Idempotency-Key", new_key());
    auto run = c.Post("/api/v1/billing/runs", h, R"({"period": "2026-11"})", "application/json");
    REQUIRE_MESSAGE(run->status == 201, run->body);
    const nlohmann::json run_body = body_json(run);
    // payment.received
    std::string invoice_id;
    const nlohmann::json invoice_ids = run_body["invoice_ids"];
    for (const auto& id : invoice_ids) {
        const nlohmann::json invoice = body_json(c.Get("/api/v1/invoices/" + id.get<std::string>(), ops));
        if (invoice["contract_id"] == contract_id)
            invoice_id = id;
    }
    REQUIRE(!invoice_id.empty());
    auto p = ops;
    p.emplace("Idempotency-Key", new_key());
    auto paid = c.Post("/api/v1/collections/payments", p,
                       nlohmann::json{{"invoice_id", invoice_id},
                                      {"amount", {{"amount_minor", 1000}, {"currency", "MAD"}}},
                                      {"method", "cash"},
                                      {"reference", "REC-9"}}
                           .dump(),
                       "application/json");
    REQUIRE_MESSAGE(paid->status == 201, paid->body);

    const nlohmann::json events = events_after(c, ops, before);
    CHECK(events.dump().find(cin) == std::string::npos);
    std::map<std::string, int> counts;
    for (const auto& e : events)
        ++counts[e["type"].get<std::string>()];
    CHECK(counts["contract.created"] == 1);
    CHECK(counts["contract.plan_changed"] == 1);
    CHECK(counts["invoice.issued"] == static_cast<int>(invoice_ids.size()));
    CHECK(counts["payment.received"] == 1);
    CHECK(events.size() == 3 + invoice_ids.size());

    const auto& created = events[0];
    CHECK(created["type"] == "contract.created");
    CHECK(created["contract_id"] == contract_id);
    CHECK(created["client_id"] == "cli_demo_youssef");
    CHECK(created["data"]["service_identifier"] == "+212612300000");
    CHECK(created["data"]["offer_id"] == "ofr_mobile_confort");
    CHECK(created["data"]["service_family"] == "mobile");
    CHECK(created["data"]["status"] == "active");
    CHECK(created["data"]["contract_start_date"] == "2026-11-23");
    CHECK(created["data"]["commitment_months"] == 12);
    CHECK(created["data"]["monthly_price"] == nlohmann::json{{"amount_minor", 9900}, {"currency", "MAD"}});

    const auto& changed = events[1];
    CHECK(changed["type"] == "contract.plan_changed");
    CHECK(changed["data"]["previous_offer_id"] == "ofr_mobile_confort");
    CHECK(changed["data"]["offer_id"] == "ofr_mobile_illimite");
    CHECK(changed["data"]["service_identifier"] == "+212612300000");
    CHECK(changed["data"]["effective_date"] == "2026-11-23");
    CHECK(changed["data"]["direction"] == "upgrade");
    CHECK(changed["data"]["monthly_difference"] == nlohmann::json{{"amount_minor", 10000}, {"currency", "MAD"}});

    nlohmann::json issued;
    for (const auto& e : events)
        if (e["type"] == "invoice.issued" && e["data"]["invoice_id"] == invoice_id)
            issued = e;
    REQUIRE(issued.is_object());
    const nlohmann::json invoice = body_json(c.Get("/api/v1/invoices/" + invoice_id, ops));
    CHECK(issued["contract_id"] == contract_id);
    CHECK(issued["data"]["invoice_number"] == invoice["invoice_number"]);
    CHECK(issued["data"]["billing_run_id"] == run_body["billing_run_id"]);
    CHECK(issued["data"]["service_identifier"] == "+212612300000");
    CHECK(issued["data"]["period"] == "2026-11");
    CHECK(issued["data"]["issue_date"] == "2026-11-23");
    CHECK(issued["data"]["due_date"] == invoice["due_date"]);
    CHECK(issued["data"]["total"] == invoice["total"]);
    CHECK(issued["data"]["subtotal"]["amount_minor"].is_number_integer());

    const auto& payment = events.back();
    CHECK(payment["type"] == "payment.received");
    CHECK(payment["contract_id"] == contract_id);
    CHECK(payment["data"]["invoice_id"] == invoice_id);
    CHECK(payment["data"]["payment_id"] == body_json(paid)["payment"]["payment_id"]);
    CHECK(payment["data"]["amount"] == nlohmann::json{{"amount_minor", 1000}, {"currency", "MAD"}});
    CHECK(payment["data"]["method"] == "cash");
    CHECK(payment["data"]["invoice_status"] == "partially_paid");
    CHECK(payment["data"]["outstanding"]["amount_minor"] ==
          invoice["total"]["amount_minor"].get<std::int64_t>() - 1000);
    check_described(served_description(c), "get", "/events", c.Get("/api/v1/events?limit=1000", ops));
}

TEST_CASE("a status change reaches the endpoint that wants it: signed, once, exactly the expected events") {
    TestServer server;
    auto c = server.client();
    const OpenApi api = served_description(c);
    const auto admin = bearer(create_staff_token(server, "admin"));
    WebhookReceiver radius, accounting;
    const std::int64_t before = last_sequence(c, admin);
    const Endpoint hook =
        subscribe(c, admin, radius.url("/radius?src=isp"), {"contract.status_changed", "contract.change_scheduled"});
    const Endpoint books = subscribe(c, admin, accounting.url(), {"invoice.issued"});

    auto suspended = set_status(c, admin, "ctr_demo_youssef", {{"status", "suspended"}, {"reason", "stolen phone"}});
    REQUIRE_MESSAGE(suspended->status == 200, suspended->body);
    auto scheduled = set_status(c, admin, "ctr_demo_youssef", {{"status", "active"}, {"effective_date", "2026-12-15"}});
    REQUIRE_MESSAGE(scheduled->status == 202, scheduled->body);
    REQUIRE(radius.wait_for(2));

    const std::set<std::string> expected =
        event_ids(c, admin, before, {"contract.status_changed", "contract.change_scheduled"});
    CHECK(expected.size() == 2);
    const auto log = wait_for_log(c, admin, hook.id, [](const nlohmann::json& l) { return all_delivered(l, 2); });
    CHECK(radius.delivered_event_ids() == expected);
    const auto received = radius.received();
    CHECK(received.size() == 2);
    const nlohmann::json events = events_after(c, admin, before);
    for (const ReceivedWebhook& r : received) {
        CAPTURE(r.body);
        long long t = 0;
        CHECK(signature_valid(hook.secret, r.signature, r.body, &t));
        CHECK(t == default_now); // the server's clock
        CHECK_FALSE(signature_valid(books.secret, r.signature, r.body));
        CHECK_FALSE(signature_valid(hook.secret, r.signature, r.body + " "));
        CHECK(r.content_type == "application/json");
        // The body is the event as GET /events lists it.
        const nlohmann::json body = nlohmann::json::parse(r.body);
        CHECK(body["event_id"] == r.event_id);
        CHECK(body["type"] == r.event_type);
        bool listed = false;
        for (const auto& e : events)
            listed = listed || e == body;
        CHECK(listed);
        CHECK(body["data"]["service_identifier"].is_string());
    }
    CHECK(nlohmann::json::parse(received[0].body)["data"]["status"] == "suspended");
    CHECK(nlohmann::json::parse(received[1].body)["type"] == "contract.change_scheduled");

    // The log: each delivered at the first attempt.
    check_described(api, "get", "/webhooks/{webhook_id}/deliveries",
                    c.Get("/api/v1/webhooks/" + hook.id + "/deliveries", admin));
    REQUIRE(log.size() == 2);
    for (const auto& d : log) {
        CHECK(d["state"] == "delivered");
        CHECK(d["attempt_count"] == 1);
        CHECK(d["last_status_code"] == 200);
        CHECK(d["response_time_ms"].get<std::int64_t>() >= 0);
        CHECK(d["delivered_at"] == "2026-11-23T10:00:00Z");
        CHECK(d["next_attempt_at"].is_null());
        CHECK(d["last_error"].is_null());
        CHECK(expected.count(d["event_id"].get<std::string>()) == 1);
    }
    CHECK(log[0]["event_sequence"].get<std::int64_t>() > log[1]["event_sequence"].get<std::int64_t>()); // newest first

    // Nothing for the endpoint that wants invoices only; nothing sent twice on more passes.
    server.deliver_due();
    server.deliver_due();
    CHECK(accounting.received().empty());
    CHECK(deliveries(c, admin, books.id).empty());
    CHECK(radius.received().size() == 2);

    // A new secret signs from then on; for 24 h the old one signs beside it (a second v1), so
    // the receiver can switch without refusing a delivery; then only the new one.
    auto rotated = c.Post("/api/v1/webhooks/" + hook.id + "/secret", admin, "", "application/json");
    REQUIRE(rotated->status == 201);
    const std::string new_secret = body_json(rotated)["secret"];
    CHECK(body_json(rotated)["previous_secret_expires_at"] == "2026-11-24T10:00:00Z");
    REQUIRE(set_status(c, admin, "ctr_demo_youssef", {{"status", "terminated"}, {"effective_date", "2027-01-05"}})
                ->status == 202);
    REQUIRE(radius.wait_for(3));
    const ReceivedWebhook third = radius.received().back();
    CHECK(signature_valid(new_secret, third.signature, third.body));
    CHECK(signature_valid(hook.secret, third.signature, third.body));
    wait_for_log(c, admin, hook.id, [](const nlohmann::json& l) { return all_delivered(l, 3); });

    server.clock().advance(24 * 3600);
    REQUIRE(
        set_status(c, admin, "ctr_demo_helene", {{"status", "suspended"}, {"effective_date", "2027-01-10"}})->status ==
        202);
    REQUIRE(radius.wait_for(4));
    const ReceivedWebhook fourth = radius.received().back();
    CHECK(signature_valid(new_secret, fourth.signature, fourth.body));
    CHECK_FALSE(signature_valid(hook.secret, fourth.signature, fourth.body));

    // Rotated with no overlap (a leaked secret): the old one stops at once.
    auto at_once = c.Post("/api/v1/webhooks/" + hook.id + "/secret", admin, R"({"previous_secret_valid_seconds": 0})",
                          "application/json");
    REQUIRE(at_once->status == 201);
    CHECK(body_json(at_once)["previous_secret_expires_at"].is_null());
    const std::string newest = body_json(at_once)["secret"];
    REQUIRE(set_status(c, admin, "ctr_demo_helene", {{"status", "active"}, {"effective_date", "2027-01-20"}})->status ==
            202);
    REQUIRE(radius.wait_for(5));
    const ReceivedWebhook fifth = radius.received().back();
    CHECK(signature_valid(newest, fifth.signature, fifth.body));
    CHECK_FALSE(signature_valid(new_secret, fifth.signature, fifth.body));
    check_problem(c.Post("/api/v1/webhooks/" + hook.id + "/secret", admin,
                         R"({"previous_secret_valid_seconds": 604801})", "application/json"),
                  400, "validation_failed");

    // An inactive endpoint gets nothing, and not later either.
    REQUIRE(c.Patch("/api/v1/webhooks/" + hook.id, admin, R"({"active": false})", "application/json")->status == 200);
    REQUIRE(set_status(c, admin, "ctr_demo_amina", {{"status", "suspended"}})->status == 200);
    server.deliver_due();
    REQUIRE(c.Patch("/api/v1/webhooks/" + hook.id, admin, R"({"active": true})", "application/json")->status == 200);
    server.deliver_due();
    std::this_thread::sleep_for(200ms);
    CHECK(radius.received().size() == 5);
    CHECK(deliveries(c, admin, hook.id).size() == 5);

    // A billing run: the accounting endpoint gets each invoice, with its facts written out in
    // full (the outbox keeps a reference to the invoice).
    auto h = admin;
    h.emplace("Idempotency-Key", new_key());
    auto run = c.Post("/api/v1/billing/runs", h, R"({"period": "2026-11"})", "application/json");
    REQUIRE_MESSAGE(run->status == 201, run->body);
    const nlohmann::json invoice_ids = body_json(run)["invoice_ids"];
    REQUIRE(!invoice_ids.empty());
    REQUIRE(accounting.wait_for(invoice_ids.size()));
    wait_for_log(c, admin, books.id, [&](const nlohmann::json& l) { return all_delivered(l, invoice_ids.size()); });
    std::set<std::string> sent;
    for (const ReceivedWebhook& r : accounting.received()) {
        const nlohmann::json body = nlohmann::json::parse(r.body);
        CHECK(signature_valid(books.secret, r.signature, r.body));
        CHECK(body["type"] == "invoice.issued");
        const nlohmann::json invoice =
            body_json(c.Get("/api/v1/invoices/" + body["data"]["invoice_id"].get<std::string>(), admin));
        CHECK(body["data"]["invoice_number"] == invoice["invoice_number"]);
        CHECK(body["data"]["total"] == invoice["total"]);
        CHECK(body["data"]["due_date"] == invoice["due_date"]);
        CHECK(body["data"]["contract_id"] == invoice["contract_id"]);
        CHECK(body["data"]["service_identifier"].get<std::string>().size() >= 10);
        sent.insert(body["data"]["invoice_id"].get<std::string>());
    }
    CHECK(sent == invoice_ids.get<std::set<std::string>>());
    CHECK(radius.received().size() == 5); // wants no invoices
}

TEST_CASE("an https receiver's certificate is checked: unknown to the system, trusted with --webhook-ca-file") {
    const std::string dir = output_dir("webhook-tls");
    const TestCertificate cert = make_test_certificate(dir, "receiver", "radius.test");
    WebhookReceiver receiver(cert.cert_path, cert.key_path);
    REQUIRE(receiver.url().rfind("https://127.0.0.1:", 0) == 0);
    const nlohmann::json suspend = {{"status", "suspended"}, {"reason", "line check"}};

    {
        // The system's CAs do not know the receiver's certificate: nothing is sent in clear or
        // to an impostor, and the attempt says why.
        TestServer server;
        auto c = server.client();
        const auto admin = bearer(create_staff_token(server, "admin"));
        const Endpoint hook = subscribe(c, admin, receiver.url("/radius"), {"contract.status_changed"});
        REQUIRE(set_status(c, admin, "ctr_demo_helene", suspend)->status == 200);
        const auto log = wait_for_log(
            c, admin, hook.id, [](const nlohmann::json& l) { return l.size() == 1 && l[0]["attempt_count"] == 1; });
        REQUIRE(log.size() == 1);
        CHECK(log[0]["state"] == "pending");
        CHECK(log[0]["last_status_code"].is_null());
        CHECK(log[0]["last_error"].get<std::string>().find("SSL") != std::string::npos);
        CHECK(receiver.received().empty());
    }

    // The operator's CA file: delivered over TLS, signed, with the connection kept for the next.
    TestServer server(true, [&](isp::ServerConfig& config) { config.webhook_ca_file = cert.cert_path; });
    auto c = server.client();
    const auto admin = bearer(create_staff_token(server, "admin"));
    const Endpoint hook = subscribe(c, admin, receiver.url("/radius"), {"contract.status_changed"});
    REQUIRE(set_status(c, admin, "ctr_demo_helene", suspend)->status == 200);
    REQUIRE(set_status(c, admin, "ctr_demo_helene", {{"status", "active"}})->status == 200);
    const auto log = wait_for_log(c, admin, hook.id, [](const nlohmann::json& l) { return all_delivered(l, 2); });
    CHECK(all_delivered(log, 2));
    const auto received = receiver.received();
    REQUIRE(received.size() == 2);
    for (const ReceivedWebhook& r : received)
        CHECK(signature_valid(hook.secret, r.signature, r.body));
}

TEST_CASE("a receiver that fails is retried on the clock, given up after 24 h, and a replay sends the event again") {
    TestServer server;
    auto c = server.client();
    const OpenApi api = served_description(c);
    const auto admin = bearer(create_staff_token(server, "admin"));
    WebhookReceiver receiver;
    const Endpoint hook = subscribe(c, admin, receiver.url(), {"contract.status_changed"});

    // 500, then 200 at the retry 30 s later.
    receiver.answer_next({500});
    REQUIRE(set_status(c, admin, "ctr_demo_youssef", {{"status", "suspended"}})->status == 200);
    REQUIRE(receiver.wait_for(1));
    auto log = wait_for_log(c, admin, hook.id,
                            [](const nlohmann::json& l) { return l.size() == 1 && l[0]["attempt_count"] == 1; });
    REQUIRE(log.size() == 1);
    const std::string first = log[0]["delivery_id"];
    CHECK(log[0]["state"] == "pending");
    CHECK(log[0]["last_status_code"] == 500);
    CHECK(log[0]["last_error"] == "HTTP 500");
    CHECK(log[0]["first_attempt_at"] == "2026-11-23T10:00:00Z");
    CHECK(log[0]["next_attempt_at"] == "2026-11-23T10:00:30Z");
    // A replay of a delivery still being retried is refused.
    auto early =
        c.Post("/api/v1/webhooks/" + hook.id + "/deliveries/" + first + "/replay", admin, "", "application/json");
    check_described(api, "post", "/webhooks/{webhook_id}/deliveries/{delivery_id}/replay", early);
    check_problem(early, 409, "delivery_pending");
    // Not before its time.
    server.deliver_due();
    CHECK(receiver.received().size() == 1);
    server.clock().advance(30);
    server.deliver_due();
    REQUIRE(receiver.wait_for(2));
    log = wait_for_log(c, admin, hook.id, [](const nlohmann::json& l) { return all_delivered(l, 1); });
    CHECK(log[0]["state"] == "delivered");
    CHECK(log[0]["attempt_count"] == 2);
    CHECK(log[0]["last_status_code"] == 200);
    CHECK(log[0]["last_error"].is_null());
    CHECK(log[0]["last_attempt_at"] == "2026-11-23T10:00:30Z");
    const auto received = receiver.received();
    CHECK(received[0].event_id == received[1].event_id); // the same event, twice sent, once delivered
    CHECK(received[0].body == received[1].body);
    CHECK(receiver.delivered_event_ids().size() == 1);

    // Always 500: attempts for 24 h, then failed.
    receiver.answer_by_default(500);
    REQUIRE(set_status(c, admin, "ctr_demo_youssef", {{"status", "active"}})->status == 200);
    REQUIRE(receiver.wait_for(3));
    std::string failing;
    for (int hour = 0; hour < 30; ++hour) {
        log = deliveries(c, admin, hook.id);
        if (log[0]["state"] == "failed")
            break;
        server.clock().advance(3600);
        server.deliver_due();
    }
    log = deliveries(c, admin, hook.id);
    REQUIRE(log.size() == 2);
    failing = log[0]["delivery_id"];
    CHECK(log[0]["state"] == "failed");
    CHECK(log[0]["next_attempt_at"].is_null());
    CHECK(log[0]["attempt_count"].get<int>() >= 9); // about one an hour after the first 2 h
    CHECK(log[0]["attempt_count"].get<int>() <= 30);
    CHECK(static_cast<int>(receiver.received().size()) == 2 + log[0]["attempt_count"].get<int>());
    const std::size_t sent = receiver.received().size();
    server.clock().advance(7200);
    server.deliver_due();
    CHECK(receiver.received().size() == sent); // failed: no more attempts

    // Replay: a new delivery of the same event, due now, delivered once the receiver is back.
    receiver.answer_by_default(200);
    auto replay =
        c.Post("/api/v1/webhooks/" + hook.id + "/deliveries/" + failing + "/replay", admin, "", "application/json");
    check_described(api, "post", "/webhooks/{webhook_id}/deliveries/{delivery_id}/replay", replay);
    REQUIRE_MESSAGE(replay->status == 202, replay->body);
    const nlohmann::json replayed = body_json(replay);
    CHECK(replayed["replay_of"] == failing);
    CHECK(replayed["state"] == "pending");
    CHECK(replayed["attempt_count"] == 0);
    REQUIRE(receiver.wait_for(sent + 1));
    log = wait_for_log(c, admin, hook.id,
                       [](const nlohmann::json& l) { return l.size() == 3 && l[0]["state"] == "delivered"; });
    CHECK(log[0]["delivery_id"] == replayed["delivery_id"]);
    CHECK(log[0]["state"] == "delivered");
    CHECK(log[1]["state"] == "failed"); // the first stays as it was
    CHECK(receiver.received().back().event_id == log[1]["event_id"]);
    CHECK(receiver.delivered_event_ids().size() == 2);
    // A delivered one can be replayed too; unknown ones are 404.
    auto again =
        c.Post("/api/v1/webhooks/" + hook.id + "/deliveries/" + first + "/replay", admin, "", "application/json");
    CHECK(again->status == 202);
    check_problem(c.Post("/api/v1/webhooks/" + hook.id + "/deliveries/dlv_nope/replay", admin, "", "application/json"),
                  404, "delivery_not_found");
}

TEST_CASE("the real server SIGKILLed between the change and the delivery delivers after a restart; SIGTERM stops it "
          "while a receiver hangs") {
    const std::string dir = temp_dir("isp-webhooks");
    const std::string db_path = dir + "/portal.db";
    std::string token;
    {
        isp::store::Database db(db_path);
        token =
            isp::services::create_staff_token(db, "hooks", {isp::services::Role::Admin}, "2026-11-23T10:00:00Z").secret;
    }
    const auto admin = bearer(token);
    std::vector<std::string> args = operator_args();
    args.push_back("--demo");
    WebhookReceiver receiver;
    const std::set<std::string> types = {"contract.status_changed", "contract.change_scheduled",
                                         "contract.change_cancelled"};
    std::int64_t before = 0;
    std::set<std::string> expected;
    {
        ServerProcess server(db_path, dir + "/server-1.out", args);
        auto c = server.client();
        // The scheduler's pass at start suspends the demo's Youssef (dunning) on its own thread,
        // perhaps after the server answers: wait for it, or its event would count as the test's.
        for (int i = 0; i < 500; ++i) {
            const auto k = c.Get("/api/v1/contracts/ctr_demo_youssef", admin);
            if (k && k->status == 200 && body_json(k)["status"] == "suspended")
                break;
            std::this_thread::sleep_for(20ms);
        }
        before = last_sequence(c, admin);
        subscribe(c, admin, receiver.url(), {types.begin(), types.end()});
        // The receiver hangs: the first delivery is in flight when the server dies. (Hélène, who
        // paid: the demo's Youssef is suspended for non-payment by the dunning at start.)
        receiver.hold(true);
        REQUIRE(set_status(c, admin, "ctr_demo_helene", {{"status", "suspended"}})->status == 200);
        REQUIRE(set_status(c, admin, "ctr_demo_amina", {{"status", "suspended"}, {"effective_date", "2026-12-15"}})
                    ->status == 202);
        REQUIRE(set_status(c, admin, "ctr_demo_helene", {{"status", "active"}})->status == 200);
        expected = event_ids(c, admin, before, types);
        REQUIRE(expected.size() == 3);
        REQUIRE(receiver.wait_for(1));
        server.kill_now();
    }
    receiver.hold(false);
    CHECK(receiver.delivered_event_ids().empty());
    {
        ServerProcess server(db_path, dir + "/server-2.out", args, dir + "/server-2.err");
        auto c = server.client();
        const auto log = wait_for_log(c, admin, body_json(c.Get("/api/v1/webhooks", admin))["data"][0]["webhook_id"],
                                      [](const nlohmann::json& l) { return all_delivered(l, 3); });
        CHECK(all_delivered(log, 3));
        CHECK(receiver.delivered_event_ids() == expected); // none missing, none extra

        // SIGTERM while the deliverer waits on a hung receiver: a clean, quick stop; the
        // delivery it cut is made at the next start.
        receiver.hold(true);
        const std::size_t got = receiver.received().size();
        REQUIRE(set_status(c, admin, "ctr_demo_amina", {{"status", "terminated"}, {"effective_date", "2027-01-05"}})
                    ->status == 202);
        REQUIRE(receiver.wait_for(got + 1));
        const auto started = std::chrono::steady_clock::now();
        CHECK(server.terminate_and_wait(10) == 0);
        CHECK(std::chrono::steady_clock::now() - started < 5s);
        CHECK(isp::test::find_log_record(read_file(dir + "/server-2.err"), "stopped: database checkpointed"));
    }
    receiver.hold(false);
    {
        ServerProcess server(db_path, dir + "/server-3.out", args);
        auto c = server.client();
        const std::string id = body_json(c.Get("/api/v1/webhooks", admin))["data"][0]["webhook_id"];
        wait_for_log(c, admin, id, [](const nlohmann::json& l) { return all_delivered(l, 4); });
        expected = event_ids(c, admin, before, types);
        CHECK(expected.size() == 4);
        CHECK(receiver.delivered_event_ids() == expected);
    }
    std::filesystem::remove_all(dir);
}
