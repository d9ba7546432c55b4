#include "rulesupport.h"

#include "../typodistance.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>

namespace sendguard::rules {

namespace {

// The addresses at the recipient's domain compared with: the most written to. A person slips
// on an address they use, and those come first.
constexpr std::size_t kComparedAddresses = 200;
// Local parts shorter than this are too close to each other by nature ("jo", "js", "ab").
constexpr std::size_t kShortestLocalPart = 4;

std::string_view localPart(std::string_view address)
{
    return address.substr(0, address.rfind('@'));
}

// How far a local part may be from a known one and still count as a slip on it (half steps,
// typodistance.h): one edit of any kind, or two likely slips; one more for long parts.
int slipAllowance(std::size_t length)
{
    return length >= 10 ? 3 : 2;
}

std::string withoutDigits(std::string_view text)
{
    std::string out;
    std::copy_if(text.begin(), text.end(), std::back_inserter(out),
                 [](char c) { return c < '0' || c > '9'; });
    return out;
}

// "jsmith" and "jsmith2" are two people: a difference in digits only is how an organisation
// tells namesakes apart, not a slip.
bool differOnlyInDigits(std::string_view a, std::string_view b)
{
    return withoutDigits(a) == withoutDigits(b);
}

// The known address at the domain this new one is most likely a slip of, or empty.
std::string slippedFrom(const ReviewedRecipient &recipient, const HistoryView &history)
{
    const std::string address = recipient.normalisedAddress();
    const std::string_view typed = localPart(address);
    if (typed.size() < kShortestLocalPart)
        return {};
    const std::u32string typedPoints = toCodePoints(typed);
    std::string best;
    int bestDistance = slipAllowance(typed.size()) + 1;
    for (const auto &known : history.addressesAt(recipient.domain.ascii, kComparedAddresses)) {
        const std::string_view knownLocal = localPart(known);
        if (knownLocal.size() < kShortestLocalPart || differOnlyInDigits(knownLocal, typed))
            continue;
        const int distance
            = typoDistanceUpTo(toCodePoints(knownLocal), typedPoints, false, bestDistance - 1);
        if (distance > 0 && distance < bestDistance) {
            best = known;
            bestDistance = distance;
        }
    }
    return best;
}

// A display name says whose address this is: a name the history knows for the similar address
// (autocomplete kept the name, the address was edited) leaves the slip likely; someone else's
// name makes it another person's own address.
bool nameAllowsSlip(const ReviewedRecipient &recipient, const std::string &similar,
                    const HistoryView &history)
{
    if (displayNameKey(recipient.displayName).empty())
        return true;
    const auto named = history.addressesNamed(recipient.displayName);
    return std::find(named.begin(), named.end(), similar) != named.end();
}

} // namespace

// `lookalike-address`: the first mail to an address one typing slip away from one you write to
// at the same organisation ("jonh.smith@client.example" for "john.smith@client.example"): the
// mail would go to nobody, or to someone else there. Silent when the display name is someone
// else's, when the two differ in digits only, and for local parts under four characters.
void checkLookalikeAddresses(const Review &review, const RuleContext &context,
                             std::vector<Finding> &findings)
{
    if (!context.history || !context.history->hasHistory())
        return;
    const HistoryView &history = *context.history;
    for (std::size_t i = 0; i < review.recipients.size(); ++i) {
        const auto &recipient = review.recipients[i];
        if (recipient.internal || history.recipientCount(recipient.normalisedAddress()) > 0
            || history.domainCount(recipient.domain.ascii) == 0)
            continue;
        const std::string similar = slippedFrom(recipient, history);
        if (similar.empty() || !nameAllowsSlip(recipient, similar, history))
            continue;
        const std::string shownAddress = addressForPeople(recipient);
        const std::string knownAddress = addressForPeople(similar);
        findings.push_back(findingFor(
            recipientTarget(i), "lookalikeAddress",
            {{{"address", shownAddress}, {"knownAddress", knownAddress}}, {}, {}},
            "No mail has gone to " + shownAddress + " yet, but you write to " + knownAddress
                + ", one typing slip away. Check that the address is not a typo."));
    }
}

} // namespace sendguard::rules
