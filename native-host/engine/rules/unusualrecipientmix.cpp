#include "greeting.h"
#include "rulesupport.h"

#include <algorithm>
#include <vector>

namespace sendguard::rules {

namespace {

// Pairs are looked up one by one; past this many recipients the mail is an audience, not a
// group, and large-audience speaks for it.
constexpr std::size_t kMaxRecipients = 20;
// Two people "often" get mail together when they did at least this many times.
constexpr std::int64_t kOften = 2;
// The group is named by its first few members.
constexpr std::size_t kMembersNamed = 3;

using Matrix = std::vector<std::vector<std::int64_t>>;

Matrix pairCounts(const Review &review, const HistoryView &history)
{
    const std::size_t n = review.recipients.size();
    Matrix counts(n, std::vector<std::int64_t>(n, 0));
    std::vector<std::string> addresses;
    for (const auto &recipient : review.recipients)
        addresses.push_back(recipient.normalisedAddress());
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = i + 1; j < n; ++j)
            counts[i][j] = counts[j][i] = history.pairCount(addresses[i], addresses[j]);
    }
    return counts;
}

// The group: recipients who often got mail with at least one of the others on this mail.
std::vector<bool> groupMembers(const Matrix &counts)
{
    std::vector<bool> members(counts.size(), false);
    for (std::size_t i = 0; i < counts.size(); ++i) {
        for (std::size_t j = 0; j < counts.size(); ++j)
            members[i] = members[i] || (i != j && counts[i][j] >= kOften);
    }
    return members;
}

// At least two members, and at least half of the pairs among them often got mail together.
bool isEstablishedGroup(const Matrix &counts, const std::vector<bool> &members)
{
    std::size_t pairs = 0;
    std::size_t oftenPairs = 0;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        for (std::size_t j = i + 1; j < counts.size(); ++j) {
            if (!members[i] || !members[j])
                continue;
            ++pairs;
            oftenPairs += counts[i][j] >= kOften ? 1 : 0;
        }
    }
    return pairs > 0 && oftenPairs * 2 >= pairs;
}

// Never had mail with any outside recipient on this one. Colleagues are left out: they are on
// many groups' mail and would tie any outsider to any group.
bool neverWithOthers(const Review &review, const Matrix &counts, std::size_t outsider)
{
    for (std::size_t j = 0; j < counts.size(); ++j) {
        if (j != outsider && !review.recipients[j].internal && counts[outsider][j] > 0)
            return false;
    }
    return true;
}

// Other outside recipients are on the mail, and none works at this one's organisation (a mail
// provider's domain is no organisation).
bool noOtherFromItsOrganisation(const Review &review, std::size_t outsider)
{
    const auto &domain = review.recipients[outsider].domain.ascii;
    bool others = false;
    for (std::size_t j = 0; j < review.recipients.size(); ++j) {
        if (j == outsider || review.recipients[j].internal)
            continue;
        if (review.recipients[j].domain.ascii == domain && !isMailProvider(domain))
            return false;
        others = true;
    }
    return others;
}

// Works at the same organisation as another outside group member: one of their colleagues
// brought in (a manager, a newcomer to the project). A mail provider's domain says nothing of
// the kind.
bool colleagueOfMember(const Review &review, const std::vector<bool> &members, std::size_t outsider)
{
    const auto &domain = review.recipients[outsider].domain.ascii;
    if (isMailProvider(domain))
        return false;
    for (std::size_t j = 0; j < members.size(); ++j) {
        if (j != outsider && members[j] && !review.recipients[j].internal
            && review.recipients[j].domain.ascii == domain)
            return true;
    }
    return false;
}

// The group as named to the reader: its members but the outsider pointed at.
std::vector<std::string> groupWithout(const Review &review, const std::vector<bool> &members,
                                      std::size_t outsider)
{
    std::vector<std::string> group;
    for (std::size_t j = 0; j < members.size(); ++j) {
        if (j != outsider && members[j])
            group.push_back(addressForPeople(review.recipients[j]));
    }
    return group;
}

// Not in the group, or in it only through colleagues of ours: beside outside recipients of
// other organisations it never had mail with, a member tied by colleagues alone belongs to
// another of those colleagues' groups. Never had mail with any outside recipient on this one,
// and no colleague of an outside member.
bool outsideTheGroup(const Review &review, const Matrix &counts, const std::vector<bool> &members,
                     std::size_t i)
{
    return !review.recipients[i].internal && neverWithOthers(review, counts, i)
           && !colleagueOfMember(review, members, i)
           && (!members[i] || noOtherFromItsOrganisation(review, i))
           && !groupWithout(review, members, i).empty();
}

