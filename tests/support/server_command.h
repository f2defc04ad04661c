// The real portal-server binary run as an administrator runs it (`portal-server backup ...`,
// `config check`, `staff create`), and the files such tests make and read back.
#pragma once
#include <string>
#include <utility>

namespace isp::test {

// `[env] portal-server <args>` through the shell (the binary the tests are built with): its
// exit status and what it printed (stdout and stderr together). `env`: "NAME=value ..." set
// for this run only.
std::pair<int, std::string> run_portal_server(const std::string& args, const std::string& env = "");

// A new empty directory under the system's temporary one, named `<name>-XXXXXX`.
std::string temp_dir(const char* name);

// The whole file ("" when it cannot be read).
std::string read_file(const std::string& path);

} // namespace isp::test
