#include "engine/draft.h"
#include "engine/policy.h"
#include "engine/result.h"
#include "engine/review.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

namespace sendguard {
namespace {

TEST(Names, SeverityNamesRoundTrip)
{
    for (Severity severity : {Severity::Info, Severity::Confirm, Severity::Warn, Severity::Block}) {
        SCOPED_TRACE(severityName(severity));
        EXPECT_EQ(severityFromName(severityName(severity)), severity);
    }
    EXPECT_STREQ(severityName(Severity::Confirm), "confirm");
}

TEST(Names, UnknownSeverityNameIsNone)
{
    EXPECT_FALSE(severityFromName("Block").has_value());
    EXPECT_FALSE(severityFromName("").has_value());
}

TEST(Names, FieldNames)
{
    EXPECT_STREQ(fieldName(Field::To), "to");
    EXPECT_STREQ(fieldName(Field::Cc), "cc");
    EXPECT_STREQ(fieldName(Field::Bcc), "bcc");
}

TEST(Names, ErrorCodeNamesAreKebabCase)
{
    EXPECT_STREQ(errorCodeName(ErrorCode::InvalidAddress), "invalid-address");
    EXPECT_STREQ(errorCodeName(ErrorCode::InvalidDomain), "invalid-domain");
    EXPECT_STREQ(errorCodeName(ErrorCode::InvalidPattern), "invalid-pattern");
    EXPECT_STREQ(errorCodeName(ErrorCode::InvalidPolicy), "invalid-policy");
    EXPECT_STREQ(errorCodeName(ErrorCode::MalformedFrame), "malformed-frame");
    EXPECT_STREQ(errorCodeName(ErrorCode::FrameTooLarge), "frame-too-large");
    EXPECT_STREQ(errorCodeName(ErrorCode::MalformedJson), "malformed-json");
    EXPECT_STREQ(errorCodeName(ErrorCode::InvalidRequest), "invalid-request");
    EXPECT_STREQ(errorCodeName(ErrorCode::Io), "io");
    EXPECT_STREQ(errorCodeName(ErrorCode::Unavailable), "unavailable");
    EXPECT_STREQ(errorCodeName(ErrorCode::Internal), "internal");
}

TEST(ReviewedRecipient, NormalisedAddressLowerCasesLocalPartAndUsesAsciiDomain)
{
    ReviewedRecipient recipient;
    recipient.localPart = "Alice.Example";
    recipient.domain = {"xn--bcher-kva.example", "bücher.example"};

    EXPECT_EQ(recipient.normalisedAddress(), "alice.example@xn--bcher-kva.example");
}

TEST(Policy, RulesAreOnWithTheirDefaultSeverityUnlessSet)
{
    Policy policy;
    policy.rules["attachment"] = RuleSetting{false, {}};
    policy.rules["external-recipient"] = RuleSetting{true, Severity::Warn};

    EXPECT_TRUE(policy.ruleEnabled("blocked-domain"));
    EXPECT_FALSE(policy.ruleEnabled("attachment"));
    EXPECT_EQ(policy.ruleSeverity("blocked-domain", Severity::Block), Severity::Block);
    EXPECT_EQ(policy.ruleSeverity("attachment", Severity::Confirm), Severity::Confirm);
    EXPECT_EQ(policy.ruleSeverity("external-recipient", Severity::Confirm), Severity::Warn);
}

Review reviewWith(const std::vector<Severity> &severities, bool internalOnly = true)
{
    Review review;
    ReviewedRecipient recipient;
    recipient.internal = internalOnly;
    review.recipients.push_back(recipient);
    for (Severity severity : severities)
        review.findings.push_back(Finding{"rule", severity, {}, "why", {}, {}});
    return review;
}

struct DialogCase
{
    const char *name;
    std::vector<Severity> severities;
    bool skipWhenInternalOnly;
    bool blocked;
    bool needsConfirmation;
    bool needsDialog;
};

void PrintTo(const DialogCase &testCase, std::ostream *out)
{
    *out << testCase.name;
}

class ReviewVerdict : public ::testing::TestWithParam<DialogCase>
{
};

TEST_P(ReviewVerdict, FollowsTheFindings)
{
    const DialogCase &testCase = GetParam();
    Review review = reviewWith(testCase.severities);
    review.skipWhenInternalOnly = testCase.skipWhenInternalOnly;

    EXPECT_EQ(review.blocked(), testCase.blocked);
    EXPECT_EQ(review.needsConfirmation(), testCase.needsConfirmation);
    EXPECT_EQ(review.needsDialog(), testCase.needsDialog);
}

const DialogCase dialogCases[] = {
    {"NothingFound", {}, true, false, false, false},
    {"NothingFoundButSkipOff", {}, false, false, false, true},
    {"InfoOnly", {Severity::Info}, true, false, false, false},
    {"Confirm", {Severity::Confirm}, true, false, true, true},
    {"Warn", {Severity::Warn}, true, false, true, true},
    {"Block", {Severity::Block}, true, true, false, true},
    {"BlockAndConfirm", {Severity::Block, Severity::Confirm}, true, true, true, true},
};

INSTANTIATE_TEST_SUITE_P(Review, ReviewVerdict, ::testing::ValuesIn(dialogCases),
                         [](const auto &info) { return std::string(info.param.name); });

TEST(Review, NoDialogWithoutRecipientsEvenWithSkipOff)
{
    Review review;
    review.skipWhenInternalOnly = false;

    EXPECT_FALSE(review.needsDialog());
}

TEST(Review, ExternalRecipientsPresent)
{
    EXPECT_FALSE(reviewWith({}, true).externalRecipientsPresent());
    EXPECT_TRUE(reviewWith({}, false).externalRecipientsPresent());
}

} // namespace
} // namespace sendguard
