#include "usersettings.h"

#include "../protocol/message.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QSaveFile>

#include <algorithm>

namespace sendguard {

namespace {

using nlohmann::json;

constexpr qint64 kMaxFileBytes = 1024 * 1024;

QString qPath(const std::filesystem::path &path)
{
    return QString::fromStdString(path.generic_string());
}

std::string text(const QString &value)
{
    return value.toStdString();
}

using Problem = SettingsFileProblem;

// Why `bytes` is not a usable settings file (Fault::None when it is; then `layer` holds it). The
// limit broken, or where the syntax error is, goes into `problem`.
Problem::Fault brokenBecause(const QByteArray &bytes, json &layer, Problem &problem)
{
    using Fault = Problem::Fault;
    if (bytes.size() > kMaxFileBytes) {
        problem.limit = static_cast<std::size_t>(kMaxFileBytes);
        return Fault::TooLarge;
    }
    // A settings file needs three levels (layer, rules, one rule); an absurdly deep one is
    // refused before parsing, as requests and policy files are (kMaxJsonDepth).
    if (jsonNestsDeeperThan(std::string_view(bytes.constData(), std::size_t(bytes.size())),
                            kMaxJsonDepth)) {
        problem.limit = kMaxJsonDepth;
        return Fault::TooDeep;
    }
    // nlohmann/json takes a NUL byte for the end of the text and would ignore all after it; a
    // raw NUL is never valid JSON, so the file is broken.
    if (const auto nul = bytes.indexOf('\0'); nul >= 0) {
        problem.position = static_cast<std::size_t>(nul) + 1;
        return Fault::NotJson;
    }
    try {
        layer = json::parse(bytes.begin(), bytes.end());
    } catch (const json::parse_error &error) {
        problem.position = error.byte;
        return Fault::NotJson;
    } catch (const json::exception &) {
        return Fault::NotJson;
    }
    if (!layer.is_object())
        return Fault::NotAnObject;
    return Fault::None;
}

// The English for the log of why a file is broken: "it is not JSON (syntax error at byte 12)".
std::string faultMessage(const Problem &problem)
{
    switch (problem.fault) {
    case Problem::Fault::None:
        break;
    case Problem::Fault::TooLarge:
        return "it is larger than 1 MiB";
    case Problem::Fault::TooDeep:
        return "it nests more than " + std::to_string(problem.limit) + " levels deep";
    case Problem::Fault::NotJson:
        if (problem.position == 0)
            return "it is not JSON";
        return "it is not JSON (syntax error at byte " + std::to_string(problem.position) + ")";
    case Problem::Fault::NotAnObject:
        return "it does not hold a JSON object";
    }
    return {};
}

} // namespace

std::string settingsFileMessage(const SettingsFileProblem &problem)
{
    const std::string file = "your settings file " + problem.path;
    switch (problem.kind) {
    case Problem::Kind::Unreadable:
        return file + " cannot be read (" + problem.reason + "); the defaults apply until it can";
    case Problem::Kind::Broken:
        return file + " is broken: " + faultMessage(problem);
    case Problem::Kind::SetAside:
        return file + " was broken (" + faultMessage(problem) + "); it was kept as "
               + problem.setAsideAs + " and the defaults apply";
    case Problem::Kind::NotSetAside:
        return file + " is broken (" + faultMessage(problem)
               + ") and could not be moved aside; the defaults apply";
    case Problem::Kind::NoFolderKnown:
        return "no folder for your settings is known (neither XDG_CONFIG_HOME nor HOME is set)";
    case Problem::Kind::NotAnObject:
        return "settings must be a JSON object; not saved";
    case Problem::Kind::FolderNotCreated:
        return "cannot create the folder " + problem.path;
    case Problem::Kind::NotEncodable:
        return "settings could not be written as JSON";
    case Problem::Kind::NotSaved:
        return "cannot save " + problem.path + ": " + problem.reason;
    case Problem::Kind::NotAFile:
        return file
               + " cannot be read (it is not a regular file); the defaults apply until it is "
                 "one";
    case Problem::Kind::Busy:
        return "cannot save " + problem.path + ": another SendGuard is changing it; try again";
    case Problem::Kind::NotReplaced: {
        std::string why = problem.fault != Problem::Fault::None ? faultMessage(problem)
                          : !problem.reason.empty()             ? problem.reason
                                                                : "it is not a regular file";
        return "not saved, so that nothing in " + problem.path
               + " is lost: it cannot be read or "
                 "moved aside ("
               + why + ")";
    }
    }
    return {};
}

namespace {

Problem problemOf(Problem::Kind kind, const QString &path, const QString &reason = {})
{
    Problem problem;
    problem.kind = kind;
    problem.path = text(path);
    problem.reason = text(reason);
    return problem;
}

Problem withMessage(Problem problem)
{
    problem.message = settingsFileMessage(problem);
    return problem;
}

// `path` with ".broken-<UTC time>" appended, and a counter when that name is taken.
QString setAsideName(const QString &path)
{
    const QString stamp
        = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    QString name = path + QStringLiteral(".broken-") + stamp;
    for (int i = 2; QFileInfo::exists(name); ++i)
        name = path + QStringLiteral(".broken-") + stamp + u'-' + QString::number(i);
    return name;
}

} // namespace

UserSettingsFile::UserSettingsFile(std::filesystem::path path)
    : m_path(std::move(path))
{}

std::filesystem::path UserSettingsFile::defaultPath(const std::filesystem::path &configFolder)
{
    if (configFolder.empty())
        return {};
    return configFolder / "settings.json";
}

LoadedSettings UserSettingsFile::load(SetAside setAside) const
{
    LoadedSettings loaded;
    const QString path = qPath(m_path);
    QFile file(path);
    if (!file.exists())
        return loaded;
    // A FIFO would block open() until some writer came, and with it every review and ping; a
    // device (a link to /dev/zero, say) holds no settings. Neither is read, nor set aside: there
    // is nothing in it to keep. (Checked before opening: a swap in the moment between the two is
    // left to the person who owns the folder.)
    const QFileInfo info(path);
    if (!info.isFile() && !info.isDir()) {
        loaded.problems.push_back(withMessage(problemOf(Problem::Kind::NotAFile, path)));
        return loaded;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        loaded.problems.push_back(
            withMessage(problemOf(Problem::Kind::Unreadable, path, file.errorString())));
        return loaded;
    }
    const QByteArray bytes = file.read(kMaxFileBytes + 1);
    const bool readFailed = file.error() != QFileDevice::NoError;
    file.close();
    if (readFailed) {
        loaded.problems.push_back(
            withMessage(problemOf(Problem::Kind::Unreadable, path, file.errorString())));
        return loaded;
    }

    json layer;
    Problem broken = problemOf(Problem::Kind::Broken, path);
    broken.fault = brokenBecause(bytes, layer, broken);
    if (broken.fault == Problem::Fault::None) {
        loaded.layer = std::move(layer);
        return loaded;
    }
    if (setAside == SetAside::Never) {
        loaded.problems.push_back(withMessage(std::move(broken)));
        return loaded;
    }
    const QString aside = setAsideName(path);
    if (!QFile::rename(path, aside)) {
        broken.kind = Problem::Kind::NotSetAside;
        loaded.problems.push_back(withMessage(std::move(broken)));
        return loaded;
    }
    loaded.setAsideAs = std::filesystem::path(aside.toStdString());
    broken.kind = Problem::Kind::SetAside;
    broken.setAsideAs = text(aside);
    loaded.problems.push_back(withMessage(std::move(broken)));
    return loaded;
}

std::optional<SettingsFileProblem> UserSettingsFile::save(const json &layer) const
{
    const QString path = qPath(m_path);
    if (!layer.is_object())
        return withMessage(problemOf(Problem::Kind::NotAnObject, path));
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder))
        return withMessage(problemOf(Problem::Kind::FolderNotCreated, folder));

    std::string contents;
    try {
        contents = layer.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
    } catch (const json::exception &) {
        return withMessage(problemOf(Problem::Kind::NotEncodable, path));
    }
    // QSaveFile writes a temporary file next to the target and renames it over the target on
    // commit(): a crash or a full disk leaves the old file whole.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return withMessage(problemOf(Problem::Kind::NotSaved, path, file.errorString()));
    const auto size = static_cast<qint64>(contents.size());
    if (file.write(contents.data(), size) != size) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return withMessage(problemOf(Problem::Kind::NotSaved, path, reason));
    }
    if (!file.commit())
        return withMessage(problemOf(Problem::Kind::NotSaved, path, file.errorString()));
    return std::nullopt;
}

