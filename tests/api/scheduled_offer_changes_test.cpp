// Offer changes dated later (issue #15): accepted (202) and kept pending, shown on the
// contract, cancellable by the customer (their own only) and by staff until their date,
// carried out by the server on that date exactly once (also across a restart) with the
// new document version, offer period, audit entry and event; billed on the old offer until
// then; and the chain rules shared with status changes.
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

std::string verify(httplib::Client& c, const std::string& cin, const std::string& line) {
    auto res = c.Post("/api/v1/landing/clients/verify-cin",
                      nlohmann::json{{"cin", cin}, {"service_identifier", line}}.dump(), "application/json");
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 200, res->body);
    return body_json(res)["lookup_token"];
}

httplib::Result plan_change(httplib::Client& c, const std::string& token, const std::string& target,
                            const std::string& date, const std::string& contract_id = "ctr_demo_amina") {
    const nlohmann::json body = {{"lookup_token", token},
                                 {"contract_id", contract_id},
                                 {"target_offer_id", target},
                                 {"contract_start_date", date},
                                 {"language", "en"}};
    return c.Post("/api/v1/landing/submit/plan-change", {{"Idempotency-Key", new_key()}}, body.dump(),
                  "application/json");
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

int count_actions(const nlohmann::json& trail, const std::string& action, const std::string& actor) {
    int n = 0;
    for (const auto& a : trail)
        n += a["action"] == action && a["actor"] == actor;
    return n;
}

// The contract.* events of `contract_id`, in order.
std::vector<nlohmann::json> contract_events(httplib::Client& c, const std::string& token,
                                            const std::string& contract_id) {
    auto res = c.Get("/api/v1/events?limit=1000", bearer(token));
    REQUIRE(res);
    std::vector<nlohmann::json> out;
    const nlohmann::json body = body_json(res);
    for (const auto& e : body["data"])
        if (e["contract_id"] == contract_id && e["type"].get<std::string>().rfind("contract.", 0) == 0)
            out.push_back(e);
    return out;
}

std::vector<std::string> types_of(const std::vector<nlohmann::json>& events) {
    std::vector<std::string> types;
    for (const auto& e : events)
        types.push_back(e["type"]);
    return types;
}

} // namespace

