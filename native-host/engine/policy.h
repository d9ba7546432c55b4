#pragma once

#include "review.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sendguard {

struct RuleSetting
{
    bool enabled = true;
    std::optional<Severity> severity; // unset: the rule's default
};

// The policy in force for one review, after the layers are merged (DESIGN.md, "Policy keys").
// Plain data; reading it from JSON lives in the protocol layer (policyjson.h).
struct Policy
{
    std::vector<std::string> internalDomains; // empty: the sender's own domain is internal
    std::vector<std::string> trustedDomains;
    std::vector<std::string> blockedDomains;
    // Some of blockedDomains could not be read (a layer held an unreadable value or entry), so
    // a domain meant to be blocked may not be: the review carries a warning (policy-problem).
    bool blockedDomainsIncomplete = false;
    std::vector<std::string> attentionDomains;
    std::vector<std::string> attentionTerms;
    std::vector<std::string> attentionAttachmentSuffixes;
    std::vector<std::string> autoBcc;
    // Words that say something is attached (forgotten-attachment); unset: the built-in list.
    std::optional<std::vector<std::string>> attachmentReminderTerms;
    int ccExposureDomains = 3;
    int largeAudience = 25;
    int auditRetentionDays = 0; // audit log entries older than this many days go; 0: kept
    bool skipWhenInternalOnly = true;
    int countdownSeconds = 0;
    std::string onHostFailure = "ask"; // "ask" or "block"; read by the extension
    // "auto" (the system's), "en" or "ja": the language of the dialog, the CLI and the add-in
    std::string language = "auto";
    std::map<std::string, RuleSetting> rules;
    std::vector<std::string> locked;

    bool ruleEnabled(const std::string &ruleId) const;
    Severity ruleSeverity(const std::string &ruleId, Severity fallback) const;
};

} // namespace sendguard
