#include "engine/address.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

namespace sendguard {
namespace {

struct ExpectedMailbox
{
    std::string displayName;
    std::string localPart;
    std::string domain;
};

struct ParseCase
{
    const char *name;
    std::string entry;
    std::vector<ExpectedMailbox> mailboxes;
};

void PrintTo(const ParseCase &testCase, std::ostream *out)
{
    *out << testCase.entry;
}

class AddressListParses : public ::testing::TestWithParam<ParseCase>
{
};

TEST_P(AddressListParses, IntoTheExpectedMailboxes)
{
    const ParseCase &testCase = GetParam();
    const auto result = parseAddressList(testCase.entry);

    ASSERT_TRUE(result.ok()) << result.error().message;
    const auto &mailboxes = result.value();
    ASSERT_EQ(mailboxes.size(), testCase.mailboxes.size());
    for (std::size_t i = 0; i < mailboxes.size(); ++i) {
        SCOPED_TRACE("mailbox " + std::to_string(i));
        EXPECT_EQ(mailboxes[i].displayName, testCase.mailboxes[i].displayName);
        EXPECT_EQ(mailboxes[i].localPart, testCase.mailboxes[i].localPart);
        EXPECT_EQ(mailboxes[i].domain, testCase.mailboxes[i].domain);
    }
}

const ParseCase parseCases[] = {
    {"BareAddrSpec", "alice@client.example", {{"", "alice", "client.example"}}},
    {"NameAddr",
     "Alice Example <alice@client.example>",
     {{"Alice Example", "alice", "client.example"}}},
    {"AngleAddrWithoutName", "<alice@client.example>", {{"", "alice", "client.example"}}},
    {"QuotedCommaInDisplayName",
     "\"Example, Alice\" <alice@client.example>",
     {{"Example, Alice", "alice", "client.example"}}},
    {"QuotedAtSignInDisplayName",
     "\"alice@corp.example\" <alice@client.example>",
     {{"alice@corp.example", "alice", "client.example"}}},
    {"EscapedQuoteInDisplayName",
     R"("Alice \"Al\" Example" <alice@client.example>)",
     {{"Alice \"Al\" Example", "alice", "client.example"}}},
    {"EscapedBackslashInDisplayName",
     R"("back\\slash" <b@client.example>)",
     {{"back\\slash", "b", "client.example"}}},
    {"QuotedAndAtomWordsInOnePhrase",
     "\"Example, Alice\" Sales <alice@client.example>",
     {{"Example, Alice Sales", "alice", "client.example"}}},
    {"ObsoletePhraseWithDot", "J. Smith <j@client.example>", {{"J. Smith", "j", "client.example"}}},
    {"CommentAfterAddrSpec",
     "alice@client.example (Alice at work)",
     {{"", "alice", "client.example"}}},
    {"CommentBeforeAngleAddr",
     "Alice (work) <alice@client.example>",
     {{"Alice", "alice", "client.example"}}},
    {"NestedComment", "(a (b (c))) alice@client.example", {{"", "alice", "client.example"}}},
    {"CommentInsideAddrSpec", "alice(x)@(y)client.example", {{"", "alice", "client.example"}}},
    {"CommentWithEscapedParenthesis",
     R"(alice@client.example (smile \) ))",
     {{"", "alice", "client.example"}}},
    {"FoldingWhitespace",
     "Alice\r\n Example <alice@client.example>",
     {{"Alice Example", "alice", "client.example"}}},
    {"Group",
     "team: a@client.example, B <b@partner.example>;",
     {{"", "a", "client.example"}, {"B", "b", "partner.example"}}},
    {"GroupWithComment", "team: a@client.example; (end)", {{"", "a", "client.example"}}},
    {"UndisclosedRecipients", "undisclosed-recipients:;", {}},
    {"EmptyGroupWithSpaces", "undisclosed-recipients: ;", {}},
    {"SeveralMailboxesInOneEntry",
     "a@client.example, \"B, Bee\" <b@partner.example>",
     {{"", "a", "client.example"}, {"B, Bee", "b", "partner.example"}}},
    {"GroupAndMailboxInOneEntry",
     "team: a@client.example;, c@corp.example",
     {{"", "a", "client.example"}, {"", "c", "corp.example"}}},
    {"EmptyListElements",
     ", a@client.example,, b@client.example,",
     {{"", "a", "client.example"}, {"", "b", "client.example"}}},
    {"UnicodeDisplayNameAndDomain",
     "Jörg Müller <joerg@bücher.example>",
     {{"Jörg Müller", "joerg", "bücher.example"}}},
    {"JapaneseDisplayName",
     "山田 太郎 <taro@corp.example>",
     {{"山田 太郎", "taro", "corp.example"}}},
    {"UnicodeLocalPart", "josé@client.example", {{"", "josé", "client.example"}}},
    {"PunycodeDomainKeptAsWritten",
     "x@XN--BCHER-KVA.example",
     {{"", "x", "XN--BCHER-KVA.example"}}},
    {"QuotedLocalPart", "\"john doe\"@client.example", {{"", "john doe", "client.example"}}},
    {"DottedLocalPart",
     "first.last+tag@client.example",
     {{"", "first.last+tag", "client.example"}}},
    {"TrailingDotInDomain", "alice@client.example.", {{"", "alice", "client.example."}}},
    {"DomainLiteralKeptForNormalisation", "a@[192.0.2.1]", {{"", "a", "[192.0.2.1]"}}},
    {"EncodedWordLeftAsWritten",
     "=?UTF-8?Q?J=C3=B6rg?= <j@client.example>",
     {{"=?UTF-8?Q?J=C3=B6rg?=", "j", "client.example"}}},
    {"SurroundingWhitespace", "   alice@client.example   ", {{"", "alice", "client.example"}}},
};

INSTANTIATE_TEST_SUITE_P(Rfc5322, AddressListParses, ::testing::ValuesIn(parseCases),
                         [](const auto &info) { return std::string(info.param.name); });

struct RejectCase
{
    const char *name;
    std::string entry;
    std::string messagePart; // the message must name the problem
};

void PrintTo(const RejectCase &testCase, std::ostream *out)
{
    *out << testCase.entry;
}

class AddressListRejects : public ::testing::TestWithParam<RejectCase>
{
};

TEST_P(AddressListRejects, WithInvalidAddressNamingTheProblem)
{
    const RejectCase &testCase = GetParam();
    const auto result = parseAddressList(testCase.entry);

    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::InvalidAddress);
    EXPECT_NE(result.error().message.find(testCase.messagePart), std::string::npos)
        << result.error().message;
}

