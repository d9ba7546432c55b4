#pragma once

#include "../engine/draft.h"
#include "../engine/policy.h"
#include "../engine/result.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace sendguard {

inline constexpr int kProtocolVersion = 1;

struct ReviewRequest
{
    std::string id;
    Draft draft;
    nlohmann::json adminPolicy; // the `policy` member as sent; null when absent
};

struct SentNotice
{
    std::string id; // the review whose mail really left
};

struct PingRequest
{
    std::string id;
};

using Message = std::variant<ReviewRequest, SentNotice, PingRequest>;

// Parses one frame's payload. Fails with MalformedJson (not JSON, or not UTF-8) or InvalidRequest
// (unknown `type`, missing `id`, a field of the wrong type), naming the offending member.
// `idOut` receives the request id whenever one could be read, so an error reply can carry it.
Result<Message> parseMessage(std::string_view payload, std::string *idOut = nullptr);

// Reads a Draft from the `draft` member's JSON. Missing optional members take their defaults.
Result<Draft> draftFromJson(const nlohmann::json &json);

// Reads a policy layer. Unknown keys and wrong types are reported in `problems` and ignored;
// the rest still applies.
Policy policyFromJson(const nlohmann::json &json, std::vector<std::string> &problems);

} // namespace sendguard