TEST_CASE("an offer change dated later waits for its date, then the server makes it once, as `system`") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    const std::string token = verify(c, "AB123456", "0612345678");

    auto res = plan_change(c, token, "ofr_mobile_illimite", "2026-12-15");
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 202, res->body);
    check_described(served_description(c), "post", "/landing/submit/plan-change", res);
    auto j = body_json(res);
    CHECK(j["effective_date"] == "2026-12-15");
    CHECK(j["direction"] == "upgrade");
    CHECK(j["contract"]["offer_id"] == "ofr_mobile_confort"); // not yet
    CHECK(j["contract"]["document_version"] == 1);
    REQUIRE(j["scheduled_change"].is_object());
    const std::string change_id = j["scheduled_change"]["change_id"];
    CHECK(j["scheduled_change"]["kind"] == "offer");
    CHECK(j["scheduled_change"]["offer_id"] == "ofr_mobile_illimite");
    CHECK(j["scheduled_change"]["requested_by"] == "landing");

    // Visible on the contract, for staff.
    auto k = contract(c, ops, "ctr_demo_amina");
    CHECK(k["offer_id"] == "ofr_mobile_confort");
    CHECK(k["offer_periods"].size() == 1);
    REQUIRE(k["scheduled_changes"].size() == 1);
    CHECK(k["scheduled_changes"][0]["change_id"] == change_id);
    CHECK(k["scheduled_changes"][0]["kind"] == "offer");
    CHECK(k["scheduled_changes"][0]["offer_id"] == "ofr_mobile_illimite");
    CHECK(k["scheduled_changes"][0]["effective_date"] == "2026-12-15");
    CHECK(audit(c, ops, "ctr_demo_amina").back()["action"] == "offer_change_scheduled");
    auto events = contract_events(c, ops, "ctr_demo_amina");
    REQUIRE(types_of(events) == std::vector<std::string>{"contract.change_scheduled"});
    CHECK(events[0]["data"]["kind"] == "offer");
    CHECK(events[0]["data"]["offer_id"] == "ofr_mobile_illimite");
    CHECK(events[0]["data"]["previous_offer_id"] == "ofr_mobile_confort");

    // Not before its date.
    server.clock().set(dec_15_2026 - 1);
    CHECK(server.run_due_work() == 0);
    CHECK(contract(c, ops, "ctr_demo_amina")["offer_id"] == "ofr_mobile_confort");

    // On its date: made, by the system, once; the new version, the period, the audit, the event.
    server.clock().set(dec_15_2026 + 5);
    CHECK(server.run_due_work() == 1);
    CHECK(server.run_due_work() == 0);
    k = contract(c, ops, "ctr_demo_amina");
    CHECK(k["offer_id"] == "ofr_mobile_illimite");
    CHECK(k["contract_start_date"] == "2026-12-15");
    CHECK(k["document_version"] == 2);
    CHECK(k["scheduled_changes"].empty());
    CHECK(k["offer_periods"].back() ==
          nlohmann::json{{"offer_id", "ofr_mobile_illimite"}, {"effective_from", "2026-12-15"}});
    const auto trail = audit(c, ops, "ctr_demo_amina");
    CHECK(count_actions(trail, "offer_changed", "system") == 1);
    CHECK(trail.back()["after"]["change_id"] == change_id);
    events = contract_events(c, ops, "ctr_demo_amina");
    REQUIRE(types_of(events) == std::vector<std::string>{"contract.change_scheduled", "contract.plan_changed"});
    CHECK(events[1]["data"]["change_id"] == change_id);
    CHECK(events[1]["data"]["offer_id"] == "ofr_mobile_illimite");
    CHECK(events[1]["data"]["effective_date"] == "2026-12-15");
    auto docs = c.Get("/api/v1/contracts/ctr_demo_amina/documents", bearer(ops));
    REQUIRE(docs);
    CHECK(body_json(docs)["versions"].size() == 2);

    // December is billed on the old offer until the 14th, the new one from the 15th.
    server.clock().set(jan_5_2027);
    auto h = bearer(ops);
    h.emplace("Idempotency-Key", new_key());
    auto run = c.Post("/api/v1/billing/runs", h, R"({"period": "2026-12"})", "application/json");
    REQUIRE(run);
    REQUIRE_MESSAGE(run->status == 201, run->body);
    nlohmann::json invoice;
    const nlohmann::json invoices = body_json(c.Get("/api/v1/invoices?per_page=100&period=2026-12", bearer(ops)));
    for (const auto& i : invoices["data"])
        if (i["contract_id"] == "ctr_demo_amina")
            invoice = body_json(c.Get("/api/v1/invoices/" + i["invoice_id"].get<std::string>(), bearer(ops)));
    REQUIRE(invoice["lines"].size() == 2);
    CHECK(invoice["lines"][0]["offer_id"] == "ofr_mobile_confort");
    CHECK(invoice["lines"][0]["to_date"] == "2026-12-14");
    CHECK(invoice["lines"][0]["amount"]["amount_minor"] == 4471); // 9900 * 14 / 31
    CHECK(invoice["lines"][1]["offer_id"] == "ofr_mobile_illimite");
    CHECK(invoice["lines"][1]["from_date"] == "2026-12-15");
    CHECK(invoice["lines"][1]["amount"]["amount_minor"] == 10913); // 19900 * 17 / 31
}

TEST_CASE("an offer change whose date came while the server was stopped is made at the next start, once") {
    TestServer server(true, [](isp::ServerConfig& config) { config.scheduler_interval_seconds = 1; });
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    auto h = bearer(ops);
    h.emplace("X-Actor-Id", "agent.omar");
    auto staff = c.Put("/api/v1/contracts/ctr_demo_youssef/offer", h,
                       R"({"offer_id": "ofr_internet_fibre500", "effective_date": "2026-12-15"})", "application/json");
    REQUIRE(staff);
    REQUIRE_MESSAGE(staff->status == 202, staff->body);
    check_described(served_description(c), "put", "/contracts/{contract_id}/offer", staff);
    CHECK(body_json(staff)["offer_id"] == "ofr_internet_fibre100");
    CHECK(body_json(staff)["plan_change"]["scheduled_change"]["kind"] == "offer");
    CHECK(body_json(staff)["scheduled_changes"][0]["requested_by"] == "agent.omar");

    server.clock().set(dec_15_2026 + 60);
    server.restart(); // the scheduler runs at start; nobody calls run_due_work here
    auto c2 = server.client();
    std::string offer;
    for (int i = 0; i < 250 && offer != "ofr_internet_fibre500"; ++i) {
        offer = contract(c2, ops, "ctr_demo_youssef")["offer_id"];
        if (offer != "ofr_internet_fibre500")
            std::this_thread::sleep_for(20ms);
    }
    CHECK(offer == "ofr_internet_fibre500");
    std::this_thread::sleep_for(1500ms); // a later run of the scheduler finds nothing more
    CHECK(count_actions(audit(c2, ops, "ctr_demo_youssef"), "offer_changed", "system") == 1);
    CHECK(types_of(contract_events(c2, ops, "ctr_demo_youssef")) ==
          std::vector<std::string>{"contract.change_scheduled", "contract.plan_changed"});
    CHECK(contract(c2, ops, "ctr_demo_youssef")["document_version"] == 2);
}

