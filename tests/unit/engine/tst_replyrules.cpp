// Table tests for `new-domain-in-reply` and `unexpanded-list`.

#include "engine/engine.h"

#include <gtest/gtest.h>

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace sendguard {
namespace {

const std::string taro = "Taro Yamada <taro@corp.example>";

std::vector<const Finding *> findingsOf(const Review &review, std::string_view rule)
{
    std::vector<const Finding *> found;
    for (const auto &finding : review.findings) {
        if (finding.rule == rule)
            found.push_back(&finding);
    }
    return found;
}

std::string targetAddress(const Review &review, const Finding &finding)
{
    if (finding.target.kind != Target::Kind::Recipient
        || finding.target.index >= review.recipients.size())
        return {};
    return review.recipients[finding.target.index].normalisedAddress();
}

// --- new-domain-in-reply ----------------------------------------------------------------------

const OriginalMessage clientThread{"Alice <alice@client.example>",
                                   {"Taro Yamada <taro@corp.example>"},
                                   {"Bob <bob@partner.example>"}};

struct NewDomainCase
{
    const char *name;
    std::string type;
    std::optional<OriginalMessage> original;
    std::vector<std::string> to;
    std::vector<std::string> cc;
    std::vector<std::string> internalDomains;
    std::vector<std::string> expected; // addresses the rule points at, in order
};

void PrintTo(const NewDomainCase &testCase, std::ostream *out)
{
    *out << testCase.name;
}

class NewDomainInReply : public ::testing::TestWithParam<NewDomainCase>
{
};

TEST_P(NewDomainInReply, PointsAtRecipientsOutsideTheConversation)
{
    const NewDomainCase &testCase = GetParam();
    Draft draft;
    draft.from = taro;
    draft.type = testCase.type;
    draft.original = testCase.original;
    draft.to = testCase.to;
    draft.cc = testCase.cc;
    Policy policy;
    policy.internalDomains = testCase.internalDomains;

    const Review review = reviewDraft(draft, policy);

    std::vector<std::string> pointedAt;
    for (const auto *finding : findingsOf(review, "new-domain-in-reply")) {
        EXPECT_EQ(finding->severity, Severity::Warn);
        pointedAt.push_back(targetAddress(review, *finding));
    }
    EXPECT_EQ(pointedAt, testCase.expected);
}

const NewDomainCase newDomainCases[] = {
    // Firing.
    {"ReplyAllAddsThirdCompany",
     "reply",
     clientThread,
     {"alice@client.example"},
     {"bob@partner.example", "carol@third.example"},
     {},
     {"carol@third.example"}},
    {"ForwardToNewDomain",
     "forward",
     clientThread,
     {"dan@other.example"},
     {},
     {},
     {"dan@other.example"}},
    {"EachNewRecipientIsNamed",
     "reply",
     clientThread,
     {"x@third.example", "y@third.example", "z@fourth.example"},
     {},
     {},
     {"x@third.example", "y@third.example", "z@fourth.example"}},
    {"SubdomainOfConversationDomainIsNew",
     "reply",
     clientThread,
     {"eve@mail.client.example"},
     {},
     {},
     {"eve@mail.client.example"}},
    {"LookAlikeOfConversationDomainIsNew",
     "reply",
     clientThread,
     {"alice@c1ient.example"},
     {},
     {},
     {"alice@c1ient.example"}},
    {"SenderDomainOutsidePolicyStillCounts",
     "reply",
     clientThread,
     {"alice@client.example", "carol@third.example"},
     {},
     {"hq.example"},
     {"carol@third.example"}},
    // Silent.
    {"ReplyWithinThread",
     "reply",
     clientThread,
     {"alice@client.example"},
     {"bob@partner.example"},
     {},
     {}},
    {"NewPersonInConversationDomain",
     "reply",
     clientThread,
     {"alice@client.example", "carol@partner.example"},
     {},
     {},
     {}},
    {"DomainComparedCaseInsensitively",
     "reply",
     clientThread,
     {"Alice@CLIENT.Example."},
     {},
     {},
     {}},
    {"ColleagueAddedToReply", "reply", clientThread, {"hanako@corp.example"}, {}, {}, {}},
    {"InternalByPolicyNeverFires",
     "forward",
     clientThread,
     {"ops@eu.corp.example"},
     {},
     {"corp.example", "*.corp.example"},
     {}},
    {"NewMessageIsNotAReply", "new", clientThread, {"carol@third.example"}, {}, {}, {}},
    {"DraftIsNotAReply", "draft", clientThread, {"carol@third.example"}, {}, {}, {}},
    {"RedirectIsNotChecked", "redirect", clientThread, {"carol@third.example"}, {}, {}, {}},
    {"ReplyWithoutOriginal", "reply", std::nullopt, {"carol@third.example"}, {}, {}, {}},
    {"OriginalWithNothingReadable",
     "reply",
     OriginalMessage{"not an address", {}, {"undisclosed-recipients:;"}},
     {"carol@third.example"},
     {},
     {},
     {}},
};

INSTANTIATE_TEST_SUITE_P(Rules, NewDomainInReply, ::testing::ValuesIn(newDomainCases),
                         [](const auto &info) { return std::string(info.param.name); });

TEST(NewDomainInReply, MessageNamesTheDomainAndTheConversation)
{
    Draft draft;
    draft.from = taro;
    draft.type = "reply";
    draft.original = clientThread;
    draft.to = {"Carol <carol@bücher.example>"};

    const Review review = reviewDraft(draft, {});

    const auto found = findingsOf(review, "new-domain-in-reply");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0]->kind, "newDomainInReply.reply");
    EXPECT_EQ(found[0]->args.text.at("domain"), "bücher.example (xn--bcher-kva.example)");
    EXPECT_EQ(found[0]->message,
              "bücher.example (xn--bcher-kva.example) was not part of the conversation you are "
              "replying to. Check that it should read this mail.");
}