// An outside recipient the greeting does not name, at another organisation than every other
// outside recipient, who never had mail with any of them, on a new mail whose greeting names an
// outside recipient: "Hi Maria," to Maria and to someone she has never shared a mail with. An
// introduction greets both ("Hi Maria and Ben,", "Hi both,"); a person autocomplete added is
// not greeted. A draft that answers or forwards a message (it carries the original) stays
// silent: the thread says who belongs, and new-domain-in-reply speaks for newcomers to it.
// TODO: an introduction that greets only the person introduced to warns needlessly; the
// history cannot tell it from an added stranger.
bool strangerToTheGreeted(const Review &review, const Matrix &counts,
                          const std::vector<std::size_t> &greeted, std::size_t i)
{
    const auto &recipient = review.recipients[i];
    if (recipient.internal || std::find(greeted.begin(), greeted.end(), i) != greeted.end())
        return false;
    const bool outsideGreeted = std::any_of(greeted.begin(), greeted.end(), [&](std::size_t g) {
        return !review.recipients[g].internal;
    });
    return outsideGreeted && neverWithOthers(review, counts, i)
           && noOtherFromItsOrganisation(review, i);
}

Finding groupFinding(const Review &review, const std::vector<bool> &members, std::size_t i)
{
    const std::vector<std::string> group = groupWithout(review, members, i);
    const std::vector<std::string> named = firstOf(group, kMembersNamed);
    const std::int64_t more = leftOut(group.size(), kMembersNamed);
    const std::string address = addressForPeople(review.recipients[i]);
    return findingFor(recipientTarget(i), "unusualRecipientMix",
                      {{{"address", address}}, {{"moreMembers", more}}, {{"group", named}}},
                      "The other recipients (" + englishList(named, more)
                          + ") often get mail together, but never with " + address
                          + ". Check that this recipient belongs on this mail.");
}

Finding strangerFinding(const Review &review, const std::vector<std::size_t> &greeted,
                        std::size_t i)
{
    std::vector<std::string> names;
    for (const std::size_t g : greeted) {
        if (!review.recipients[g].internal)
            names.push_back(addressForPeople(review.recipients[g]));
    }
    const std::vector<std::string> named = firstOf(names, kMembersNamed);
    const std::int64_t more = leftOut(names.size(), kMembersNamed);
    const std::string address = addressForPeople(review.recipients[i]);
    return findingFor(recipientTarget(i), "unusualRecipientMix.notGreeted",
                      {{{"address", address}}, {{"moreGreeted", more}}, {{"greeted", named}}},
                      "The greeting is for " + englishList(named, more) + ", but " + address
                          + " has never had mail with them. Check that this recipient belongs "
                            "on this mail.");
}

} // namespace

// `unusual-recipient-mix`: some recipients on this mail regularly get mail together (a group),
// and an outside recipient has never had mail with any outside recipient on it and works at
// none of the group's organisations: someone added to, or swapped into, a group by mistake.
// Ties to our colleagues do not vouch for an outsider: a colleague is on many groups' mail, so
// two outsiders who each often had mail with the same colleague but never with each other are
// both pointed at (one of them was most likely meant for another of that colleague's groups).
// Without a group, the greeting can say who the mail is for (strangerToTheGreeted).
// Colleagues are never pointed at (mail to them stays in the organisation); a colleague of an
// outside group member is not either, so a person swapped for their own colleague goes unseen.
void checkUnusualRecipientMix(const Review &review, const RuleContext &context,
                              std::vector<Finding> &findings)
{
    const std::size_t n = review.recipients.size();
    if (!context.history || n < 2 || n > kMaxRecipients || !context.history->hasHistory())
        return;
    const Matrix counts = pairCounts(review, *context.history);
    const std::vector<bool> members = groupMembers(counts);
    const bool group = n >= 3 && isEstablishedGroup(counts, members);
    const std::vector<std::size_t> greeted = context.draft.original
                                                 ? std::vector<std::size_t>()
                                                 : greetedRecipients(review, context.draft.body);
    for (std::size_t i = 0; i < n; ++i) {
        if (group && outsideTheGroup(review, counts, members, i))
            findings.push_back(groupFinding(review, members, i));
        else if (strangerToTheGreeted(review, counts, greeted, i))
            findings.push_back(strangerFinding(review, greeted, i));
    }
}

} // namespace sendguard::rules
