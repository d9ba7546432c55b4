#include "sqlite.h"

#include <algorithm>

#include <sqlite3.h>

namespace sendguard::sql {

namespace {

StoreErrorCode codeFor(int result)
{
    switch (result & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return StoreErrorCode::Busy;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
        return StoreErrorCode::ReadOnly;
    case SQLITE_FULL:
        return StoreErrorCode::Full;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return StoreErrorCode::Corrupt;
    case SQLITE_CANTOPEN:
        return StoreErrorCode::CantOpen;
    case SQLITE_IOERR:
        return StoreErrorCode::Io;
    case SQLITE_MISUSE:
    case SQLITE_ERROR:
    case SQLITE_RANGE:
        return StoreErrorCode::Misuse;
    default:
        return StoreErrorCode::Other;
    }
}

} // namespace

std::string utf8Path(const std::filesystem::path &path)
{
    const std::u8string name = path.u8string();
    return std::string(name.begin(), name.end());
}

const char *storeErrorCodeName(StoreErrorCode code)
{
    switch (code) {
    case StoreErrorCode::Busy:
        return "busy";
    case StoreErrorCode::ReadOnly:
        return "read-only";
    case StoreErrorCode::Full:
        return "full";
    case StoreErrorCode::Corrupt:
        return "corrupt";
    case StoreErrorCode::CantOpen:
        return "cannot-open";
    case StoreErrorCode::Io:
        return "io";
    case StoreErrorCode::Misuse:
        return "misuse";
    case StoreErrorCode::Other:
        return "other";
    }
    return "other";
}

// --- Statement -------------------------------------------------------------------------------

Statement::Statement(Database &database, sqlite3_stmt *statement)
    : m_database(&database)
    , m_statement(statement)
{}

Statement::Statement(Statement &&other) noexcept
    : m_database(std::exchange(other.m_database, nullptr))
    , m_statement(std::exchange(other.m_statement, nullptr))
    , m_error(std::move(other.m_error))
{}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_statement);
        m_database = std::exchange(other.m_database, nullptr);
        m_statement = std::exchange(other.m_statement, nullptr);
        m_error = std::move(other.m_error);
    }
    return *this;
}

Statement::~Statement()
{
    sqlite3_finalize(m_statement);
}

Statement &Statement::bind(int index, std::int64_t value)
{
    const int result = sqlite3_bind_int64(m_statement, index, value);
    if (result != SQLITE_OK && !m_error)
        m_error = m_database->errorFor(result, "binding a value");
    return *this;
}

Statement &Statement::bind(int index, std::string_view value)
{
    const int result = sqlite3_bind_text64(m_statement, index, value.data(), value.size(),
                                           SQLITE_TRANSIENT, SQLITE_UTF8);
    if (result != SQLITE_OK && !m_error)
        m_error = m_database->errorFor(result, "binding a value");
    return *this;
}

Statement &Statement::bindNull(int index)
{
    sqlite3_bind_null(m_statement, index);
    return *this;
}

bool Statement::step()
{
    if (m_error)
        return false;
    const int result = sqlite3_step(m_statement);
    if (result == SQLITE_ROW)
        return true;
    if (result != SQLITE_DONE)
        m_error = m_database->errorFor(result, "running a statement");
    return false;
}

void Statement::reset()
{
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    m_error.reset();
}

Status Statement::run()
{
    while (step()) {
    }
    Status error = m_error;
    sqlite3_reset(m_statement);
    return error;
}

std::int64_t Statement::columnInt(int index) const
{
    return sqlite3_column_int64(m_statement, index);
}

std::string Statement::columnText(int index) const
{
    const auto *text = sqlite3_column_text(m_statement, index);
    if (!text)
        return std::string();
    return std::string(reinterpret_cast<const char *>(text),
                       static_cast<std::size_t>(sqlite3_column_bytes(m_statement, index)));
}

bool Statement::columnIsNull(int index) const
{
    return sqlite3_column_type(m_statement, index) == SQLITE_NULL;
}

// --- Database --------------------------------------------------------------------------------

Database::Database(sqlite3 *db)
    : m_db(db)
{}

Database::Database(Database &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
{}

Database &Database::operator=(Database &&other) noexcept
{
    if (this != &other) {
        sqlite3_close_v2(m_db);
        m_db = std::exchange(other.m_db, nullptr);
    }
    return *this;
}

Database::~Database()
{
    sqlite3_close_v2(m_db);
}

namespace {

// A file: URI for `path` (RFC 8089; SQLite's URI filenames), with `?immutable=1`.
std::string immutableUri(const std::filesystem::path &path)
{
    std::string absolute = utf8Path(std::filesystem::absolute(path));
    std::replace(absolute.begin(), absolute.end(), '\\', '/');
    // "file:/C:/x" on Windows, "file:/home/x" elsewhere.
    std::string uri = absolute.starts_with('/') ? "file:" : "file:/";
    for (const unsigned char c : absolute) {
        if (c == '%' || c == '?' || c == '#' || c < 0x21 || c >= 0x7F) {
            static const char hex[] = "0123456789ABCDEF";
            uri += '%';
            uri += hex[c >> 4];
            uri += hex[c & 0xF];
        } else {
            uri += static_cast<char>(c);
        }
    }
    return uri + "?immutable=1";
}

} // namespace

StoreResult<Database> Database::open(const std::filesystem::path &path, Mode mode)
{
    int flags = SQLITE_OPEN_NOMUTEX;
    std::string name = utf8Path(path);
    switch (mode) {
    case Mode::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    case Mode::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    case Mode::Immutable:
        flags |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
        name = immutableUri(path);
        break;
    }
    sqlite3 *db = nullptr;
    const int result = sqlite3_open_v2(name.c_str(), &db, flags, nullptr);
    Database database(db); // closes the handle SQLite returns even on failure
    if (result != SQLITE_OK)
        return database.errorFor(result, "opening " + utf8Path(path));
    sqlite3_extended_result_codes(db, 1);
    return database;
}

Status Database::execute(std::string_view sql)
{
    const std::string text(sql);
    char *message = nullptr;
    const int result = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &message);
    sqlite3_free(message);
    if (result != SQLITE_OK)
        return errorFor(result, "running \"" + text.substr(0, 40) + "\"");
    return std::nullopt;
}

StoreResult<Statement> Database::prepare(std::string_view sql)
{
    sqlite3_stmt *statement = nullptr;
    const int result = sqlite3_prepare_v3(m_db, sql.data(), static_cast<int>(sql.size()),
                                          SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
    if (result != SQLITE_OK) {
        sqlite3_finalize(statement);
        return errorFor(result, "preparing \"" + std::string(sql.substr(0, 40)) + "\"");
    }
    return Statement(*this, statement);
}

bool Database::isReadOnly() const
{
    return sqlite3_db_readonly(m_db, "main") != 0;
}

void Database::setBusyTimeout(int milliseconds)
{
    sqlite3_busy_timeout(m_db, milliseconds);
}

std::int64_t Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

std::int64_t Database::changes() const
{
    return sqlite3_changes64(m_db);
}

StoreError Database::errorFor(int code, std::string_view what) const
{
    std::string message(what);
    message += ": ";
    message += m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(code);
    return StoreError{codeFor(code), std::move(message)};
}

} // namespace sendguard::sql
