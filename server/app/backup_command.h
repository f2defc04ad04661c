// `portal-server backup --to FILE` and `portal-server check`: an online copy of the
// database the server uses, and a check of a database file (docs/operations.md).
#pragma once
#include <cstdio>

#include "server/app/config.h"

namespace isp {

// Returns the process exit code; output to `out`, errors to `err`.
int run_backup_command(const BackupCommand& command, const ServerConfig& config, std::FILE* out, std::FILE* err);
int run_check_command(const ServerConfig& config, std::FILE* out, std::FILE* err);

} // namespace isp
