#include "rulesupport.h"

#include <algorithm>

namespace sendguard::rules {

namespace {

constexpr std::size_t kDomainsNamed = 4;

// The distinct domains of external To and Cc recipients, in the order they first appear.
std::vector<const NormalisedDomain *> visibleExternalDomains(const Review &review)
{
    std::vector<const NormalisedDomain *> domains;
    for (const auto &recipient : review.recipients) {
        if (recipient.internal || recipient.field == Field::Bcc)
            continue;
        const bool known = std::any_of(domains.begin(), domains.end(), [&](const auto *domain) {
            return domain->ascii == recipient.domain.ascii;
        });
        if (!known)
            domains.push_back(&recipient.domain);
    }
    return domains;
}

// "a.example, b.example, c.example, d.example and 3 more"
std::string domainList(const std::vector<const NormalisedDomain *> &domains)
{
    std::string text;
    for (std::size_t i = 0; i < domains.size() && i < kDomainsNamed; ++i)
        text += (i == 0 ? "" : ", ") + domainForPeople(*domains[i]);
    if (domains.size() > kDomainsNamed)
        text += " and " + std::to_string(domains.size() - kDomainsNamed) + " more";
    return text;
}

} // namespace

// `cc-exposure`: external To and Cc recipients from ccExposureDomains or more distinct domains
// see each other's addresses. Trusted recipients count: a partner is still another company.
// Bcc recipients do not: nobody sees them.
void checkCcExposure(const Review &review, const RuleContext &context,
                     std::vector<Finding> &findings)
{
    const auto domains = visibleExternalDomains(review);
    const auto threshold = static_cast<std::size_t>(std::max(1, context.policy.ccExposureDomains));
    if (domains.size() < threshold)
        return;
    findings.push_back(findingFor(
        Target{}, "people at " + std::to_string(domains.size()) + " outside organisations ("
                      + domainList(domains) + ") will see each other's addresses in To and Cc"));
}

} // namespace sendguard::rules
