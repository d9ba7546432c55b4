// The user's settings file on a real file system: missing, broken, unreadable, read-only.

#include "settings/usersettings.h"

#include <gtest/gtest.h>

#include <QTemporaryDir>

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#ifndef _WIN32
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

using namespace sendguard;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

class UserSettingsFileTest : public ::testing::Test
{
protected:
    fs::path folder() const { return fs::path(m_dir.path().toStdString()) / "sendguard"; }
    fs::path file() const { return UserSettingsFile::defaultPath(folder()); }

    void write(const std::string &contents) const
    {
        fs::create_directories(folder());
        std::ofstream(file(), std::ios::binary) << contents;
    }

    std::string read(const fs::path &path) const
    {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream contents;
        contents << in.rdbuf();
        return contents.str();
    }

    std::vector<fs::path> brokenCopies() const
    {
        std::vector<fs::path> found;
        for (const auto &entry : fs::directory_iterator(folder())) {
            if (entry.path().filename().string().starts_with("settings.json.broken-"))
                found.push_back(entry.path());
        }
        return found;
    }

    // Runs `check` as someone the permission bits apply to: the current user, or, when that is
    // root (who reads and writes whatever they say; CI runs as root), a child process as the
    // user "nobody", who is given the temporary folder and everything in it for the occasion.
    // Returns what `check` says went wrong: empty when everything held.
    // TODO: POSIX only. On Windows the permission bits are one read-only attribute, which a
    // folder ignores; the Windows cases (an ACL that denies access) need tests of their own.
    std::string asUnprivileged(const std::function<std::string()> &check) const
    {
#ifdef _WIN32
        return check();
#else
        if (::geteuid() != 0)
            return check();
        constexpr uid_t nobody = 65534;
        std::vector<fs::path> owned{fs::path(m_dir.path().toStdString())};
        for (const auto &entry : fs::recursive_directory_iterator(owned.front()))
            owned.push_back(entry.path());
        for (const fs::path &path : owned) {
            if (::chown(path.c_str(), nobody, nobody) != 0)
                return "cannot give " + path.string() + " to nobody";
        }
        int pipeEnds[2];
        if (::pipe(pipeEnds) != 0)
            return "no pipe";
        const pid_t child = ::fork();
        if (child == 0) {
            ::close(pipeEnds[0]);
            const std::string said = ::setgid(nobody) != 0 || ::setuid(nobody) != 0
                                         ? std::string("cannot become nobody")
                                         : check();
            const bool written = ::write(pipeEnds[1], said.data(), said.size())
                                 == static_cast<ssize_t>(said.size());
            ::_exit(written ? 0 : 1);
        }
        ::close(pipeEnds[1]);
        std::string said;
        char buffer[512];
        for (ssize_t got; (got = ::read(pipeEnds[0], buffer, sizeof buffer)) > 0;)
            said.append(buffer, static_cast<std::size_t>(got));
        ::close(pipeEnds[0]);
        int status = 0;
        if (child < 0 || ::waitpid(child, &status, 0) != child || !WIFEXITED(status)
            || WEXITSTATUS(status) != 0)
            return "the check as nobody did not finish";
        return said;
#endif
    }

    QTemporaryDir m_dir;
};

TEST_F(UserSettingsFileTest, DefaultPathIsSettingsJsonInTheFolder)
{
    EXPECT_EQ(UserSettingsFile::defaultPath("/home/a/.config/sendguard"),
              fs::path("/home/a/.config/sendguard/settings.json"));
    EXPECT_TRUE(UserSettingsFile::defaultPath({}).empty());
}

TEST_F(UserSettingsFileTest, MissingFileIsAnEmptyLayerWithoutProblems)
{
    const LoadedSettings loaded = UserSettingsFile(file()).load();
    EXPECT_EQ(loaded.layer, json::object());
    EXPECT_TRUE(loaded.problems.empty());
    EXPECT_TRUE(loaded.setAsideAs.empty());
    EXPECT_FALSE(fs::exists(folder())) << "loading must not create anything";
}

