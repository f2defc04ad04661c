#include "server_command.h"

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <doctest/doctest.h>

namespace isp::test {

std::pair<int, std::string> run_portal_server(const std::string& args, const std::string& env) {
    // Without PORTAL_INVOICE_DUE_DAYS from the tests' own environment: the precedence tests set it.
    std::FILE* p =
        popen(("env -u PORTAL_INVOICE_DUE_DAYS " + env + " '" PORTAL_SERVER_BINARY "' " + args + " 2>&1").c_str(), "r");
    REQUIRE(p);
    std::string out;
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0)
        out.append(buf, n);
    const int status = pclose(p);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

std::string temp_dir(const char* name) {
    std::string dir = (std::filesystem::temp_directory_path() / (std::string(name) + "-XXXXXX")).string();
    REQUIRE(mkdtemp(dir.data()) != nullptr);
    return dir;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace isp::test
