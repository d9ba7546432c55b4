// Table tests for `lookalike-domain`, and for the two pieces it is built from: the weighted
// typing distance (typodistance.h) and ICU's spoof checker (spoofchecker.h).

#include "engine/engine.h"
#include "engine/rules/rules.h"
#include "engine/spoofchecker.h"
#include "engine/typodistance.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace sendguard {
namespace {

const std::string taro = "Taro Yamada <taro@corp.example>";

// A history that knows some domains and counts how often it is asked about each one.
class FakeHistory : public HistoryView
{
public:
    explicit FakeHistory(std::vector<std::string> domains)
        : m_domains(std::move(domains))
    {}

    std::vector<std::string> knownDomains() const override
    {
        ++m_knownDomainsCalls;
        return m_domains;
    }

    std::int64_t domainCount(std::string_view asciiDomain) const override
    {
        ++m_asked[std::string(asciiDomain)];
        return std::count(m_domains.begin(), m_domains.end(), asciiDomain) ? 3 : 0;
    }

    int timesAsked(const std::string &domain) const
    {
        const auto it = m_asked.find(domain);
        return it == m_asked.end() ? 0 : it->second;
    }
    int knownDomainsCalls() const { return m_knownDomainsCalls; }

private:
    std::vector<std::string> m_domains;
    mutable std::map<std::string, int> m_asked;
    mutable int m_knownDomainsCalls = 0;
};

std::vector<const Finding *> lookalikeFindings(const Review &review)
{
    std::vector<const Finding *> found;
    for (const auto &finding : review.findings) {
        if (finding.rule == "lookalike-domain")
            found.push_back(&finding);
    }
    return found;
}

// --- the rule, one recipient at a time ----------------------------------------------------------

struct LookalikeCase
{
    const char *name;
    std::string recipient;
    std::vector<std::string> internalDomains; // empty: the sender's domain, corp.example
    std::vector<std::string> trustedDomains;
    std::vector<std::string> historyDomains; // empty: no history at all
    std::string message; // empty: the rule stays silent; otherwise the whole finding message
};

void PrintTo(const LookalikeCase &testCase, std::ostream *out)
{
    *out << testCase.recipient;
}

class LookalikeDomainRule : public ::testing::TestWithParam<LookalikeCase>
{
};

TEST_P(LookalikeDomainRule, FiresOnlyOnLookalikesAndNamesTheDomainResembled)
{
    const LookalikeCase &testCase = GetParam();
    Draft draft;
    draft.from = taro;
    draft.to = {testCase.recipient};
    Policy policy;
    policy.internalDomains = testCase.internalDomains;
    policy.trustedDomains = testCase.trustedDomains;
    const FakeHistory history(testCase.historyDomains);

    const Review review
        = reviewDraft(draft, policy, testCase.historyDomains.empty() ? nullptr : &history);

    const auto found = lookalikeFindings(review);
    if (testCase.message.empty()) {
        EXPECT_TRUE(found.empty()) << found.front()->message;
        return;
    }
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0]->message, testCase.message);
    EXPECT_EQ(found[0]->severity, Severity::Warn);
    EXPECT_EQ(found[0]->target.kind, Target::Kind::Recipient);
    EXPECT_EQ(found[0]->target.index, 0u);
}

const std::string checkSpelling = " but is a different domain. Check the spelling before sending.";
const std::string organisation = ", your organisation's own domain," + checkSpelling;
const std::string provider = ", a well-known mail provider," + checkSpelling;
// FakeHistory counts 3 mails to each domain it knows.
const std::string history = ", a domain you have written to 3 times," + checkSpelling;
const std::string disguise = " Its name mixes Latin and Cyrillic letters, a common disguise.";
const std::string writtenInto
    = " but has its name written into it. Check that it is the domain you "
      "mean.";
const std::string embedsOrganisation = ", your organisation's own domain," + writtenInto;
const std::string embedsHistory = ", a domain you have written to 3 times," + writtenInto;
const std::string embedsProvider = ", a well-known mail provider," + writtenInto;

