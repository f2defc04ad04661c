// Status changes dated later (issue #15): accepted (202) and kept pending, shown on the
// contract, cancellable until their date, carried out by the server on that date exactly
// once (also across a restart, and by its own scheduler), a line freed only when its
// termination takes effect, billing on the statuses of the period; and the events each
// change writes, read in order from GET /api/v1/events.
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "../support/openapi_check.h"
#include "../support/test_server.h"

using namespace isp::test;
using namespace std::chrono_literals;

namespace {

constexpr std::int64_t dec_15_2026 = 1797292800; // 2026-12-15T00:00:00Z
constexpr std::int64_t jan_5_2027 = 1799107200;  // 2027-01-05T00:00:00Z

httplib::Headers agent(const std::string& token) {
    auto h = bearer(token);
    h.emplace("X-Actor-Id", "agent.omar");
    return h;
}

httplib::Result set_status(httplib::Client& c, const httplib::Headers& h, const std::string& id,
                           const nlohmann::json& body) {
    return c.Put("/api/v1/contracts/" + id + "/status", h, body.dump(), "application/json");
}

nlohmann::json contract(httplib::Client& c, const std::string& token, const std::string& id) {
    auto res = c.Get("/api/v1/contracts/" + id, bearer(token));
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 200, res->body);
    return body_json(res);
}

nlohmann::json audit(httplib::Client& c, const std::string& token, const std::string& id) {
    auto res = c.Get("/api/v1/contracts/" + id + "/audit?per_page=100", bearer(token));
    REQUIRE(res);
    return body_json(res)["data"];
}

// The contract.* events of `contract_id` (the demo's billing history also wrote invoice and
// payment events about it).
std::vector<std::string> event_types(httplib::Client& c, const std::string& token, const std::string& contract_id) {
    auto res = c.Get("/api/v1/events?limit=1000", bearer(token));
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 200, res->body);
    std::vector<std::string> types;
    const nlohmann::json body = body_json(res);
    for (const auto& e : body["data"])
        if (e["contract_id"] == contract_id && e["type"].get<std::string>().rfind("contract.", 0) == 0)
            types.push_back(e["type"]);
    return types;
}

int count_actions(const nlohmann::json& trail, const std::string& action, const std::string& actor) {
    int n = 0;
    for (const auto& a : trail)
        n += a["action"] == action && a["actor"] == actor;
    return n;
}

} // namespace

TEST_CASE("a suspension dated later waits for its date, then the server makes it once, as `system`") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");

    auto scheduled = set_status(c, agent(ops), "ctr_demo_youssef",
                                {{"status", "suspended"}, {"effective_date", "2026-12-15"}, {"reason", "holidays"}});
    REQUIRE(scheduled);
    REQUIRE_MESSAGE(scheduled->status == 202, scheduled->body);
    check_described(served_description(c), "put", "/contracts/{contract_id}/status", scheduled);
    auto k = body_json(scheduled);
    CHECK(k["status"] == "active");
    CHECK(k["status_periods"].size() == 1);
    REQUIRE(k["scheduled_changes"].size() == 1);
    const auto change = k["scheduled_changes"][0];
    const std::string change_id = change["change_id"];
    CHECK(change_id.rfind("chg_", 0) == 0);
    CHECK(change["status"] == "suspended");
    CHECK(change["effective_date"] == "2026-12-15");
    CHECK(change["reason"] == "holidays");
    CHECK(change["requested_by"] == "agent.omar");
    CHECK(contract(c, ops, "ctr_demo_youssef")["scheduled_changes"] == k["scheduled_changes"]);
    CHECK(audit(c, ops, "ctr_demo_youssef").back()["action"] == "status_change_scheduled");

    // Not before its date.
    CHECK(server.run_due_work() == 0);
    server.clock().set(dec_15_2026 - 1);
    CHECK(server.run_due_work() == 0);
    CHECK(contract(c, ops, "ctr_demo_youssef")["status"] == "active");

    // On its date: made, by the system, with the change's id; once.
    server.clock().set(dec_15_2026 + 5);
    CHECK(server.run_due_work() == 1);
    CHECK(server.run_due_work() == 0);
    k = contract(c, ops, "ctr_demo_youssef");
    CHECK(k["status"] == "suspended");
    CHECK(k["status_periods"].back() == nlohmann::json{{"status", "suspended"}, {"effective_from", "2026-12-15"}});
    CHECK(k["scheduled_changes"].empty());
    const auto trail = audit(c, ops, "ctr_demo_youssef");
    CHECK(count_actions(trail, "status_changed", "system") == 1);
    CHECK(trail.back()["after"]["change_id"] == change_id);
    CHECK(trail.back()["after"]["reason"] == "holidays");

    // The events, in order; the one of the change says what it was and which change made it.
    CHECK(event_types(c, ops, "ctr_demo_youssef") ==
          std::vector<std::string>{"contract.change_scheduled", "contract.status_changed"});
    const auto events = body_json(c.Get("/api/v1/events", bearer(ops)));
    check_described(served_description(c), "get", "/events", c.Get("/api/v1/events", bearer(ops)));
    const auto& made = events["data"].back();
    CHECK(made["event_id"].get<std::string>().rfind("evt_", 0) == 0);
    CHECK(made["client_id"] == "cli_demo_youssef");
    CHECK(made["occurred_at"] == "2026-12-15T00:00:05Z");
    CHECK(made["data"]["status"] == "suspended");
    CHECK(made["data"]["previous_status"] == "active");
    CHECK(made["data"]["change_id"] == change_id);
    CHECK(events["next_after"] == made["sequence"]);
    // A reader that handled everything gets nothing new, and the same cursor back.
    const auto after =
        body_json(c.Get("/api/v1/events?after=" + std::to_string(made["sequence"].get<std::int64_t>()), bearer(ops)));
    CHECK(after["data"].empty());
    CHECK(after["next_after"] == made["sequence"]);

    // The change cannot be cancelled any more.
    auto late = c.Delete("/api/v1/contracts/ctr_demo_youssef/scheduled-changes/" + change_id, bearer(ops));
    CHECK(late->status == 404);
    CHECK(body_json(late)["code"] == "scheduled_change_not_found");
}

