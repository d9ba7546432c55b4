// Table tests for the policy-list and audience rules (`attention-domain`,
// `attention-attachment`, `cc-exposure`, `large-audience`), auto-Bcc and the recipient edits.

#include "engine/edits.h"
#include "engine/engine.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

namespace sendguard {
namespace {

const std::string taro = "Taro Yamada <taro@corp.example>";

Draft draftTo(std::vector<std::string> to, std::vector<std::string> cc = {},
              std::vector<std::string> bcc = {})
{
    Draft draft;
    draft.from = taro;
    draft.to = std::move(to);
    draft.cc = std::move(cc);
    draft.bcc = std::move(bcc);
    draft.subject = "Quarterly figures";
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

std::vector<std::string> targetAddresses(const Review &review, std::string_view rule)
{
    std::vector<std::string> addresses;
    for (const Finding *finding : findingsOf(review, rule)) {
        if (finding->target.kind == Target::Kind::Recipient
            && finding->target.index < review.recipients.size())
            addresses.push_back(review.recipients[finding->target.index].normalisedAddress());
    }
    return addresses;
}

std::vector<std::string> targetFileNames(const Review &review, std::string_view rule)
{
    std::vector<std::string> names;
    for (const Finding *finding : findingsOf(review, rule)) {
        if (finding->target.kind == Target::Kind::Attachment
            && finding->target.index < review.attachments.size())
            names.push_back(review.attachments[finding->target.index].name);
    }
    return names;
}

// --- attention-domain -------------------------------------------------------------------------

struct AttentionDomainCase
{
    const char *name;
    std::vector<std::string> attentionDomains;
    std::vector<std::string> to;
    std::vector<std::string> cc;
    std::vector<std::string> bcc;
    std::vector<std::string> expected; // the addresses the rule points at, in order
};

void PrintTo(const AttentionDomainCase &testCase, std::ostream *out)
{
    *out << testCase.name;
}

class AttentionDomainRule : public ::testing::TestWithParam<AttentionDomainCase>
{
};

TEST_P(AttentionDomainRule, PointsAtEachMatchingRecipient)
{
    const AttentionDomainCase &testCase = GetParam();
    Policy policy;
    policy.attentionDomains = testCase.attentionDomains;

    const Review review = reviewDraft(draftTo(testCase.to, testCase.cc, testCase.bcc), policy);

    EXPECT_EQ(targetAddresses(review, "attention-domain"), testCase.expected);
    for (const Finding *finding : findingsOf(review, "attention-domain")) {
        EXPECT_EQ(finding->severity, Severity::Warn);
        EXPECT_NE(finding->message.find("attention list"), std::string::npos);
    }
}

const AttentionDomainCase attentionDomainCases[] = {
    // Firing.
    {"DomainInTo", {"rival.example"}, {"a@rival.example"}, {}, {}, {"a@rival.example"}},
    {"DomainInCc",
     {"rival.example"},
     {"x@client.example"},
     {"b@Rival.Example"},
     {},
     {"b@rival.example"}},
    {"DomainInBcc", {"rival.example"}, {}, {}, {"c@rival.example"}, {"c@rival.example"}},
    {"SubdomainWildcard",
     {"*.rival.example"},
     {"a@eu.rival.example"},
     {},
     {},
     {"a@eu.rival.example"}},
    {"SingleAddress",
     {"ceo@client.example"},
     {"CEO@client.example", "pa@client.example"},
     {},
     {},
     {"ceo@client.example"}},
    {"InternalAddressOnTheList",
     {"auditor@corp.example"},
     {"auditor@corp.example"},
     {},
     {},
     {"auditor@corp.example"}},
    {"IdnPatternMatchesPunycode",
     {"bücher.example"},
     {"j@xn--bcher-kva.example"},
     {},
     {},
     {"j@xn--bcher-kva.example"}},
    {"DuplicateCountedOnce",
     {"rival.example"},
     {"a@rival.example"},
     {},
     {"A@rival.example"},
     {"a@rival.example"}},
    {"CommentsBesideRealEntries",
     {"# competitors", "rival.example", " "},
     {"a@rival.example"},
     {},
     {},
     {"a@rival.example"}},
    // Silent.
    {"NoList", {}, {"a@rival.example"}, {}, {}, {}},
    {"CommentOnlyList", {"# none yet"}, {"a@rival.example"}, {}, {}, {}},
    {"BlankOnlyList", {"", "   "}, {"a@rival.example"}, {}, {}, {}},
    {"OtherDomain", {"rival.example"}, {"a@client.example"}, {}, {}, {}},
    {"LookAlikeSuffix", {"rival.example"}, {"a@notrival.example"}, {}, {}, {}},
    {"WildcardSparesTheParent", {"*.rival.example"}, {"a@rival.example"}, {}, {}, {}},
    {"OtherAddressInTheDomain", {"ceo@client.example"}, {"pa@client.example"}, {}, {}, {}},
    {"NoRecipients", {"rival.example"}, {}, {}, {}, {}},
    {"UnparsablePatternOnly", {"*"}, {"a@rival.example"}, {}, {}, {}},
};

INSTANTIATE_TEST_SUITE_P(Audience, AttentionDomainRule, ::testing::ValuesIn(attentionDomainCases),
                         [](const auto &info) { return std::string(info.param.name); });

// --- attention-attachment ---------------------------------------------------------------------

struct AttentionAttachmentCase
{
    const char *name;
    std::vector<std::string> suffixes;
    std::vector<std::string> fileNames;
    std::vector<std::string> to;
    std::vector<std::string> expected; // the file names the rule points at, in order
};

void PrintTo(const AttentionAttachmentCase &testCase, std::ostream *out)
{
    *out << testCase.name;
}

class AttentionAttachmentRule : public ::testing::TestWithParam<AttentionAttachmentCase>
{
};

TEST_P(AttentionAttachmentRule, PointsAtEachFileWithAListedEnding)
{
    const AttentionAttachmentCase &testCase = GetParam();
    Draft draft = draftTo(testCase.to);
    for (const std::string &name : testCase.fileNames)
        draft.attachments.push_back({name, 1024});
    Policy policy;
    policy.attentionAttachmentSuffixes = testCase.suffixes;

    const Review review = reviewDraft(draft, policy);

    EXPECT_EQ(targetFileNames(review, "attention-attachment"), testCase.expected);
    for (const Finding *finding : findingsOf(review, "attention-attachment"))
        EXPECT_EQ(finding->severity, Severity::Warn);
}

const std::vector<std::string> client{"Alice <alice@client.example>"};
const std::vector<std::string> colleague{"hanako@corp.example"};

const AttentionAttachmentCase attentionAttachmentCases[] = {
    // Firing.
    {"LeadingDot", {".xlsx"}, {"prices.xlsx"}, client, {"prices.xlsx"}},
    {"NoLeadingDot", {"xlsx"}, {"prices.xlsx"}, client, {"prices.xlsx"}},
    {"NameInUpperCase", {"xlsx"}, {"PRICES.XLSX"}, client, {"PRICES.XLSX"}},
    {"SuffixInUpperCase", {".XLSX"}, {"prices.xlsx"}, client, {"prices.xlsx"}},
    {"SpacesAroundEntry", {"  .csv "}, {"customers.csv"}, client, {"customers.csv"}},
    {"TwoPartEnding", {"tar.gz"}, {"backup.tar.gz"}, client, {"backup.tar.gz"}},
    {"TrailingDotHidesNothing", {"xlsx"}, {"prices.xlsx."}, client, {"prices.xlsx."}},
    {"TrailingSpaceHidesNothing", {"exe"}, {"invoice.pdf.exe  "}, client, {"invoice.pdf.exe  "}},
    {"OnlyTheListedOnes",
     {"xlsx", "csv"},
     {"a.pdf", "b.csv", "c.xlsx"},
     client,
     {"b.csv", "c.xlsx"}},
    {"ExternalInBccOnly", {"xlsx"}, {"prices.xlsx"}, {}, {}},
    // Silent.
    {"InternalOnly", {"xlsx"}, {"prices.xlsx"}, colleague, {}},
    {"EndingInTheMiddle", {"xlsx"}, {"report.xlsx.pdf"}, client, {}},
    {"EndingWithoutDot", {"xlsx"}, {"notxlsx"}, client, {}},
    {"LongerEnding", {"xls"}, {"prices.xlsx"}, client, {}},
    {"EmptyList", {}, {"prices.xlsx"}, client, {}},
    {"CommentOnlyList", {"# .xlsx"}, {"prices.xlsx"}, client, {}},
    {"BlankAndDotOnlyEntries", {"", " ", "."}, {"prices.xlsx", "notes"}, client, {}},
    {"NoAttachments", {"xlsx"}, {}, client, {}},
};

INSTANTIATE_TEST_SUITE_P(Audience, AttentionAttachmentRule,
                         ::testing::ValuesIn(attentionAttachmentCases),
                         [](const auto &info) { return std::string(info.param.name); });

TEST(AttentionAttachmentRule, FiresWhenTheOnlyExternalRecipientIsInBcc)
{
    Draft draft = draftTo(colleague, {}, {"alice@client.example"});
    draft.attachments = {{"prices.xlsx", 2048}};
    Policy policy;
    policy.attentionAttachmentSuffixes = {"xlsx"};

    const Review review = reviewDraft(draft, policy);

    EXPECT_EQ(targetFileNames(review, "attention-attachment"),
              std::vector<std::string>{"prices.xlsx"});
}

TEST(AttentionAttachmentRule, FiresForTrustedExternalRecipients)
{
    Draft draft = draftTo(client);
    draft.attachments = {{"prices.xlsx", 2048}};
    Policy policy;
    policy.trustedDomains = {"client.example"};
    policy.attentionAttachmentSuffixes = {"xlsx"};

    const Review review = reviewDraft(draft, policy);

    ASSERT_EQ(findingsOf(review, "attention-attachment").size(), 1u);
    EXPECT_NE(findingsOf(review, "attention-attachment")[0]->message.find(".xlsx"),
              std::string::npos);
}

// --- cc-exposure ------------------------------------------------------------------------------

struct CcExposureCase
{
    const char *name;
    int threshold;
    std::vector<std::string> to;
    std::vector<std::string> cc;
    std::vector<std::string> bcc;
    std::vector<std::string> trusted;
    bool fires;
};

void PrintTo(const CcExposureCase &testCase, std::ostream *out)
{
    *out << testCase.name;
}

class CcExposureRule : public ::testing::TestWithParam<CcExposureCase>
{
};

TEST_P(CcExposureRule, FiresFromTheThresholdOfVisibleOutsideDomains)
{
    const CcExposureCase &testCase = GetParam();
    Policy policy;
    policy.ccExposureDomains = testCase.threshold;
    policy.trustedDomains = testCase.trusted;

    const Review review = reviewDraft(draftTo(testCase.to, testCase.cc, testCase.bcc), policy);

    const auto found = findingsOf(review, "cc-exposure");
    ASSERT_EQ(found.size(), testCase.fires ? 1u : 0u);
    if (testCase.fires) {
        EXPECT_EQ(found[0]->severity, Severity::Warn);
        EXPECT_EQ(found[0]->target.kind, Target::Kind::Draft);
    }
}

const CcExposureCase ccExposureCases[] = {
    // Firing.
    {"ThreeCompaniesInTo",
     3,
     {"a@one.example", "b@two.example", "c@three.example"},
     {},
     {},
     {},
     true},
    {"SpreadOverToAndCc", 3, {"a@one.example"}, {"b@two.example", "c@three.example"}, {}, {}, true},
    {"TrustedPartnerStillCounts",
     3,
     {"a@one.example", "b@two.example"},
     {"c@partner.example"},
     {},
     {"partner.example"},
     true},
    {"LowerThreshold", 2, {"a@one.example", "b@two.example"}, {}, {}, {}, true},
    {"ManyCompanies",
     3,
     {"a@1.example", "b@2.example", "c@3.example", "d@4.example", "e@5.example", "f@6.example"},
     {},
     {},
     {},
     true},
    // Silent.
    {"TwoCompanies", 3, {"a@one.example", "b@two.example"}, {"c@two.example"}, {}, {}, false},
    {"ManyPeopleOneCompany",
     3,
     {"a@one.example", "b@one.example", "c@ONE.example"},
     {"d@one.example"},
     {},
     {},
     false},
    {"ThirdCompanyInBcc",
     3,
     {"a@one.example", "b@two.example"},
     {},
     {"c@three.example"},
     {},
     false},
    {"AllInBcc", 3, {}, {}, {"a@one.example", "b@two.example", "c@three.example"}, {}, false},
    {"InternalDoNotCount",
     3,
     {"a@one.example", "b@two.example"},
     {"hanako@corp.example"},
     {},
     {},
     false},
    {"HigherThreshold",
     4,
     {"a@one.example", "b@two.example", "c@three.example"},
     {},
     {},
     {},
     false},
    {"SameDomainInBothForms",
     3,
     {"a@bücher.example", "b@xn--bcher-kva.example", "c@two.example"},
     {},
     {},
     {},
     false},
};

INSTANTIATE_TEST_SUITE_P(Audience, CcExposureRule, ::testing::ValuesIn(ccExposureCases),
                         [](const auto &info) { return std::string(info.param.name); });

TEST(CcExposureRule, NamesTheCountAndTheDomains)
{
    const Review review = reviewDraft(
        draftTo({"a@one.example", "b@two.example"},
                {"c@three.example", "d@four.example", "e@five.example", "f@six.example"}),
        {});

    const auto found = findingsOf(review, "cc-exposure");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0]->kind, "ccExposure");
    EXPECT_EQ(found[0]->args.counts.at("organisations"), 6);
    EXPECT_EQ(found[0]->args.counts.at("moreDomains"), 2);
    EXPECT_EQ(
        found[0]->args.lists.at("domains"),
        (std::vector<std::string>{"one.example", "two.example", "three.example", "four.example"}));
    EXPECT_EQ(found[0]->message,
              "People at 6 outside organisations (one.example, two.example, three.example, "
              "four.example and 2 more) will see each other's addresses in To and Cc. If they "
              "should not, move them to Bcc.");
}

// --- large-audience ---------------------------------------------------------------------------

std::vector<std::string> customers(int count, const std::string &domain = "customer.example")
{
    std::vector<std::string> addresses;
    for (int i = 0; i < count; ++i)
        addresses.push_back("Customer " + std::to_string(i) + " <c" + std::to_string(i) + "@"
                            + domain + ">");
    return addresses;
}

struct LargeAudienceCase
{
    const char *name;
    int threshold;
    std::vector<std::string> to;
    std::vector<std::string> bcc;
    bool fires;
};

void PrintTo(const LargeAudienceCase &testCase, std::ostream *out)
{
    *out << testCase.name;
}

class LargeAudienceRule : public ::testing::TestWithParam<LargeAudienceCase>
{
};

TEST_P(LargeAudienceRule, FiresFromTheThresholdOfDistinctRecipients)
{
    const LargeAudienceCase &testCase = GetParam();
    Policy policy;
    policy.largeAudience = testCase.threshold;

    const Review review = reviewDraft(draftTo(testCase.to, {}, testCase.bcc), policy);

    const auto found = findingsOf(review, "large-audience");
    ASSERT_EQ(found.size(), testCase.fires ? 1u : 0u);
    if (testCase.fires) {
        EXPECT_EQ(found[0]->severity, Severity::Warn);
        EXPECT_EQ(found[0]->target.kind, Target::Kind::Draft);
    }
}

const LargeAudienceCase largeAudienceCases[] = {
    // Firing.
    {"ExactlyTheDefault", 25, customers(25), {}, true},
    {"ThreeHundredInBcc", 25, {}, customers(300), true},
    {"InternalCountToo", 3, {"a@corp.example", "b@corp.example", "c@corp.example"}, {}, true},
    {"SpreadOverFields", 4, customers(2), {"x@other.example", "y@other.example"}, true},
    // Silent.
    {"OneBelowTheDefault", 25, customers(24), {}, false},
    {"DuplicatesCountOnce", 25, customers(20), customers(20), false},
    {"SameAddressInOtherCase",
     3,
     {"a@client.example", "A@CLIENT.example"},
     {"b@client.example"},
     false},
    {"EmptyGroupCountsNobody", 2, {"undisclosed-recipients:;"}, {"b@client.example"}, false},
};

INSTANTIATE_TEST_SUITE_P(Audience, LargeAudienceRule, ::testing::ValuesIn(largeAudienceCases),
                         [](const auto &info) { return std::string(info.param.name); });

TEST(LargeAudienceRule, SaysHowMany)
{
    const Review review = reviewDraft(draftTo(customers(300)), {});

    const auto found = findingsOf(review, "large-audience");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0]->args.counts.at("recipients"), 300);
    EXPECT_EQ(found[0]->message.rfind("This mail goes to 300 recipients.", 0), 0u)
        << found[0]->message;
}

