#include "server/http/tls.h"

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <poll.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <ctime>
#include <stdexcept>

namespace isp::http {
namespace {

// OpenSSL's reason for the last failure, emptied from its queue.
std::string last_error() {
    std::string text;
    while (const unsigned long code = ERR_get_error()) {
        char buffer[256];
        ERR_error_string_n(code, buffer, sizeof buffer);
        text = buffer; // the last is the closest to the call that failed
    }
    return text.empty() ? "unknown error" : text;
}

std::shared_ptr<SSL_CTX> load_context(const std::string& cert_file, const std::string& key_file) {
    ERR_clear_error();
    std::shared_ptr<SSL_CTX> context(SSL_CTX_new(TLS_server_method()), SSL_CTX_free);
    if (!context)
        throw std::runtime_error("TLS: cannot create a context: " + last_error());
    SSL_CTX* ctx = context.get();
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    SSL_CTX_set_options(ctx, SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE | SSL_OP_NO_COMPRESSION);
    SSL_CTX_set_mode(ctx, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    // Browsers offer h2 first: this server speaks HTTP/1.1 only.
    SSL_CTX_set_alpn_select_cb(
        ctx,
        [](SSL*, const unsigned char** out, unsigned char* out_len, const unsigned char* in, unsigned int in_len,
           void*) {
            static const unsigned char http11[] = {8, 'h', 't', 't', 'p', '/', '1', '.', '1'};
            unsigned char* selected = nullptr;
            if (SSL_select_next_proto(&selected, out_len, http11, sizeof http11, in, in_len) != OPENSSL_NPN_NEGOTIATED)
                return SSL_TLSEXT_ERR_NOACK;
            *out = selected;
            return SSL_TLSEXT_ERR_OK;
        },
        nullptr);
    // The key first: a certificate loaded after a key that is not its own leaves no key, which
    // the check below names; the other way round OpenSSL reports the mismatch as a bad key.
    if (SSL_CTX_use_PrivateKey_file(ctx, key_file.c_str(), SSL_FILETYPE_PEM) != 1)
        throw std::runtime_error("--tls-key " + key_file + ": not a readable PEM private key without a passphrase (" +
                                 last_error() + ")");
    if (SSL_CTX_use_certificate_chain_file(ctx, cert_file.c_str()) != 1)
        throw std::runtime_error("--tls-cert " + cert_file + ": not a readable PEM certificate chain (" + last_error() +
                                 ")");
    if (SSL_CTX_check_private_key(ctx) != 1)
        throw std::runtime_error("--tls-key " + key_file + " is not the key of the certificate in " + cert_file);
    return context;
}

std::string time_text(const ASN1_TIME* time) {
    std::tm tm{};
    if (!time || ASN1_TIME_to_tm(time, &tm) != 1)
        return "?";
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return text;
}

// Waits until the socket is readable (`read`) or writable, or the deadline passes.
bool wait_socket(int sock, bool read, int millis) {
    pollfd p{sock, static_cast<short>(read ? POLLIN : POLLOUT), 0};
    for (;;) {
        const int n = ::poll(&p, 1, std::max(millis, 0));
        if (n < 0 && errno == EINTR)
            continue;
        return n > 0;
    }
}

int millis_left(TlsSession::Deadline deadline) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
    return static_cast<int>(std::clamp<long long>(left, 0, 24LL * 3600 * 1000));
}

} // namespace

TlsCertificate::TlsCertificate(std::string cert_file, std::string key_file)
    : cert_file_(std::move(cert_file)), key_file_(std::move(key_file)), context_(load_context(cert_file_, key_file_)) {}

TlsCertificate::~TlsCertificate() = default;

std::string TlsCertificate::reload() {
    try {
        auto context = load_context(cert_file_, key_file_);
        std::lock_guard lock(mutex_);
        context_ = std::move(context); // sessions hold their own reference to the old one
        return {};
    } catch (const std::exception& e) {
        return e.what();
    }
}

std::string TlsCertificate::describe() const {
    std::lock_guard lock(mutex_);
    X509* cert = SSL_CTX_get0_certificate(context_.get());
    if (!cert)
        return "no certificate";
    char subject[256] = {};
    X509_NAME_oneline(X509_get_subject_name(cert), subject, sizeof subject);
    return std::string(subject) + ", valid until " + time_text(X509_get0_notAfter(cert));
}

SSL* TlsCertificate::new_session(int sock) const {
    std::lock_guard lock(mutex_);
    SSL* ssl = SSL_new(context_.get()); // takes a reference to the context
    if (ssl)
        SSL_set_fd(ssl, sock);
    return ssl;
}

TlsSession::TlsSession(const TlsCertificate& certificate, int sock)
    : ssl_(certificate.new_session(sock)), sock_(sock) {}

TlsSession::~TlsSession() {
    if (ssl_)
        SSL_free(ssl_);
}

bool TlsSession::handshake(Deadline deadline) {
    if (!ssl_)
        return false;
    for (;;) {
        ERR_clear_error();
        const int result = SSL_accept(ssl_);
        if (result == 1)
            return true;
        const int error = SSL_get_error(ssl_, result);
        if (error != SSL_ERROR_WANT_READ && error != SSL_ERROR_WANT_WRITE)
            return false;
        const int left = millis_left(deadline);
        if (left == 0 || !wait_socket(sock_, error == SSL_ERROR_WANT_READ, left))
            return false;
    }
}

bool TlsSession::has_pending() const {
    return ssl_ && SSL_pending(ssl_) > 0;
}

long TlsSession::receive(char* buffer, std::size_t size) {
    ERR_clear_error();
    const int n = SSL_read(ssl_, buffer, static_cast<int>(std::min<std::size_t>(size, 1 << 30)));
    if (n > 0)
        return n;
    switch (SSL_get_error(ssl_, n)) {
    case SSL_ERROR_WANT_READ: return would_block;
    case SSL_ERROR_WANT_WRITE: // a TLS 1.3 key update to answer: wait briefly for room
        return wait_socket(sock_, false, 1000) ? would_block : -1;
    case SSL_ERROR_ZERO_RETURN: return 0;
    default: return -1;
    }
}

long TlsSession::send(const char* data, std::size_t size, int io_ms) {
    std::size_t sent = 0;
    while (sent < size) {
        ERR_clear_error();
        const int n = SSL_write(ssl_, data + sent, static_cast<int>(std::min<std::size_t>(size - sent, 1 << 30)));
        if (n > 0) {
            sent += static_cast<std::size_t>(n);
            continue;
        }
        const int error = SSL_get_error(ssl_, n);
        if (error != SSL_ERROR_WANT_WRITE && error != SSL_ERROR_WANT_READ)
            return -1;
        if (!wait_socket(sock_, error == SSL_ERROR_WANT_READ, io_ms))
            return -1;
    }
    return static_cast<long>(sent);
}

void TlsSession::close() {
    if (ssl_ && SSL_is_init_finished(ssl_)) {
        ERR_clear_error();
        SSL_shutdown(ssl_); // sends close_notify; the client's is not awaited
    }
}

} // namespace isp::http
