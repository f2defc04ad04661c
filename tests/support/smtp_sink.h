// A real SMTP server for the tests (tests/support/smtp_sink.py on python3-aiosmtpd), run as
// a child process on a free loopback port: STARTTLS with a certificate the test made, AUTH
// when a user is given. Every message it accepted, decoded as a mail client would.
#pragma once
#include <sys/types.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace isp::test {

class SmtpSink {
public:
    struct Options {
        std::string user; // empty: no AUTH
        std::string password;
        std::vector<std::string> reject; // recipients refused with 550
    };
    // Makes its certificate in `dir` (ca_file() names it for the sender).
    explicit SmtpSink(const std::string& dir, Options options);
    explicit SmtpSink(const std::string& dir) : SmtpSink(dir, Options{}) {}
    ~SmtpSink();
    SmtpSink(const SmtpSink&) = delete;
    SmtpSink& operator=(const SmtpSink&) = delete;

    std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }
    const std::string& ca_file() const { return cert_path_; }
    int port() const { return port_; }

    // The messages received so far, oldest first: one JSON object each (smtp_sink.py says
    // which fields).
    std::vector<nlohmann::json> messages() const;
    // Waits up to `seconds` until at least `count` messages arrived; what arrived by then.
    std::vector<nlohmann::json> wait_for(std::size_t count, double seconds) const;

private:
    pid_t pid_ = -1;
    int port_ = 0;
    std::string cert_path_;
    std::string out_path_;
};

// A loopback TCP port nothing listens on right now.
int free_loopback_port();

} // namespace isp::test
