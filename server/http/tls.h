// HTTPS on the server's own port (--tls-cert, --tls-key): the certificate chain and private
// key in use, and each connection's TLS session over its socket.
//
// The pair is loaded at start (a wrong file stops the start, naming it) and again on SIGHUP,
// so a renewed certificate is taken without a restart: new connections get the new pair,
// open ones keep the one they began with, and a reload that fails keeps the pair in use.
// TLS 1.2 and 1.3 only, with OpenSSL's default ciphers; no renegotiation (a client could
// make the server work for each one).
#pragma once
#include <chrono>
#include <memory>
#include <mutex>
#include <string>

using SSL = struct ssl_st;
using SSL_CTX = struct ssl_ctx_st;

namespace isp::http {

class TlsCertificate {
public:
    // Throws std::runtime_error naming the file and what is wrong with it.
    TlsCertificate(std::string cert_file, std::string key_file);
    ~TlsCertificate();
    TlsCertificate(const TlsCertificate&) = delete;
    TlsCertificate& operator=(const TlsCertificate&) = delete;

    // Reads both files again. Empty on success; otherwise what is wrong, and the pair in use
    // stays.
    std::string reload();

    // The certificate in use, in a few words (subject, expiry), for the start line and logs.
    std::string describe() const;

    // A server-side session on `sock` with the pair in use (the socket is not changed).
    SSL* new_session(int sock) const;

private:
    std::string cert_file_, key_file_;
    mutable std::mutex mutex_;
    std::shared_ptr<SSL_CTX> context_;
};

// One connection's TLS: the handshake and then reads and writes over a non-blocking socket,
// each waiting no later than a deadline (so a client that sends its records a byte at a
// time is held to the same deadlines as a plain one).
class TlsSession {
public:
    using Deadline = std::chrono::steady_clock::time_point;
    static constexpr long would_block = -2;

    TlsSession(const TlsCertificate& certificate, int sock);
    ~TlsSession();
    TlsSession(const TlsSession&) = delete;
    TlsSession& operator=(const TlsSession&) = delete;

    // False when the client did not complete a handshake by `deadline`, or failed it.
    bool handshake(Deadline deadline);
    // Decrypted bytes already received and not read yet.
    bool has_pending() const;
    // >0 bytes read, 0 the client closed, -1 an error, would_block when the record is not
    // all here yet (wait for the socket to be readable and call again).
    long receive(char* buffer, std::size_t size);
    // Sends all of `size`, waiting up to `io_ms` at a time for the socket; -1 on error.
    long send(const char* data, std::size_t size, int io_ms);
    // Says goodbye (close_notify) without waiting for the client's.
    void close();

private:
    SSL* ssl_;
    int sock_;
};

} // namespace isp::http
