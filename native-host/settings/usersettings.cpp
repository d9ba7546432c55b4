#include "usersettings.h"

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
// A settings file needs three levels (layer, rules, one rule); copying a parsed value recurses
// once per level, so an absurdly deep file must be refused before it is parsed.
constexpr std::size_t kMaxJsonDepth = 64;

QString qPath(const std::filesystem::path &path)
{
    return QString::fromStdString(path.generic_string());
}

std::string text(const QString &value)
{
    return value.toStdString();
}

bool nestsDeeperThan(const QByteArray &bytes, std::size_t limit)
{
    std::size_t depth = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : bytes) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if ((c == '[' || c == '{') && ++depth > limit) {
            return true;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return false;
}

// Why `bytes` is not a usable settings file, in plain words; empty when it is (then `layer`
// holds it).
std::string brokenBecause(const QByteArray &bytes, json &layer)
{
    if (bytes.size() > kMaxFileBytes)
        return "it is larger than 1 MiB";
    if (nestsDeeperThan(bytes, kMaxJsonDepth))
        return "it nests more than " + std::to_string(kMaxJsonDepth) + " levels deep";
    try {
        layer = json::parse(bytes.begin(), bytes.end());
    } catch (const json::parse_error &error) {
        return "it is not JSON (syntax error at byte " + std::to_string(error.byte) + ")";
    } catch (const json::exception &) {
        return "it is not JSON";
    }
    if (!layer.is_object())
        return "it does not hold a JSON object";
    return {};
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
        loaded.problems.push_back("your settings file " + text(path)
                                  + " cannot be read (it is not a regular file); the defaults "
                                    "apply until it is one");
        return loaded;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        loaded.problems.push_back("your settings file " + text(path) + " cannot be read ("
                                  + text(file.errorString())
                                  + "); the defaults apply until it can");
        return loaded;
    }
    const QByteArray bytes = file.read(kMaxFileBytes + 1);
    const bool readFailed = file.error() != QFileDevice::NoError;
    file.close();
    if (readFailed) {
        loaded.problems.push_back("your settings file " + text(path) + " cannot be read ("
                                  + text(file.errorString())
                                  + "); the defaults apply until it can");
        return loaded;
    }

    json layer;
    const std::string reason = brokenBecause(bytes, layer);
    if (reason.empty()) {
        loaded.layer = std::move(layer);
        return loaded;
    }
    if (setAside == SetAside::Never) {
        loaded.problems.push_back("your settings file " + text(path) + " is broken: " + reason);
        return loaded;
    }
    const QString aside = setAsideName(path);
    if (!QFile::rename(path, aside)) {
        loaded.problems.push_back("your settings file " + text(path) + " is broken (" + reason
                                  + ") and could not be moved aside; the defaults apply");
        return loaded;
    }
    loaded.setAsideAs = std::filesystem::path(aside.toStdString());
    loaded.problems.push_back("your settings file " + text(path) + " was broken (" + reason
                              + "); it was kept as " + text(aside) + " and the defaults apply");
    return loaded;
}

std::optional<Error> UserSettingsFile::save(const json &layer) const
{
    const QString path = qPath(m_path);
    if (!layer.is_object())
        return Error{ErrorCode::InvalidPolicy, "settings must be a JSON object; not saved"};
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder))
        return Error{ErrorCode::Io, "cannot create the folder " + text(folder)};

    std::string contents;
    try {
        contents = layer.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
    } catch (const json::exception &) {
        return Error{ErrorCode::Internal, "settings could not be written as JSON"};
    }
    // QSaveFile writes a temporary file next to the target and renames it over the target on
    // commit(): a crash or a full disk leaves the old file whole.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{ErrorCode::Io, "cannot save " + text(path) + ": " + text(file.errorString())};
    const auto size = static_cast<qint64>(contents.size());
    if (file.write(contents.data(), size) != size) {
        const std::string reason = text(file.errorString());
        file.cancelWriting();
        return Error{ErrorCode::Io, "cannot save " + text(path) + ": " + reason};
    }
    if (!file.commit())
        return Error{ErrorCode::Io, "cannot save " + text(path) + ": " + text(file.errorString())};
    return std::nullopt;
}

std::optional<Error> UserSettingsFile::update(const std::function<json(const json &)> &change) const
{
    const QString path = qPath(m_path);
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder))
        return Error{ErrorCode::Io, "cannot create the folder " + text(folder)};
    QLockFile lock(path + QStringLiteral(".lock"));
    // A host killed while holding the lock leaves the file; QLockFile takes it over once its
    // process is gone, or after this long. Holding it takes milliseconds.
    lock.setStaleLockTime(10'000);
    if (!lock.tryLock(5'000))
        return Error{ErrorCode::Io,
                     "cannot save " + text(path) + ": another SendGuard is changing it; try again"};
    LoadedSettings loaded = load();
    if (!loaded.problems.empty() && loaded.setAsideAs.empty())
        return Error{ErrorCode::Io,
                     "not saved, so that nothing in it is lost: " + loaded.problems.front()};
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
