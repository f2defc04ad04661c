// The staff catalog (issue #4, process map P1-P2): offers CRUD, grouping, roles, guardrails.
#include <doctest/doctest.h>

#include <set>

#include "../support/test_server.h"

using namespace isp::test;

namespace {

nlohmann::json valid_offer() {
    return {{"family", "internet"},
            {"name", "Fibre 1 Giga"},
            {"description", "Symmetric gigabit fibre."},
            {"monthly_price", {{"amount_minor", 59900}, {"currency", "MAD"}}},
            {"tax_rate_bp", 2000},
            {"commitment_months", 12},
            {"active", true}};
}

httplib::Result post_offer(httplib::Client& c, const std::string& token, const nlohmann::json& body) {
    return c.Post("/api/v1/offers", bearer(token), body.dump(), "application/json");
}

} // namespace

TEST_CASE("every offer endpoint: no token 401, staff token of either role succeeds") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    const std::string admin = create_staff_token(server, "admin");
    const std::string body = valid_offer().dump();

    CHECK(c.Post("/api/v1/offers", body, "application/json")->status == 401);
    CHECK(c.Get("/api/v1/offers")->status == 401);
    CHECK(c.Get("/api/v1/offers/ofr_mobile_essentiel")->status == 401);
    CHECK(c.Put("/api/v1/offers/ofr_mobile_essentiel", body, "application/json")->status == 401);
    CHECK(c.Delete("/api/v1/offers/ofr_mobile_essentiel")->status == 401);
    CHECK(c.Get("/api/v1/offer-categories")->status == 401);
    CHECK(c.Get("/api/v1/offer-families")->status == 401);
    CHECK(c.Get("/api/v1/offers", {{"X-Actor-Id", "agent"}, {"X-Actor-Roles", "admin"}})->status == 401);
    // Nothing was written by the refused requests.
    CHECK(body_json(c.Get("/api/v1/offers", bearer(admin)))["pagination"]["total"] == 8);

    for (const std::string& token : {ops, admin}) {
        auto created = post_offer(c, token, valid_offer());
        REQUIRE_MESSAGE(created->status == 201, created->body);
        const std::string id = body_json(created)["offer_id"];
        CHECK(id.rfind("ofr_", 0) == 0);
        CHECK(created->get_header_value("Location") == "/api/v1/offers/" + id);
        CHECK(c.Get("/api/v1/offers", bearer(token))->status == 200);
        CHECK(c.Get("/api/v1/offers/" + id, bearer(token))->status == 200);
        CHECK(c.Put("/api/v1/offers/" + id, bearer(token), body, "application/json")->status == 200);
        CHECK(c.Get("/api/v1/offer-categories", bearer(token))->status == 200);
        CHECK(c.Get("/api/v1/offer-families", bearer(token))->status == 200);
        CHECK(c.Delete("/api/v1/offers/" + id, bearer(token))->status == 204);
    }
}

