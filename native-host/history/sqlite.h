#pragma once

// The one wrapper over SQLite's C API (STYLE.md rule 6). Nothing else in SendGuard calls
// sqlite3_* directly: it turns SQLite's result codes into StoreError codes, keeps SQLite's
// message, and owns connections and statements through RAII.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

struct sqlite3;
struct sqlite3_stmt;

namespace sendguard::sql {

// The closed set of ways a database operation fails.
enum class StoreErrorCode {
    Busy,     // another connection holds the lock past the busy timeout
    ReadOnly, // the file or its folder cannot be written
    Full,     // the disk (or the page limit) is full
    Corrupt,  // not a database, or a damaged one
    CantOpen, // the file cannot be opened or created
    Io,       // any other I/O failure
    Misuse,   // a programming error: bad SQL, wrong binding (logged, never asserted)
    Other,
};

const char *storeErrorCodeName(StoreErrorCode code); // "busy", "read-only", ...

// A file name as UTF-8, the form SQLite takes on every platform and our messages use.
// path::string() would convert to the ANSI code page on Windows, which cannot spell every
// user's folder (C:\Users\山田 on a Western system) and makes MSVC's library throw.
std::string utf8Path(const std::filesystem::path &path);

struct StoreError
{
    StoreErrorCode code = StoreErrorCode::Other;
    std::string message; // SQLite's own words plus what we were doing
};

// Success, or a StoreError.
using Status = std::optional<StoreError>;

template<typename T>
using StoreResult = std::variant<T, StoreError>;

class Database;

// A prepared statement. Bind with 1-based indexes, then step() until it returns false.
// Text columns are copied out, so values outlive the next step.
class Statement
{
public:
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    ~Statement();

    Statement &bind(int index, std::int64_t value);
    Statement &bind(int index, std::string_view value);
    Statement &bindNull(int index);

    // Runs one step: true when a row is ready, false when done or failed (see error()).
    bool step();
    // Resets for another run with new bindings; clears the last error.
    void reset();
    // Runs to completion, ignoring rows. Returns the error, if any.
    Status run();

    std::int64_t columnInt(int index) const;
    std::string columnText(int index) const;
    bool columnIsNull(int index) const;

    const Status &error() const { return m_error; }

private:
    friend class Database;
    Statement(Database &database, sqlite3_stmt *statement);

    Database *m_database = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    Status m_error;
};

// One connection. Opens in serialized-free single-thread use: one thread at a time.
class Database
{
public:
    // Immutable: read-only, and SQLite is told nobody changes the file while it is open, so it
    // needs no -shm file beside it: the one way to read a WAL database in a folder that cannot
    // be written. Reads see the file as it is; a concurrent writer's changes may be missed.
    enum class Mode { ReadWrite, ReadOnly, Immutable };

    // Opens (creating when ReadWrite) the file at `path`. Fails with CantOpen, ReadOnly, ...
    static StoreResult<Database> open(const std::filesystem::path &path, Mode mode);

    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;
    ~Database();

    // Runs one or more statements without results.
    Status execute(std::string_view sql);
    // Prepares one statement; a Misuse error for bad SQL.
    StoreResult<Statement> prepare(std::string_view sql);

    void setBusyTimeout(int milliseconds);

    // Whether the connection cannot write: opened ReadOnly, or ReadWrite on a file that SQLite
    // could open for reading only (it falls back silently).
    bool isReadOnly() const;
    std::int64_t lastInsertRowId() const;
    // Rows the last INSERT, UPDATE or DELETE changed.
    std::int64_t changes() const;

    // The error for SQLite result `code` with the connection's message, prefixed by `what`.
    StoreError errorFor(int code, std::string_view what) const;

    sqlite3 *handle() const { return m_db; }

private:
    explicit Database(sqlite3 *db);
    sqlite3 *m_db = nullptr;
};

// Runs `work` (returning Status) inside BEGIN IMMEDIATE ... COMMIT; rolls back when it fails.
template<typename Work>
Status inTransaction(Database &database, Work &&work)
{
    if (Status error = database.execute("BEGIN IMMEDIATE"))
        return error;
    if (Status error = work()) {
        database.execute("ROLLBACK");
        return error;
    }
    if (Status error = database.execute("COMMIT")) {
        database.execute("ROLLBACK");
        return error;
    }
    return std::nullopt;
}

} // namespace sendguard::sql
