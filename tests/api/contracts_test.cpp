// Staff contract management (issue #4, process map P4-P6): provisioning, the manual path,
// filters, status transitions, staff plan changes, and the audit trail of every change
// (landing ones included), with the staff actor named by X-Actor-Id.
#include <doctest/doctest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "../support/openapi_check.h"
#include "../support/test_server.h"

using namespace isp::test;

namespace {

nlohmann::json provision_body(const std::string& line = "+212612300000",
                              const std::string& client = "cli_demo_youssef") {
    return {{"offer_id", "ofr_mobile_confort"},
            {"contract_start_date", "2026-11-23"},
            {"commitment_months", 12},
            {"client_id", client},
            {"subscriber", {{"service_identifier", line}}},
            {"provisioning_intent", "auto"}};
}

httplib::Headers staff(const std::string& token, const std::string& actor = "") {
    auto h = bearer(token);
    if (!actor.empty())
        h.emplace("X-Actor-Id", actor);
    return h;
}

httplib::Result provision(httplib::Client& c, const httplib::Headers& h, const nlohmann::json& body) {
    return c.Post("/api/v1/contracts/provision", h, body.dump(), "application/json");
}

httplib::Result set_status(httplib::Client& c, const httplib::Headers& h, const std::string& id,
                           const nlohmann::json& body) {
    return c.Put("/api/v1/contracts/" + id + "/status", h, body.dump(), "application/json");
}

nlohmann::json audit(httplib::Client& c, const std::string& token, const std::string& id) {
    auto res = c.Get("/api/v1/contracts/" + id + "/audit", bearer(token));
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 200, res->body);
    return body_json(res)["data"];
}

std::vector<std::string> listed(httplib::Client& c, const std::string& token, const httplib::Params& params) {
    auto res = c.Get("/api/v1/contracts", params, bearer(token));
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 200, res->body);
    std::vector<std::string> out;
    const nlohmann::json body = body_json(res);
    for (const auto& k : body["data"])
        out.push_back(k["contract_id"]);
    return out;
}

} // namespace

TEST_CASE("contract endpoints: no token 401, ops and admin tokens succeed") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    const std::string admin = create_staff_token(server, "admin");
    const std::string status = R"({"status": "suspended"})";
    const std::string offer = R"({"offer_id": "ofr_mobile_illimite", "effective_date": "2026-11-23"})";

    CHECK(c.Post("/api/v1/contracts/provision", provision_body().dump(), "application/json")->status == 401);
    CHECK(c.Post("/api/v1/contracts", "{}", "application/json")->status == 401);
    CHECK(c.Get("/api/v1/contracts")->status == 401);
    CHECK(c.Get("/api/v1/contracts/ctr_demo_amina")->status == 401);
    CHECK(c.Put("/api/v1/contracts/ctr_demo_amina/status", status, "application/json")->status == 401);
    CHECK(c.Put("/api/v1/contracts/ctr_demo_amina/offer", offer, "application/json")->status == 401);
    CHECK(c.Get("/api/v1/contracts/ctr_demo_amina/audit")->status == 401);
    CHECK(c.Get("/api/v1/contracts", {{"X-Actor-Id", "agent"}, {"X-Actor-Roles", "ops"}})->status == 401);
    // Nothing was written by the refused requests.
    CHECK(audit(c, ops, "ctr_demo_amina").size() == 1);

    int n = 0;
    for (const std::string& token : {ops, admin}) {
        const std::string line = n++ == 0 ? "0612300001" : "0612300002";
        auto created = provision(c, bearer(token), provision_body(line));
        REQUIRE_MESSAGE(created->status == 201, created->body);
        const std::string id = body_json(created)["contract_id"];
        const nlohmann::json manual = {{"client_id", "cli_demo_helene"},
                                       {"offer_id", "ofr_mobile_essentiel"},
                                       {"service_identifier", line == "0612300001" ? "0612300011" : "0612300012"},
                                       {"contract_start_date", "2026-11-23"},
                                       {"commitment_months", 0}};
        CHECK(c.Post("/api/v1/contracts", bearer(token), manual.dump(), "application/json")->status == 201);
        CHECK(c.Get("/api/v1/contracts", bearer(token))->status == 200);
        CHECK(c.Get("/api/v1/contracts/" + id, bearer(token))->status == 200);
        CHECK(c.Put("/api/v1/contracts/" + id + "/offer", bearer(token), offer, "application/json")->status == 200);
        CHECK(c.Put("/api/v1/contracts/" + id + "/status", bearer(token), status, "application/json")->status == 200);
        CHECK(c.Get("/api/v1/contracts/" + id + "/audit", bearer(token))->status == 200);
    }
}

