// sendguard-host: the native messaging host Thunderbird starts, and the command line.

#include "cli.h"
#include "hostserver.h"
#include "language.h"
#include "logging.h"
#include "platform.h"

#include "history/historystore.h"
#include "settings/usersettings.h"

#include <QApplication>
#include <QCoreApplication>
#include <QLocale>

#include <cstdlib>
#include <memory>
#include <string_view>

namespace {

// Thunderbird starts the host as `sendguard-host <manifest path> <add-in id>`.
bool isServeInvocation(int argc, char **argv)
{
    if (argc < 2)
        return false;
    const std::string_view first = argv[1];
    return first == "--serve" || (first.size() > 5 && first.ends_with(".json"));
}

int serve(int argc, char **argv)
{
    using namespace sendguard;
    platform::prepareStdio();
    const QString logFile = installLogging();

    const bool dialogsAvailable = platform::displayAvailable();
    std::unique_ptr<QCoreApplication> app;
    if (dialogsAvailable) {
        auto gui = std::make_unique<QApplication>(argc, argv);
        // The host outlives every dialog it shows.
        gui->setQuitOnLastWindowClosed(false);
        app = std::move(gui);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    // Each review then applies its policy's `language` (HostServer::reviewNext); the dialogs and
    // the findings' sentences (RuleMessage) come from the same catalogue.
    if (!applyLanguage(systemLanguage()))
        qCWarning(lcHost) << "the translation could not be loaded: dialogs and findings show in "
                             "English";
    qCInfo(lcHost) << SENDGUARD_HOST_EXECUTABLE << SENDGUARD_VERSION << "started for"
                   << (argc > 2 ? argv[2] : "(no add-in id)") << "logging to"
                   << (logFile.isEmpty() ? QStringLiteral("stderr") : logFile);

    // Opened once, before the server that uses it; a store that cannot open leaves reviews
    // without history, never without a review.
    std::unique_ptr<HistoryStore> history;
    const auto historyPath = HistoryStore::defaultPath(platform::userDataFolder());
    if (!historyPath.empty()) {
        auto opened = HistoryStore::open(historyPath);
        for (const HistoryNotice &warning : opened.warnings)
            qCWarning(lcStore) << warning.message.c_str();
        if (opened.error)
            qCWarning(lcStore) << "history unavailable:" << opened.error->message.c_str();
        history = std::move(opened.store);
    }

    auto server = std::make_unique<HostServer>(dialogsAvailable);
    server->setHistory(std::move(history));
    server->setHistoryPath(historyPath);
    server->setUserSettingsPath(UserSettingsFile::defaultPath(platform::userConfigFolder()));
    server->start();
    const int exitCode = app->exec();

    if (!server->stopReader()) {
        // stdout failed while the reader still waits on stdin; nothing more can be said to
        // Thunderbird, and the reader cannot be interrupted portably: end here.
        qCInfo(lcHost) << "exiting with the reader still blocked";
        shutdownLogging();
        std::_Exit(exitCode);
    }
    server.reset();
    qCInfo(lcHost) << "exiting with" << exitCode;
    shutdownLogging();
    return exitCode;
}

} // namespace

int main(int argc, char **argv)
{
    if (isServeInvocation(argc, argv))
        return serve(argc, argv);
    return sendguard::runCli(argc, argv);
}
