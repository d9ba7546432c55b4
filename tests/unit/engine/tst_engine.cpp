#include "engine/engine.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

namespace sendguard {
namespace {

Draft draftFrom(std::string from, std::vector<std::string> to, std::vector<std::string> cc = {},
                std::vector<std::string> bcc = {})
{
    Draft draft;
    draft.from = std::move(from);
    draft.to = std::move(to);
    draft.cc = std::move(cc);
    draft.bcc = std::move(bcc);
    draft.subject = "Quote for March";
    return draft;
}

std::vector<const Finding *> findingsOf(const Review &review, std::string_view rule)
{
    std::vector<const Finding *> found;
    for (const auto &finding : review.findings) {
        if (finding.rule == rule)
            found.push_back(&finding);
    }
    return found;
}

const ReviewedRecipient *recipientNamed(const Review &review, std::string_view address)
{
    for (const auto &recipient : review.recipients) {
        if (recipient.normalisedAddress() == address)
            return &recipient;
    }
    return nullptr;
}

// --- Classification -------------------------------------------------------------------------

struct ClassifyCase
{
    const char *name;
    std::string from;
    std::vector<std::string> internalDomains;
    std::vector<std::string> trustedDomains;
    std::string recipient;
    bool internal;
    bool trusted;
};

void PrintTo(const ClassifyCase &testCase, std::ostream *out)
{
    *out << testCase.recipient;
}

class RecipientClassification : public ::testing::TestWithParam<ClassifyCase>
{
};

TEST_P(RecipientClassification, IsInternalOrTrustedAsExpected)
{
    const ClassifyCase &testCase = GetParam();
    Policy policy;
    policy.internalDomains = testCase.internalDomains;
    policy.trustedDomains = testCase.trustedDomains;

    const Review review = reviewDraft(draftFrom(testCase.from, {testCase.recipient}), policy);

    ASSERT_EQ(review.recipients.size(), 1u);
    EXPECT_EQ(review.recipients[0].internal, testCase.internal);
    EXPECT_EQ(review.recipients[0].trusted, testCase.trusted);
}

const std::string taro = "Taro Yamada <taro@corp.example>";

const ClassifyCase classifyCases[] = {
    // No internalDomains: the sender's own domain is internal.
    {"SenderDomainIsInternalByDefault", taro, {}, {}, "hanako@corp.example", true, false},
    {"SenderDomainIgnoresCase", taro, {}, {}, "Hanako <HANAKO@Corp.Example.>", true, false},
    {"OtherDomainIsExternalByDefault", taro, {}, {}, "alice@client.example", false, false},
    {"SenderSubdomainIsExternalByDefault", taro, {}, {}, "a@mail.corp.example", false, false},
    {"SenderLookAlikeIsExternal", taro, {}, {}, "a@evilcorp.example", false, false},
    {"SenderDomainAsPrefixIsExternal", taro, {}, {}, "a@corp.example.evil.test", false, false},
    {"UnreadableSenderMakesNothingInternal", "taro", {}, {}, "a@corp.example", false, false},
    {"EmptySenderMakesNothingInternal", "", {}, {}, "a@corp.example", false, false},
    {"IdnSenderDomain", "Jörg <j@bücher.example>", {}, {}, "k@xn--bcher-kva.example", true, false},
    // With internalDomains the sender's domain no longer counts by itself.
    {"PolicyDomainIsInternal", taro, {"corp.example"}, {}, "a@corp.example", true, false},
    {"PolicyReplacesSenderDomain", taro, {"other.example"}, {}, "a@corp.example", false, false},
    {"PolicyWildcard", taro, {"*.corp.example"}, {}, "a@eu.corp.example", true, false},
    {"PolicySingleAddress", taro, {"bob@partner.example"}, {}, "Bob@partner.example", true, false},
    {"PolicySingleAddressNotNeighbour",
     taro,
     {"bob@partner.example"},
     {},
     "eve@partner.example",
     false,
     false},
    {"CommentOnlyPolicyMakesNothingInternal", taro, {"# none"}, {}, "a@corp.example", false, false},
    // Trusted is for external recipients only.
    {"TrustedDomain", taro, {}, {"client.example"}, "alice@client.example", false, true},
    {"TrustedLookAlikeIsNotTrusted",
     taro,
     {},
     {"client.example"},
     "a@myclient.example",
     false,
     false},
    {"InternalIsNeverAlsoTrusted", taro, {}, {"corp.example"}, "a@corp.example", true, false},
};

INSTANTIATE_TEST_SUITE_P(Engine, RecipientClassification, ::testing::ValuesIn(classifyCases),
                         [](const auto &info) { return std::string(info.param.name); });

// --- Preparation ------------------------------------------------------------------------------

TEST(ReviewDraft, KeepsRecipientsInToCcBccOrder)
{
    const Review review = reviewDraft(
        draftFrom(taro, {"a@client.example"}, {"b@client.example"}, {"c@client.example"}), {});

    ASSERT_EQ(review.recipients.size(), 3u);
    EXPECT_EQ(review.recipients[0].field, Field::To);
    EXPECT_EQ(review.recipients[1].field, Field::Cc);
    EXPECT_EQ(review.recipients[2].field, Field::Bcc);
}

TEST(ReviewDraft, DeduplicatesAcrossFieldsKeepingTheFirstField)
{
    const Review review
        = reviewDraft(draftFrom(taro, {"Alice <alice@client.example>"}, {"ALICE@Client.Example."},
                                {"alice@xn--client.example", "alice@client.example"}),
                      {});

    const auto *alice = recipientNamed(review, "alice@client.example");
    ASSERT_NE(alice, nullptr);
    EXPECT_EQ(alice->field, Field::To);
    EXPECT_EQ(alice->displayName, "Alice");
    EXPECT_EQ(std::count_if(
                  review.recipients.begin(), review.recipients.end(),
                  [](const auto &r) { return r.normalisedAddress() == "alice@client.example"; }),
              1);
}

TEST(ReviewDraft, AddressInToAndBccStaysInTo)
{
    const Review review
        = reviewDraft(draftFrom(taro, {"a@client.example"}, {}, {"a@client.example"}), {});

    ASSERT_EQ(review.recipients.size(), 1u);
    EXPECT_EQ(review.recipients[0].field, Field::To);
}

TEST(ReviewDraft, DeduplicatesIdnInBothForms)
{
    const Review review
        = reviewDraft(draftFrom(taro, {"j@bücher.example"}, {"J@XN--BCHER-KVA.example"}), {});

    ASSERT_EQ(review.recipients.size(), 1u);
    EXPECT_EQ(review.recipients[0].domain.ascii, "xn--bcher-kva.example");
    EXPECT_EQ(review.recipients[0].domain.unicode, "bücher.example");
}

TEST(ReviewDraft, ExpandsGroupsAndSeveralMailboxesPerEntry)
{
    const Review review = reviewDraft(
        draftFrom(taro,
                  {"team: a@client.example, b@client.example;", "c@client.example, d@corp.example"},
                  {}, {"undisclosed-recipients:;"}),
        {});

    EXPECT_EQ(review.recipients.size(), 4u);
    EXPECT_TRUE(findingsOf(review, "invalid-address").empty());
}

TEST(ReviewDraft, CopiesSubjectAttachmentsAndSkipSetting)
{
    Draft draft = draftFrom(taro, {"a@corp.example"});
    draft.attachments = {{"quote.pdf", 48213}};
    Policy policy;
    policy.skipWhenInternalOnly = false;

    const Review review = reviewDraft(draft, policy);

    EXPECT_EQ(review.subject, "Quote for March");
    ASSERT_EQ(review.attachments.size(), 1u);
    EXPECT_EQ(review.attachments[0].name, "quote.pdf");
    EXPECT_FALSE(review.skipWhenInternalOnly);
}

TEST(ReviewDraft, ScalesToManyRecipients)
{
    std::vector<std::string> to;
    for (int i = 0; i < 20000; ++i)
        to.push_back("Person " + std::to_string(i) + " <p" + std::to_string(i % 10000)
                     + "@client.example>");

    const Review review = reviewDraft(draftFrom(taro, to), {});

    EXPECT_EQ(review.recipients.size(), 10000u);
    EXPECT_EQ(findingsOf(review, "external-recipient").size(), 10000u);
}

// --- invalid-address --------------------------------------------------------------------------

struct InvalidEntryCase
{
    const char *name;
    std::string entry;
    std::string kind;
    std::string messagePart;
};

void PrintTo(const InvalidEntryCase &testCase, std::ostream *out)
{
    *out << testCase.entry;
}

class InvalidAddressRule : public ::testing::TestWithParam<InvalidEntryCase>
{
};

TEST_P(InvalidAddressRule, BlocksTheEntryNamingTheProblem)
{
    const InvalidEntryCase &testCase = GetParam();

    const Review review = reviewDraft(draftFrom(taro, {}, {testCase.entry}), {});

    const auto found = findingsOf(review, "invalid-address");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0]->severity, Severity::Block);
    EXPECT_EQ(found[0]->target.kind, Target::Kind::Entry);
    EXPECT_EQ(found[0]->target.text, testCase.entry);
    EXPECT_EQ(found[0]->kind, testCase.kind);
    EXPECT_EQ(found[0]->args.text.at("field"), "Cc");
    EXPECT_EQ(found[0]->args.text.at("entry"), testCase.entry);
    EXPECT_EQ(found[0]->message.rfind("\u201c" + testCase.entry + "\u201d in Cc ", 0), 0u)
        << found[0]->message;
    EXPECT_NE(found[0]->message.find(testCase.messagePart), std::string::npos) << found[0]->message;
    EXPECT_TRUE(review.blocked());
}