const RejectCase rejectCases[] = {
    {"EmptyEntry", "", "holds no address"},
    {"OnlyWhitespace", "   ", "holds no address"},
    {"OnlyCommas", " , , ", "holds no address"},
    {"BareLocalPart", "bob", "\"bob\" is not an email address"},
    {"NameWithoutAddress", "Bob Smith", "has no @domain"},
    {"UnexpandedMailingList", "List <List>", "mailing list that was not expanded"},
    {"MissingClosingAngle", "Alice <alice@client.example", "expected '>'"},
    {"EmptyAngleAddr", "Alice <>", "empty"},
    {"NothingAfterAt", "alice@", "no domain after '@'"},
    {"NothingBeforeAt", "@client.example", "expected an address"},
    {"TwoAtSigns", "a@b@client.example", "unexpected '@'"},
    {"DoubleDotInDomain", "a@client..example", "two dots in a row"},
    {"DoubleDotInLocalPart", "a..b@client.example", "after '.'"},
    {"SpaceSeparatedAddresses", "a@client.example b@client.example", "separate addresses with ','"},
    {"UnquotedAtSignInDisplayName", "alice@corp.example <alice@client.example>", "needs quotes"},
    {"UnclosedQuote", "\"Alice <alice@client.example>", "not closed"},
    {"UnclosedComment", "alice@client.example (oops", "not closed"},
    {"UnclosedGroup", "team: a@client.example", "not closed with ';'"},
    {"NestedGroup", "outer: inner: a@client.example;;", "inside another group"},
    {"SourceRoute", "<@relay.example:a@client.example>", "source routes"},
    {"ControlCharacter", std::string("a@client.example\x01"), "U+0001"},
    {"NulByte", std::string("a@client.example\0", 17), "U+0000"},
    {"InvalidUtf8", "\xff@client.example", "UTF-8"},
    {"OverlongUtf8", "\xc0\xaf@client.example", "UTF-8"},
    {"TruncatedUtf8", "a@client.exampl\xc3", "UTF-8"},
    {"SemicolonOutsideGroup", "a@client.example;", "unexpected ';'"},
    {"DeeplyNestedComments", std::string(200, '(') + "a@b", "nested too deeply"},
};

INSTANTIATE_TEST_SUITE_P(Rfc5322, AddressListRejects, ::testing::ValuesIn(rejectCases),
                         [](const auto &info) { return std::string(info.param.name); });

TEST(AddressParser, AcceptsCommentsNestedUpToTheLimit)
{
    const std::string entry = std::string(32, '(') + std::string(32, ')') + " a@client.example";

    const auto result = parseAddressList(entry);

    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(result.value().size(), 1u);
}

TEST(AddressParser, HandlesAVeryLongEntryInOnePass)
{
    std::string entry;
    for (int i = 0; i < 20000; ++i)
        entry += "\"Person, " + std::to_string(i) + "\" <p" + std::to_string(i)
                 + "@client.example>, ";

    const auto result = parseAddressList(entry);

    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(result.value().size(), 20000u);
}

TEST(AddressParser, MailboxAddressJoinsLocalPartAndDomain)
{
    const Mailbox mailbox{"Alice", "alice", "client.example"};

    EXPECT_EQ(mailbox.address(), "alice@client.example");
}

} // namespace
} // namespace sendguard
