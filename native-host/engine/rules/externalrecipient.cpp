#include "rulesupport.h"

namespace sendguard::rules {

// `external-recipient`: every recipient outside the organisation that is not trusted.
void checkExternalRecipients(const Review &review, const RuleContext &,
                             std::vector<Finding> &findings)
{
    for (std::size_t i = 0; i < review.recipients.size(); ++i) {
        const auto &recipient = review.recipients[i];
        if (!isExternalUntrusted(recipient))
            continue;
        findings.push_back(
            findingFor(recipientTarget(i),
                       "outside your organisation (" + domainForPeople(recipient.domain) + ")"));
    }
}

} // namespace sendguard::rules
