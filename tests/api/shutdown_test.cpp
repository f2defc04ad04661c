// SIGTERM under load: the server stops accepting, answers every request already sent,
// checkpoints its WAL and exits 0; a request still running after --shutdown-grace is cut
// and said so (docs/operations.md).
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "../support/log_records.h"
#include "../support/server_command.h"
#include "../support/server_process.h"
#include "../support/test_server.h"
#include "server/services/staff_tokens.h"
#include "server/store/database.h"

using namespace isp::test;
using namespace std::chrono_literals;

namespace {

// What a client can tell of one request on a new connection.
enum class Outcome {
    Answered, // a whole response (its Content-Length of body)
    Refused,  // connect() failed: nothing was sent
    Cut,      // sent, then the connection ended (closed or reset) before a whole answer
};

struct Exchange {
    Outcome outcome;
    int status = 0;
    std::string body;
};

Exchange exchange(int port, const std::string& request) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    REQUIRE(fd >= 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return {Outcome::Refused, 0, ""};
    }
    timeval timeout{30, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    std::string in;
    if (::send(fd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size())) {
        char buf[8192];
        ssize_t n;
        while ((n = ::recv(fd, buf, sizeof buf, 0)) > 0)
            in.append(buf, static_cast<std::size_t>(n));
    }
    ::close(fd);
    const auto head_end = in.find("\r\n\r\n");
    const auto length_at = in.find("Content-Length: ");
    if (head_end == std::string::npos || length_at == std::string::npos || length_at > head_end)
        return {Outcome::Cut, 0, ""};
    const std::size_t length = std::stoul(in.substr(length_at + 16));
    if (in.size() < head_end + 4 + length)
        return {Outcome::Cut, 0, ""};
    return {Outcome::Answered, std::stoi(in.substr(9, 3)), in.substr(head_end + 4, length)};
}

std::string post_customer(const std::string& token, int client, int n) {
    char cin[16];
    std::snprintf(cin, sizeof cin, "S%c%06d", 'A' + client, n);
    const std::string body = nlohmann::json{
        {"cin", cin},
        {"first_name", "Salma"},
        {"last_name", "Idrissi"},
        {"phone", "06 11 22 33 44"},
        {"email", "salma@example.ma"},
        {"address", "3, rue Ibn Battouta, Tanger"},
        {"language", "fr"}}.dump();
    return "POST /api/v1/customers HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token +
           "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " + std::to_string(body.size()) +
           "\r\n\r\n" + body;
}

std::string make_database(const std::string& db_path) {
    isp::store::Database db(db_path);
    return isp::services::create_staff_token(db, "load", {isp::services::Role::Ops}, "2026-11-23T10:00:00Z").secret;
}

} // namespace

TEST_CASE("SIGTERM under load: every request sent is answered or its connection refused, exit 0, WAL emptied") {
    const std::string dir = temp_dir("isp-sigterm");
    const std::string db_path = dir + "/portal.db";
    const std::string token = make_database(db_path);
    ServerProcess server(db_path, dir + "/server.out", operator_args(), dir + "/server.err");
    const int port = server.port();

    std::atomic<int> answered{0}, refused{0}, cut{0}, not_created{0};
    std::mutex mutex;
    std::vector<std::string> created;
    std::vector<std::thread> clients;
    for (int i = 0; i < 6; ++i)
        clients.emplace_back([&, i] {
            // Writes and reads, each on a new connection, until the server refuses them.
            for (int n = 0;; ++n) {
                const std::string request =
                    n % 2 ? post_customer(token, i, n)
                          : "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
                const Exchange e = exchange(port, request);
                if (e.outcome == Outcome::Refused) {
                    ++refused;
                    return;
                }
                if (e.outcome == Outcome::Cut) {
                    ++cut;
                    continue;
                }
                ++answered;
                if (n % 2 && e.status == 201) {
                    std::lock_guard lock(mutex);
                    created.push_back(nlohmann::json::parse(e.body)["client_id"]);
                } else if (n % 2) {
                    ++not_created;
                }
            }
        });
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    while (answered < 100 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(5ms);
    REQUIRE(answered >= 100);
    const int status = server.terminate_and_wait(20);
    for (auto& t : clients)
        t.join();
    const std::string out = read_file(dir + "/server.err"); // the log
    CAPTURE(out);
    CHECK(status == 0);
    CHECK(cut == 0);
    CHECK(refused == 6);
    CHECK(not_created == 0);
    // Said in the log (journald keeps stderr), as JSON lines like every other.
    const auto stopping = isp::test::find_log_record(out, "stopping: no new connections");
    REQUIRE(stopping);
    CHECK((*stopping)["signal"] == SIGTERM);
    CHECK((*stopping)["level"] == "info");
    const auto stopped = isp::test::find_log_record(out, "stopped: database checkpointed (WAL emptied)");
    REQUIRE(stopped);
    CHECK((*stopped)["level"] == "info");

    std::error_code ec;
    const auto wal = std::filesystem::file_size(db_path + "-wal", ec);
    CHECK((ec || wal == 0)); // gone, or emptied
    const auto [check_rc, check_out] = run_portal_server("check --db '" + db_path + "'");
    CHECK_MESSAGE(check_rc == 0, check_out);

    // Every write answered 201 is in the file.
    isp::store::Database db(db_path);
    for (const std::string& id : created) {
        const bool found = db.read([&](isp::store::Connection& c) {
            return c.prepare("SELECT 1 FROM clients WHERE client_id = ?1").bind(id).step();
        });
        CHECK_MESSAGE(found, id);
    }
    std::filesystem::remove_all(dir);
}

TEST_CASE("a request still running after --shutdown-grace is cut, said so, and the exit is still 0") {
    const std::string dir = temp_dir("isp-sigterm-grace");
    const std::string db_path = dir + "/portal.db";
    const std::string token = make_database(db_path);
    auto args = operator_args();
    args.insert(args.end(), {"--shutdown-grace", "1"});
    ServerProcess server(db_path, dir + "/server.out", args, dir + "/server.err");

    // A request whose body is still on its way: being read, it counts as running.
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(server.port()));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    const std::string head = "POST /api/v1/customers HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token +
                             "\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"cin\":";
    REQUIRE(::send(fd, head.data(), head.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(head.size()));
    std::this_thread::sleep_for(300ms);

    const auto start = std::chrono::steady_clock::now();
    const int status = server.terminate_and_wait(10);
    const auto took = std::chrono::steady_clock::now() - start;
    ::close(fd);
    const std::string out = read_file(dir + "/server.err"); // the log
    CAPTURE(out);
    CHECK(status == 0);
    CHECK(took >= 900ms);
    CHECK(took < 5s);
    const auto cut = isp::test::find_log_record(out, "stopped with requests still running");
    REQUIRE(cut);
    CHECK((*cut)["level"] == "warn");
    CHECK((*cut)["requests_cut"] == 1);
    CHECK((*cut)["shutdown_grace_seconds"] == 1);
    const auto [check_rc, check_out] = run_portal_server("check --db '" + db_path + "'");
    CHECK_MESSAGE(check_rc == 0, check_out);
    std::filesystem::remove_all(dir);
}
