#include "rulesupport.h"

#include <algorithm>
#include <string_view>
#include <unordered_set>

namespace sendguard::rules {

namespace {

constexpr std::size_t kDomainsNamed = 4;

// The distinct domains of external To and Cc recipients, in the order they first appear.
std::vector<const NormalisedDomain *> visibleExternalDomains(const Review &review)
{
    std::vector<const NormalisedDomain *> domains;
    std::unordered_set<std::string_view> seen; // a set: comparing with each was quadratic
    for (const auto &recipient : review.recipients) {
        if (recipient.internal || recipient.field == Field::Bcc)
            continue;
        if (seen.insert(recipient.domain.ascii).second)
            domains.push_back(&recipient.domain);
    }
    return domains;
}

// The first kDomainsNamed domains, in their form for people.
std::vector<std::string> namedDomains(const std::vector<const NormalisedDomain *> &domains)
{
    std::vector<std::string> named;
    for (std::size_t i = 0; i < domains.size() && i < kDomainsNamed; ++i)
        named.push_back(domainForPeople(*domains[i]));
    return named;
}

// Past this many visible outside recipients the history is not asked (the lookups grow with
// the square); the warning stands.
constexpr std::size_t kMaxRecipientsLookedUp = 20;

std::vector<const ReviewedRecipient *> visibleExternalRecipients(const Review &review)
{
    std::vector<const ReviewedRecipient *> visible;
    for (const auto &recipient : review.recipients) {
        if (!recipient.internal && recipient.field != Field::Bcc)
            visible.push_back(&recipient);
    }
    return visible;
}

// Whether every two visible outside recipients at different domains have already seen each
// other: both in To or Cc on a mail from this person that left. Then this mail shows nobody an
// address they have not seen (a recurring group that spans companies). Having had mail
// together is not enough: customers rightly sent in Bcc have had mail together without seeing
// each other, and putting them in Cc by mistake is what this rule is for. Two people at the
// same domain need no look-up: one company's people are not exposed to each other.
bool everyoneHasSeenEachOther(const Review &review, const HistoryView *history)
{
    if (!history || !history->hasHistory())
        return false;
    const auto visible = visibleExternalRecipients(review);
    if (visible.size() > kMaxRecipientsLookedUp)
        return false;
    for (std::size_t i = 0; i < visible.size(); ++i) {
        for (std::size_t j = i + 1; j < visible.size(); ++j) {
            if (visible[i]->domain.ascii == visible[j]->domain.ascii)
                continue;
            if (history->seenTogetherCount(visible[i]->normalisedAddress(),
                                           visible[j]->normalisedAddress())
                == 0)
                return false;
        }
    }
    return true;
}

} // namespace

// `cc-exposure`: external To and Cc recipients from ccExposureDomains or more distinct domains
// see each other's addresses. Trusted recipients count: a partner is still another company.
// Bcc recipients do not: nobody sees them. Silent when the history shows that every two of them
// at different domains have already seen each other on a mail from this person.
void checkCcExposure(const Review &review, const RuleContext &context,
                     std::vector<Finding> &findings)
{
    const auto domains = visibleExternalDomains(review);
    const auto threshold = static_cast<std::size_t>(std::max(1, context.policy.ccExposureDomains));
    if (domains.size() < threshold || everyoneHasSeenEachOther(review, context.history))
        return;
    const auto count = static_cast<std::int64_t>(domains.size());
    const std::vector<std::string> named = namedDomains(domains);
    const std::int64_t more = leftOut(domains.size(), kDomainsNamed);
    findings.push_back(findingFor(
        Target{}, "ccExposure",
        {{}, {{"organisations", count}, {"moreDomains", more}}, {{"domains", named}}},
        "People at " + englishCount(count, "outside organisation", "outside organisations") + " ("
            + englishList(named, more)
            + ") will see each other's addresses in To and Cc. If they should not, move them to "
              "Bcc."));
}

} // namespace sendguard::rules