const InvalidEntryCase invalidEntryCases[] = {
    {"BareLocalPart", "bob", "invalidAddress.noDomain", "has no @domain, so it is not an email"},
    {"UnexpandedList", "sales team <sales team>", "invalidAddress.maybeList",
     "it may be an address-book list"},
    // The parser's own words follow in parentheses, in English, for logs and --json.
    {"BadDomain", "a@corp..example", "invalidAddress.syntax", "(the domain has two dots"},
    {"DomainUts46Rejects", "a@my_corp.example", "invalidAddress.badDomain",
     "not allowed in domain names"},
    {"AddressLiteral", "a@[192.0.2.1]", "invalidAddress.badDomain", "address literals"},
    {"MissingAngle", "Alice <a@client.example", "invalidAddress.syntax", "'>'"},
};

INSTANTIATE_TEST_SUITE_P(Engine, InvalidAddressRule, ::testing::ValuesIn(invalidEntryCases),
                         [](const auto &info) { return std::string(info.param.name); });

TEST(InvalidAddressRule, KeepsTheReadableMailboxesOfAnEntry)
{
    const Review review
        = reviewDraft(draftFrom(taro, {"a@client.example, b@bad_domain.example"}), {});

    EXPECT_EQ(review.recipients.size(), 1u);
    EXPECT_EQ(findingsOf(review, "invalid-address").size(), 1u);
}

