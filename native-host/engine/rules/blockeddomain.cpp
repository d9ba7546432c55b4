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
        const std::string domain = domainForPeople(recipient.domain);
        findings.push_back(findingFor(recipientTarget(i), "blockedDomain",
                                      {{{"domain", domain}}, {}, {}},
                                      "Your organisation does not allow mail to " + domain
                                          + ". Remove this recipient to send the mail."));
    }
}

} // namespace sendguard::rules
