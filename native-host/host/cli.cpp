#include "cli.h"

#include "platform.h"

#include "confirmdialog.h"
#include "engine/edits.h"
#include "engine/engine.h"
#include "history/historystore.h"
#include "history/learn.h"
#include "language.h"
#include "logging.h"
#include "protocol/frame.h"
#include "protocol/message.h"
#include "protocol/policylayers.h"
#include "protocol/reply.h"
#include "rulemessage.h"
#include "settingsdialog.h"

#include <QApplication>
#include <QCoreApplication>
#include <QString>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace sendguard {

// The translation context of the command line's texts (translations/sendguard_*.ts).
struct Cli
{
    Q_DECLARE_TR_FUNCTIONS(sendguard::Cli)
};

namespace {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 2;
// The text output names this many entries of each edited recipient list.
constexpr std::size_t kEditsShown = 5;
// The largest input file read: eight times the largest request the host takes from Thunderbird
// (kMaxRequestBytes), room for a learn file of a few hundred thousand sent messages.
constexpr std::size_t kMaxInputBytes = 8 * kMaxRequestBytes;

struct CheckOptions
{
    std::string requestFile;
    std::optional<std::string> policyFile;
    std::optional<std::string> historyFile;
    std::optional<std::string> userSettingsFile;
    bool json = false;
    bool dialog = false;
};

std::string utf8(const QString &text)
{
    return text.toStdString();
}

QString fromUtf8(const std::string &text)
{
    return QString::fromStdString(text);
}

int usageError(const std::string &message)
{
    std::cerr << "sendguard-host: " << message << "\n\n" << usageText();
    return kExitUsage;
}

int inputError(const std::string &message)
{
    std::cerr << "sendguard-host: " << message << "\n";
    return kExitUsage;
}

void warn(const std::string &message)
{
    std::cerr << "sendguard-host: " << utf8(Cli::tr("warning: %1").arg(fromUtf8(message))) << "\n";
}

// Reads a whole input file (a request, a policy, settings, sent-message headers). At most
// kMaxInputBytes: `--check /dev/zero` once grew until memory ran out. A pipe is read like a file
// (`--policy <(...)`); a folder is said to be one instead of failing as "not JSON".
Result<std::string> readFile(const std::string &path)
{
    std::error_code ignored;
    if (std::filesystem::is_directory(path, ignored))
        return Error{ErrorCode::Io,
                     utf8(Cli::tr("cannot read %1: it is a folder").arg(fromUtf8(path)))};
    std::ifstream file(path, std::ios::binary);
    if (!file)
        return Error{ErrorCode::Io,
                     utf8(Cli::tr("cannot read %1: %2")
                              .arg(fromUtf8(path), QString::fromLocal8Bit(std::strerror(errno))))};
    std::string contents;
    std::string chunk(64 * 1024, '\0');
    while (file.read(chunk.data(), static_cast<std::streamsize>(chunk.size()))
           || file.gcount() > 0) {
        contents.append(chunk.data(), static_cast<std::size_t>(file.gcount()));
        if (contents.size() > kMaxInputBytes)
            return Error{ErrorCode::Io, utf8(Cli::tr("cannot read %1: it is larger than %2 MiB")
                                                 .arg(fromUtf8(path))
                                                 .arg(kMaxInputBytes / (1024 * 1024)))};
    }
    if (file.bad())
        return Error{ErrorCode::Io, utf8(Cli::tr("cannot read %1").arg(fromUtf8(path)))};
    return contents;
}

// --check's own argument parser. Fails with a usage message.
Result<CheckOptions> parseCheckOptions(int argc, char **argv)
{
    CheckOptions options;
    for (int i = 1; i < argc; ++i) {
        const std::string argument = argv[i];
        const bool hasValue = i + 1 < argc;
        if (argument == "--check" || argument == "--policy" || argument == "--history"
            || argument == "--user-settings") {
            if (!hasValue)
                return Error{ErrorCode::InvalidRequest,
                             utf8(Cli::tr("%1 needs a FILE").arg(fromUtf8(argument)))};
            (argument == "--check"     ? options.requestFile
             : argument == "--policy"  ? options.policyFile.emplace()
             : argument == "--history" ? options.historyFile.emplace()
                                       : options.userSettingsFile.emplace())
                = argv[++i];
        } else if (argument == "--json") {
            options.json = true;
        } else if (argument == "--dialog") {
            options.dialog = true;
        } else {
            return Error{ErrorCode::InvalidRequest,
                         utf8(Cli::tr("unknown argument %1").arg(fromUtf8(argument)))};
        }
    }
    if (options.requestFile.empty())
        return Error{ErrorCode::InvalidRequest,
                     utf8(Cli::tr("%1 needs a FILE").arg(QStringLiteral("--check")))};
    return options;
}

// The history database at `path` failed: a sentence in the reader's language, the database's
// own technical words after it.
// A QString, not a std::string: lupdate files a tr() in a function declared to return
// std::string under the wrong context ("Cli", not "sendguard::Cli"), and it is never found.
// A notice of HistoryStore::open in the reader's language; the English words are the log's
// (historystore.cpp, withMessage).
QString historyNoticeText(const HistoryNotice &notice)
{
    using Kind = HistoryNotice::Kind;
    switch (notice.kind) {
    case Kind::FileReadOnly:
        return Cli::tr("history file cannot be written; opened read-only");
    case Kind::NotWritable:
        //: %1 is the database's own technical message, in English
        return Cli::tr("history cannot be opened for writing (%1); trying read-only")
            .arg(fromUtf8(notice.detail));
    case Kind::RollbackJournal:
        //: %1 is the database's own technical message, in English
        return Cli::tr("history stays in rollback-journal mode: %1").arg(fromUtf8(notice.detail));
    case Kind::SchemaUpgraded:
        return Cli::tr("history schema upgraded from %1 to %2").arg(notice.from).arg(notice.to);
    case Kind::FolderReadOnly:
        return Cli::tr("history folder is read-only: reading the file as it is");
    case Kind::RebuiltAfterDamage:
        //: %1 is the database's own technical message, in English; %2 a file name
        return Cli::tr("history was corrupt (%1); moved to %2 and rebuilt")
            .arg(fromUtf8(notice.detail), fromUtf8(notice.setAsideAs));
    case Kind::NothingLearned:
        return Cli::tr("history is read-only: nothing new will be learned");
    }
    return fromUtf8(notice.message);
}

QString historyFailure(const std::string &path, const std::string &technical)
{
    //: %1 is a file name, %2 the database's own technical message, in English
    return Cli::tr("%1: the sending history could not be used: %2")
        .arg(fromUtf8(path), fromUtf8(technical));
}

Result<ReviewRequest> readRequest(const std::string &path)
{
    Result<std::string> contents = readFile(path);
    if (!contents)
        return contents.error();
    Result<Message> message = parseMessage(contents.value());
    if (!message) {
        //: %2 is the request parser's own technical words, in English
        return Error{message.error().code,
                     utf8(Cli::tr("%1: not a request SendGuard can read: %2")
                              .arg(fromUtf8(path), fromUtf8(message.error().message)))};
    }
    if (!std::holds_alternative<ReviewRequest>(message.value()))
        return Error{ErrorCode::InvalidRequest,
                     utf8(Cli::tr("%1: not a review request").arg(fromUtf8(path)))};
    return std::get<ReviewRequest>(std::move(message).value());
}

// A policy, settings or learn file as JSON. Refused before parsing when it nests absurdly deep:
// a policies.json with 200,000 nested '[' under `rules` once crashed --check (the stack ran out
// copying it), where the same policy from Thunderbird is refused by parseMessage.
Result<nlohmann::json> readPolicyFile(const std::string &path)
{
    Result<std::string> contents = readFile(path);
    if (!contents)
        return contents.error();
    if (jsonNestsDeeperThan(contents.value(), kMaxJsonDepth))
        return Error{ErrorCode::MalformedJson,
                     utf8(Cli::tr("%1: nests arrays and objects more than %2 levels deep")
                              .arg(fromUtf8(path))
                              .arg(qulonglong(kMaxJsonDepth)))};
    // nlohmann/json takes a NUL byte for the end of the text and would ignore all after it; a
    // raw NUL is never valid JSON, so it is a syntax error here.
    if (const auto nul = contents.value().find('\0'); nul != std::string::npos)
        return Error{ErrorCode::MalformedJson,
                     utf8(Cli::tr("%1: not JSON (syntax error at byte %2)")
                              .arg(fromUtf8(path))
                              .arg(qulonglong(nul + 1)))};
    try {
        return nlohmann::json::parse(contents.value());
    } catch (const nlohmann::json::parse_error &error) {
        return Error{ErrorCode::MalformedJson,
                     utf8(Cli::tr("%1: not JSON (syntax error at byte %2)")
                              .arg(fromUtf8(path))
                              .arg(qulonglong(error.byte)))};
    } catch (const nlohmann::json::exception &) {
        return Error{ErrorCode::MalformedJson, utf8(Cli::tr("%1: not JSON").arg(fromUtf8(path)))};
    }
}

// --policy takes SendGuard's policy object, or a whole policies.json as IT rolls it out; from
// the latter, the object under policies -> 3rdparty -> Extensions -> the add-in id.
Result<nlohmann::json> policyOfFile(nlohmann::json json, const std::string &path)
{
    if (!json.is_object() || !json.contains("policies"))
        return json;
    const nlohmann::json::json_pointer pointer(std::string("/policies/3rdparty/Extensions/")
                                               + SENDGUARD_ADDON_ID);
    if (!json.contains(pointer) || !json.at(pointer).is_object())
        return Error{ErrorCode::InvalidRequest,
                     utf8(Cli::tr("%1: a policies.json without an object at policies -> "
                                  "3rdparty -> Extensions -> %2")
                              .arg(fromUtf8(path), QStringLiteral(SENDGUARD_ADDON_ID)))};
    return json.at(pointer);
}

// The layers merged as serve mode merges them; each problem is a warning on stderr in the
// reader's language (the settings dialog's words), naming the file it came from.
Policy layeredPolicyFrom(const nlohmann::json &admin, const std::string &adminSource,
                         const nlohmann::json &user, const std::string &userSource,
                         const Draft &draft)
{
    const LayeredPolicy layered = mergePolicyLayers(admin, user);
    for (const PolicyProblem &problem : layered.problems) {
        const std::string &source
            = problem.layer == PolicyProblem::Layer::Admin ? adminSource : userSource;
        warn(source + ": " + utf8(SettingsDialog::problemText(problem)));
    }
    return policyForDraft(layered, draft);
}

std::string targetText(const nlohmann::json &target)
{
    if (target.contains("text"))
        return target["text"].get<std::string>();
    return target["kind"].get<std::string>();
}

QString yesNo(bool value)
{
    return value ? Cli::tr("yes") : Cli::tr("no");
}

QString fieldName(const std::string &field)
{
    //: A recipient field in --check's list of edits, as the JSON names it
    if (field == "to")
        return Cli::tr("to");
    if (field == "cc")
        return Cli::tr("cc");
    return Cli::tr("bcc");
}

// `value` with every string in it passed through escapeControls: names and messages come from
// the draft, and an ESC or OSC sequence in a display name would act on the reader's terminal.
nlohmann::json withVisibleControls(const nlohmann::json &value)
{
    if (value.is_string()) {
        const QString text = QString::fromStdString(value.get<std::string>());
        return escapeControls(text).toStdString();
    }
    nlohmann::json out = value;
    if (value.is_object() || value.is_array()) {
        for (auto it = out.begin(); it != out.end(); ++it)
            *it = withVisibleControls(*it);
    }
    return out;
}

// The human-readable form of --check's result. Severities and rule ids stay as the policy and
// the JSON spell them, so that a line can be matched with the policy's `rules` key. `result` is
// reviewToJson(review): its findings are the review's, in the same order; each finding's
// sentence is in the language applyLanguage() put in force (rulemessage.h).
void printText(const nlohmann::json &result, const Review &review)
{
    const auto &findings = result["findings"];
    std::cout << utf8(Cli::tr("%n findings", nullptr, int(findings.size()))) << "\n";
    for (std::size_t i = 0; i < findings.size() && i < review.findings.size(); ++i) {
        const auto &finding = findings[i];
        std::cout << "  " << finding["severity"].get<std::string>() << "  "
                  << finding["rule"].get<std::string>() << "  " << targetText(finding["target"])
                  << "\n      "
                  << escapeControls(RuleMessage::text(review.findings[i])).toStdString() << "\n";
    }
    std::cout << utf8(Cli::tr("blocked: %1").arg(yesNo(result["blocked"].get<bool>()))) << "\n"
              << utf8(Cli::tr("needs confirmation: %1")
                          .arg(yesNo(result["needsConfirmation"].get<bool>())))
              << "\n";
    if (result.contains("decision")) {
        const bool send = result["decision"] == "send";
        std::cout << utf8(Cli::tr("decision: %1").arg(send ? Cli::tr("send") : Cli::tr("cancel")))
                  << "\n";
    }
    if (!result.contains("edits"))
        return;
    std::cout << utf8(Cli::tr("edits (the recipients it goes out with):")) << "\n";
    for (const char *field : {"to", "cc", "bcc"}) {
        const auto &entries = result["edits"][field];
        std::cout << "  " << utf8(fieldName(field)) << ":";
        for (std::size_t i = 0; i < entries.size() && i < kEditsShown; ++i)
            std::cout << (i == 0 ? " " : ", ") << entries[i].get<std::string>();
        if (entries.size() > kEditsShown)
            std::cout << utf8(Cli::tr(" and %n more", nullptr, int(entries.size() - kEditsShown)));
        std::cout << "\n";
    }
}

struct DialogAnswer
{
    bool send = false;
    bool moveToBcc = false;
};

// Shows the dialog the way serve mode would, and returns its decision. runCli made the
// QApplication.
DialogAnswer askWithDialog(const Review &review)
{
    if (!review.needsDialog())
        return {true, false};
    ConfirmDialog dialog(review);
    dialog.show();
    dialog.raise();
    dialog.activateWindow();
    const bool send = dialog.exec() == QDialog::Accepted && !review.blocked();
    return {send, send && dialog.moveToBccChosen()};
}

int runCheck(int argc, char **argv, bool dialogsAvailable)
{
    Result<CheckOptions> options = parseCheckOptions(argc, argv);
    if (!options)
        return usageError(options.error().message);
    const CheckOptions &check = options.value();
    if (check.dialog && !dialogsAvailable)
        return inputError(utf8(Cli::tr("--dialog: no display to show the confirmation dialog")));

    Result<ReviewRequest> request = readRequest(check.requestFile);
    if (!request)
        return inputError(request.error().message);

    nlohmann::json policyJson = request.value().adminPolicy;
    std::string policySource = utf8(Cli::tr("%1 (policy)").arg(fromUtf8(check.requestFile)));
    if (check.policyFile) {
        Result<nlohmann::json> fromFile = readPolicyFile(*check.policyFile);
        if (fromFile)
            fromFile = policyOfFile(std::move(fromFile).value(), *check.policyFile);
        if (!fromFile)
            return inputError(fromFile.error().message);
        policyJson = std::move(fromFile).value();
        policySource = *check.policyFile;
    }

    nlohmann::json userJson; // no user layer unless asked for: IT tries a policy, not its own
    std::string userSource;
    if (check.userSettingsFile) {
        Result<nlohmann::json> fromFile = readPolicyFile(*check.userSettingsFile);
        if (!fromFile)
            return inputError(fromFile.error().message);
        userJson = std::move(fromFile).value();
        userSource = *check.userSettingsFile;
    }

    std::unique_ptr<HistoryStore> history;
    if (check.historyFile) {
        HistoryStore::Options readOnly;
        readOnly.readOnly = true;
        auto opened = HistoryStore::open(*check.historyFile, readOnly);
        if (!opened.store)
            return inputError(utf8(historyFailure(*check.historyFile, opened.error->message)));
        history = std::move(opened.store);
    }

    const Policy policy
        = layeredPolicyFrom(policyJson, policySource, userJson, userSource, request.value().draft);
    // From here on, the text output and the dialog speak the policy's language.
    applyLanguage(languageFromPolicy(policy.language));
    Review review = reviewDraft(request.value().draft, policy, history.get());
    review.historyUnavailable = history && history->takeReadFailure().has_value();
    nlohmann::json result = reviewToJson(review);
    DialogAnswer answer{!review.blocked(), false};
    if (check.dialog) {
        answer = askWithDialog(review);
        result["decision"] = answer.send ? "send" : "cancel";
    }
    // Without --dialog: what would change with nobody's choice involved (auto-Bcc).
    if (answer.send) {
        if (auto edits = recipientEdits(request.value().draft, review, answer.moveToBcc))
            result["edits"] = editsJson(*edits);
    }

    if (check.json)
        std::cout << result.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    else
        printText(withVisibleControls(result), review); // the one place text output is made safe
    std::cout.flush();
    return std::cout ? kExitOk : kExitUsage;
}

// --learn FILE, --history DB, --since DATE, --format F: the value after each flag.
Result<std::map<std::string, std::string>> parseValues(int argc, char **argv,
                                                       const std::set<std::string> &allowed)
{
    std::map<std::string, std::string> values;
    for (int i = 1; i < argc; ++i) {
        const std::string argument = argv[i];
        if (!allowed.count(argument))
            return Error{ErrorCode::InvalidRequest,
                         utf8(Cli::tr("unknown argument %1").arg(fromUtf8(argument)))};
        if (i + 1 >= argc)
            return Error{ErrorCode::InvalidRequest,
                         utf8(Cli::tr("%1 needs a value").arg(fromUtf8(argument)))};
        values[argument] = argv[++i];
    }
    return values;
}

std::filesystem::path historyPathFrom(const std::map<std::string, std::string> &values)
{
    const auto it = values.find("--history");
    if (it != values.end())
        return it->second;
    return HistoryStore::defaultPath(platform::userDataFolder());
}

Result<std::vector<LearnedMessage>> readLearnFile(const std::string &path)
{
    Result<nlohmann::json> json = readPolicyFile(path);
    if (!json)
        return json.error();
    const nlohmann::json &value = json.value();
    // TODO: mbox input (DESIGN.md allows it); the add-in sends JSON, which is what IT needs first.
    const nlohmann::json &messages
        = value.is_object() && value.contains("messages") ? value["messages"] : value;
    Result<std::vector<LearnedMessage>> learned = learnedMessagesFromJson(messages);
    if (!learned)
        //: %2 is the parser's own technical words, in English
        return Error{learned.error().code,
                     utf8(Cli::tr("%1: not a list of sent messages SendGuard can read: %2")
                              .arg(fromUtf8(path), fromUtf8(learned.error().message)))};
    return learned;
}

int runLearn(int argc, char **argv)
{
    auto values = parseValues(argc, argv, {"--learn", "--history"});
    if (!values)
        return usageError(values.error().message);
    const auto path = historyPathFrom(values.value());
    if (path.empty())
        return inputError(
            utf8(Cli::tr("--learn: no --history DB given and no user data folder known")));
    Result<std::vector<LearnedMessage>> messages = readLearnFile(values.value()["--learn"]);
    if (!messages)
        return inputError(messages.error().message);

    auto opened = HistoryStore::open(path);
    for (const HistoryNotice &warning : opened.warnings)
        warn(utf8(historyNoticeText(warning)));
    if (!opened.store)
        return inputError(utf8(historyFailure(path.string(), opened.error->message)));
    std::vector<SentMail> mails;
    std::int64_t unreadable = 0;
    for (const LearnedMessage &message : messages.value()) {
        mails.push_back(sentMailFromHeaders(message.messageId, message.time,
                                            {message.to, message.cc, message.bcc}, unreadable,
                                            message.from));
    }
    std::int64_t learned = 0;
    if (auto error = opened.store->recordSentBatch(mails, learned))
        return inputError(utf8(historyFailure(path.string(), error->message)));
    const auto known = static_cast<std::int64_t>(mails.size()) - learned;
    //: %n: the messages given; %1: newly learned; %2: learned before; %3: unreadable entries
    std::cout << utf8(Cli::tr("learned %1 of %n messages (%2 known before, %3 unreadable "
                              "recipient entries)",
                              nullptr, int(mails.size()))
                          .arg(learned)
                          .arg(known)
                          .arg(unreadable))
              << "\n";
    return kExitOk;
}

// "2026-03-01" -> seconds since the epoch at 00:00 UTC; nullopt when not exactly YYYY-MM-DD
// naming a real day. "2026-13-01", "2026-02-30" or "2026-03-01x" are typos: taken loosely, as
// they once were, they exported from some other day without a word.
std::optional<std::int64_t> parseDay(const std::string &text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i != 4 && i != 7 && (text[i] < '0' || text[i] > '9'))
            return std::nullopt;
    }
    const int year = std::stoi(text.substr(0, 4));
    const int month = std::stoi(text.substr(5, 2));
    const int day = std::stoi(text.substr(8, 2));
    constexpr int kDaysIn[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (month < 1 || month > 12 || day < 1
        || day > kDaysIn[month - 1] + (month == 2 && leap ? 1 : 0))
        return std::nullopt;
    Result<std::vector<LearnedMessage>> parsed
        = learnedMessagesFromJson(nlohmann::json::array({{{"date", text + "T00:00:00Z"}}}));
    if (!parsed)
        return std::nullopt;
    return parsed.value().front().time; // 0 for 1970-01-01, a day like any other here
}