// --- rules over policy ------------------------------------------------------------------------

struct AudiencePolicyCase
{
    const char *name;
    std::string rule;
    RuleSetting setting;
    std::size_t expectedCount;
    Severity expectedSeverity;
};

void PrintTo(const AudiencePolicyCase &testCase, std::ostream *out)
{
    *out << testCase.name;
}

class AudienceRulePolicy : public ::testing::TestWithParam<AudiencePolicyCase>
{
};

TEST_P(AudienceRulePolicy, SwitchesAndReSeveritiesTheRule)
{
    const AudiencePolicyCase &testCase = GetParam();
    Draft draft = draftTo({"a@one.example", "b@two.example"}, {"c@three.example"});
    draft.attachments = {{"prices.xlsx", 1}};
    Policy policy;
    policy.attentionDomains = {"two.example"};
    policy.attentionAttachmentSuffixes = {"xlsx"};
    policy.largeAudience = 3;
    policy.rules[testCase.rule] = testCase.setting;

    const Review review = reviewDraft(draft, policy);

    const auto found = findingsOf(review, testCase.rule);
    ASSERT_EQ(found.size(), testCase.expectedCount);
    for (const auto *finding : found)
        EXPECT_EQ(finding->severity, testCase.expectedSeverity);
}

const AudiencePolicyCase audiencePolicyCases[] = {
    {"AttentionDomainDefault", "attention-domain", {true, {}}, 1, Severity::Warn},
    {"AttentionDomainOff", "attention-domain", {false, {}}, 0, Severity::Warn},
    {"AttentionDomainBlock", "attention-domain", {true, Severity::Block}, 1, Severity::Block},
    {"AttentionAttachmentDefault", "attention-attachment", {true, {}}, 1, Severity::Warn},
    {"AttentionAttachmentOff", "attention-attachment", {false, {}}, 0, Severity::Warn},
    {"CcExposureDefault", "cc-exposure", {true, {}}, 1, Severity::Warn},
    {"CcExposureOff", "cc-exposure", {false, {}}, 0, Severity::Warn},
    {"CcExposureConfirm", "cc-exposure", {true, Severity::Confirm}, 1, Severity::Confirm},
    {"LargeAudienceDefault", "large-audience", {true, {}}, 1, Severity::Warn},
    {"LargeAudienceOff", "large-audience", {false, {}}, 0, Severity::Warn},
    {"LargeAudienceInfo", "large-audience", {true, Severity::Info}, 1, Severity::Info},
};

