#include "server/http/connections.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <fcntl.h>
#include <netinet/in.h>
#include <optional>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

#include "server/http/access_log.h"
#include "server/http/request_id.h"
#include "server/http/tls.h"
#include "server/observability/metrics.h"

namespace isp::http {
namespace {

using SteadyClock = std::chrono::steady_clock;

// What every stream of ours can be told by the request being handled on its thread.
class GuardedStream : public httplib::Stream {
public:
    bool body_skipped() const { return skip_body_; }
    void skip_body() { skip_body_ = true; }

protected:
    bool skip_body_ = false;
};

thread_local GuardedStream* current_stream = nullptr;

struct CurrentStream {
    explicit CurrentStream(GuardedStream& s) { current_stream = &s; }
    ~CurrentStream() { current_stream = nullptr; }
};

std::string address_of(const sockaddr_storage& a, int& port) {
    char text[INET6_ADDRSTRLEN] = {};
    port = 0;
    if (a.ss_family == AF_INET) {
        const auto& in = reinterpret_cast<const sockaddr_in&>(a);
        inet_ntop(AF_INET, &in.sin_addr, text, sizeof text);
        port = ntohs(in.sin_port);
    } else if (a.ss_family == AF_INET6) {
        const auto& in6 = reinterpret_cast<const sockaddr_in6&>(a);
        inet_ntop(AF_INET6, &in6.sin6_addr, text, sizeof text);
        port = ntohs(in6.sin6_port);
    }
    return text;
}

std::string peer_of(int sock, int& port) {
    sockaddr_storage a{};
    socklen_t len = sizeof a;
    if (getpeername(sock, reinterpret_cast<sockaddr*>(&a), &len) != 0) {
        port = 0;
        return {};
    }
    return address_of(a, port);
}

std::string local_of(int sock, int& port) {
    sockaddr_storage a{};
    socklen_t len = sizeof a;
    if (getsockname(sock, reinterpret_cast<sockaddr*>(&a), &len) != 0) {
        port = 0;
        return {};
    }
    return address_of(a, port);
}

int millis_until(SteadyClock::time_point deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - SteadyClock::now()).count();
    return static_cast<int>(std::clamp<long long>(left, 0, 24LL * 3600 * 1000));
}

// A socket read through a buffer (a connection's pipelined requests stay in it), with the
// current phase's deadline and, between requests and during a head, the stop signal. With
// `tls`, its bytes go through that connection's TLS session.
class SocketStream final : public GuardedStream {
public:
    SocketStream(int sock, int stop_fd, int io_seconds, TlsSession* tls)
        : sock_(sock), stop_fd_(stop_fd), io_ms_(io_seconds * 1000), tls_(tls) {}

    // Waits for the next request's first bytes: false when the connection stays idle for
    // `idle_seconds`, or (`watch_stop`) the server stops.
    bool wait_next_request(int idle_seconds, bool watch_stop) {
        if (is_readable())
            return true;
        return poll_read(SteadyClock::now() + std::chrono::seconds(idle_seconds), watch_stop) > 0;
    }

    void begin_head(SteadyClock::time_point deadline) {
        deadline_ = deadline;
        watch_stop_ = true;
        skip_body_ = false;
    }
    void begin_body(SteadyClock::time_point deadline) {
        deadline_ = deadline;
        watch_stop_ = false;
    }

    bool is_readable() const override { return offset_ < size_ || (tls_ && tls_->has_pending()); }
    bool wait_readable() const override { return is_readable() || poll_read(deadline_, watch_stop_) > 0; }
    bool wait_writable() const override {
        pollfd p{sock_, POLLOUT, 0};
        return ::poll(&p, 1, io_ms_) > 0 && !(p.revents & (POLLERR | POLLNVAL));
    }

    ssize_t read(char* ptr, size_t size) override {
        if (skip_body_)
            return 0;
        if (offset_ == size_) {
            const ssize_t n = fill();
            if (n <= 0)
                return n;
        }
        const std::size_t n = std::min(size, size_ - offset_);
        std::copy_n(buffer_ + offset_, n, ptr);
        offset_ += n;
        return static_cast<ssize_t>(n);
    }

