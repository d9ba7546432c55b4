#include "rulesupport.h"

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

// Works at the same organisation as an outside group member: one of their colleagues brought
// in (a manager, a newcomer to the project). A mail provider's domain says nothing of the kind.
bool colleagueOfMember(const Review &review, const std::vector<bool> &members, std::size_t outsider)
{
    const auto &domain = review.recipients[outsider].domain.ascii;
    if (isMailProvider(domain))
        return false;
    for (std::size_t j = 0; j < members.size(); ++j) {
        if (members[j] && !review.recipients[j].internal
            && review.recipients[j].domain.ascii == domain)
            return true;
    }
    return false;
}

} // namespace

// `unusual-recipient-mix`: some recipients on this mail regularly get mail together (a group),
// and an outside recipient has never had mail with any outside recipient on it and works at
// none of the group's organisations: someone added to, or swapped into, a group by mistake.
// Colleagues are never pointed at (mail to them stays in the organisation); a colleague of a
// group member is not either, so a person swapped for their own colleague goes unseen.
void checkUnusualRecipientMix(const Review &review, const RuleContext &context,
                              std::vector<Finding> &findings)
{
    const std::size_t n = review.recipients.size();
    if (!context.history || n < 3 || n > kMaxRecipients || !context.history->hasHistory())
        return;
    const Matrix counts = pairCounts(review, *context.history);
    const std::vector<bool> members = groupMembers(counts);
    if (!isEstablishedGroup(counts, members))
        return;
    std::vector<std::string> group;
    for (std::size_t j = 0; j < n; ++j) {
        if (members[j])
            group.push_back(addressForPeople(review.recipients[j]));
    }
    const std::vector<std::string> named = firstOf(group, kMembersNamed);
    const std::int64_t more = leftOut(group.size(), kMembersNamed);
    for (std::size_t i = 0; i < n; ++i) {
        if (members[i] || review.recipients[i].internal || !neverWithOthers(review, counts, i)
            || colleagueOfMember(review, members, i))
            continue;
        const std::string address = addressForPeople(review.recipients[i]);
        findings.push_back(
            findingFor(recipientTarget(i), "unusualRecipientMix",
                       {{{"address", address}}, {{"moreMembers", more}}, {{"group", named}}},
                       "The other recipients (" + englishList(named, more)
                           + ") often get mail together, but never with " + address
                           + ". Check that this recipient belongs on this mail."));
    }
}

} // namespace sendguard::rules
