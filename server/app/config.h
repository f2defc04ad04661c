// The command line of portal-server: flags, each with an environment-variable twin
// (PORTAL_*) and a key of the config file (--config, INI or TOML), parsed by CLI11
// (Debian's libcli11-dev) into a ServerConfig, or a subcommand. Precedence: flag >
// environment > config file > default (docs/operations.md).
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <utility>
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

// `portal-server backup --to FILE [--force]`: an online copy of the database.
struct BackupCommand {
    std::string to;
    bool force = false;
};

// `portal-server config check`: the effective settings, or why they are not valid.
struct ConfigCheck {
    std::string file;                                        // the config file read, "" when none
    std::vector<std::pair<std::string, std::string>> values; // key, value (secrets masked), every option
    std::vector<std::string> missing;                        // required keys without a value
    std::string error;                                       // a bad key or value: the settings are not valid
    std::vector<std::string> warnings;
};

// The default config file, read when it exists and no --config is given.
inline constexpr const char* default_config_file = "/etc/isp-portal/portal.conf";

struct CommandLine {
    ServerConfig config;
    std::optional<TokenCommand> token; // set when the token subcommand was given
    std::optional<StaffCommand> staff; // set when the staff subcommand was given
    std::optional<BackupCommand> backup;
    bool check_database = false; // `portal-server check`
    std::optional<ConfigCheck> config_check;
    std::vector<std::string> config_warnings; // about the config file read (logged when serving)
    bool run = true;                          // false: exit now (after --help, --version or an error)
    int exit_code = 0;
};

CommandLine parse_command_line(int argc, char** argv);

// Prints a config check's report (values on `out`, problems on `err`); 0 when the settings
// are valid and complete, 2 otherwise.
int print_config_check(const ConfigCheck& check, std::FILE* out, std::FILE* err);

} // namespace isp
