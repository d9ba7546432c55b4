#include "historystore.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <system_error>

namespace sendguard {

namespace {

using sql::Database;
using sql::Statement;
using sql::Status;
using sql::StoreError;
using sql::StoreErrorCode;
using sql::StoreResult;

// The lookalike rule compares against these; a person writes to far fewer domains than this.
constexpr int kMaxKnownDomains = 5000;
// A mail to more people than this teaches who they are, but not who goes with whom: a
// newsletter to 300 people would add 45,000 pairs and say nothing about groups.
constexpr std::size_t kMaxPairRecipients = 50;

// Migration N brings user_version N-1 to N. Append only; never edit a shipped one.
const char *const kMigrations[] = {
    // 1: recipients, their domains, and pairs that appeared together (each unordered pair once,
    // as the smaller id first).
    "CREATE TABLE recipients ("
    "  id INTEGER PRIMARY KEY,"
    "  address TEXT NOT NULL UNIQUE,"
    "  domain TEXT NOT NULL,"
    "  first_sent INTEGER NOT NULL,"
    "  last_sent INTEGER NOT NULL,"
    "  count INTEGER NOT NULL);"
    "CREATE TABLE domains ("
    "  domain TEXT PRIMARY KEY,"
    "  first_sent INTEGER NOT NULL,"
    "  count INTEGER NOT NULL) WITHOUT ROWID;"
    "CREATE TABLE pairs ("
    "  a INTEGER NOT NULL,"
    "  b INTEGER NOT NULL,"
    "  count INTEGER NOT NULL,"
    "  PRIMARY KEY (a, b),"
    "  CHECK (a < b)) WITHOUT ROWID;",
    // 2: display names seen per recipient, and the message ids already learned.
    "CREATE TABLE display_names ("
    "  recipient_id INTEGER NOT NULL,"
    "  name_key TEXT NOT NULL,"
    "  name TEXT NOT NULL,"
    "  count INTEGER NOT NULL,"
    "  PRIMARY KEY (recipient_id, name_key)) WITHOUT ROWID;"
    "CREATE INDEX display_names_by_key ON display_names (name_key);"
    "CREATE TABLE learned_messages (message_id TEXT PRIMARY KEY) WITHOUT ROWID;",
    // 3: the audit log of decisions.
    "CREATE TABLE audit_log ("
    "  id INTEGER PRIMARY KEY,"
    "  time INTEGER NOT NULL,"
    "  review_id TEXT NOT NULL,"
    "  decision TEXT NOT NULL,"
    "  recipients TEXT NOT NULL,"
    "  attachments TEXT NOT NULL,"
    "  findings_shown TEXT NOT NULL,"
    "  findings_ticked TEXT NOT NULL,"
    "  policy_fingerprint TEXT NOT NULL);"
    "CREATE INDEX audit_log_by_time ON audit_log (time);",
    // 4: of a pair's mails, how many had both in To or Cc, so each saw the other's address.
    // Pairs learned before stay at 0: which field they were in was not kept, and a pair that
    // was only ever in Bcc must never pass for one that saw each other.
    "ALTER TABLE pairs ADD COLUMN visible INTEGER NOT NULL DEFAULT 0;",
    // 5: the addresses at a domain, most written to first, for lookalike-address.
    "CREATE INDEX recipients_by_domain ON recipients (domain, count);",
};
static_assert(std::size(kMigrations) == kHistorySchemaVersion);

std::int64_t nowSeconds()
{
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

template<typename T>
const StoreError *errorOf(const StoreResult<T> &result)
{
    return std::get_if<StoreError>(&result);
}

nlohmann::json stringsJson(const std::vector<std::string> &strings)
{
    return nlohmann::json(strings);
}

std::vector<std::string> stringsFrom(const std::string &text)
{
    try {
        const auto json = nlohmann::json::parse(text);
        return json.get<std::vector<std::string>>();
    } catch (const nlohmann::json::exception &) {
        return {};
    }
}

std::string dump(const nlohmann::json &json)
{
    return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Moves the database and its WAL and shared-memory files aside; returns the new name.
std::filesystem::path moveAside(const std::filesystem::path &path)
{
    const std::string suffix = ".corrupt-" + std::to_string(nowSeconds());
    std::filesystem::path target = path;
    target += suffix;
    std::error_code ignored;
    std::filesystem::rename(path, target, ignored);
    for (const char *extra : {"-wal", "-shm"}) {
        std::filesystem::path from = path;
        from += extra;
        std::filesystem::path to = target;
        to += extra;
        std::filesystem::rename(from, to, ignored);
    }
    return target;
}

} // namespace

namespace historyschema {

StoreResult<int> userVersion(Database &db)
{
    auto prepared = db.prepare("PRAGMA user_version");
    if (auto *error = errorOf(prepared))
        return *error;
    Statement &statement = std::get<Statement>(prepared);
    if (!statement.step())
        return statement.error().value_or(StoreError{StoreErrorCode::Other, "no user_version"});
    return static_cast<int>(statement.columnInt(0));
}

Status migrate(Database &db, int target)
{
    for (;;) {
        auto version = userVersion(db);
        if (auto *error = errorOf(version))
            return *error;
        const int current = std::get<int>(version);
        if (current >= target)
            return std::nullopt;
        Status failed = sql::inTransaction(db, [&]() -> Status {
            if (Status error = db.execute(kMigrations[current]))
                return error;
            return db.execute("PRAGMA user_version = " + std::to_string(current + 1));
        });
        if (failed)
            return failed;
    }
}

} // namespace historyschema

struct HistoryStore::Statements
{
    std::optional<Statement> domainCount, knownDomains, anyRecipient, recipientCount, pairCount,
        seenTogetherCount, addressesNamed, addressesAt, insertLearned, upsertRecipient,
        upsertDomain, upsertName, upsertPair, insertAudit, auditSince, pruneAudit;
};

HistoryStore::HistoryStore(Database db, bool readOnly)
    : m_db(std::move(db))
    , m_readOnly(readOnly)
    , m_statements(std::make_unique<Statements>())
{}

HistoryStore::~HistoryStore()
{
    m_statements.reset(); // statements before the connection
}

std::filesystem::path HistoryStore::defaultPath(const std::filesystem::path &dataFolder)
{
    if (dataFolder.empty())
        return {};
    return dataFolder / "history.sqlite";
}

namespace {

struct Connection
{
    std::optional<Database> db;
    bool readOnly = false;
    std::optional<StoreError> error;
};

// `notice` with its English sentence for the log.
HistoryNotice withMessage(HistoryNotice notice)
{
    using Kind = HistoryNotice::Kind;
    switch (notice.kind) {
    case Kind::FileReadOnly:
        notice.message = "history file cannot be written; opened read-only";
        break;
    case Kind::NotWritable:
        notice.message
            = "history cannot be opened for writing (" + notice.detail + "); trying read-only";
        break;
    case Kind::RollbackJournal:
        notice.message = "history stays in rollback-journal mode: " + notice.detail;
        break;
    case Kind::SchemaUpgraded:
        notice.message = "history schema upgraded from " + std::to_string(notice.from) + " to "
                         + std::to_string(notice.to);
        break;
    case Kind::FolderReadOnly:
        notice.message = "history folder is read-only: reading the file as it is";
        break;
    case Kind::RebuiltAfterDamage:
        notice.message = "history was corrupt (" + notice.detail + "); moved to "
                         + notice.setAsideAs + " and rebuilt";
        break;
    case Kind::NothingLearned:
        notice.message = "history is read-only: nothing new will be learned";
        break;
    }
    return notice;
}

HistoryNotice notice(HistoryNotice::Kind kind, std::string detail = {})
{
    HistoryNotice made;
    made.kind = kind;
    made.detail = std::move(detail);
    return withMessage(std::move(made));
}

Connection connect(const std::filesystem::path &path, const HistoryStore::Options &options,
                   std::vector<HistoryNotice> &warnings)
{
    Connection connection;
    if (!options.readOnly) {
        auto opened = Database::open(path, Database::Mode::ReadWrite);
        if (auto *db = std::get_if<Database>(&opened)) {
            connection.db.emplace(std::move(*db));
            connection.readOnly = connection.db->isReadOnly();
            if (connection.readOnly)
                warnings.push_back(notice(HistoryNotice::Kind::FileReadOnly));
            return connection;
        }
        connection.error = std::get<StoreError>(opened);
        warnings.push_back(notice(HistoryNotice::Kind::NotWritable, connection.error->message));
    }
    auto opened = Database::open(path, Database::Mode::ReadOnly);
    if (auto *db = std::get_if<Database>(&opened)) {
        connection.db.emplace(std::move(*db));
        connection.readOnly = true;
        connection.error.reset();
        return connection;
    }
    connection.error = std::get<StoreError>(opened);
    return connection;
}

// Sets the connection up and brings the schema up to date. Corrupt: the caller rebuilds.
Status prepareConnection(Database &db, bool readOnly, const HistoryStore::Options &options,
                         std::vector<HistoryNotice> &warnings)
{
    db.setBusyTimeout(options.busyTimeoutMilliseconds);
    auto version = historyschema::userVersion(db);
    if (auto *error = errorOf(version))
        return *error;
    if (options.maxPages > 0)
        db.execute("PRAGMA max_page_count = " + std::to_string(options.maxPages));
    if (!readOnly) {
        // WAL: readers never wait for the writer, and a killed writer loses only its open
        // transaction. NORMAL sync is durable across process crashes in WAL mode.
        if (Status error = db.execute("PRAGMA journal_mode = WAL"))
            warnings.push_back(notice(HistoryNotice::Kind::RollbackJournal, error->message));
        db.execute("PRAGMA synchronous = NORMAL");
    }
    const int current = std::get<int>(version);
    if (current > kHistorySchemaVersion) {
        return StoreError{StoreErrorCode::Other, "history was written by a newer SendGuard (schema "
                                                     + std::to_string(current) + ")"};
    }
    if (current < kHistorySchemaVersion) {
        if (readOnly)
            return StoreError{StoreErrorCode::ReadOnly,
                              "history needs an upgrade but is read-only"};
        if (Status error = historyschema::migrate(db, kHistorySchemaVersion))
            return error;
        if (current > 0) {
            HistoryNotice upgraded;
            upgraded.kind = HistoryNotice::Kind::SchemaUpgraded;
            upgraded.from = current;
            upgraded.to = kHistorySchemaVersion;
            warnings.push_back(withMessage(std::move(upgraded)));
        }
    }
    // A cheap look at the first pages: a damaged header or schema shows here, not mid-review.
    auto check = db.prepare("SELECT count(*) FROM sqlite_schema");
    if (auto *error = errorOf(check))
        return *error;
    Statement &statement = std::get<Statement>(check);
    statement.step();
    return statement.error();
}

} // namespace

std::filesystem::path HistoryStore::setAside(const std::filesystem::path &path)
{
    return moveAside(path);
}

HistoryStore::Opened HistoryStore::open(const std::filesystem::path &path, const Options &options)
{
    Opened opened;
    std::error_code ignored;
    std::filesystem::create_directories(path.parent_path(), ignored);
    // SQLite's first read of a FIFO in the file's place waits for a writer that never comes: the
    // host once hung at its start, before answering anything. A device is no history either.
    const auto status = std::filesystem::status(path, ignored);
    if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
        opened.error
            = StoreError{StoreErrorCode::CantOpen, sql::utf8Path(path) + " is not a regular file"};
        return opened;
    }

    for (int attempt = 0; attempt < 2; ++attempt) {
        Connection connection = connect(path, options, opened.warnings);
        if (!connection.db) {
            opened.error = connection.error;
            return opened;
        }
        Status error
            = prepareConnection(*connection.db, connection.readOnly, options, opened.warnings);
        if (error && error->code == StoreErrorCode::ReadOnly) {
            // A WAL database in a folder that cannot be written (the file itself may be
            // writable): SQLite cannot make the -shm file it reads through. Nobody can write
            // there either, so the file as it stands is all there is to read. (Once, a writable
            // file in a read-only folder left the history unavailable altogether.)
            connection.db.reset();
            auto immutable = Database::open(path, Database::Mode::Immutable);
            if (auto *db = std::get_if<Database>(&immutable)) {
                connection.db.emplace(std::move(*db));
                connection.readOnly = true;
                opened.warnings.push_back(notice(HistoryNotice::Kind::FolderReadOnly));
                error = prepareConnection(*connection.db, true, options, opened.warnings);
            }
        }
        if (error && error->code == StoreErrorCode::Corrupt && attempt == 0
            && !connection.readOnly) {
            connection.db.reset();
            const auto aside = moveAside(path);
            HistoryNotice rebuilt;
            rebuilt.kind = HistoryNotice::Kind::RebuiltAfterDamage;
            rebuilt.detail = error->message;
            rebuilt.setAsideAs = sql::utf8Path(aside.filename());
            opened.warnings.push_back(withMessage(std::move(rebuilt)));
            continue;
        }
        if (error) {
            opened.error = error;
            return opened;
        }
        if (connection.readOnly)
            opened.warnings.push_back(notice(HistoryNotice::Kind::NothingLearned));
        std::unique_ptr<HistoryStore> store(
            new HistoryStore(std::move(*connection.db), connection.readOnly));
        if (Status failed = store->prepareStatements()) {
            opened.error = failed;
            return opened;
        }
        opened.store = std::move(store);
        return opened;
    }
    return opened;
}

Status HistoryStore::prepareStatements()
{
    Statements &s = *m_statements;
    const std::pair<std::optional<Statement> *, const char *> all[] = {
        {&s.domainCount, "SELECT count FROM domains WHERE domain = ?1"},
        {&s.knownDomains, "SELECT domain FROM domains ORDER BY count DESC LIMIT ?1"},
        {&s.anyRecipient, "SELECT 1 FROM recipients LIMIT 1"},
        {&s.recipientCount, "SELECT count FROM recipients WHERE address = ?1"},
        {&s.pairCount, "SELECT p.count FROM pairs p,"
                       " (SELECT (SELECT id FROM recipients WHERE address = ?1) AS x,"
                       "         (SELECT id FROM recipients WHERE address = ?2) AS y) ids"
                       " WHERE p.a = min(ids.x, ids.y) AND p.b = max(ids.x, ids.y)"},
        {&s.seenTogetherCount, "SELECT p.visible FROM pairs p,"
                               " (SELECT (SELECT id FROM recipients WHERE address = ?1) AS x,"
                               "         (SELECT id FROM recipients WHERE address = ?2) AS y) ids"
                               " WHERE p.a = min(ids.x, ids.y) AND p.b = max(ids.x, ids.y)"},
        {&s.addressesNamed,
         "SELECT r.address FROM display_names n JOIN recipients r ON r.id = n.recipient_id"
         " WHERE n.name_key = ?1 ORDER BY n.count DESC LIMIT 20"},
        {&s.addressesAt, "SELECT address FROM recipients WHERE domain = ?1"
                         " ORDER BY count DESC LIMIT ?2"},
        {&s.insertLearned, "INSERT OR IGNORE INTO learned_messages (message_id) VALUES (?1)"},
        {&s.upsertRecipient,
         "INSERT INTO recipients (address, domain, first_sent, last_sent, count)"
         " VALUES (?1, ?2, ?3, ?3, 1) ON CONFLICT (address) DO UPDATE SET"
         " count = count + 1, first_sent = min(first_sent, excluded.first_sent),"
         " last_sent = max(last_sent, excluded.last_sent) RETURNING id"},
        {&s.upsertDomain, "INSERT INTO domains (domain, first_sent, count) VALUES (?1, ?2, 1)"
                          " ON CONFLICT (domain) DO UPDATE SET count = count + 1,"
                          " first_sent = min(first_sent, excluded.first_sent)"},
        {&s.upsertName,
         "INSERT INTO display_names (recipient_id, name_key, name, count) VALUES (?1, ?2, ?3, 1)"
         " ON CONFLICT (recipient_id, name_key) DO UPDATE SET count = count + 1,"
         " name = excluded.name"},
        {&s.upsertPair, "INSERT INTO pairs (a, b, count, visible) VALUES (?1, ?2, 1, ?3)"
                        " ON CONFLICT (a, b) DO UPDATE SET count = count + 1,"
                        " visible = visible + excluded.visible"},
        {&s.insertAudit,
         "INSERT INTO audit_log (time, review_id, decision, recipients, attachments,"
         " findings_shown, findings_ticked, policy_fingerprint)"
         " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"},
        {&s.auditSince,
         "SELECT time, review_id, decision, recipients, attachments, findings_shown,"
         " findings_ticked, policy_fingerprint FROM audit_log WHERE time >= ?1 ORDER BY id"},
        {&s.pruneAudit, "DELETE FROM audit_log WHERE time < ?1"},
    };
    for (const auto &[slot, text] : all) {
        auto prepared = m_db.prepare(text);
        if (auto *error = errorOf(prepared))
            return *error;
        slot->emplace(std::move(std::get<Statement>(prepared)));
    }
    return std::nullopt;
}

int HistoryStore::schemaVersion() const
{
    auto version = historyschema::userVersion(m_db);
    if (auto *value = std::get_if<int>(&version))
        return *value;
    return -1;
}

// --- Reads -----------------------------------------------------------------------------------

void HistoryStore::noteReadError(const Statement &statement) const
{
    if (statement.error() && !m_readFailure)
        m_readFailure = statement.error();
}

std::optional<sql::StoreError> HistoryStore::takeReadFailure() const
{
    return std::exchange(m_readFailure, std::nullopt);
}

namespace {

// Runs a query that yields one integer; 0 when it yields no row or fails.
std::int64_t singleInt(Statement &statement)
{
    const std::int64_t value = statement.step() ? statement.columnInt(0) : 0;
    return value;
}

} // namespace

std::vector<std::string> HistoryStore::knownDomains() const
{
    if (m_knownDomains)
        return *m_knownDomains;
    Statement &statement = *m_statements->knownDomains;
    statement.reset();
    statement.bind(1, std::int64_t{kMaxKnownDomains});
    std::vector<std::string> domains;
    while (statement.step())
        domains.push_back(statement.columnText(0));
    noteReadError(statement);
    if (!statement.error())
        m_knownDomains = domains;
    statement.reset();
    return domains;
}

std::int64_t HistoryStore::domainCount(std::string_view asciiDomain) const
{
    Statement &statement = *m_statements->domainCount;
    statement.reset();
    statement.bind(1, asciiDomain);
    const std::int64_t count = singleInt(statement);
    noteReadError(statement);
    statement.reset();
    return count;
}

bool HistoryStore::hasHistory() const
{
    Statement &statement = *m_statements->anyRecipient;
    statement.reset();
    const bool any = statement.step();
    noteReadError(statement);
    statement.reset();
    return any;
}

std::int64_t HistoryStore::recipientCount(std::string_view address) const
{
    Statement &statement = *m_statements->recipientCount;
    statement.reset();
    statement.bind(1, address);
    const std::int64_t count = singleInt(statement);
    noteReadError(statement);
    statement.reset();
    return count;
}

std::int64_t HistoryStore::pairCount(std::string_view first, std::string_view second) const
{
    if (first == second)
        return 0;
    Statement &statement = *m_statements->pairCount;
    statement.reset();
    statement.bind(1, first).bind(2, second);
    const std::int64_t count = singleInt(statement);
    noteReadError(statement);
    statement.reset();
    return count;
}

std::int64_t HistoryStore::seenTogetherCount(std::string_view first, std::string_view second) const
{
    if (first == second)
        return 0;
    Statement &statement = *m_statements->seenTogetherCount;
    statement.reset();
    statement.bind(1, first).bind(2, second);
    const std::int64_t count = singleInt(statement);
    noteReadError(statement);
    statement.reset();
    return count;
}

std::vector<std::string> HistoryStore::addressesNamed(std::string_view displayName) const
{
    const std::string key = displayNameKey(displayName);
    if (key.empty())
        return {};
    Statement &statement = *m_statements->addressesNamed;
    statement.reset();
    statement.bind(1, key);
    std::vector<std::string> addresses;
    while (statement.step())
        addresses.push_back(statement.columnText(0));
    noteReadError(statement);
    statement.reset();
    return addresses;
}

std::vector<std::string> HistoryStore::addressesAt(std::string_view asciiDomain,
                                                   std::size_t limit) const
{
    if (asciiDomain.empty() || limit == 0)
        return {};
    Statement &statement = *m_statements->addressesAt;
    statement.reset();
    statement.bind(1, asciiDomain).bind(2, static_cast<std::int64_t>(limit));
    std::vector<std::string> addresses;
    while (statement.step())
        addresses.push_back(statement.columnText(0));
    noteReadError(statement);
    statement.reset();
    return addresses;
}

// --- Writes ----------------------------------------------------------------------------------

std::optional<std::int64_t> HistoryStore::upsertRecipient(const SentRecipient &recipient,
                                                          std::int64_t time, Status &error)
{
    Statements &s = *m_statements;
    s.upsertRecipient->reset();
    s.upsertRecipient->bind(1, recipient.address).bind(2, recipient.domain).bind(3, time);
    if (!s.upsertRecipient->step()) {
        error = s.upsertRecipient->error().value_or(
            StoreError{StoreErrorCode::Other, "recording a recipient returned no id"});
        return std::nullopt;
    }
    const std::int64_t id = s.upsertRecipient->columnInt(0);
    if ((error = s.upsertRecipient->run()))
        return std::nullopt;

    const std::string key = displayNameKey(recipient.displayName);
    if (!key.empty()) {
        s.upsertName->reset();
        s.upsertName->bind(1, id).bind(2, key).bind(3, recipient.displayName);
        if ((error = s.upsertName->run()))
            return std::nullopt;
    }
    return id;
}

Status HistoryStore::recordOne(const SentMail &mail, bool &learned)
{
    Statements &s = *m_statements;
    learned = false;
    if (!mail.messageId.empty()) {
        s.insertLearned->reset();
        s.insertLearned->bind(1, mail.messageId);
        if (Status error = s.insertLearned->run())
            return error;
        if (m_db.changes() == 0)
            return std::nullopt; // learned before
    }

    const std::int64_t time = mail.time > 0 ? mail.time : nowSeconds();
    // Each recipient once, by id; visible when any of their entries was in To or Cc.
    std::vector<std::pair<std::int64_t, bool>> ids;
    std::set<std::string> domains;
    std::map<std::string, std::size_t, std::less<>> seen;
    for (const SentRecipient &recipient : mail.recipients) {
        if (recipient.address.empty())
            continue;
        if (const auto it = seen.find(recipient.address); it != seen.end()) {
            ids[it->second].second = ids[it->second].second || recipient.visible;
            continue;
        }
        Status error;
        const auto id = upsertRecipient(recipient, time, error);
        if (!id)
            return error;
        seen.emplace(recipient.address, ids.size());
        ids.emplace_back(*id, recipient.visible);
        domains.insert(recipient.domain);
    }
    for (const std::string &domain : domains) {
        s.upsertDomain->reset();
        s.upsertDomain->bind(1, domain).bind(2, time);
        if (Status error = s.upsertDomain->run())
            return error;
    }
    if (ids.size() <= kMaxPairRecipients) {
        std::sort(ids.begin(), ids.end());
        for (std::size_t i = 0; i < ids.size(); ++i) {
            for (std::size_t j = i + 1; j < ids.size(); ++j) {
                const bool bothVisible = ids[i].second && ids[j].second;
                s.upsertPair->reset();
                s.upsertPair->bind(1, ids[i].first)
                    .bind(2, ids[j].first)
                    .bind(3, std::int64_t{bothVisible ? 1 : 0});
                if (Status error = s.upsertPair->run())
                    return error;
            }
        }
    }
    learned = true;
    return std::nullopt;
}

Status HistoryStore::recordSent(const SentMail &mail, bool *learned)
{
    if (m_readOnly)
        return StoreError{StoreErrorCode::ReadOnly, "history is read-only"};
    bool isNew = false;
    Status error = sql::inTransaction(m_db, [&] { return recordOne(mail, isNew); });
    m_knownDomains.reset();
    if (learned)
        *learned = !error && isNew;
    return error;
}

Status HistoryStore::recordSentBatch(const std::vector<SentMail> &mails, std::int64_t &learned)
{
    learned = 0;
    if (m_readOnly)
        return StoreError{StoreErrorCode::ReadOnly, "history is read-only"};
    std::int64_t count = 0;
    Status error = sql::inTransaction(m_db, [&]() -> Status {
        for (const SentMail &mail : mails) {
            bool isNew = false;
            if (Status failed = recordOne(mail, isNew))
                return failed;
            count += isNew ? 1 : 0;
        }
        return std::nullopt;
    });
    m_knownDomains.reset();
    if (!error)
        learned = count;
    return error;
}

Status HistoryStore::appendAudit(const AuditEntry &entry)
{
    if (m_readOnly)
        return StoreError{StoreErrorCode::ReadOnly, "history is read-only"};
    nlohmann::json attachments = nlohmann::json::array();
    for (const auto &attachment : entry.attachments)
        attachments.push_back({{"name", attachment.name}, {"size", attachment.size}});
    Statement &statement = *m_statements->insertAudit;
    statement.reset();
    statement.bind(1, entry.time > 0 ? entry.time : nowSeconds())
        .bind(2, entry.reviewId)
        .bind(3, entry.decision)
        .bind(4, dump(stringsJson(entry.recipients)))
        .bind(5, dump(attachments))
        .bind(6, dump(stringsJson(entry.findingsShown)))
        .bind(7, dump(stringsJson(entry.findingsTicked)))
        .bind(8, entry.policyFingerprint);
    return statement.run();
}

StoreResult<std::vector<AuditEntry>> HistoryStore::auditSince(std::int64_t since) const
{
    std::vector<AuditEntry> entries;
    if (Status error
        = forEachAuditSince(since, [&](const AuditEntry &entry) { entries.push_back(entry); }))
        return *error;
    return entries;
}

Status HistoryStore::forEachAuditSince(std::int64_t since,
                                       const std::function<void(const AuditEntry &)> &visit) const
{
    Statement &statement = *m_statements->auditSince;
    statement.reset();
    statement.bind(1, since);
    while (statement.step()) {
        AuditEntry entry;
        entry.time = statement.columnInt(0);
        entry.reviewId = statement.columnText(1);
        entry.decision = statement.columnText(2);
        entry.recipients = stringsFrom(statement.columnText(3));
        try {
            for (const auto &item : nlohmann::json::parse(statement.columnText(4)))
                entry.attachments.push_back(
                    {item.value("name", std::string()), item.value("size", std::int64_t{-1})});
        } catch (const nlohmann::json::exception &) {
            // An unreadable attachments column leaves the list empty; the row still exports.
        }
        entry.findingsShown = stringsFrom(statement.columnText(5));
        entry.findingsTicked = stringsFrom(statement.columnText(6));
        entry.policyFingerprint = statement.columnText(7);
        visit(entry);
    }
    Status error = statement.error();
    statement.reset();
    return error;
}

StoreResult<std::int64_t> HistoryStore::pruneAudit(int days, std::int64_t now)
{
    if (m_readOnly)
        return StoreError{StoreErrorCode::ReadOnly, "history is read-only"};
    Statement &statement = *m_statements->pruneAudit;
    statement.reset();
    statement.bind(1, now - std::int64_t{days} * 86400);
    if (Status error = statement.run())
        return *error;
    return m_db.changes();
}

} // namespace sendguard