TEST_F(UserSettingsFileTest, SaveThenLoadGivesTheSameLayer)
{
    const json layer = {{"trustedDomains", {"partner.example", "*.b\u00fccher.example"}},
                        {"countdownSeconds", 5},
                        {"rules", {{"new-domain", {{"enabled", false}}}}}};
    const UserSettingsFile settings(file());
    ASSERT_FALSE(settings.save(layer).has_value()) << "the folder is created when needed";
    const LoadedSettings loaded = settings.load();
    EXPECT_EQ(loaded.layer, layer);
    EXPECT_TRUE(loaded.problems.empty());
}

TEST_F(UserSettingsFileTest, SaveLeavesNoTemporaryFileBehind)
{
    const UserSettingsFile settings(file());
    ASSERT_FALSE(settings.save({{"countdownSeconds", 1}}).has_value());
    ASSERT_FALSE(settings.save({{"countdownSeconds", 2}}).has_value());
    std::vector<std::string> names;
    for (const auto &entry : fs::directory_iterator(folder()))
        names.push_back(entry.path().filename().string());
    EXPECT_EQ(names, std::vector<std::string>{"settings.json"});
    EXPECT_EQ(settings.load().layer, json({{"countdownSeconds", 2}}));
}

TEST_F(UserSettingsFileTest, BrokenJsonIsSetAsideReportedAndReplacedByDefaults)
{
    write("{\"trustedDomains\": [\"a.example\",");
    const LoadedSettings loaded = UserSettingsFile(file()).load();
    EXPECT_EQ(loaded.layer, json::object());
    ASSERT_EQ(loaded.problems.size(), 1u);
    const SettingsFileProblem &problem = loaded.problems[0];
    EXPECT_EQ(problem.kind, SettingsFileProblem::Kind::SetAside);
    EXPECT_EQ(problem.fault, SettingsFileProblem::Fault::NotJson);
    EXPECT_EQ(problem.position, 33u) << "the byte where the text ends, mid-list";
    EXPECT_EQ(problem.path, file().generic_string());
    EXPECT_EQ(problem.setAsideAs, loaded.setAsideAs.generic_string());
    EXPECT_EQ(problem.message, "your settings file " + file().generic_string()
                                   + " was broken (it is not JSON (syntax error at byte 33)); it "
                                     "was kept as "
                                   + loaded.setAsideAs.generic_string()
                                   + " and the defaults apply");
    EXPECT_FALSE(fs::exists(file()));
    ASSERT_EQ(brokenCopies().size(), 1u);
    EXPECT_EQ(brokenCopies()[0], loaded.setAsideAs);
    EXPECT_EQ(read(loaded.setAsideAs), "{\"trustedDomains\": [\"a.example\",")
        << "the broken file is kept whole for the person or IT to look at";
    EXPECT_TRUE(UserSettingsFile(file()).load().problems.empty()) << "reported once";
}

// The JSON library stops at a NUL byte as if the file ended there: everything after it was once
// dropped without a word.
TEST_F(UserSettingsFileTest, NulByteMakesTheFileBrokenNotShorter)
{
    write(std::string(R"({"trustedDomains":["a.example"]})") + '\0' + R"(,"x":1})");
    const LoadedSettings loaded = UserSettingsFile(file()).load();
    EXPECT_EQ(loaded.layer, json::object());
    ASSERT_EQ(loaded.problems.size(), 1u);
    EXPECT_EQ(loaded.problems[0].fault, SettingsFileProblem::Fault::NotJson);
    EXPECT_EQ(loaded.problems[0].position, 33u);
    EXPECT_EQ(brokenCopies().size(), 1u);
}

TEST_F(UserSettingsFileTest, NotAnObjectIsBroken)
{
    write("[\"partner.example\"]");
    const LoadedSettings loaded = UserSettingsFile(file()).load();
    EXPECT_EQ(loaded.layer, json::object());
    ASSERT_EQ(loaded.problems.size(), 1u);
    EXPECT_EQ(loaded.problems[0].fault, SettingsFileProblem::Fault::NotAnObject);
    EXPECT_NE(loaded.problems[0].message.find("does not hold a JSON object"), std::string::npos);
    EXPECT_EQ(brokenCopies().size(), 1u);
}

