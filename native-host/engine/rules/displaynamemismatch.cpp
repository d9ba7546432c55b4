#include "rulesupport.h"

#include "../address.h"

#include <algorithm>
#include <cstdint>
#include <optional>

namespace sendguard::rules {

namespace {

std::string domainOf(const std::string &address)
{
    const auto at = address.rfind('@');
    return at == std::string::npos ? std::string() : address.substr(at + 1);
}

bool isRecipient(const Review &review, const std::string &address)
{
    return std::any_of(
        review.recipients.begin(), review.recipients.end(),
        [&](const auto &recipient) { return recipient.normalisedAddress() == address; });
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
        if (otherDomain != domain && !isMailProvider(otherDomain) && !isRecipient(review, other)
            && anotherRecipientAt(review, i, otherDomain))
            return &other;
    }
    return nullptr;
}

// Of the other people known under this recipient's name at other organisations, the one mail
// usually goes to: at least kUsualFactor times as often as to this recipient, who has had at
// most kFewMails. Autocomplete offers both, and the one written to seldom is more often the slip
// than the choice. Once a few mails went to this one it is a contact of its own and the rule
// stays quiet. Nor does it speak when another recipient is at this one's organisation, or when
// the mail answers a thread this organisation took part in: those vouch for it.
constexpr std::int64_t kUsualFactor = 3;
constexpr std::int64_t kFewMails = 2;

bool tookPartInThread(const Draft &draft, const std::string &domain)
{
    if (!draft.original || (draft.type != "reply" && draft.type != "forward"))
        return false;
    std::vector<std::string> entries{draft.original->from};
    entries.insert(entries.end(), draft.original->to.begin(), draft.original->to.end());
    entries.insert(entries.end(), draft.original->cc.begin(), draft.original->cc.end());
    for (const auto &entry : entries) {
        const auto mailboxes = parseAddressList(entry);
        if (!mailboxes)
            continue;
        for (const auto &mailbox : mailboxes.value()) {
            const auto normalised = normaliseDomain(mailbox.domain);
            if (normalised && normalised.value().ascii == domain)
                return true;
        }
    }
    return false;
}

struct UsualNamesake
{
    std::string address;
    std::int64_t count = 0;
};

std::optional<UsualNamesake> usualNamesake(const Review &review, const Draft &draft, std::size_t i,
                                           const std::vector<std::string> &known,
                                           const HistoryView &history)
{
    const auto &domain = review.recipients[i].domain.ascii;
    if (anotherRecipientAt(review, i, domain) || tookPartInThread(draft, domain))
        return std::nullopt;
    const std::int64_t own = history.recipientCount(review.recipients[i].normalisedAddress());
    if (own > kFewMails)
        return std::nullopt;
    std::optional<UsualNamesake> usual;
    for (const auto &other : known) {
        if (domainOf(other) == domain || isRecipient(review, other))
            continue;
        const std::int64_t count = history.recipientCount(other);
        if (count >= kUsualFactor * std::max<std::int64_t>(own, 1)
            && (!usual || count > usual->count))
            usual = UsualNamesake{other, count};
    }
    return usual;
}

// A new address under a name known elsewhere, on a mail that also goes to others at its own
// organisation and to nobody at the namesake's: a new person there who shares the name, not the
// known one at a wrong address. Mail providers' domains vouch for nobody.
bool othersVouchForNewAddress(const Review &review, std::size_t i,
                              const std::vector<std::string> &known)
{
    const auto &domain = review.recipients[i].domain.ascii;
    if (isMailProvider(domain) || !anotherRecipientAt(review, i, domain))
        return false;
    return std::none_of(known.begin(), known.end(), [&](const std::string &other) {
        return anotherRecipientAt(review, i, domainOf(other));
    });
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

// This recipient, written to `own` times, shares the name with `usual`, the one mail goes to.
Finding usualNamesakeFinding(std::size_t i, const ReviewedRecipient &recipient,
                             const UsualNamesake &usual, std::int64_t own)
{
    const std::string name = clippedForPeople(recipient.displayName);
    const std::string usualAddress = addressForPeople(usual.address);
    const std::string shownAddress = addressForPeople(recipient);
    return findingFor(recipientTarget(i), "displayNameMismatch.usualNamesake",
                      {{{"name", name}, {"usualAddress", usualAddress}, {"address", shownAddress}},
                       {{"usualMails", usual.count}, {"mails", own}},
                       {}},
                      "You usually write to \u201c" + name + "\u201d at " + usualAddress + " ("
                          + englishCount(usual.count, "mail", "mails") + "), not at " + shownAddress
                          + " (" + englishCount(own, "mail", "mails")
                          + "). Check that this is the right person.");
}

} // namespace

// `display-name-mismatch`: the display name on a recipient belongs, in the history, to an
// address at another organisation, and never to this one: autocomplete most likely picked a
// namesake, or an old address of the person. Or the name belongs to this address and to one at
// another organisation, and the other recipients are from that one, not this one's: the
// namesake there was meant. Or, with nothing else on the mail pointing either way, the other
// namesake is the one mail usually goes to (usualNamesake). A namesake picked for a mail to
// them alone while both are written to alike goes unseen: nothing in the mail tells the two
// apart. Colleagues are never pointed at: mail to them stays in the organisation.
void checkDisplayNameMismatch(const Review &review, const RuleContext &context,
                              std::vector<Finding> &findings)
{
    if (!context.history || !context.history->hasHistory())
        return;
    for (std::size_t i = 0; i < review.recipients.size(); ++i) {
        const auto &recipient = review.recipients[i];
        if (recipient.internal || displayNameKey(recipient.displayName).empty())
            continue;
        const std::string address = recipient.normalisedAddress();
        const auto known = context.history->addressesNamed(recipient.displayName);
        if (known.empty())
            continue;
        if (std::find(known.begin(), known.end(), address) != known.end()) {
            if (const std::string *meant = namesakeTheMailPointsTo(review, i, known)) {
                findings.push_back(namesakeFinding(i, recipient, *meant));
            } else if (const auto usual
                       = usualNamesake(review, context.draft, i, known, *context.history)) {
                findings.push_back(usualNamesakeFinding(i, recipient, usual.value(),
                                                        context.history->recipientCount(address)));
            }
            continue;
        }
        const auto elsewhere = std::find_if(known.begin(), known.end(), [&](const auto &other) {
            return domainOf(other) != recipient.domain.ascii;
        });
        if (elsewhere == known.end() || othersVouchForNewAddress(review, i, known))
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
