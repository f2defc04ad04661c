// Problem documents follow Accept-Language (the portal sends it with every request):
// what a public endpoint writes in one language only comes back in French or English as
// asked, field errors included; without the header a problem stays as written.
#include <doctest/doctest.h>

#include "../support/test_server.h"

using namespace isp::test;

namespace {

nlohmann::json problem(httplib::Client& c, const std::string& path, const std::string& accept_language, int status) {
    httplib::Headers headers;
    if (!accept_language.empty())
        headers.emplace("Accept-Language", accept_language);
    auto res = c.Get(path, headers);
    REQUIRE(res);
    CHECK_MESSAGE(res->status == status, res->body);
    CHECK(res->get_header_value("Content-Type") == "application/problem+json");
    return body_json(res);
}

const std::string bad_token = "/api/v1/landing/clients/AB123456/subscriptions?lookup_token=cli_demo_amina.1.x";

} // namespace

TEST_CASE("a refused lookup token is explained in the language the browser asks for") {
    TestServer server;
    auto c = server.client();
    const auto fr = problem(c, bad_token, "fr-MA,fr;q=0.9,en;q=0.8", 401);
    CHECK(fr["code"] == "lookup_token_invalid");
    CHECK(fr["detail"] == "Ce jeton de consultation n\u2019est pas valide. V\u00e9rifiez \u00e0 nouveau votre "
                          "identit\u00e9 (CIN et num\u00e9ro de ligne).");
    const auto en = problem(c, bad_token, "en-GB,en;q=0.9", 401);
    CHECK(en["code"] == "lookup_token_invalid");
    CHECK(en["detail"] == "This lookup token is not valid. Verify your identity again (CIN and line number).");
    // The most preferred language we speak wins, whatever its place in the list.
    CHECK(problem(c, bad_token, "de-DE, en;q=0.4, fr;q=0.7", 401)["detail"] == fr["detail"]);
    CHECK(problem(c, bad_token, "de, en;q=0.5", 401)["detail"] == en["detail"]);
    CHECK(problem(c, bad_token, "FR", 401)["detail"] == fr["detail"]);
    // Nothing we speak, or no header: as written.
    CHECK(problem(c, bad_token, "de-DE", 401)["detail"] == en["detail"]);
    CHECK(problem(c, bad_token, "", 401)["detail"] == en["detail"]);
    CHECK(problem(c, bad_token, "fr;q=0", 401)["detail"] == en["detail"]);
}

TEST_CASE("drafts, document links and list parameters answer in French or English alike") {
    TestServer server;
    auto c = server.client();
    const std::string draft = "/api/v1/landing/drafts/drf_doesnotexist";
    CHECK(problem(c, draft, "fr", 404)["detail"] ==
          "Aucun brouillon ne porte cet identifiant. V\u00e9rifiez le lien, ou commencez une nouvelle souscription.");
    CHECK(problem(c, draft, "en", 404)["detail"] ==
          "No draft has this id. Check the link, or start a new subscription.");

    const std::string document = "/api/v1/landing/contracts/ctr_demo_amina/document";
    CHECK(
        problem(c, document, "fr", 401)["detail"] ==
        "Ce lien a besoin de son jeton ; ouvrez le lien depuis le portail tel qu\u2019il a \u00e9t\u00e9 donn\u00e9.");
    CHECK(problem(c, document + "?token=1.x", "fr", 404)["detail"] ==
          "Ce lien de document n\u2019est pas valide. Demandez un nouveau lien depuis le portail.");

    // Field errors too: the invoice list's parameters, checked before the token.
    const auto fr = problem(c, "/api/v1/landing/clients/AB123456/invoices?lookup_token=x&per_page=500", "fr", 400);
    CHECK(fr["detail"] == "Param\u00e8tres de pagination invalides.");
    REQUIRE(fr["errors"].size() == 1);
    CHECK(fr["errors"][0]["field"] == "per_page");
    CHECK(fr["errors"][0]["message"] == "per_page doit \u00eatre un nombre entier de 1 \u00e0 100.");
    const auto en = problem(c, "/api/v1/landing/clients/AB123456/invoices?lookup_token=x&status=late", "en", 400);
    CHECK(en["errors"][0]["message"] == "status must be open, partially_paid, paid or overdue.");
    const auto fr_status =
        problem(c, "/api/v1/landing/clients/AB123456/invoices?lookup_token=x&status=late", "fr", 400);
    CHECK(fr_status["detail"] == "Statut de facture inconnu.");
    CHECK(fr_status["errors"][0]["message"] == "status doit valoir open, partially_paid, paid ou overdue.");
}