INSTANTIATE_TEST_SUITE_P(Audience, AudienceRulePolicy, ::testing::ValuesIn(audiencePolicyCases),
                         [](const auto &info) { return std::string(info.param.name); });

// --- auto-Bcc ---------------------------------------------------------------------------------

struct AutoBccCase
{
    const char *name;
    std::vector<std::string> autoBcc;
    std::vector<std::string> to;
    std::vector<std::string> bcc;
    std::vector<std::string> expected;
};

void PrintTo(const AutoBccCase &testCase, std::ostream *out)
{
    *out << testCase.name;
}

class AutoBcc : public ::testing::TestWithParam<AutoBccCase>
{
};

TEST_P(AutoBcc, AddsThePolicyAddressesOnlyForOutsideMail)
{
    const AutoBccCase &testCase = GetParam();
    Policy policy;
    policy.autoBcc = testCase.autoBcc;

    const Review review = reviewDraft(draftTo(testCase.to, {}, testCase.bcc), policy);

    EXPECT_EQ(review.autoBcc, testCase.expected);
}

const AutoBccCase autoBccCases[] = {
    // Adding.
    {"ExternalRecipient", {"archive@corp.example"}, client, {}, {"archive@corp.example"}},
    {"KeepsPolicySpelling",
     {"Archive <Archive@Corp.Example>"},
     client,
     {},
     {"Archive <Archive@Corp.Example>"}},
    {"ExternalOnlyInBcc",
     {"archive@corp.example"},
     colleague,
     {"alice@client.example"},
     {"archive@corp.example"}},
    {"TwoAddresses",
     {"archive@corp.example", "legal@corp.example"},
     client,
     {},
     {"archive@corp.example", "legal@corp.example"}},
    {"DuplicateInPolicyOnce",
     {"archive@corp.example", "ARCHIVE@corp.example"},
     client,
     {},
     {"archive@corp.example"}},
    {"SkipsCommentsAndBadEntries",
     {"# archive", "", "not an address", "archive@corp.example"},
     client,
     {},
     {"archive@corp.example"}},
    // Not adding.
    {"InternalOnly", {"archive@corp.example"}, colleague, {}, {}},
    {"NoRecipients", {"archive@corp.example"}, {}, {}, {}},
    {"AlreadyInTo",
     {"archive@corp.example"},
     {"alice@client.example", "Archive@corp.example"},
     {},
     {}},
    {"AlreadyInBcc", {"archive@corp.example"}, client, {"archive@CORP.example"}, {}},
    {"EmptyPolicy", {}, client, {}, {}},
    {"GroupEntryIgnored", {"team: a@corp.example, b@corp.example;"}, client, {}, {}},
};