TEST(InvalidAddressRule, StaysSilentForValidEntries)
{
    const Review review = reviewDraft(
        draftFrom(taro, {"\"Example, Alice\" <alice@client.example>", "undisclosed-recipients:;"}),
        {});

    EXPECT_TRUE(findingsOf(review, "invalid-address").empty());
    EXPECT_FALSE(review.blocked());
}

// --- external-recipient -----------------------------------------------------------------------

TEST(ExternalRecipientRule, FindsEachExternalRecipientWithItsDomain)
{
    const Review review = reviewDraft(
        draftFrom(taro, {"alice@client.example", "hanako@corp.example"}, {"j@bücher.example"}), {});

    const auto found = findingsOf(review, "external-recipient");
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0]->severity, Severity::Confirm);
    EXPECT_EQ(found[0]->target.kind, Target::Kind::Recipient);
    EXPECT_EQ(review.recipients[found[0]->target.index].normalisedAddress(),
              "alice@client.example");
    EXPECT_EQ(found[0]->kind, "externalRecipient");
    EXPECT_EQ(found[0]->args.text.at("domain"), "client.example");
    EXPECT_EQ(found[0]->message, "client.example is outside your organisation.");
    EXPECT_EQ(found[1]->args.text.at("domain"), "bücher.example (xn--bcher-kva.example)");
    EXPECT_EQ(found[1]->message,
              "bücher.example (xn--bcher-kva.example) is outside your organisation.");
}

