// portal-server: entry point. Parses flags, opens the store, serves until SIGINT/SIGTERM;
// or runs a subcommand (`token ...`) and exits.
#include <csignal>
#include <cstdio>
#include <exception>

#include "server/app/config.h"
#include "server/app/server.h"
#include "server/app/token_command.h"

namespace {
isp::Server* running = nullptr;
extern "C" void on_signal(int) {
    if (running)
        running->stop();
}
} // namespace

int main(int argc, char** argv) {
    isp::CommandLine cli = isp::parse_command_line(argc, argv);
    if (!cli.run)
        return cli.exit_code;
    if (cli.token)
        return isp::run_token_command(*cli.token, cli.config, stdout, stderr);
    try {
        isp::Server server(cli.config);
        const int port = server.bind();
        running = &server;
        std::signal(SIGINT, on_signal);
        std::signal(SIGTERM, on_signal);
        std::signal(SIGPIPE, SIG_IGN);
        std::printf("listening on http://%s:%d\n", cli.config.bind.c_str(), port);
        std::printf("portal: http://%s:%d/   api: http://%s:%d/api/v1/health   database: %s%s\n",
                    cli.config.bind.c_str(), port, cli.config.bind.c_str(), port, cli.config.db_path.c_str(),
                    cli.config.demo ? " (demo)" : "");
        std::fflush(stdout);
        server.serve();
        running = nullptr;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "portal-server: %s\n", e.what());
        return 1;
    }
    return 0;
}
