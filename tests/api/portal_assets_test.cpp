#include <doctest/doctest.h>

#include "../support/test_server.h"

using namespace isp::test;

TEST_CASE("the portal page, script and wasm are served from the binary, compressed when asked") {
    TestServer server;
    auto client = server.client();
    auto page = client.Get("/");
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->get_header_value("Content-Type") == "text/html; charset=utf-8");
    CHECK(page->body.find("portal.js") != std::string::npos);

    auto wasm = client.Get("/portal.wasm");
    REQUIRE(wasm);
    CHECK(wasm->status == 200);
    CHECK(wasm->get_header_value("Content-Type") == "application/wasm");

    // httplib's client decompresses; ask explicitly and read the header.
    client.set_decompress(false);
    auto plain = client.Get("/portal.js", {{"Accept-Encoding", "identity"}});
    REQUIRE(plain);
    CHECK(plain->get_header_value("Content-Encoding").empty());
    // A build without the portal (ISP_BUILD_PORTAL=OFF) serves a stub too small to compress.
    if (plain->body.size() > 4096) {
        auto br = client.Get("/portal.js", {{"Accept-Encoding", "gzip, deflate, br"}});
        REQUIRE(br);
        CHECK(br->get_header_value("Content-Encoding") == "br");
        CHECK(br->body.size() < plain->body.size() / 2);
        auto gz = client.Get("/portal.js", {{"Accept-Encoding", "gzip"}});
        REQUIRE(gz);
        CHECK(gz->get_header_value("Content-Encoding") == "gzip");
        CHECK(gz->body.size() < plain->body.size() / 2);
    }

    const std::string etag = page->get_header_value("ETag");
    REQUIRE_FALSE(etag.empty());
    auto again = client.Get("/", {{"If-None-Match", etag}});
    REQUIRE(again);
    CHECK(again->status == 304);
}
