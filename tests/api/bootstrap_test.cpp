#include <doctest/doctest.h>

#include "../support/test_server.h"
#include "server/store/database.h"

using namespace isp::test;

TEST_CASE("the landing bootstrap lists demo offers by family and the signup fields") {
    TestServer server;
    const auto j = body_json(server.client().Get("/api/v1/landing/bootstrap"));
    CHECK(j["today"] == "2026-11-23");
    CHECK(j["operator"]["currency"] == "MAD");
    REQUIRE(j["families"].size() == 3);
    CHECK(j["families"][0]["family"] == "mobile");
    CHECK(j["families"][1]["family"] == "internet");
    CHECK(j["families"][2]["family"] == "landline");
    for (const auto& family : j["families"]) {
        CHECK(family["offers"].size() >= 2);
        for (const auto& offer : family["offers"]) {
            CHECK(offer["family"] == family["family"]);
            CHECK(offer["monthly_price"]["amount_minor"].is_number_integer());
            CHECK(offer["monthly_price_with_tax"]["amount_minor"].get<long>() >
                  offer["monthly_price"]["amount_minor"].get<long>());
        }
    }
    std::vector<std::string> fields;
    for (const auto& f : j["signup_fields"])
        fields.push_back(f["field"]);
    CHECK(fields == std::vector<std::string>{"offer_id", "cin", "first_name", "last_name", "phone", "email", "address",
                                             "service_identifier", "contract_start_date"});
    CHECK(j["commitment_options"] == nlohmann::json::array({0, 12, 24}));
}

TEST_CASE("without --demo the catalog is empty, and --demo never reseeds a used database") {
    TestServer empty(false);
    const auto j = body_json(empty.client().Get("/api/v1/landing/bootstrap"));
    for (const auto& family : j["families"])
        CHECK(family["offers"].empty());

    TestServer demo;
    demo.restart();
    const auto again = body_json(demo.client().Get("/api/v1/landing/bootstrap"));
    CHECK(again["families"][0]["offers"].size() == 3);
}

TEST_CASE("the bootstrap answer is revalidated with its ETag and follows the day") {
    TestServer server;
    auto c = server.client();
    auto first = c.Get("/api/v1/landing/bootstrap");
    REQUIRE(first);
    const std::string etag = first->get_header_value("ETag");
    REQUIRE_FALSE(etag.empty());
    auto again = c.Get("/api/v1/landing/bootstrap", {{"If-None-Match", etag}});
    REQUIRE(again);
    CHECK(again->status == 304);
    server.clock().advance(86400);
    auto tomorrow = c.Get("/api/v1/landing/bootstrap", {{"If-None-Match", etag}});
    REQUIRE(tomorrow);
    CHECK(tomorrow->status == 200);
    CHECK(body_json(tomorrow)["today"] == "2026-11-24");
}

TEST_CASE("the catalog generation moves after a committed write to offers only") {
    TestServer server; // a real database file, opened a second time here
    isp::store::Database db(server.db_path());
    using W = isp::store::Database::Watched;
    const auto g0 = db.generation(W::Offers);
    db.write([](isp::store::Connection& c) {
        c.prepare("INSERT INTO sequences (name, value) VALUES ('unrelated', 1)").run();
    });
    CHECK(db.generation(W::Offers) == g0);
    CHECK_THROWS(db.write([](isp::store::Connection& c) {
        c.prepare("UPDATE offers SET name = 'x' WHERE offer_id = 'ofr_mobile_confort'").run();
        throw std::runtime_error("abandon");
    }));
    CHECK(db.generation(W::Offers) == g0);
    db.write([](isp::store::Connection& c) {
        c.prepare("UPDATE offers SET name = 'Mobile Confort+' WHERE offer_id = 'ofr_mobile_confort'").run();
    });
    CHECK(db.generation(W::Offers) == g0 + 1);
}
