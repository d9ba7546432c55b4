#include "engine/domain.h"

#include <gtest/gtest.h>

#include <ostream>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace sendguard {
namespace {

struct DomainCase
{
    const char *name;
    std::string input;
    std::string ascii;
    std::string unicode;
};

void PrintTo(const DomainCase &testCase, std::ostream *out)
{
    *out << testCase.input;
}

class DomainNormalises : public ::testing::TestWithParam<DomainCase>
{
};

TEST_P(DomainNormalises, ToBothForms)
{
    const DomainCase &testCase = GetParam();

    const auto result = normaliseDomain(testCase.input);

    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(result.value().ascii, testCase.ascii);
    EXPECT_EQ(result.value().unicode, testCase.unicode);
}

const DomainCase domainCases[] = {
    {"PlainAscii", "corp.example", "corp.example", "corp.example"},
    {"UpperCase", "Corp.EXAMPLE", "corp.example", "corp.example"},
    {"TrailingDot", "corp.example.", "corp.example", "corp.example"},
    {"UpperCaseAndTrailingDot", "CORP.Example.", "corp.example", "corp.example"},
    {"UnicodeToALabel", "bücher.example", "xn--bcher-kva.example", "bücher.example"},
    {"ALabelToUnicode", "xn--bcher-kva.example", "xn--bcher-kva.example", "bücher.example"},
    {"UpperCaseALabel", "XN--BCHER-KVA.EXAMPLE", "xn--bcher-kva.example", "bücher.example"},
    {"UpperCaseUnicode", "BÜCHER.example", "xn--bcher-kva.example", "bücher.example"},
    {"FullWidthDotsAndTrailingDot", "bücher。example。", "xn--bcher-kva.example", "bücher.example"},
    {"NontransitionalSharpS", "faß.de", "xn--fa-hia.de", "faß.de"},
    {"Japanese", "日本.example", "xn--wgv71a.example", "日本.example"},
    {"SingleLabel", "localhost", "localhost", "localhost"},
};

INSTANTIATE_TEST_SUITE_P(Uts46, DomainNormalises, ::testing::ValuesIn(domainCases),
                         [](const auto &info) { return std::string(info.param.name); });

struct InvalidDomainCase
{
    const char *name;
    std::string input;
    std::string messagePart;
    DomainFault fault;
};

void PrintTo(const InvalidDomainCase &testCase, std::ostream *out)
{
    *out << testCase.input;
}

class DomainRejects : public ::testing::TestWithParam<InvalidDomainCase>
{
};

TEST_P(DomainRejects, WithInvalidDomain)
{
    const InvalidDomainCase &testCase = GetParam();

    const auto result = normaliseDomain(testCase.input);

    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::InvalidDomain);
    EXPECT_NE(result.error().message.find(testCase.messagePart), std::string::npos)
        << result.error().message;
}

// The fault in parts is the message's, so that a dialog can say the same in its own language.
TEST_P(DomainRejects, WithTheFaultInParts)
{
    const InvalidDomainCase &testCase = GetParam();
    DomainError error;

    const auto result = normaliseDomain(testCase.input, error);

    ASSERT_FALSE(result.ok());
    EXPECT_EQ(domainFaultName(error.fault), domainFaultName(testCase.fault));
    const bool cut = testCase.fault == DomainFault::FarTooLong;
    EXPECT_EQ(error.domain, cut ? testCase.input.substr(0, 64) : testCase.input);
    EXPECT_EQ(domainErrorMessage(error), result.error().message);
}

using F = DomainFault;

const InvalidDomainCase invalidDomainCases[] = {
    {"Empty", "", "empty", F::Empty},
    {"OnlyADot", ".", "empty", F::EmptyLabel},
    {"TwoTrailingDots", "corp.example..", "empty label", F::EmptyLabel},
    {"EmptyLabel", "corp..example", "empty label", F::EmptyLabel},
    {"LeadingHyphen", "-corp.example", "starts with '-'", F::LeadingHyphen},
    {"TrailingHyphen", "corp-.example", "ends with '-'", F::TrailingHyphen},
    {"HyphensInThirdAndFourth", "ab--cd.example", "third and fourth", F::HyphensThirdAndFourth},
    {"LeadingCombiningMark",
     "\xcc\x81"
     "a.example",
     "combining mark", F::LeadingCombiningMark},
    {"Underscore", "my_corp.example", "not allowed", F::Disallowed},
    {"Space", "corp example", "not allowed", F::Disallowed},
    {"BadPunycode", "xn--zz-.example", "xn--", F::InvalidAceLabel},
    {"UndecodablePunycode", "xn--99999999.example", "punycode", F::Punycode},
    {"LabelTooLong", std::string(64, 'a') + ".example", "63", F::LabelTooLong},
    {"NameTooLong",
     std::string(60, 'a') + "." + std::string(60, 'b') + "." + std::string(60, 'c') + "."
         + std::string(60, 'd') + "." + std::string(60, 'e'),
     "253", F::NameTooLong},
    {"AddressLiteral", "[192.0.2.1]", "address literals", F::AddressLiteral},
    {"FarTooLong", std::string(5000, 'a'), "too long", F::FarTooLong},
    {"BidiMix",
     "\xd7\x90"
     "a.example",
     "right-to-left", F::Bidi},
    {"ZeroWidthJoiner",
     "a\xe2\x80\x8d"
     "b.example",
     "zero-width joiner", F::ContextJ},
};

INSTANTIATE_TEST_SUITE_P(Uts46, DomainRejects, ::testing::ValuesIn(invalidDomainCases),
                         [](const auto &info) { return std::string(info.param.name); });

// A new fault needs a row above, or a place on this list of faults the options SendGuard gives
// ICU (no CONTEXTO checks) or a working ICU never produce.
TEST(NormaliseDomain, ReportsEveryFaultItCan)
{
    std::set<std::string_view> seen;
    for (const InvalidDomainCase &testCase : invalidDomainCases)
        seen.insert(domainFaultName(testCase.fault));
    for (const DomainFault fault :
         {F::LabelHasDot, F::ContextOPunctuation, F::ContextODigits, F::IdnaFailed, F::Rejected,
          F::ConverterUnavailable, F::ConverterBufferTooSmall})
        EXPECT_TRUE(seen.insert(domainFaultName(fault)).second) << domainFaultName(fault);
    std::set<std::string_view> all;
    for (const DomainFault fault : allDomainFaults()) {
        EXPECT_EQ(domainFaultNamed(domainFaultName(fault)), fault);
        all.insert(domainFaultName(fault));
    }
    EXPECT_EQ(seen, all);
    EXPECT_EQ(all.size(), 22u);
}

TEST(NormalisedDomain, IsIdnOnlyWhenTheFormsDiffer)
{
    EXPECT_TRUE(normaliseDomain("bücher.example").value().isIdn());
    EXPECT_FALSE(normaliseDomain("corp.example").value().isIdn());
}

TEST(NormaliseDomain, GivesTheSameAnswerFromManyThreads)
{
    std::vector<std::thread> threads;
    std::vector<int> failures(8, 0);
    for (std::size_t t = 0; t < failures.size(); ++t) {
        threads.emplace_back([&failures, t] {
            for (int i = 0; i < 500; ++i) {
                const auto result = normaliseDomain("BÜCHER.example.");
                if (!result.ok() || result.value().ascii != "xn--bcher-kva.example")
                    ++failures[t];
            }
        });
    }
    for (auto &thread : threads)
        thread.join();

    for (int failureCount : failures)
        EXPECT_EQ(failureCount, 0);
}

} // namespace
} // namespace sendguard
