#include "engine.h"

namespace sendguard {

namespace {

// Rules fill in the target and the message; the engine stamps the rule id and the severity the
// policy sets (engine.cpp, runRule).
Finding findingFor(Target target, std::string message)
{
    Finding finding;
    finding.target = std::move(target);
    finding.message = std::move(message);
    return finding;
}

Target recipientTarget(std::size_t index)
{
    return Target{Target::Kind::Recipient, index, {}};
}

// "bücher.example (xn--bcher-kva.example)": both forms when they differ, so a look-alike
// Unicode name cannot hide its real spelling.
std::string domainForPeople(const NormalisedDomain &domain)
{
    if (!domain.isIdn())
        return domain.ascii;
    return domain.unicode + " (" + domain.ascii + ")";
}

bool isExternalUntrusted(const ReviewedRecipient &recipient)
{
    return !recipient.internal && !recipient.trusted;
}

// `invalid-address`: every entry the engine could not read. Sending it would fail or go
// somewhere unintended, so by default it blocks.
void checkInvalidAddresses(const Review &, const RuleContext &context,
                           std::vector<Finding> &findings)
{
    for (const auto &entry : context.unreadable)
        findings.push_back(findingFor(Target{Target::Kind::Entry, 0, entry.text}, entry.problem));
}

// `blocked-domain`: recipients matching the policy's blockedDomains.
void checkBlockedDomains(const Review &review, const RuleContext &context,
                         std::vector<Finding> &findings)
{
    for (std::size_t i = 0; i < review.recipients.size(); ++i) {
        const auto &recipient = review.recipients[i];
        if (!context.blocked.matches(recipient.localPart, recipient.domain))
            continue;
        findings.push_back(
            findingFor(recipientTarget(i),
                       "mail to " + domainForPeople(recipient.domain) + " is blocked by policy"));
    }
}

// `external-recipient`: every recipient outside the organisation that is not trusted.
void checkExternalRecipients(const Review &review, const RuleContext &,
                             std::vector<Finding> &findings)
{
    for (std::size_t i = 0; i < review.recipients.size(); ++i) {
        const auto &recipient = review.recipients[i];
        if (!isExternalUntrusted(recipient))
            continue;
        findings.push_back(
            findingFor(recipientTarget(i),
                       "outside your organisation (" + domainForPeople(recipient.domain) + ")"));
    }
}

// `attachment`: every attached file needs its own tick.
void checkAttachments(const Review &review, const RuleContext &, std::vector<Finding> &findings)
{
    for (std::size_t i = 0; i < review.attachments.size(); ++i) {
        findings.push_back(findingFor(Target{Target::Kind::Attachment, i, {}},
                                      "attached file \"" + review.attachments[i].name + "\""));
    }
}

} // namespace

const std::vector<RuleDefinition> &allRules()
{
    static const std::vector<RuleDefinition> rules{
        {"invalid-address", Severity::Block, checkInvalidAddresses},
        {"blocked-domain", Severity::Block, checkBlockedDomains},
        {"external-recipient", Severity::Confirm, checkExternalRecipients},
        {"attachment", Severity::Confirm, checkAttachments},
    };
    return rules;
}

} // namespace sendguard
