#include "server/store/database.h"

#include <chrono>

#include <sqlite3.h>

#include <iterator>

#include "server/store/backup.h"
#include "server/store/migrations.h"

namespace isp::store {

bool StoreError::is_constraint() const {
    return (code_ & 0xff) == SQLITE_CONSTRAINT;
}

bool StoreError::is_busy() const {
    return (code_ & 0xff) == SQLITE_BUSY || (code_ & 0xff) == SQLITE_LOCKED;
}

bool StoreError::is_storage_failure() const {
    switch (code_ & 0xff) {
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_PERM: return true;
    default: return false;
    }
}

// [SECTION] Statement

Statement::~Statement() {
    if (stmt_) {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }
}

void Statement::check(int rc) const {
    if (rc != SQLITE_OK)
        throw StoreError(rc, sqlite3_errmsg(sqlite3_db_handle(stmt_)));
}

void Statement::bind_one(int i, std::string_view v) {
    // An empty string_view may have no data pointer, which SQLite would bind as NULL.
    check(sqlite3_bind_text(stmt_, i, v.data() ? v.data() : "", static_cast<int>(v.size()), SQLITE_TRANSIENT));
}
void Statement::bind_one(int i, Blob v) {
    check(sqlite3_bind_blob(stmt_, i, v.bytes.data(), static_cast<int>(v.bytes.size()), SQLITE_TRANSIENT));
}
void Statement::bind_one(int i, std::int64_t v) {
    check(sqlite3_bind_int64(stmt_, i, v));
}
void Statement::bind_one(int i, std::nullptr_t) {
    check(sqlite3_bind_null(stmt_, i));
}
void Statement::bind_one(int i, const std::optional<std::string>& v) {
    if (v)
        bind_one(i, std::string_view(*v));
    else
        bind_one(i, nullptr);
}

void Statement::bind_one(int i, const std::optional<std::int64_t>& v) {
    if (v)
        bind_one(i, *v);
    else
        bind_one(i, nullptr);
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    const int ext = sqlite3_extended_errcode(sqlite3_db_handle(stmt_));
    throw StoreError(ext, sqlite3_errmsg(sqlite3_db_handle(stmt_)));
}

void Statement::run() {
    while (step()) {
    }
}

void Statement::reset() {
    sqlite3_reset(stmt_);
}

std::string Statement::text(int col) const {
    const auto* p = sqlite3_column_text(stmt_, col);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string();
}
std::string Statement::blob(int col) const {
    const auto* p = sqlite3_column_blob(stmt_, col);
    return p ? std::string(static_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string();
}
std::int64_t Statement::integer(int col) const {
    return sqlite3_column_int64(stmt_, col);
}
bool Statement::is_null(int col) const {
    return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}
std::optional<std::string> Statement::optional_text(int col) const {
    if (is_null(col))
        return std::nullopt;
    return text(col);
}

// [SECTION] Connection

Connection::Connection(const std::string& path, bool read_only) {
    const int flags =
        (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = db_ ? sqlite3_errmsg(db_) : "cannot open database";
        sqlite3_close(db_);
        db_ = nullptr;
        throw StoreError(rc, "cannot open " + path + ": " + msg);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, 10000);
    exec("PRAGMA foreign_keys = ON");
    if (!read_only) {
        exec("PRAGMA journal_mode = WAL");
        // FULL: a committed invoice or payment survives a power cut, not only a crash.
        exec("PRAGMA synchronous = FULL");
    }
}

Connection::~Connection() {
    for (auto& [sql, stmt] : cache_)
        sqlite3_finalize(stmt);
    sqlite3_close(db_);
}

Statement Connection::prepare(std::string_view sql) {
    auto it = cache_.find(std::string(sql));
    if (it != cache_.end())
        return Statement(it->second);
    sqlite3_stmt* stmt = nullptr;
    const int rc =
        sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK)
        throw StoreError(rc, std::string(sqlite3_errmsg(db_)) + " in: " + std::string(sql));
    cache_.emplace(std::string(sql), stmt);
    return Statement(stmt);
}

void Connection::exec(const char* sql) {
    char* err = nullptr;
    const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        std::string msg = err ? err : "error";
        sqlite3_free(err);
        throw StoreError(rc, msg);
    }
}

