#include "server_process.h"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <thread>

extern char** environ;

namespace isp::test {

using namespace std::chrono_literals;

ServerProcess::ServerProcess(const std::string& db_path, const std::string& out_path,
                             std::vector<std::string> extra_args, const std::string& err_path) {
    std::vector<std::string> args = {PORTAL_SERVER_BINARY,  "--db", db_path, "--port", "0", "--fixed-time",
                                     "2026-11-23T10:00:00Z"};
    args.insert(args.end(), extra_args.begin(), extra_args.end());
    std::vector<char*> argv;
    for (auto& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (!err_path.empty())
        posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    REQUIRE(posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ) == 0);
    posix_spawn_file_actions_destroy(&actions);
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    while (std::chrono::steady_clock::now() < deadline) {
        std::ifstream in(out_path);
        std::string line;
        if (std::getline(in, line) && (line.rfind("listening on http://127.0.0.1:", 0) == 0 ||
                                       line.rfind("listening on https://127.0.0.1:", 0) == 0)) {
            port_ = std::stoi(line.substr(line.rfind(':') + 1));
            return;
        }
        std::this_thread::sleep_for(20ms);
    }
    FAIL("portal-server did not start");
}

ServerProcess::~ServerProcess() {
    if (pid_ > 0 && terminate_and_wait(5) == -1)
        kill_now();
}

int ServerProcess::terminate_and_wait(double seconds) {
    if (pid_ <= 0)
        return -1;
    ::kill(pid_, SIGTERM);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (std::chrono::steady_clock::now() < deadline) {
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        }
        std::this_thread::sleep_for(10ms);
    }
    kill_now();
    return -1;
}

void ServerProcess::kill_now() {
    if (pid_ <= 0)
        return;
    ::kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
}

httplib::Client ServerProcess::client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(300, 0);
    return c;
}

} // namespace isp::test
