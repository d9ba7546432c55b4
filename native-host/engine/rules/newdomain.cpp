#include "rulesupport.h"

#include <set>

namespace sendguard::rules {

// `new-domain`: the first mail to an organisation outside your own. Reported once per domain,
// at its first recipient.
void checkNewDomains(const Review &review, const RuleContext &context,
                     std::vector<Finding> &findings)
{
    if (!context.history || !context.history->hasHistory())
        return;
    std::set<std::string> reported;
    for (std::size_t i = 0; i < review.recipients.size(); ++i) {
        const auto &recipient = review.recipients[i];
        if (!isExternalUntrusted(recipient) || !reported.insert(recipient.domain.ascii).second)
            continue;
        if (context.history->domainCount(recipient.domain.ascii) > 0)
            continue;
        const std::string domain = domainForPeople(recipient.domain);
        findings.push_back(findingFor(recipientTarget(i), "newDomain",
                                      {{{"domain", domain}}, {}, {}},
                                      "This is your first mail to " + domain
                                          + ". Check that it is the organisation you mean."));
    }
}

} // namespace sendguard::rules
