// The config file (--config), its precedence under PORTAL_* variables and flags,
// `portal-server config check`, and the operator identity a real server needs to start
// (docs/operations.md).
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "../support/log_records.h"
#include "../support/server_command.h"
#include "../support/server_process.h"
#include "../support/test_server.h"

using namespace isp::test;

namespace {

std::string write_file(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
    ::chmod(path.c_str(), 0600);
    return path;
}

bool has_line(const std::string& out, const std::string& line) {
    return ("\n" + out).find("\n" + line + "\n") != std::string::npos;
}

const std::string operator_keys = "operator-name = \"Maghreb Fibre SARL\"\n"
                                  "operator-address = \"5, avenue Hassan II, 10000 Rabat\"\n"
                                  "operator-legal-ids = \"RC 98765 \u2013 ICE 001122334455667\"\n";

} // namespace

TEST_CASE("a setting comes from the flag, else its PORTAL_ variable, else the config file, else its default") {
    const std::string dir = temp_dir("isp-config");
    const std::string file = write_file(dir + "/portal.conf", operator_keys + "invoice-due-days = 20\n");
    const std::string check = "config check --config '" + file + "'";

    auto [rc, out] = run_portal_server(check);
    CAPTURE(out);
    CHECK(rc == 0);
    CHECK(has_line(out, "invoice-due-days = 20"));
    CHECK(has_line(out, "operator-name = Maghreb Fibre SARL"));
    CHECK(has_line(out, "port = 8080")); // not in the file: the default

    std::tie(rc, out) = run_portal_server(check, "PORTAL_INVOICE_DUE_DAYS=25");
    CHECK(rc == 0);
    CHECK(has_line(out, "invoice-due-days = 25"));

    std::tie(rc, out) = run_portal_server(check + " --invoice-due-days 30", "PORTAL_INVOICE_DUE_DAYS=25");
    CHECK(rc == 0);
    CHECK(has_line(out, "invoice-due-days = 30"));

    std::tie(rc, out) = run_portal_server("config check --operator-name A --operator-address B --operator-legal-ids C");
    CHECK(rc == 0);
    CHECK(has_line(out, "invoice-due-days = 15")); // no file (none at the default path here), no variable, no flag
    std::filesystem::remove_all(dir);
}

TEST_CASE("the server runs with what its config file says") {
    const std::string dir = temp_dir("isp-config-server");
    const std::string file = write_file(dir + "/portal.conf", operator_keys + "invoice-due-days = 20\n");
    ServerProcess server(dir + "/portal.db", dir + "/server.out", {"--config", file});
    auto c = server.client();
    const auto bootstrap = body_json(c.Get("/api/v1/landing/bootstrap"));
    CHECK(bootstrap["operator"]["name"] == "Maghreb Fibre SARL");
    std::filesystem::remove_all(dir);
}

