#include "engine.h"

#include "address.h"
#include "edits.h"
#include "textnormaliser.h"

#include <unordered_set>
#include <utility>

namespace sendguard {

namespace {

// DESIGN.md, "Policy keys": with no internalDomains, the sender identity's own domain (exactly
// that domain, not its subdomains) is internal. An unreadable sender makes nothing internal,
// which errs towards asking.
PatternList internalPatterns(const Draft &draft, const Policy &policy)
{
    if (!policy.internalDomains.empty())
        return PatternList(policy.internalDomains);
    const auto sender = parseAddressList(draft.from);
    if (!sender || sender.value().size() != 1)
        return PatternList();
    const auto domain = normaliseDomain(sender.value().front().domain);
    if (!domain)
        return PatternList();
    return PatternList(std::vector<std::string>{domain.value().ascii});
}

// Parses, normalises, classifies and de-duplicates the recipients. Thunderbird sends one copy
// to each distinct address whatever field it is in, so an address is kept once: where it first
// appears in To, Cc, Bcc order. An address in both To and Bcc therefore stays in To, the field
// every recipient can see, so the dialog never understates who learns of it.
class RecipientCollector
{
public:
    RecipientCollector(Review &review, RuleContext &context)
        : m_review(review)
        , m_context(context)
    {}

    void addEntries(Field field, const std::vector<std::string> &entries)
    {
        for (const auto &entry : entries)
            addEntry(field, entry);
    }

private:
    void addEntry(Field field, const std::string &entry)
    {
        AddressError addressError;
        const auto mailboxes = parseAddressList(entry, addressError);
        if (!mailboxes) {
            m_context.unreadable.push_back({field, entry, mailboxes.error().message,
                                            syntaxReason(entry), addressError, std::nullopt});
            return;
        }
        for (const auto &mailbox : mailboxes.value()) {
            DomainError domainError;
            auto domain = normaliseDomain(mailbox.domain, domainError);
            if (!domain) {
                m_context.unreadable.push_back({field, entry, domain.error().message,
                                                UnreadableEntry::Reason::BadDomain, std::nullopt,
                                                domainError});
                continue;
            }
            addRecipient(field, mailbox, std::move(domain).value());
        }
    }

    void addRecipient(Field field, const Mailbox &mailbox, NormalisedDomain domain)
    {
        ReviewedRecipient recipient;
        recipient.field = field;
        recipient.displayName = mailbox.displayName;
        recipient.localPart = mailbox.localPart;
        recipient.domain = std::move(domain);
        if (!m_seen.insert(recipient.normalisedAddress()).second)
            return;
        recipient.internal = m_context.internal.matches(recipient.localPart, recipient.domain);
        recipient.trusted = !recipient.internal
                            && m_context.trusted.matches(recipient.localPart, recipient.domain);
        m_review.recipients.push_back(std::move(recipient));
    }

    // The parser's own test for a missing domain (address.cpp, parseAddrSpec), seen from outside:
    // an entry without '@' never reached a domain.
    static UnreadableEntry::Reason syntaxReason(const std::string &entry)
    {
        if (entry.find('@') != std::string::npos)
            return UnreadableEntry::Reason::Syntax;
        return entry.find('<') != std::string::npos ? UnreadableEntry::Reason::MaybeList
                                                    : UnreadableEntry::Reason::NoDomain;
    }

    Review &m_review;
    RuleContext &m_context;
    std::unordered_set<std::string> m_seen;
};

void runRule(const RuleDefinition &rule, const Review &review, const RuleContext &context,
             std::vector<Finding> &findings)
{
    const std::string id(rule.id);
    if (!context.policy.ruleEnabled(id))
        return;
    std::vector<Finding> found;
    rule.check(review, context, found);
    const Severity severity = context.policy.ruleSeverity(id, rule.defaultSeverity);
    for (auto &finding : found) {
        finding.rule = id;
        finding.severity = severity;
        findings.push_back(std::move(finding));
    }
}

} // namespace

const std::string &RuleContext::foldedSubject() const
{
    if (!foldedSubjectCache)
        foldedSubjectCache = foldForMatching(draft.subject);
    return *foldedSubjectCache;
}

const std::string &RuleContext::foldedBody() const
{
    if (!foldedBodyCache)
        foldedBodyCache = foldForMatching(draft.body);
    return *foldedBodyCache;
}

Review reviewDraft(const Draft &draft, const Policy &policy, const HistoryView *history)
{
    RuleContext context{draft,
                        policy,
                        internalPatterns(draft, policy),
                        PatternList(policy.trustedDomains),
                        PatternList(policy.blockedDomains),
                        {},
                        history,
                        {},
                        {}};

    Review review;
    review.subject = draft.subject;
    review.attachments = draft.attachments;
    review.skipWhenInternalOnly = policy.skipWhenInternalOnly;
    review.countdownSeconds = policy.countdownSeconds;

    RecipientCollector collector(review, context);
    collector.addEntries(Field::To, draft.to);
    collector.addEntries(Field::Cc, draft.cc);
    collector.addEntries(Field::Bcc, draft.bcc);
    review.autoBcc = autoBccAdditions(policy.autoBcc, review);

    // Rules read `review` while findings accumulate apart, so no rule sees another's findings.
    std::vector<Finding> findings;
    for (const auto &rule : allRules())
        runRule(rule, review, context, findings);
    if (policy.blockedDomainsIncomplete) {
        // Not a rule that can be turned off: a policy that lost blocks must not pass silently.
        findings.push_back({"policy-problem",
                            Severity::Warn,
                            Target{},
                            "Part of your organisation's list of blocked domains could not be "
                            "read, so mail to a domain meant to be blocked may not be stopped. "
                            "Check this mail's recipients, and tell your administrator.",
                            "policyProblem.blockedDomains",
                            {}});
    }
    review.findings = std::move(findings);
    return review;
}

} // namespace sendguard