TEST_CASE(
    "provisioning (process map P4) creates an active contract, its history, document and audit by the staff actor") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops", "ops-desk");

    auto res = provision(c, staff(ops, "agent.sara"), provision_body());
    REQUIRE_MESSAGE(res->status == 201, res->body);
    const auto k = body_json(res);
    const std::string id = k["contract_id"];
    CHECK(id.rfind("ctr_", 0) == 0);
    CHECK(res->get_header_value("Location") == "/api/v1/contracts/" + id);
    CHECK(k["contract_number"] == "CTR-2026-000004"); // the landing sequence: the demo took 1-3
    CHECK(k["status"] == "active");
    CHECK(k["client_id"] == "cli_demo_youssef");
    CHECK(k["offer_id"] == "ofr_mobile_confort");
    CHECK(k["service"] == "mobile");
    CHECK(k["subscriber"]["service_identifier"] == "+212612300000");
    CHECK(k["contract_start_date"] == "2026-11-23");
    CHECK(k["commitment_end"] == "2027-11-22");
    CHECK(k["document_version"] == 1);
    CHECK(k["offer"]["name"] == "Mobile Confort");
    CHECK(k["offer_periods"] ==
          nlohmann::json::parse(R"([{"offer_id": "ofr_mobile_confort", "effective_from": "2026-11-23"}])"));
    CHECK(k["status_periods"] == nlohmann::json::parse(R"([{"status": "active", "effective_from": "2026-11-23"}])"));
    const std::string url = k["document_download_url"];
    auto pdf = c.Get(url);
    REQUIRE(pdf->status == 200);
    CHECK(pdftotext(pdf->body, "staff_provisioned_contract").find("CTR-2026-000004") != std::string::npos);

    auto got = c.Get("/api/v1/contracts/" + id, bearer(ops));
    REQUIRE(got->status == 200);
    auto expected = k;
    expected.erase("document_download_url");
    expected.erase("document_url_expires_at");
    CHECK(body_json(got) == expected);

    const auto trail = audit(c, ops, id);
    REQUIRE(trail.size() == 1);
    CHECK(trail[0]["action"] == "created");
    CHECK(trail[0]["actor"] == "agent.sara");
    CHECK(trail[0]["at"] == "2026-11-23T10:00:00Z");
    CHECK(trail[0]["before"].is_null());
    CHECK(trail[0]["after"]["contract_number"] == "CTR-2026-000004");

    // Without X-Actor-Id the token's name is the actor; the commitment defaults to the offer's.
    auto body = provision_body("0612300003");
    body.erase("commitment_months");
    body.erase("provisioning_intent");
    auto second = provision(c, bearer(ops), body);
    REQUIRE_MESSAGE(second->status == 201, second->body);
    CHECK(body_json(second)["commitment_months"] == 12);
    CHECK(body_json(second)["contract_number"] == "CTR-2026-000005");
    CHECK(audit(c, ops, body_json(second)["contract_id"])[0]["actor"] == "ops-desk");
    CHECK(c.Get("/api/v1/contracts/ctr_nope", bearer(ops))->status == 404);
    CHECK(body_json(c.Get("/api/v1/contracts/ctr_nope/audit", bearer(ops)))["code"] == "contract_not_found");
}

