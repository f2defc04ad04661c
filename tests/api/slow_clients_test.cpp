// Clients that send their request slowly on purpose (issue #16, findings 2 and 5): a
// request's head and body each have a deadline for the whole of it, one address holds a
// bounded number of connections, and SIGTERM does not wait for anyone who is still
// dripping a request. Real sockets on loopback; 127.0.0.2 plays another client.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>
#include <vector>

#include "../support/raw_http.h"
#include "../support/server_process.h"
#include "../support/test_server.h"

using namespace isp::test;
using namespace std::chrono_literals;

namespace {

using SteadyClock = std::chrono::steady_clock;

double seconds_since(SteadyClock::time_point start) {
    return std::chrono::duration<double>(SteadyClock::now() - start).count();
}

// Sends one byte of `text` at a time, every `every`, until the server closes or `limit`.
double drip_until_closed(int fd, const std::string& text, std::chrono::milliseconds every, double limit) {
    const auto start = SteadyClock::now();
    for (std::size_t i = 0; seconds_since(start) < limit; i = (i + 1) % text.size()) {
        if (::send(fd, &text[i], 1, MSG_NOSIGNAL) <= 0)
            return seconds_since(start);
        pollfd p{fd, POLLIN, 0};
        char buf[512];
        if (::poll(&p, 1, static_cast<int>(every.count())) > 0 && ::recv(fd, buf, sizeof buf, MSG_DONTWAIT) <= 0)
            return seconds_since(start);
    }
    return -1;
}

const std::string endless_head =
    "GET /api/v1/health HTTP/1.1\r\nHost: portal.test\r\nX-Padding: " + std::string(400, 'a');

} // namespace

TEST_CASE("a request head or body sent one byte at a time is cut off at its deadline") {
    TestServer server(true, [](isp::ServerConfig& config) {
        config.request_head_timeout_seconds = 2;
        config.request_body_timeout_seconds = 2;
    });
    // The head: every byte arrives well within the 5 s a single read may wait.
    int fd = connect_loopback(server.port());
    REQUIRE(fd >= 0);
    double took = drip_until_closed(fd, endless_head, 300ms, 10);
    ::close(fd);
    MESSAGE("dripped head cut after " << took << " s (deadline 2 s)");
    CHECK(took >= 1.5);
    CHECK(took < 4.0);

    // The body: the head is complete, the announced 1,000 bytes come one at a time.
    fd = connect_loopback(server.port());
    REQUIRE(fd >= 0);
    const std::string head = "POST /api/v1/landing/drafts HTTP/1.1\r\nHost: portal.test\r\n"
                             "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n";
    REQUIRE(::send(fd, head.data(), head.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(head.size()));
    took = drip_until_closed(fd, "{\"form\":{}}   ", 300ms, 10);
    ::close(fd);
    MESSAGE("dripped body cut after " << took << " s (deadline 2 s)");
    CHECK(took >= 1.5);
    CHECK(took < 4.0);

    auto res = server.client().Get("/api/v1/health");
    REQUIRE(res);
    CHECK(res->status == 200);
}

TEST_CASE("2,000 dripping connections from one address do not stop another address being served") {
    TestServer server; // default limits: 128 connections per address, 10 s for a head
    const int port = server.port();

    // The attacker: 2,000 connections from 127.0.0.1, opened without waiting, each then
    // sending its head one byte a second.
    std::vector<int> attackers;
    for (int i = 0; i < 2000; ++i) {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
        REQUIRE(fd >= 0);
        sockaddr_in to{};
        to.sin_family = AF_INET;
        to.sin_port = htons(static_cast<uint16_t>(port));
        to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to);
        attackers.push_back(fd);
    }
    std::atomic<bool> done{false};
    std::atomic<int> refused_with_429{0}, still_open{0};
    std::thread drip([&] {
        std::vector<bool> open(attackers.size(), true);
        for (std::size_t byte = 0; !done; ++byte) {
            int open_now = 0;
            for (std::size_t i = 0; i < attackers.size(); ++i) {
                if (!open[i])
                    continue;
                char buf[1024];
                const ssize_t n = ::recv(attackers[i], buf, sizeof buf, MSG_DONTWAIT);
                const bool nothing_yet = n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == ENOTCONN);
                if (!nothing_yet) { // an answer, the end, or a reset: the server is done with it
                    if (n > 0 && std::string_view(buf, static_cast<std::size_t>(n)).rfind("HTTP/1.1 429", 0) == 0)
                        ++refused_with_429;
                    open[i] = false;
                    continue;
                }
                ::send(attackers[i], &endless_head[byte % endless_head.size()], 1, MSG_NOSIGNAL | MSG_DONTWAIT);
                ++open_now;
            }
            still_open = open_now;
            for (int k = 0; k < 10 && !done; ++k)
                std::this_thread::sleep_for(100ms);
        }
    });
    std::this_thread::sleep_for(1500ms); // every attacker is connected and dripping

    // Another client: 200 health checks from 127.0.0.2, one after another.
    std::vector<double> millis;
    int answered = 0;
    for (int i = 0; i < 200; ++i) {
        const auto start = SteadyClock::now();
        const std::string response = raw_exchange(
            port, "GET /api/v1/health HTTP/1.1\r\nHost: portal.test\r\nConnection: close\r\n\r\n", 10, "127.0.0.2");
        millis.push_back(seconds_since(start) * 1000);
        answered += raw_status(response) == 200;
    }
    // Connections the kernel completed after the listen queue had room are answered too;
    // within the head deadline, at most 128 stay open (--max-connections-per-address).
    const auto start = SteadyClock::now();
    while (still_open.load() > 128 && seconds_since(start) < 7)
        std::this_thread::sleep_for(100ms);
    done = true;
    drip.join();
    for (int fd : attackers)
        ::close(fd);

    std::sort(millis.begin(), millis.end());
    MESSAGE("200 health checks from 127.0.0.2 beside 2,000 dripping connections from 127.0.0.1: "
            << answered << " answered 200; p50 " << millis[100] << " ms, p99 " << millis[197] << " ms, max "
            << millis.back() << " ms; attacker connections still open " << still_open.load() << ", refused with 429 "
            << refused_with_429.load());
    CHECK(answered == 200);
    CHECK(still_open.load() <= 128); // --max-connections-per-address
    CHECK(refused_with_429.load() > 0);
    CHECK(millis[197] < 1000);
}

TEST_CASE("SIGTERM ends at once though clients are still dripping requests") {
    const std::string dir = std::filesystem::temp_directory_path() / ("isp-sigterm-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    ServerProcess server(dir + "/portal.db", dir + "/server.out", {"--demo"});
    std::vector<int> drippers;
    for (int i = 0; i < 3; ++i) {
        const int fd = connect_loopback(server.port());
        REQUIRE(fd >= 0);
        drippers.push_back(fd);
    }
    std::atomic<bool> done{false};
    std::thread drip([&] {
        for (std::size_t byte = 0; !done; ++byte) {
            for (int fd : drippers)
                ::send(fd, &endless_head[byte % endless_head.size()], 1, MSG_NOSIGNAL | MSG_DONTWAIT);
            std::this_thread::sleep_for(200ms);
        }
    });
    std::this_thread::sleep_for(1s);
    const auto start = SteadyClock::now();
    const int status = server.terminate_and_wait(10);
    const double took = seconds_since(start);
    done = true;
    drip.join();
    for (int fd : drippers)
        ::close(fd);
    MESSAGE("SIGTERM with 3 dripping clients: exited " << status << " after " << took << " s");
    CHECK(status == 0);
    CHECK(took < 2.0);
    std::filesystem::remove_all(dir);
}