struct SilentCase
{
    const char *name;
    std::vector<std::string> to;
    std::vector<std::string> internalDomains;
    std::vector<std::string> trustedDomains;
};

void PrintTo(const SilentCase &testCase, std::ostream *out)
{
    *out << testCase.name;
}

class ExternalRecipientRuleSilent : public ::testing::TestWithParam<SilentCase>
{
};

TEST_P(ExternalRecipientRuleSilent, ForInternalOrTrustedRecipients)
{
    const SilentCase &testCase = GetParam();
    Policy policy;
    policy.internalDomains = testCase.internalDomains;
    policy.trustedDomains = testCase.trustedDomains;

    const Review review = reviewDraft(draftFrom(taro, testCase.to), policy);

    EXPECT_TRUE(review.findings.empty());
    EXPECT_FALSE(review.needsDialog());
}

const SilentCase silentCases[] = {
    {"NoRecipients", {}, {}, {}},
    {"OnlyEmptyGroup", {"undisclosed-recipients:;"}, {}, {}},
    {"SenderDomainOnly", {"hanako@corp.example", "Jiro <JIRO@CORP.EXAMPLE>"}, {}, {}},
    {"PolicySubdomains", {"a@eu.corp.example", "b@us.corp.example"}, {"*.corp.example"}, {}},
    {"TrustedPartner", {"alice@client.example"}, {}, {"client.example"}},
    {"TrustedSingleAddress", {"alice@client.example"}, {}, {"alice@client.example"}},
    {"TrustedIdnInOtherForm", {"j@bücher.example"}, {}, {"xn--bcher-kva.example"}},
};

INSTANTIATE_TEST_SUITE_P(Engine, ExternalRecipientRuleSilent, ::testing::ValuesIn(silentCases),
                         [](const auto &info) { return std::string(info.param.name); });

// --- attachment -------------------------------------------------------------------------------

TEST(AttachmentRule, FindsEachAttachmentEvenForInternalMail)
{
    Draft draft = draftFrom(taro, {"hanako@corp.example"});
    draft.attachments = {{"quote.pdf", 48213}, {"prices.xlsx", -1}};

    const Review review = reviewDraft(draft, {});

    const auto found = findingsOf(review, "attachment");
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[1]->target.kind, Target::Kind::Attachment);
    EXPECT_EQ(found[1]->target.index, 1u);
    EXPECT_EQ(found[1]->kind, "attachment");
    EXPECT_EQ(found[1]->args.text.at("name"), "prices.xlsx");
    EXPECT_NE(found[1]->message.find("\u201cprices.xlsx\u201d"), std::string::npos);
    EXPECT_TRUE(review.needsDialog());
}

TEST(AttachmentRule, StaysSilentWithoutAttachments)
{
    const Review review = reviewDraft(draftFrom(taro, {"alice@client.example"}), {});

    EXPECT_TRUE(findingsOf(review, "attachment").empty());
}

// --- blocked-domain ---------------------------------------------------------------------------

TEST(BlockedDomainRule, BlocksMatchingRecipientsSayingWhy)
{
    Policy policy;
    policy.blockedDomains = {"*.rival.example", "leak.example"};

    const Review review = reviewDraft(
        draftFrom(taro, {"a@client.example", "b@hq.rival.example"}, {}, {"c@LEAK.example"}),
        policy);

    const auto found = findingsOf(review, "blocked-domain");
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0]->severity, Severity::Block);
    EXPECT_EQ(review.recipients[found[0]->target.index].domain.ascii, "hq.rival.example");
    EXPECT_EQ(found[0]->kind, "blockedDomain");
    EXPECT_EQ(found[0]->message, "Your organisation does not allow mail to hq.rival.example. "
                                 "Remove this recipient to send the mail.");
    EXPECT_TRUE(review.blocked());
}