const LookalikeCase silentCases[] = {
    // Real, different companies that share a word with a reference.
    {"CompanySharingAWordWithInternal", "a@acme-logistics.example", {"acme.example"}, {}, {}, ""},
    {"LongerWordStartingLikeInternal", "a@corporate.example", {}, {}, {}, ""},
    {"InternalNameInsideAnotherName", "a@evilcorp.example", {}, {}, {}, ""},
    {"PluralOfShortInternalName", "a@corps.example", {}, {}, {}, ""},
    {"CloudIsNotICloud", "a@cloud.com", {}, {}, {}, ""},
    {"EmailIsNotGmail", "a@email.com", {}, {}, {}, ""},
    {"GiveIsNotLive", "a@give.com", {}, {}, {}, ""},
    {"MailDotComIsItselfAProvider", "a@mail.com", {}, {}, {}, ""},
    // Short names: their neighbours are mostly real, unrelated names.
    {"ThreeLettersOneKeyApart", "a@abd.example", {"abc.example"}, {}, {}, ""},
    {"ThreeLetterProviderNeighbour", "a@aok.com", {}, {}, {}, ""},
    {"TwoLetterProviderNeighbour", "a@qa.com", {}, {}, {}, ""},
    {"FourLettersOneDeletion", "a@cop.example", {}, {}, {}, ""},
    // The same organisation: the reference itself, its subdomains, its siblings.
    {"InternalSubdomain", "a@mail.corp.example", {}, {}, {}, ""},
    {"SubdomainUnderTwoLabelSuffix", "a@mail.example.co.jp", {"example.co.jp"}, {}, {}, ""},
    {"SiblingOfInternalSubdomain", "a@hr.example.co.jp", {"sales.example.co.jp"}, {}, {}, ""},
    {"ProviderSubdomain", "a@mail.docomo.ne.jp", {}, {}, {}, ""},
    {"ExactProvider", "a@gmail.com", {}, {}, {}, ""},
    {"ExactJapaneseProvider", "a@yahoo.co.jp", {}, {}, {}, ""},
    {"ExactTrusted", "a@partner.example", {}, {"partner.example"}, {}, ""},
    {"ExactHistory", "a@client.example", {}, {}, {"client.example"}, ""},
    {"LookalikeAlreadyWrittenTo", "a@c0rp.example", {}, {}, {"c0rp.example"}, ""},
    {"InternalRecipientItself", "a@corp.example", {}, {}, {}, ""},
    // Different suffixes that are more than one slip apart.
    {"OtherJapaneseSecondLevel", "a@example.ne.jp", {"example.co.jp"}, {}, {}, ""},
    {"OtherTopLevelDomain", "a@corp.test", {}, {}, {}, ""},
    {"CountryVariantTwoLettersOff", "a@yahoo.co.uk", {}, {}, {}, ""},
    // Unicode names that are fine: one script, or the Japanese mix of Latin, Han and kana.
    {"GermanIdnNotNearAReference", "a@bücher.example", {}, {}, {}, ""},
    {"JapaneseIdn", "a@日本語.jp", {}, {}, {}, ""},
    {"LatinWithKanaAndHan", "a@abc日本のテ.jp", {}, {}, {}, ""},
    {"CyrillicOnlyName", "a@пример.рф", {}, {}, {}, ""},
    // Policy entries that name no domain are not references.
    {"SingleAddressPatternIsNotAReference",
     "a@partnerr.example",
     {"bob@partner.example"},
     {},
     {},
     ""},
    {"CommentIsNotAReference", "a@c0rp.example", {"# corp.example"}, {}, {}, ""},
};

