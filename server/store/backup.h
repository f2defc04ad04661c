// Copies and checks of a database file: `portal-server backup` and `check`, and the copy
// kept before a migration changes an existing database. Copies use SQLite's online backup
// API, so they are consistent while the server writes (WAL lets it go on writing).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace isp::store {

struct BackupResult {
    std::uintmax_t bytes = 0;
    std::int64_t milliseconds = 0;
};

// Copies the database at `from` into `to`: written under a temporary name next to it
// (mode 0600: the copy holds the server's secrets), checked, then renamed. Throws
// StoreError when `from` cannot be read, the copy fails its check, or `to` exists and
// `replace` is false.
BackupResult backup_database(const std::string& from, const std::string& to, bool replace);

// PRAGMA integrity_check and foreign_key_check of the database at `path`: one line per
// problem, none when it is sound. Throws StoreError when the file cannot be opened.
std::vector<std::string> database_problems(const std::string& path);

// Before a migration changes the existing database at `path` (to `to_version`): copies
// it to `<path>.before-v<to_version>.<UTC time>.bak` and deletes all but the newest
// `keep` such copies. Returns the copy's name.
std::string back_up_before_migration(const std::string& path, int to_version, int keep = 3);

} // namespace isp::store
