#pragma once

#include "sqlite.h"

#include "engine/history.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sendguard {

// The schema version this build writes (PRAGMA user_version); older files are migrated on open.
inline constexpr int kHistorySchemaVersion = 5;

// One recipient of a mail that left, already normalised.
struct SentRecipient
{
    std::string address;     // ReviewedRecipient::normalisedAddress()
    std::string domain;      // A-label form
    std::string displayName; // as written; may be empty
    bool visible = false;    // in To or Cc: the other visible recipients saw this address
};

// A mail that really left: after onAfterSend, or read back from a Sent folder.
struct SentMail
{
    std::string messageId; // the Message-ID header; empty when unknown (then never de-duplicated)
    std::int64_t time = 0; // seconds since the epoch
    std::vector<SentRecipient> recipients;
};

struct AuditAttachment
{
    std::string name;
    std::int64_t size = -1;
};

// One decision: a send, a cancel, or a failure to decide (the host could not show a dialog).
struct AuditEntry
{
    std::int64_t time = 0; // seconds since the epoch
    std::string reviewId;
    std::string decision;                // "send", "cancel", "error: ..."
    std::vector<std::string> recipients; // normalised addresses
    std::vector<AuditAttachment> attachments;
    std::vector<std::string> findingsShown;  // rule ids, one per finding shown
    std::vector<std::string> findingsTicked; // rule ids of the findings the person ticked
    std::string policyFingerprint;
};

// The history of what the person sent (DESIGN.md, "History store"): recipients, the pairs of
// recipients that appeared together (and how often both were visible, in To or Cc), the message
// ids already learned, and the audit log.
//
// Something HistoryStore::open did that the person or IT should know about: a closed set, so
// that the command line can say it in the reader's language, and the English for the log.
struct HistoryNotice
{
    enum class Kind {
        FileReadOnly,       // the file cannot be written: opened read-only
        NotWritable,        // opening for writing failed (`detail`): trying read-only
        RollbackJournal,    // WAL could not be turned on (`detail`): rollback-journal mode stays
        SchemaUpgraded,     // the schema was upgraded from `from` to `to`
        FolderReadOnly,     // the folder cannot be written: the file is read as it stands
        RebuiltAfterDamage, // the file was damaged (`detail`): moved to `setAsideAs`, rebuilt
        NothingLearned,     // opened read-only: nothing new will be learned
    };

    Kind kind = Kind::FileReadOnly;
    std::string detail;     // SQLite's own words, in English
    std::string setAsideAs; // RebuiltAfterDamage: the damaged file's new name
    int from = 0;           // SchemaUpgraded
    int to = 0;             // SchemaUpgraded
    std::string message;    // the whole notice in English, for the log
};

// Opened once per process and used from one thread. Reads never fail outwards: a database
// that is locked, unreadable or gone answers as if empty and remembers the failure, which
// takeReadFailure() hands to the caller so the review can say "history unavailable". Writes
// return the error; they never throw.
class HistoryStore final : public HistoryView
{
public:
    struct Options
    {
        int busyTimeoutMilliseconds = 250;
        bool readOnly = false;     // open without writing (also chosen when the file is read-only)
        std::int64_t maxPages = 0; // a page limit, to test a full disk; 0: none
    };

    struct Opened
    {
        std::unique_ptr<HistoryStore> store;  // null when no database could be opened at all
        std::vector<HistoryNotice> warnings;  // set aside, read-only, migrated...
        std::optional<sql::StoreError> error; // why `store` is null
    };

    // Opens or creates the database at `path` (creating its folder), migrates an older schema,
    // and turns on WAL. A corrupt file is renamed to `<path>.corrupt-<time>` and a new one is
    // built, with a warning. A file that cannot be written is opened read-only, with a warning.
    // Anything but a regular file at `path` (a FIFO, a device, a folder) is never opened: CantOpen.
    static Opened open(const std::filesystem::path &path, const Options &options);
    static Opened open(const std::filesystem::path &path) { return open(path, Options()); }

    // Moves a damaged database and its -wal and -shm files to `<path>.corrupt-<time>`, as open
    // does with a file it finds corrupt; returns the new name. Close the store on it first.
    static std::filesystem::path setAside(const std::filesystem::path &path);

    // <data folder>/history.sqlite; empty when the platform names no data folder.
    static std::filesystem::path defaultPath(const std::filesystem::path &dataFolder);

    ~HistoryStore() override;
    HistoryStore(const HistoryStore &) = delete;
    HistoryStore &operator=(const HistoryStore &) = delete;

    // HistoryView
    std::vector<std::string> knownDomains() const override;
    std::int64_t domainCount(std::string_view asciiDomain) const override;
    bool hasHistory() const override;
    std::int64_t recipientCount(std::string_view address) const override;
    std::int64_t pairCount(std::string_view first, std::string_view second) const override;
    std::int64_t seenTogetherCount(std::string_view first, std::string_view second) const override;
    std::vector<std::string> addressesNamed(std::string_view displayName) const override;
    std::vector<std::string> addressesAt(std::string_view asciiDomain,
                                         std::size_t limit) const override;

    // Whether a read failed since the last call; clears the flag.
    std::optional<sql::StoreError> takeReadFailure() const;

    // Learns one mail in one transaction. A mail whose message id was learned before changes
    // nothing; `learned`, when given, says whether this one was new.
    sql::Status recordSent(const SentMail &mail, bool *learned = nullptr);

    // Learns a batch in one transaction; `learned` receives how many were new.
    sql::Status recordSentBatch(const std::vector<SentMail> &mails, std::int64_t &learned);

    sql::Status appendAudit(const AuditEntry &entry);
    // Entries with time >= `since`, oldest first.
    sql::StoreResult<std::vector<AuditEntry>> auditSince(std::int64_t since) const;
    // The same entries handed to `visit` one at a time, so that an export of years of decisions
    // holds one entry in memory, not all of them. An error may come after some entries.
    sql::Status forEachAuditSince(std::int64_t since,
                                  const std::function<void(const AuditEntry &)> &visit) const;
    // Deletes audit entries older than `days` days before `now`; returns how many went.
    sql::StoreResult<std::int64_t> pruneAudit(int days, std::int64_t now);

    bool readOnly() const { return m_readOnly; }
    // The schema version of the open file.
    int schemaVersion() const;

    // For tests and the benchmark: the underlying connection.
    sql::Database &database() { return m_db; }

private:
    HistoryStore(sql::Database db, bool readOnly);
    sql::Status prepareStatements();
    sql::Status recordOne(const SentMail &mail, bool &learned);
    std::optional<std::int64_t> upsertRecipient(const SentRecipient &recipient, std::int64_t time,
                                                sql::Status &error);
    void noteReadError(const sql::Statement &statement) const;

    mutable sql::Database m_db;
    bool m_readOnly = false;
    struct Statements;
    std::unique_ptr<Statements> m_statements;
    mutable std::optional<sql::StoreError> m_readFailure;
    mutable std::optional<std::vector<std::string>> m_knownDomains; // cached until a write
};

namespace historyschema {

// Brings a database from its user_version to `target`, one migration per transaction.
// Exposed so tests can build files at every older version.
sql::Status migrate(sql::Database &db, int target);
sql::StoreResult<int> userVersion(sql::Database &db);

} // namespace historyschema

} // namespace sendguard
