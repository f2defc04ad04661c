#include "tests/support/smtp_sink.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <thread>

#include "tests/support/test_certificate.h"

#ifndef ISP_SOURCE_DIR
#error "ISP_SOURCE_DIR must name the repository (the sink's script is read from there)"
#endif

namespace isp::test {

int free_loopback_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0)
        throw std::runtime_error("no free loopback port");
    ::close(fd);
    return ntohs(addr.sin_port);
}

SmtpSink::SmtpSink(const std::string& dir, Options options) {
    const TestCertificate certificate = make_test_certificate(dir, "smtp", "smtp.test");
    cert_path_ = certificate.cert_path;
    out_path_ = dir + "/smtp-messages.jsonl";
    std::ofstream(out_path_).close();
    port_ = free_loopback_port();
    std::vector<std::string> args = {"/usr/bin/python3",
                                     ISP_SOURCE_DIR "/tests/support/smtp_sink.py",
                                     "--port",
                                     std::to_string(port_),
                                     "--cert",
                                     certificate.cert_path,
                                     "--key",
                                     certificate.key_path,
                                     "--out",
                                     out_path_};
    if (!options.user.empty())
        args.insert(args.end(), {"--user", options.user, "--password", options.password});
    for (const std::string& r : options.reject)
        args.insert(args.end(), {"--reject", r});
    const std::string ready_path = out_path_ + ".ready";
    args.insert(args.end(), {"--ready", ready_path});
    pid_ = ::fork();
    if (pid_ == 0) {
        // Nothing of the test process's: its sockets and pipes stay its own.
        ::close_range(3, ~0U, 0);
        std::vector<char*> argv;
        for (std::string& a : args)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        ::execv(argv[0], argv.data());
        _exit(127);
    }
    // The file appears once the relay listens (aiosmtpd's start() waits for that).
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (!std::filesystem::exists(ready_path)) {
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_ || std::chrono::steady_clock::now() > deadline) {
            pid_ = -1;
            throw std::runtime_error("the SMTP sink did not start (is python3-aiosmtpd installed?)");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

SmtpSink::~SmtpSink() {
    if (pid_ > 0) {
        ::kill(pid_, SIGTERM);
        int status = 0;
        for (int i = 0; i < 50 && ::waitpid(pid_, &status, WNOHANG) == 0; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        if (::waitpid(pid_, &status, WNOHANG) == 0) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, &status, 0);
        }
    }
}

std::vector<nlohmann::json> SmtpSink::messages() const {
    std::vector<nlohmann::json> out;
    std::ifstream in(out_path_);
    std::string line;
    while (std::getline(in, line))
        if (!line.empty())
            out.push_back(nlohmann::json::parse(line));
    return out;
}

std::vector<nlohmann::json> SmtpSink::wait_for(std::size_t count, double seconds) const {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    for (;;) {
        auto got = messages();
        if (got.size() >= count || std::chrono::steady_clock::now() > deadline)
            return got;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

} // namespace isp::test
