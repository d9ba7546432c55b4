#include "rulesupport.h"

#include <algorithm>

namespace sendguard::rules {

namespace {

std::string domainOf(const std::string &address)
{
    const auto at = address.rfind('@');
    return at == std::string::npos ? std::string() : address.substr(at + 1);
}

} // namespace

// `display-name-mismatch`: the display name on a recipient belongs, in the history, to an
// address at another organisation, and never to this one. Autocomplete most likely picked a
// namesake, or an old address of the person.
void checkDisplayNameMismatch(const Review &review, const RuleContext &context,
                              std::vector<Finding> &findings)
{
    if (!context.history || !context.history->hasHistory())
        return;
    for (std::size_t i = 0; i < review.recipients.size(); ++i) {
        const auto &recipient = review.recipients[i];
        if (displayNameKey(recipient.displayName).empty())
            continue;
        const std::string address = recipient.normalisedAddress();
        const auto known = context.history->addressesNamed(recipient.displayName);
        if (known.empty() || std::find(known.begin(), known.end(), address) != known.end())
            continue;
        const auto elsewhere = std::find_if(known.begin(), known.end(), [&](const auto &other) {
            return domainOf(other) != recipient.domain.ascii;
        });
        if (elsewhere == known.end())
            continue;
        findings.push_back(
            findingFor(recipientTarget(i), "you have written to \"" + recipient.displayName
                                               + "\" at " + *elsewhere
                                               + ", not at this address; check it is the "
                                                 "right person"));
    }
}

} // namespace sendguard::rules