TEST(BlockedDomainRule, UnreadableBlockListWarnsInsteadOfPassingSilently)
{
    Policy policy;
    policy.trustedDomains = {"client.example"};
    const Draft draft = draftFrom(taro, {"a@client.example"});
    EXPECT_TRUE(findingsOf(reviewDraft(draft, policy), "policy-problem").empty());

    policy.blockedDomainsIncomplete = true;
    policy.rules["policy-problem"].enabled = false; // not a rule: cannot be turned off
    const Review review = reviewDraft(draft, policy);
    const auto found = findingsOf(review, "policy-problem");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0]->severity, Severity::Warn);
    EXPECT_EQ(found[0]->kind, "policyProblem.blockedDomains");
    EXPECT_NE(found[0]->message.find("list of blocked domains"), std::string::npos);
    EXPECT_TRUE(review.needsDialog());
}

TEST(BlockedDomainRule, BlocksAnAutoBccAddressInABlockedDomain)
{
    Policy policy;
    policy.blockedDomains = {"competitor.example"};
    policy.autoBcc = {"spy@competitor.example", "archive@corp.example"};

    const Review review = reviewDraft(draftFrom(taro, {"a@client.example"}), policy);
    const auto found = findingsOf(review, "blocked-domain");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0]->severity, Severity::Block);
    EXPECT_NE(found[0]->message.find("spy@competitor.example"), std::string::npos);
    EXPECT_TRUE(review.blocked());

    policy.autoBcc = {"archive@corp.example"};
    EXPECT_FALSE(reviewDraft(draftFrom(taro, {"a@client.example"}), policy).blocked());
}

TEST(BlockedDomainRule, AppliesEvenToTrustedAndInternalRecipients)
{
    Policy policy;
    policy.trustedDomains = {"client.example"};
    policy.blockedDomains = {"client.example", "corp.example"};

    const Review review
        = reviewDraft(draftFrom(taro, {"a@client.example", "b@corp.example"}), policy);

    EXPECT_EQ(findingsOf(review, "blocked-domain").size(), 2u);
}

struct BlockedSilentCase
{
    const char *name;
    std::vector<std::string> blocked;
    std::string recipient;
};

void PrintTo(const BlockedSilentCase &testCase, std::ostream *out)
{
    *out << testCase.recipient;
}

class BlockedDomainRuleSilent : public ::testing::TestWithParam<BlockedSilentCase>
{
};

TEST_P(BlockedDomainRuleSilent, ForRecipientsOutsideThePatterns)
{
    const BlockedSilentCase &testCase = GetParam();
    Policy policy;
    policy.blockedDomains = testCase.blocked;

    const Review review = reviewDraft(draftFrom(taro, {testCase.recipient}), policy);

    EXPECT_TRUE(findingsOf(review, "blocked-domain").empty());
    EXPECT_FALSE(review.blocked());
}

const BlockedSilentCase blockedSilentCases[] = {
    {"NoBlockedList", {}, "a@rival.example"},
    {"CommentOnlyList", {"# none yet"}, "a@rival.example"},
    {"LookAlikeSuffix", {"rival.example"}, "a@notrival.example"},
    {"LookAlikePrefix", {"rival.example"}, "a@rival.example.client.test"},
    {"WildcardSparesTheParent", {"*.rival.example"}, "a@rival.example"},
    {"OtherAddressInBlockedDomain", {"spy@rival.example"}, "boss@rival.example"},
};

INSTANTIATE_TEST_SUITE_P(Engine, BlockedDomainRuleSilent, ::testing::ValuesIn(blockedSilentCases),
                         [](const auto &info) { return std::string(info.param.name); });

// --- Policy over rules ------------------------------------------------------------------------

struct PolicyRuleCase
{
    const char *name;
    std::string rule;
    RuleSetting setting;
    std::size_t expectedCount;
    Severity expectedSeverity;
};

void PrintTo(const PolicyRuleCase &testCase, std::ostream *out)
{
    *out << testCase.rule;
}