std::string isoTime(std::int64_t seconds)
{
    const std::time_t time = static_cast<std::time_t>(seconds);
    std::tm parts{};
#ifdef _WIN32
    gmtime_s(&parts, &time);
#else
    gmtime_r(&time, &parts);
#endif
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return text;
}

// One CSV field, quoted when it must be. A field that a spreadsheet would take for a formula
// (one starting with =, +, -, @, a tab or a carriage return) gets a leading ' so that it shows
// as text: review ids, addresses and attachment names come from the mail, and an attachment
// called =HYPERLINK(...) must not run when IT opens the export in a spreadsheet. (OWASP's advice
// for CSV injection; a reader that wants the raw value drops the one leading '.)
std::string csvField(const std::string &text)
{
    const bool formula
        = !text.empty() && std::string_view("=+-@\t\r").find(text[0]) != std::string_view::npos;
    if (!formula && text.find_first_of(",\"\r\n") == std::string::npos)
        return text;
    std::string quoted = formula ? "\"'" : "\"";
    for (const char c : text)
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

std::string joined(const std::vector<std::string> &items)
{
    std::string text;
    for (const auto &item : items)
        text += (text.empty() ? "" : " ") + item;
    return text;
}

void printAuditCsvRow(const AuditEntry &entry)
{
    std::vector<std::string> attachments;
    for (const auto &attachment : entry.attachments)
        attachments.push_back(attachment.name + ":" + std::to_string(attachment.size));
    std::cout << isoTime(entry.time) << "," << csvField(entry.reviewId) << ","
              << csvField(entry.decision) << "," << csvField(joined(entry.recipients)) << ","
              << csvField(joined(attachments)) << "," << csvField(joined(entry.findingsShown))
              << "," << csvField(joined(entry.findingsTicked)) << ","
              << csvField(entry.policyFingerprint) << "\n";
}

nlohmann::json auditJson(const AuditEntry &entry)
{
    nlohmann::json attachments = nlohmann::json::array();
    for (const auto &attachment : entry.attachments)
        attachments.push_back({{"name", attachment.name}, {"size", attachment.size}});
    return {{"time", isoTime(entry.time)},
            {"review", entry.reviewId},
            {"decision", entry.decision},
            {"recipients", entry.recipients},
            {"attachments", attachments},
            {"findingsShown", entry.findingsShown},
            {"findingsTicked", entry.findingsTicked},
            {"policyFingerprint", entry.policyFingerprint}};
}

// Writes the export as the entries are read: a million entries once took 2.8 GB as one JSON
// tree. The CSV header or the JSON "[" goes out with the first entry (or at the end), so that a
// log found damaged before its first entry prints nothing at all.
class AuditPrinter
{
public:
    explicit AuditPrinter(bool json)
        : m_json(json)
    {}

    void entry(const AuditEntry &entry)
    {
        begin();
        if (m_json)
            std::cout << (m_printed == 0 ? "" : ",") << dumpJson(auditJson(entry));
        else
            printAuditCsvRow(entry);
        ++m_printed;
    }

    void finish()
    {
        begin();
        if (m_json)
            std::cout << "]\n";
    }

    std::int64_t printed() const { return m_printed; }

private:
    void begin()
    {
        if (m_begun)
            return;
        m_begun = true;
        if (m_json)
            std::cout << "[";
        else
            std::cout << "time,review,decision,recipients,attachments,findings_shown,"
                         "findings_ticked,policy_fingerprint\n";
    }

    bool m_json;
    bool m_begun = false;
    std::int64_t m_printed = 0;
};

int runAuditExport(int argc, char **argv)
{
    // --audit-export takes no value; the rest come in pairs.
    std::vector<char *> rest{argv[0]};
    for (int i = 2; i < argc; ++i)
        rest.push_back(argv[i]);
    auto values = parseValues(static_cast<int>(rest.size()), rest.data(),
                              {"--since", "--format", "--history"});
    if (!values)
        return usageError(values.error().message);
    auto &options = values.value();
    const std::string format = options.count("--format") ? options["--format"] : "csv";
    if (format != "csv" && format != "json")
        return usageError(utf8(Cli::tr("--format must be csv or json")));
    std::int64_t since = 0;
    if (options.count("--since")) {
        const auto day = parseDay(options["--since"]);
        if (!day)
            return usageError(utf8(Cli::tr("--since needs a date such as 2026-03-01")));
        since = *day;
    }
    const auto path = historyPathFrom(options);
    if (path.empty() || !std::filesystem::exists(path))
        return inputError(
            utf8(Cli::tr("no history database at %1").arg(QString::fromStdString(path.string()))));
    HistoryStore::Options readOnly;
    readOnly.readOnly = true;
    auto opened = HistoryStore::open(path, readOnly);
    if (!opened.store)
        return inputError(utf8(historyFailure(path.string(), opened.error->message)));
    AuditPrinter printer(format == "json");
    const auto error = opened.store->forEachAuditSince(
        since, [&](const AuditEntry &entry) { printer.entry(entry); });
    if (error && printer.printed() > 0) {
        std::cout.flush();
        //: %1 is a file name, %n how many entries were printed, %2 the database's own technical
        //: message, in English
        return inputError(
            utf8(Cli::tr("%1: the audit log in this file is damaged; the export stops after %n "
                         "entries and is incomplete (%2).",
                         nullptr, int(printer.printed()))
                     .arg(QString::fromStdString(path.string()),
                          QString::fromStdString(error->message))));
    }
    if (error) {
        if (error->code == sql::StoreErrorCode::Corrupt) {
            //: %1 is a file name, %2 the database's own technical message, in English
            return inputError(utf8(
                Cli::tr("%1: the audit log in this file is damaged, so nothing could be exported "
                        "(%2). The host sets a damaged file aside and starts a new one on its "
                        "next review; the damaged file stays next to it for recovery (sqlite3 "
                        ".recover).")
                    .arg(QString::fromStdString(path.string()),
                         QString::fromStdString(error->message))));
        }
        return inputError(utf8(historyFailure(path.string(), error->message)));
    }
    printer.finish();
    std::cout.flush();
    return std::cout ? kExitOk : kExitUsage;
}

} // namespace

