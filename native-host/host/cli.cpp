#include "cli.h"

#include "platform.h"

#include "confirmdialog.h"
#include "engine/edits.h"
#include "engine/engine.h"
#include "protocol/message.h"
#include "protocol/reply.h"

#include <QApplication>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>

namespace sendguard {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 2;
// The text output names this many entries of each edited recipient list.
constexpr std::size_t kEditsShown = 5;

struct CheckOptions
{
    std::string requestFile;
    std::optional<std::string> policyFile;
    bool json = false;
    bool dialog = false;
};

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

Result<std::string> readFile(const std::string &path)
{
    std::ifstream file(path, std::ios::binary);
    if (!file)
        return Error{ErrorCode::Io, "cannot read " + path + ": " + std::strerror(errno)};
    std::ostringstream contents;
    contents << file.rdbuf();
    if (file.bad())
        return Error{ErrorCode::Io, "cannot read " + path};
    return contents.str();
}

// --check's own argument parser. Fails with a usage message.
Result<CheckOptions> parseCheckOptions(int argc, char **argv)
{
    CheckOptions options;
    for (int i = 1; i < argc; ++i) {
        const std::string argument = argv[i];
        const bool hasValue = i + 1 < argc;
        if (argument == "--check" || argument == "--policy") {
            if (!hasValue)
                return Error{ErrorCode::InvalidRequest, argument + " needs a FILE"};
            (argument == "--check" ? options.requestFile : options.policyFile.emplace())
                = argv[++i];
        } else if (argument == "--json") {
            options.json = true;
        } else if (argument == "--dialog") {
            options.dialog = true;
        } else {
            return Error{ErrorCode::InvalidRequest, "unknown argument " + argument};
        }
    }
    if (options.requestFile.empty())
        return Error{ErrorCode::InvalidRequest, "--check needs a FILE"};
    return options;
}

Result<ReviewRequest> readRequest(const std::string &path)
{
    Result<std::string> contents = readFile(path);
    if (!contents)
        return contents.error();
    Result<Message> message = parseMessage(contents.value());
    if (!message)
        return Error{message.error().code, path + ": " + message.error().message};
    if (!std::holds_alternative<ReviewRequest>(message.value()))
        return Error{ErrorCode::InvalidRequest, path + ": not a review request"};
    return std::get<ReviewRequest>(std::move(message).value());
}

Result<nlohmann::json> readPolicyFile(const std::string &path)
{
    Result<std::string> contents = readFile(path);
    if (!contents)
        return contents.error();
    try {
        return nlohmann::json::parse(contents.value());
    } catch (const nlohmann::json::parse_error &error) {
        return Error{ErrorCode::MalformedJson,
                     path + ": not JSON (syntax error at byte " + std::to_string(error.byte) + ")"};
    } catch (const nlohmann::json::exception &) {
        return Error{ErrorCode::MalformedJson, path + ": not JSON"};
    }
}

Policy policyFrom(const nlohmann::json &json, const std::string &source)
{
    if (json.is_null())
        return Policy();
    std::vector<std::string> problems;
    Policy policy = policyFromJson(json, problems);
    for (const std::string &problem : problems)
        std::cerr << "sendguard-host: warning: " << source << ": " << problem << "\n";
    return policy;
}

std::string targetText(const nlohmann::json &target)
{
    if (target.contains("text"))
        return target["text"].get<std::string>();
    return target["kind"].get<std::string>();
}

void printText(const nlohmann::json &result)
{
    const auto &findings = result["findings"];
    std::cout << findings.size() << (findings.size() == 1 ? " finding" : " findings") << "\n";
    for (const auto &finding : findings) {
        std::cout << "  " << finding["severity"].get<std::string>() << "  "
                  << finding["rule"].get<std::string>() << "  " << targetText(finding["target"])
                  << "\n      " << finding["message"].get<std::string>() << "\n";
    }
    std::cout << "blocked: " << (result["blocked"].get<bool>() ? "yes" : "no") << "\n"
              << "needs confirmation: " << (result["needsConfirmation"].get<bool>() ? "yes" : "no")
              << "\n";
    if (result.contains("decision"))
        std::cout << "decision: " << result["decision"].get<std::string>() << "\n";
    if (!result.contains("edits"))
        return;
    std::cout << "edits (the recipients it goes out with):\n";
    for (const char *field : {"to", "cc", "bcc"}) {
        const auto &entries = result["edits"][field];
        std::cout << "  " << field << ":";
        for (std::size_t i = 0; i < entries.size() && i < kEditsShown; ++i)
            std::cout << (i == 0 ? " " : ", ") << entries[i].get<std::string>();
        if (entries.size() > kEditsShown)
            std::cout << " and " << entries.size() - kEditsShown << " more";
        std::cout << "\n";
    }
}

struct DialogAnswer
{
    bool send = false;
    bool moveToBcc = false;
};

// Shows the dialog the way serve mode would, and returns its decision.
DialogAnswer askWithDialog(int argc, char **argv, const Review &review)
{
    if (!review.needsDialog())
        return {true, false};
    QApplication app(argc, argv);
    ConfirmDialog dialog(review);
    dialog.show();
    dialog.raise();
    dialog.activateWindow();
    const bool send = dialog.exec() == QDialog::Accepted && !review.blocked();
    return {send, send && dialog.moveToBccChosen()};
}

int runCheck(int argc, char **argv)
{
    Result<CheckOptions> options = parseCheckOptions(argc, argv);
    if (!options)
        return usageError(options.error().message);
    const CheckOptions &check = options.value();
    if (check.dialog && !platform::displayAvailable())
        return inputError("--dialog: no display to show the confirmation dialog");

    Result<ReviewRequest> request = readRequest(check.requestFile);
    if (!request)
        return inputError(request.error().message);

    nlohmann::json policyJson = request.value().adminPolicy;
    std::string policySource = check.requestFile + " (policy)";
    if (check.policyFile) {
        Result<nlohmann::json> fromFile = readPolicyFile(*check.policyFile);
        if (!fromFile)
            return inputError(fromFile.error().message);
        policyJson = std::move(fromFile).value();
        policySource = *check.policyFile;
    }

    const Review review = reviewDraft(request.value().draft, policyFrom(policyJson, policySource));
    nlohmann::json result = reviewToJson(review);
    DialogAnswer answer{!review.blocked(), false};
    if (check.dialog) {
        answer = askWithDialog(argc, argv, review);
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
        printText(result);
    std::cout.flush();
    return std::cout ? kExitOk : kExitUsage;
}

} // namespace

const char *usageText()
{
    return "Usage:\n"
           "  sendguard-host --check FILE [--policy FILE] [--json] [--dialog]\n"
           "      Review the draft in FILE (a review request as the extension sends it) and\n"
           "      print the findings. --policy FILE replaces the request's policy; --json\n"
           "      prints JSON; --dialog shows the confirmation dialog and prints the decision.\n"
           "  sendguard-host --version\n"
           "  sendguard-host --help\n"
           "  sendguard-host --serve\n"
           "      Serve native messaging on stdin/stdout (as when Thunderbird starts the host\n"
           "      with its manifest path and add-in id).\n";
}

int runCli(int argc, char **argv)
{
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
        return runCheck(argc, argv);
    if (command.empty())
        return usageError("no command given");
    return usageError("unknown argument " + command);
}

} // namespace sendguard