// A reference's name and suffix that reappear in another domain, and where that is ordinary.
const LookalikeCase silentEmbeddingCases[] = {
    // Another company whose name shares a word, without the reference's suffix.
    {"CompanyNamedAfterAWordOfInternal", "a@atlas-freight.com", {"atlas.com"}, {}, {}, ""},
    {"TrustedNameFollowedByAWord", "a@examplecorp.com", {}, {"example.com"}, {}, ""},
    {"InternalNameReversed", "a@example-corp.com", {}, {}, {}, ""},
    {"SuffixContinuesIntoALongerLabel", "a@atlas.company.com", {"atlas.com"}, {}, {}, ""},
    {"ProviderUnderALongerSuffix", "a@gmail.community", {}, {}, {}, ""},
    {"HistoryNameWithPartOfItsSuffix", "a@partner-co.com", {}, {}, {"partner.co.jp"}, ""},
    // Another company whose name ends in the reference, under the same suffix.
    {"NameEndingInInternalUnderItsSuffix", "a@mail-corp.example", {}, {}, {}, ""},
    {"NameEndingInHistoryDomain", "a@piggy-bank.com", {}, {}, {"bank.com"}, ""},
    // The same name in another country.
    {"CountryVariantOfInternal", "a@acme.com.au", {"acme.com"}, {}, {}, ""},
    {"CountryVariantUnderListedSuffix", "a@acme.co.uk", {"acme.co"}, {}, {}, ""},
    // A short name glued to its suffix is as often a word.
    {"ShortProviderNameGluedToSuffix", "a@mecom.net", {}, {}, {}, ""},
    // Known domains, and the reference's own subdomains.
    {"SubdomainOfHistoryDomain", "a@mail.partner.co.jp", {}, {}, {"partner.co.jp"}, ""},
    {"EmbeddingDomainWrittenToBefore", "a@corp-example.com", {}, {}, {"corp-example.com"}, ""},
    {"EmbeddingDomainTrusted", "a@corp-example.com", {}, {"corp-example.com"}, {}, ""},
    {"TenantOfAKnownHost", "a@corpexample.onmicrosoft.com", {}, {}, {"onmicrosoft.com"}, ""},
};

const LookalikeCase firingEmbeddingCases[] = {
    {"InternalAsSubdomainOfAnother",
     "a@corp.example.attacker.com",
     {},
     {},
     {},
     "corp.example.attacker.com is not corp.example" + embedsOrganisation},
    {"InternalWithHyphenForDot",
     "a@corp-example.com",
     {},
     {},
     {},
     "corp-example.com is not corp.example" + embedsOrganisation},
    {"InternalWithDotDropped",
     "a@corpexample.com",
     {},
     {},
     {},
     "corpexample.com is not corp.example" + embedsOrganisation},
    {"InternalSuffixGluedToAWord",
     "a@corp.example-mail.com",
     {},
     {},
     {},
     "corp.example-mail.com is not corp.example" + embedsOrganisation},
    {"InternalAfterAWordInsideAnother",
     "a@mail-corp.example.net",
     {},
     {},
     {},
     "mail-corp.example.net is not corp.example" + embedsOrganisation},
    {"HistoryTwoLabelSuffixHyphenated",
     "a@partner-co-jp.com",
     {},
     {},
     {"partner.co.jp"},
     "partner-co-jp.com is not partner.co.jp" + embedsHistory},
    {"HistoryTwoLabelSuffixAsSubdomain",
     "a@partner.co.jp.evil.net",
     {},
     {},
     {"partner.co.jp"},
     "partner.co.jp.evil.net is not partner.co.jp" + embedsHistory},
    {"TrustedGluedBeforeAWord",
     "a@partnerexample-login.com",
     {},
     {"partner.example"},
     {},
     "partnerexample-login.com is not partner.example, a trusted domain," + writtenInto},
    {"ProviderWithHyphenForDot",
     "a@gmail-com.net",
     {},
     {},
     {},
     "gmail-com.net is not gmail.com" + embedsProvider},
    {"ShortProviderNameKeptApart",
     "a@aol-com.support",
     {},
     {},
     {},
     "aol-com.support is not aol.com" + embedsProvider},
    {"ProviderTwoLabelSuffixInsideAnother",
     "a@yahoo.co.jp.login-check.com",
     {},
     {},
     {},
     "yahoo.co.jp.login-check.com is not yahoo.co.jp" + embedsProvider},
};

