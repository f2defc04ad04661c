// portal-server: entry point. Parses flags, opens the store, serves until SIGINT/SIGTERM;
// or runs a subcommand (`token ...`, `staff ...`) and exits.
#include <csignal>
#include <cstdio>
#include <exception>
#include <pthread.h>
#include <thread>

#include "server/app/config.h"
#include "server/app/server.h"
#include "server/app/staff_command.h"
#include "server/app/token_command.h"
#include "server/config/listen_address.h"
#include "server/demo/demo_staff.h"

namespace {

// SIGINT and SIGTERM are blocked in every thread and taken by one that waits for them, so
// stopping runs as ordinary code (a signal handler may do almost nothing safely).
sigset_t stop_signals() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    return set;
}

} // namespace

int main(int argc, char** argv) {
    isp::CommandLine cli = isp::parse_command_line(argc, argv);
    if (!cli.run)
        return cli.exit_code;
    if (cli.token)
        return isp::run_token_command(*cli.token, cli.config, stdout, stderr);
    if (cli.staff)
        return isp::run_staff_command(*cli.staff, cli.config, stdout, stderr);
    std::signal(SIGPIPE, SIG_IGN);
    const sigset_t signals = stop_signals();
    pthread_sigmask(SIG_BLOCK, &signals, nullptr); // before any thread starts: they inherit it
    try {
        isp::Server server(cli.config);
        const int port = server.bind();
        std::thread([&server, signals] {
            int signal = 0;
            sigwait(&signals, &signal);
            server.stop();
        }).detach();
        std::printf("listening on http://%s:%d\n", cli.config.bind.c_str(), port);
        std::printf("portal: http://%s:%d/   api: http://%s:%d/api/v1/health   database: %s%s\n",
                    cli.config.bind.c_str(), port, cli.config.bind.c_str(), port, cli.config.db_path.c_str(),
                    cli.config.demo ? " (demo)" : "");
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
        server.serve();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "portal-server: %s\n", e.what());
        return 1;
    }
    return 0;
}
