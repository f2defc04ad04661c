// The real portal-server binary as a child process, for tests that must signal or kill it
// (SIGTERM, SIGKILL) or limit it as the operating system would (file size).
// stdout goes to a file; the port is read from its first line. SIGTERM (then SIGKILL)
// when dropped.
#pragma once
#include <sys/types.h>

#include <string>
#include <vector>

#include <httplib.h>

namespace isp::test {

// What a server outside --demo must be told to start: the operator's identity.
inline std::vector<std::string> operator_args() {
    return {"--operator-name",      "Op\u00e9rateur de Test SA",
            "--operator-address",   "1, rue des Tests, 10000 Rabat",
            "--operator-legal-ids", "RC 1 \u2013 ICE 000000000000001"};
}

class ServerProcess {
public:
    // Runs PORTAL_SERVER_BINARY --db db_path --port 0 --fixed-time 2026-11-23T10:00:00Z
    // followed by `extra_args`; waits until it listens. Its stdout goes to `out_path`, its
    // stderr (the log) to `err_path`, or to the tests' own stderr when that is empty.
    ServerProcess(const std::string& db_path, const std::string& out_path, std::vector<std::string> extra_args = {},
                  const std::string& err_path = {});
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    void kill_now();
    // Sends SIGTERM and waits up to `seconds` for the exit; the exit status, or -1 when it
    // did not exit in time (then it is killed).
    int terminate_and_wait(double seconds);

    httplib::Client client() const;
    int port() const { return port_; }
    pid_t pid() const { return pid_; }

private:
    pid_t pid_ = -1;
    int port_ = 0;
};

} // namespace isp::test