std::optional<SettingsFileProblem>
UserSettingsFile::update(const std::function<json(const json &)> &change) const
{
    const QString path = qPath(m_path);
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder))
        return withMessage(problemOf(Problem::Kind::FolderNotCreated, folder));
    QLockFile lock(path + QStringLiteral(".lock"));
    // A host killed while holding the lock leaves the file; QLockFile takes it over once its
    // process is gone, or after this long. Holding it takes milliseconds.
    lock.setStaleLockTime(10'000);
    if (!lock.tryLock(5'000))
        return withMessage(problemOf(Problem::Kind::Busy, path));
    LoadedSettings loaded = load();
    if (!loaded.problems.empty() && loaded.setAsideAs.empty()) {
        Problem kept = loaded.problems.front();
        kept.kind = Problem::Kind::NotReplaced;
        return withMessage(std::move(kept));
    }
    return save(change(loaded.layer));
}

json withEditsOver(const json &base, const json &edited, json current)
{
    if (!current.is_object())
        current = json::object();
    const json none;
    const auto valueIn = [&](const json &layer, const std::string &key) -> const json & {
        const auto it = layer.is_object() ? layer.find(key) : layer.end();
        return it == layer.end() ? none : *it;
    };
    std::vector<std::string> keys;
    for (const json *layer : {&base, &edited}) {
        if (layer->is_object()) {
            for (const auto &item : layer->items())
                keys.push_back(item.key());
        }
    }
    for (const std::string &key : keys) {
        const json &mine = valueIn(edited, key);
        if (mine == valueIn(base, key))
            continue; // not the dialog's change: whatever the file holds now stays
        if (mine.is_null())
            current.erase(key);
        else
            current[key] = mine;
    }
    return current;
}

SettingsFileProblem settingsFolderUnknown()
{
    return withMessage(problemOf(Problem::Kind::NoFolderKnown, QString()));
}

PolicyProblem asPolicyProblem(SettingsFileProblem problem)
{
    PolicyProblem found;
    found.layer = PolicyProblem::Layer::User;
    found.kind = PolicyProblem::Kind::SettingsFile;
    found.message = problem.message;
    found.settingsFile = std::move(problem);
    return found;
}

json withTrustedDomain(json layer, const std::string &domain)
{
    if (!layer.is_object())
        layer = json::object();
    json &list = layer["trustedDomains"];
    if (!list.is_array())
        list = json::array();
    if (std::find(list.begin(), list.end(), domain) == list.end())
        list.push_back(domain);
    return layer;
}

} // namespace sendguard
