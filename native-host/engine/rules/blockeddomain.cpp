#include "rulesupport.h"

namespace sendguard::rules {

// `blocked-domain`: recipients matching the policy's blockedDomains, in any field.
void checkBlockedDomains(const Review &review, const RuleContext &context,
                         std::vector<Finding> &findings)
{
    for (std::size_t i = 0; i < review.recipients.size(); ++i) {
        const auto &recipient = review.recipients[i];
        if (!context.blocked.matches(recipient.localPart, recipient.domain))
            continue;
        findings.push_back(
            findingFor(recipientTarget(i),
                       "mail to " + domainForPeople(recipient.domain) + " is blocked by policy"));
    }
}

} // namespace sendguard::rules
