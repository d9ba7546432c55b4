#include "edits.h"

#include "address.h"

#include <unordered_set>
#include <utility>

namespace sendguard {

namespace {

bool isBlankOrComment(const std::string &entry)
{
    const auto first = entry.find_first_not_of(" \t\r\n");
    return first == std::string::npos || entry[first] == '#';
}

// The normalised addresses an entry names; nullopt when the engine cannot read it.
std::optional<std::vector<std::string>> addressKeys(const std::string &entry)
{
    const auto mailboxes = parseAddressList(entry);
    if (!mailboxes)
        return std::nullopt;
    std::vector<std::string> keys;
    for (const Mailbox &mailbox : mailboxes.value()) {
        auto domain = normaliseDomain(mailbox.domain);
        if (!domain)
            return std::nullopt;
        ReviewedRecipient recipient;
        recipient.localPart = mailbox.localPart;
        recipient.domain = std::move(domain).value();
        keys.push_back(recipient.normalisedAddress());
    }
    return keys;
}

// Builds de-duplicated lists: an entry is taken when it names at least one address not taken
// before, or when it cannot be read at all.
class ListBuilder
{
public:
    void add(std::vector<std::string> &list, const std::string &entry, bool dropEmptyGroups)
    {
        const auto keys = addressKeys(entry);
        if (!keys) {
            list.push_back(entry);
            return;
        }
        if (keys->empty()) {
            if (!dropEmptyGroups)
                list.push_back(entry);
            return;
        }
        bool anyNew = false;
        for (const std::string &key : *keys)
            anyNew = m_seen.insert(key).second || anyNew;
        if (anyNew)
            list.push_back(entry);
    }

private:
    std::unordered_set<std::string> m_seen;
};

} // namespace

std::vector<std::string> autoBccAdditions(const std::vector<std::string> &autoBcc,
                                          const Review &review)
{
    if (autoBcc.empty() || !review.externalRecipientsPresent())
        return {};
    std::unordered_set<std::string> seen;
    for (const ReviewedRecipient &recipient : review.recipients)
        seen.insert(recipient.normalisedAddress());

    std::vector<std::string> added;
    for (const std::string &entry : autoBcc) {
        if (isBlankOrComment(entry))
            continue;
        const auto keys = addressKeys(entry);
        if (!keys || keys->size() != 1)
            continue;
        if (seen.insert(keys->front()).second)
            added.push_back(entry);
    }
    return added;
}

std::optional<RecipientEdits> recipientEdits(const Draft &draft, const Review &review,
                                             bool moveEveryoneToBcc)
{
    if (!moveEveryoneToBcc && review.autoBcc.empty())
        return std::nullopt;

    RecipientEdits edits;
    ListBuilder builder;
    auto &to = moveEveryoneToBcc ? edits.bcc : edits.to;
    auto &cc = moveEveryoneToBcc ? edits.bcc : edits.cc;
    for (const std::string &entry : draft.to)
        builder.add(to, entry, moveEveryoneToBcc);
    for (const std::string &entry : draft.cc)
        builder.add(cc, entry, moveEveryoneToBcc);
    for (const std::string &entry : draft.bcc)
        builder.add(edits.bcc, entry, moveEveryoneToBcc);
    for (const std::string &entry : review.autoBcc)
        builder.add(edits.bcc, entry, true);
    return edits;
}

} // namespace sendguard
