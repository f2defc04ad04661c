#include <doctest/doctest.h>

#include "../support/test_server.h"

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
