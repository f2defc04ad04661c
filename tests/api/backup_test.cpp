// `portal-server backup` and `check` on a database the running server keeps writing, and
// the copies a migration keeps of the database it changes (docs/operations.md).
#include <doctest/doctest.h>

#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <regex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "../support/server_command.h"
#include "../support/server_process.h"
#include "../support/test_server.h"
#include "server/services/staff_tokens.h"
#include "server/store/database.h"
#include "server/store/migrations.h"

using namespace isp::test;
using namespace std::chrono_literals;

namespace {

// The first column of every row of `sql`, read with plain SQLite (read only).
std::vector<std::string> column(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    REQUIRE_MESSAGE(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK, sqlite3_errmsg(db));
    std::vector<std::string> out;
    while (sqlite3_step(st) == SQLITE_ROW)
        out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

std::string customer(int writer, int n) {
    char cin[16];
    std::snprintf(cin, sizeof cin, "B%c%06d", 'A' + writer, n);
    return nlohmann::json{{"cin", cin},
                          {"first_name", "Karim"},
                          {"last_name", "Tazi"},
                          {"phone", "06 55 44 33 22"},
                          {"email", "karim.tazi@example.ma"},
                          {"address", "12, boulevard Zerktouni, Casablanca"},
                          {"language", "fr"}}
        .dump();
}

} // namespace

TEST_CASE("a backup taken while 8 clients write holds every write answered before it began, and passes the checks") {
    const std::string dir = temp_dir("isp-backup");
    const std::string db_path = dir + "/portal.db";
    std::string token;
    {
        isp::store::Database db(db_path);
        token =
            isp::services::create_staff_token(db, "writers", {isp::services::Role::Ops}, "2026-11-23T10:00:00Z").secret;
    }
    ServerProcess server(db_path, dir + "/server.out", operator_args());

    using Clock = std::chrono::steady_clock;
    std::atomic<bool> stop{false};
    std::atomic<Clock::rep> backup_began{Clock::time_point::max().time_since_epoch().count()};
    std::mutex mutex;
    std::vector<std::string> answered_before; // client ids answered before the backup began
    std::atomic<int> failures{0}, written{0};
    std::vector<std::thread> writers;
    for (int w = 0; w < 8; ++w)
        writers.emplace_back([&, w] {
            auto c = server.client();
            for (int n = 0; !stop; ++n) {
                auto res = c.Post("/api/v1/customers", bearer(token), customer(w, n), "application/json");
                const auto answered = Clock::now().time_since_epoch().count();
                if (!res || res->status != 201) {
                    ++failures;
                    continue;
                }
                ++written;
                if (answered < backup_began) {
                    std::lock_guard lock(mutex);
                    answered_before.push_back(nlohmann::json::parse(res->body)["client_id"]);
                }
            }
        });
    const auto deadline = Clock::now() + 60s;
    while (written < 80 && failures == 0 && Clock::now() < deadline)
        std::this_thread::sleep_for(10ms);
    const std::string backup = dir + "/copy.db";
    backup_began = Clock::now().time_since_epoch().count();
    const auto [rc, out] = run_portal_server("backup --db '" + db_path + "' --to '" + backup + "'");
    std::this_thread::sleep_for(200ms); // the writers go on after it
    const int written_during = written;
    stop = true;
    for (auto& t : writers)
        t.join();
    CAPTURE(out);
    REQUIRE(rc == 0);
    CHECK(out.find("bytes in") != std::string::npos);
    CHECK(failures == 0);

    const auto in_copy = column(backup, "SELECT client_id FROM clients");
    const std::set<std::string> copied(in_copy.begin(), in_copy.end());
    CHECK(answered_before.size() >= 80);
    for (const std::string& id : answered_before)
        CHECK_MESSAGE(copied.count(id) == 1, id << " was answered before the backup began but is not in it");
    CHECK(written_during > static_cast<int>(answered_before.size())); // writes went on while it ran
    CHECK(column(backup, "PRAGMA integrity_check") == std::vector<std::string>{"ok"});

    const auto [check_rc, check_out] = run_portal_server("check --db '" + backup + "'");
    CHECK_MESSAGE(check_rc == 0, check_out);
    CHECK(check_out.find("integrity ok, foreign keys ok") != std::string::npos);
    CHECK((std::filesystem::status(backup).permissions() & std::filesystem::perms::others_read) ==
          std::filesystem::perms::none);

    // The copy is never overwritten by accident.
    const auto [again_rc, again_out] = run_portal_server("backup --db '" + db_path + "' --to '" + backup + "'");
    CHECK(again_rc != 0);
    CHECK(again_out.find("exists") != std::string::npos);
    CHECK(column(backup, "SELECT COUNT(*) FROM clients") == std::vector<std::string>{std::to_string(copied.size())});
    const auto [force_rc, force_out] = run_portal_server("backup --force --db '" + db_path + "' --to '" + backup + "'");
    CHECK_MESSAGE(force_rc == 0, force_out);
    CHECK(std::stoi(column(backup, "SELECT COUNT(*) FROM clients").at(0)) >= written_during);
    CHECK_FALSE(std::filesystem::exists(backup + ".partial"));
    std::filesystem::remove_all(dir);
}

TEST_CASE("check names what is wrong in a database and exits non-zero") {
    const std::string dir = temp_dir("isp-check");
    const std::string db_path = dir + "/portal.db";
    { isp::store::Database db(db_path); }
    // A contract whose client and offer do not exist, written with the checks off.
    {
        sqlite3* raw = nullptr;
        REQUIRE(sqlite3_open(db_path.c_str(), &raw) == SQLITE_OK);
        REQUIRE(sqlite3_exec(raw,
                             "PRAGMA foreign_keys = OFF; INSERT INTO contracts (contract_id, contract_number, "
                             "client_id, offer_id, service_identifier, contract_start_date, status, created_at, "
                             "updated_at) VALUES ('ctr_orphan', 'CTR-1', 'cli_nobody', 'off_none', '0600000000', "
                             "'2026-11-01', 'active', 'x', 'x')",
                             nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(raw);
    }
    const auto [rc, out] = run_portal_server("check --db '" + db_path + "'");
    CAPTURE(out);
    CHECK(rc == 1);
    CHECK(out.find("foreign key: contracts row") != std::string::npos);
    CHECK(out.find("refers to a missing row of clients") != std::string::npos);

    const auto [missing_rc, missing_out] = run_portal_server("check --db '" + dir + "/nothing-here.db'");
    CHECK(missing_rc == 1);
    CHECK(missing_out.find("cannot open") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir + "/nothing-here.db"));
    std::filesystem::remove_all(dir);
}

TEST_CASE("a migration first copies the database it changes beside it, and the last three copies are kept") {
    const std::string dir = temp_dir("isp-migration-backup");
    const std::string db_path = dir + "/portal.db";
    const int latest = isp::store::latest_schema_version();
    REQUIRE(latest >= 2);
    const auto copies = [&] {
        std::vector<std::string> names;
        for (const auto& e : std::filesystem::directory_iterator(dir))
            if (e.path().filename().string().starts_with("portal.db.before-v") && e.path().extension() == ".bak")
                names.push_back(e.path().string());
        return names;
    };

    // A new database is made at the latest version: nothing to copy.
    { isp::store::Database fresh(db_path); }
    CHECK(copies().empty());
    std::filesystem::remove(db_path);

    for (int round = 1; round <= 4; ++round) {
        CAPTURE(round);
        // A database one version behind, as the previous release left it, with a row to recognise it by.
        {
            isp::store::Connection old(db_path, false);
            isp::store::migrate(old, latest - 1);
            old.exec(("INSERT INTO sequences (name, value) VALUES ('round', " + std::to_string(round) + ")").c_str());
        }
        { isp::store::Database upgraded(db_path); }
        CHECK(column(db_path, "PRAGMA user_version") == std::vector<std::string>{std::to_string(latest)});
        const auto now = copies();
        CHECK(now.size() == static_cast<std::size_t>(std::min(round, 3)));
        std::set<std::string> rounds;
        for (const std::string& copy : now) {
            const std::regex name("portal\\.db\\.before-v" + std::to_string(latest) +
                                  "\\.\\d{8}T\\d{6}Z(-\\d+)?\\.bak");
            CHECK_MESSAGE(std::regex_match(std::filesystem::path(copy).filename().string(), name), copy);
            CHECK(column(copy, "PRAGMA user_version") == std::vector<std::string>{std::to_string(latest - 1)});
            rounds.insert(column(copy, "SELECT value FROM sequences WHERE name = 'round'").at(0));
        }
        if (round == 4)
            CHECK(rounds == std::set<std::string>{"2", "3", "4"}); // the oldest went
        std::filesystem::remove(db_path);
        std::filesystem::remove(db_path + "-wal");
        std::filesystem::remove(db_path + "-shm");
    }
    std::filesystem::remove_all(dir);
}
