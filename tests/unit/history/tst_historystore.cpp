#include "history/historystore.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#ifdef _WIN32
#include <process.h>
#else
#include <csignal>
#include <sys/wait.h>
#include <unistd.h>
#endif

namespace sendguard {
namespace {

namespace fs = std::filesystem;

int processId()
{
#ifdef _WIN32
    return ::_getpid();
#else
    return ::getpid();
#endif
}

class TempFolder
{
public:
    TempFolder()
    {
        const auto *info = ::testing::UnitTest::GetInstance()->current_test_info();
        m_path = fs::temp_directory_path()
                 / ("sendguard-history-" + std::to_string(processId()) + "-" + info->name());
        fs::remove_all(m_path);
        fs::create_directories(m_path);
    }
    ~TempFolder() { fs::remove_all(m_path); }
    fs::path file(const std::string &name) const { return m_path / name; }
    const fs::path &path() const { return m_path; }

private:
    fs::path m_path;
};

SentMail mailTo(std::string messageId, std::vector<std::string> addresses, std::int64_t time = 1000)
{
    SentMail mail{std::move(messageId), time, {}};
    for (auto &address : addresses) {
        const std::string domain = address.substr(address.find('@') + 1);
        mail.recipients.push_back({address, domain, ""});
    }
    return mail;
}

std::unique_ptr<HistoryStore> openOk(const fs::path &path, HistoryStore::Options options = {})
{
    auto opened = HistoryStore::open(path, options);
    EXPECT_TRUE(opened.store) << (opened.error ? opened.error->message : "");
    return std::move(opened.store);
}

std::int64_t countRows(sql::Database &db, const std::string &table)
{
    auto prepared = db.prepare("SELECT count(*) FROM " + table);
    auto &statement = std::get<sql::Statement>(prepared);
    return statement.step() ? statement.columnInt(0) : -1;
}

std::string integrity(sql::Database &db)
{
    auto prepared = db.prepare("PRAGMA integrity_check");
    auto &statement = std::get<sql::Statement>(prepared);
    return statement.step() ? statement.columnText(0) : "no answer";
}

TEST(HistoryStore, CreatesTheLatestSchemaInWalMode)
{
    TempFolder folder;
    auto store = openOk(folder.file("sub/history.sqlite"));
    ASSERT_TRUE(store);
    EXPECT_EQ(store->schemaVersion(), kHistorySchemaVersion);
    auto prepared = store->database().prepare("PRAGMA journal_mode");
    auto &statement = std::get<sql::Statement>(prepared);
    ASSERT_TRUE(statement.step());
    EXPECT_EQ(statement.columnText(0), "wal");
    EXPECT_FALSE(store->hasHistory());
}

TEST(HistoryStore, RecordsRecipientsDomainsPairsAndNames)
{
    TempFolder folder;
    auto store = openOk(folder.file("history.sqlite"));
    SentMail mail
        = mailTo("", {"alice@client.example", "bob@client.example", "carol@corp.example"});
    mail.recipients[0].displayName = "Alice  Example";
    ASSERT_FALSE(store->recordSent(mail));
    ASSERT_FALSE(store->recordSent(mailTo("", {"alice@client.example", "bob@client.example"})));

    EXPECT_TRUE(store->hasHistory());
    EXPECT_EQ(store->recipientCount("alice@client.example"), 2);
    EXPECT_EQ(store->recipientCount("carol@corp.example"), 1);
    EXPECT_EQ(store->recipientCount("nobody@client.example"), 0);
    EXPECT_EQ(store->domainCount("client.example"), 2); // per mail, not per recipient
    EXPECT_EQ(store->pairCount("alice@client.example", "bob@client.example"), 2);
    EXPECT_EQ(store->pairCount("bob@client.example", "alice@client.example"), 2);
    EXPECT_EQ(store->pairCount("alice@client.example", "carol@corp.example"), 1);
    EXPECT_EQ(store->pairCount("alice@client.example", "nobody@x.example"), 0);
    EXPECT_EQ(countRows(store->database(), "pairs"), 3); // each unordered pair once
    EXPECT_EQ(store->addressesNamed("\"alice example\""),
              std::vector<std::string>{"alice@client.example"});
    EXPECT_EQ(store->knownDomains().size(), 2u);
    EXPECT_FALSE(store->takeReadFailure());
}

TEST(HistoryStore, AddressesAtADomainComeMostWrittenToFirstUpToTheLimit)
{
    TempFolder folder;
    auto store = openOk(folder.file("history.sqlite"));
    ASSERT_FALSE(store->recordSent(mailTo("", {"a@client.example", "b@client.example"})));
    ASSERT_FALSE(store->recordSent(mailTo("", {"b@client.example", "c@other.example"})));
    ASSERT_FALSE(store->recordSent(mailTo("", {"b@client.example", "c@client.example"})));
    ASSERT_FALSE(store->recordSent(mailTo("", {"c@client.example"})));

    EXPECT_EQ(
        store->addressesAt("client.example", 10),
        (std::vector<std::string>{"b@client.example", "c@client.example", "a@client.example"}));
    EXPECT_EQ(store->addressesAt("client.example", 1),
              std::vector<std::string>{"b@client.example"});
    EXPECT_TRUE(store->addressesAt("nowhere.example", 10).empty());
    EXPECT_TRUE(store->addressesAt("client.example", 0).empty());
    EXPECT_FALSE(store->takeReadFailure());
}

// A Japanese user name in the data folder (C:\Users\山田\AppData\Local on Windows): the file
// must land under that very name, not under the ANSI code page's "??".
TEST(HistoryStore, OpensInAFolderNamedOutsideAscii)
{
    TempFolder folder;
    const fs::path dataFolder = folder.path() / fs::path(u8"山田 データ");
    fs::create_directories(dataFolder);
    const fs::path path = dataFolder / "history.sqlite";
    ASSERT_FALSE(openOk(path)->recordSent(mailTo("", {"a@x.example"})));
    EXPECT_TRUE(fs::exists(path));
    EXPECT_EQ(openOk(path)->recipientCount("a@x.example"), 1);
    EXPECT_EQ(sql::utf8Path(path.filename()), "history.sqlite");
    EXPECT_NE(sql::utf8Path(path).find("山田 データ"), std::string::npos);
}

TEST(HistoryStore, LearningTheSameMessageTwiceChangesNothing)
{
    TempFolder folder;
    auto store = openOk(folder.file("history.sqlite"));
    const std::vector<SentMail> batch{mailTo("<1@corp.example>", {"a@x.example", "b@x.example"}),
                                      mailTo("<2@corp.example>", {"a@x.example"})};
    std::int64_t learned = -1;
    ASSERT_FALSE(store->recordSentBatch(batch, learned));
    EXPECT_EQ(learned, 2);
    ASSERT_FALSE(store->recordSentBatch(batch, learned));
    EXPECT_EQ(learned, 0);
    EXPECT_EQ(store->recipientCount("a@x.example"), 2);
    EXPECT_EQ(store->pairCount("a@x.example", "b@x.example"), 1);
}

SentMail visibleMail(std::string messageId, std::vector<std::string> visible,
                     std::vector<std::string> hidden)
{
    SentMail mail = mailTo(std::move(messageId), visible);
    for (auto &recipient : mail.recipients)
        recipient.visible = true;
    for (const SentRecipient &recipient : mailTo("", std::move(hidden)).recipients)
        mail.recipients.push_back(recipient);
    return mail;
}

TEST(HistoryStore, CountsWhoSawWhomApartFromWhoHadMailTogether)
{
    TempFolder folder;
    auto store = openOk(folder.file("history.sqlite"));
    ASSERT_FALSE(store->recordSent(
        visibleMail("<1@corp.example>", {"a@x.example", "b@y.example"}, {"c@z.example"})));
    ASSERT_FALSE(
        store->recordSent(visibleMail("<2@corp.example>", {"a@x.example"}, {"b@y.example"})));

    EXPECT_EQ(store->pairCount("a@x.example", "b@y.example"), 2);
    EXPECT_EQ(store->seenTogetherCount("a@x.example", "b@y.example"), 1);
    EXPECT_EQ(store->seenTogetherCount("b@y.example", "a@x.example"), 1);
    EXPECT_EQ(store->pairCount("a@x.example", "c@z.example"), 1);
    EXPECT_EQ(store->seenTogetherCount("a@x.example", "c@z.example"), 0);
    EXPECT_EQ(store->seenTogetherCount("a@x.example", "a@x.example"), 0);
    EXPECT_EQ(store->seenTogetherCount("a@x.example", "nobody@x.example"), 0);
    EXPECT_FALSE(store->takeReadFailure());
}

TEST(HistoryStore, AnAddressInToAndAgainInBccWasSeen)
{
    TempFolder folder;
    auto store = openOk(folder.file("history.sqlite"));
    SentMail mail = visibleMail("", {"a@x.example"}, {"b@y.example"});
    mail.recipients.push_back({"b@y.example", "y.example", "", true});
    ASSERT_FALSE(store->recordSent(mail));
    EXPECT_EQ(store->recipientCount("b@y.example"), 1);
    EXPECT_EQ(store->seenTogetherCount("a@x.example", "b@y.example"), 1);
}

// Builds a file at `version` with data its schema can hold, then opens it with this build.
class HistoryMigration : public ::testing::TestWithParam<int>
{
};

TEST_P(HistoryMigration, UpgradesAndKeepsWhatWasThere)
{
    const int version = GetParam();
    TempFolder folder;
    const fs::path path = folder.file("history.sqlite");
    {
        auto opened = sql::Database::open(path, sql::Database::Mode::ReadWrite);
        auto &db = std::get<sql::Database>(opened);
        ASSERT_FALSE(historyschema::migrate(db, version));
        if (version >= 1) {
            ASSERT_FALSE(
                db.execute("INSERT INTO recipients VALUES (1, 'a@x.example', 'x.example', 1, 2, 7);"
                           "INSERT INTO recipients VALUES (2, 'b@x.example', 'x.example', 1, 2, 3);"
                           "INSERT INTO domains VALUES ('x.example', 1, 7);"
                           "INSERT INTO pairs (a, b, count) VALUES (1, 2, 3);"));
        }
        if (version >= 2) {
            ASSERT_FALSE(db.execute("INSERT INTO display_names VALUES (1, 'ann', 'Ann', 7);"
                                    "INSERT INTO learned_messages VALUES ('<old@x>');"));
        }
    }
    auto opened = HistoryStore::open(path);
    ASSERT_TRUE(opened.store);
    auto &store = *opened.store;
    EXPECT_EQ(store.schemaVersion(), kHistorySchemaVersion);
    EXPECT_EQ(store.recipientCount("a@x.example"), version >= 1 ? 7 : 0);
    EXPECT_EQ(store.pairCount("a@x.example", "b@x.example"), version >= 1 ? 3 : 0);
    // Which field an old pair was in was not kept: never taken for having seen each other.
    EXPECT_EQ(store.seenTogetherCount("a@x.example", "b@x.example"), 0);
    EXPECT_EQ(store.addressesNamed("Ann").size(), version >= 2 ? 1u : 0u);
    const std::vector<std::string> atX
        = version >= 1 ? std::vector<std::string>{"a@x.example", "b@x.example"}
                       : std::vector<std::string>();
    EXPECT_EQ(store.addressesAt("x.example", 10), atX);
    bool learned = true;
    ASSERT_FALSE(store.recordSent(mailTo("<old@x>", {"a@x.example"}), &learned));
    EXPECT_EQ(learned, version < 2);
    EXPECT_FALSE(store.appendAudit(AuditEntry{10, "r-1", "send", {}, {}, {}, {}, "f"}));
    ASSERT_FALSE(store.recordSent(visibleMail("<new@x>", {"a@x.example", "b@x.example"}, {})));
    EXPECT_EQ(store.pairCount("a@x.example", "b@x.example"), version >= 1 ? 4 : 1);
    EXPECT_EQ(store.seenTogetherCount("a@x.example", "b@x.example"), 1);
}

INSTANTIATE_TEST_SUITE_P(FromEachOlderVersion, HistoryMigration,
                         ::testing::Range(0, kHistorySchemaVersion), [](const auto &info) {
                             return "UserVersion" + std::to_string(info.param);
                         });

TEST(HistoryStore, RefusesAFileFromANewerSchema)
{
    TempFolder folder;
    const fs::path path = folder.file("history.sqlite");
    {
        auto opened = sql::Database::open(path, sql::Database::Mode::ReadWrite);
        ASSERT_FALSE(std::get<sql::Database>(opened).execute("PRAGMA user_version = 99"));
    }
    auto opened = HistoryStore::open(path);
    EXPECT_FALSE(opened.store);
    ASSERT_TRUE(opened.error);
    EXPECT_NE(opened.error->message.find("newer"), std::string::npos);
}

TEST(HistoryStore, CorruptFileIsMovedAsideAndRebuilt)
{
    TempFolder folder;
    const fs::path path = folder.file("history.sqlite");
    {
        std::ofstream garbage(path, std::ios::binary);
        garbage << std::string(8192, 'x');
    }
    auto opened = HistoryStore::open(path);
    ASSERT_TRUE(opened.store);
    ASSERT_FALSE(opened.warnings.empty());
    EXPECT_EQ(opened.warnings.back().kind, HistoryNotice::Kind::RebuiltAfterDamage);
    EXPECT_NE(opened.warnings.back().message.find("corrupt"), std::string::npos);
    EXPECT_FALSE(opened.warnings.back().setAsideAs.empty());
    EXPECT_EQ(opened.store->schemaVersion(), kHistorySchemaVersion);
    int asides = 0;
    for (const auto &entry : fs::directory_iterator(folder.path()))
        asides += entry.path().filename().string().starts_with("history.sqlite.corrupt-") ? 1 : 0;
    EXPECT_EQ(asides, 1);
    EXPECT_FALSE(opened.store->recordSent(mailTo("", {"a@x.example"})));
}

TEST(HistoryStore, ReadOnlyStoreAnswersReadsAndRefusesWrites)
{
    TempFolder folder;
    const fs::path path = folder.file("history.sqlite");
    ASSERT_FALSE(openOk(path)->recordSent(mailTo("", {"a@x.example"})));

    HistoryStore::Options options;
    options.readOnly = true;
    auto store = openOk(path, options);
    ASSERT_TRUE(store);
    EXPECT_TRUE(store->readOnly());
    EXPECT_EQ(store->recipientCount("a@x.example"), 1);
    const auto error = store->recordSent(mailTo("", {"b@x.example"}));
    ASSERT_TRUE(error);
    EXPECT_EQ(error->code, sql::StoreErrorCode::ReadOnly);
    EXPECT_TRUE(store->appendAudit(AuditEntry{}));
}

// TODO: POSIX only. On Windows std::filesystem::permissions sets just the read-only attribute,
// which a folder ignores; the Windows case (an ACL that denies writing) needs its own test.
#ifndef _WIN32
// Whether the store opens `path` read-only, asked as the current user, or, when that is root
// (who ignores file permissions; CI runs as root), in a child process as the user "nobody",
// who owns the folder and the file for the occasion.
bool opensReadOnlyWithoutWritePermission(const fs::path &folder, const fs::path &path)
{
    const auto openedReadOnly = [&] {
        auto opened = HistoryStore::open(path);
        return opened.store && opened.store->readOnly();
    };
    if (::geteuid() != 0)
        return openedReadOnly();
    constexpr uid_t nobody = 65534;
    if (::chown(folder.c_str(), nobody, nobody) != 0 || ::chown(path.c_str(), nobody, nobody) != 0)
        return false;
    const pid_t child = ::fork();
    if (child == 0) {
        if (::setgid(nobody) != 0 || ::setuid(nobody) != 0)
            ::_exit(2);
        ::_exit(openedReadOnly() ? 0 : 1);
    }
    int status = 0;
    return child > 0 && ::waitpid(child, &status, 0) == child && WIFEXITED(status)
           && WEXITSTATUS(status) == 0;
}

TEST(HistoryStore, FileWithoutWritePermissionOpensReadOnly)
{
    TempFolder folder;
    const fs::path path = folder.file("history.sqlite");
    ASSERT_FALSE(openOk(path)->recordSent(mailTo("", {"a@x.example"})));
    fs::permissions(folder.path(), fs::perms::owner_read | fs::perms::owner_exec);
    fs::permissions(path, fs::perms::owner_read);
    const bool readOnly = opensReadOnlyWithoutWritePermission(folder.path(), path);
    fs::permissions(folder.path(), fs::perms::owner_all);
    EXPECT_TRUE(readOnly);
}

// A writable file in a folder that cannot be written once left the history unavailable: the
// read-write connection opened, then failed to make its -shm file, and only a read-only
// connection fell back to reading the file as it is.
TEST(HistoryStore, WritableFileInReadOnlyFolderIsStillRead)
{
    TempFolder folder;
    const fs::path path = folder.file("history.sqlite");
    ASSERT_FALSE(openOk(path)->recordSent(mailTo("", {"a@x.example"})));
    ASSERT_FALSE(fs::exists(folder.file("history.sqlite-shm"))) << "closed cleanly";
    fs::permissions(folder.path(), fs::perms::owner_read | fs::perms::owner_exec);
    const bool readOnly = opensReadOnlyWithoutWritePermission(folder.path(), path);
    fs::permissions(folder.path(), fs::perms::owner_all);
    EXPECT_TRUE(readOnly);
}
#endif

TEST(HistoryStore, WriteLockedByAnotherConnectionFailsQuicklyAndReadsGoOn)
{
    TempFolder folder;
    const fs::path path = folder.file("history.sqlite");
    HistoryStore::Options options;
    options.busyTimeoutMilliseconds = 50;
    auto store = openOk(path, options);
    ASSERT_FALSE(store->recordSent(mailTo("", {"a@x.example"})));

    auto other = std::get<sql::Database>(sql::Database::open(path, sql::Database::Mode::ReadWrite));
    ASSERT_FALSE(other.execute("BEGIN IMMEDIATE; INSERT INTO domains VALUES ('held', 1, 1);"));
    const auto error = store->recordSent(mailTo("", {"b@x.example"}));
    ASSERT_TRUE(error);
    EXPECT_EQ(error->code, sql::StoreErrorCode::Busy);
    EXPECT_EQ(store->recipientCount("a@x.example"), 1); // WAL: readers do not wait
    EXPECT_FALSE(store->takeReadFailure());
    ASSERT_FALSE(other.execute("COMMIT"));
    EXPECT_FALSE(store->recordSent(mailTo("", {"b@x.example"})));
}

// An exclusive-mode writer (a backup tool, say) keeps every other connection out: opening
// fails with Busy after the timeout, and the host then reviews without history.
TEST(HistoryStore, ExclusivelyLockedDatabaseFailsToOpenWithBusy)
{
    TempFolder folder;
    const fs::path path = folder.file("history.sqlite");
    openOk(path).reset();
    auto other = std::get<sql::Database>(sql::Database::open(path, sql::Database::Mode::ReadWrite));
    const auto held = other.execute("PRAGMA locking_mode = EXCLUSIVE;"
                                    "BEGIN EXCLUSIVE; INSERT INTO domains VALUES ('held', 1, 1);");
    ASSERT_FALSE(held) << held->message;

    HistoryStore::Options options;
    options.busyTimeoutMilliseconds = 20;
    auto opened = HistoryStore::open(path, options);
    EXPECT_FALSE(opened.store);
    ASSERT_TRUE(opened.error);
    EXPECT_EQ(opened.error->code, sql::StoreErrorCode::Busy);
    EXPECT_TRUE(fs::exists(path)) << "a locked file is not corrupt and stays where it is";
}

TEST(HistoryStore, FullDiskFailsTheWriteAndKeepsTheStoreUsable)
{
    TempFolder folder;
    HistoryStore::Options options;
    options.maxPages = 40;
    auto store = openOk(folder.file("history.sqlite"), options);
    std::optional<sql::StoreError> error;
    for (int i = 0; i < 5000 && !error; ++i) {
        error = store->recordSent(
            mailTo("", {"someone" + std::to_string(i) + "@x.example", "fixed@x.example"}));
    }
    ASSERT_TRUE(error);
    EXPECT_EQ(error->code, sql::StoreErrorCode::Full);
    EXPECT_GT(store->recipientCount("fixed@x.example"), 0);
    EXPECT_FALSE(store->takeReadFailure());
    EXPECT_EQ(integrity(store->database()), "ok");
}

TEST(HistoryStore, AuditLogKeepsEntriesAndPrunesOldOnes)
{
    TempFolder folder;
    auto store = openOk(folder.file("history.sqlite"));
    AuditEntry old{100, "r-1", "cancel", {"a@x.example"}, {{"q.pdf", 12}}, {"attachment"}, {}, "p"};
    AuditEntry recent{200000, "r-2", "send", {}, {}, {}, {}, "p"};
    ASSERT_FALSE(store->appendAudit(old));
    ASSERT_FALSE(store->appendAudit(recent));
    auto all = std::get<std::vector<AuditEntry>>(store->auditSince(0));
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].recipients, std::vector<std::string>{"a@x.example"});
    EXPECT_EQ(all[0].attachments.at(0).name, "q.pdf");
    EXPECT_EQ(all[0].attachments.at(0).size, 12);
    EXPECT_EQ(all[0].findingsShown, std::vector<std::string>{"attachment"});
    EXPECT_EQ(std::get<std::vector<AuditEntry>>(store->auditSince(150)).size(), 1u);
    EXPECT_EQ(std::get<std::int64_t>(store->pruneAudit(1, 200000)), 1);
    EXPECT_EQ(std::get<std::vector<AuditEntry>>(store->auditSince(0)).size(), 1u);
}