TEST_F(UserSettingsFileTest, AbsurdlyDeepFileIsBrokenNotACrash)
{
    write("{\"a\":" + std::string(100000, '[') + std::string(100000, ']') + "}");
    const LoadedSettings loaded = UserSettingsFile(file()).load();
    EXPECT_EQ(loaded.layer, json::object());
    ASSERT_EQ(loaded.problems.size(), 1u);
    EXPECT_EQ(loaded.problems[0].fault, SettingsFileProblem::Fault::TooDeep);
    EXPECT_EQ(loaded.problems[0].limit, 64u);
    EXPECT_NE(loaded.problems[0].message.find("more than 64 levels deep"), std::string::npos);
}

TEST_F(UserSettingsFileTest, OversizedFileIsBroken)
{
    write("{\"attentionTerms\": [\"" + std::string(1024 * 1024, 'x') + "\"]}");
    const LoadedSettings loaded = UserSettingsFile(file()).load();
    ASSERT_EQ(loaded.problems.size(), 1u);
    EXPECT_EQ(loaded.problems[0].fault, SettingsFileProblem::Fault::TooLarge);
    EXPECT_NE(loaded.problems[0].message.find("larger than 1 MiB"), std::string::npos);
}

// A FIFO in the file's place once blocked load() in open() until a writer came, and with it
// every review and ping of the host. Run in a child, so that a regression fails, not hangs.
TEST_F(UserSettingsFileTest, FifoOrDeviceIsReportedWithoutBlockingAndLeftAlone)
{
#ifdef _WIN32
    GTEST_SKIP() << "no FIFOs or /dev/zero";
#else
    fs::create_directories(folder());
    ASSERT_EQ(::mkfifo(file().c_str(), 0600), 0);
    const pid_t child = ::fork();
    if (child == 0) {
        ::alarm(10);
        const LoadedSettings loaded = UserSettingsFile(file()).load();
        const bool right
            = loaded.layer == json::object() && loaded.problems.size() == 1
              && loaded.problems[0].kind == SettingsFileProblem::Kind::NotAFile
              && loaded.problems[0].message.find("not a regular file") != std::string::npos
              && loaded.setAsideAs.empty();
        ::_exit(right ? 0 : 1);
    }
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
        << (WIFSIGNALED(status) ? "load() blocked on the FIFO" : "wrong problems reported");
    EXPECT_TRUE(fs::is_fifo(file()));
    EXPECT_TRUE(brokenCopies().empty());

    fs::remove(file());
    fs::create_symlink("/dev/zero", file());
    const LoadedSettings loaded = UserSettingsFile(file()).load();
    EXPECT_EQ(loaded.layer, json::object());
    ASSERT_EQ(loaded.problems.size(), 1u);
    EXPECT_EQ(loaded.problems[0].kind, SettingsFileProblem::Kind::NotAFile);
    EXPECT_NE(loaded.problems[0].message.find("not a regular file"), std::string::npos);
    EXPECT_TRUE(fs::is_symlink(file()));
#endif
}

TEST_F(UserSettingsFileTest, SecondBrokenFileGetsItsOwnName)
{
    write("not json");
    UserSettingsFile(file()).load();
    write("still not json");
    UserSettingsFile(file()).load();
    EXPECT_EQ(brokenCopies().size(), 2u);
}

TEST_F(UserSettingsFileTest, NeverModeReportsABrokenFileAndLeavesIt)
{
    write("not json");
    const LoadedSettings loaded = UserSettingsFile(file()).load(UserSettingsFile::SetAside::Never);
    EXPECT_EQ(loaded.layer, json::object());
    ASSERT_EQ(loaded.problems.size(), 1u);
    EXPECT_EQ(loaded.problems[0].kind, SettingsFileProblem::Kind::Broken);
    EXPECT_EQ(loaded.problems[0].message, "your settings file " + file().generic_string()
                                              + " is broken: it is not JSON (syntax error at "
                                                "byte 2)");
    EXPECT_EQ(read(file()), "not json");
    EXPECT_TRUE(brokenCopies().empty());
}

