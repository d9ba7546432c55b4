#include "rulesupport.h"

#include "../address.h"

#include <string>
#include <string_view>
#include <unordered_set>

namespace sendguard::rules {

namespace {

using DomainSet = std::unordered_set<std::string>;

bool isReplyOrForward(const Draft &draft)
{
    return draft.type == "reply" || draft.type == "forward";
}

// Adds the A-label domain of every mailbox in `entry`. An entry that cannot be read adds
// nothing: the original message is context, not something this send can fix.
void addDomainsOf(std::string_view entry, DomainSet &domains)
{
    const auto mailboxes = parseAddressList(entry);
    if (!mailboxes)
        return;
    for (const auto &mailbox : mailboxes.value()) {
        const auto domain = normaliseDomain(mailbox.domain);
        if (domain)
            domains.insert(domain.value().ascii);
    }
}

// Every domain of the original's sender and recipients.
DomainSet conversationDomains(const OriginalMessage &original)
{
    DomainSet domains;
    addDomainsOf(original.from, domains);
    for (const auto &entry : original.to)
        addDomainsOf(entry, domains);
    for (const auto &entry : original.cc)
        addDomainsOf(entry, domains);
    return domains;
}

bool isNewToConversation(const ReviewedRecipient &recipient, const DomainSet &conversation,
                         const DomainSet &sender)
{
    return !recipient.internal && !conversation.contains(recipient.domain.ascii)
           && !sender.contains(recipient.domain.ascii);
}

} // namespace

// `new-domain-in-reply`: on a reply or forward, a recipient in a domain that took no part in the
// original message (neither its sender nor its recipients) and is not the sender's own. Trusted
// domains fire too: a trusted partner added to someone else's thread is still a new reader.
// Silent when there is no original, or none of its addresses can be read (nothing to compare).
void checkNewDomainInReply(const Review &review, const RuleContext &context,
                           std::vector<Finding> &findings)
{
    const Draft &draft = context.draft;
    if (!isReplyOrForward(draft) || !draft.original)
        return;
    const DomainSet conversation = conversationDomains(*draft.original);
    if (conversation.empty())
        return;
    DomainSet sender;
    addDomainsOf(draft.from, sender);

    for (std::size_t i = 0; i < review.recipients.size(); ++i) {
        const auto &recipient = review.recipients[i];
        if (!isNewToConversation(recipient, conversation, sender))
            continue;
        const std::string domain = domainForPeople(recipient.domain);
        const bool reply = draft.type == "reply";
        findings.push_back(findingFor(recipientTarget(i),
                                      reply ? "newDomainInReply.reply" : "newDomainInReply.forward",
                                      {{{"domain", domain}}, {}, {}},
                                      domain + " was not part of the conversation you are "
                                          + (reply ? "replying to" : "forwarding")
                                          + ". Check that it should read this mail."));
    }
}

} // namespace sendguard::rules