TEST_CASE("create, read, update, delete an offer; the landing catalog follows at once") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    // Warm the bootstrap cache first, so the test shows it is invalidated.
    auto before = body_json(c.Get("/api/v1/landing/bootstrap"));
    CHECK(before["families"][1]["offers"].size() == 3);

    auto created = post_offer(c, ops, valid_offer());
    REQUIRE(created->status == 201);
    const auto offer = body_json(created);
    const std::string id = offer["offer_id"];
    CHECK(offer["name"] == "Fibre 1 Giga");
    CHECK(offer["monthly_price"]["amount_minor"] == 59900);
    CHECK(offer["monthly_price_with_tax"]["amount_minor"] == 71880);
    CHECK(offer["commitment_months"] == 12);

    auto boot = body_json(c.Get("/api/v1/landing/bootstrap"));
    bool listed = false;
    for (const auto& o : boot["families"][1]["offers"])
        listed = listed || o["offer_id"] == id;
    CHECK(listed);

    auto read = c.Get("/api/v1/offers/" + id, bearer(ops));
    CHECK(body_json(read) == offer);

    nlohmann::json changed = valid_offer();
    changed["name"] = "Fibre 1 Giga Pro";
    changed["active"] = false;
    changed.erase("description"); // full update: absent optional fields take their defaults
    auto put = c.Put("/api/v1/offers/" + id, bearer(ops), changed.dump(), "application/json");
    REQUIRE(put->status == 200);
    CHECK(body_json(put)["name"] == "Fibre 1 Giga Pro");
    CHECK(body_json(put)["description"] == "");
    CHECK(body_json(c.Get("/api/v1/offers/" + id, bearer(ops)))["active"] == false);

    // Inactive: gone from the landing catalog, still in the staff grouping.
    boot = body_json(c.Get("/api/v1/landing/bootstrap"));
    for (const auto& o : boot["families"][1]["offers"])
        CHECK(o["offer_id"] != id);
    auto groups = body_json(c.Get("/api/v1/offer-categories", bearer(ops)));
    CHECK(groups == body_json(c.Get("/api/v1/offer-families", bearer(ops))));
    CHECK(groups["total"] == 9);
    CHECK(groups["data"][1]["family"] == "internet");
    CHECK(groups["data"][1]["offer_count"] == 4);
    CHECK(groups["data"][1]["active_count"] == 3);
    CHECK(groups["data"][1]["offers"].size() == 4);

    CHECK(c.Delete("/api/v1/offers/" + id, bearer(ops))->status == 204);
    auto gone = c.Get("/api/v1/offers/" + id, bearer(ops));
    CHECK(gone->status == 404);
    CHECK(body_json(gone)["code"] == "offer_not_found");
    CHECK(body_json(c.Put("/api/v1/offers/" + id, bearer(ops), changed.dump(), "application/json"))["code"] ==
          "offer_not_found");
    CHECK(body_json(c.Delete("/api/v1/offers/" + id, bearer(ops)))["code"] == "offer_not_found");
}

TEST_CASE("offer validation lists every wrong field") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");

    auto expect_fields = [&](nlohmann::json body, std::vector<std::string> fields) {
        auto res = post_offer(c, ops, body);
        REQUIRE(res);
        CHECK_MESSAGE(res->status == 400, res->body);
        CHECK(body_json(res)["code"] == "validation_failed");
        CHECK(error_fields(res) == fields);
    };
    auto with = [](const char* key, nlohmann::json value) {
        auto b = valid_offer();
        b[key] = std::move(value);
        return b;
    };
    expect_fields(with("family", "tv"), {"family"});
    expect_fields(with("family", 3), {"family"});
    expect_fields(with("name", ""), {"name"});
    expect_fields(with("name", std::string(101, 'x')), {"name"});
    CHECK(post_offer(c, ops, with("name", std::string(100, 'x')))->status == 201);
    // 100 characters, more than 100 bytes: counted in characters.
    std::string accents;
    for (int i = 0; i < 100; ++i)
        accents += "\u00e9";
    CHECK(post_offer(c, ops, with("name", accents))->status == 201);
    expect_fields(with("monthly_price", {{"amount_minor", -1}, {"currency", "MAD"}}), {"monthly_price.amount_minor"});
    expect_fields(with("monthly_price", {{"amount_minor", 12.5}, {"currency", "mad"}}),
                  {"monthly_price.amount_minor", "monthly_price.currency"});
    expect_fields(with("monthly_price", {{"amount_minor", 100}, {"currency", "EURO"}}), {"monthly_price.currency"});
    expect_fields(with("monthly_price", 100), {"monthly_price"});
    CHECK(post_offer(c, ops, with("monthly_price", {{"amount_minor", 0}, {"currency", "EUR"}}))->status == 201);
    expect_fields(with("tax_rate_bp", -1), {"tax_rate_bp"});
    expect_fields(with("tax_rate_bp", 10001), {"tax_rate_bp"});
    expect_fields(with("tax_rate_bp", "2000"), {"tax_rate_bp"});
    CHECK(post_offer(c, ops, with("tax_rate_bp", 10000))->status == 201);
    CHECK(post_offer(c, ops, with("tax_rate_bp", 0))->status == 201);
    expect_fields(with("commitment_months", 6), {"commitment_months"});
    CHECK(post_offer(c, ops, with("commitment_months", 24))->status == 201);
    expect_fields(with("active", "yes"), {"active"});
    expect_fields(nlohmann::json::object(), {"family", "name", "monthly_price", "tax_rate_bp"});

    auto malformed = c.Post("/api/v1/offers", bearer(ops), "{", "application/json");
    CHECK(body_json(malformed)["code"] == "malformed_json");
    auto put_bad = c.Put("/api/v1/offers/ofr_mobile_essentiel", bearer(ops), with("tax_rate_bp", 20000).dump(),
                         "application/json");
    CHECK(put_bad->status == 400);
    CHECK(body_json(c.Get("/api/v1/offers/ofr_mobile_essentiel", bearer(ops)))["tax_rate_bp"] == 2000);
}

