// The server's connections, each held to deadlines, a few per client address, and ended
// at once on stop. cpp-httplib times out each read on its own, so a client that sends its
// request one byte every few seconds could hold a worker for as long as it kept dripping,
// and some hundred such clients could hold them all; and stop() waited for every one of them.
//
// ConnectionServer is cpp-httplib's Server with its per-connection loop replaced (the
// same request handling, `process_request`, runs each request):
//   - a request's line and headers must all arrive within `head_seconds` of the connection
//     becoming readable, and its body within `body_seconds` of the head;
//   - a client address has at most `max_per_address` open connections (the others get 429
//     at once); trusted proxies, which carry many clients, are not counted;
//   - shut_down() ends every connection that is between requests at once; requests already
//     sent (or being sent) are read, handled and answered, with "Connection: close";
//     connections the kernel accepted are served their first request before the listening
//     socket closes.
// With use_tls(), every connection is TLS (HTTPS): its handshake must complete within
// `head_seconds`, and its reads are held to the same deadlines.
// It also counts the requests in flight (from a read head to the answer), and logs and
// counts the 429s it gives before any request is read (route "(no route)", method "-").
#pragma once
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <httplib.h>

namespace isp::http {

class TlsCertificate;

struct ConnectionLimits {
    int head_seconds = 10;
    int body_seconds = 30;
    int keep_alive_seconds = 2; // idle between two requests on one connection
    int io_seconds = 5;         // longest wait for one read or write
    int max_per_address = 128;
    std::vector<std::string> uncounted_addresses; // trusted proxies
};

class ConnectionServer final : public httplib::Server {
public:
    explicit ConnectionServer(ConnectionLimits limits);
    ~ConnectionServer() override;

    // Serves HTTPS with `certificate` (before listening); reloading it takes effect for the
    // connections accepted after.
    void use_tls(std::shared_ptr<const TlsCertificate> certificate);

    // Ends waiting connections, answers what was already sent, then stops listening; returns
    // once the connections it accepted itself are done (serve() returns once the others are).
    void shut_down();

    // For a handler (or the pre-routing handler) that answers without reading the body the
    // client announced: the body is not read, and the connection is closed after the answer
    // (gracefully, so the client still reads it).
    static void skip_request_body();

    // One connection's bytes in, what would be written back out: the same per-request
    // handling on the calling thread, without a socket (fuzzing).
    std::string handle_bytes(std::string_view bytes);

    // Requests whose head was read and that are not answered yet (portal_http_requests_in_flight,
    // and what a stop that gives up would cut).
    std::int64_t requests_in_flight() const { return in_flight_.load(std::memory_order_relaxed); }

private:
    bool process_and_close_socket(socket_t sock) override;
    bool admit(const std::string& address);
    void release(const std::string& address);

    const ConnectionLimits limits_;
    std::shared_ptr<const TlsCertificate> tls_;
    int stop_fd_ = -1; // an eventfd, readable once shut_down() begins
    std::atomic<bool> stopping_{false};
    std::atomic<std::int64_t> in_flight_{0};
    std::mutex mutex_;
    std::unordered_map<std::string, int> open_by_address_;
};

} // namespace isp::http
