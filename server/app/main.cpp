// portal-server: entry point. Parses flags, opens the store, serves until SIGINT/SIGTERM
// (SIGHUP reloads the TLS certificate);
// or runs a subcommand (`token ...`, `staff ...`, `backup`, `check`, `config check`) and exits.
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <exception>
#include <mutex>
#include <pthread.h>
#include <string>
#include <thread>

#include "server/app/backup_command.h"
#include "server/app/config.h"
#include "server/app/server.h"
#include "server/app/staff_command.h"
#include "server/app/token_command.h"
#include "server/config/listen_address.h"
#include "server/demo/demo_staff.h"
#include "server/observability/log.h"

namespace {

// SIGINT, SIGTERM and SIGHUP are blocked in every thread and taken by one that waits for
// them, so stopping and reloading run as ordinary code (a signal handler may do almost
// nothing safely).
sigset_t handled_signals() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    return set;
}

// What the serving, signal and stopping threads tell main(). Static: a thread main() gives
// up on (after the grace period) may still touch it while the process exits.
struct Lifecycle {
    std::mutex mutex;
    std::condition_variable changed;
    bool stop_requested = false;
    int reloads_requested = 0; // SIGHUPs not handled yet
    bool served = false;       // serve() returned
    bool stopped = false;      // stop() returned
    int signal = 0;

    void set(bool Lifecycle::*flag) {
        std::lock_guard lock(mutex);
        this->*flag = true;
        changed.notify_all(); // under the lock: main() may destroy nothing before it is released
    }
};
Lifecycle lifecycle;

// Outside --demo the server prints the operator's identity on every contract and invoice:
// it does not start without it.
bool operator_identity_complete(const isp::ServerConfig& config) {
    if (config.demo)
        return true;
    const auto missing = isp::missing_operator_keys(config.operator_profile);
    if (missing.empty())
        return true;
    std::string keys;
    for (const std::string& key : missing)
        keys += (keys.empty() ? "" : ", ") + key;
    namespace obs = isp::observability;
    obs::log(obs::LogLevel::error,
             {{"message", "not started: missing " + keys +
                              ": the operator's name, address and legal identifiers are printed on every contract "
                              "and invoice. Set them in the config file (" +
                              std::string(isp::default_config_file) +
                              ", or --config FILE), as flags (--operator-name ...) or PORTAL_OPERATOR_* variables; or "
                              "try the product with --demo."}});
    return false;
}

// SIGHUP: a renewed certificate is taken without a restart (certbot's deploy hook, or
// systemctl reload). The outcome is a log line: the pair in use stays when the new one fails.
void reload_tls(isp::Server& server) {
    namespace obs = isp::observability;
    if (!server.config().serves_tls()) {
        obs::log(obs::LogLevel::warn, {{"message", "SIGHUP: nothing to reload (no --tls-cert)"}});
        return;
    }
    if (const std::string error = server.reload_tls(); !error.empty())
        obs::log(obs::LogLevel::error, {{"message", "TLS certificate not reloaded; the one in use stays"},
                                        {"error", error},
                                        {"certificate", server.tls_certificate()}});
    else
        obs::log(obs::LogLevel::info,
                 {{"message", "TLS certificate reloaded"}, {"certificate", server.tls_certificate()}});
}

} // namespace