TEST_F(UserSettingsFileTest, UnreadableFileIsReportedAndLeftAlone)
{
#ifdef _WIN32
    GTEST_SKIP() << "POSIX permission bits (see asUnprivileged)";
#endif
    write("{\"countdownSeconds\": 3}");
    fs::permissions(file(), fs::perms::none);
    const std::string failed = asUnprivileged([&]() -> std::string {
        const LoadedSettings loaded = UserSettingsFile(file()).load();
        if (loaded.layer != json::object())
            return "layer read anyway: " + loaded.layer.dump();
        if (loaded.problems.size() != 1)
            return std::to_string(loaded.problems.size()) + " problems instead of 1";
        const SettingsFileProblem &problem = loaded.problems[0];
        if (problem.kind != SettingsFileProblem::Kind::Unreadable || problem.reason.empty())
            return "not unreadable, or no reason given: " + problem.message;
        if (problem.message.find("cannot be read (" + problem.reason + ")") == std::string::npos)
            return "problem says: " + problem.message;
        return {};
    });
    fs::permissions(file(), fs::perms::owner_read | fs::perms::owner_write);
    EXPECT_EQ(failed, "");
    EXPECT_TRUE(brokenCopies().empty()) << "a file we cannot read is not known to be broken";
    EXPECT_EQ(read(file()), "{\"countdownSeconds\": 3}");
}

TEST_F(UserSettingsFileTest, BrokenFileThatCannotBeMovedIsReportedAndLeft)
{
#ifdef _WIN32
    GTEST_SKIP() << "POSIX permission bits (see asUnprivileged)";
#endif
    write("[1, 2");
    fs::permissions(folder(), fs::perms::owner_read | fs::perms::owner_exec);
    const std::string failed = asUnprivileged([&]() -> std::string {
        const LoadedSettings loaded = UserSettingsFile(file()).load();
        if (loaded.problems.size() != 1)
            return std::to_string(loaded.problems.size()) + " problems instead of 1";
        const SettingsFileProblem &problem = loaded.problems[0];
        if (problem.kind != SettingsFileProblem::Kind::NotSetAside
            || problem.fault != SettingsFileProblem::Fault::NotJson)
            return "not a broken file left in place: " + problem.message;
        if (problem.message.find("could not be moved aside") == std::string::npos)
            return "problem says: " + problem.message;
        return loaded.setAsideAs.empty() ? std::string() : "claims it was set aside";
    });
    fs::permissions(folder(), fs::perms::owner_all);
    EXPECT_EQ(failed, "");
    EXPECT_EQ(read(file()), "[1, 2");
}

TEST_F(UserSettingsFileTest, SaveIntoReadOnlyFolderFailsAndKeepsTheOldFile)
{
#ifdef _WIN32
    GTEST_SKIP() << "POSIX permission bits (see asUnprivileged)";
#endif
    const UserSettingsFile settings(file());
    ASSERT_FALSE(settings.save({{"countdownSeconds", 3}}).has_value());
    const std::string before = read(file());
    fs::permissions(folder(), fs::perms::owner_read | fs::perms::owner_exec);
    const std::string failed = asUnprivileged([&]() -> std::string {
        const auto error = settings.save({{"countdownSeconds", 9}});
        if (!error)
            return "saved into a read-only folder";
        if (error->kind != SettingsFileProblem::Kind::NotSaved)
            return "not a failure to write the file: " + error->message;
        if (error->message.find("settings.json") == std::string::npos)
            return "the error does not name the file: " + error->message;
        return {};
    });
    fs::permissions(folder(), fs::perms::owner_all);
    EXPECT_EQ(failed, "");
    EXPECT_EQ(read(file()), before);
}

// Fails for root as well: nothing can be created under a regular file.
TEST_F(UserSettingsFileTest, SaveFailsWhenTheFolderIsAFile)
{
    std::ofstream(folder(), std::ios::binary) << "a file where the folder should be";
    const auto error = UserSettingsFile(file()).save({{"countdownSeconds", 9}});
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(error->kind, SettingsFileProblem::Kind::FolderNotCreated);
    EXPECT_EQ(error->path, folder().generic_string());
    EXPECT_EQ(error->message, "cannot create the folder " + folder().generic_string());
    EXPECT_EQ(read(folder()), "a file where the folder should be");
}

TEST_F(UserSettingsFileTest, SaveRefusesALayerThatIsNotAnObject)
{
    const auto error = UserSettingsFile(file()).save(json::array({"a.example"}));
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(error->kind, SettingsFileProblem::Kind::NotAnObject);
    EXPECT_FALSE(fs::exists(file()));
}