INSTANTIATE_TEST_SUITE_P(Audience, AutoBcc, ::testing::ValuesIn(autoBccCases),
                         [](const auto &info) { return std::string(info.param.name); });

// --- recipient edits --------------------------------------------------------------------------

struct EditsCase
{
    const char *name;
    std::vector<std::string> to;
    std::vector<std::string> cc;
    std::vector<std::string> bcc;
    std::vector<std::string> autoBcc;
    bool moveEveryoneToBcc;
    RecipientEdits expected;
};

void PrintTo(const EditsCase &testCase, std::ostream *out)
{
    *out << testCase.name;
}

class RecipientEditsTable : public ::testing::TestWithParam<EditsCase>
{
};

TEST_P(RecipientEditsTable, ComputesTheListsToSendWith)
{
    const EditsCase &testCase = GetParam();
    const Draft draft = draftTo(testCase.to, testCase.cc, testCase.bcc);
    Policy policy;
    policy.autoBcc = testCase.autoBcc;
    const Review review = reviewDraft(draft, policy);

    const auto edits = recipientEdits(draft, review, testCase.moveEveryoneToBcc);

    ASSERT_TRUE(edits.has_value());
    EXPECT_EQ(edits->to, testCase.expected.to);
    EXPECT_EQ(edits->cc, testCase.expected.cc);
    EXPECT_EQ(edits->bcc, testCase.expected.bcc);
}

