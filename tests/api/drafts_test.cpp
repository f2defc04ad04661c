#include <doctest/doctest.h>

#include "../support/test_server.h"

using namespace isp::test;

namespace {
const nlohmann::json partial = {
    {"form", {{"offer_id", "ofr_mobile_confort"}, {"first_name", "Élodie"}, {"cin", "ab12"}}}, {"step", "details"}};
}

TEST_CASE("a draft is saved, restored by its id, and updated") {
    TestServer server;
    auto client = server.client();
    auto created = client.Post("/api/v1/landing/drafts", partial.dump(), "application/json");
    REQUIRE(created);
    CHECK(created->status == 201);
    const auto d = body_json(created);
    const std::string id = d["draft_id"];
    CHECK(id.rfind("drf_", 0) == 0);
    CHECK(id.size() >= 26); // 128 random bits
    CHECK(created->get_header_value("Location") == "/api/v1/landing/drafts/" + id);
    CHECK(d["expires_at"] == "2026-12-23T10:00:00Z");

    // Incomplete and even invalid values are kept as typed: a draft is work in progress.
    const auto got = body_json(client.Get("/api/v1/landing/drafts/" + id));
    CHECK(got["form"]["first_name"] == "Élodie");
    CHECK(got["form"]["cin"] == "ab12");
    CHECK(got["step"] == "details");

    nlohmann::json update = partial;
    update["form"]["last_name"] = "Çakır";
    update["step"] = "review";
    server.clock().advance(3600);
    auto put = client.Put("/api/v1/landing/drafts/" + id, update.dump(), "application/json");
    REQUIRE(put);
    CHECK(put->status == 200);
    const auto after = body_json(client.Get("/api/v1/landing/drafts/" + id));
    CHECK(after["form"]["last_name"] == "Çakır");
    CHECK(after["step"] == "review");
    CHECK(after["updated_at"] == "2026-11-23T11:00:00Z");
    CHECK(after["created_at"] == "2026-11-23T10:00:00Z");
}

TEST_CASE("unknown and expired drafts say so") {
    TestServer server;
    auto client = server.client();
    auto unknown = client.Get("/api/v1/landing/drafts/drf_doesnotexist0000000000000");
    REQUIRE(unknown);
    CHECK(unknown->status == 404);
    CHECK(body_json(unknown)["code"] == "draft_not_found");
    CHECK(unknown->get_header_value("Content-Type") == "application/problem+json");

    const auto d = body_json(client.Post("/api/v1/landing/drafts", partial.dump(), "application/json"));
    server.clock().advance(31 * 86400);
    auto expired = client.Get("/api/v1/landing/drafts/" + d["draft_id"].get<std::string>());
    REQUIRE(expired);
    CHECK(expired->status == 410);
    CHECK(body_json(expired)["code"] == "draft_expired");
    auto put =
        client.Put("/api/v1/landing/drafts/" + d["draft_id"].get<std::string>(), partial.dump(), "application/json");
    CHECK(put->status == 410);
}

TEST_CASE("an oversized or malformed draft is refused, field by field") {
    TestServer server;
    auto client = server.client();
    nlohmann::json bad = partial;
    bad["form"]["address"] = std::string(500, 'x');
    bad["form"]["phone"] = 612345678;
    auto res = client.Post("/api/v1/landing/drafts", bad.dump(), "application/json");
    REQUIRE(res);
    CHECK(res->status == 400);
    const auto p = body_json(res);
    CHECK(p["code"] == "validation_failed");
    std::set<std::string> fields;
    for (const auto& e : p["errors"])
        fields.insert(e["field"].get<std::string>() + ":" + e["code"].get<std::string>());
    CHECK(fields.count("form.address:too_long") == 1);
    CHECK(fields.count("form.phone:invalid_type") == 1);

    auto no_form = client.Post("/api/v1/landing/drafts", R"({"step":"details"})", "application/json");
    CHECK(no_form->status == 400);
    CHECK(body_json(no_form)["errors"][0]["field"] == "form");
}
