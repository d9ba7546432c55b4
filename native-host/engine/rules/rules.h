#pragma once

// The check function of every rule, one file each in this folder. allRules() (rules.cpp) lists
// them with their ids and default severities; adding a rule means one file, one line there, and
// its tests.

#include "../engine.h"

namespace sendguard::rules {

void checkInvalidAddresses(const Review &, const RuleContext &, std::vector<Finding> &);
void checkBlockedDomains(const Review &, const RuleContext &, std::vector<Finding> &);
void checkExternalRecipients(const Review &, const RuleContext &, std::vector<Finding> &);
void checkAttachments(const Review &, const RuleContext &, std::vector<Finding> &);
void checkLookalikeDomains(const Review &, const RuleContext &, std::vector<Finding> &);
// How lookalike-domain finds the references a name is a slip away from: through its tries
// (what the rule uses), or by measuring every reference under the same suffix, the plain way
// the tries must agree with (tests/unit/engine/tst_lookalikedomain.cpp compares them).
enum class ReferenceSearch { Indexed, Exhaustive };
void checkLookalikeDomains(const Review &, const RuleContext &, std::vector<Finding> &,
                           ReferenceSearch);
void checkAttentionDomains(const Review &, const RuleContext &, std::vector<Finding> &);
void checkAttentionAttachments(const Review &, const RuleContext &, std::vector<Finding> &);
void checkCcExposure(const Review &, const RuleContext &, std::vector<Finding> &);
void checkLargeAudience(const Review &, const RuleContext &, std::vector<Finding> &);
void checkNewDomainInReply(const Review &, const RuleContext &, std::vector<Finding> &);
void checkUnexpandedLists(const Review &, const RuleContext &, std::vector<Finding> &);
void checkAttentionTerms(const Review &, const RuleContext &, std::vector<Finding> &);
void checkForgottenAttachment(const Review &, const RuleContext &, std::vector<Finding> &);
void checkSensitiveData(const Review &, const RuleContext &, std::vector<Finding> &);
void checkSalutationMismatch(const Review &, const RuleContext &, std::vector<Finding> &);
void checkNewRecipients(const Review &, const RuleContext &, std::vector<Finding> &);
void checkLookalikeAddresses(const Review &, const RuleContext &, std::vector<Finding> &);
void checkNewDomains(const Review &, const RuleContext &, std::vector<Finding> &);
void checkUnusualRecipientMix(const Review &, const RuleContext &, std::vector<Finding> &);
void checkDisplayNameMismatch(const Review &, const RuleContext &, std::vector<Finding> &);

} // namespace sendguard::rules
