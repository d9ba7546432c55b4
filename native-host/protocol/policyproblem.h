#pragma once

#include "../engine/address.h"
#include "../engine/addresspattern.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sendguard {

// What went wrong with the user's settings file (native-host/settings/usersettings.h), on reading
// it or on saving it: a closed set, so that a dialog can say it in the reader's language, and the
// English sentence for the log.
struct SettingsFileProblem
{
    enum class Kind {
        Unreadable,       // `path` exists but cannot be read (`reason`); the defaults apply
        NotAFile,         // `path` is a FIFO or a device, never opened; the defaults apply
        Broken,           // `path` is broken (`fault`) and was left where it is
        SetAside,         // `path` was broken (`fault`); moved to `setAsideAs`, the defaults apply
        NotSetAside,      // `path` is broken (`fault`) and could not be moved; the defaults apply
        NoFolderKnown,    // saving: no folder for the file is known (no XDG_CONFIG_HOME, no HOME)
        NotAnObject,      // saving: the settings to save are not a JSON object
        FolderNotCreated, // saving: the folder `path` cannot be created
        NotEncodable,     // saving: the settings cannot be written as JSON
        NotSaved,         // saving: `path` cannot be written (`reason`); the old file is unchanged
        Busy,             // saving: another SendGuard holds `path`'s lock; try again
        NotReplaced,      // saving: `path` cannot be read or set aside, so it is left as it is
                          // lest what it holds be lost; `reason` and `fault` say what it is
    };
    // Why a file is broken (Broken, SetAside, NotSetAside).
    enum class Fault {
        None,
        TooLarge,    // larger than `limit` bytes
        TooDeep,     // nests more than `limit` levels deep
        NotJson,     // not JSON; `position` is the byte of the syntax error (1-based; 0: unknown)
        NotAnObject, // JSON, but not an object
    };

    Kind kind = Kind::Unreadable;
    Fault fault = Fault::None;
    std::string path;         // the file (FolderNotCreated: the folder), as the system names it
    std::string setAsideAs;   // SetAside: where the broken file is now
    std::string reason;       // Unreadable, NotSaved: the system's own words, as Qt reports them
    std::size_t limit = 0;    // TooLarge: bytes; TooDeep: levels
    std::size_t position = 0; // NotJson
    std::string message;      // the whole problem in English, for the log

    bool operator==(const SettingsFileProblem &) const = default;
};

// One problem found in a policy layer (or the user's settings file), with enough structure that
// a dialog can say it in the reader's language, and the English sentence for the log.
struct PolicyProblem
{
    enum class Layer {
        None,   // a layer read on its own (policyFromJson)
        Admin,  // "admin policy"
        User,   // "your settings"
        Merged, // "merged policy": found after both layers were validated (never expected)
    };

    // A closed set: the dialog has one sentence for each.
    enum class Kind {
        NotAnObject,       // `key` (empty: the whole layer) must be a JSON object
        UnknownKey,        // `text` is no key the policy knows (in `key`, when not top-level)
        NotStringList,     // `key` must be an array of strings; ignored
        LoneString,        // `key` is one string, used as a one-entry list
        EntryNotString,    // `key`[`index`] is not a string
        NotBoolean,        // `key` must be true or false
        NotOneOf,          // `key` must be one of `allowed`
        NotPositiveNumber, // `key` must be a whole number, 1 or more
        NotSeconds,        // `key` must be a whole number of seconds, 0 or more
        InvalidPattern,    // `key`[`index`] = `text` does not parse (`detail` says why)
        UnreadableAddress, // autoBcc[`index`] = `text` is not one address (`detail` says why;
                           // `addressError` or `domainError` in parts)
        NotOneAddress,     // autoBcc[`index`] = `text` names no or several addresses
        UnknownRule,       // `text` is no rule id
        NotLockable,       // locked[`index`] = `text` is no key that can be locked
        AdminOnly,         // the user set `key`, which only the admin may set
        LockedByAdmin,     // the user set `key`, which the admin locked
        SettingsFile,      // the user's settings file could not be used; `settingsFile` says how
    };

    Layer layer = Layer::None;
    Kind kind = Kind::NotAnObject;
    std::string key;                  // "trustedDomains", "rules.new-domain.severity", ...
    std::optional<std::size_t> index; // the entry's place in a list
    std::string text;                 // the offending text, at most 64 bytes
    std::string detail;               // why it does not parse (the engine's English)
    PatternFault patternFault = PatternFault::Empty; // InvalidPattern: why, for the dialog
    std::optional<AddressError> addressError;        // UnreadableAddress: the parser's reason
    std::optional<DomainError> domainError;          // UnreadableAddress: UTS #46's reason
    std::vector<std::string> allowed;                // NotOneOf: the values that are
    SettingsFileProblem settingsFile;                // SettingsFile: what went wrong
    std::string message;                             // the whole problem in English, for the log

    bool operator==(const PolicyProblem &) const = default;
};

using PolicyProblems = std::vector<PolicyProblem>;

// "admin policy", "your settings", "merged policy"; empty for Layer::None.
std::string layerName(PolicyProblem::Layer layer);

// `text` cut to 64 bytes without splitting a UTF-8 sequence (the offending text of a problem).
std::string clippedText(std::string_view text);

} // namespace sendguard