const EditsCase editsCases[] = {
    {"MoveKeepsOrderToCcBcc",
     {"Alice <alice@one.example>", "bob@two.example"},
     {"carol@three.example"},
     {"dave@four.example"},
     {},
     true,
     {{},
      {},
      {"Alice <alice@one.example>", "bob@two.example", "carol@three.example",
       "dave@four.example"}}},
    {"MoveDeduplicatesOnNormalisedAddress",
     {"Alice <alice@one.example>", "bob@two.example"},
     {"ALICE@One.Example."},
     {"Bob B. <bob@TWO.example>"},
     {},
     true,
     {{}, {}, {"Alice <alice@one.example>", "bob@two.example"}}},
    {"MoveDropsEmptyGroup",
     {"undisclosed-recipients:;", "a@one.example"},
     {},
     {},
     {},
     true,
     {{}, {}, {"a@one.example"}}},
    {"MoveKeepsUnreadableEntry",
     {"a@one.example", "sales team <sales team>"},
     {},
     {},
     {},
     true,
     {{}, {}, {"a@one.example", "sales team <sales team>"}}},
    {"MoveKeepsGroupWithAnyNewAddress",
     {"a@one.example"},
     {"team: a@one.example, b@two.example;"},
     {},
     {},
     true,
     {{}, {}, {"a@one.example", "team: a@one.example, b@two.example;"}}},
    {"MoveAddsAutoBccLast",
     {"a@one.example", "b@two.example", "c@three.example"},
     {},
     {},
     {"archive@corp.example"},
     true,
     {{}, {}, {"a@one.example", "b@two.example", "c@three.example", "archive@corp.example"}}},
    {"AutoBccAloneKeepsToAndCc",
     {"Alice <alice@one.example>"},
     {"hanako@corp.example"},
     {"dave@four.example"},
     {"archive@corp.example"},
     false,
     {{"Alice <alice@one.example>"},
      {"hanako@corp.example"},
      {"dave@four.example", "archive@corp.example"}}},
    {"AutoBccDeduplicatesTheDraftToo",
     {"alice@one.example"},
     {"Alice@one.example"},
     {"alice@ONE.example"},
     {"archive@corp.example"},
     false,
     {{"alice@one.example"}, {}, {"archive@corp.example"}}},
};

