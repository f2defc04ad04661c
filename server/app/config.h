// The command line of portal-server: flags, each with an environment-variable twin
// (PORTAL_*), parsed by CLI11 (Debian's libcli11-dev) into a ServerConfig, or a subcommand.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "server/config/server_config.h"

namespace isp {

// `portal-server token create|list|revoke ...`: staff API tokens, run instead of serving.
struct TokenCommand {
    std::string action; // "create", "list", "revoke"
    std::string name;
    std::string roles;
    std::string token_id;
    std::string account; // e-mail of the account a new token acts for (optional)
};

// `portal-server staff create|list|disable|enable|reset-password ...`: staff accounts.
struct StaffCommand {
    std::string action; // "create", "list", "disable", "enable", "reset-password"
    std::string email;
    std::string name;
    std::string roles;
    std::string language = "fr";
};

struct CommandLine {
    ServerConfig config;
    std::optional<TokenCommand> token; // set when the token subcommand was given
    std::optional<StaffCommand> staff; // set when the staff subcommand was given
    bool run = true;                   // false: exit now (after --help, --version or an error)
    int exit_code = 0;
};

CommandLine parse_command_line(int argc, char** argv);

} // namespace isp
