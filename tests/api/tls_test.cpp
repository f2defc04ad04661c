// HTTPS on the server's own port (--tls-cert, --tls-key): served with HSTS and Secure
// cookies; a renewed certificate taken on SIGHUP without a restart, a broken one refused;
// plain HTTP redirected from --http-redirect-port; clients that never finish a handshake
// dropped at the head deadline; wrong files refused at start and by config check.
#include <doctest/doctest.h>

#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

#include "../support/raw_http.h"
#include "../support/server_command.h"
#include "../support/server_process.h"
#include "../support/staff_session.h"
#include "../support/test_certificate.h"
#include "../support/test_server.h"

using namespace isp::test;
using namespace std::chrono_literals;

namespace {

// A client that trusts only `ca_path` and checks the server's name, as a browser would.
httplib::Client https_client(int port, const std::string& ca_path) {
    httplib::Client c("https://127.0.0.1:" + std::to_string(port));
    c.set_ca_cert_path(ca_path.c_str());
    c.enable_server_certificate_verification(true);
    c.set_connection_timeout(5);
    c.set_read_timeout(5);
    return c;
}

std::uint64_t handshake_failures(int metrics_port) {
    httplib::Client m("127.0.0.1", metrics_port);
    const auto res = m.Get("/metrics");
    REQUIRE(res);
    const std::string name = "\nportal_tls_handshake_failures_total ";
    const auto at = res->body.find(name);
    REQUIRE(at != std::string::npos);
    return std::stoull(res->body.substr(at + name.size()));
}

// Waits (up to 10 s) until `path` holds `text`.
bool file_gets(const std::string& path, const std::string& text) {
    for (int i = 0; i < 500; ++i) {
        if (read_file(path).find(text) != std::string::npos)
            return true;
        std::this_thread::sleep_for(20ms);
    }
    return false;
}

} // namespace

TEST_CASE("HTTPS: the API, the portal and a staff sign-in over TLS, with HSTS and a Secure cookie") {
    const std::string dir = temp_dir("isp-tls");
    const TestCertificate cert = make_test_certificate(dir, "portal", "portal.test");
    TestServer server(true, [&](isp::ServerConfig& config) {
        quick_staff_config(config);
        config.tls_cert_file = cert.cert_path;
        config.tls_key_file = cert.key_path;
        config.metrics_bind = "127.0.0.1:0";
    });
    httplib::Client c = https_client(server.port(), cert.cert_path);

    const auto health = c.Get("/api/v1/health");
    REQUIRE(health);
    CHECK(health->status == 200);
    CHECK(health->get_header_value("Strict-Transport-Security") == "max-age=31536000");
    const auto portal = c.Get("/");
    REQUIRE(portal);
    CHECK(portal->status == 200);
    CHECK(portal->body.find("<canvas") != std::string::npos);
    const auto bootstrap = c.Get("/api/v1/landing/bootstrap");
    REQUIRE(bootstrap);
    CHECK(bootstrap->status == 200);
    CHECK(bootstrap->body.find("\"offers\"") != std::string::npos);

    // A staff session's cookie is Secure: it never goes back over plain HTTP.
    const std::string admin = create_staff_token(server, "admin");
    const CreatedAccount account = create_account(c, bearer(admin), "nadia@operator.test", {"ops"}, "Nadia Alaoui");
    REQUIRE(set_password(c, account.link_token, good_password)->status == 204);
    CHECK(account.link_url.starts_with("https://127.0.0.1:"));
    const auto signed_in = sign_in(c, "nadia@operator.test", good_password, std::nullopt, std::nullopt,
                                   {{"Origin", "https://127.0.0.1:" + std::to_string(server.port())}});
    REQUIRE(signed_in);
    CHECK(signed_in->status == 200);
    CHECK(staff_set_cookie(signed_in).find("; Secure") != std::string::npos);

    SUBCASE("plain HTTP on the TLS port gets no answer, is counted, and the server goes on") {
        const std::uint64_t before = handshake_failures(server.metrics_port());
        const std::string answer = raw_exchange(server.port(), "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n", 5);
        CHECK(answer.find("HTTP/1.1") == std::string::npos);
        CHECK(handshake_failures(server.metrics_port()) == before + 1);
        const auto again = c.Get("/api/v1/health");
        REQUIRE(again);
        CHECK(again->status == 200);
    }
    SUBCASE("a client that does not trust the certificate refuses it") {
        const TestCertificate other = make_test_certificate(dir, "other", "other.test");
        httplib::Client wary = https_client(server.port(), other.cert_path);
        const auto res = wary.Get("/api/v1/health");
        CHECK(!res);
        CHECK(res.error() == httplib::Error::SSLServerVerification);
    }
}