TEST_CASE("a subscriber with a live contract cannot get another (409) until that one is terminated") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");

    auto taken = provision(c, bearer(ops), provision_body("06 12 34 56 78")); // Amina's line
    CHECK(taken->status == 409);
    CHECK(body_json(taken)["code"] == "service_identifier_in_use");
    CHECK(error_fields(taken) == std::vector<std::string>{"subscriber.service_identifier"});
    const nlohmann::json manual = {{"client_id", "cli_demo_youssef"},
                                   {"offer_id", "ofr_mobile_essentiel"},
                                   {"service_identifier", "+212612345678"},
                                   {"contract_start_date", "2026-11-23"}};
    auto manual_taken = c.Post("/api/v1/contracts", bearer(ops), manual.dump(), "application/json");
    CHECK(manual_taken->status == 409);
    CHECK(error_fields(manual_taken) == std::vector<std::string>{"service_identifier"});

    auto suspended = set_status(c, bearer(ops), "ctr_demo_amina", {{"status", "suspended"}});
    REQUIRE(suspended->status == 200);
    CHECK(provision(c, bearer(ops), provision_body("0612345678"))->status == 409); // suspended still holds it
    REQUIRE(set_status(c, bearer(ops), "ctr_demo_amina", {{"status", "terminated"}})->status == 200);
    auto freed = provision(c, bearer(ops), provision_body("0612345678"));
    CHECK_MESSAGE(freed->status == 201, freed->body);
    CHECK(body_json(freed)["client_id"] == "cli_demo_youssef");
}

TEST_CASE("the manual path (P5) takes explicit ids, may start suspended and may use a withdrawn offer") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    // Withdraw an offer: provisioning refuses it, the manual path accepts it.
    auto offer = body_json(c.Get("/api/v1/offers/ofr_landline_monde", bearer(ops)));
    offer.erase("offer_id");
    offer["active"] = false;
    REQUIRE(c.Put("/api/v1/offers/ofr_landline_monde", bearer(ops), offer.dump(), "application/json")->status == 200);

    const nlohmann::json manual = {{"client_id", "cli_demo_helene"},
                                   {"offer_id", "ofr_landline_monde"},
                                   {"service_identifier", "05 22 11 22 33"},
                                   {"contract_start_date", "2026-10-01"},
                                   {"commitment_months", 24},
                                   {"status", "suspended"}};
    auto res = c.Post("/api/v1/contracts", staff(ops, "back.office"), manual.dump(), "application/json");
    REQUIRE_MESSAGE(res->status == 201, res->body);
    const auto k = body_json(res);
    CHECK(k["status"] == "suspended");
    CHECK(k["subscriber"]["service_identifier"] == "+212522112233");
    CHECK(k["contract_start_date"] == "2026-10-01"); // staff may record a contract that already started
    CHECK(k["status_periods"][0]["status"] == "suspended");
    CHECK(audit(c, ops, k["contract_id"])[0]["actor"] == "back.office");

    nlohmann::json p = provision_body("0522998877", "cli_demo_helene");
    p["offer_id"] = "ofr_landline_monde";
    auto refused = provision(c, bearer(ops), p);
    CHECK(refused->status == 400);
    CHECK(body_json(refused)["errors"][0]["code"] == "offer_inactive");

    auto terminated = manual;
    terminated["status"] = "terminated";
    terminated["service_identifier"] = "0522998877";
    auto bad = c.Post("/api/v1/contracts", bearer(ops), terminated.dump(), "application/json");
    CHECK(bad->status == 400);
    CHECK(body_json(bad)["errors"][0]["code"] == "invalid_initial_status");
}