TEST_CASE("config check names a wrong key or value and exits 2") {
    const std::string dir = temp_dir("isp-config-bad");
    const auto check = [&](const std::string& text) {
        return run_portal_server("config check --config '" + write_file(dir + "/portal.conf", operator_keys + text) +
                                 "'");
    };
    auto [rc, out] = check("colour = \"blue\"\n");
    CAPTURE(out);
    CHECK(rc == 2);
    CHECK(out.find("unknown key \"colour\"") != std::string::npos);

    std::tie(rc, out) = check("port = 70000\n");
    CHECK(rc == 2);
    CHECK(out.find("--port: Value 70000 not in range 0 to 65535") != std::string::npos);

    std::tie(rc, out) = check("operator-accent = \"blue\"\n");
    CHECK(rc == 2);
    CHECK(out.find("--operator-accent must be a colour written #RRGGBB") != std::string::npos);

    std::tie(rc, out) = check("[server]\nport = 8081\n");
    CHECK(rc == 2);
    CHECK(out.find("unknown section [server]") != std::string::npos);

    std::tie(rc, out) = run_portal_server("config check --config '" + dir + "/missing.conf'");
    CHECK(rc == 2);
    CHECK(out.find("missing.conf") != std::string::npos);

    // A file others can read is reported: it may hold secrets.
    write_file(dir + "/portal.conf", operator_keys);
    ::chmod((dir + "/portal.conf").c_str(), 0644);
    std::tie(rc, out) = run_portal_server("config check --config '" + dir + "/portal.conf'");
    CHECK(rc == 0);
    CHECK(out.find("readable by every user") != std::string::npos);

    // And a server started with it says so in its log, where an administrator looks.
    {
        ServerProcess server(dir + "/portal.db", dir + "/server.out", {"--config", dir + "/portal.conf"},
                             dir + "/server.err");
        CHECK(server.terminate_and_wait(20) == 0);
    }
    std::ifstream err_file(dir + "/server.err");
    const std::string log{std::istreambuf_iterator<char>(err_file), std::istreambuf_iterator<char>()};
    CAPTURE(log);
    const auto warning = isp::test::find_log_record(log, dir + "/portal.conf is readable by every user");
    REQUIRE(warning);
    CHECK((*warning)["level"] == "warn");
    CHECK(isp::test::find_log_record(log, "listening"));
    std::filesystem::remove_all(dir);
}

TEST_CASE("outside --demo the operator's name, address and legal ids are required to serve, not to administer") {
    const std::string dir = temp_dir("isp-operator-required");
    const std::string db = " --db '" + dir + "/portal.db'";

    auto [rc, out] = run_portal_server("--port 0" + db);
    CAPTURE(out);
    CHECK(rc == 2);
    const auto refusal = isp::test::find_log_record(out, "not started: missing operator-name, operator-address, "
                                                         "operator-legal-ids");
    REQUIRE(refusal);
    CHECK((*refusal)["level"] == "error");
    CHECK(out.find("listening") == std::string::npos);

    std::tie(rc, out) = run_portal_server("--port 0 --operator-name 'Maghreb Fibre SARL'" + db);
    CHECK(rc == 2);
    CHECK(out.find("missing operator-address, operator-legal-ids") != std::string::npos);

    std::tie(rc, out) = run_portal_server("config check");
    CHECK(rc == 2);
    CHECK(out.find("missing required keys: operator-name, operator-address, operator-legal-ids") != std::string::npos);
    CHECK(has_line(out, "operator-name = "));

    // The subcommands administer a database: they need no operator.
    std::tie(rc, out) = run_portal_server("token list" + db);
    CHECK(rc == 0);
    std::tie(rc, out) = run_portal_server("staff list" + db);
    CHECK(rc == 0);
    std::tie(rc, out) = run_portal_server("check" + db);
    CHECK(rc == 0);
    std::tie(rc, out) = run_portal_server("backup --to '" + dir + "/copy.db'" + db);
    CHECK(rc == 0);
    std::filesystem::remove_all(dir);
}

TEST_CASE("the demo company appears with --demo only") {
    const std::string dir = temp_dir("isp-demo-company");
    {
        ServerProcess demo(dir + "/demo.db", dir + "/demo.out",
                           {"--demo", "--password-hash-memory-kib", "8192", "--password-hash-iterations", "1"});
        CHECK(body_json(demo.client().Get("/api/v1/landing/bootstrap"))["operator"]["name"] ==
              "Atlas T\u00e9l\u00e9com");
    }
    ServerProcess real(dir + "/real.db", dir + "/real.out", operator_args());
    const auto bootstrap = body_json(real.client().Get("/api/v1/landing/bootstrap"));
    CHECK(bootstrap["operator"]["name"] == operator_args().at(1));
    CHECK(bootstrap.dump().find("Atlas") == std::string::npos);
    CHECK_FALSE(bootstrap["operator"].contains("logo_url")); // no demo logo either
    std::filesystem::remove_all(dir);
}
