// --demo's staff accounts (server/demo/demo_staff.h): the real binary on a new database
// prints one "demo staff sign-in:" line per account on stdout; each password signs in to
// an account with that role, in French. Started again on the same file, it creates and
// prints nothing, and says so.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <stdlib.h>
#include <string>

#include "../support/server_command.h"
#include "../support/server_process.h"
#include "../support/staff_session.h"
#include "../support/test_server.h"

using namespace isp::test;

namespace {

// A quick hash: the accounts are hashed at start, three times.
const std::vector<std::string> demo_args = {"--demo", "--password-hash-memory-kib", "8192",
                                            "--password-hash-iterations", "1"};

} // namespace

TEST_CASE("--demo creates admin, ops and viewer accounts and prints their passwords once") {
    std::string dir = (std::filesystem::temp_directory_path() / "isp-demo-staff-XXXXXX").string();
    REQUIRE(mkdtemp(dir.data()) != nullptr);
    const std::string db_path = dir + "/portal.db";
    const std::string out_path = dir + "/stdout.txt";

    std::map<std::string, std::string> passwords; // e-mail -> password
    {
        ServerProcess server(db_path, out_path, demo_args);
        const std::string out = read_file(out_path);
        CAPTURE(out);
        const std::regex line(R"(^demo staff sign-in: (\S+) password (\S+) \(demo only\)$)");
        std::istringstream lines(out);
        for (std::string l; std::getline(lines, l);) {
            std::smatch m;
            if (std::regex_match(l, m, line))
                passwords[m[1]] = m[2];
        }
        REQUIRE(passwords.size() == 3);
        CHECK(out.find("none created") == std::string::npos);

        auto c = server.client();
        const std::map<std::string, std::string> roles = {
            {"admin@demo.example", "admin"}, {"ops@demo.example", "ops"}, {"viewer@demo.example", "viewer"}};
        for (const auto& [email, role] : roles) {
            CAPTURE(email);
            REQUIRE(passwords.count(email));
            CHECK(passwords[email].size() >= 20);
            const auto res = sign_in(c, email, passwords[email]);
            REQUIRE(res);
            REQUIRE_MESSAGE(res->status == 200, res->body);
            const auto session = body_json(res);
            CHECK(session["account"]["roles"] == nlohmann::json::array({role}));
            CHECK(session["account"]["language"] == "fr");
            CHECK(session["account"]["state"] == "active");
        }
        // Drawn at random: no two alike.
        CHECK(passwords["admin@demo.example"] != passwords["ops@demo.example"]);
        CHECK(passwords["ops@demo.example"] != passwords["viewer@demo.example"]);
        CHECK(sign_in(c, "admin@demo.example", "not-the-password-at-all")->status == 401);
    }
    {
        ServerProcess again(db_path, out_path, demo_args);
        const std::string out = read_file(out_path);
        CAPTURE(out);
        CHECK(out.find("demo staff sign-in:") == std::string::npos);
        CHECK(out.find("demo staff accounts: none created") != std::string::npos);
        // The accounts made at the first start still sign in with their passwords.
        auto c = again.client();
        CHECK(sign_in(c, "viewer@demo.example", passwords["viewer@demo.example"])->status == 200);
    }
    std::filesystem::remove_all(dir);
}

TEST_CASE("without --demo no staff account is made and nothing is said about them") {
    std::string dir = (std::filesystem::temp_directory_path() / "isp-demo-staff-XXXXXX").string();
    REQUIRE(mkdtemp(dir.data()) != nullptr);
    {
        ServerProcess server(dir + "/portal.db", dir + "/stdout.txt", isp::test::operator_args());
        const std::string out = read_file(dir + "/stdout.txt");
        CHECK(out.find("demo staff") == std::string::npos);
        auto c = server.client();
        CHECK(sign_in(c, "admin@demo.example", "anything-at-all-here")->status == 401);
    }
    std::filesystem::remove_all(dir);
}