std::int64_t Connection::changes() const {
    return sqlite3_changes64(db_);
}

void Connection::watch_tables(std::vector<std::string> tables) {
    watched_ = std::move(tables);
    sqlite3_update_hook(db_, &Connection::on_update, this);
}

void Connection::on_update(void* self, int, const char*, const char* table, long long) {
    auto* c = static_cast<Connection*>(self);
    for (std::size_t i = 0; i < c->watched_.size(); ++i)
        if (c->watched_[i] == table)
            c->written_ |= 1u << i;
}

std::uint32_t Connection::take_written_tables() {
    const std::uint32_t w = written_;
    written_ = 0;
    return w;
}

// [SECTION] Database

Database::Database(std::string path) : path_(std::move(path)) {
    writer_ = std::make_unique<Connection>(path_, false);
    // A migration changes an operator's data in place: the file as it was is kept beside it.
    if (const int version = store::schema_version(*writer_); version > 0 && version < latest_schema_version())
        back_up_before_migration(path_, latest_schema_version());
    migrate(*writer_);
    writer_->watch_tables({"offers", "outbox_events", "webhook_deliveries"}); // in the order of Database::Watched
}

Database::~Database() = default;

int Database::schema_version() {
    return read([](Connection& c) {
        auto st = c.prepare("PRAGMA user_version");
        st.step();
        return static_cast<int>(st.integer(0));
    });
}

bool Database::checkpoint() {
    std::lock_guard lock(write_mutex_);
    auto st = writer_->prepare("PRAGMA wal_checkpoint(TRUNCATE)");
    st.step();
    return st.integer(0) == 0; // busy
}

namespace {
std::int64_t steady_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}
} // namespace

void Database::note_write(bool ok) {
    last_write_ok_ = ok;
    last_write_ms_ = steady_ms();
}

bool Database::accepts_writes() {
    const std::int64_t now = steady_ms();
    if (last_write_ok_ && now - last_write_ms_ < 10'000)
        return true;
    std::lock_guard lock(probe_mutex_);
    if (!last_write_ok_ && now - last_probe_ms_ < 1'000)
        return last_probe_ok_;
    last_probe_ms_ = now;
    try {
        write([now](Connection& c) {
            c.prepare("INSERT INTO health_probe (id, probed) VALUES (1, ?1) ON CONFLICT (id) DO UPDATE SET probed = ?1")
                .bind(now)
                .run();
        });
        last_probe_ok_ = true;
    } catch (const StoreError&) {
        last_probe_ok_ = false;
    }
    return last_probe_ok_;
}

Database::Tx::Tx(Database& d) : db(d) {
    db.writer_->take_written_tables();
    db.writer_->exec("BEGIN IMMEDIATE");
}
Database::Tx::~Tx() {
    if (!done) {
        try {
            db.writer_->exec("ROLLBACK");
        } catch (...) {
        }
        db.writer_->take_written_tables();
    }
}
void Database::Tx::commit() {
    db.writer_->exec("COMMIT");
    done = true;
    // Moved only after COMMIT: a reader that sees the new generation sees the new rows.
    const std::uint32_t written = db.writer_->take_written_tables();
    for (unsigned i = 0; i < std::size(db.generations_); ++i)
        if (written & (1u << i))
            ++db.generations_[i];
    constexpr std::uint32_t delivery_work =
        (1u << static_cast<unsigned>(Watched::Events)) | (1u << static_cast<unsigned>(Watched::Deliveries));
    if ((written & delivery_work) && db.delivery_listener_)
        db.delivery_listener_();
}

Database::Lease::Lease(Database& d) : db(d) {
    {
        std::lock_guard lock(db.pool_mutex_);
        if (!db.readers_.empty()) {
            connection = std::move(db.readers_.back());
            db.readers_.pop_back();
        }
    }
    if (!connection)
        connection = std::make_unique<Connection>(db.path_, true);
}

Database::Lease::~Lease() {
    std::lock_guard lock(db.pool_mutex_);
    db.readers_.push_back(std::move(connection));
}

} // namespace isp::store
