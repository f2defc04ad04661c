#include <doctest/doctest.h>

#include "../support/test_server.h"

using namespace isp::test;

namespace {

nlohmann::json subscribe(httplib::Client& c, const std::string& cin, const std::string& line) {
    const nlohmann::json body = {{"offer_id", "ofr_internet_fibre100"},
                                 {"cin", cin},
                                 {"first_name", "Karim"},
                                 {"last_name", "Alaoui"},
                                 {"phone", "0611111111"},
                                 {"email", "karim@example.ma"},
                                 {"address", "1, rue Atlas, Marrakech"},
                                 {"service_identifier", line},
                                 {"contract_start_date", "2026-11-23"},
                                 {"commitment_months", 12}};
    auto res = c.Post("/api/v1/landing/submit/new", {{"Idempotency-Key", new_key()}}, body.dump(), "application/json");
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 201, res->body);
    return nlohmann::json::parse(res->body);
}

std::string token_of(const std::string& url) {
    return url.substr(url.find("token=") + 6);
}

} // namespace

TEST_CASE("a document link opens its own document only, and only until it expires") {
    TestServer server;
    auto c = server.client();
    const auto a = subscribe(c, "PQ100200", "FTTH-A00001");
    const auto b = subscribe(c, "RS300400", "FTTH-B00002");
    const std::string url_a = a["document_download_url"], url_b = b["document_download_url"];
    CHECK(c.Get(url_a)->status == 200);

    // B's token on A's document.
    const std::string a_with_b =
        "/api/v1/landing/contracts/" + a["contract_id"].get<std::string>() + "/document?token=" + token_of(url_b);
    auto cross = c.Get(a_with_b);
    REQUIRE(cross);
    CHECK(cross->status == 404);
    CHECK(body_json(cross)["code"] == "document_link_invalid");

    // Forged, truncated, empty and garbage tokens.
    std::string forged = token_of(url_a);
    forged.back() = forged.back() == 'A' ? 'B' : 'A';
    const std::string base = "/api/v1/landing/contracts/" + a["contract_id"].get<std::string>() + "/document?token=";
    CHECK(c.Get(base + forged)->status == 404);
    CHECK(c.Get(base + token_of(url_a).substr(0, 20))->status == 404);
    CHECK(c.Get(base + "1.99999999999.x")->status == 404);
    CHECK(c.Get(base + "2." + token_of(url_a).substr(2))->status == 404); // another version
    CHECK(c.Get(base)->status == 401);

    // A guessed contract id with a valid token of another contract.
    CHECK(c.Get("/api/v1/landing/contracts/ctr_demo_amina/document?token=" + token_of(url_a))->status == 404);

    // Expiry: 24 hours by default.
    server.clock().advance(24 * 3600 + 1);
    auto expired = c.Get(url_a);
    REQUIRE(expired);
    CHECK(expired->status == 410);
    CHECK(body_json(expired)["code"] == "document_link_expired");
}

TEST_CASE("links survive a restart: the signing key is kept in the database") {
    TestServer server;
    auto c = server.client();
    const auto a = subscribe(c, "TU500600", "FTTH-C00003");
    server.restart();
    auto c2 = server.client();
    CHECK(c2.Get(a["document_download_url"].get<std::string>())->status == 200);
}

TEST_CASE("the same contract version renders to the same bytes") {
    TestServer server;
    auto c = server.client();
    const auto a = subscribe(c, "VW700800", "FTTH-D00004");
    const std::string url = a["document_download_url"];
    const std::string first = c.Get(url)->body;
    server.clock().advance(3600);
    CHECK(c.Get(url)->body == first);
}