TEST_CASE("HTTPS: a client that never finishes its handshake is dropped at the head deadline, holding no one") {
    const std::string dir = temp_dir("isp-tls");
    const TestCertificate cert = make_test_certificate(dir, "portal", "portal.test");
    TestServer server(true, [&](isp::ServerConfig& config) {
        config.tls_cert_file = cert.cert_path;
        config.tls_key_file = cert.key_path;
        config.request_head_timeout_seconds = 1;
    });
    // Connected, sending nothing; and one that sends the first bytes of a TLS record only.
    const int silent = connect_loopback(server.port());
    const int partial = connect_loopback(server.port());
    REQUIRE(silent >= 0);
    REQUIRE(partial >= 0);
    REQUIRE(::send(partial, "\x16\x03\x01\x02", 4, MSG_NOSIGNAL) == 4);

    httplib::Client c = https_client(server.port(), cert.cert_path);
    const auto res = c.Get("/api/v1/health");
    REQUIRE(res);
    CHECK(res->status == 200);

    const auto started = std::chrono::steady_clock::now();
    for (const int fd : {silent, partial}) {
        timeval timeout{6, 0};
        ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        char byte;
        CHECK(::recv(fd, &byte, 1, 0) <= 0); // closed by the server (0), not timed out here
        ::close(fd);
    }
    CHECK(std::chrono::steady_clock::now() - started < 5s);
}

TEST_CASE("HTTPS: SIGHUP takes a renewed certificate without a restart; a broken one is refused and the old stays") {
    const std::string dir = temp_dir("isp-tls");
    const TestCertificate first = make_test_certificate(dir, "portal", "first.test");
    std::vector<std::string> args = operator_args();
    args.insert(args.end(), {"--tls-cert", first.cert_path, "--tls-key", first.key_path});
    ServerProcess server(dir + "/portal.db", dir + "/out.txt", args, dir + "/err.txt");
    CHECK(read_file(dir + "/out.txt").find("TLS certificate: /CN=first.test, valid until ") != std::string::npos);
    CHECK(presented_common_name(server.port()) == "first.test");

    // Renewed in place (as certbot's deploy hook copies the files), then SIGHUP.
    const TestCertificate renewed = make_test_certificate(dir, "renewed", "renewed.test");
    REQUIRE(std::rename(renewed.cert_path.c_str(), first.cert_path.c_str()) == 0);
    REQUIRE(std::rename(renewed.key_path.c_str(), first.key_path.c_str()) == 0);
    REQUIRE(::kill(server.pid(), SIGHUP) == 0);
    REQUIRE(file_gets(dir + "/err.txt", "\"message\":\"TLS certificate reloaded\""));
    CHECK(presented_common_name(server.port()) == "renewed.test");
    const auto renewed_answer = https_client(server.port(), first.cert_path).Get("/api/v1/health");
    REQUIRE(renewed_answer); // the renewed certificate, now at the configured path
    CHECK(renewed_answer->status == 200);

    // A key that is not PEM (a half-copied file): refused, said why, the renewed pair stays.
    {
        std::FILE* f = std::fopen(first.key_path.c_str(), "w");
        REQUIRE(f != nullptr);
        std::fputs("-----BEGIN PRIVATE KEY-----\ntruncated\n", f);
        std::fclose(f);
    }
    REQUIRE(::kill(server.pid(), SIGHUP) == 0);
    REQUIRE(file_gets(dir + "/err.txt", "\"message\":\"TLS certificate not reloaded; the one in use stays\""));
    CHECK(read_file(dir + "/err.txt").find("--tls-key " + first.key_path) != std::string::npos);
    CHECK(presented_common_name(server.port()) == "renewed.test");
    CHECK(server.terminate_and_wait(10) == 0);
}

