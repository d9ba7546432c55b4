#pragma once

#include "policyproblem.h"

#include "../engine/draft.h"
#include "../engine/policy.h"
#include "../engine/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace sendguard {

inline constexpr int kProtocolVersion = 1;

// No request, policy or learn file needs more than a handful of levels; copying a parsed value
// recurses once per level, so 100,000 nested '[' in a policy would overflow the stack.
inline constexpr std::size_t kMaxJsonDepth = 64;

// Whether `text` nests arrays and objects more than `levels` deep, measured without parsing it
// (exact for valid JSON; for anything else the parser reports the syntax error).
bool jsonNestsDeeperThan(std::string_view text, std::size_t levels);

struct ReviewRequest
{
    std::string id;
    Draft draft;
    nlohmann::json adminPolicy; // the `policy` member as sent; null when absent
};

struct SentNotice
{
    std::string id;        // the review whose mail really left
    std::string messageId; // its Message-ID header when the extension knows it; may be empty
};

// The headers of one already-sent message, read from a Sent folder (never the body).
struct LearnedMessage
{
    std::string messageId;
    std::int64_t time = 0; // seconds since the epoch; 0 when the date was absent or unreadable
    std::string from;
    std::vector<std::string> to;
    std::vector<std::string> cc;
    std::vector<std::string> bcc;
};

// A batch of sent messages to learn; importing the same message twice changes nothing.
struct LearnRequest
{
    std::string id;
    std::vector<LearnedMessage> messages;
};

struct PingRequest
{
    std::string id;
};

// Shows the settings dialog; answered with settingsClosed when it closes.
struct OpenSettingsRequest
{
    std::string id;
    nlohmann::json adminPolicy; // the `policy` member as sent (managed storage); null when absent
};

using Message
    = std::variant<ReviewRequest, SentNotice, PingRequest, LearnRequest, OpenSettingsRequest>;

// Parses one frame's payload. Fails with MalformedJson (not JSON, or not UTF-8) or InvalidRequest
// (unknown `type`, missing `id`, a field of the wrong type), naming the offending member.
// `idOut` receives the request id whenever one could be read, so an error reply can carry it.
Result<Message> parseMessage(std::string_view payload, std::string *idOut = nullptr);

// Reads the `messages` array of a learn request (or a bare JSON array, as --learn FILE holds):
// each an object with messageId, date (ISO 8601 text or milliseconds since the epoch), from,
// to, cc, bcc. Fails with InvalidRequest naming the first member of the wrong type.
Result<std::vector<LearnedMessage>> learnedMessagesFromJson(const nlohmann::json &json);

// Reads a Draft from the `draft` member's JSON. Missing optional members take their defaults.
Result<Draft> draftFromJson(const nlohmann::json &json);

// Reads the value of a policy key that holds a list of strings (blockedDomains, locked, ...).
// Entries that are not strings are reported in `problems` and left out; a lone string is
// reported and read as a one-entry list. Anything else is reported and gives nullopt.
std::optional<std::vector<std::string>>
policyStringList(const nlohmann::json &value, const std::string &key, PolicyProblems &problems);

// Reads a policy layer. Unknown keys and wrong types are reported in `problems` and ignored;
// the rest still applies.
Policy policyFromJson(const nlohmann::json &json, PolicyProblems &problems);

} // namespace sendguard
