#include "platform.h"

#include <cerrno>
#include <cstdlib>

#ifdef _WIN32
#include <fcntl.h>
#include <io.h>
#include <stdio.h>
#else
#include <csignal>
#include <unistd.h>
#endif

namespace sendguard::platform {

namespace {

[[maybe_unused]] std::filesystem::path environmentPath(const char *name)
{
    const char *value = std::getenv(name);
    if (!value || !*value)
        return {};
    return std::filesystem::path(value);
}

[[maybe_unused]] bool environmentSet(const char *name)
{
    const char *value = std::getenv(name);
    return value && *value;
}

} // namespace

#ifdef _WIN32

void prepareStdio()
{
    _setmode(_fileno(stdin), _O_BINARY);
    _setmode(_fileno(stdout), _O_BINARY);
}

std::ptrdiff_t readStdin(char *buffer, std::size_t size)
{
    const unsigned int chunk = size > 1u << 30 ? 1u << 30 : static_cast<unsigned int>(size);
    return _read(_fileno(stdin), buffer, chunk);
}

bool writeStdout(std::string_view bytes)
{
    while (!bytes.empty()) {
        const unsigned int chunk
            = bytes.size() > 1u << 30 ? 1u << 30 : static_cast<unsigned int>(bytes.size());
        const int written = _write(_fileno(stdout), bytes.data(), chunk);
        if (written <= 0)
            return false;
        bytes.remove_prefix(static_cast<std::size_t>(written));
    }
    return true;
}

std::filesystem::path userDataFolder()
{
    // _wgetenv: getenv would give the folder in the ANSI code page, losing a user name that it
    // cannot spell.
    const wchar_t *base = _wgetenv(L"LOCALAPPDATA");
    if (!base || !*base)
        return {};
    return std::filesystem::path(base) / "sendguard";
}

std::FILE *openForAppend(const std::filesystem::path &path)
{
    return _wfopen(path.c_str(), L"ab");
}

std::filesystem::path userConfigFolder()
{
    const wchar_t *base = _wgetenv(L"APPDATA"); // wide, as for LOCALAPPDATA above
    if (!base || !*base)
        return {};
    return std::filesystem::path(base) / "sendguard";
}

bool displayAvailable()
{
    return true;
}

#else

void prepareStdio()
{
    std::signal(SIGPIPE, SIG_IGN);
}

std::ptrdiff_t readStdin(char *buffer, std::size_t size)
{
    for (;;) {
        const ssize_t got = ::read(STDIN_FILENO, buffer, size);
        if (got >= 0 || errno != EINTR)
            return got;
    }
}

bool writeStdout(std::string_view bytes)
{
    while (!bytes.empty()) {
        const ssize_t written = ::write(STDOUT_FILENO, bytes.data(), bytes.size());
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return false;
        bytes.remove_prefix(static_cast<std::size_t>(written));
    }
    return true;
}

std::filesystem::path userDataFolder()
{
    // XDG Base Directory Specification: a relative XDG_DATA_HOME is invalid and ignored.
    const std::filesystem::path xdg = environmentPath("XDG_DATA_HOME");
    if (xdg.is_absolute())
        return xdg / "sendguard";
    const std::filesystem::path home = environmentPath("HOME");
    if (home.empty())
        return {};
    return home / ".local" / "share" / "sendguard";
}

std::filesystem::path userConfigFolder()
{
    const std::filesystem::path xdg = environmentPath("XDG_CONFIG_HOME");
    if (xdg.is_absolute())
        return xdg / "sendguard";
    const std::filesystem::path home = environmentPath("HOME");
    if (home.empty())
        return {};
    return home / ".config" / "sendguard";
}

std::FILE *openForAppend(const std::filesystem::path &path)
{
    return std::fopen(path.c_str(), "ab");
}

bool displayAvailable()
{
    return environmentSet("DISPLAY") || environmentSet("WAYLAND_DISPLAY")
           || environmentSet("QT_QPA_PLATFORM");
}

#endif

} // namespace sendguard::platform