TEST_CASE("HTTPS: --http-redirect-port sends every request to the same path over HTTPS") {
    const std::string dir = temp_dir("isp-tls");
    const TestCertificate cert = make_test_certificate(dir, "portal", "portal.test");
    std::string public_url;
    SUBCASE("to the host the client asked for, on the HTTPS port") {}
    SUBCASE("to --public-url when it is an https:// one") {
        public_url = "https://portal.example.ma/";
    }
    TestServer server(true, [&](isp::ServerConfig& config) {
        config.tls_cert_file = cert.cert_path;
        config.tls_key_file = cert.key_path;
        config.http_redirect_port = 0;
        config.public_url = public_url;
    });
    REQUIRE(server.redirect_port() > 0);
    const std::string expected_base =
        public_url.empty() ? "https://portal.example.ma:" + std::to_string(server.port()) : "https://portal.example.ma";

    httplib::Client plain("127.0.0.1", server.redirect_port());
    const httplib::Headers host{{"Host", "portal.example.ma"}};
    const auto get = plain.Get("/api/v1/landing/offers?lang=en", host);
    REQUIRE(get);
    CHECK(get->status == 308);
    CHECK(get->get_header_value("Location") == expected_base + "/api/v1/landing/offers?lang=en");
    // The method and body are kept by a 308: a POST is not turned into a GET.
    const auto post = plain.Post("/api/v1/landing/drafts", host, "{}", "application/json");
    REQUIRE(post);
    CHECK(post->status == 308);
    CHECK(post->get_header_value("Location") == expected_base + "/api/v1/landing/drafts");
    // The Host is copied into the answer only when it is a host name.
    const std::string forged = raw_exchange(
        server.redirect_port(), "GET / HTTP/1.1\r\nHost: evil.test\"><script>\r\nConnection: close\r\n\r\n");
    if (public_url.empty())
        CHECK(raw_status(forged) == 400);
    else
        CHECK(raw_status(forged) == 308);
    CHECK(forged.find("<script>") == std::string::npos);
    // The redirect listener serves nothing else.
    const auto health = plain.Get("/api/v1/health", host);
    REQUIRE(health);
    CHECK(health->status == 308);
}

TEST_CASE("HTTPS: wrong certificate settings are refused at start and by config check, naming the file") {
    const std::string dir = temp_dir("isp-tls");
    const TestCertificate a = make_test_certificate(dir, "a", "a.test");
    const TestCertificate b = make_test_certificate(dir, "b", "b.test");
    const std::string operator_keys = "--operator-name A --operator-address B --operator-legal-ids C ";

    auto [rc, out] = run_portal_server("--demo --db " + dir + "/x.db --port 0 --tls-cert " + a.cert_path);
    CHECK(rc != 0);
    CHECK(out.find("HTTPS needs both --tls-cert and --tls-key") != std::string::npos);

    std::tie(rc, out) = run_portal_server("--demo --db " + dir + "/x.db --port 0 --http-redirect-port 0");
    CHECK(rc != 0);
    CHECK(out.find("it needs --tls-cert and --tls-key") != std::string::npos);

    std::tie(rc, out) = run_portal_server("--demo --db " + dir + "/x.db --port 0 --tls-cert " + dir +
                                          "/missing.crt --tls-key " + a.key_path);
    CHECK(rc == 1);
    CHECK(out.find("--tls-cert " + dir + "/missing.crt: not a readable PEM certificate chain") != std::string::npos);

    std::tie(rc, out) =
        run_portal_server("config check " + operator_keys + "--tls-cert " + a.cert_path + " --tls-key " + b.key_path);
    CHECK(rc == 2);
    CHECK(out.find("--tls-key " + b.key_path + " is not the key of the certificate in " + a.cert_path) !=
          std::string::npos);

    std::tie(rc, out) =
        run_portal_server("config check " + operator_keys + "--tls-cert " + a.cert_path + " --tls-key " + a.key_path);
    CHECK(rc == 0);
    CHECK(out.find("tls-key = " + a.key_path) != std::string::npos); // a file name, not a secret
}
