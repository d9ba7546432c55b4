#pragma once

#include "policyproblem.h"

#include "../engine/draft.h"
#include "../engine/policy.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace sendguard {

// The policy layers (DESIGN.md, "Policy"): built-in defaults < admin < user.
//
// How a user value combines with the admin's, unless the admin lists its key in `locked`:
// - lists of patterns or terms (internalDomains, trustedDomains, blockedDomains,
//   attentionDomains, attentionTerms, attentionAttachmentSuffixes, autoBcc) add to the admin's
//   list; a user can never take an entry of the admin's away;
// - every other key (the thresholds, the switches, countdownSeconds, attachmentReminderTerms)
//   replaces the admin's value; `rules` replaces it rule by rule and member by member (a user's
//   `enabled` keeps the admin's `severity` for that rule);
// - `locked`, `onHostFailure` and `auditRetentionDays` belong to the admin alone: the extension
//   reads onHostFailure from managed storage, and the audit log is IT's record; so do the
//   `rules` settings of blocked-domain and invalid-address (isAdminOnlyRule).
// A locked key's user value is ignored (and reported), whatever the key.
//
// When the admin names no internalDomains, the sender's own domain stays internal and the user's
// internalDomains are extras on top of it (policyForDraft adds it).

// The keys a policy layer may hold, in the order the README lists them.
const std::vector<std::string> &policyKeys();

// Whether `key` holds a list that a user layer adds to (see above).
bool isAddingListKey(const std::string &key);

// Whether only the admin layer may set `key`.
bool isAdminOnlyKey(const std::string &key);

// Whether only the admin layer may set `rules` for `ruleId`: blocked-domain and invalid-address,
// which stop mail that must not leave. A user layer's setting for them is ignored and reported.
bool isAdminOnlyRule(const std::string &ruleId);

// One layer with everything invalid taken out: unknown keys, values of the wrong type, pattern
// entries that do not parse, unknown rule ids, unknown names in `locked`. Each removal is
// described in `problems`, as a problem of `layer` (its message begins "admin policy: ...").
// A malformed pattern drops that entry only; the rest of its list stays. Null gives {}.
nlohmann::json validPolicyLayer(const nlohmann::json &layer, PolicyProblem::Layer which,
                                PolicyProblems &problems);

// The locked keys of a (valid) admin layer.
std::vector<std::string> lockedKeys(const nlohmann::json &validAdminLayer);

// Whether the user layer may set `key` under the admin policy `admin` (as sent; it is validated
// here): false for admin-only keys and for keys the admin locked.
bool userMayChange(const nlohmann::json &admin, const std::string &key);

struct LayeredPolicy
{
    Policy policy;
    // Every problem found in either layer and every user value ignored because of a lock, in
    // the settings dialog's terms, each with its English sentence for the log.
    PolicyProblems problems;
    // The admin set no internalDomains and the user added some: the sender's domain stays
    // internal as well (policyForDraft).
    bool senderDomainInternal = false;
};

// Merges defaults < `admin` < `user` as described above. Either layer may be null (absent) or
// invalid in any way; this never fails and never throws.
LayeredPolicy mergePolicyLayers(const nlohmann::json &admin, const nlohmann::json &user);

// The policy to review `draft` with: `layered.policy`, plus the sender's own domain among the
// internal ones when `senderDomainInternal` says so (an unreadable sender adds nothing).
Policy policyForDraft(const LayeredPolicy &layered, const Draft &draft);

} // namespace sendguard
