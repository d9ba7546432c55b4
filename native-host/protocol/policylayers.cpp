#include "policylayers.h"

#include "message.h"

#include "../engine/address.h"
#include "../engine/addresspattern.h"
#include "../engine/domain.h"
#include "../engine/engine.h"

#include <algorithm>
#include <unordered_set>

namespace sendguard {

namespace {

using nlohmann::json;
using Problems = PolicyProblems;
using Kind = PolicyProblem::Kind;
using Layer = PolicyProblem::Layer;

// A problem in `layer`: its English message says which layer first.
PolicyProblem problemIn(Layer layer, Kind kind, std::string key, const std::string &message)
{
    PolicyProblem found;
    found.layer = layer;
    found.kind = kind;
    found.key = std::move(key);
    found.message = layerName(layer) + ": " + message;
    return found;
}

bool contains(const std::vector<std::string> &list, const std::string &item)
{
    return std::find(list.begin(), list.end(), item) != list.end();
}

bool isPatternKey(const std::string &key)
{
    return key == "internalDomains" || key == "trustedDomains" || key == "blockedDomains"
           || key == "attentionDomains";
}

bool isKnownRule(const std::string &ruleId)
{
    const auto &rules = allRules();
    return std::any_of(rules.begin(), rules.end(),
                       [&](const RuleDefinition &rule) { return rule.id == ruleId; });
}

// The problems policyFromJson finds in `{key: value}` alone.
Problems problemsOf(const std::string &key, const json &value)
{
    Problems problems;
    policyFromJson(json{{key, value}}, problems);
    return problems;
}

void report(Problems &problems, Layer layer, const Problems &found)
{
    for (PolicyProblem problem : found) {
        problem.layer = layer;
        problem.message = layerName(layer) + ": " + problem.message;
        problems.push_back(std::move(problem));
    }
}

// A pattern list without its entries that do not parse; blank entries and comments stay, as the
// engine ignores them anyway.
json validPatterns(const std::string &key, const json &entries, Layer layer, Problems &problems)
{
    json kept = json::array();
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const std::string &entry = entries[i].get_ref<const std::string &>();
        const PatternList parsed({entry});
        if (parsed.errors().empty()) {
            kept.push_back(entry);
            continue;
        }
        const PatternError &error = parsed.errors().front();
        const std::string &why = error.message;
        PolicyProblem bad = problemIn(layer, Kind::InvalidPattern, key,
                                      key + "[" + std::to_string(i) + "] is not a valid pattern ("
                                          + why + "); that entry is ignored");
        bad.index = i;
        bad.text = clippedText(entry);
        bad.detail = why;
        bad.patternFault = error.fault;
        problems.push_back(std::move(bad));
    }
    return kept;
}

json validRules(const json &rules, Layer layer, Problems &problems)
{
    json kept = json::object();
    if (!rules.is_object()) {
        problems.push_back(
            problemIn(layer, Kind::NotAnObject, "rules", "rules must be an object; ignored"));
        return kept;
    }
    for (const auto &[ruleId, setting] : rules.items()) {
        if (!isKnownRule(ruleId)) {
            PolicyProblem unknown
                = problemIn(layer, Kind::UnknownRule, "rules",
                            "rules names no rule called \"" + clippedText(ruleId) + "\"; ignored");
            unknown.text = clippedText(ruleId);
            problems.push_back(std::move(unknown));
            continue;
        }
        // A setting with an unknown member still applies its known ones; one of the wrong
        // shape or with a bad value is left out whole, as policyFromJson does.
        Problems found;
        const Policy parsed = policyFromJson(json{{"rules", json{{ruleId, setting}}}}, found);
        report(problems, layer, found);
        if (parsed.rules.count(ruleId))
            kept[ruleId] = setting;
    }
    return kept;
}

json validLocked(const json &locked, Layer layer, Problems &problems)
{
    json kept = json::array();
    for (std::size_t i = 0; i < locked.size(); ++i) {
        const std::string &name = locked[i].get_ref<const std::string &>();
        if (contains(policyKeys(), name) && name != "locked") {
            kept.push_back(name);
            continue;
        }
        PolicyProblem bad = problemIn(layer, Kind::NotLockable, "locked",
                                      "locked[" + std::to_string(i) + "] \"" + clippedText(name)
                                          + "\" is not a policy key that can be locked; ignored");
        bad.index = i;
        bad.text = clippedText(name);
        problems.push_back(std::move(bad));
    }
    return kept;
}

// autoBcc without the entries that are not one readable address: they would be dropped at
// send time without a word. Blank entries and comments stay, as for the pattern lists.
json validAutoBcc(const json &entries, Layer layer, Problems &problems)
{
    json kept = json::array();
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const std::string &entry = entries[i].get_ref<const std::string &>();
        const auto first = entry.find_first_not_of(" \t\r\n");
        if (first == std::string::npos || entry[first] == '#') {
            kept.push_back(entry);
            continue;
        }
        AddressError addressError;
        DomainError domainError;
        const auto mailboxes = parseAddressList(entry, addressError);
        std::string why;
        Kind kind = Kind::UnreadableAddress;
        bool badDomain = false;
        if (!mailboxes) {
            why = mailboxes.error().message;
        } else if (mailboxes.value().size() != 1) {
            why = "it must name exactly one address";
            kind = Kind::NotOneAddress;
        } else if (const auto domain
                   = normaliseDomain(mailboxes.value().front().domain, domainError);
                   !domain) {
            why = domain.error().message;
            badDomain = true;
        }
        if (why.empty()) {
            kept.push_back(entry);
            continue;
        }
        PolicyProblem bad
            = problemIn(layer, kind, "autoBcc",
                        "autoBcc[" + std::to_string(i) + "] is not a readable address (" + why
                            + "); that entry is ignored");
        bad.index = i;
        bad.text = clippedText(entry);
        if (kind == Kind::UnreadableAddress) {
            bad.detail = why;
            if (badDomain)
                bad.domainError = std::move(domainError);
            else
                bad.addressError = std::move(addressError);
        }
        problems.push_back(std::move(bad));
    }
    return kept;
}

