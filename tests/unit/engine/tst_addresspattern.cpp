#include "engine/addresspattern.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

namespace sendguard {
namespace {

NormalisedDomain domainOf(std::string_view text)
{
    auto result = normaliseDomain(text);
    EXPECT_TRUE(result.ok()) << text;
    return result.ok() ? result.value() : NormalisedDomain{};
}

struct MatchCase
{
    const char *name;
    std::vector<std::string> patterns;
    std::string localPart;
    std::string domain;
    bool matches;
};

void PrintTo(const MatchCase &testCase, std::ostream *out)
{
    *out << testCase.localPart << "@" << testCase.domain;
}

class PatternListMatching : public ::testing::TestWithParam<MatchCase>
{
};

TEST_P(PatternListMatching, DecidesAsExpected)
{
    const MatchCase &testCase = GetParam();
    const PatternList list(testCase.patterns);

    EXPECT_TRUE(list.errors().empty());
    EXPECT_EQ(list.matches(testCase.localPart, domainOf(testCase.domain)), testCase.matches);
}

const MatchCase matchCases[] = {
    // Exact domains.
    {"ExactDomain", {"corp.example"}, "a", "corp.example", true},
    {"ExactDomainIgnoresCase", {"Corp.Example"}, "a", "CORP.example", true},
    {"ExactDomainIgnoresTrailingDot", {"corp.example."}, "a", "corp.example.", true},
    {"ExactDomainDoesNotCoverSubdomains", {"corp.example"}, "a", "mail.corp.example", false},
    // Look-alikes that merely contain the internal domain.
    {"LongerNameEndingInDomainIsNotIt", {"corp.example"}, "a", "evilcorp.example", false},
    {"DomainAsPrefixIsNotIt", {"corp.example"}, "a", "corp.example.evil.test", false},
    {"DomainAsSubstringIsNotIt", {"corp.example"}, "a", "xcorp.examplex.test", false},
    {"ShorterNameIsNotIt", {"corp.example"}, "a", "orp.example", false},
    {"OtherTopLevelIsNotIt", {"corp.example"}, "a", "corp.example2", false},
    {"HyphenatedLookAlikeIsNotIt", {"corp.example"}, "a", "corp-example.test", false},
    // Subdomain patterns.
    {"WildcardMatchesSubdomain", {"*.corp.example"}, "a", "mail.corp.example", true},
    {"WildcardMatchesDeepSubdomain", {"*.corp.example"}, "a", "a.b.corp.example", true},
    {"WildcardExcludesTheDomainItself", {"*.corp.example"}, "a", "corp.example", false},
    {"WildcardDoesNotMatchLabelSuffix", {"*.corp.example"}, "a", "evilcorp.example", false},
    {"WildcardDoesNotMatchAsPrefix", {"*.corp.example"}, "a", "x.corp.example.evil.test", false},
    {"DomainAndWildcardTogether", {"corp.example", "*.corp.example"}, "a", "corp.example", true},
    // Single-address patterns.
    {"AddressPatternMatchesThatAddress", {"bob@partner.example"}, "bob", "partner.example", true},
    {"AddressPatternIgnoresCase", {"Bob@Partner.Example"}, "BOB", "partner.example", true},
    {"AddressPatternNotOtherLocalPart", {"bob@partner.example"}, "eve", "partner.example", false},
    {"AddressPatternNotLocalPartPrefix",
     {"bob@partner.example"},
     "bobby",
     "partner.example",
     false},
    {"AddressPatternNotSubdomain", {"bob@partner.example"}, "bob", "x.partner.example", false},
    // IDN patterns compare in A-label form whichever way they are written.
    {"UnicodePatternMatchesPunycodeDomain", {"bücher.example"}, "a", "xn--bcher-kva.example", true},
    {"PunycodePatternMatchesUnicodeDomain", {"xn--bcher-kva.example"}, "a", "BÜCHER.example", true},
    {"IdnLookAlikeIsNotIt", {"bucher.example"}, "a", "bücher.example", false},
    {"UnicodeWildcard", {"*.bücher.example"}, "a", "shop.xn--bcher-kva.example", true},
    // Lists that never match.
    {"EmptyListNeverMatches", {}, "a", "corp.example", false},
    {"CommentOnlyList", {"# internal domains", "   ", ""}, "a", "corp.example", false},
    {"CommentsAndBlanksIgnored", {"# ours", "", "corp.example  # main"}, "a", "corp.example", true},
};

INSTANTIATE_TEST_SUITE_P(Patterns, PatternListMatching, ::testing::ValuesIn(matchCases),
                         [](const auto &info) { return std::string(info.param.name); });

struct BadPatternCase
{
    const char *name;
    std::string pattern;
};

void PrintTo(const BadPatternCase &testCase, std::ostream *out)
{
    *out << testCase.pattern;
}

class AddressPatternRejects : public ::testing::TestWithParam<BadPatternCase>
{
};

TEST_P(AddressPatternRejects, WithInvalidPattern)
{
    const auto result = AddressPattern::parse(GetParam().pattern);

    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::InvalidPattern);
    EXPECT_FALSE(result.error().message.empty());
}

const BadPatternCase badPatternCases[] = {
    {"Empty", ""},
    {"Blank", "   "},
    {"BareStar", "*"},
    {"StarDot", "*."},
    {"StarInsideDomain", "mail.*.corp.example"},
    {"StarWithoutDot", "*corp.example"},
    {"StarAsLocalPart", "*@corp.example"},
    {"NothingBeforeAt", "@corp.example"},
    {"NothingAfterAt", "bob@"},
    {"BadDomain", "corp..example"},
    {"Underscore", "my_corp.example"},
};

INSTANTIATE_TEST_SUITE_P(Patterns, AddressPatternRejects, ::testing::ValuesIn(badPatternCases),
                         [](const auto &info) { return std::string(info.param.name); });

TEST(PatternList, ReportsBadEntriesAndKeepsTheGoodOnes)
{
    const PatternList list({"corp..example", "corp.example", "*"});

    ASSERT_EQ(list.errors().size(), 2u);
    EXPECT_EQ(list.errors()[0].fault, PatternFault::BadDomain);
    EXPECT_EQ(list.errors()[0].text, "corp..example");
    EXPECT_NE(list.errors()[0].message.find("corp..example"), std::string::npos);
    EXPECT_EQ(list.errors()[1].fault, PatternFault::MisplacedWildcard);
    EXPECT_EQ(list.errors()[1].text, "*");
    EXPECT_FALSE(list.empty());
    EXPECT_TRUE(list.matches("a", domainOf("corp.example")));
}

TEST(PatternList, SaysWhyEachPatternFails)
{
    const PatternList list({"@corp.example", "a*@corp.example", "a.*.example  # note", "x..y"});
    ASSERT_EQ(list.errors().size(), 4u);
    EXPECT_EQ(list.errors()[0].fault, PatternFault::NothingBeforeAt);
    EXPECT_EQ(list.errors()[1].fault, PatternFault::WildcardBeforeAt);
    EXPECT_EQ(list.errors()[2].fault, PatternFault::MisplacedWildcard);
    EXPECT_EQ(list.errors()[2].text, "a.*.example");
    EXPECT_EQ(list.errors()[3].fault, PatternFault::BadDomain);
}

TEST(PatternList, WithOnlyCommentsIsEmpty)
{
    const PatternList list({"# nothing here"});

    EXPECT_TRUE(list.empty());
    EXPECT_TRUE(list.errors().empty());
}

TEST(AddressPattern, KeepsItsTextForMessages)
{
    const auto pattern = AddressPattern::parse("  *.Corp.Example ");

    ASSERT_TRUE(pattern.ok());
    EXPECT_EQ(pattern.value().text(), "*.Corp.Example");
}

// The list answers from hash sets; asking every pattern in turn must give the same answer, for
// exact, wildcard and address patterns mixed in a long list.
TEST(PatternList, LongListAnswersAsEachPatternWould)
{
    std::vector<std::string> entries;
    for (int i = 0; i < 300; ++i) {
        const std::string n = std::to_string(i);
        entries.push_back(i % 3 == 0   ? "d" + n + ".example"
                          : i % 3 == 1 ? "*.s" + n + ".example"
                                       : "Name" + n + "@a" + n + ".example");
    }
    const PatternList list(entries);
    std::vector<AddressPattern> patterns;
    for (const auto &entry : entries)
        patterns.push_back(AddressPattern::parse(entry).value());

    int matched = 0;
    for (int i = 0; i < 300; ++i) {
        const std::string n = std::to_string(i);
        for (const std::string &domain :
             {"d" + n + ".example", "x.d" + n + ".example", "s" + n + ".example",
              "x.s" + n + ".example", "y.x.s" + n + ".example", "a" + n + ".example",
              "xs" + n + ".example"}) {
            const NormalisedDomain normalised = normaliseDomain(domain).value();
            for (const std::string &local : {"name" + n, "NAME" + n, std::string("other")}) {
                const bool expected = std::any_of(patterns.begin(), patterns.end(), [&](auto &p) {
                    return p.matches(local, normalised);
                });
                SCOPED_TRACE(local + "@" + domain);
                EXPECT_EQ(list.matches(local, normalised), expected);
                matched += expected ? 1 : 0;
            }
        }
    }
    EXPECT_EQ(matched, 100 * 3 + 100 * 2 * 3 + 100 * 2);
}

} // namespace
} // namespace sendguard