INSTANTIATE_TEST_SUITE_P(Audience, RecipientEditsTable, ::testing::ValuesIn(editsCases),
                         [](const auto &info) { return std::string(info.param.name); });

TEST(RecipientEdits, NoneWithoutMoveOrAutoBcc)
{
    const Draft draft = draftTo({"a@one.example"}, {"a@one.example"});
    const Review review = reviewDraft(draft, {});

    EXPECT_FALSE(recipientEdits(draft, review, false).has_value());
}

TEST(RecipientEdits, NoneForInternalMailWithAutoBcc)
{
    const Draft draft = draftTo(colleague);
    Policy policy;
    policy.autoBcc = {"archive@corp.example"};
    const Review review = reviewDraft(draft, policy);

    EXPECT_TRUE(review.autoBcc.empty());
    EXPECT_FALSE(recipientEdits(draft, review, false).has_value());
}

TEST(RecipientEdits, ThreeHundredCustomersMoveToBccInOrder)
{
    const Draft draft = draftTo({}, customers(300));
    const Review review = reviewDraft(draft, {});

    const auto edits = recipientEdits(draft, review, true);

    ASSERT_TRUE(edits.has_value());
    EXPECT_TRUE(edits->to.empty());
    EXPECT_TRUE(edits->cc.empty());
    EXPECT_EQ(edits->bcc, customers(300));
}

TEST(ReviewDraft, CopiesTheCountdownFromThePolicy)
{
    Policy policy;
    policy.countdownSeconds = 5;

    EXPECT_EQ(reviewDraft(draftTo(client), policy).countdownSeconds, 5);
    EXPECT_EQ(reviewDraft(draftTo(client), {}).countdownSeconds, 0);
}

// A mail to very many outside organisations (a newsletter put in To by mistake): cc-exposure
// once compared each recipient's domain with every one seen before, so 50,000 domains took over
// a minute and the host stopped answering pings. bench_review's HostileFiftyThousandDomains
// measures the cost; this checks the finding.
TEST(CcExposureRule, FiresOnceForFiftyThousandDomains)
{
    Draft draft;
    draft.from = "Taro Yamada <taro@corp.example>";
    for (int i = 0; i < 50'000; ++i)
        draft.to.push_back("p" + std::to_string(i) + "@d" + std::to_string(i) + ".example");

    const Review review = reviewDraft(draft, {});

    const auto exposure = std::count_if(review.findings.begin(), review.findings.end(),
                                        [](const Finding &f) { return f.rule == "cc-exposure"; });
    EXPECT_EQ(exposure, 1);
}

} // namespace
} // namespace sendguard