TEST_CASE("contract validation lists every wrong field") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");

    auto empty = provision(c, bearer(ops), nlohmann::json::object());
    CHECK(empty->status == 400);
    CHECK(body_json(empty)["code"] == "validation_failed");
    CHECK(error_fields(empty) ==
          std::vector<std::string>{"client_id", "offer_id", "contract_start_date", "subscriber.service_identifier"});

    const nlohmann::json wrong = {{"offer_id", "ofr_nope"},        {"contract_start_date", "2026-13-01"},
                                  {"commitment_months", "twelve"}, {"client_id", 7},
                                  {"subscriber", "0612300000"},    {"provisioning_intent", "manual"}};
    auto typed = provision(c, bearer(ops), wrong);
    CHECK(typed->status == 400);
    CHECK(error_fields(typed) ==
          std::vector<std::string>{"client_id", "commitment_months", "subscriber", "provisioning_intent"});

    const nlohmann::json unknown = {{"offer_id", "ofr_nope"},
                                    {"contract_start_date", "2026-13-01"},
                                    {"client_id", "cli_nope"},
                                    {"subscriber", {{"service_identifier", "x"}}}};
    auto res = provision(c, bearer(ops), unknown);
    CHECK(res->status == 400);
    CHECK(error_fields(res) == std::vector<std::string>{"client_id", "offer_id", "contract_start_date"});
    CHECK(body_json(res)["errors"][0]["code"] == "unknown_client");
    CHECK(body_json(res)["errors"][1]["code"] == "unknown_offer");

    auto body = provision_body("0522000000");   // a landline number for a mobile offer
    body["commitment_months"] = 0;              // below the offer's 12
    body["contract_start_date"] = "2027-06-01"; // beyond 90 days
    auto rules = provision(c, bearer(ops), body);
    CHECK(rules->status == 400);
    CHECK(error_fields(rules) ==
          std::vector<std::string>{"subscriber.service_identifier", "contract_start_date", "commitment_months"});
    CHECK(body_json(rules)["errors"][0]["code"] == "invalid_mobile_number");

    auto manual = c.Post("/api/v1/contracts", bearer(ops), R"({"status": "closed"})", "application/json");
    CHECK(error_fields(manual) ==
          std::vector<std::string>{"client_id", "offer_id", "contract_start_date", "service_identifier", "status"});
    auto status = set_status(c, bearer(ops), "ctr_demo_amina",
                             {{"status", "paused"}, {"effective_date", "soon"}, {"reason", std::string(501, 'r')}});
    CHECK(status->status == 400);
    CHECK(error_fields(status) == std::vector<std::string>{"status", "effective_date", "reason"});
    auto change = c.Put("/api/v1/contracts/ctr_demo_amina/offer", bearer(ops), "{}", "application/json");
    CHECK(change->status == 400);
    CHECK(error_fields(change) == std::vector<std::string>{"offer_id"});
    // Nothing was written by the refusals.
    CHECK(body_json(c.Get("/api/v1/contracts", bearer(ops)))["pagination"]["total"] == 3);
    CHECK(audit(c, ops, "ctr_demo_amina").size() == 1);
}

TEST_CASE("status transitions: active <-> suspended, -> terminated; everything else is 409") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    const auto h = staff(ops, "agent.omar");
    auto expect = [&](const std::string& id, const std::string& status, int code) {
        auto res = set_status(c, h, id, {{"status", status}, {"reason", "customer request"}});
        REQUIRE(res);
        CHECK_MESSAGE(res->status == code, id << " -> " << status << ": " << res->body);
        if (code == 409)
            CHECK(body_json(res)["code"] == "invalid_status_transition");
        else if (code == 200)
            CHECK(body_json(res)["status"] == status);
    };

    expect("ctr_demo_amina", "active", 409);
    expect("ctr_demo_amina", "suspended", 200);
    expect("ctr_demo_amina", "suspended", 409);
    expect("ctr_demo_amina", "active", 200);
    expect("ctr_demo_amina", "terminated", 200);
    expect("ctr_demo_amina", "active", 409);
    expect("ctr_demo_amina", "suspended", 409);
    expect("ctr_demo_amina", "terminated", 409);
    expect("ctr_demo_youssef", "suspended", 200);
    expect("ctr_demo_youssef", "terminated", 200);
    expect("ctr_nope", "active", 404);

    // History: the effective date defaults to today; every change is audited with before/after.
    const auto k = body_json(c.Get("/api/v1/contracts/ctr_demo_youssef", bearer(ops)));
    REQUIRE(k["status_periods"].size() == 2); // same-day changes supersede each other
    CHECK(k["status_periods"][1] == nlohmann::json{{"status", "terminated"}, {"effective_from", "2026-11-23"}});
    const auto trail = audit(c, ops, "ctr_demo_amina");
    REQUIRE(trail.size() == 4);
    CHECK(trail[1]["action"] == "status_changed");
    CHECK(trail[1]["actor"] == "agent.omar");
    CHECK(trail[1]["before"] == nlohmann::json{{"status", "active"}});
    CHECK(trail[1]["after"] ==
          nlohmann::json{{"status", "suspended"}, {"effective_date", "2026-11-23"}, {"reason", "customer request"}});
    CHECK(trail[3]["after"]["status"] == "terminated");

    // A later effective date schedules the change (scheduled_changes_test.cpp); a date before
    // the last change is refused.
    auto later = set_status(c, h, "ctr_demo_helene", {{"status", "suspended"}, {"effective_date", "2026-12-01"}});
    REQUIRE(later->status == 202);
    CHECK(body_json(later)["status"] == "active");
    CHECK(body_json(later)["scheduled_changes"][0]["effective_date"] == "2026-12-01");
    auto earlier = set_status(c, h, "ctr_demo_amina", {{"status", "active"}, {"effective_date", "2026-11-20"}});
    CHECK(earlier->status == 400);
    CHECK(body_json(earlier)["errors"][0]["code"] == "effective_before_last_change");
}