    ssize_t write(const char* ptr, size_t size) override {
        if (tls_)
            return tls_->send(ptr, size, io_ms_);
        if (!wait_writable())
            return -1;
        return ::send(sock_, ptr, size, MSG_NOSIGNAL);
    }

    void get_remote_ip_and_port(std::string& ip, int& port) const override { ip = peer_of(sock_, port); }
    void get_local_ip_and_port(std::string& ip, int& port) const override { ip = local_of(sock_, port); }
    socket_t socket() const override { return sock_; }
    time_t duration() const override {
        return std::chrono::duration_cast<std::chrono::milliseconds>(SteadyClock::now() - start_).count();
    }

private:
    // Refills the empty buffer: >0 bytes, 0 the client closed (or the server stops), -1 an
    // error or the deadline.
    ssize_t fill() {
        for (;;) {
            if (!(tls_ && tls_->has_pending())) {
                const int ready = poll_read(deadline_, watch_stop_);
                if (ready == 0) {
                    error_ = httplib::Error::Timeout;
                    return -1;
                }
                if (ready < 0)
                    return 0; // stopping: as if the client had closed
            }
            const ssize_t n = tls_ ? tls_->receive(buffer_, sizeof buffer_) : ::recv(sock_, buffer_, sizeof buffer_, 0);
            if (n == TlsSession::would_block)
                continue; // part of a TLS record: wait for the rest, still before the deadline
            if (n <= 0) {
                error_ = n == 0 ? httplib::Error::ConnectionClosed : httplib::Error::Read;
                return n;
            }
            offset_ = 0;
            size_ = static_cast<std::size_t>(n);
            return n;
        }
    }

    // >0 readable, 0 deadline (or a single wait's io limit) passed, <0 stopping.
    int poll_read(SteadyClock::time_point deadline, bool watch_stop) const {
        for (;;) {
            pollfd p[2] = {{sock_, POLLIN, 0}, {stop_fd_, POLLIN, 0}};
            const int wait = std::min(millis_until(deadline), io_ms_);
            const int n = ::poll(p, watch_stop ? 2 : 1, wait);
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0)
                return -1;
            // Bytes already sent are a request to answer, stopping or not: dropping them
            // would leave its client not knowing whether it was handled.
            if (p[0].revents & (POLLIN | POLLHUP | POLLERR))
                return 1;
            if (watch_stop && (p[1].revents & POLLIN))
                return -1;
            if (n > 0)
                return 1;
            return 0;
        }
    }

    const int sock_;
    const int stop_fd_;
    const int io_ms_;
    TlsSession* const tls_;
    const SteadyClock::time_point start_ = SteadyClock::now();
    SteadyClock::time_point deadline_ = SteadyClock::now();
    bool watch_stop_ = true;
    char buffer_[4096];
    std::size_t offset_ = 0, size_ = 0;
};

// A connection's bytes in memory: reads them, then the end; keeps what is written.
class MemoryStream final : public GuardedStream {
public:
    explicit MemoryStream(std::string_view in) : in_(in) {}

    std::string out;

    bool is_readable() const override { return !in_.empty(); }
    bool wait_readable() const override { return true; }
    bool wait_writable() const override { return true; }
    ssize_t read(char* ptr, size_t size) override {
        if (skip_body_)
            return 0;
        const std::size_t n = std::min(size, in_.size());
        std::copy_n(in_.data(), n, ptr);
        in_.remove_prefix(n);
        return static_cast<ssize_t>(n);
    }
    ssize_t write(const char* ptr, size_t size) override {
        out.append(ptr, size);
        return static_cast<ssize_t>(size);
    }
    void get_remote_ip_and_port(std::string& ip, int& port) const override {
        ip = "127.0.0.1";
        port = 40000;
    }
    void get_local_ip_and_port(std::string& ip, int& port) const override {
        ip = "127.0.0.1";
        port = 8080;
    }
    socket_t socket() const override { return INVALID_SOCKET; }
    time_t duration() const override { return 0; }

private:
    std::string_view in_;
};

