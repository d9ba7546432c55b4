#include "engine/address.h"

#include <gtest/gtest.h>

#include <ostream>
#include <set>
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
    AddressFault fault;      // ... and the error say which it is
    std::string found = {};  // what the parser found there (empty: the end, or nothing named)
    std::string part = {};   // what the fault is about
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

// The fault in parts is the message's, so that a dialog can say the same in its own language.
TEST_P(AddressListRejects, WithTheFaultInParts)
{
    const RejectCase &testCase = GetParam();
    AddressError error;
    const auto result = parseAddressList(testCase.entry, error);

    ASSERT_FALSE(result.ok());
    EXPECT_EQ(addressFaultName(error.fault), addressFaultName(testCase.fault));
    EXPECT_EQ(error.found, testCase.found);
    EXPECT_EQ(error.part, testCase.part);
    EXPECT_EQ(addressErrorMessage(error), result.error().message);
}

using F = AddressFault;

const RejectCase rejectCases[] = {
    {"EmptyEntry", "", "holds no address", F::NoAddress},
    {"OnlyWhitespace", "   ", "holds no address", F::NoAddress},
    {"OnlyCommas", " , , ", "holds no address", F::NoAddress},
    {"BareLocalPart", "bob", "\"bob\" is not an email address", F::NoDomain, "", "bob"},
    {"NameWithoutAddress", "Bob Smith", "has no @domain", F::NoDomain, "", "Bob Smith"},
    {"UnexpandedMailingList", "List <List>", "mailing list that was not expanded",
     F::NoDomainMaybeList, "", "List <List>"},
    {"MissingClosingAngle", "Alice <alice@client.example", "expected '>'", F::ExpectedClosingAngle,
     "", "alice@client.example"},
    {"WrongClosingAngle", "Alice <alice@client.example]", "but found ']'", F::ExpectedClosingAngle,
     "]", "alice@client.example"},
    {"EmptyAngleAddr", "Alice <>", "empty", F::EmptyAngleAddress},
    {"NothingAfterAt", "alice@", "no domain after '@'", F::NoDomainAfterAt},
    {"NothingBeforeAt", "@client.example", "expected an address", F::ExpectedAddress, "@"},
    {"NothingAfterTheName", "Alice", "has no @domain", F::NoDomain, "", "Alice"},
    {"TwoAtSigns", "a@b@client.example", "unexpected '@'", F::UnexpectedCharacter, "@", "a@b"},
    {"DoubleDotInDomain", "a@client..example", "two dots in a row", F::DomainHasTwoDots},
    {"DoubleDotInLocalPart", "a..b@client.example", "after '.'", F::ExpectedTextAfterDot, "."},
    {"DotAtTheEnd", "a.", "but found the end of the entry", F::ExpectedTextAfterDot},
    {"SpaceSeparatedAddresses", "a@client.example b@client.example", "separate addresses with ','",
     F::UnexpectedCharacter, "b", "a@client.example"},
    {"UnquotedAtSignInDisplayName", "alice@corp.example <alice@client.example>", "needs quotes",
     F::DisplayNameNeedsQuotes},
    {"UnclosedQuote", "\"Alice <alice@client.example>", "not closed", F::QuotedStringNotClosed},
    {"ControlCharacterInQuotes", "\"Al\x07ice\" <a@client.example>",
     "a quoted string holds the control character U+0007", F::QuotedStringHoldsBadCharacter,
     "\x07"},
    {"BackslashAtTheEndOfAQuote", "\"Alice\\", "escapes nothing", F::EscapesNothing},
    {"UnclosedComment", "alice@client.example (oops", "not closed", F::CommentNotClosed},
    {"ControlCharacterInComment", "alice@client.example (o\x02ops)",
     "a comment holds the control character U+0002", F::CommentHoldsBadCharacter, "\x02"},
    {"UnclosedDomainLiteral", "a@[192.0.2.1", "'[' is not closed", F::DomainLiteralNotClosed},
    {"ControlCharacterInDomainLiteral", "a@[192.0.\x03.1]",
     "a domain literal holds the control character U+0003", F::DomainLiteralHoldsBadCharacter,
     "\x03"},
    {"UnclosedGroup", "team: a@client.example", "not closed with ';'", F::GroupNotClosed, "",
     "team"},
    {"NestedGroup", "outer: inner: a@client.example;;", "inside another group", F::NestedGroup, "",
     "inner"},
    {"SourceRoute", "<@relay.example:a@client.example>", "source routes", F::SourceRoute},
    {"ControlCharacter", std::string("a@client.example\x01"), "U+0001", F::UnexpectedCharacter,
     "\x01", "a@client.example"},
    {"NulByte", std::string("a@client.example\0", 17), "U+0000", F::UnexpectedCharacter,
     std::string(1, '\0'), "a@client.example"},
    {"JunkAfterAnEmptyGroup", "undisclosed-recipients:; x", "unexpected 'x'; separate",
     F::UnexpectedCharacter, "x"},
    {"InvalidUtf8", "\xff@client.example", "UTF-8", F::InvalidUtf8},
    {"OverlongUtf8", "\xc0\xaf@client.example", "UTF-8", F::InvalidUtf8},
    {"TruncatedUtf8", "a@client.exampl\xc3", "UTF-8", F::InvalidUtf8},
    {"SemicolonOutsideGroup", "a@client.example;", "unexpected ';'", F::UnexpectedCharacter, ";",
     "a@client.example"},
    {"DeeplyNestedComments", std::string(200, '(') + "a@b", "nested too deeply", F::CommentTooDeep},
};

INSTANTIATE_TEST_SUITE_P(Rfc5322, AddressListRejects, ::testing::ValuesIn(rejectCases),
                         [](const auto &info) { return std::string(info.param.name); });

// A new fault needs a row above: the dialog says each fault in its own words, and only faults
// the parser really reports are worth a sentence.
TEST(AddressParser, ReportsEveryFaultItHas)
{
    std::set<std::string_view> reported;
    for (const RejectCase &testCase : rejectCases)
        reported.insert(addressFaultName(testCase.fault));
    std::set<std::string_view> all;
    for (const AddressFault fault : allAddressFaults())
        all.insert(addressFaultName(fault));
    EXPECT_EQ(reported, all);
    EXPECT_EQ(all.size(), 23u);
}

TEST(AddressParser, FaultNamesAreDistinctAndReadBack)
{
    std::set<std::string_view> names;
    for (const AddressFault fault : allAddressFaults()) {
        const std::string_view name = addressFaultName(fault);
        EXPECT_FALSE(name.empty());
        EXPECT_TRUE(names.insert(name).second) << name;
        EXPECT_EQ(addressFaultNamed(name), fault) << name;
    }
    EXPECT_FALSE(addressFaultNamed("noSuchFault").has_value());
    EXPECT_FALSE(addressFaultNamed("").has_value());
}

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