static_assert(std::size(silentEmbeddingCases) >= std::size(firingEmbeddingCases));

const LookalikeCase firingCases[] = {
    {"DigitForLetterInInternal",
     "a@c0rp.example",
     {},
     {},
     {},
     "c0rp.example looks like corp.example" + organisation},
    {"DigitForLetterInSubdomainOfLookalike",
     "a@mail.c0rp.example",
     {},
     {},
     {},
     "mail.c0rp.example looks like corp.example" + organisation},
    {"WildcardInternalBase",
     "a@c0rp.example",
     {"*.corp.example"},
     {},
     {},
     "c0rp.example looks like corp.example" + organisation},
    {"DoubledLetterInTrusted",
     "a@partnerr.example",
     {},
     {"partner.example"},
     {},
     "partnerr.example looks like partner.example, a trusted domain," + checkSpelling},
    {"TranspositionOfProvider",
     "a@gmial.com",
     {},
     {},
     {},
     "gmial.com looks like gmail.com" + provider},
    {"AdjacentKeyInProvider",
     "a@gnail.com",
     {},
     {},
     {},
     "gnail.com looks like gmail.com" + provider},
    {"DroppedDoubleLetter",
     "a@outlok.com",
     {},
     {},
     {},
     "outlok.com looks like outlook.com" + provider},
    {"AddedDoubleLetter",
     "a@yahooo.co.jp",
     {},
     {},
     {},
     "yahooo.co.jp looks like yahoo.co.jp" + provider},
    {"DigitOneForLetterL", "a@gmai1.com", {}, {}, {}, "gmai1.com looks like gmail.com" + provider},
    {"DigitZeroInThreeLetterProvider",
     "a@a0l.com",
     {},
     {},
     {},
     "a0l.com looks like aol.com" + provider},
    {"SuffixSlipDotCon", "a@gmail.con", {}, {}, {}, "gmail.con looks like gmail.com" + provider},
    {"SuffixSlipDotCo", "a@hotmail.co", {}, {}, {}, "hotmail.co looks like hotmail.com" + provider},
    {"JapaneseSuffixSlip",
     "a@docomo.ne.jq",
     {},
     {},
     {},
     "docomo.ne.jq looks like docomo.ne.jp" + provider},
    {"RnForM",
     "a@rnicrosoft.example",
     {"microsoft.example"},
     {},
     {},
     "rnicrosoft.example looks like microsoft.example" + organisation},
    {"LongNameTwoSlips",
     "a@acne-logistcs.example",
     {"acme-logistics.example"},
     {},
     {},
     "acne-logistcs.example looks like acme-logistics.example" + organisation},
    {"HistoryNeighbour",
     "a@cliemt.example",
     {},
     {},
     {"client.example"},
     "cliemt.example looks like client.example" + history},
    {"CyrillicHomoglyphOfHistory",
     "a@pаypal.com",
     {},
     {},
     {"paypal.com"},
     "pаypal.com (xn--pypal-4ve.com) looks like paypal.com" + history + disguise},
    {"CyrillicHomoglyphOfProvider",
     "a@yаhoo.co.jp",
     {},
     {},
     {},
     "yаhoo.co.jp (xn--yhoo-53d.co.jp) looks like yahoo.co.jp" + provider + disguise},
    {"MixedScriptLabelAlone",
     "a@bаnk-example.com",
     {},
     {},
     {},
     "bаnk-example.com (xn--bnk-example-yij.com) mixes Latin and Cyrillic letters in one name, a "
     "common way to imitate another domain. Check that it is the domain you mean."},
    {"LatinWithGreekAlone",
     "a@exαmple.org",
     {},
     {},
     {},
     "exαmple.org (xn--exmple-qxe.org) mixes Latin and Greek letters in one name, a common way "
     "to imitate another domain. Check that it is the domain you mean."},
};