std::string usageText()
{
    // Spelled out: lupdate loses the class of Cli::tr in a function returning std::string.
    return utf8(QCoreApplication::translate(
        "sendguard::Cli",
        "Usage:\n"
        "  sendguard-host --check FILE [--policy FILE] [--user-settings FILE] [--history DB]\n"
        "                 [--json] [--dialog]\n"
        "      Review the draft in FILE (a review request as the extension sends it) and\n"
        "      print the findings. --policy FILE replaces the request's policy (the admin\n"
        "      layer: SendGuard's policy object, or a whole policies.json, whose 3rdparty\n"
        "      entry for the add-in is used); --user-settings FILE adds a user layer on top\n"
        "      of it, merged as for Thunderbird (without it, no user layer applies; the\n"
        "      user's own file is ~/.config/sendguard/settings.json); --history DB compares\n"
        "      with that sending history (read only); --json prints JSON; --dialog shows\n"
        "      the confirmation dialog and prints the decision.\n"
        "  sendguard-host --learn FILE [--history DB]\n"
        "      Learn the recipients of already-sent messages (a JSON array of {messageId,\n"
        "      date, from, to, cc, bcc}) into the history; a message learned before is\n"
        "      skipped. DB defaults to the user's history.sqlite.\n"
        "  sendguard-host --audit-export [--since YYYY-MM-DD] [--format csv|json]\n"
        "                 [--history DB]\n"
        "      Print the audit log of decisions (CSV by default).\n"
        "  sendguard-host --version\n"
        "  sendguard-host --help\n"
        "  sendguard-host --serve\n"
        "      Serve native messaging on stdin/stdout (as when Thunderbird starts the host\n"
        "      with its manifest path and add-in id).\n"));
}

