#include "message.h"

#include "frame.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>

namespace sendguard {

namespace {

using nlohmann::json;

// Ids travel back in every reply; a bound keeps an error reply small whatever the request held.
constexpr std::size_t kMaxIdBytes = 256;
// Names quoted back in messages (an unknown type or policy key) are cut to this length.
constexpr std::size_t kMaxQuotedBytes = 64;

// Every value parsed costs memory and time out of proportion to its bytes ("{}," is three bytes
// and a heap object): a frame of nothing but empty objects took gigabytes. The largest real
// request (5,000 recipients; a learn batch of 200 messages) holds some tens of thousands.
constexpr std::size_t kMaxJsonValues = 500000;

struct JsonShape
{
    std::size_t depth = 0;  // the deepest nesting of arrays and objects
    std::size_t values = 0; // at least the number of values (containers plus separators)
};

// Measures `text` without parsing it, stopping early once a limit is passed. Exact for valid
// JSON; for anything else the parser reports the syntax error.
JsonShape shapeOf(std::string_view text, std::size_t maxDepth = kMaxJsonDepth,
                  std::size_t maxValues = kMaxJsonValues)
{
    JsonShape shape;
    std::size_t depth = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : text) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{' || c == ',') {
            if (c != ',')
                shape.depth = std::max(shape.depth, ++depth);
            if (++shape.values > maxValues || shape.depth > maxDepth)
                return shape;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return shape;
}

// The top-level "id" of a request too big to parse, so its error reply can still name it: the
// parser keeps that one member and discards everything else as it goes. Empty when unreadable.
std::string idWithoutParsing(std::string_view payload)
{
    bool inId = false;
    const json kept = json::parse(
        payload,
        [&](int depth, json::parse_event_t event, json &parsed) {
            if (depth == 0)
                return true;
            if (depth == 1 && event == json::parse_event_t::key) {
                inId = parsed == "id";
                return inId;
            }
            return depth == 1 && inId;
        },
        false);
    const auto it = kept.is_object() ? kept.find("id") : kept.end();
    if (it == kept.end() || !it->is_string()
        || it->get_ref<const std::string &>().size() > kMaxIdBytes)
        return {};
    return it->get<std::string>();
}

} // namespace

bool jsonNestsDeeperThan(std::string_view text, std::size_t levels)
{
    return shapeOf(text, levels, std::numeric_limits<std::size_t>::max()).depth > levels;
}

namespace {

Error invalid(std::string message)
{
    return Error{ErrorCode::InvalidRequest, std::move(message)};
}

// `text` in double quotes, cut to kMaxQuotedBytes without splitting a UTF-8 sequence.
std::string quotedName(std::string_view text)
{
    if (text.size() <= kMaxQuotedBytes)
        return "\"" + std::string(text) + "\"";
    std::size_t end = kMaxQuotedBytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        --end;
    return "\"" + std::string(text.substr(0, end)) + "...\"";
}

// JSON null counts as absent for optional members: JavaScript callers often send it.
const json *member(const json &object, const char *name)
{
    const auto it = object.find(name);
    if (it == object.end() || it->is_null())
        return nullptr;
    return &*it;
}

std::optional<Error> readString(const json &object, const char *name, const std::string &path,
                                std::string &out)
{
    const json *value = member(object, name);
    if (!value)
        return std::nullopt;
    if (!value->is_string())
        return invalid(path + name + " must be a string");
    out = value->get<std::string>();
    return std::nullopt;
}

std::optional<Error> readStringList(const json &object, const char *name, const std::string &path,
                                    std::vector<std::string> &out)
{
    const json *value = member(object, name);
    if (!value)
        return std::nullopt;
    if (!value->is_array())
        return invalid(path + name + " must be an array of strings");
    out.clear();
    out.reserve(value->size());
    for (std::size_t i = 0; i < value->size(); ++i) {
        const json &entry = (*value)[i];
        if (!entry.is_string()) {
            return invalid(path + name + "[" + std::to_string(i) + "] must be a string");
        }
        out.push_back(entry.get<std::string>());
    }
    return std::nullopt;
}

std::optional<Error> readOriginal(const json &draft, std::optional<OriginalMessage> &out)
{
    const json *value = member(draft, "original");
    if (!value)
        return std::nullopt;
    if (!value->is_object())
        return invalid("draft.original must be an object");
    OriginalMessage original;
    const std::string path = "draft.original.";
    if (auto error = readString(*value, "from", path, original.from))
        return error;
    if (auto error = readStringList(*value, "to", path, original.to))
        return error;
    if (auto error = readStringList(*value, "cc", path, original.cc))
        return error;
    out = std::move(original);
    return std::nullopt;
}

std::optional<Error> readAttachment(const json &value, const std::string &path, Attachment &out)
{
    if (!value.is_object())
        return invalid(path + " must be an object");
    if (auto error = readString(value, "name", path + ".", out.name))
        return error;

    out.size = -1;
    const json *size = member(value, "size");
    if (!size)
        return std::nullopt;
    if (size->is_number_unsigned()) {
        const auto bytes = size->get<std::uint64_t>();
        if (bytes > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            return invalid(path + ".size is out of range");
        out.size = static_cast<std::int64_t>(bytes);
        return std::nullopt;
    }
    if (size->is_number_integer()) {
        out.size = std::max<std::int64_t>(size->get<std::int64_t>(), -1); // negative: unknown
        return std::nullopt;
    }
    if (size->is_number_float()) {
        // JavaScript has one number type; a size like 1e21 arrives in float form.
        const double bytes = size->get<double>();
        if (!(bytes >= 0 && bytes < 9.2e18))
            return invalid(path + ".size is out of range");
        out.size = static_cast<std::int64_t>(bytes);
        return std::nullopt;
    }
    return invalid(path + ".size must be a number");
}

std::optional<Error> readAttachments(const json &draft, std::vector<Attachment> &out)
{
    const json *value = member(draft, "attachments");
    if (!value)
        return std::nullopt;
    if (!value->is_array())
        return invalid("draft.attachments must be an array");
    out.clear();
    out.reserve(value->size());
    for (std::size_t i = 0; i < value->size(); ++i) {
        Attachment attachment;
        const std::string path = "draft.attachments[" + std::to_string(i) + "]";
        if (auto error = readAttachment((*value)[i], path, attachment))
            return error;
        out.push_back(std::move(attachment));
    }
    return std::nullopt;
}

// "2026-03-01T10:00:00.000Z" (JSON.stringify of a Date) or a number of milliseconds. Seconds
// since the epoch, or 0 when absent or unreadable: the mail is still learned, without a date.
std::int64_t readDate(const json &message)
{
    const json *value = member(message, "date");
    if (!value)
        return 0;
    if (value->is_number()) {
        // Converting a double outside int64's range is undefined: such a date is unreadable.
        const double seconds = value->get<double>() / 1000;
        return std::abs(seconds) < 9.2e18 ? static_cast<std::int64_t>(seconds) : 0;
    }
    if (!value->is_string())
        return 0;
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    const std::string text = value->get<std::string>();
    if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &year, &month, &day, &hour, &minute,
                    &second)
        < 3)
        return 0;
    // Days from civil (H. Hinnant's algorithm): portable where timegm is not.
    const int y = year - (month <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yearOfEra = y - era * 400;
    const int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    const std::int64_t days = std::int64_t{era} * 146097 + dayOfEra - 719468;
    return days * 86400 + hour * 3600 + minute * 60 + second;
}

Result<std::string> readId(const json &request)
{
    const auto it = request.find("id");
    if (it == request.end())
        return invalid("id is missing");
    if (!it->is_string())
        return invalid("id must be a string");
    std::string id = it->get<std::string>();
    if (id.size() > kMaxIdBytes)
        return invalid("id must be at most " + std::to_string(kMaxIdBytes) + " bytes");
    return id;
}

std::optional<Error> checkProtocol(const json &request)
{
    const json *value = member(request, "protocol");
    if (!value)
        return std::nullopt;
    if (!value->is_number_integer())
        return invalid("protocol must be an integer");
    if (value->get<std::int64_t>() != kProtocolVersion) {
        return invalid("protocol " + value->dump() + " is not supported (this host speaks "
                       + std::to_string(kProtocolVersion) + ")");
    }
    return std::nullopt;
}

// The admin layer a request carries; an absent or null `policy` leaves `out` null.
std::optional<Error> readAdminPolicy(const json &request, json &out)
{
    const json *policy = member(request, "policy");
    if (!policy)
        return std::nullopt;
    if (!policy->is_object())
        return invalid("policy must be an object");
    out = *policy;
    return std::nullopt;
}

// A draft to review must say whom it goes to. Elsewhere null counts as absent; here a null
// recipient field, or a draft naming nobody (misspelt "To", or no fields at all), would be
// reviewed as a mail to no one and answered "send" with no dialog: an error instead.
std::optional<Error> checkRecipientsPresent(const json &draftJson, const Draft &draft)
{
    for (const char *name : {"to", "cc", "bcc"}) {
        const auto it = draftJson.find(name);
        if (it != draftJson.end() && it->is_null())
            return invalid(std::string("draft.") + name + " must be an array of strings, not null");
    }
    if (draft.to.empty() && draft.cc.empty() && draft.bcc.empty() && draft.unexpandedLists.empty())
        return invalid("draft has no recipients: draft.to, draft.cc and draft.bcc are missing or "
                       "empty, so there is nothing to review");
    return std::nullopt;
}

Result<Message> reviewFromJson(const json &request, std::string id)
{
    if (auto error = checkProtocol(request))
        return *error;

    const auto draftIt = request.find("draft");
    if (draftIt == request.end())
        return invalid("draft is missing");
    Result<Draft> draft = draftFromJson(*draftIt);
    if (!draft)
        return draft.error();

    ReviewRequest review{std::move(id), std::move(draft).value(), json()};
    if (auto error = readAdminPolicy(request, review.adminPolicy))
        return *error;
    if (auto error = checkRecipientsPresent(*draftIt, review.draft))
        return *error;
    return Message{std::move(review)};
}

} // namespace

Result<std::vector<LearnedMessage>> learnedMessagesFromJson(const json &value)
{
    if (!value.is_array())
        return invalid("messages must be an array");
    std::vector<LearnedMessage> messages;
    messages.reserve(value.size());
    for (std::size_t i = 0; i < value.size(); ++i) {
        const std::string path = "messages[" + std::to_string(i) + "]";
        if (!value[i].is_object())
            return invalid(path + " must be an object");
        LearnedMessage message;
        if (auto error = readString(value[i], "messageId", path + ".", message.messageId))
            return *error;
        if (auto error = readString(value[i], "from", path + ".", message.from))
            return *error;
        for (const auto &[name, list] :
             {std::pair{"to", &message.to}, {"cc", &message.cc}, {"bcc", &message.bcc}}) {
            if (auto error = readStringList(value[i], name, path + ".", *list))
                return *error;
        }
        message.time = readDate(value[i]);
        messages.push_back(std::move(message));
    }
    return messages;
}

Result<Draft> draftFromJson(const json &value)
{
    if (!value.is_object())
        return invalid("draft must be an object");

    Draft draft;
    const std::string path = "draft.";
    if (auto error = readString(value, "from", path, draft.from))
        return *error;
    for (const auto &[name, list] : {std::pair{"to", &draft.to},
                                     {"cc", &draft.cc},
                                     {"bcc", &draft.bcc},
                                     {"replyTo", &draft.replyTo},
                                     {"unexpandedLists", &draft.unexpandedLists}}) {
        if (auto error = readStringList(value, name, path, *list))
            return *error;
    }
    for (const auto &[name, text] :
         {std::pair{"subject", &draft.subject}, {"body", &draft.body}, {"type", &draft.type}}) {
        if (auto error = readString(value, name, path, *text))
            return *error;
    }
    if (auto error = readOriginal(value, draft.original))
        return *error;
    if (auto error = readAttachments(value, draft.attachments))
        return *error;
    return draft;
}

Result<Message> parseMessage(std::string_view payload, std::string *idOut)
{
    if (!isValidUtf8(payload))
        return Error{ErrorCode::MalformedJson, "request is not valid UTF-8"};
    const JsonShape shape = shapeOf(payload);
    if (idOut && (shape.depth > kMaxJsonDepth || shape.values > kMaxJsonValues))
        *idOut = idWithoutParsing(payload);
    if (shape.depth > kMaxJsonDepth)
        return invalid("request nests arrays and objects more than " + std::to_string(kMaxJsonDepth)
                       + " levels deep");
    if (shape.values > kMaxJsonValues)
        return invalid("request holds more than " + std::to_string(kMaxJsonValues)
                       + " JSON values; no real draft or learn batch has that many");

    // nlohmann/json takes a NUL byte for the end of the text and would ignore all after it; a
    // raw NUL is never valid JSON (strings escape it as \u0000), so it is a syntax error here.
    if (const auto nul = payload.find('\0'); nul != std::string_view::npos)
        return Error{ErrorCode::MalformedJson,
                     "request is not JSON (syntax error at byte " + std::to_string(nul + 1) + ")"};
    json request;
    try {
        request = json::parse(payload);
    } catch (const json::parse_error &error) {
        // The library's text quotes the input; name only the position so nothing leaks back.
        return Error{ErrorCode::MalformedJson, "request is not JSON (syntax error at byte "
                                                   + std::to_string(error.byte) + ")"};
    } catch (const json::exception &) {
        return Error{ErrorCode::MalformedJson, "request is not JSON"};
    }

    if (!request.is_object())
        return invalid("request must be a JSON object");

    Result<std::string> id = readId(request);
    if (!id)
        return id.error();
    if (idOut)
        *idOut = id.value();

    const auto typeIt = request.find("type");
    if (typeIt == request.end())
        return invalid("type is missing");
    if (!typeIt->is_string())
        return invalid("type must be a string");
    const std::string &type = typeIt->get_ref<const std::string &>();

    if (type == "review")
        return reviewFromJson(request, std::move(id).value());
    if (type == "sent") {
        SentNotice notice{std::move(id).value(), {}};
        if (auto error = readString(request, "messageId", "", notice.messageId))
            return *error;
        return Message{std::move(notice)};
    }
    if (type == "learn") {
        const auto messages = request.find("messages");
        if (messages == request.end())
            return invalid("messages is missing");
        Result<std::vector<LearnedMessage>> learned = learnedMessagesFromJson(*messages);
        if (!learned)
            return learned.error();
        return Message{LearnRequest{std::move(id).value(), std::move(learned).value()}};
    }
    if (type == "ping")
        return Message{PingRequest{std::move(id).value()}};
    if (type == "openSettings") {
        OpenSettingsRequest open{std::move(id).value(), json()};
        if (auto error = readAdminPolicy(request, open.adminPolicy))
            return *error;
        return Message{std::move(open)};
    }
    return invalid("unknown type " + quotedName(type));
}

namespace {

using Problems = PolicyProblems;
using Kind = PolicyProblem::Kind;

PolicyProblem problem(Kind kind, std::string key, std::string message)
{
    PolicyProblem found;
    found.kind = kind;
    found.key = std::move(key);
    found.message = std::move(message);
    return found;
}

PolicyProblem notOneOf(std::string key, std::vector<std::string> allowed, std::string message)
{
    PolicyProblem found = problem(Kind::NotOneOf, std::move(key), std::move(message));
    found.allowed = std::move(allowed);
    return found;
}

bool readPolicyStrings(const json &value, const std::string &key, std::vector<std::string> &out,
                       Problems &problems)
{
    auto entries = policyStringList(value, key, problems);
    if (!entries)
        return false;
    out = std::move(*entries);
    return true;
}

void readRuleSetting(const std::string &ruleId, const json &value, Policy &policy,
                     Problems &problems)
{
    const std::string path = "rules." + ruleId;
    if (!value.is_object()) {
        problems.push_back(problem(Kind::NotAnObject, path, path + " must be an object; ignored"));
        return;
    }
    RuleSetting setting;
    for (const auto &[key, field] : value.items()) {
        if (key == "enabled") {
            if (!field.is_boolean()) {
                problems.push_back(problem(Kind::NotBoolean, path + ".enabled",
                                           path
                                               + ".enabled must be true or false; rule setting "
                                                 "ignored"));
                return;
            }
            setting.enabled = field.get<bool>();
        } else if (key == "severity") {
            const auto severity = field.is_string()
                                      ? severityFromName(field.get_ref<const std::string &>())
                                      : std::nullopt;
            if (!severity) {
                problems.push_back(notOneOf(path + ".severity",
                                            {"info", "confirm", "warn", "block"},
                                            path
                                                + ".severity must be one of info, confirm, warn, "
                                                  "block; rule setting ignored"));
                return;
            }
            setting.severity = severity;
        } else {
            PolicyProblem unknown
                = problem(Kind::UnknownKey, path,
                          "unknown key " + quotedName(key) + " in " + path + "; ignored");
            unknown.text = clippedText(key);
            problems.push_back(std::move(unknown));
        }
    }
    policy.rules[ruleId] = setting;
}

void readRules(const json &value, Policy &policy, Problems &problems)
{
    if (!value.is_object()) {
        problems.push_back(problem(Kind::NotAnObject, "rules", "rules must be an object; ignored"));
        return;
    }
    for (const auto &[ruleId, setting] : value.items())
        readRuleSetting(ruleId, setting, policy, problems);
}

void readCountdown(const json &value, Policy &policy, Problems &problems)
{
    const bool fits = value.is_number_integer() && value.get<std::int64_t>() >= 0
                      && value.get<std::int64_t>() <= INT_MAX;
    if (!fits) {
        problems.push_back(
            problem(Kind::NotSeconds, "countdownSeconds",
                    "countdownSeconds must be a whole number of seconds, 0 or more; ignored"));
        return;
    }
    policy.countdownSeconds = static_cast<int>(value.get<std::int64_t>());
}

void readOnHostFailure(const json &value, Policy &policy, Problems &problems)
{
    if (value.is_string() && (value == "ask" || value == "block")) {
        policy.onHostFailure = value.get<std::string>();
        return;
    }
    problems.push_back(notOneOf("onHostFailure", {"ask", "block"},
                                "onHostFailure must be \"ask\" or \"block\"; ignored"));
}

void readLanguage(const json &value, Policy &policy, Problems &problems)
{
    if (value.is_string() && (value == "auto" || value == "en" || value == "ja")) {
        policy.language = value.get<std::string>();
        return;
    }
    problems.push_back(notOneOf("language", {"auto", "en", "ja"},
                                "language must be \"auto\", \"en\" or \"ja\"; ignored"));
}

// A count such as ccExposureDomains: a whole number, 1 or more.
void readThreshold(const json &value, const std::string &key, int &out, Problems &problems)
{
    const bool fits = value.is_number_integer() && value.get<std::int64_t>() >= 1
                      && value.get<std::int64_t>() <= INT_MAX;
    if (!fits) {
        problems.push_back(problem(Kind::NotPositiveNumber, key,
                                   key + " must be a whole number, 1 or more; ignored"));
        return;
    }
    out = static_cast<int>(value.get<std::int64_t>());
}

// The policy keys that hold lists of strings, and where each goes.
std::vector<std::string> *stringListFor(const std::string &key, Policy &policy)
{
    if (key == "internalDomains")
        return &policy.internalDomains;
    if (key == "trustedDomains")
        return &policy.trustedDomains;
    if (key == "blockedDomains")
        return &policy.blockedDomains;
    if (key == "attentionDomains")
        return &policy.attentionDomains;
    if (key == "attentionTerms")
        return &policy.attentionTerms;
    if (key == "attentionAttachmentSuffixes")
        return &policy.attentionAttachmentSuffixes;
    if (key == "autoBcc")
        return &policy.autoBcc;
    if (key == "locked")
        return &policy.locked;
    return nullptr;
}

} // namespace

std::optional<std::vector<std::string>> policyStringList(const json &value, const std::string &key,
                                                         PolicyProblems &problems)
{
    if (value.is_string()) {
        // A lone string is what someone who meant a one-entry list writes: use it as one.
        PolicyProblem lone = problem(Kind::LoneString, key,
                                     key + " must be an array of strings; its single string is "
                                         + "used as a one-entry list");
        lone.text = clippedText(value.get_ref<const std::string &>());
        problems.push_back(std::move(lone));
        return std::vector<std::string>{value.get<std::string>()};
    }
    if (!value.is_array()) {
        problems.push_back(
            problem(Kind::NotStringList, key, key + " must be an array of strings; ignored"));
        return std::nullopt;
    }
    // One bad entry loses only itself: dropping the whole list would drop every block in it.
    std::vector<std::string> entries;
    entries.reserve(value.size());
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i].is_string())
            entries.push_back(value[i].get<std::string>());
        else {
            PolicyProblem entry = problem(Kind::EntryNotString, key,
                                          key + "[" + std::to_string(i)
                                              + "] must be a string; that entry is ignored");
            entry.index = i;
            problems.push_back(std::move(entry));
        }
    }
    return entries;
}