// A request in flight: counted once its head is read, and counted down however its
// handling ends.
class RequestInFlight {
public:
    explicit RequestInFlight(std::atomic<std::int64_t>& count) : count_(count) {}
    RequestInFlight(const RequestInFlight&) = delete;
    RequestInFlight& operator=(const RequestInFlight&) = delete;
    ~RequestInFlight() {
        if (started_)
            count_.fetch_sub(1, std::memory_order_relaxed);
    }
    void start() {
        if (!started_)
            count_.fetch_add(1, std::memory_order_relaxed);
        started_ = true;
    }

private:
    std::atomic<std::int64_t>& count_;
    bool started_ = false;
};

// After an answer given without reading the body: stop sending, then read and drop what
// the client is still sending (briefly), so closing does not reset the connection before
// the client has read the answer.
// Counts a request while it is read and handled.
void close_gracefully(int sock) {
    ::shutdown(sock, SHUT_WR);
    const auto deadline = SteadyClock::now() + std::chrono::seconds(1);
    char sink[4096];
    std::size_t dropped = 0;
    while (dropped < 256 * 1024) {
        pollfd p{sock, POLLIN, 0};
        if (::poll(&p, 1, millis_until(deadline)) <= 0)
            break;
        const ssize_t n = ::recv(sock, sink, sizeof sink, 0);
        if (n <= 0)
            break;
        dropped += static_cast<std::size_t>(n);
    }
}

// Answered before any request is read, so without a route or method; still a problem
// document with its request id, a log line and a count, as every other refusal.
void refuse_busy(int sock, const std::string& peer, bool answer) {
    const auto started = SteadyClock::now();
    const std::string id = new_request_id();
    const std::string body =
        R"({"type":"urn:isp-portal:problem:too_many_connections","title":"Too Many Requests","status":429,)"
        R"("detail":"Too many open connections from your address; retry in a moment.","code":"too_many_connections",)"
        R"("request_id":")" +
        id + "\"}";
    const std::string response = "HTTP/1.1 429 Too Many Requests\r\n"
                                 "Content-Type: application/problem+json\r\n"
                                 "Retry-After: 1\r\n"
                                 "Connection: close\r\n"
                                 "X-Request-Id: " +
                                 id + "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    if (answer)
        (void)!::send(sock, response.data(), response.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    observability::metrics().count_rate_limit_refusal("connections_per_address");
    record_exchange({id, "-", "(no route)", 429, std::chrono::duration<double>(SteadyClock::now() - started).count(),
                     body.size(), peer});
}

} // namespace