// Two hosts (two Thunderbird profiles of one person) trusting domains at once: load() then
// save() once kept 63 of 200 of them. update() holds the file's lock from read to rename.
TEST_F(UserSettingsFileTest, ConcurrentUpdatesKeepEveryChange)
{
#ifdef _WIN32
    GTEST_SKIP() << "fork";
#else
    const UserSettingsFile settings(file());
    ASSERT_FALSE(settings.save({{"countdownSeconds", 3}}).has_value());
    constexpr int kWriters = 4;
    constexpr int kEach = 25;
    std::vector<pid_t> children;
    for (int writer = 0; writer < kWriters; ++writer) {
        const pid_t child = ::fork();
        if (child == 0) {
            ::alarm(60);
            int failed = 0;
            for (int i = 0; i < kEach; ++i) {
                const std::string domain
                    = "w" + std::to_string(writer) + "-" + std::to_string(i) + ".example";
                failed += settings
                              .update([&](const json &current) {
                                  return withTrustedDomain(current, domain);
                              })
                              .has_value();
            }
            ::_exit(failed == 0 ? 0 : 1);
        }
        children.push_back(child);
    }
    for (const pid_t child : children) {
        int status = 0;
        ASSERT_EQ(::waitpid(child, &status, 0), child);
        EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    const LoadedSettings loaded = settings.load();
    ASSERT_TRUE(loaded.problems.empty());
    EXPECT_EQ(loaded.layer["trustedDomains"].size(), std::size_t{kWriters * kEach});
    EXPECT_EQ(loaded.layer["countdownSeconds"], 3);
#endif
}

// A file that exists but cannot be read was once replaced by whatever the caller built from the
// empty layer load() gave: "Always trust this domain" then wiped every other setting in it.
TEST_F(UserSettingsFileTest, UpdateNeverReplacesAFileItCannotRead)
{
    fs::create_directories(file());
    std::ofstream(file() / "keep", std::ios::binary) << "x";
    bool called = false;
    const auto error = UserSettingsFile(file()).update([&](const json &current) {
        called = true;
        return withTrustedDomain(current, "client.example");
    });
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(error->kind, SettingsFileProblem::Kind::NotReplaced);
    EXPECT_NE(error->message.find("not saved"), std::string::npos) << error->message;
    EXPECT_FALSE(called);
    EXPECT_TRUE(fs::is_directory(file()));

    fs::remove_all(file());
    write("not json");
    ASSERT_FALSE(UserSettingsFile(file())
                     .update([](const json &current) {
                         return withTrustedDomain(current, "client.example");
                     })
                     .has_value())
        << "a broken file is set aside, then saving goes on";
    EXPECT_EQ(brokenCopies().size(), 1u);
    EXPECT_EQ(UserSettingsFile(file()).load().layer["trustedDomains"],
              json::array({"client.example"}));
}

TEST(WithEditsOver, KeepsWhatChangedElsewhereAndAppliesTheDialogsChanges)
{
    const json base = json::parse(R"({"trustedDomains":["a.example"],"countdownSeconds":3,
                                      "language":"ja"})");
    // The dialog raised the countdown, removed the language, added attention terms.
    const json edited = json::parse(R"({"trustedDomains":["a.example"],"countdownSeconds":5,
                                        "attentionTerms":["secret"]})");
    // Meanwhile another host trusted a domain and set skipWhenInternalOnly.
    const json current = json::parse(R"({"trustedDomains":["a.example","b.example"],
        "countdownSeconds":3,"language":"ja","skipWhenInternalOnly":false})");
    EXPECT_EQ(withEditsOver(base, edited, current), json::parse(R"({
        "trustedDomains":["a.example","b.example"],"countdownSeconds":5,
        "attentionTerms":["secret"],"skipWhenInternalOnly":false})"));
    EXPECT_EQ(withEditsOver(base, base, json::array()), json::object())
        << "nothing edited over a file that is no object: an empty layer";
}

TEST(WithTrustedDomain, AddsOnceAndKeepsEverythingElse)
{
    const json layer = {{"trustedDomains", {"a.example"}}, {"countdownSeconds", 2}};
    const json once = withTrustedDomain(layer, "b.example");
    EXPECT_EQ(once["trustedDomains"], json({"a.example", "b.example"}));
    EXPECT_EQ(once["countdownSeconds"], 2);
    EXPECT_EQ(withTrustedDomain(once, "b.example"), once);
    EXPECT_EQ(withTrustedDomain(json::object(), "c.example"),
              json({{"trustedDomains", {"c.example"}}}));
}

} // namespace