class RulePolicy : public ::testing::TestWithParam<PolicyRuleCase>
{
};

TEST_P(RulePolicy, SwitchesAndReSeveritiesTheRule)
{
    const PolicyRuleCase &testCase = GetParam();
    Draft draft = draftFrom(taro, {"a@client.example", "bob", "c@rival.example"});
    draft.attachments = {{"quote.pdf", 1}};
    Policy policy;
    policy.blockedDomains = {"rival.example"};
    policy.rules[testCase.rule] = testCase.setting;

    const Review review = reviewDraft(draft, policy);

    const auto found = findingsOf(review, testCase.rule);
    ASSERT_EQ(found.size(), testCase.expectedCount);
    for (const auto *finding : found)
        EXPECT_EQ(finding->severity, testCase.expectedSeverity);
}

const PolicyRuleCase policyRuleCases[] = {
    {"ExternalRecipientOff", "external-recipient", {false, {}}, 0, Severity::Confirm},
    {"ExternalRecipientWarn", "external-recipient", {true, Severity::Warn}, 2, Severity::Warn},
    {"ExternalRecipientDefault", "external-recipient", {true, {}}, 2, Severity::Confirm},
    {"AttachmentOff", "attachment", {false, {}}, 0, Severity::Confirm},
    {"AttachmentInfo", "attachment", {true, Severity::Info}, 1, Severity::Info},
    {"InvalidAddressOff", "invalid-address", {false, {}}, 0, Severity::Block},
    {"InvalidAddressWarn", "invalid-address", {true, Severity::Warn}, 1, Severity::Warn},
    {"BlockedDomainOff", "blocked-domain", {false, {}}, 0, Severity::Block},
    {"BlockedDomainConfirm", "blocked-domain", {true, Severity::Confirm}, 1, Severity::Confirm},
};

INSTANTIATE_TEST_SUITE_P(Engine, RulePolicy, ::testing::ValuesIn(policyRuleCases),
                         [](const auto &info) { return std::string(info.param.name); });

TEST(RulePolicy, UnknownRuleIdChangesNothing)
{
    Policy policy;
    policy.rules["no-such-rule"] = RuleSetting{false, Severity::Info};

    const Review review = reviewDraft(draftFrom(taro, {"a@client.example"}), policy);

    EXPECT_EQ(findingsOf(review, "external-recipient").size(), 1u);
}

TEST(RulePolicy, InvalidAddressDowngradedNoLongerBlocks)
{
    Policy policy;
    policy.rules["invalid-address"] = RuleSetting{true, Severity::Confirm};

    const Review review = reviewDraft(draftFrom(taro, {"bob"}), policy);

    EXPECT_FALSE(review.blocked());
    EXPECT_TRUE(review.needsConfirmation());
}

TEST(AllRules, ListsTheV1RulesWithTheirDefaults)
{
    std::vector<std::pair<std::string, Severity>> rules;
    for (const auto &rule : allRules())
        rules.emplace_back(std::string(rule.id), rule.defaultSeverity);

    // Later rules join the table after these; each rule's own tests check its default.
    const std::vector<std::pair<std::string, Severity>> expected{
        {"invalid-address", Severity::Block},
        {"blocked-domain", Severity::Block},
        {"external-recipient", Severity::Confirm},
        {"attachment", Severity::Confirm},
    };
    ASSERT_GE(rules.size(), expected.size());
    EXPECT_EQ(std::vector(rules.begin(), rules.begin() + expected.size()), expected);
}

TEST(ReviewDraft, FindingsFollowRuleOrder)
{
    Draft draft = draftFrom(taro, {"a@client.example", "bob"});
    draft.attachments = {{"quote.pdf", 1}};

    const Review review = reviewDraft(draft, {});

    ASSERT_EQ(review.findings.size(), 3u);
    EXPECT_EQ(review.findings[0].rule, "invalid-address");
    EXPECT_EQ(review.findings[1].rule, "external-recipient");
    EXPECT_EQ(review.findings[2].rule, "attachment");
}

} // namespace
} // namespace sendguard
