#include "rulesupport.h"

#include <algorithm>

namespace sendguard::rules {

namespace {

std::string domainOf(const std::string &address)
{
    const auto at = address.rfind('@');
    return at == std::string::npos ? std::string() : address.substr(at + 1);
}

bool anotherRecipientAt(const Review &review, std::size_t except, const std::string &domain)
{
    for (std::size_t j = 0; j < review.recipients.size(); ++j) {
        if (j != except && !review.recipients[j].internal
            && review.recipients[j].domain.ascii == domain)
            return true;
    }
    return false;
}

// Of the other people known under this recipient's name, one at an organisation that other
// recipients of this mail belong to, while none belongs to this recipient's: the mail is for
// that organisation, and its namesake there was meant. Mail providers' domains say nothing.
const std::string *namesakeTheMailPointsTo(const Review &review, std::size_t i,
                                           const std::vector<std::string> &known)
{
    const auto &domain = review.recipients[i].domain.ascii;
    if (anotherRecipientAt(review, i, domain))
        return nullptr;
    for (const auto &other : known) {
        const std::string otherDomain = domainOf(other);
        if (otherDomain != domain && !isMailProvider(otherDomain)
            && anotherRecipientAt(review, i, otherDomain))
            return &other;
    }
    return nullptr;
}

// The other recipients are at the organisation of `meant`, a namesake of this recipient.
Finding namesakeFinding(std::size_t i, const ReviewedRecipient &recipient, const std::string &meant)
{
    const std::string name = clippedForPeople(recipient.displayName);
    const std::string knownAddress = addressForPeople(meant);
    std::string otherDomain = domainOf(meant);
    if (const auto domain = normaliseDomain(otherDomain))
        otherDomain = domainForPeople(domain.value());
    return findingFor(
        recipientTarget(i), "displayNameMismatch.namesake",
        {{{"name", name}, {"otherDomain", otherDomain}, {"knownAddress", knownAddress}}, {}, {}},
        "The other recipients are at " + otherDomain + ", where you have written to another \u201c"
            + name + "\u201d (" + knownAddress + "). Check that this is the right person.");
}

} // namespace

// `display-name-mismatch`: the display name on a recipient belongs, in the history, to an
// address at another organisation, and never to this one: autocomplete most likely picked a
// namesake, or an old address of the person. Or the name belongs to this address and to one at
// another organisation, and the other recipients are from that one, not this one's: the
// namesake there was meant. A namesake picked for a mail to them alone goes unseen; nothing in
// the mail tells the two apart.
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
        if (known.empty())
            continue;
        if (std::find(known.begin(), known.end(), address) != known.end()) {
            if (const std::string *meant = namesakeTheMailPointsTo(review, i, known))
                findings.push_back(namesakeFinding(i, recipient, *meant));
            continue;
        }
        const auto elsewhere = std::find_if(known.begin(), known.end(), [&](const auto &other) {
            return domainOf(other) != recipient.domain.ascii;
        });
        if (elsewhere == known.end())
            continue;
        const std::string name = clippedForPeople(recipient.displayName);
        const std::string knownAddress = addressForPeople(*elsewhere);
        const std::string shownAddress = addressForPeople(recipient);
        findings.push_back(findingFor(
            recipientTarget(i), "displayNameMismatch.elsewhere",
            {{{"name", name}, {"knownAddress", knownAddress}, {"address", shownAddress}}, {}, {}},
            "You have written to \u201c" + name + "\u201d at " + knownAddress + ", never at "
                + shownAddress + ". Check that this is the right person."));
    }
}

} // namespace sendguard::rules