Policy policyFromJson(const json &value, PolicyProblems &problems)
{
    Policy policy;
    if (!value.is_object()) {
        problems.push_back(problem(Kind::NotAnObject, "", "policy must be an object; ignored"));
        return policy;
    }

    for (const auto &[key, field] : value.items()) {
        if (auto *list = stringListFor(key, policy))
            readPolicyStrings(field, key, *list, problems);
        else if (key == "attachmentReminderTerms") {
            std::vector<std::string> terms;
            if (readPolicyStrings(field, key, terms, problems))
                policy.attachmentReminderTerms = std::move(terms);
        } else if (key == "ccExposureDomains")
            readThreshold(field, key, policy.ccExposureDomains, problems);
        else if (key == "largeAudience")
            readThreshold(field, key, policy.largeAudience, problems);
        else if (key == "auditRetentionDays")
            readThreshold(field, key, policy.auditRetentionDays, problems);
        else if (key == "skipWhenInternalOnly" && field.is_boolean())
            policy.skipWhenInternalOnly = field.get<bool>();
        else if (key == "skipWhenInternalOnly")
            problems.push_back(problem(Kind::NotBoolean, key,
                                       "skipWhenInternalOnly must be true or false; ignored"));
        else if (key == "countdownSeconds")
            readCountdown(field, policy, problems);
        else if (key == "onHostFailure")
            readOnHostFailure(field, policy, problems);
        else if (key == "language")
            readLanguage(field, policy, problems);
        else if (key == "rules")
            readRules(field, policy, problems);
        else {
            PolicyProblem unknown = problem(Kind::UnknownKey, "",
                                            "unknown policy key " + quotedName(key) + "; ignored");
            unknown.text = clippedText(key);
            problems.push_back(std::move(unknown));
        }
    }
    return policy;
}

} // namespace sendguard