TEST_CASE("contract list filters by client, offer, status, service and subscriber, with pagination") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    using ids = std::vector<std::string>;
    REQUIRE(set_status(c, bearer(ops), "ctr_demo_helene", {{"status", "suspended"}})->status == 200);

    CHECK(listed(c, ops, {}) == ids{"ctr_demo_amina", "ctr_demo_youssef", "ctr_demo_helene"});
    CHECK(listed(c, ops, {{"client_id", "cli_demo_youssef"}}) == ids{"ctr_demo_youssef"});
    CHECK(listed(c, ops, {{"offer_id", "ofr_mobile_confort"}}) == ids{"ctr_demo_amina"});
    CHECK(listed(c, ops, {{"status", "suspended"}}) == ids{"ctr_demo_helene"});
    CHECK(listed(c, ops, {{"status", "active"}}) == ids{"ctr_demo_amina", "ctr_demo_youssef"});
    CHECK(listed(c, ops, {{"service", "internet"}}) == ids{"ctr_demo_youssef"});
    CHECK(listed(c, ops, {{"service_identifier", "06 12 34 56 78"}}) == ids{"ctr_demo_amina"});
    CHECK(listed(c, ops, {{"service", "mobile"}, {"status", "suspended"}}).empty());
    CHECK(listed(c, ops, {{"client_id", "cli_nope"}}).empty());

    const auto page = body_json(c.Get("/api/v1/contracts?per_page=2&page=2", bearer(ops)));
    CHECK(page["data"].size() == 1);
    CHECK(page["data"][0]["service"] == "landline");
    CHECK(page["pagination"] == nlohmann::json{{"page", 2}, {"per_page", 2}, {"total", 3}, {"total_pages", 2}});
    for (const char* q : {"?status=closed", "?service=tv", "?per_page=101", "?page=0"}) {
        auto res = c.Get(std::string("/api/v1/contracts") + q, bearer(ops));
        CHECK_MESSAGE(res->status == 400, q);
        CHECK(body_json(res)["code"] == "validation_failed");
    }
}

