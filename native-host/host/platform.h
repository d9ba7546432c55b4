#pragma once

#include <cstddef>
#include <cstdio>
#include <filesystem>
#include <string_view>

// Everything that differs between Linux and Windows in the host lives behind these calls.
namespace sendguard::platform {

// Prepares stdin and stdout for native messaging frames: binary mode on Windows (text mode would
// turn \n into \r\n inside a length prefix), SIGPIPE ignored on POSIX (a closed pipe becomes a
// write error the host handles, not a signal that kills it). Call once at startup.
void prepareStdio();

// Reads at most `size` bytes from stdin into `buffer`, retrying on EINTR. Returns the number of
// bytes read, 0 at end of input, or -1 when reading fails.
std::ptrdiff_t readStdin(char *buffer, std::size_t size);

// Writes every byte to stdout, retrying on EINTR and short writes. Returns false when the pipe
// is closed or a write fails; the caller then stops writing.
bool writeStdout(std::string_view bytes);

// The per-user data folder: $XDG_DATA_HOME or ~/.local/share on Linux, %LOCALAPPDATA% on
// Windows, with "sendguard" appended. Empty when the environment names none.
std::filesystem::path userDataFolder();

// The per-user config folder, where the user's settings live: $XDG_CONFIG_HOME or ~/.config on
// Linux, %APPDATA% (roaming, as settings follow the person) on Windows, with "sendguard"
// appended. Empty when the environment names none.
std::filesystem::path userConfigFolder();

// Opens `path` for appending in binary mode, creating it; nullptr on failure. Takes the path as
// the system spells it (wide on Windows), so folders outside the ANSI code page work.
std::FILE *openForAppend(const std::filesystem::path &path);

// Whether a GUI can be shown: on Linux DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM is set;
// always true on Windows.
bool displayAvailable();

} // namespace sendguard::platform