// `first`, then each entry of `second` that is not in it yet. Both hold strings (validLayer made
// sure). With a set, not a search of the list per entry: a settings file of 50,000 entries over
// an admin list of 100,000 once took half a minute of every review.
json unionOf(const json &first, const json &second)
{
    json joined = first;
    std::unordered_set<std::string> seen;
    for (const json &entry : first) {
        if (entry.is_string())
            seen.insert(entry.get<std::string>());
    }
    for (const json &entry : second) {
        if (entry.is_string() ? seen.insert(entry.get<std::string>()).second
                              : std::find(joined.begin(), joined.end(), entry) == joined.end())
            joined.push_back(entry);
    }
    return joined;
}

// The sender identity's domain in A-label form; empty when the sender cannot be read.
std::string senderDomain(const Draft &draft)
{
    const auto sender = parseAddressList(draft.from);
    if (!sender || sender.value().size() != 1)
        return {};
    const auto domain = normaliseDomain(sender.value().front().domain);
    return domain ? domain.value().ascii : std::string();
}

} // namespace

const std::vector<std::string> &policyKeys()
{
    static const std::vector<std::string> keys{
        "internalDomains",
        "trustedDomains",
        "blockedDomains",
        "attentionDomains",
        "attentionTerms",
        "attachmentReminderTerms",
        "auditRetentionDays",
        "attentionAttachmentSuffixes",
        "ccExposureDomains",
        "largeAudience",
        "autoBcc",
        "countdownSeconds",
        "skipWhenInternalOnly",
        "onHostFailure",
        "language",
        "rules",
        "locked",
    };
    return keys;
}

bool isAddingListKey(const std::string &key)
{
    return isPatternKey(key) || key == "attentionTerms" || key == "attentionAttachmentSuffixes"
           || key == "autoBcc";
}

bool isAdminOnlyKey(const std::string &key)
{
    return key == "locked" || key == "onHostFailure" || key == "auditRetentionDays";
}

bool isAdminOnlyRule(const std::string &ruleId)
{
    return ruleId == "blocked-domain" || ruleId == "invalid-address";
}