INSTANTIATE_TEST_SUITE_P(Silent, LookalikeDomainRule, ::testing::ValuesIn(silentCases),
                         [](const auto &info) { return std::string(info.param.name); });
INSTANTIATE_TEST_SUITE_P(Fires, LookalikeDomainRule, ::testing::ValuesIn(firingCases),
                         [](const auto &info) { return std::string(info.param.name); });
INSTANTIATE_TEST_SUITE_P(SilentEmbedding, LookalikeDomainRule,
                         ::testing::ValuesIn(silentEmbeddingCases),
                         [](const auto &info) { return std::string(info.param.name); });
INSTANTIATE_TEST_SUITE_P(FiresEmbedding, LookalikeDomainRule,
                         ::testing::ValuesIn(firingEmbeddingCases),
                         [](const auto &info) { return std::string(info.param.name); });

TEST(LookalikeDomain, EmbeddedReferenceSaysHowAndNamesIt)
{
    Draft draft;
    draft.from = taro;
    draft.to = {"a@corp-example.com"};

    const Review review = reviewDraft(draft, {});

    const auto found = lookalikeFindings(review);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0]->kind, "lookalike.embedsInternal");
    EXPECT_EQ(found[0]->args.text.at("how"), "embedded");
    EXPECT_EQ(found[0]->args.text.at("resembles"), "corp.example");
    EXPECT_EQ(found[0]->args.text.at("domain"), "corp-example.com");
}

// A typing slip is the closer resemblance: it is reported, not the embedding.
TEST(LookalikeDomain, PrefersATypoToAnEmbedding)
{
    Draft draft;
    draft.from = taro;
    draft.to = {"a@partner-co-jp.con"};
    const FakeHistory history({"partner.co.jp", "partner-co-jp.com"});

    const Review review = reviewDraft(draft, {}, &history);

    const auto found = lookalikeFindings(review);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0]->kind, "lookalike.history");
    EXPECT_EQ(found[0]->args.text.at("resembles"), "partner-co-jp.com");
    EXPECT_EQ(found[0]->args.text.at("how"), "typo");
}

// --- the rule over a whole draft ----------------------------------------------------------------

TEST(LookalikeDomain, PointsAtEveryRecipientOfALookalikeDomain)
{
    Draft draft;
    draft.from = taro;
    draft.to = {"a@c0rp.example", "b@client.example", "colleague@corp.example"};
    draft.cc = {"c@c0rp.example"};

    const Review review = reviewDraft(draft, {});

    const auto found = lookalikeFindings(review);
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(review.recipients[found[0]->target.index].normalisedAddress(), "a@c0rp.example");
    EXPECT_EQ(review.recipients[found[1]->target.index].normalisedAddress(), "c@c0rp.example");
}

TEST(LookalikeDomain, ExaminesEachDistinctDomainOnce)
{
    Draft draft;
    draft.from = taro;
    for (int i = 0; i < 500; ++i)
        draft.to.push_back("person" + std::to_string(i) + "@c0rp.example");
    const FakeHistory history({"client.example"});

    const Review review = reviewDraft(draft, {}, &history);

    EXPECT_EQ(lookalikeFindings(review).size(), 500u);
    EXPECT_EQ(history.timesAsked("c0rp.example"), 1);
    EXPECT_LE(history.knownDomainsCalls(), 1);
}

TEST(LookalikeDomain, NeedsNoHistoryWhenEveryDomainIsKnown)
{
    Draft draft;
    draft.from = taro;
    draft.to = {"a@corp.example", "b@gmail.com"};
    const FakeHistory history({"client.example"});

    reviewDraft(draft, {}, &history);

    EXPECT_EQ(history.knownDomainsCalls(), 0);
}