int runCli(int argc, char **argv)
{
    // tr() needs an application; the dialog a QApplication, which needs a display.
    bool wantsDialog = false;
    for (int i = 1; i < argc; ++i)
        wantsDialog = wantsDialog || std::string_view(argv[i]) == "--dialog";
    const bool dialogsAvailable = wantsDialog && platform::displayAvailable();
    std::unique_ptr<QCoreApplication> app;
    if (dialogsAvailable)
        app = std::make_unique<QApplication>(argc, argv);
    else
        app = std::make_unique<QCoreApplication>(argc, argv);
    applyLanguage(systemLanguage());

    const std::string command = argc > 1 ? argv[1] : "";
    if (command == "--version") {
        std::cout << SENDGUARD_HOST_EXECUTABLE << " " << SENDGUARD_VERSION << "\n";
        return kExitOk;
    }
    if (command == "--help" || command == "-h") {
        std::cout << usageText();
        return kExitOk;
    }
    if (command == "--check")
        return runCheck(argc, argv, dialogsAvailable);
    if (command == "--learn")
        return runLearn(argc, argv);
    if (command == "--audit-export")
        return runAuditExport(argc, argv);
    if (command.empty())
        return usageError(utf8(Cli::tr("no command given")));
    return usageError(utf8(Cli::tr("unknown argument %1").arg(fromUtf8(command))));
}

} // namespace sendguard