ConnectionServer::ConnectionServer(ConnectionLimits limits)
    : limits_(std::move(limits)), stop_fd_(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {}

void ConnectionServer::use_tls(std::shared_ptr<const TlsCertificate> certificate) {
    tls_ = std::move(certificate);
}

ConnectionServer::~ConnectionServer() {
    if (stop_fd_ >= 0)
        ::close(stop_fd_);
}

void ConnectionServer::shut_down() {
    if (!stopping_.exchange(true)) {
        const std::uint64_t one = 1;
        (void)!::write(stop_fd_, &one, sizeof one);
    }
    // Closing the listening socket resets the connections the kernel completed but nobody
    // accepted yet, after their clients may have sent a request: they are accepted and
    // answered first. (A connection completed between the last accept and the close is
    // still reset; new ones after it are refused.) The listening socket is taken from
    // cpp-httplib's loop, whose accept() then fails and ends it.
    const socket_t listener = svr_sock_.exchange(INVALID_SOCKET);
    if (listener == INVALID_SOCKET)
        return;
    ::fcntl(listener, F_SETFL, ::fcntl(listener, F_GETFL) | O_NONBLOCK);
    std::vector<std::thread> drained;
    for (;;) {
        const socket_t sock = ::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
        if (sock == INVALID_SOCKET) {
            if (errno == EINTR)
                continue;
            break;
        }
        drained.emplace_back([this, sock] { process_and_close_socket(sock); });
    }
    ::shutdown(listener, SHUT_RDWR);
    ::close(listener);
    for (std::thread& t : drained)
        t.join();
}

void ConnectionServer::skip_request_body() {
    if (current_stream)
        current_stream->skip_body();
}

bool ConnectionServer::admit(const std::string& address) {
    const auto& exempt = limits_.uncounted_addresses;
    if (std::find(exempt.begin(), exempt.end(), address) != exempt.end())
        return true;
    std::lock_guard lock(mutex_);
    int& open = open_by_address_[address];
    if (open >= limits_.max_per_address)
        return false;
    ++open;
    return true;
}

void ConnectionServer::release(const std::string& address) {
    const auto& exempt = limits_.uncounted_addresses;
    if (std::find(exempt.begin(), exempt.end(), address) != exempt.end())
        return;
    std::lock_guard lock(mutex_);
    const auto it = open_by_address_.find(address);
    if (it != open_by_address_.end() && --it->second <= 0)
        open_by_address_.erase(it);
}

bool ConnectionServer::process_and_close_socket(socket_t sock) {
    int peer_port = 0, local_port = 0;
    const std::string peer = peer_of(sock, peer_port);
    const std::string local = local_of(sock, local_port);
    if (!admit(peer)) {
        // Over TLS the answer would need a handshake first, the very work being refused:
        // the connection is closed unanswered (still logged and counted).
        refuse_busy(sock, peer, /*answer=*/!tls_);
        ::close(sock);
        return true;
    }

    std::optional<TlsSession> tls;
    if (tls_) {
        ::fcntl(sock, F_SETFL, ::fcntl(sock, F_GETFL) | O_NONBLOCK); // reads wait in poll(), with deadlines
        tls.emplace(*tls_, sock);
        if (!tls->handshake(SteadyClock::now() + std::chrono::seconds(limits_.head_seconds))) {
            observability::metrics().count_tls_handshake_failure();
            ::close(sock);
            release(peer);
            return false;
        }
    }
    SocketStream stream(sock, stop_fd_, limits_.io_seconds, tls ? &*tls : nullptr);
    const CurrentStream current(stream);
    bool ok = false;
    for (std::size_t left = keep_alive_max_count_; left > 0; --left) {
        // A new connection's first request is awaited even while stopping: its client
        // cannot tell a connection closed unanswered from one whose request was lost. Later
        // ones are not: an idle connection ends at once.
        const bool first = left == keep_alive_max_count_;
        if (stopping_ && !first)
            break;
        if (!stream.wait_next_request(limits_.keep_alive_seconds, /*watch_stop=*/!first))
            break;
        stream.begin_head(SteadyClock::now() + std::chrono::seconds(limits_.head_seconds));
        bool closed = false;
        RequestInFlight in_flight(in_flight_);
        ok = process_request(stream, peer, peer_port, local, local_port, left == 1 || stopping_, closed,
                             [&](httplib::Request&) {
                                 in_flight.start();
                                 stream.begin_body(SteadyClock::now() + std::chrono::seconds(limits_.body_seconds));
                             });
        if (!ok || closed || stream.body_skipped())
            break;
    }
    if (tls)
        tls->close();
    if (stream.body_skipped())
        close_gracefully(sock);
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
    release(peer);
    return ok;
}

std::string ConnectionServer::handle_bytes(std::string_view bytes) {
    MemoryStream stream(bytes);
    const CurrentStream current(stream);
    while (stream.is_readable()) {
        bool closed = false;
        if (!process_request(stream, "127.0.0.1", 40000, "127.0.0.1", 8080, false, closed, nullptr) || closed ||
            stream.body_skipped())
            break;
    }
    return std::move(stream.out);
}

} // namespace isp::http