TEST(LookalikeDomain, FollowsAHistoryThatChangesBetweenReviews)
{
    Draft draft;
    draft.from = taro;
    draft.to = {"a@cliemt.example"};
    const FakeHistory knowsClient({"client.example"});
    const FakeHistory knowsOthers({"other.example", "client.test"});

    EXPECT_EQ(lookalikeFindings(reviewDraft(draft, {}, &knowsClient)).size(), 1u);
    EXPECT_TRUE(lookalikeFindings(reviewDraft(draft, {}, &knowsOthers)).empty());
    EXPECT_EQ(lookalikeFindings(reviewDraft(draft, {}, &knowsClient)).size(), 1u);
}

TEST(LookalikeDomain, CanBeSwitchedOffByPolicy)
{
    Draft draft;
    draft.from = taro;
    draft.to = {"a@c0rp.example"};
    Policy policy;
    policy.rules["lookalike-domain"].enabled = false;

    EXPECT_TRUE(lookalikeFindings(reviewDraft(draft, policy)).empty());
}

// --- the indexed search against the plain one ---------------------------------------------------

// A small deterministic generator, so that a failure names a set that can be made again.
class Generator
{
public:
    explicit Generator(std::uint32_t seed)
        : m_state(seed * 2654435761u + 1u)
    {}

    std::uint32_t below(std::uint32_t bound)
    {
        m_state ^= m_state << 13;
        m_state ^= m_state >> 17;
        m_state ^= m_state << 5;
        return m_state % bound;
    }

    std::string name()
    {
        static const char *const syllables[] = {
            "ka",  "to",  "mi", "ra",  "ne",  "su",  "ko",  "ha",  "ri",  "no",   "ta", "ze", "lo",
            "ven", "tor", "ex", "pan", "tek", "sol", "mar", "gen", "dia", "corp", "qu", "1"};
        std::string name;
        const std::uint32_t parts = 1 + below(5);
        for (std::uint32_t i = 0; i < parts; ++i)
            name += syllables[below(std::size(syllables))];
        return name;
    }

    std::string suffix()
    {
        static const char *const suffixes[] = {"com", "com", "co.jp", "jp", "net", "example"};
        return suffixes[below(std::size(suffixes))];
    }

    // One to three slips of every kind the distance knows, somewhere in `name`.
    std::string slipped(std::string name)
    {
        static const std::string letters = "abcdefghijklmnopqrstuvwxyz0123456789-";
        const std::uint32_t slips = 1 + below(3);
        for (std::uint32_t i = 0; i < slips && !name.empty(); ++i) {
            const std::size_t at = below(static_cast<std::uint32_t>(name.size()));
            switch (below(5)) {
            case 0:
                name[at] = letters[below(static_cast<std::uint32_t>(letters.size()))];
                break;
            case 1:
                name.insert(at, 1, name[at]);
                break;
            case 2:
                name.erase(at, 1);
                break;
            case 3:
                if (at + 1 < name.size())
                    std::swap(name[at], name[at + 1]);
                break;
            default:
                name.insert(at, 1, letters[below(static_cast<std::uint32_t>(letters.size()))]);
            }
        }
        return name.empty() ? "x" : name;
    }

private:
    std::uint32_t m_state;
};

struct GeneratedSet
{
    Policy policy;
    std::vector<std::string> history;
    Draft draft;
};

// Internal, trusted and history references, and recipients that are slips of them, their
// names under other suffixes, or other names.
GeneratedSet generatedSet(std::uint32_t seed)
{
    Generator generate(seed);
    GeneratedSet set;
    std::vector<std::pair<std::string, std::string>> references;
    for (int i = 0; i < 1500; ++i)
        references.emplace_back(generate.name(), generate.suffix());
    const auto domain = [](const auto &reference) {
        return reference.first + "." + reference.second;
    };
    for (std::size_t i = 0; i < references.size(); ++i) {
        if (i < 5)
            set.policy.internalDomains.push_back(domain(references[i]));
        else if (i < 300)
            set.policy.trustedDomains.push_back(domain(references[i]));
        else
            set.history.push_back(domain(references[i]));
    }
    set.draft.from = taro;
    for (int i = 0; i < 1500; ++i) {
        const auto &reference = references[generate.below(1500)];
        std::string name = reference.first;
        std::string suffix = reference.second;
        switch (generate.below(4)) {
        case 0:
            suffix = generate.suffix();
            break;
        case 1:
            name = generate.name();
            break;
        default:
            name = generate.slipped(name);
        }
        set.draft.to.push_back("p" + std::to_string(i) + "@" + name + "." + suffix);
    }
    return set;
}

