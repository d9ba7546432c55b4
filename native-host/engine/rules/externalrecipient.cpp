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
        const std::string domain = domainForPeople(recipient.domain);
        findings.push_back(findingFor(recipientTarget(i), "externalRecipient",
                                      {{{"domain", domain}}, {}, {}},
                                      domain + " is outside your organisation."));
    }
}

} // namespace sendguard::rules
