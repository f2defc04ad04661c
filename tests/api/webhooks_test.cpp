// Webhook endpoints through the staff API (issue #15): admins only; create (the secret shown
// once, made by the server), read, list, change, rotate the secret, delete; http(s) URLs and
// known event types only, every refusal an RFC 9457 problem naming its fields; every answer
// as the OpenAPI description says.
#include <doctest/doctest.h>

#include "../support/openapi_check.h"
#include "../support/problem_check.h"
#include "../support/test_server.h"

using namespace isp::test;

namespace {

httplib::Result create(httplib::Client& c, const httplib::Headers& h, const nlohmann::json& body) {
    return c.Post("/api/v1/webhooks", h, body.dump(), "application/json");
}

std::vector<std::string> error_codes(const httplib::Result& res) {
    std::vector<std::string> out;
    const nlohmann::json body = body_json(res);
    for (const auto& e : body["errors"])
        out.push_back(e["field"].get<std::string>() + ":" + e["code"].get<std::string>());
    return out;
}

} // namespace

TEST_CASE("an admin creates, reads, changes, re-keys and deletes a webhook endpoint; the secret is shown once") {
    TestServer server;
    auto c = server.client();
    const OpenApi api = served_description(c);
    const auto admin = bearer(create_staff_token(server, "admin", "integrations"));

    const nlohmann::json body = {{"url", "https://radius.example.ma/hooks/portal?source=isp"},
                                 {"event_types", {"contract.status_changed", "invoice.issued"}}};
    auto created = create(c, admin, body);
    REQUIRE(created);
    REQUIRE_MESSAGE(created->status == 201, created->body);
    check_described(api, "post", "/webhooks", created);
    const nlohmann::json first = body_json(created);
    const std::string id = first["webhook"]["webhook_id"];
    CHECK(id.rfind("whk_", 0) == 0);
    CHECK(created->get_header_value("Location") == "/api/v1/webhooks/" + id);
    CHECK(created->get_header_value("Cache-Control") == "no-store");
    CHECK(first["webhook"]["url"] == body["url"]);
    CHECK(first["webhook"]["event_types"] == body["event_types"]);
    CHECK(first["webhook"]["active"] == true);
    CHECK(first["webhook"]["created_by"] == "integrations");
    const std::string secret = first["secret"];
    CHECK(secret.size() == 6 + 64);
    CHECK(secret.rfind("whsec_", 0) == 0);
    CHECK(secret.find_first_not_of("0123456789abcdef", 6) == std::string::npos);

    // Reads never show the secret.
    auto read = c.Get("/api/v1/webhooks/" + id, admin);
    check_described(api, "get", "/webhooks/{webhook_id}", read);
    CHECK(body_json(read) == first["webhook"]);
    CHECK(read->body.find(secret) == std::string::npos);
    auto list = c.Get("/api/v1/webhooks", admin);
    check_described(api, "get", "/webhooks", list);
    CHECK(list->body.find(secret) == std::string::npos);
    const nlohmann::json listed = body_json(list);
    CHECK(listed["pagination"]["total"] == 1);
    CHECK(listed["data"][0] == first["webhook"]);

    // A second endpoint gets another secret.
    auto other = create(c, admin, {{"url", "http://127.0.0.1:9/x"}, {"event_types", {"payment.received"}}});
    REQUIRE(other->status == 201);
    CHECK(body_json(other)["secret"] != secret);

    // Change: only what is given.
    server.clock().advance(60);
    auto changed = c.Patch("/api/v1/webhooks/" + id, admin, R"({"active": false, "event_types": ["contract.created"]})",
                           "application/json");
    check_described(api, "patch", "/webhooks/{webhook_id}", changed);
    REQUIRE(changed->status == 200);
    const nlohmann::json after = body_json(changed);
    CHECK(after["active"] == false);
    CHECK(after["event_types"] == nlohmann::json::array({"contract.created"}));
    CHECK(after["url"] == body["url"]);
    CHECK(after["updated_at"] == "2026-11-23T10:01:00Z");
    CHECK(body_json(c.Get("/api/v1/webhooks/" + id, admin)) == after);

    // A new secret, shown once; the endpoint is otherwise the same.
    auto rotated = c.Post("/api/v1/webhooks/" + id + "/secret", admin, "", "application/json");
    check_described(api, "post", "/webhooks/{webhook_id}/secret", rotated);
    REQUIRE(rotated->status == 201);
    const std::string new_secret = body_json(rotated)["secret"];
    CHECK(new_secret != secret);
    CHECK(new_secret.rfind("whsec_", 0) == 0);
    CHECK(body_json(rotated)["webhook"]["webhook_id"] == id);
    CHECK(c.Get("/api/v1/webhooks/" + id, admin)->body.find(new_secret) == std::string::npos);

    // An empty delivery log.
    auto log = c.Get("/api/v1/webhooks/" + id + "/deliveries", admin);
    check_described(api, "get", "/webhooks/{webhook_id}/deliveries", log);
    CHECK(body_json(log)["data"].empty());

    // Delete: gone, and a second delete is 404.
    auto deleted = c.Delete("/api/v1/webhooks/" + id, admin);
    check_described(api, "delete", "/webhooks/{webhook_id}", deleted);
    CHECK(deleted->status == 204);
    auto again = c.Delete("/api/v1/webhooks/" + id, admin);
    check_described(api, "delete", "/webhooks/{webhook_id}", again);
    check_problem(again, 404, "webhook_not_found");
    check_problem(c.Get("/api/v1/webhooks/" + id, admin), 404, "webhook_not_found");
    check_described(api, "get", "/webhooks/{webhook_id}", c.Get("/api/v1/webhooks/" + id, admin));
    check_problem(c.Get("/api/v1/webhooks/" + id + "/deliveries", admin), 404, "webhook_not_found");
    check_problem(c.Post("/api/v1/webhooks/" + id + "/secret", admin, "", "application/json"), 404,
                  "webhook_not_found");
    check_problem(c.Patch("/api/v1/webhooks/" + id, admin, R"({"active": true})", "application/json"), 404,
                  "webhook_not_found");
    check_problem(c.Post("/api/v1/webhooks/" + id + "/deliveries/dlv_nope/replay", admin, "", "application/json"), 404,
                  "webhook_not_found");
    CHECK(body_json(c.Get("/api/v1/webhooks", admin))["pagination"]["total"] == 1);
}