// TODO: POSIX only (fork, pipe, SIGKILL). A Windows version would start the writer as a child
// process of its own and end it with TerminateProcess.
#ifndef _WIN32
// A child writes mails of three fresh recipients each, telling the parent after every commit;
// the parent kills it with SIGKILL mid-stream. Afterwards the file must be intact and hold
// every reported mail, plus at most the one in flight, and never part of a mail.
TEST(HistoryStore, KilledWriterLosesAtMostTheWriteInFlight)
{
    TempFolder folder;
    const fs::path path = folder.file("history.sqlite");
    openOk(path).reset();
    int pipeFds[2];
    ASSERT_EQ(::pipe(pipeFds), 0);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        ::close(pipeFds[0]);
        auto opened = HistoryStore::open(path);
        if (!opened.store)
            ::_exit(3);
        for (int i = 0;; ++i) {
            const std::string n = std::to_string(i);
            if (opened.store->recordSent(mailTo(
                    "", {"a" + n + "@x.example", "b" + n + "@y.example", "c" + n + "@z.example"})))
                ::_exit(4);
            if (::write(pipeFds[1], &i, sizeof i) != sizeof i)
                ::_exit(5);
        }
    }
    ::close(pipeFds[1]);
    int last = -1;
    int value = 0;
    while (last < 300 && ::read(pipeFds[0], &value, sizeof value) == sizeof value)
        last = value;
    ::kill(child, SIGKILL);
    while (::read(pipeFds[0], &value, sizeof value) == sizeof value)
        last = value; // commits reported before the kill landed
    ::close(pipeFds[0]);
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status)) << "child exited " << WEXITSTATUS(status);

    auto store = openOk(path);
    ASSERT_TRUE(store);
    EXPECT_EQ(integrity(store->database()), "ok");
    const std::int64_t recipients = countRows(store->database(), "recipients");
    const std::int64_t pairs = countRows(store->database(), "pairs");
    EXPECT_EQ(recipients % 3, 0) << "a mail was half written";
    EXPECT_EQ(pairs, recipients); // three recipients make three pairs
    const std::int64_t mails = recipients / 3;
    EXPECT_GE(mails, last + 1);
    EXPECT_LE(mails, last + 2);
}
#endif

} // namespace
} // namespace sendguard