TEST_CASE("a staff offer change uses the plan-change rules and is audited with the staff actor") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    auto put_offer = [&](const std::string& id, const nlohmann::json& body, const std::string& actor = "") {
        return c.Put("/api/v1/contracts/" + id + "/offer", staff(ops, actor), body.dump(), "application/json");
    };

    auto res = put_offer("ctr_demo_amina", {{"offer_id", "ofr_mobile_illimite"}, {"effective_date", "2026-11-23"}},
                         "agent.sara");
    REQUIRE_MESSAGE(res->status == 200, res->body);
    const auto k = body_json(res);
    CHECK(k["offer_id"] == "ofr_mobile_illimite");
    CHECK(k["contract_start_date"] == "2026-11-23");
    CHECK(k["document_version"] == 2);
    CHECK(k["plan_change"]["direction"] == "upgrade");
    CHECK(k["plan_change"]["previous_offer_id"] == "ofr_mobile_confort");
    CHECK(k["plan_change"]["monthly_difference"] == nlohmann::json{{"amount_minor", 10000}, {"currency", "MAD"}});
    CHECK(k["offer_periods"].size() == 2);
    CHECK(k["offer_periods"][1] ==
          nlohmann::json{{"offer_id", "ofr_mobile_illimite"}, {"effective_from", "2026-11-23"}});

    const auto trail = audit(c, ops, "ctr_demo_amina");
    REQUIRE(trail.size() == 2);
    CHECK(trail[1]["action"] == "offer_changed");
    CHECK(trail[1]["actor"] == "agent.sara");
    CHECK(trail[1]["before"]["offer"]["offer_id"] == "ofr_mobile_confort");
    CHECK(trail[1]["after"]["offer"]["offer_id"] == "ofr_mobile_illimite");
    CHECK(trail[1]["after"]["direction"] == "upgrade");

    // Without effective_date: from today; without X-Actor-Id, the token's name.
    auto today = put_offer("ctr_demo_youssef", {{"offer_id", "ofr_internet_fibre500"}});
    REQUIRE_MESSAGE(today->status == 200, today->body);
    CHECK(body_json(today)["contract_start_date"] == "2026-11-23");
    CHECK(audit(c, ops, "ctr_demo_youssef").back()["actor"] == "test");

    auto refused = [&](const httplib::Result& r, int status, const std::string& code, const std::string& field) {
        REQUIRE(r);
        CHECK_MESSAGE(r->status == status, r->body);
        CHECK(body_json(r)["code"] == code);
        if (!field.empty())
            CHECK(error_fields(r) == std::vector<std::string>{field});
    };
    refused(put_offer("ctr_demo_amina", {{"offer_id", "ofr_internet_adsl20"}, {"effective_date", "2026-12-20"}}), 409,
            "different_family", "offer_id");
    refused(put_offer("ctr_demo_amina", {{"offer_id", "ofr_mobile_illimite"}, {"effective_date", "2026-12-20"}}), 409,
            "same_offer", "offer_id");
    refused(put_offer("ctr_demo_amina", {{"offer_id", "ofr_nope"}, {"effective_date", "2026-12-20"}}), 400,
            "validation_failed", "offer_id");
    refused(put_offer("ctr_demo_amina", {{"offer_id", "ofr_mobile_essentiel"}, {"effective_date", "2026-11-22"}}), 400,
            "validation_failed", "effective_date"); // in the past
    refused(put_offer("ctr_nope", {{"offer_id", "ofr_mobile_essentiel"}}), 404, "contract_not_found", "");
    REQUIRE(set_status(c, bearer(ops), "ctr_demo_helene", {{"status", "suspended"}})->status == 200);
    refused(put_offer("ctr_demo_helene", {{"offer_id", "ofr_landline_monde"}}), 409, "contract_not_active",
            "contract_id");
    CHECK(audit(c, ops, "ctr_demo_amina").size() == 2); // the refusals wrote nothing
}

TEST_CASE("a landing plan change and a landing signup appear in the staff audit trail as 'landing'") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");

    auto verified = c.Post("/api/v1/landing/clients/verify-cin",
                           R"({"cin": "AB123456", "service_identifier": "06 12 34 56 78"})", "application/json");
    REQUIRE(verified->status == 200);
    const nlohmann::json change = {{"lookup_token", body_json(verified)["lookup_token"]},
                                   {"contract_id", "ctr_demo_amina"},
                                   {"target_offer_id", "ofr_mobile_essentiel"},
                                   {"contract_start_date", "2026-11-23"}};
    auto changed = c.Post("/api/v1/landing/submit/plan-change", {{"Idempotency-Key", new_key()}}, change.dump(),
                          "application/json");
    REQUIRE_MESSAGE(changed->status == 200, changed->body);

    const auto trail = audit(c, ops, "ctr_demo_amina");
    REQUIRE(trail.size() == 2);
    CHECK(trail[0]["action"] == "created");
    CHECK(trail[0]["actor"] == "demo");
    CHECK(trail[1]["action"] == "offer_changed");
    CHECK(trail[1]["actor"] == "landing");
    CHECK(trail[1]["before"]["contract"]["offer_id"] == "ofr_mobile_confort");
    CHECK(trail[1]["after"]["contract"]["offer_id"] == "ofr_mobile_essentiel");
    CHECK(trail[1]["after"]["direction"] == "downgrade");

    const nlohmann::json form = {{"offer_id", "ofr_mobile_essentiel"},
                                 {"cin", "ZZ123456"},
                                 {"first_name", "Nadia"},
                                 {"last_name", "Ouazzani"},
                                 {"phone", "0655443322"},
                                 {"email", "nadia@example.ma"},
                                 {"address", "9, rue Oued Fès, Rabat"},
                                 {"service_identifier", "0655443322"},
                                 {"contract_start_date", "2026-12-01"},
                                 {"commitment_months", 0}};
    auto signed_up =
        c.Post("/api/v1/landing/submit/new", {{"Idempotency-Key", new_key()}}, form.dump(), "application/json");
    REQUIRE_MESSAGE(signed_up->status == 201, signed_up->body);
    const std::string id = body_json(signed_up)["contract_id"];
    CHECK(body_json(signed_up)["contract_number"] == "CTR-2026-000004");
    const auto created = audit(c, ops, id);
    REQUIRE(created.size() == 1);
    CHECK(created[0]["actor"] == "landing");
    CHECK(created[0]["action"] == "created");
    // The staff view of the new client and contract.
    const std::string client_id = body_json(signed_up)["client_id"];
    CHECK(body_json(c.Get("/api/v1/customers/" + client_id, bearer(ops)))["cin"] == "ZZ123456");
    CHECK(body_json(c.Get("/api/v1/contracts/" + id, bearer(ops)))["status_periods"].size() == 1);

    const auto page = body_json(c.Get("/api/v1/contracts/ctr_demo_amina/audit?per_page=1&page=2", bearer(ops)));
    CHECK(page["data"].size() == 1);
    CHECK(page["data"][0]["action"] == "offer_changed");
    CHECK(page["pagination"]["total"] == 2);
}