TEST_CASE("every change to an endpoint is in the staff audit log; a retried creation makes one endpoint") {
    TestServer server;
    auto c = server.client();
    const auto admin = bearer(create_staff_token(server, "admin", "integrations"));
    const nlohmann::json body = {{"url", "https://radius.example.ma/hooks?token=s3cr3t"},
                                 {"event_types", {"contract.status_changed"}}};

    // The network dropped the answer: the same key again is the same endpoint and secret.
    auto keyed = admin;
    keyed.emplace("Idempotency-Key", "whk-create-0001");
    auto first = create(c, keyed, body);
    REQUIRE(first);
    REQUIRE_MESSAGE(first->status == 201, first->body);
    auto retried = create(c, keyed, body);
    REQUIRE(retried->status == 201);
    CHECK(retried->get_header_value("Idempotent-Replayed") == "true");
    CHECK(body_json(retried) == body_json(first));
    CHECK(retried->get_header_value("Cache-Control") == "no-store");
    CHECK(retried->get_header_value("Location") == first->get_header_value("Location"));
    CHECK(body_json(c.Get("/api/v1/webhooks", admin))["pagination"]["total"] == 1);
    check_problem(create(c, keyed, {{"url", "https://elsewhere.example/x"}, {"event_types", {"invoice.issued"}}}), 422,
                  "idempotency_key_reused");
    const std::string id = body_json(first)["webhook"]["webhook_id"];

    server.clock().advance(60);
    REQUIRE(c.Patch("/api/v1/webhooks/" + id, admin, R"({"url": "https://attacker.example/steal"})", "application/json")
                ->status == 200);
    REQUIRE(c.Post("/api/v1/webhooks/" + id + "/secret", admin, "", "application/json")->status == 201);
    REQUIRE(c.Delete("/api/v1/webhooks/" + id, admin)->status == 204);

    auto audit = c.Get("/api/v1/staff/audit", admin);
    REQUIRE(audit);
    REQUIRE_MESSAGE(audit->status == 200, audit->body);
    CHECK(audit->body.find("s3cr3t") == std::string::npos); // a receiver's token in the query stays out
    CHECK(audit->body.find("whsec_") == std::string::npos);
    std::vector<std::string> seen;
    const nlohmann::json entries = body_json(audit); // kept: a range-for over a temporary's member dangles
    for (const auto& e : entries["data"]) {
        seen.push_back(e["event"].get<std::string>() + " " + e["detail"].get<std::string>());
        CHECK(e["actor"] == "integrations");
    }
    const std::vector<std::string> expected = {
        "webhook_deleted " + id + " https://attacker.example/steal (contract.status_changed)",
        "webhook_secret_rotated " + id + " https://attacker.example/steal (contract.status_changed)",
        "webhook_changed " + id + " https://attacker.example/steal (contract.status_changed)",
        "webhook_created " + id + " https://radius.example.ma/hooks (contract.status_changed)"};
    CHECK(seen == expected); // newest first
}

TEST_CASE("webhook endpoints: bad URLs and event types are problems naming each field; admins only") {
    TestServer server;
    auto c = server.client();
    const OpenApi api = served_description(c);
    const auto admin = bearer(create_staff_token(server, "admin"));

    auto empty = create(c, admin, nlohmann::json::object());
    check_described(api, "post", "/webhooks", empty);
    check_problem(empty, 400, "validation_failed");
    CHECK(error_codes(empty) == std::vector<std::string>{"url:required", "event_types:required"});

    for (const char* url : {"ftp://radius.example.ma/", "radius.example.ma/hook", "https://user:pw@radius.example.ma/",
                            "https://radius.example.ma/#x", "https://radius example.ma/", "http://:80/",
                            "https://radius.example.ma:99999/", "file:///etc/passwd"}) {
        CAPTURE(url);
        auto res = create(c, admin, {{"url", url}, {"event_types", {"invoice.issued"}}});
        check_problem(res, 400, "validation_failed");
        CHECK(error_codes(res) == std::vector<std::string>{"url:invalid_url"});
    }
    auto long_url =
        create(c, admin,
               {{"url", "https://radius.example.ma/" + std::string(2000, 'a')}, {"event_types", {"invoice.issued"}}});
    CHECK(error_codes(long_url) == std::vector<std::string>{"url:too_long"});

    auto types = create(c, admin, {{"url", "https://radius.example.ma/"}, {"event_types", {"invoice.paid"}}});
    CHECK(error_codes(types) == std::vector<std::string>{"event_types:unknown_event_type"});
    auto twice = create(c, admin,
                        {{"url", "https://radius.example.ma/"}, {"event_types", {"invoice.issued", "invoice.issued"}}});
    CHECK(error_codes(twice) == std::vector<std::string>{"event_types:duplicate_event_type"});
    auto shapes = create(c, admin, {{"url", 42}, {"event_types", "invoice.issued"}, {"active", "yes"}});
    CHECK(error_codes(shapes) ==
          std::vector<std::string>{"url:invalid_type", "event_types:invalid_type", "active:invalid_type"});
    auto none = create(c, admin, {{"url", "https://radius.example.ma/"}, {"event_types", nlohmann::json::array()}});
    CHECK(error_codes(none) == std::vector<std::string>{"event_types:required"});
    check_problem(c.Post("/api/v1/webhooks", admin, "{", "application/json"), 400, "malformed_json");
    check_problem(c.Post("/api/v1/webhooks", admin, "[]", "application/json"), 400, "invalid_body");
    CHECK(body_json(c.Get("/api/v1/webhooks", admin))["pagination"]["total"] == 0); // nothing was written

    auto good = create(c, admin, {{"url", "http://127.0.0.1:8080/h"}, {"event_types", {"payment.received"}}});
    REQUIRE(good->status == 201);
    const std::string id = body_json(good)["webhook"]["webhook_id"];
    auto bad_change = c.Patch("/api/v1/webhooks/" + id, admin,
                              R"({"url": "gopher://x", "event_types": [], "active": 1})", "application/json");
    check_described(api, "patch", "/webhooks/{webhook_id}", bad_change);
    check_problem(bad_change, 400, "validation_failed");
    CHECK(error_codes(bad_change) ==
          std::vector<std::string>{"active:invalid_type", "url:invalid_url", "event_types:required"});
    CHECK(body_json(c.Get("/api/v1/webhooks/" + id, admin))["url"] == "http://127.0.0.1:8080/h"); // unchanged

    // Ops and viewers may not see or change them (the secret signs what RADIUS obeys).
    for (const char* role : {"ops", "viewer"}) {
        const auto h = bearer(create_staff_token(server, role, role));
        check_problem(c.Get("/api/v1/webhooks", h), 403, "forbidden_role");
        check_problem(create(c, h, {{"url", "http://127.0.0.1:8080/h"}, {"event_types", {"invoice.issued"}}}), 403,
                      "forbidden_role");
        check_problem(c.Post("/api/v1/webhooks/" + id + "/secret", h, "", "application/json"), 403, "forbidden_role");
    }
    check_problem(c.Get("/api/v1/webhooks"), 401, "authentication_required");
}