TEST(LookalikeDomain, IndexedSearchAgreesWithMeasuringEveryReference)
{
    std::size_t typos = 0;
    for (const std::uint32_t seed : {1u, 2u, 3u}) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        const GeneratedSet set = generatedSet(seed);
        const FakeHistory history(set.history);
        const Review review = reviewDraft(set.draft, set.policy, &history);
        const RuleContext context{set.draft,
                                  set.policy,
                                  PatternList(set.policy.internalDomains),
                                  PatternList(set.policy.trustedDomains),
                                  PatternList(),
                                  {},
                                  &history,
                                  std::nullopt,
                                  std::nullopt};

        std::vector<Finding> indexed;
        rules::checkLookalikeDomains(review, context, indexed, rules::ReferenceSearch::Indexed);
        std::vector<Finding> exhaustive;
        rules::checkLookalikeDomains(review, context, exhaustive,
                                     rules::ReferenceSearch::Exhaustive);

        ASSERT_EQ(indexed.size(), exhaustive.size());
        for (std::size_t i = 0; i < indexed.size(); ++i) {
            SCOPED_TRACE(exhaustive[i].message);
            EXPECT_EQ(indexed[i].target.index, exhaustive[i].target.index);
            EXPECT_EQ(indexed[i].kind, exhaustive[i].kind);
            EXPECT_EQ(indexed[i].args, exhaustive[i].args);
            EXPECT_EQ(indexed[i].message, exhaustive[i].message);
            const auto how = exhaustive[i].args.text.find("how");
            typos += how != exhaustive[i].args.text.end() && how->second == "typo";
        }
    }
    // The sets are made to hold many slips: a comparison of nothing would prove nothing.
    EXPECT_GT(typos, 500u);
}

// --- the typing distance ------------------------------------------------------------------------

struct DistanceCase
{
    const char *name;
    std::string intended;
    std::string typed;
    int halfSteps;
};

void PrintTo(const DistanceCase &testCase, std::ostream *out)
{
    *out << testCase.intended << " -> " << testCase.typed;
}

class TypoDistance : public ::testing::TestWithParam<DistanceCase>
{
};

TEST_P(TypoDistance, WeighsLikelySlipsAtHalfAStep)
{
    const DistanceCase &testCase = GetParam();

    EXPECT_EQ(typoDistance(toCodePoints(testCase.intended), toCodePoints(testCase.typed)),
              testCase.halfSteps);
}

// With a limit: exact up to it, above it beyond (the row cut-off and the letter-count bound).
TEST_P(TypoDistance, BoundedByALimitIsExactUpToItAndAboveItBeyond)
{
    const DistanceCase &testCase = GetParam();
    const auto intended = toCodePoints(testCase.intended);
    const auto typed = toCodePoints(testCase.typed);

    EXPECT_EQ(typoDistanceUpTo(intended, typed, false, testCase.halfSteps), testCase.halfSteps);
    EXPECT_EQ(typoDistanceUpTo(intended, typed, false, testCase.halfSteps + 3), testCase.halfSteps);
    if (testCase.halfSteps > 0) {
        EXPECT_GT(typoDistanceUpTo(intended, typed, false, testCase.halfSteps - 1),
                  testCase.halfSteps - 1);
    }
}

