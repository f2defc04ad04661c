// Documents are records: a contract version keeps the operator, terms and logo it was
// produced with, even after the operator changes them; bad branding files stop the
// server at start with a clear message.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

#include "../support/test_server.h"
#include "server/config/operator_profile.h"

using namespace isp::test;

namespace {

std::string write_file(const std::string& name, const std::string& content) {
    const std::string path = output_dir("api") + "/" + name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
}

// Images drawn: `pdfimages -list` rows of type "image" (a PNG's alpha adds an "smask" row).
int image_count(const std::string& pdf, const std::string& name) {
    const std::string path = output_dir("api") + "/" + name + ".pdf";
    std::ofstream(path, std::ios::binary) << pdf;
    FILE* p = popen(("pdfimages -list '" + path + "' 2>/dev/null").c_str(), "r");
    REQUIRE(p);
    std::string list;
    for (int ch; (ch = std::fgetc(p)) != EOF;)
        list += static_cast<char>(ch);
    pclose(p);
    std::istringstream rows(list);
    int count = 0;
    for (std::string line; std::getline(rows, line);) {
        std::istringstream cells(line);
        std::string page, num, type;
        cells >> page >> num >> type;
        count += type == "image";
    }
    return count;
}

nlohmann::json signup(const std::string& cin, const std::string& line) {
    return {{"offer_id", "ofr_internet_fibre100"},
            {"cin", cin},
            {"first_name", "Ines"},
            {"last_name", "Ouazzani"},
            {"phone", "0661002003"},
            {"email", "ines@example.ma"},
            {"address", "9, rue Oqba, Agdal, Rabat"},
            {"service_identifier", line},
            {"contract_start_date", "2026-12-01"},
            {"commitment_months", 12},
            {"language", "fr"}};
}

std::string contract_pdf(httplib::Client& c, const nlohmann::json& body, std::string* url_out = nullptr) {
    auto res = c.Post("/api/v1/landing/submit/new", {{"Idempotency-Key", new_key()}}, body.dump(), "application/json");
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 201, res->body);
    const std::string url = body_json(res)["document_download_url"];
    if (url_out)
        *url_out = url;
    auto pdf = c.Get(url);
    REQUIRE(pdf);
    REQUIRE(pdf->status == 200);
    return pdf->body;
}

} // namespace

TEST_CASE("a contract version keeps the operator, terms and logo it was produced with") {
    std::string name = "Atlas T\u00e9l\u00e9com";
    std::string terms = write_file("terms-v1.txt", "Article 1 \u2013 TERMES VERSION UN, sign\u00e9s par le client.");
    TestServer server(true, [&](isp::ServerConfig& config) {
        config.operator_profile.name = name;
        config.operator_profile.terms_path = terms;
    });
    auto c = server.client();
    std::string url;
    const std::string first = contract_pdf(c, signup("GH445566", "0522334455"), &url);
    const std::string text = pdftotext(first, "branding-v1");
    CHECK(text.find("TERMES VERSION UN, sign\u00e9s par le client.") != std::string::npos);
    CHECK(text.find("Atlas T\u00e9l\u00e9com") != std::string::npos);
    CHECK(text.find("Service client 0800 00 12 34") != std::string::npos); // the footer
    CHECK(image_count(first, "branding-v1-images") == 1);                  // the demo logo

    // The operator renames itself and rewrites its terms.
    name = "Nouvel Op\u00e9rateur SA";
    terms = write_file("terms-v2.txt", "Article 1 \u2013 TERMES VERSION DEUX.");
    server.restart();
    c = server.client();
    auto again = c.Get(url);
    REQUIRE(again);
    REQUIRE(again->status == 200);
    CHECK(again->body == first); // the signed version, byte for byte

    const std::string second = contract_pdf(c, signup("JK778899", "0522667788"));
    const std::string text2 = pdftotext(second, "branding-v2");
    CHECK(text2.find("TERMES VERSION DEUX.") != std::string::npos);
    CHECK(text2.find("TERMES VERSION UN") == std::string::npos);
    CHECK(text2.find("Nouvel Op\u00e9rateur SA") != std::string::npos);
}