TEST_CASE("scheduled changes follow each other: each checked against the status before it; cancelling keeps the "
          "rest valid") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    const auto h = agent(ops);

    auto suspend = set_status(c, h, "ctr_demo_amina", {{"status", "suspended"}, {"effective_date", "2026-12-15"}});
    REQUIRE(suspend->status == 202);
    const std::string suspension = body_json(suspend)["scheduled_changes"][0]["change_id"];
    // Suspended again after a suspension: refused, against the status it will have then.
    auto twice = set_status(c, h, "ctr_demo_amina", {{"status", "suspended"}, {"effective_date", "2027-01-05"}});
    CHECK(twice->status == 409);
    CHECK(body_json(twice)["code"] == "invalid_status_transition");
    // Not after the last scheduled one: refused.
    auto before = set_status(c, h, "ctr_demo_amina", {{"status", "terminated"}, {"effective_date", "2026-12-10"}});
    CHECK(before->status == 400);
    CHECK(body_json(before)["errors"][0]["code"] == "effective_before_scheduled_change");
    auto resume = set_status(c, h, "ctr_demo_amina", {{"status", "active"}, {"effective_date", "2027-01-05"}});
    REQUIRE(resume->status == 202);
    REQUIRE(body_json(resume)["scheduled_changes"].size() == 2);
    const std::string resumption = body_json(resume)["scheduled_changes"][1]["change_id"];

    // A change made today while others wait: refused until they are cancelled.
    auto now = set_status(c, h, "ctr_demo_amina", {{"status", "terminated"}});
    CHECK(now->status == 409);
    CHECK(body_json(now)["code"] == "scheduled_change_pending");

    // The resumption depends on the suspension: cancel it first.
    const std::string base = "/api/v1/contracts/ctr_demo_amina/scheduled-changes/";
    auto needed = c.Delete(base + suspension, h);
    CHECK(needed->status == 409);
    CHECK(body_json(needed)["code"] == "scheduled_change_needed");
    CHECK(c.Delete(base + "chg_nope", h)->status == 404);
    CHECK(c.Delete("/api/v1/contracts/ctr_demo_youssef/scheduled-changes/" + resumption, h)->status == 404);
    CHECK(c.Delete(base + resumption, bearer(create_staff_token(server, "viewer")))->status == 403);
    auto cancelled = c.Delete(base + resumption, h);
    REQUIRE_MESSAGE(cancelled->status == 200, cancelled->body);
    check_described(served_description(c), "delete", "/contracts/{contract_id}/scheduled-changes/{change_id}",
                    cancelled);
    CHECK(body_json(cancelled)["scheduled_changes"].size() == 1);
    REQUIRE(c.Delete(base + suspension, h)->status == 200);
    CHECK(contract(c, ops, "ctr_demo_amina")["scheduled_changes"].empty());
    CHECK(count_actions(audit(c, ops, "ctr_demo_amina"), "scheduled_change_cancelled", "agent.omar") == 2);

    // Nothing was left to carry out; the contract never changed.
    server.clock().set(jan_5_2027);
    CHECK(server.run_due_work() == 0);
    CHECK(contract(c, ops, "ctr_demo_amina")["status"] == "active");
    CHECK(set_status(c, h, "ctr_demo_amina", {{"status", "terminated"}})->status == 200);
    CHECK(event_types(c, ops, "ctr_demo_amina") ==
          std::vector<std::string>{"contract.change_scheduled", "contract.change_scheduled",
                                   "contract.change_cancelled", "contract.change_cancelled",
                                   "contract.status_changed"});
}

