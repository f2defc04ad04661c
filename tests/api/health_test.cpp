#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <vector>

#include "../support/test_server.h"

using namespace isp::test;

TEST_CASE("GET /api/v1/health says the service and its database are up") {
    TestServer server;
    auto res = server.client().Get("/api/v1/health");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->get_header_value("Content-Type") == "application/json");
    const auto j = body_json(res);
    CHECK(j["status"] == "ok");
    CHECK(j["database"]["reachable"] == true);
    CHECK(j["database"]["schema_version"].get<int>() >= 1);
    CHECK(j["time"] == "2026-11-23T10:00:00Z");
    CHECK_FALSE(j["version"].get<std::string>().empty());
}

TEST_CASE("the server still answers while many idle connections are held open") {
    TestServer server(true, [](isp::ServerConfig& c) { c.threads = 4; });
    std::vector<int> idle;
    for (int i = 0; i < 64; ++i) {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        REQUIRE(fd >= 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<uint16_t>(server.port()));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
        idle.push_back(fd); // connected, never sends a byte
    }
    auto client = server.client();
    client.set_read_timeout(10, 0);
    const auto start = std::chrono::steady_clock::now();
    auto res = client.Get("/api/v1/health");
    const auto waited = std::chrono::steady_clock::now() - start;
    REQUIRE(res);
    CHECK(res->status == 200);
    // A starved server answers only once an idle connection's 2 s keep-alive wait ends;
    // a healthy one at once (about 12 ms here). The bound is loose for loaded CI machines.
    CHECK(waited < std::chrono::milliseconds(1500));
    MESSAGE("answered in " << std::chrono::duration_cast<std::chrono::milliseconds>(waited).count()
                           << " ms with 64 idle connections open");
    for (int fd : idle)
        ::close(fd);
}
