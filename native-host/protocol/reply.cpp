#include "reply.h"

#include "frame.h"
#include "message.h"

#include <algorithm>
#include <numeric>

#ifndef SENDGUARD_VERSION
#error "SENDGUARD_VERSION must be defined by the build (cmake/SendGuardNames.cmake)"
#endif

namespace sendguard {

namespace {

using nlohmann::json;

// Texts a finding carries come from the draft (a raw recipient entry, say) and may be long. A
// finding shown to a person never needs more than this; the bound also keeps verdicts small.
constexpr std::size_t kMaxTextBytes = 1024;

std::string clipped(const std::string &text)
{
    if (text.size() <= kMaxTextBytes)
        return text;
    std::size_t end = kMaxTextBytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        --end;
    return text.substr(0, end) + "\u2026";
}

const char *targetKindName(Target::Kind kind)
{
    switch (kind) {
    case Target::Kind::Draft:
        return "draft";
    case Target::Kind::Recipient:
        return "recipient";
    case Target::Kind::Attachment:
        return "attachment";
    case Target::Kind::Entry:
        return "entry";
    }
    return "draft";
}

json targetJson(const Target &target, const Review &review)
{
    json result = {{"kind", targetKindName(target.kind)}};
    switch (target.kind) {
    case Target::Kind::Draft:
        break;
    case Target::Kind::Recipient:
        result["index"] = target.index;
        if (target.index < review.recipients.size())
            result["text"] = clipped(review.recipients[target.index].normalisedAddress());
        break;
    case Target::Kind::Attachment:
        result["index"] = target.index;
        if (target.index < review.attachments.size())
            result["text"] = clipped(review.attachments[target.index].name);
        break;
    case Target::Kind::Entry:
        result["text"] = clipped(target.text);
        break;
    }
    return result;
}

// {"domain": "partnerr.example", "timesWritten": 40, "domains": ["a.example", ...]}: texts as
// strings, counts as numbers, lists as arrays of strings.
json argsJson(const MessageArgs &args)
{
    json result = json::object();
    for (const auto &[name, text] : args.text)
        result[name] = clipped(text);
    for (const auto &[name, count] : args.counts)
        result[name] = count;
    for (const auto &[name, items] : args.lists) {
        json list = json::array();
        for (const std::string &item : items)
            list.push_back(clipped(item));
        result[name] = std::move(list);
    }
    return result;
}

json findingJson(const Finding &finding, const Review &review)
{
    json result = {{"rule", finding.rule},
                   {"severity", severityName(finding.severity)},
                   {"target", targetJson(finding.target, review)},
                   {"message", clipped(finding.message)}};
    if (!finding.kind.empty()) {
        result["kind"] = finding.kind;
        result["args"] = argsJson(finding.args);
    }
    return result;
}

json findingsJson(const Review &review)
{
    json findings = json::array();
    for (const Finding &finding : review.findings)
        findings.push_back(findingJson(finding, review));
    return findings;
}

json recipientJson(const ReviewedRecipient &recipient)
{
    return {{"field", fieldName(recipient.field)},
            {"displayName", clipped(recipient.displayName)},
            {"address", clipped(recipient.normalisedAddress())},
            {"domain", clipped(recipient.domain.ascii)},
            {"domainUnicode", clipped(recipient.domain.unicode)},
            {"internal", recipient.internal},
            {"trusted", recipient.trusted}};
}

// Keeps as many findings as fit in `budget` bytes, the most severe first, in their original
// order. Returns the kept findings.
json fittingFindings(const json &findings, std::size_t budget)
{
    std::vector<std::size_t> order(findings.size());
    std::iota(order.begin(), order.end(), 0);
    const auto severityRank = [&](std::size_t i) {
        const auto severity = severityFromName(findings[i]["severity"].get<std::string>());
        return severity ? static_cast<int>(*severity) : 0;
    };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return severityRank(a) > severityRank(b);
    });

    std::vector<bool> keep(findings.size(), false);
    std::size_t used = 0;
    for (std::size_t i : order) {
        const std::size_t size = dumpJson(findings[i]).size() + 1; // and a comma
        if (used + size > budget)
            continue;
        used += size;
        keep[i] = true;
    }

    json kept = json::array();
    for (std::size_t i = 0; i < findings.size(); ++i) {
        if (keep[i])
            kept.push_back(findings[i]);
    }
    return kept;
}

} // namespace

json reviewToJson(const Review &review)
{
    json recipients = json::array();
    for (const ReviewedRecipient &recipient : review.recipients)
        recipients.push_back(recipientJson(recipient));
    json attachments = json::array();
    for (const Attachment &attachment : review.attachments)
        attachments.push_back({{"name", clipped(attachment.name)}, {"size", attachment.size}});

    json result = {{"findings", findingsJson(review)},
                   {"blocked", review.blocked()},
                   {"needsConfirmation", review.needsConfirmation()},
                   {"recipients", std::move(recipients)},
                   {"attachments", std::move(attachments)}};
    if (review.historyUnavailable)
        result["historyUnavailable"] = true;
    return result;
}

json editsJson(const RecipientEdits &edits)
{
    return {{"to", edits.to}, {"cc", edits.cc}, {"bcc", edits.bcc}};
}

json verdictJson(const std::string &id, Decision decision, const Review &review,
                 const std::optional<RecipientEdits> &edits)
{
    json verdict = {{"type", "verdict"},
                    {"id", id},
                    {"decision", decision == Decision::Send ? "send" : "cancel"},
                    {"findings", findingsJson(review)},
                    {"blocked", review.blocked()},
                    {"needsConfirmation", review.needsConfirmation()}};
    if (edits)
        verdict["edits"] = editsJson(*edits);
    if (review.historyUnavailable)
        verdict["historyUnavailable"] = true;
    if (dumpJson(verdict).size() <= kMaxReplyBytes)
        return verdict;

    // Thunderbird drops the connection on a message over 1 MiB: a shorter list of findings,
    // marked as such, is better than no verdict.
    json findings = std::move(verdict["findings"]);
    verdict["findings"] = json::array();
    verdict["truncated"] = true;
    const std::size_t base = dumpJson(verdict).size();
    const std::size_t budget = kMaxReplyBytes > base ? kMaxReplyBytes - base : 0;
    verdict["findings"] = fittingFindings(findings, budget);
    return verdict;
}

json errorJson(const std::string &id, const Error &error)
{
    return {{"type", "error"},
            {"id", id},
            {"code", errorCodeName(error.code)},
            {"message", clipped(error.message)}};
}

json pongJson(const std::string &id)
{
    return {{"type", "pong"},
            {"id", id},
            {"protocol", kProtocolVersion},
            {"version", SENDGUARD_VERSION}};
}

json learnedJson(const std::string &id, std::int64_t learned, std::int64_t skipped)
{
    return {{"type", "learned"}, {"id", id}, {"learned", learned}, {"skipped", skipped}};
}

json settingsClosedJson(const std::string &id, bool saved)
{
    return {{"type", "settingsClosed"}, {"id", id}, {"saved", saved}};
}

std::string dumpJson(const json &value)
{
    try {
        return value.dump(-1, ' ', false, json::error_handler_t::replace);
    } catch (const json::exception &) {
        // Not expected with the replace handler; an empty object is still a well-formed reply.
        return "{}";
    }
}

} // namespace sendguard
