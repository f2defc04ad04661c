#include "server/store/backup.h"

#include <fcntl.h>
#include <unistd.h>

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <memory>

#include "server/clock/clock.h"
#include "server/store/database.h"

namespace isp::store {
namespace {

namespace fs = std::filesystem;

struct Closer {
    void operator()(sqlite3* db) const { sqlite3_close(db); }
};
using Handle = std::unique_ptr<sqlite3, Closer>;

// Opens an existing file only: a mistyped --db must not create an empty database to copy.
Handle open_existing(const std::string& path) {
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
    Handle handle(db);
    if (rc != SQLITE_OK)
        throw StoreError(rc, "cannot open " + path + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
    sqlite3_busy_timeout(db, 10000);
    return handle;
}

// Rows of a statement without parameters, each as its columns joined by " ".
std::vector<std::string> rows(sqlite3* db, const char* sql) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
    if (rc != SQLITE_OK)
        throw StoreError(rc, sqlite3_errmsg(db));
    std::vector<std::string> out;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        std::string row;
        for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
            const auto* text = sqlite3_column_text(stmt, i);
            row += (i ? " " : "") + std::string(text ? reinterpret_cast<const char*>(text) : "NULL");
        }
        out.push_back(std::move(row));
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE)
        throw StoreError(rc, sqlite3_errmsg(db));
    return out;
}

std::vector<std::string> problems_of(sqlite3* db) {
    std::vector<std::string> problems;
    for (std::string& row : rows(db, "PRAGMA integrity_check"))
        if (row != "ok")
            problems.push_back("integrity: " + row);
    // Rows: table, rowid, referenced table, constraint number.
    sqlite3_stmt* stmt = nullptr;
    if (const int rc = sqlite3_prepare_v2(db, "PRAGMA foreign_key_check", -1, &stmt, nullptr); rc != SQLITE_OK)
        throw StoreError(rc, sqlite3_errmsg(db));
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        const auto text = [&](int i) {
            const auto* t = sqlite3_column_text(stmt, i);
            return std::string(t ? reinterpret_cast<const char*>(t) : "?");
        };
        problems.push_back("foreign key: " + text(0) + " row " + text(1) + " refers to a missing row of " + text(2));
    }
    sqlite3_finalize(stmt);
    return problems;
}

// "20261123T100000Z": the machine's time (when the file was written, not a business date).
std::string utc_stamp() {
    std::string stamp = Clock::iso_timestamp(SystemClock().now_unix());
    std::erase_if(stamp, [](char c) { return c == '-' || c == ':'; });
    return stamp;
}

} // namespace

BackupResult backup_database(const std::string& from, const std::string& to, bool replace) {
    const auto start = std::chrono::steady_clock::now();
    if (!replace && fs::exists(to))
        throw StoreError(SQLITE_CANTOPEN, to + " exists (--force replaces it)");
    Handle source = open_existing(from);
    const std::string partial = to + ".partial";
    fs::remove(partial);
    // Made here, 0600, before SQLite opens it: the copy holds the link-signing key.
    const int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        throw StoreError(SQLITE_CANTOPEN, "cannot create " + partial);
    ::close(fd);
    try {
        {
            sqlite3* raw = nullptr;
            const int rc = sqlite3_open_v2(partial.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr);
            Handle target(raw);
            if (rc != SQLITE_OK)
                throw StoreError(rc, "cannot open " + partial);
            sqlite3_backup* backup = sqlite3_backup_init(target.get(), "main", source.get(), "main");
            if (!backup)
                throw StoreError(sqlite3_errcode(target.get()), sqlite3_errmsg(target.get()));
            // All pages in one step: one read transaction, so one consistent state of the
            // source, while the server's writer goes on appending to the WAL.
            int step = SQLITE_OK;
            do {
                step = sqlite3_backup_step(backup, -1);
                if (step == SQLITE_BUSY || step == SQLITE_LOCKED)
                    sqlite3_sleep(50);
            } while (step == SQLITE_OK || step == SQLITE_BUSY || step == SQLITE_LOCKED);
            sqlite3_backup_finish(backup);
            if (step != SQLITE_DONE)
                throw StoreError(step, std::string("backup failed: ") + sqlite3_errstr(step));
            // The copy is one file, readable without its -wal and -shm (the server turns WAL
            // back on when it opens a restored copy).
            if (const int mode = sqlite3_exec(target.get(), "PRAGMA journal_mode = DELETE", nullptr, nullptr, nullptr);
                mode != SQLITE_OK)
                throw StoreError(mode, sqlite3_errmsg(target.get()));
        }
        source.reset();
        {
            Handle copy = open_existing(partial);
            const auto problems = problems_of(copy.get());
            if (!problems.empty())
                throw StoreError(SQLITE_CORRUPT, "the copy fails its check: " + problems.front());
        }
        fs::rename(partial, to);
    } catch (...) {
        std::error_code ignored;
        fs::remove(partial, ignored);
        throw;
    }
    BackupResult result;
    result.bytes = fs::file_size(to);
    result.milliseconds =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    return result;
}

std::vector<std::string> database_problems(const std::string& path) {
    Handle db = open_existing(path);
    return problems_of(db.get());
}

std::string back_up_before_migration(const std::string& path, int to_version, int keep) {
    const fs::path db(path);
    const std::string prefix = db.filename().string() + ".before-v";
    std::string target = path + ".before-v" + std::to_string(to_version) + "." + utc_stamp();
    for (int n = 2; fs::exists(target + ".bak"); ++n)
        target = path + ".before-v" + std::to_string(to_version) + "." + utc_stamp() + "-" + std::to_string(n);
    target += ".bak";
    backup_database(path, target, false);

    std::vector<fs::path> kept;
    const fs::path dir = db.has_parent_path() ? db.parent_path() : fs::path(".");
    for (const auto& entry : fs::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (name.starts_with(prefix) && name.ends_with(".bak"))
            kept.push_back(entry.path());
    }
    // Newest first by when each was written (names of one second differ only by a counter).
    std::sort(kept.begin(), kept.end(),
              [](const fs::path& a, const fs::path& b) { return fs::last_write_time(a) > fs::last_write_time(b); });
    for (std::size_t i = static_cast<std::size_t>(keep); i < kept.size(); ++i)
        fs::remove(kept[i]);
    return target;
}

} // namespace isp::store
