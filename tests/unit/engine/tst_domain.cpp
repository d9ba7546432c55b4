#include "engine/domain.h"

#include <gtest/gtest.h>

#include <ostream>
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

const InvalidDomainCase invalidDomainCases[] = {
    {"Empty", "", "empty"},
    {"OnlyADot", ".", "empty"},
    {"TwoTrailingDots", "corp.example..", "empty label"},
    {"EmptyLabel", "corp..example", "empty label"},
    {"LeadingHyphen", "-corp.example", "starts with '-'"},
    {"TrailingHyphen", "corp-.example", "ends with '-'"},
    {"Underscore", "my_corp.example", "not allowed"},
    {"Space", "corp example", "not allowed"},
    {"BadPunycode", "xn--zz-.example", "xn--"},
    {"LabelTooLong", std::string(64, 'a') + ".example", "63"},
    {"AddressLiteral", "[192.0.2.1]", "address literals"},
    {"FarTooLong", std::string(5000, 'a'), "too long"},
    {"BidiMix",
     "\xd7\x90"
     "a.example",
     "right-to-left"},
};

INSTANTIATE_TEST_SUITE_P(Uts46, DomainRejects, ::testing::ValuesIn(invalidDomainCases),
                         [](const auto &info) { return std::string(info.param.name); });

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
