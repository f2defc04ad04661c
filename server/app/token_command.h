// `portal-server token create|list|revoke`: staff API tokens from the command line, on
// the database the server uses. The secret is printed once, at creation.
#pragma once
#include <cstdio>

#include "server/app/config.h"

namespace isp {

// Returns the process exit code; output to `out`, errors to `err`.
int run_token_command(const TokenCommand& command, const ServerConfig& config, std::FILE* out, std::FILE* err);

} // namespace isp
