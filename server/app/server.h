// The whole product behind one object: opens and migrates the database, seeds the demo,
// registers the routes, tunes cpp-httplib, and serves. main() and the API tests both
// use it, so the tests run exactly what ships.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "server/app/config.h"
#include "server/demo/demo_staff.h"

namespace isp {

class Clock;

class Server {
public:
    // `clock` may be null: then a SystemClock, or a FixedClock when config.fixed_time is set.
    explicit Server(ServerConfig config, std::shared_ptr<Clock> clock = nullptr);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Binds the listening socket; returns the port (the chosen one when config.port is 0).
    // With config.metrics_bind, also binds the metrics listener and starts serving it; with
    // config.http_redirect_port, the redirect listener likewise.
    int bind();
    // Serves until stop(); call bind() first. Also starts the scheduler (app/scheduler.h) and
    // the deliverer (app/deliverer.h).
    void serve();
    // Does the scheduled work that is due now (tests, after moving the clock); how many
    // status changes were made.
    int run_due_work();
    // One pass of the deliverer on the calling thread (tests, after moving the clock): the
    // webhook deliveries due now; how many attempts were made.
    int deliver_due();
    // Stops listening and ends idle connections; requests already sent are still answered
    // (serve() returns once they are).
    void stop();
    bool wait_until_ready() const;
    // Requests read and not answered yet (how many a stop that gives up would cut).
    std::int64_t requests_in_flight() const;
    // Empties the database's WAL into its file (a clean stop); false when it could not finish.
    bool checkpoint();

    // The bytes a client sent on one connection, handled on the calling thread by the same
    // request handling as a real connection (parsing, limits, routing, handlers); returns
    // the bytes that would have been written back. For the fuzzers (tests/fuzz/).
    std::string handle_connection_bytes(std::string_view bytes);

    int port() const;
    // The metrics listener's port (the chosen one for ADDR:0); -1 without --metrics-bind.
    int metrics_port() const;
    // The plain-HTTP redirect listener's port; -1 without --http-redirect-port.
    int redirect_port() const;

    // Reads --tls-cert and --tls-key again (SIGHUP): empty on success, else what is wrong
    // (the certificate in use stays).
    std::string reload_tls();
    // The certificate in use in a few words (subject, expiry); empty without TLS.
    std::string tls_certificate() const;
    const ServerConfig& config() const;
    // The demo staff accounts this start created, with their passwords (--demo on an empty
    // database); empty otherwise, a seeded database included.
    const std::vector<demo::DemoStaffSignIn>& demo_staff_sign_ins() const;

private:
    void bind_metrics();
    void bind_redirect();

    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace isp
