#include <doctest/doctest.h>

#include <algorithm>

#include "../support/openapi_check.h"
#include "../support/test_server.h"

using namespace isp::test;

namespace {} // namespace

TEST_CASE("real responses match the OpenAPI description") {
    TestServer server;
    auto c = server.client();
    const OpenApi api = served_description(c);

    check_described(api, "get", "/health", c.Get("/api/v1/health"));
    auto boot = c.Get("/api/v1/landing/bootstrap");
    check_described(api, "get", "/landing/bootstrap", boot);
    check_described(api, "get", "/landing/bootstrap",
                    c.Get("/api/v1/landing/bootstrap", {{"If-None-Match", boot->get_header_value("ETag")}}));

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
    auto draft = c.Post("/api/v1/landing/drafts", nlohmann::json{{"form", form}}.dump(), "application/json");
    check_described(api, "post", "/landing/drafts", draft);
    const std::string draft_path = "/api/v1/landing/drafts/" + body_json(draft)["draft_id"].get<std::string>();
    check_described(api, "get", "/landing/drafts/{draft_id}", c.Get(draft_path));
    check_described(api, "put", "/landing/drafts/{draft_id}",
                    c.Put(draft_path, nlohmann::json{{"form", form}}.dump(), "application/json"));
    check_described(api, "get", "/landing/drafts/{draft_id}", c.Get("/api/v1/landing/drafts/drf_nope"));
    check_described(api, "post", "/landing/drafts", c.Post("/api/v1/landing/drafts", "{", "application/json"));

    const httplib::Headers key = {{"Idempotency-Key", new_key()}};
    auto created = c.Post("/api/v1/landing/submit/new", key, form.dump(), "application/json");
    check_described(api, "post", "/landing/submit/new", created);
    check_described(api, "post", "/landing/submit/new",
                    c.Post("/api/v1/landing/submit/new", {{"Idempotency-Key", new_key()}}, form.dump(),
                           "application/json")); // 409: the CIN is now a client's
    check_described(api, "post", "/landing/submit/new",
                    c.Post("/api/v1/landing/submit/new", form.dump(), "application/json")); // 400: no key

    const std::string url = body_json(created)["document_download_url"];
    const std::string id = body_json(created)["contract_id"];
    check_described(api, "get", "/landing/contracts/{contract_id}/document", c.Get(url));
    check_described(api, "get", "/landing/contracts/{contract_id}/document",
                    c.Get("/api/v1/landing/contracts/" + id + "/document?token=1.2.x"));

    // The existing-customer journey (issue #3), on demo client Amina.
    auto verified = c.Post("/api/v1/landing/clients/verify-cin",
                           R"({"cin": "AB123456", "service_identifier": "06 12 34 56 78"})", "application/json");
    check_described(api, "post", "/landing/clients/verify-cin", verified);
    check_described(api, "post", "/landing/clients/verify-cin",
                    c.Post("/api/v1/landing/clients/verify-cin",
                           R"({"cin": "AB123456", "service_identifier": "0600000000"})", "application/json"));
    const std::string token = body_json(verified)["lookup_token"];
    check_described(api, "get", "/landing/clients/{cin}/subscriptions",
                    c.Get("/api/v1/landing/clients/AB123456/subscriptions?lookup_token=" + token));
    check_described(api, "get", "/landing/clients/{cin}/subscriptions",
                    c.Get("/api/v1/landing/clients/AB123456/subscriptions?lookup_token=x"));
    const nlohmann::json change = {{"lookup_token", token},
                                   {"contract_id", "ctr_demo_amina"},
                                   {"target_offer_id", "ofr_mobile_illimite"},
                                   {"contract_start_date", "2026-12-15"}};
    check_described(api, "post", "/landing/submit/plan-change",
                    c.Post("/api/v1/landing/submit/plan-change", {{"Idempotency-Key", new_key()}}, change.dump(),
                           "application/json"));
    check_described(api, "post", "/landing/contracts/{contract_id}/document-link",
                    c.Post("/api/v1/landing/contracts/ctr_demo_amina/document-link",
                           nlohmann::json{{"lookup_token", token}}.dump(), "application/json"));
}

TEST_CASE("the description check fails on a response that does not match") {
    TestServer server;
    auto c = server.client();
    const OpenApi api = served_description(c);
    httplib::Response fake;
    fake.status = 200;
    fake.set_header("Content-Type", "application/json");
    fake.body = R"({"operator": {"name": "x"}, "today": 3, "families": [{"family": "tv"}]})";
    const auto problems = api.check("get", "/landing/bootstrap", fake);
    CHECK(problems.size() >= 4); // currency missing, today not a string, family not in enum, fields missing
    // Every answer is described with its X-Request-Id; a response without one fails.
    const auto headers = api.check_headers("get", "/landing/bootstrap", fake);
    REQUIRE(headers.size() == 1);
    CHECK(headers[0].find("X-Request-Id is missing") != std::string::npos);
    fake.set_header("X-Request-Id", "0123456789abcdef");
    CHECK(api.check_headers("get", "/landing/bootstrap", fake).empty());
    fake.status = 418;
    CHECK(api.check("get", "/landing/bootstrap", fake).size() == 1);
    CHECK(api.check("delete", "/landing/bootstrap", fake).size() == 1);
}