int main(int argc, char** argv) {
    namespace obs = isp::observability;
    isp::CommandLine cli = isp::parse_command_line(argc, argv);
    if (!cli.run)
        return cli.exit_code;
    if (cli.token)
        return isp::run_token_command(*cli.token, cli.config, stdout, stderr);
    if (cli.staff)
        return isp::run_staff_command(*cli.staff, cli.config, stdout, stderr);
    if (cli.config_check)
        return isp::print_config_check(*cli.config_check, stdout, stderr);
    if (cli.backup)
        return isp::run_backup_command(*cli.backup, cli.config, stdout, stderr);
    if (cli.check_database)
        return isp::run_check_command(cli.config, stdout, stderr);
    if (!operator_identity_complete(cli.config))
        return 2;
    std::signal(SIGPIPE, SIG_IGN);
    const sigset_t signals = handled_signals();
    pthread_sigmask(SIG_BLOCK, &signals, nullptr); // before any thread starts: they inherit it
    try {
        isp::Server server(cli.config);
        const int port = server.bind();
        std::thread([signals] {
            for (;;) {
                int signal = 0;
                sigwait(&signals, &signal);
                if (signal == SIGHUP) {
                    std::lock_guard lock(lifecycle.mutex);
                    ++lifecycle.reloads_requested;
                    lifecycle.changed.notify_all();
                    continue;
                }
                lifecycle.signal = signal;
                lifecycle.set(&Lifecycle::stop_requested);
                return;
            }
        }).detach();
        const char* scheme = cli.config.serves_tls() ? "https" : "http";
        std::printf("listening on %s://%s:%d\n", scheme, cli.config.bind.c_str(), port);
        obs::log(obs::LogLevel::info, {{"message", "listening"},
                                       {"scheme", scheme},
                                       {"bind", cli.config.bind},
                                       {"port", port},
                                       {"demo", cli.config.demo},
                                       {"version", ISP_VERSION}});
        for (const std::string& warning : cli.config_warnings)
            obs::log(obs::LogLevel::warn, {{"message", warning}});
        std::printf("portal: %s://%s:%d/   api: %s://%s:%d/api/v1/health   database: %s%s\n", scheme,
                    cli.config.bind.c_str(), port, scheme, cli.config.bind.c_str(), port, cli.config.db_path.c_str(),
                    cli.config.demo ? " (demo)" : "");
        if (cli.config.serves_tls())
            std::printf("TLS certificate: %s (SIGHUP reloads it)\n", server.tls_certificate().c_str());
        if (server.redirect_port() >= 0)
            std::printf("redirecting http://%s:%d to HTTPS\n", cli.config.bind.c_str(), server.redirect_port());
        if (server.metrics_port() >= 0) {
            const auto metrics = isp::parse_listen_address(cli.config.metrics_bind);
            const bool v6 = metrics->host.find(':') != std::string::npos;
            std::printf("metrics: http://%s%s%s:%d/metrics\n", v6 ? "[" : "", metrics->host.c_str(), v6 ? "]" : "",
                        server.metrics_port());
        }
        for (const auto& sign_in : server.demo_staff_sign_ins())
            std::printf("%s\n", isp::demo::sign_in_line(sign_in).c_str());
        if (cli.config.demo && server.demo_staff_sign_ins().empty())
            std::printf("demo staff accounts: none created, this database was seeded before (their passwords are "
                        "printed only when they are created; portal-server staff reset-password --email E makes a "
                        "new link)\n");
        std::fflush(stdout);
        std::thread serving([&server] {
            server.serve();
            lifecycle.set(&Lifecycle::served);
        });
        std::unique_lock lock(lifecycle.mutex);
        for (;;) {
            lifecycle.changed.wait(
                lock, [] { return lifecycle.stop_requested || lifecycle.served || lifecycle.reloads_requested > 0; });
            if (lifecycle.stop_requested || lifecycle.served)
                break;
            lifecycle.reloads_requested = 0;
            lock.unlock();
            reload_tls(server);
            lock.lock();
        }
        if (lifecycle.stop_requested) {
            // Requests already sent get --shutdown-grace seconds to be answered; then the
            // process exits anyway (0: stopping was asked for), saying how many it cut.
            obs::log(obs::LogLevel::info,
                     {{"message", "stopping: no new connections, answering the requests already sent"},
                      {"signal", lifecycle.signal},
                      {"shutdown_grace_seconds", cli.config.shutdown_grace_seconds}});
            std::thread([&server] {
                server.stop();
                lifecycle.set(&Lifecycle::stopped);
            }).detach();
            const auto deadline =
                std::chrono::steady_clock::now() + std::chrono::seconds(cli.config.shutdown_grace_seconds);
            if (!lifecycle.changed.wait_until(lock, deadline, [] { return lifecycle.served && lifecycle.stopped; })) {
                obs::log(obs::LogLevel::warn,
                         {{"message", "stopped with requests still running after the shutdown grace: they were cut; "
                                      "the database's WAL is kept and applied at the next start"},
                          {"requests_cut", server.requests_in_flight()},
                          {"shutdown_grace_seconds", cli.config.shutdown_grace_seconds}});
                std::fflush(stdout);
                std::fflush(stderr);
                _exit(0);
            }
        }
        lock.unlock();
        serving.join();
        if (server.checkpoint())
            obs::log(obs::LogLevel::info, {{"message", "stopped: database checkpointed (WAL emptied)"}});
        else
            obs::log(obs::LogLevel::warn,
                     {{"message", "stopped: the WAL could not be emptied now; it is applied at the next start"}});
    } catch (const std::exception& e) {
        obs::log(obs::LogLevel::error, {{"message", "not started or stopped on an error"}, {"error", e.what()}});
        return 1;
    }
    return 0;
}
