#pragma once

#include "../protocol/policyproblem.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace sendguard {

// What reading the user's settings file gave.
struct LoadedSettings
{
    // The user policy layer as written: a JSON object, {} when there is no file or it was
    // broken. Its keys are not checked here; mergePolicyLayers reports the invalid ones.
    nlohmann::json layer = nlohmann::json::object();
    // Why the file could not be used; empty when it could (or did not exist).
    std::vector<SettingsFileProblem> problems;
    // Where a broken file was moved just now; empty otherwise.
    std::filesystem::path setAsideAs;
};

// The user's own policy layer (DESIGN.md, "Policy"): one JSON object in a file in the user's
// config folder, `settings.json`.
//
// load() never fails: a missing file is an empty layer; a file that cannot be read (a FIFO or a
// device among them, which are never opened) is reported and left alone; a broken file (not JSON,
// not an object, over 1 MiB or nested absurdly deep) is renamed with a timestamp
// (`settings.json.broken-20261203T101500Z`, kept for the person or IT to look at), reported, and
// replaced by an empty layer, the defaults. save() writes atomically (QSaveFile: a temporary file
// renamed over the old one), so a crash or a full disk leaves the old file or the new one, never
// half of either. Neither logs; callers report the problems.
class UserSettingsFile
{
public:
    explicit UserSettingsFile(std::filesystem::path path);

    // `configFolder`/settings.json; empty when `configFolder` is.
    static std::filesystem::path defaultPath(const std::filesystem::path &configFolder);

    const std::filesystem::path &path() const { return m_path; }

    // What load() does with a broken file: Broken moves it aside (serve mode, the settings
    // dialog); Never leaves it where it is and only reports it (the command line, which must not
    // change IT's test files).
    enum class SetAside { Broken, Never };

    LoadedSettings load(SetAside setAside = SetAside::Broken) const;

    // Writes `layer` (a JSON object), creating the folder when needed. On failure says why
    // (NotAnObject, FolderNotCreated, NotEncodable or NotSaved, naming the file and the system's
    // reason); the old file is then unchanged.
    std::optional<SettingsFileProblem> save(const nlohmann::json &layer) const;

    // Reads the file, hands its layer to `change` and saves what that returns, holding a lock
    // (`settings.json.lock`, a QLockFile) from the read to the rename, so that two hosts changing
    // the file at once (two Thunderbird profiles of one person) each keep the other's change: a
    // plain load() and save() once lost most of them. A broken file is set aside first, as by
    // load(); a file that exists but cannot be read is not replaced (NotReplaced), since what it
    // holds would be lost. Fails with Busy when the lock stays taken for a few seconds.
    std::optional<SettingsFileProblem>
    update(const std::function<nlohmann::json(const nlohmann::json &current)> &change) const;

private:
    std::filesystem::path m_path;
};

// `problem` in English, for the log: what SettingsFileProblem::message holds. The settings dialog
// says the same in the reader's language (SettingsDialog::settingsFileText).
std::string settingsFileMessage(const SettingsFileProblem &problem);

// What saving says when the host knows no folder for the file (NoFolderKnown).
SettingsFileProblem settingsFolderUnknown();

// `problem` as a problem of the user layer (Kind::SettingsFile), as the host reports it with the
// policy's own problems.
PolicyProblem asPolicyProblem(SettingsFileProblem problem);

// `layer` with `domain` added to its trustedDomains (once; a trustedDomains that is not a list is
// replaced, as the policy ignored it anyway). What "Always trust this domain" saves.
nlohmann::json withTrustedDomain(nlohmann::json layer, const std::string &domain);

// What the settings dialog saves when the file changed while it was open: `edited` is the layer
// the dialog made from `base` (the file when it opened), `current` the file now. Each key the
// dialog changed (set, altered or removed) takes the dialog's value; every other key keeps
// `current`'s, so a domain trusted meanwhile by another window is not undone.
nlohmann::json withEditsOver(const nlohmann::json &base, const nlohmann::json &edited,
                             nlohmann::json current);

} // namespace sendguard
