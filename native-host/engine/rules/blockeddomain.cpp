#include "rulesupport.h"

#include "../address.h"

namespace sendguard::rules {

namespace {

void checkBlockedAutoBcc(const Review &review, const RuleContext &context,
                         std::vector<Finding> &findings)
{
    for (const std::string &entry : review.autoBcc) {
        const auto mailboxes = parseAddressList(entry);
        if (!mailboxes)
            continue; // autoBccAdditions keeps only readable entries
        for (const Mailbox &mailbox : mailboxes.value()) {
            const auto domain = normaliseDomain(mailbox.domain);
            if (!domain || !context.blocked.matches(mailbox.localPart, domain.value()))
                continue;
            const std::string blocked = domainForPeople(domain.value());
            findings.push_back(findingFor(
                Target{}, "blockedDomain.autoBcc",
                {{{"address", entry}, {"domain", blocked}}, {}, {}},
                "Your organisation's policy adds " + entry + " as Bcc, but it also does not allow "
                    + "mail to " + blocked + ". Ask your administrator to correct the policy."));
        }
    }
}

} // namespace

// `blocked-domain`: recipients matching the policy's blockedDomains, in any field.
void checkBlockedDomains(const Review &review, const RuleContext &context,
                         std::vector<Finding> &findings)
{
    // The policy's own autoBcc addresses join the mail as well: a blocked one must stop it.
    checkBlockedAutoBcc(review, context, findings);
    for (std::size_t i = 0; i < review.recipients.size(); ++i) {
        const auto &recipient = review.recipients[i];
        if (!context.blocked.matches(recipient.localPart, recipient.domain))
            continue;
        const std::string domain = domainForPeople(recipient.domain);
        findings.push_back(findingFor(recipientTarget(i), "blockedDomain",
                                      {{{"domain", domain}}, {}, {}},
                                      "Your organisation does not allow mail to " + domain
                                          + ". Remove this recipient to send the mail."));
    }
}

} // namespace sendguard::rules
