#include "rulesupport.h"

namespace sendguard::rules {

// `attention-domain`: recipients, in any field including Bcc, that match the policy's
// attentionDomains (domains, subdomain wildcards or single addresses).
void checkAttentionDomains(const Review &review, const RuleContext &context,
                           std::vector<Finding> &findings)
{
    const PatternList attention(context.policy.attentionDomains);
    if (attention.empty())
        return;
    for (std::size_t i = 0; i < review.recipients.size(); ++i) {
        const auto &recipient = review.recipients[i];
        if (!attention.matches(recipient.localPart, recipient.domain))
            continue;
        const std::string domain = domainForPeople(recipient.domain);
        findings.push_back(findingFor(recipientTarget(i), "attentionDomain",
                                      {{{"domain", domain}}, {}, {}},
                                      domain
                                          + " is on your organisation's attention list. Make sure "
                                            "this recipient should get this mail."));
    }
}

} // namespace sendguard::rules