TEST_CASE("customer and contract endpoints match the OpenAPI description, errors included, with their roles") {
    TestServer server;
    auto c = server.client();
    const nlohmann::json doc = body_json(c.Get("/api/v1/openapi.json"));
    const OpenApi api(doc);
    const auto ops = bearer(create_staff_token(server, "ops"));
    const auto admin = bearer(create_staff_token(server, "admin"));
    auto described = [&](const std::string& method, const std::string& path, const httplib::Result& res) {
        check_described(api, method, path, res);
    };
    const nlohmann::json customer = {{"cin", "CD246810"},       {"first_name", "Karim"},
                                     {"last_name", "Tazi"},     {"phone", "0655443322"},
                                     {"email", "k@example.ma"}, {"address", "12, bd Zerktouni, Casablanca"}};
    auto created = c.Post("/api/v1/customers", ops, customer.dump(), "application/json");
    described("post", "/customers", created);
    described("post", "/customers", c.Post("/api/v1/customers", ops, customer.dump(), "application/json")); // 409
    described("post", "/customers", c.Post("/api/v1/customers", ops, "{}", "application/json"));
    described("post", "/customers", c.Post("/api/v1/customers", customer.dump(), "application/json"));
    const std::string cpath = "/api/v1/customers/" + body_json(created)["client_id"].get<std::string>();
    described("get", "/customers", c.Get("/api/v1/customers?q=tazi", ops));
    described("get", "/customers", c.Get("/api/v1/customers?per_page=0", ops));
    described("get", "/customers/{client_id}", c.Get(cpath, ops));
    described("get", "/customers/{client_id}", c.Get("/api/v1/customers/cli_nope", ops));
    described("put", "/customers/{client_id}", c.Put(cpath, ops, customer.dump(), "application/json"));
    described("delete", "/customers/{client_id}", c.Delete(cpath, ops));                                // 403
    described("delete", "/customers/{client_id}", c.Delete("/api/v1/customers/cli_demo_amina", admin)); // 409
    described("delete", "/customers/{client_id}", c.Delete(cpath, admin));

    auto provisioned = c.Post("/api/v1/contracts/provision", ops, provision_body().dump(), "application/json");
    described("post", "/contracts/provision", provisioned);
    described("post", "/contracts/provision",
              c.Post("/api/v1/contracts/provision", ops, provision_body().dump(), "application/json")); // 409
    described("post", "/contracts/provision", c.Post("/api/v1/contracts/provision", ops, "{}", "application/json"));
    const nlohmann::json manual = {{"client_id", "cli_demo_helene"},
                                   {"offer_id", "ofr_mobile_essentiel"},
                                   {"service_identifier", "0612300009"},
                                   {"contract_start_date", "2026-11-23"}};
    described("post", "/contracts", c.Post("/api/v1/contracts", ops, manual.dump(), "application/json"));
    described("post", "/contracts", c.Post("/api/v1/contracts", ops, "[]", "application/json"));
    const std::string id = body_json(provisioned)["contract_id"];
    described("get", "/contracts", c.Get("/api/v1/contracts?service=mobile", ops));
    described("get", "/contracts", c.Get("/api/v1/contracts?status=closed", ops));
    described("get", "/contracts/{contract_id}", c.Get("/api/v1/contracts/" + id, ops));
    described("get", "/contracts/{contract_id}", c.Get("/api/v1/contracts/ctr_nope", ops));
    described(
        "put", "/contracts/{contract_id}/offer",
        c.Put("/api/v1/contracts/" + id + "/offer", ops, R"({"offer_id": "ofr_mobile_illimite"})", "application/json"));
    described("put", "/contracts/{contract_id}/offer",
              c.Put("/api/v1/contracts/" + id + "/offer", ops, R"({"offer_id": "ofr_internet_adsl20"})",
                    "application/json")); // 409
    described("put", "/contracts/{contract_id}/status",
              c.Put("/api/v1/contracts/" + id + "/status", ops, R"({"status": "terminated"})", "application/json"));
    described("put", "/contracts/{contract_id}/status",
              c.Put("/api/v1/contracts/" + id + "/status", ops, R"({"status": "active"})", "application/json"));
    described("get", "/contracts/{contract_id}/audit", c.Get("/api/v1/contracts/" + id + "/audit", ops));
    described("get", "/contracts/{contract_id}/audit", c.Get("/api/v1/contracts/ctr_nope/audit", ops));

    for (const char* p :
         {"/customers", "/customers/{client_id}", "/contracts/provision", "/contracts", "/contracts/{contract_id}",
          "/contracts/{contract_id}/status", "/contracts/{contract_id}/offer", "/contracts/{contract_id}/audit"}) {
        REQUIRE_MESSAGE(doc["paths"].contains(p), p);
        for (const auto& [method, operation] : doc["paths"][p].items())
            CHECK_MESSAGE(operation.contains("x-roles"), p << " " << method);
    }
    CHECK(doc["paths"]["/customers/{client_id}"]["delete"]["x-roles"] == nlohmann::json{"admin"});
}

