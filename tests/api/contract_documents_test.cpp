// A signed contract is a record: after a plan change, staff still retrieve every earlier
// version of the contract document, byte for byte what the client downloaded then.
#include <doctest/doctest.h>

#include "../support/openapi_check.h"
#include "../support/test_server.h"

using namespace isp::test;

TEST_CASE("staff retrieve every version of a contract document after a plan change") {
    TestServer server;
    auto c = server.client();
    const auto ops = bearer(create_staff_token(server, "ops"));
    const OpenApi api = served_description(c);

    // Version 1 as Amina downloads it before her plan change.
    auto verified = c.Post("/api/v1/landing/clients/verify-cin",
                           R"({"cin": "AB123456", "service_identifier": "06 12 34 56 78"})", "application/json");
    REQUIRE(verified->status == 200);
    const std::string token = body_json(verified)["lookup_token"];
    auto link = c.Post("/api/v1/landing/contracts/ctr_demo_amina/document-link",
                       nlohmann::json{{"lookup_token", token}}.dump(), "application/json");
    REQUIRE_MESSAGE(link->status == 200, link->body);
    auto signed_v1 = c.Get(body_json(link)["document_download_url"].get<std::string>());
    REQUIRE(signed_v1->status == 200);

    const nlohmann::json change = {{"lookup_token", token},
                                   {"contract_id", "ctr_demo_amina"},
                                   {"target_offer_id", "ofr_mobile_illimite"},
                                   {"contract_start_date", "2026-11-23"}}; // today: made at once
    auto changed = c.Post("/api/v1/landing/submit/plan-change", {{"Idempotency-Key", new_key()}}, change.dump(),
                          "application/json");
    REQUIRE_MESSAGE(changed->status < 300, changed->body);

    auto list = c.Get("/api/v1/contracts/ctr_demo_amina/documents", ops);
    check_described(api, "get", "/contracts/{contract_id}/documents", list);
    REQUIRE(list->status == 200);
    const nlohmann::json versions = body_json(list)["versions"];
    REQUIRE(versions.size() == 2);
    CHECK(versions[0]["version"] == 1);
    CHECK(versions[0]["current"] == false);
    CHECK(versions[1]["version"] == 2);
    CHECK(versions[1]["current"] == true);

    auto v1 = c.Get(versions[0]["document_url"].get<std::string>(), ops);
    check_described(api, "get", "/contracts/{contract_id}/documents/{version}", v1);
    REQUIRE(v1->status == 200);
    CHECK(v1->get_header_value("Content-Type") == "application/pdf");
    CHECK(v1->body == signed_v1->body); // the record, unchanged
    const std::string text1 = pdftotext(v1->body, "contract-amina-v1");
    CHECK(text1.find("Mobile Confort") != std::string::npos);
    CHECK(text1.find("Version 1") != std::string::npos);
    const std::string text2 =
        pdftotext(c.Get("/api/v1/contracts/ctr_demo_amina/documents/2", ops)->body, "contract-amina-v2");
    CHECK(text2.find("Mobile Illimit\u00e9") != std::string::npos);
    CHECK(text2.find("Version 2") != std::string::npos);

    auto missing = c.Get("/api/v1/contracts/ctr_demo_amina/documents/3", ops);
    CHECK(missing->status == 404);
    CHECK(body_json(missing)["code"] == "document_version_not_found");
    check_described(api, "get", "/contracts/{contract_id}/documents/{version}", missing);
    for (const char* bad : {"0", "x", "1x", "-1"}) {
        auto res = c.Get(std::string("/api/v1/contracts/ctr_demo_amina/documents/") + bad, ops);
        CHECK_MESSAGE(res->status == 400, bad);
        CHECK(error_fields(res) == std::vector<std::string>{"version"});
    }
    CHECK(body_json(c.Get("/api/v1/contracts/ctr_nobody/documents", ops))["code"] == "contract_not_found");
    CHECK(body_json(c.Get("/api/v1/contracts/ctr_nobody/documents/1", ops))["code"] == "contract_not_found");
    // Staff only.
    CHECK(c.Get("/api/v1/contracts/ctr_demo_amina/documents")->status == 401);
    CHECK(c.Get("/api/v1/contracts/ctr_demo_amina/documents/1")->status == 401);
    CHECK(c.Get("/api/v1/contracts/ctr_demo_amina/documents/1", bearer(create_staff_token(server, "admin")))->status ==
          200);
}