TEST(TypoDistanceUpTo, StopsEarlyOnUnrelatedNamesWithoutMissingNearOnes)
{
    EXPECT_GT(typoDistanceUpTo(U"org12345", U"wrong-company", false, 2), 2);
    EXPECT_GT(typoDistanceUpTo(U"abcdefghijklmnop", U"zyxwvutsrqponmlk", false, 4), 4);
    EXPECT_EQ(typoDistanceUpTo(U"abcdefghijklmnop", U"abcdefghijklmnpo", false, 4), 1);
    EXPECT_EQ(typoDistanceUpTo(U"bücher", U"bucher", false, 2), 2); // not ASCII: no bound
}

const DistanceCase distanceCases[] = {
    {"Equal", "gmail", "gmail", 0},
    {"NeighbouringKey", "gmail", "gnail", 1},
    {"UnrelatedLetter", "gmail", "gxail", 2},
    {"Swap", "gmail", "gmial", 1},
    {"DigitZeroForO", "corp", "c0rp", 1},
    {"DigitOneForL", "gmail", "gmai1", 1},
    {"DigitFiveForS", "sales", "sale5", 1},
    {"DoubledLetterAdded", "partner", "partnerr", 1},
    {"DoubledLetterDropped", "outlook", "outlok", 1},
    {"PlainInsertion", "corp", "corps", 2},
    {"PlainDeletion", "client", "clent", 2},
    {"FirstLetterChanged", "gmail", "email", 3},
    {"FirstLetterDropped", "icloud", "cloud", 3},
    {"FirstLetterSwapped", "gmail", "mgail", 2},
    {"NonAsciiLetter", "bucher", "bücher", 2},
    {"EmptyTyped", "ab", "", 5},
};

INSTANTIATE_TEST_SUITE_P(Engine, TypoDistance, ::testing::ValuesIn(distanceCases),
                         [](const auto &info) { return std::string(info.param.name); });

TEST(TypoDistanceVisualOnly, CountsOnlyDigitsForLettersAsLikely)
{
    EXPECT_EQ(typoDistance(U"aol", U"a0l", true), 1);
    EXPECT_EQ(typoDistance(U"aol", U"aok", true), 2);
    EXPECT_EQ(typoDistance(U"aol", U"alo", true), 2);
}

TEST(ToCodePoints, DecodesUtf8AndReplacesIllFormedBytes)
{
    EXPECT_EQ(toCodePoints("bü日😀"), U"bü日😀");
    EXPECT_EQ(toCodePoints("a\xC3"), U"a\uFFFD");
    EXPECT_EQ(toCodePoints("\xFF"
                           "b"),
              U"\uFFFDb");
}

// --- the spoof checker --------------------------------------------------------------------------

TEST(SpoofChecker, SkeletonsOfConfusablesAreEqual)
{
    const SpoofChecker &checker = SpoofChecker::instance();

    EXPECT_EQ(checker.skeleton("pаypal.com"), checker.skeleton("paypal.com"));
    EXPECT_EQ(checker.skeleton("rnicrosoft"), checker.skeleton("microsoft"));
    EXPECT_NE(checker.skeleton("example.com"), checker.skeleton("paypal.com"));
    EXPECT_TRUE(checker.skeleton("").empty());
}

TEST(SpoofChecker, LatinWithCyrillicOrGreekMixesScripts)
{
    const SpoofChecker &checker = SpoofChecker::instance();

    EXPECT_TRUE(checker.mixesScripts("pаypal"));
    EXPECT_TRUE(checker.mixesScripts("abcα"));
    EXPECT_FALSE(checker.mixesScripts("paypal"));
    EXPECT_FALSE(checker.mixesScripts("abc日本のテ"));
    EXPECT_FALSE(checker.mixesScripts("пример"));
    EXPECT_FALSE(checker.mixesScripts("bücher"));
}

TEST(SpoofChecker, NamesTheScriptsOfALabel)
{
    const std::vector<std::string> expected{"Latin", "Cyrillic"};

    EXPECT_EQ(SpoofChecker::instance().scriptNames("pаy-pal2"), expected);
}

} // namespace
} // namespace sendguard