TEST_CASE("a termination dated later keeps the line taken until that day") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    REQUIRE(set_status(c, agent(ops), "ctr_demo_amina", {{"status", "terminated"}, {"effective_date", "2026-12-15"}})
                ->status == 202);
    const nlohmann::json order = {{"offer_id", "ofr_mobile_confort"},
                                  {"contract_start_date", "2026-12-15"},
                                  {"client_id", "cli_demo_youssef"},
                                  {"subscriber", {{"service_identifier", "06 12 34 56 78"}}}, // Amina's line
                                  {"provisioning_intent", "auto"}};
    auto taken = c.Post("/api/v1/contracts/provision", bearer(ops), order.dump(), "application/json");
    CHECK(taken->status == 409);
    CHECK(body_json(taken)["code"] == "service_identifier_in_use");

    server.clock().set(dec_15_2026 + 3600);
    CHECK(server.run_due_work() == 1);
    auto freed = c.Post("/api/v1/contracts/provision", bearer(ops), order.dump(), "application/json");
    CHECK_MESSAGE(freed->status == 201, freed->body);
}

TEST_CASE("a change whose date came while the server was stopped is made at the next start, by the scheduler, once") {
    TestServer server(true, [](isp::ServerConfig& config) { config.scheduler_interval_seconds = 1; });
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    REQUIRE(set_status(c, agent(ops), "ctr_demo_youssef", {{"status", "suspended"}, {"effective_date", "2026-12-15"}})
                ->status == 202);

    server.clock().set(dec_15_2026 + 60);
    server.restart(); // the scheduler runs at start; nobody calls run_due_work here
    auto c2 = server.client();
    std::string status;
    for (int i = 0; i < 250 && status != "suspended"; ++i) {
        status = contract(c2, ops, "ctr_demo_youssef")["status"];
        if (status != "suspended")
            std::this_thread::sleep_for(20ms);
    }
    CHECK(status == "suspended");
    std::this_thread::sleep_for(1500ms); // a later run of the scheduler finds nothing more
    CHECK(count_actions(audit(c2, ops, "ctr_demo_youssef"), "status_changed", "system") == 1);
    CHECK(event_types(c2, ops, "ctr_demo_youssef") ==
          std::vector<std::string>{"contract.change_scheduled", "contract.status_changed"});
}

TEST_CASE("a billing run bills a period on its scheduled changes, even before the scheduler made them") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    REQUIRE(set_status(c, agent(ops), "ctr_demo_youssef", {{"status", "suspended"}, {"effective_date", "2026-12-15"}})
                ->status == 202);
    server.clock().set(jan_5_2027);
    auto h = bearer(ops);
    h.emplace("Idempotency-Key", new_key());
    auto run = c.Post("/api/v1/billing/runs", h, R"({"period": "2026-12"})", "application/json");
    REQUIRE(run);
    REQUIRE_MESSAGE(run->status == 201, run->body);
    nlohmann::json invoice;
    const nlohmann::json invoices = body_json(c.Get("/api/v1/invoices?per_page=100", bearer(ops)));
    for (const auto& i : invoices["data"])
        if (i["contract_id"] == "ctr_demo_youssef")
            invoice = body_json(c.Get("/api/v1/invoices/" + i["invoice_id"].get<std::string>(), bearer(ops)));
    REQUIRE(invoice["lines"].size() == 1);
    CHECK(invoice["lines"][0]["from_date"] == "2026-12-01");
    CHECK(invoice["lines"][0]["to_date"] == "2026-12-14");
    CHECK(invoice["lines"][0]["days"] == 14);
}

TEST_CASE("GET /events: staff only, a cursor and a limit checked") {
    TestServer server;
    auto c = server.client();
    CHECK(c.Get("/api/v1/events")->status == 401);
    const std::string viewer = create_staff_token(server, "viewer");
    CHECK(c.Get("/api/v1/events", bearer(viewer))->status == 200);
    for (const char* bad : {"after=-1", "after=x", "limit=0", "limit=1001", "limit=5x"}) {
        auto res = c.Get(std::string("/api/v1/events?") + bad, bearer(viewer));
        CHECK_MESSAGE(res->status == 400, bad);
        CHECK(body_json(res)["code"] == "validation_failed");
    }
}