TEST_CASE("staff endpoints (issue #4) match the description, errors included") {
    TestServer server;
    auto c = server.client();
    const OpenApi api = served_description(c);
    const auto admin = bearer(create_staff_token(server, "admin"));
    const auto ops = bearer(create_staff_token(server, "ops"));

    check_described(api, "get", "/me", c.Get("/api/v1/me", ops));
    check_described(api, "get", "/me", c.Get("/api/v1/me"));
    check_described(api, "get", "/admin/ping", c.Get("/api/v1/admin/ping", admin));
    check_described(api, "get", "/admin/ping", c.Get("/api/v1/admin/ping", ops));

    const nlohmann::json offer = {{"family", "landline"},
                                  {"name", "Fixe Pro"},
                                  {"monthly_price", {{"amount_minor", 9900}, {"currency", "MAD"}}},
                                  {"tax_rate_bp", 2000}};
    auto created = c.Post("/api/v1/offers", ops, offer.dump(), "application/json");
    check_described(api, "post", "/offers", created);
    check_described(api, "post", "/offers", c.Post("/api/v1/offers", ops, "{}", "application/json"));
    check_described(api, "post", "/offers", c.Post("/api/v1/offers", offer.dump(), "application/json"));
    const std::string path = "/api/v1/offers/" + body_json(created)["offer_id"].get<std::string>();
    check_described(api, "get", "/offers", c.Get("/api/v1/offers?per_page=5", ops));
    check_described(api, "get", "/offers", c.Get("/api/v1/offers?per_page=0", ops));
    check_described(api, "get", "/offers/{offer_id}", c.Get(path, ops));
    check_described(api, "get", "/offers/{offer_id}", c.Get("/api/v1/offers/ofr_nope", ops));
    check_described(api, "put", "/offers/{offer_id}", c.Put(path, ops, offer.dump(), "application/json"));
    check_described(api, "get", "/offer-categories", c.Get("/api/v1/offer-categories", ops));
    check_described(api, "get", "/offer-families", c.Get("/api/v1/offer-families", ops));
    check_described(api, "delete", "/offers/{offer_id}", c.Delete("/api/v1/offers/ofr_mobile_confort", ops));
    check_described(api, "delete", "/offers/{offer_id}", c.Delete(path, ops));

    // Every staff path says which roles may call it.
    for (const char* p :
         {"/me", "/admin/ping", "/offers", "/offers/{offer_id}", "/offer-categories", "/offer-families"}) {
        auto res = c.Get("/api/v1/openapi.json");
        const auto doc = nlohmann::json::parse(res->body);
        for (const auto& [method, operation] : doc["paths"][p].items())
            CHECK_MESSAGE(operation.contains("x-roles"), p << " " << method);
    }
}

TEST_CASE("every answer in the description carries X-Request-Id, every operation accepts a proxy's") {
    TestServer server;
    auto c = server.client();
    auto res = c.Get("/api/v1/openapi.json");
    REQUIRE(res);
    const auto doc = nlohmann::json::parse(res->body);
    CHECK(doc["components"]["headers"]["RequestId"]["required"] == true);
    CHECK(doc["components"]["parameters"]["RequestId"]["name"] == "X-Request-Id");
    CHECK(doc["components"]["parameters"]["RequestId"]["in"] == "header");
    const nlohmann::json header_ref = {{"$ref", "#/components/headers/RequestId"}};
    const nlohmann::json param_ref = {{"$ref", "#/components/parameters/RequestId"}};
    CHECK(doc["components"]["responses"]["Problem"]["headers"]["X-Request-Id"] == header_ref);
    for (const auto& [path, item] : doc["paths"].items()) {
        INFO(path);
        for (const auto& [method, operation] : item.items()) {
            if (method == "parameters")
                continue;
            const auto params = operation.value("parameters", nlohmann::json::array());
            CHECK(std::find(params.begin(), params.end(), param_ref) != params.end());
            for (const auto& [status, response] : operation["responses"].items()) {
                INFO(method << " " << status);
                if (response.contains("$ref"))
                    CHECK(response["$ref"] == "#/components/responses/Problem");
                else
                    CHECK(response["headers"]["X-Request-Id"] == header_ref);
            }
        }
    }
}
