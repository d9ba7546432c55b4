#include "engine.h"

#include "rules/rules.h"

namespace sendguard {

const std::vector<RuleDefinition> &allRules()
{
    static const std::vector<RuleDefinition> table{
        {"invalid-address", Severity::Block, rules::checkInvalidAddresses},
        {"blocked-domain", Severity::Block, rules::checkBlockedDomains},
        {"external-recipient", Severity::Confirm, rules::checkExternalRecipients},
        {"attachment", Severity::Confirm, rules::checkAttachments},
        {"lookalike-domain", Severity::Warn, rules::checkLookalikeDomains},
        {"attention-domain", Severity::Warn, rules::checkAttentionDomains},
        {"attention-attachment", Severity::Warn, rules::checkAttentionAttachments},
        {"cc-exposure", Severity::Warn, rules::checkCcExposure},
        {"large-audience", Severity::Warn, rules::checkLargeAudience},
        {"new-domain-in-reply", Severity::Warn, rules::checkNewDomainInReply},
        {"unexpanded-list", Severity::Warn, rules::checkUnexpandedLists},
        {"attention-term", Severity::Warn, rules::checkAttentionTerms},
        {"forgotten-attachment", Severity::Warn, rules::checkForgottenAttachment},
        {"sensitive-data", Severity::Warn, rules::checkSensitiveData},
        {"salutation-mismatch", Severity::Warn, rules::checkSalutationMismatch},
        {"new-recipient", Severity::Info, rules::checkNewRecipients},
        {"new-domain", Severity::Warn, rules::checkNewDomains},
        {"lookalike-address", Severity::Warn, rules::checkLookalikeAddresses},
        {"unusual-recipient-mix", Severity::Warn, rules::checkUnusualRecipientMix},
        {"display-name-mismatch", Severity::Warn, rules::checkDisplayNameMismatch},
    };
    return table;
}

} // namespace sendguard