TEST_CASE("concurrent provisioning of one subscriber: exactly one contract, the others 409") {
    TestServer server;
    const std::string ops = create_staff_token(server, "ops");
    std::atomic<int> created{0}, conflicts{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 8; ++i)
        threads.emplace_back([&, i] {
            auto c = server.client();
            auto res =
                provision(c, bearer(ops), provision_body("0612300000", i % 2 ? "cli_demo_youssef" : "cli_demo_helene"));
            if (res && res->status == 201)
                ++created;
            else if (res && res->status == 409)
                ++conflicts;
        });
    for (auto& t : threads)
        t.join();
    CHECK(created == 1);
    CHECK(conflicts == 7);
    auto c = server.client();
    CHECK(listed(c, ops, {{"service_identifier", "0612300000"}}).size() == 1);
}

TEST_CASE("behind a trusted proxy, X-Actor-Id alone authenticates and names the audit actor") {
    TestServer server(true, [](isp::ServerConfig& config) { config.trust_proxy_actor = true; });
    auto c = server.client();
    const httplib::Headers proxy = {{"X-Actor-Id", "sso:fatima"}, {"X-Actor-Roles", "ops"}};
    auto res =
        c.Put("/api/v1/contracts/ctr_demo_amina/status", proxy, R"({"status": "suspended"})", "application/json");
    REQUIRE_MESSAGE(res->status == 200, res->body);
    const auto trail = body_json(c.Get("/api/v1/contracts/ctr_demo_amina/audit", proxy))["data"];
    CHECK(trail.back()["actor"] == "sso:fatima");
    // ops is not enough to delete a customer.
    CHECK(c.Delete("/api/v1/customers/cli_demo_amina", proxy)->status == 403);
}