TEST_CASE("an offer a contract ever used cannot be deleted") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    // Demo client Amina is on Mobile Confort.
    auto blocked = c.Delete("/api/v1/offers/ofr_mobile_confort", bearer(ops));
    CHECK(blocked->status == 409);
    CHECK(body_json(blocked)["code"] == "offer_delete_blocked");

    // After her plan change, Mobile Confort is only in her history: still blocked.
    auto verified = c.Post("/api/v1/landing/clients/verify-cin",
                           R"({"cin": "AB123456", "service_identifier": "06 12 34 56 78"})", "application/json");
    REQUIRE(verified->status == 200);
    const nlohmann::json change = {{"lookup_token", body_json(verified)["lookup_token"]},
                                   {"contract_id", "ctr_demo_amina"},
                                   {"target_offer_id", "ofr_mobile_illimite"},
                                   {"contract_start_date", "2026-12-15"}};
    auto changed = c.Post("/api/v1/landing/submit/plan-change", {{"Idempotency-Key", new_key()}}, change.dump(),
                          "application/json");
    REQUIRE_MESSAGE(changed->status < 300, changed->body);
    CHECK(c.Delete("/api/v1/offers/ofr_mobile_confort", bearer(ops))->status == 409);
    CHECK(c.Delete("/api/v1/offers/ofr_mobile_illimite", bearer(ops))->status == 409);
    CHECK(c.Get("/api/v1/offers/ofr_mobile_confort", bearer(ops))->status == 200);
    // Never used: deletable.
    CHECK(c.Delete("/api/v1/offers/ofr_mobile_essentiel", bearer(ops))->status == 204);
}

TEST_CASE("offer pagination: bounds, totals, a page beyond the last") {
    TestServer server; // 8 demo offers
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    auto page = [&](const std::string& query) { return c.Get("/api/v1/offers" + query, bearer(ops)); };

    auto first = body_json(page(""));
    CHECK(first["data"].size() == 8);
    CHECK(first["pagination"] == nlohmann::json{{"page", 1}, {"per_page", 20}, {"total", 8}, {"total_pages", 1}});

    auto p1 = body_json(page("?per_page=3"));
    auto p3 = body_json(page("?per_page=3&page=3"));
    CHECK(p1["data"].size() == 3);
    CHECK(p3["data"].size() == 2);
    CHECK(p3["pagination"]["total_pages"] == 3);
    std::set<std::string> seen;
    for (int n = 1; n <= 3; ++n) {
        const nlohmann::json body = body_json(page("?per_page=3&page=" + std::to_string(n)));
        for (const auto& o : body["data"])
            seen.insert(o["offer_id"].get<std::string>());
    }
    CHECK(seen.size() == 8);

    auto beyond = page("?page=9&per_page=5");
    REQUIRE(beyond->status == 200);
    CHECK(body_json(beyond)["data"].empty());
    CHECK(body_json(beyond)["pagination"]["total"] == 8);
    CHECK(page("?per_page=100")->status == 200);

    for (const char* bad :
         {"?per_page=0", "?per_page=1000", "?per_page=101", "?page=0", "?page=-1", "?page=x", "?per_page=2x"}) {
        auto res = page(bad);
        CHECK_MESSAGE(res->status == 400, bad);
        CHECK(body_json(res)["code"] == "validation_failed");
    }
    CHECK(error_fields(page("?page=0&per_page=1000")) == std::vector<std::string>{"page", "per_page"});
}