TEST_CASE("branding flags are checked at start: accent, logo and terms files") {
    isp::OperatorProfile p;
    CHECK(isp::load_operator_files(p, false).empty());
    CHECK(p.accent_rgb == 0x0D4A87);
    CHECK(p.logo.empty()); // no demo logo outside --demo
    CHECK(p.terms.empty());

    p.accent = "#C81E1E";
    CHECK(isp::load_operator_files(p, true).empty());
    CHECK(p.accent_rgb == 0xC81E1E);
    CHECK(p.logo.starts_with("\x89PNG")); // the demo logo
    CHECK(!p.terms.empty());              // the demo terms

    for (const char* bad : {"0D4A87", "#0D4A8", "#0D4A87FF", "#GGGGGG", ""}) {
        isp::OperatorProfile q;
        q.accent = bad;
        CHECK(isp::load_operator_files(q, false).find("--operator-accent must be a colour written #RRGGBB") == 0);
    }

    isp::OperatorProfile q;
    q.logo_path = write_file("not-a-logo.gif", "GIF89a....");
    CHECK(isp::load_operator_files(q, false).find("is neither a PNG nor a JPEG file") != std::string::npos);
    q.logo_path = output_dir("api") + "/missing-logo.png";
    CHECK(isp::load_operator_files(q, false).find("--operator-logo: cannot read") == 0);
    q.logo_path = "";
    q.terms_path = write_file("latin1-terms.txt", "Conditions g\xe9n\xe9rales");
    CHECK(isp::load_operator_files(q, false).find("is not UTF-8 text") != std::string::npos);
}

TEST_CASE("terms files are held to well-formed UTF-8: no overlong forms, no encoded surrogates") {
    // Bytes that only look like UTF-8: a decoder that accepts them turns "\xC0\xAE" into
    // '.' and an encoded surrogate into nothing any font or PDF reader can print.
    const std::pair<const char*, std::string> refused[] = {
        {"overlong-terms.txt", "Article 1 \xC0\xAE Objet."},
        {"surrogate-terms.txt", "Article 1 \xED\xA0\x80 Objet."},
    };
    for (const auto& [name, text] : refused) {
        CAPTURE(name);
        isp::OperatorProfile p;
        p.terms_path = write_file(name, text);
        CHECK(isp::load_operator_files(p, false).find("is not UTF-8 text") != std::string::npos);
    }

    isp::OperatorProfile p;
    p.terms_path = write_file("accented-terms.txt", "Article 1 \u2013 Dur\u00e9e, \U0001F4DE.\nArticle 2.");
    CHECK(isp::load_operator_files(p, false).empty());
    CHECK(p.terms == "Article 1 \u2013 Dur\u00e9e, \U0001F4DE.\nArticle 2.");
}

TEST_CASE("the portal's header gets the very logo printed on documents, or none") {
    SUBCASE("the demo logo, named by the bootstrap") {
        TestServer server;
        auto c = server.client();
        const auto bootstrap = body_json(c.Get("/api/v1/landing/bootstrap"));
        REQUIRE(bootstrap["operator"].contains("logo_url"));
        const std::string url = bootstrap["operator"]["logo_url"];
        CHECK(url == "/api/v1/landing/operator-logo");
        auto res = c.Get(url);
        REQUIRE(res);
        CHECK(res->status == 200);
        CHECK(res->get_header_value("Content-Type") == "image/png");
        isp::OperatorProfile demo;
        REQUIRE(isp::load_operator_files(demo, true).empty());
        CHECK(res->body == demo.logo);
        // A returning page revalidates for free.
        auto again = c.Get(url, {{"If-None-Match", res->get_header_value("ETag")}});
        REQUIRE(again);
        CHECK(again->status == 304);
        CHECK(again->body.empty());
    }
    SUBCASE("an operator's JPEG logo") {
        const std::string jpeg = std::string("\xff\xd8\xff\xe0\x00\x10JFIF\x00", 11) + std::string(64, '\x11');
        const std::string path = write_file("operator-logo.jpg", jpeg);
        TestServer server(false, [&](isp::ServerConfig& config) { config.operator_profile.logo_path = path; });
        auto res = server.client().Get("/api/v1/landing/operator-logo");
        REQUIRE(res);
        CHECK(res->status == 200);
        CHECK(res->get_header_value("Content-Type") == "image/jpeg");
        CHECK(res->body == jpeg);
    }
    SUBCASE("no logo: the bootstrap names none and the address says so") {
        TestServer server(false);
        auto c = server.client();
        CHECK_FALSE(body_json(c.Get("/api/v1/landing/bootstrap"))["operator"].contains("logo_url"));
        auto res = c.Get("/api/v1/landing/operator-logo");
        REQUIRE(res);
        CHECK(res->status == 404);
        CHECK(res->get_header_value("Content-Type") == "application/problem+json");
        CHECK(body_json(res)["code"] == "operator_logo_not_found");
    }
}
