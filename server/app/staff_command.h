// `portal-server staff create|list|disable|enable|reset-password`: staff accounts from the
// command line, on the database the server uses (the first admin of a new install is made
// here). Creating an account or resetting its password prints a one-time password link.
#pragma once
#include <cstdio>

#include "server/app/config.h"

namespace isp {

// Returns the process exit code; output to `out`, errors to `err`.
int run_staff_command(const StaffCommand& command, const ServerConfig& config, std::FILE* out, std::FILE* err);

} // namespace isp
