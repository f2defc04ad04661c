// The SQLite store: connections, prepared statements and transactions.
//
// One writer connection behind a mutex (SQLite has one writer anyway; serialising in
// process avoids SQLITE_BUSY) and a pool of reader connections (WAL lets them read
// while the writer writes). Every write goes through Database::write(), which wraps the
// callback in BEGIN IMMEDIATE ... COMMIT: a multi-row change is all or nothing.
// Statements are prepared once per connection and cached; values are always bound.
#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace isp::store {

class StoreError : public std::runtime_error {
public:
    StoreError(int code, const std::string& what) : std::runtime_error(what), code_(code) {}
    int code() const { return code_; }
    bool is_constraint() const;
    // The file cannot be written or read (disk full, I/O error, read-only, corrupt).
    bool is_storage_failure() const;
    // Another connection or process held the lock past the busy timeout: transient.
    bool is_busy() const;

private:
    int code_;
};

// Bytes bound as a BLOB (a logo), not as TEXT.
struct Blob {
    std::string_view bytes;
};

class Statement {
public:
    explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}
    Statement(Statement&& other) noexcept : stmt_(other.stmt_) { other.stmt_ = nullptr; }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement(); // resets the cached statement for its next use

    // Binds parameters ?1, ?2, ... in order.
    template <class... Args> Statement& bind(const Args&... args) {
        int i = 1;
        (bind_one(i++, args), ...);
        return *this;
    }
    // Binds texts to ?first, ?first+1, ... (a statement whose parameters are decided at run
    // time, as a search's).
    Statement& bind_texts(const std::vector<std::string>& values, int first = 1) {
        for (const std::string& v : values)
            bind_one(first++, v);
        return *this;
    }
    Statement& bind_at(int i, std::int64_t value) {
        bind_one(i, value);
        return *this;
    }
    bool step(); // true while a row is available
    void run();  // executes a statement that returns no rows
    // Ready to be bound and run again (a statement held across many rows of one transaction).
    void reset();

    std::string text(int col) const;
    std::int64_t integer(int col) const;
    bool is_null(int col) const;
    std::optional<std::string> optional_text(int col) const;
    std::string blob(int col) const;

private:
    void bind_one(int i, std::string_view v);
    void bind_one(int i, const std::string& v) { bind_one(i, std::string_view(v)); }
    void bind_one(int i, const char* v) { bind_one(i, std::string_view(v)); }
    void bind_one(int i, std::int64_t v);
    void bind_one(int i, int v) { bind_one(i, static_cast<std::int64_t>(v)); }
    void bind_one(int i, bool v) { bind_one(i, static_cast<std::int64_t>(v ? 1 : 0)); }
    void bind_one(int i, std::nullptr_t);
    void bind_one(int i, const std::optional<std::string>& v);
    void bind_one(int i, const std::optional<std::int64_t>& v);
    void bind_one(int i, Blob v);
    void check(int rc) const;

    sqlite3_stmt* stmt_;
};

class Connection {
public:
    Connection(const std::string& path, bool read_only);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    Statement prepare(std::string_view sql); // cached per connection
    void exec(const char* sql);              // for schema scripts and pragmas
    std::int64_t changes() const;

    // Records which watched tables the current transaction wrote (writer connection only).
    void watch_tables(std::vector<std::string> tables);
    // Bit i set: watched table i was written since the last call; clears the record.
    std::uint32_t take_written_tables();

private:
    static void on_update(void* self, int op, const char* db, const char* table, long long rowid);

    sqlite3* db_ = nullptr;
    std::vector<std::string> watched_;
    std::uint32_t written_ = 0;
    std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

class Database {
public:
    // Opens (creating if needed) and migrates the database at `path`.
    explicit Database(std::string path);
    ~Database();

    const std::string& path() const { return path_; }

    // Runs fn(Connection&) in one write transaction; rolls back if fn throws.
    template <class Fn> auto write(Fn&& fn) {
        std::lock_guard lock(write_mutex_);
        try {
            Tx tx(*this);
            if constexpr (std::is_void_v<decltype(fn(*writer_))>) {
                fn(*writer_);
                tx.commit();
                note_write(true);
            } else {
                auto result = fn(*writer_);
                tx.commit();
                note_write(true);
                return result;
            }
        } catch (const StoreError& e) {
            if (e.is_storage_failure())
                note_write(false);
            throw;
        }
    }

    // Whether the database accepts writes now: yes when the latest write succeeded less
    // than 10 s ago; otherwise a probe write to a one-row table decides (at most once a
    // second while writes fail). Cheap enough for every /api/v1/health call.
    bool accepts_writes();

    // A counter that moves after every committed write to `table` (one of watched_tables)
    // made through this Database: lets a cache of derived data (the landing catalog) know
    // it is stale without asking SQLite on every request.
    enum class Watched : unsigned { Offers = 0, Events = 1, Deliveries = 2 };
    std::uint64_t generation(Watched table) const { return generations_[static_cast<unsigned>(table)].load(); }

    // Calls `listener` after each commit that wrote outbox_events or webhook_deliveries (the
    // deliverer's wake-up): on the committing thread, under the write lock, so it must only
    // signal. Set once, before the server serves.
    void on_delivery_work(std::function<void()> listener) { delivery_listener_ = std::move(listener); }

    // Runs fn(Connection&) on a reader connection (a consistent snapshot per statement).
    template <class Fn> auto read(Fn&& fn) {
        Lease lease(*this);
        return fn(*lease.connection);
    }

    int schema_version();

    // Copies every page of the WAL into the database file and empties the WAL (at a clean
    // stop: the file alone is then the whole database). False when a reader kept it from
    // completing.
    bool checkpoint();

private:
    struct Tx {
        explicit Tx(Database& d);
        ~Tx();
        void commit();
        Database& db;
        bool done = false;
    };
    struct Lease {
        explicit Lease(Database& db);
        ~Lease();
        Database& db;
        std::unique_ptr<Connection> connection;
    };

    std::string path_;
    std::mutex write_mutex_;
    std::unique_ptr<Connection> writer_;
    std::mutex pool_mutex_;
    std::vector<std::unique_ptr<Connection>> readers_;
    std::atomic<std::uint64_t> generations_[3] = {};
    std::function<void()> delivery_listener_;

    void note_write(bool ok);
    std::atomic<bool> last_write_ok_{true};
    std::atomic<std::int64_t> last_write_ms_{0}; // steady clock
    std::mutex probe_mutex_;
    std::int64_t last_probe_ms_ = -1000000;
    bool last_probe_ok_ = true;
};

} // namespace isp::store