TEST(NewDomainInReply, PolicyCanSwitchItOff)
{
    Draft draft;
    draft.from = taro;
    draft.type = "reply";
    draft.original = clientThread;
    draft.to = {"carol@third.example"};
    Policy policy;
    policy.rules["new-domain-in-reply"].enabled = false;

    EXPECT_TRUE(findingsOf(reviewDraft(draft, policy), "new-domain-in-reply").empty());
}

// --- unexpanded-list --------------------------------------------------------------------------

struct ListCase
{
    const char *name;
    std::vector<std::string> unexpanded;
    std::vector<std::string> expected; // the list names the messages give, in order
};

void PrintTo(const ListCase &testCase, std::ostream *out)
{
    *out << testCase.name;
}

class UnexpandedList : public ::testing::TestWithParam<ListCase>
{
};

TEST_P(UnexpandedList, ReportsEveryListItCouldNotExpand)
{
    const ListCase &testCase = GetParam();
    Draft draft;
    draft.from = taro;
    draft.to = {"alice@client.example"};
    draft.unexpandedLists = testCase.unexpanded;

    const Review review = reviewDraft(draft, {});

    std::vector<std::string> names;
    for (const auto *finding : findingsOf(review, "unexpanded-list")) {
        EXPECT_EQ(finding->severity, Severity::Warn);
        EXPECT_EQ(finding->target.kind, Target::Kind::Entry);
        EXPECT_EQ(finding->kind, "unexpandedList");
        const std::string &name = finding->args.text.at("list");
        EXPECT_EQ(finding->message, "The list \u201c" + name
                                        + "\u201d could not be expanded, so SendGuard cannot "
                                          "check who is on it. Make sure everyone on it should "
                                          "get this mail.");
        names.push_back(name);
    }
    EXPECT_EQ(names, testCase.expected);
    EXPECT_TRUE(findingsOf(review, "invalid-address").empty());
}

const ListCase listCases[] = {
    {"ListWithoutDescription", {"sales team <sales team>"}, {"sales team"}},
    {"ListWithDescription", {"Holmes and Watson <Tenants221B>"}, {"Holmes and Watson"}},
    {"NameQuotedInBracketsAsThunderbirdSendsIt",
     {"Sales Partners <\"Sales Partners\">"},
     {"Sales Partners"}},
    {"QuotedListName", {"\"Sales, Tokyo\" <Sales, Tokyo>"}, {"Sales, Tokyo"}},
    {"BareName", {"board"}, {"board"}},
    {"TwoLists", {"a <a>", "b <b>"}, {"a", "b"}},
    // Silent.
    {"NoLists", {}, {}},
};

INSTANTIATE_TEST_SUITE_P(Rules, UnexpandedList, ::testing::ValuesIn(listCases),
                         [](const auto &info) { return std::string(info.param.name); });

TEST(UnexpandedList, TargetKeepsTheEntryAsWritten)
{
    Draft draft;
    draft.from = taro;
    draft.unexpandedLists = {"sales team <sales team>"};

    const Review review = reviewDraft(draft, {});

    const auto found = findingsOf(review, "unexpanded-list");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0]->target.text, "sales team <sales team>");
    EXPECT_TRUE(review.needsDialog());
}

TEST(UnexpandedList, SilentWhenSwitchedOff)
{
    Draft draft;
    draft.from = taro;
    draft.unexpandedLists = {"sales team <sales team>"};
    Policy policy;
    policy.rules["unexpanded-list"].enabled = false;

    EXPECT_TRUE(findingsOf(reviewDraft(draft, policy), "unexpanded-list").empty());
}

} // namespace
} // namespace sendguard