namespace {

bool isStringListKey(const std::string &key)
{
    return isAddingListKey(key) || key == "locked" || key == "attachmentReminderTerms";
}

// validPolicyLayer; `blockedLost` is set when any of the layer's blockedDomains could not be read.
json validLayer(const json &value, Layer layer, Problems &problems, bool &blockedLost)
{
    json valid = json::object();
    if (value.is_null())
        return valid;
    if (!value.is_object()) {
        problems.push_back(problemIn(layer, Kind::NotAnObject, "", "must be an object; ignored"));
        return valid;
    }
    for (const auto &[key, field] : value.items()) {
        if (key == "rules") {
            valid[key] = validRules(field, layer, problems);
            continue;
        }
        const std::size_t problemsBefore = problems.size();
        if (isStringListKey(key)) {
            // Read here, entry by entry, so that a bad entry costs only itself.
            Problems found;
            const auto entries = policyStringList(field, key, found);
            report(problems, layer, found);
            if (entries) {
                const json list = *entries;
                if (isPatternKey(key))
                    valid[key] = validPatterns(key, list, layer, problems);
                else if (key == "locked")
                    valid[key] = validLocked(list, layer, problems);
                else if (key == "autoBcc")
                    valid[key] = validAutoBcc(list, layer, problems);
                else
                    valid[key] = list;
            }
            // Every problem but the note on a lone string read as a list lost an entry.
            const std::size_t notes = field.is_string() ? 1 : 0;
            if (key == "blockedDomains" && problems.size() - problemsBefore > notes)
                blockedLost = true;
            continue;
        }
        const Problems found = problemsOf(key, field);
        if (!found.empty()) {
            report(problems, layer, found);
            continue;
        }
        valid[key] = field;
    }
    return valid;
}

} // namespace

json validPolicyLayer(const json &layer, Layer which, Problems &problems)
{
    bool blockedLost = false;
    return validLayer(layer, which, problems, blockedLost);
}

std::vector<std::string> lockedKeys(const json &validAdminLayer)
{
    const auto it = validAdminLayer.find("locked");
    if (it == validAdminLayer.end())
        return {};
    return it->get<std::vector<std::string>>();
}

bool userMayChange(const json &admin, const std::string &key)
{
    if (isAdminOnlyKey(key))
        return false;
    Problems ignored; // reported where the layers are merged
    return !contains(lockedKeys(validPolicyLayer(admin, Layer::Admin, ignored)), key);
}

LayeredPolicy mergePolicyLayers(const json &admin, const json &user)
{
    LayeredPolicy layered;
    bool blockedLost = false;
    const json adminLayer = validLayer(admin, Layer::Admin, layered.problems, blockedLost);
    const json userLayer = validLayer(user, Layer::User, layered.problems, blockedLost);
    const std::vector<std::string> locked = lockedKeys(adminLayer);

    json merged = adminLayer;
    for (const auto &[key, value] : userLayer.items()) {
        if (isAdminOnlyKey(key)) {
            layered.problems.push_back(
                problemIn(Layer::User, Kind::AdminOnly, key,
                          key + " can be set only by your administrator; ignored"));
        } else if (contains(locked, key)) {
            layered.problems.push_back(
                problemIn(Layer::User, Kind::LockedByAdmin, key,
                          key + " is set by your administrator; your value is ignored"));
        } else if (isAddingListKey(key)) {
            merged[key] = unionOf(merged.value(key, json::array()), value);
        } else if (key == "rules") {
            // Member by member: a user who turns a rule on keeps the admin's severity for it.
            for (const auto &[ruleId, setting] : value.items()) {
                // The settings dialog does not offer these; a hand-edited file must not either,
                // or a person could switch off the block IT put on a domain.
                if (isAdminOnlyRule(ruleId)) {
                    layered.problems.push_back(problemIn(
                        Layer::User, Kind::AdminOnly, "rules." + ruleId,
                        "rules." + ruleId + " can be set only by your administrator; ignored"));
                    continue;
                }
                merged[key][ruleId].update(setting);
            }
        } else {
            merged[key] = value;
        }
    }

    const bool adminNamesInternal = !adminLayer.value("internalDomains", json::array()).empty();
    layered.senderDomainInternal
        = !adminNamesInternal && !merged.value("internalDomains", json::array()).empty();

    Problems unexpected; // none: both layers were validated
    layered.policy = policyFromJson(merged, unexpected);
    report(layered.problems, Layer::Merged, unexpected);
    layered.policy.blockedDomainsIncomplete = blockedLost;
    return layered;
}

Policy policyForDraft(const LayeredPolicy &layered, const Draft &draft)
{
    Policy policy = layered.policy;
    if (!layered.senderDomainInternal)
        return policy;
    const std::string domain = senderDomain(draft);
    if (!domain.empty() && !contains(policy.internalDomains, domain))
        policy.internalDomains.insert(policy.internalDomains.begin(), domain);
    return policy;
}

} // namespace sendguard
