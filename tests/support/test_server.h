// A real portal-server for API tests: a fresh SQLite file in a temp directory, the
// server on an ephemeral loopback port on its own thread, a fixed clock the test can
// move. Started and awaited as cpp-httplib's own tests do.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "server/app/server.h"
#include "server/clock/clock.h"
#include "server/config/server_config.h"

namespace isp::test {

// 2026-11-23T10:00:00Z: the date the tests are written against.
inline constexpr std::int64_t default_now = 1795428000;

class TestServer {
public:
    explicit TestServer(bool demo = true, std::function<void(ServerConfig&)> tweak = {});
    ~TestServer();

    httplib::Client client() const;
    int port() const { return port_; }
    // The metrics listener's port, when the tweak set config.metrics_bind; -1 otherwise.
    int metrics_port() const { return server_->metrics_port(); }
    // The plain-HTTP redirect listener's port, when the tweak set TLS and http_redirect_port.
    int redirect_port() const { return server_->redirect_port(); }
    const std::string& db_path() const { return db_path_; }
    FixedClock& clock() { return *clock_; }
    // What is due on the clock's date now (scheduled status changes, dunning steps), as the
    // server's own scheduler would do it; how many changes and steps were made. The
    // scheduler's own thread runs only at start (unless a test's tweak sets its interval).
    int run_due_work() { return server_->run_due_work(); }
    // One pass of the deliverer on this thread (webhook deliveries due on the clock now), as
    // its own thread does after each commit and every few seconds; how many attempts.
    int deliver_due() { return server_->deliver_due(); }

    // Stops the server (the database file stays) and starts a new one on the same file.
    void restart();
    // The same, with the configuration `tweak` makes from now on.
    void restart_with(std::function<void(ServerConfig&)> tweak);

private:
    void start();

    std::string dir_;
    std::string db_path_;
    bool demo_;
    std::function<void(ServerConfig&)> tweak_;
    std::shared_ptr<FixedClock> clock_;
    std::unique_ptr<Server> server_;
    std::thread thread_;
    int port_ = -1;
};

// Convenience for tests: parse a response body as JSON (fails the test when it is not).
nlohmann::json body_json(const httplib::Result& res);

// A problem's body byte for byte, but for its `request_id` member, which must be the
// response's X-Request-Id: for tests that two answers are exactly the same (each request
// has its own id, which tells nothing about the request).
std::string body_but_request_id(const httplib::Result& res);

// The `field` of each entry of a problem's `errors`, in order.
std::vector<std::string> error_fields(const httplib::Result& res);

// A staff token ("pst_...") with these roles ("admin", "ops", "admin,ops"), made by the
// same code as `portal-server token create`, on the server's database file.
std::string create_staff_token(const TestServer& server, const std::string& roles, const std::string& name = "test");
httplib::Headers bearer(const std::string& token);

// A unique Idempotency-Key.
std::string new_key();

// Saves the PDF under output_dir("api")/<name>.pdf and returns `pdftotext -layout` of it.
std::string pdftotext(const std::string& pdf, const std::string& name);

// A directory for files a person may want to look at after the run.
std::string output_dir(const std::string& sub);

} // namespace isp::test