TEST_CASE("a pending offer change: the customer cancels their own only; the chain rules hold") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    const std::string amina = verify(c, "AB123456", "0612345678");
    const std::string youssef = verify(c, "BE654321", "0535123456");

    auto res = plan_change(c, amina, "ofr_mobile_illimite", "2026-12-15");
    REQUIRE_MESSAGE(res->status == 202, res->body);
    const std::string change_id = body_json(res)["scheduled_change"]["change_id"];
    const std::string path = "/api/v1/landing/contracts/ctr_demo_amina/scheduled-changes/" + change_id;

    // Dated today while it waits; a second one not after it.
    auto today = plan_change(c, amina, "ofr_mobile_essentiel", "2026-11-23");
    CHECK(today->status == 409);
    CHECK(body_json(today)["code"] == "scheduled_change_pending");
    auto earlier = plan_change(c, amina, "ofr_mobile_essentiel", "2026-12-10");
    CHECK(earlier->status == 400);
    CHECK(error_fields(earlier) == std::vector<std::string>{"contract_start_date"});
    CHECK(body_json(earlier)["errors"][0]["code"] == "effective_before_scheduled_change");

    // Someone else's token, no token, an unknown change.
    auto stranger = c.Delete(path, bearer(youssef));
    REQUIRE(stranger);
    CHECK(stranger->status == 403);
    CHECK(body_json(stranger)["code"] == "contract_not_owned");
    CHECK(c.Delete(path)->status == 401);
    auto unknown = c.Delete("/api/v1/landing/contracts/ctr_demo_amina/scheduled-changes/chg_nope", bearer(amina));
    CHECK(unknown->status == 404);
    CHECK(body_json(unknown)["code"] == "scheduled_change_not_found");

    // The owner cancels it: gone from the contract, audited as `landing`, told.
    auto cancelled = c.Delete(path, bearer(amina));
    REQUIRE(cancelled);
    REQUIRE_MESSAGE(cancelled->status == 200, cancelled->body);
    check_described(served_description(c), "delete", "/landing/contracts/{contract_id}/scheduled-changes/{change_id}",
                    cancelled);
    CHECK(body_json(cancelled)["scheduled_changes"].empty());
    CHECK(contract(c, ops, "ctr_demo_amina")["scheduled_changes"].empty());
    CHECK(count_actions(audit(c, ops, "ctr_demo_amina"), "scheduled_change_cancelled", "landing") == 1);
    CHECK(types_of(contract_events(c, ops, "ctr_demo_amina")) ==
          std::vector<std::string>{"contract.change_scheduled", "contract.change_cancelled"});
    CHECK(c.Delete(path, bearer(amina))->status == 404);
    server.clock().set(dec_15_2026 + 5);
    CHECK(server.run_due_work() == 0);
    CHECK(contract(c, ops, "ctr_demo_amina")["offer_id"] == "ofr_mobile_confort");

    // Staff's pending changes are staff's to cancel; no offer change after a termination.
    auto h = bearer(ops);
    auto termination = c.Put("/api/v1/contracts/ctr_demo_amina/status", h,
                             R"({"status": "terminated", "effective_date": "2027-01-31"})", "application/json");
    REQUIRE_MESSAGE(termination->status == 202, termination->body);
    const std::string termination_id = body_json(termination)["scheduled_changes"][0]["change_id"];
    auto not_hers = c.Delete("/api/v1/landing/contracts/ctr_demo_amina/scheduled-changes/" + termination_id,
                             bearer(verify(c, "AB123456", "0612345678")));
    CHECK(not_hers->status == 403);
    CHECK(body_json(not_hers)["code"] == "scheduled_change_not_cancellable");
    auto after_end = plan_change(c, verify(c, "AB123456", "0612345678"), "ofr_mobile_illimite", "2027-01-10");
    CHECK(after_end->status == 409);
    CHECK(body_json(after_end)["code"] == "termination_scheduled");
    auto staff_after_end =
        c.Put("/api/v1/contracts/ctr_demo_amina/offer", h,
              R"({"offer_id": "ofr_mobile_illimite", "effective_date": "2027-02-10"})", "application/json");
    CHECK(staff_after_end->status == 409);
}
