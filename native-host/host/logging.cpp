#include "logging.h"

#include "platform.h"

#include <QDateTime>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <system_error>

Q_LOGGING_CATEGORY(lcHost, "sendguard.host", QtWarningMsg)
Q_LOGGING_CATEGORY(lcProtocol, "sendguard.protocol", QtWarningMsg)
Q_LOGGING_CATEGORY(lcPolicy, "sendguard.policy", QtWarningMsg)
Q_LOGGING_CATEGORY(lcDialog, "sendguard.dialog", QtWarningMsg)
Q_LOGGING_CATEGORY(lcStore, "sendguard.store", QtWarningMsg)

namespace sendguard {

namespace {

constexpr std::uintmax_t kRotateBytes = 1024 * 1024;

// The handler runs on whichever thread logs (the stdin reader among them).
std::mutex logMutex;
std::FILE *logFile = nullptr;

const char *levelLetter(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "D";
    case QtInfoMsg:
        return "I";
    case QtWarningMsg:
        return "W";
    case QtCriticalMsg:
        return "C";
    case QtFatalMsg:
        return "F";
    }
    return "?";
}

bool isBidiControl(char32_t c)
{
    return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E)
           || (c >= 0x2066 && c <= 0x2069);
}

void writeMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QByteArray line = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8()
                            + ' ' + levelLetter(type) + ' '
                            + (context.category ? context.category : "default") + ": "
                            + escapeControls(message).toUtf8() + '\n';
    std::lock_guard lock(logMutex);
    std::FILE *out = logFile ? logFile : stderr;
    std::fwrite(line.constData(), 1, static_cast<std::size_t>(line.size()), out);
    std::fflush(out);
}

// Levels below the threshold are switched off for our categories; Qt's own stay at its default
// (warnings and above reach the handler).
QString filterRules()
{
    const char *level = std::getenv("SENDGUARD_LOG_LEVEL");
    if (level && std::strcmp(level, "debug") == 0)
        return QStringLiteral("sendguard.*.debug=true\nsendguard.*.info=true");
    if (level && std::strcmp(level, "info") == 0)
        return QStringLiteral("sendguard.*.debug=false\nsendguard.*.info=true");
    return QStringLiteral("sendguard.*.debug=false\nsendguard.*.info=false");
}

std::FILE *openLogFile(const std::filesystem::path &folder)
{
    if (folder.empty())
        return nullptr;
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (error)
        return nullptr;

    const std::filesystem::path path = folder / "sendguard.log";
    // Opening a FIFO for writing waits for a reader: the host once hung at its start. Anything
    // but a regular file (or none yet) leaves the log on stderr.
    const auto status = std::filesystem::status(path, error);
    if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status))
        return nullptr;
    if (std::filesystem::file_size(path, error) > kRotateBytes && !error)
        std::filesystem::rename(path, folder / "sendguard.log.1", error);
    return platform::openForAppend(path);
}

} // namespace

QString escapeControls(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (const char32_t c : text.toUcs4()) {
        if (c == '\n')
            out += QLatin1String("\\n");
        else if (c == '\r')
            out += QLatin1String("\\r");
        else if (c == '\t')
            out += QLatin1String("\\t");
        else if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F))
            out += QStringLiteral("\\x%1").arg(static_cast<uint>(c), 2, 16, QLatin1Char('0'));
        else if (isBidiControl(c))
            out += QStringLiteral("\\u%1").arg(static_cast<uint>(c), 4, 16, QLatin1Char('0'));
        else
            out += QString::fromUcs4(&c, 1);
    }
    return out;
}

QString installLogging()
{
    const std::filesystem::path folder = platform::userDataFolder();
    {
        std::lock_guard lock(logMutex);
        logFile = openLogFile(folder);
    }
    QLoggingCategory::setFilterRules(filterRules());
    qInstallMessageHandler(writeMessage);
    if (!logFile)
        return {};
    return QString::fromStdU16String((folder / "sendguard.log").u16string());
}

void shutdownLogging()
{
    std::lock_guard lock(logMutex);
    if (logFile)
        std::fclose(logFile);
    logFile = nullptr;
}

} // namespace sendguard
