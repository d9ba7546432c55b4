#include "protocol/message.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sendguard {
namespace {

// The JSON library stops at a NUL byte as if the text ended there; what followed was once
// dropped without a word, and the request served as if it were whole.
TEST(ParseMessage, NulByteIsASyntaxErrorNotTheEndOfTheRequest)
{
    const std::string payload = std::string(R"({"type":"ping","id":"p-1"})") + '\0' + "garbage";
    Result<Message> message = parseMessage(payload);
    ASSERT_FALSE(message);
    EXPECT_EQ(message.error().code, ErrorCode::MalformedJson);
    EXPECT_EQ(message.error().message, "request is not JSON (syntax error at byte 27)");
    EXPECT_TRUE(parseMessage(R"({"type":"ping","id":"nul\u0000ok"})"))
        << "an escaped NUL inside a string is valid JSON";
}

TEST(ParseMessage, ReadsPing)
{
    std::string id;
    Result<Message> message = parseMessage(R"({"type":"ping","id":"p-3"})", &id);
    ASSERT_TRUE(message) << message.error().message;
    ASSERT_TRUE(std::holds_alternative<PingRequest>(message.value()));
    EXPECT_EQ(std::get<PingRequest>(message.value()).id, "p-3");
    EXPECT_EQ(id, "p-3");
}

TEST(ParseMessage, ReadsOpenSettingsWithAndWithoutPolicy)
{
    Result<Message> with = parseMessage(
        R"({"type":"openSettings","id":"s-1","policy":{"locked":["trustedDomains"]}})");
    ASSERT_TRUE(with) << with.error().message;
    const auto &open = std::get<OpenSettingsRequest>(with.value());
    EXPECT_EQ(open.id, "s-1");
    EXPECT_EQ(open.adminPolicy, nlohmann::json({{"locked", {"trustedDomains"}}}));

    Result<Message> without = parseMessage(R"({"type":"openSettings","id":"s-2"})");
    ASSERT_TRUE(without) << without.error().message;
    EXPECT_TRUE(std::get<OpenSettingsRequest>(without.value()).adminPolicy.is_null());
}

TEST(ParseMessage, ReadsSentNotice)
{
    Result<Message> message = parseMessage(R"({"type":"sent","id":"r-17"})");
    ASSERT_TRUE(message) << message.error().message;
    EXPECT_EQ(std::get<SentNotice>(message.value()).id, "r-17");
}

TEST(ParseMessage, ReadsLearnBatchWithBothDateForms)
{
    const auto message = parseMessage(
        R"({"type":"learn","id":"l-1","messages":[)"
        R"({"messageId":"<1@x>","date":"2026-03-01T10:00:00.000Z","from":"t@corp.example",)"
        R"("to":["Alice <a@client.example>"],"cc":[],"bcc":["b@client.example"]},)"
        R"({"messageId":"<2@x>","date":1772359200000},{"date":"yesterday"}]})");
    ASSERT_TRUE(message) << message.error().message;
    const auto &learn = std::get<LearnRequest>(message.value());
    EXPECT_EQ(learn.id, "l-1");
    ASSERT_EQ(learn.messages.size(), 3u);
    EXPECT_EQ(learn.messages[0].messageId, "<1@x>");
    EXPECT_EQ(learn.messages[0].time, 1772359200);
    EXPECT_EQ(learn.messages[0].to, std::vector<std::string>{"Alice <a@client.example>"});
    EXPECT_EQ(learn.messages[0].bcc, std::vector<std::string>{"b@client.example"});
    EXPECT_EQ(learn.messages[1].time, 1772359200);
    EXPECT_EQ(learn.messages[2].time, 0);
}

// A number of milliseconds too large for 64 bits of seconds was converted anyway (undefined
// behaviour; INT64_MIN on x86). Such a date is unreadable: the mail is learned without one.
TEST(ParseMessage, LearnDateOutOfRangeCountsAsNoDate)
{
    const auto message = parseMessage(R"({"type":"learn","id":"l-2","messages":[)"
                                      R"({"date":1e300},{"date":-1e300},{"date":1e22},)"
                                      R"({"date":-1772359200000}]})");
    ASSERT_TRUE(message) << message.error().message;
    const auto &learn = std::get<LearnRequest>(message.value());
    ASSERT_EQ(learn.messages.size(), 4u);
    EXPECT_EQ(learn.messages[0].time, 0);
    EXPECT_EQ(learn.messages[1].time, 0);
    EXPECT_EQ(learn.messages[2].time, 0);
    EXPECT_EQ(learn.messages[3].time, -1772359200);
}

TEST(ParseMessage, SentNoticeMayCarryTheMessageId)
{
    const auto message = parseMessage(R"({"type":"sent","id":"r-1","messageId":"<m@x>"})");
    ASSERT_TRUE(message);
    EXPECT_EQ(std::get<SentNotice>(message.value()).messageId, "<m@x>");
}

TEST(ParseMessage, ReadsFullReviewRequest)
{
    const char *json = R"({
      "type": "review", "id": "r-17", "protocol": 1,
      "draft": {
        "from": "Taro Yamada <taro@corp.example>",
        "to": ["Alice Example <alice@client.example>"],
        "cc": ["c@corp.example"], "bcc": ["b@corp.example"], "replyTo": ["r@corp.example"],
        "subject": "Quote for March", "body": "plain text", "type": "reply",
        "original": { "from": "alice@client.example", "to": ["taro@corp.example"], "cc": [] },
        "attachments": [ { "name": "quote.pdf", "size": 48213 }, { "name": "x" } ],
        "unexpandedLists": [ "sales team <sales team>" ],
        "someFutureMember": 42
      },
      "policy": { "internalDomains": ["corp.example"] }
    })";
    Result<Message> message = parseMessage(json);
    ASSERT_TRUE(message) << message.error().message;
    const auto &review = std::get<ReviewRequest>(message.value());
    EXPECT_EQ(review.id, "r-17");
    const Draft &draft = review.draft;
    EXPECT_EQ(draft.from, "Taro Yamada <taro@corp.example>");
    EXPECT_EQ(draft.to, std::vector<std::string>{"Alice Example <alice@client.example>"});
    EXPECT_EQ(draft.cc, std::vector<std::string>{"c@corp.example"});
    EXPECT_EQ(draft.bcc, std::vector<std::string>{"b@corp.example"});
    EXPECT_EQ(draft.replyTo, std::vector<std::string>{"r@corp.example"});
    EXPECT_EQ(draft.subject, "Quote for March");
    EXPECT_EQ(draft.body, "plain text");
    EXPECT_EQ(draft.type, "reply");
    ASSERT_TRUE(draft.original);
    EXPECT_EQ(draft.original->to, std::vector<std::string>{"taro@corp.example"});
    ASSERT_EQ(draft.attachments.size(), 2u);
    EXPECT_EQ(draft.attachments[0].name, "quote.pdf");
    EXPECT_EQ(draft.attachments[0].size, 48213);
    EXPECT_EQ(draft.attachments[1].size, -1);
    EXPECT_EQ(draft.unexpandedLists.size(), 1u);
    EXPECT_EQ(review.adminPolicy["internalDomains"][0], "corp.example");
}

TEST(ParseMessage, MissingOptionalDraftMembersTakeDefaults)
{
    Result<Message> message
        = parseMessage(R"({"type":"review","id":"r","draft":{"bcc":["a@b.example"]}})");
    ASSERT_TRUE(message) << message.error().message;
    const auto &review = std::get<ReviewRequest>(message.value());
    EXPECT_TRUE(review.draft.to.empty());
    EXPECT_EQ(review.draft.type, "new");
    EXPECT_FALSE(review.draft.original);
    EXPECT_TRUE(review.adminPolicy.is_null());
}

TEST(ParseMessage, NullMembersCountAsAbsent)
{
    Result<Message> message = parseMessage(
        R"({"type":"review","id":"r","draft":{"to":["a@b.example"],"replyTo":null,"original":null},"policy":null})");
    ASSERT_TRUE(message) << message.error().message;
    EXPECT_TRUE(std::get<ReviewRequest>(message.value()).adminPolicy.is_null());
}

struct ErrorCase
{
    const char *name;
    std::string payload;
    ErrorCode code;
    const char *mentions; // the member the message must name
    const char *id;       // what idOut must hold
};

TEST(ParseMessage, EveryErrorNamesTheProblem)
{
    const std::string review = R"({"type":"review","id":"r-1","draft":)";
    const std::vector<ErrorCase> cases = {
        {"not json", "{nope", ErrorCode::MalformedJson, "not JSON", ""},
        {"empty payload", "", ErrorCode::MalformedJson, "not JSON", ""},
        {"invalid utf-8", "{\"id\":\"\xff\"}", ErrorCode::MalformedJson, "UTF-8", ""},
        {"array", "[1]", ErrorCode::InvalidRequest, "object", ""},
        {"no id", R"({"type":"ping"})", ErrorCode::InvalidRequest, "id", ""},
        {"id not string", R"({"type":"ping","id":5})", ErrorCode::InvalidRequest, "id", ""},
        {"id too long", R"({"type":"ping","id":")" + std::string(300, 'x') + "\"}",
         ErrorCode::InvalidRequest, "id", ""},
        {"no type", R"({"id":"x"})", ErrorCode::InvalidRequest, "type", "x"},
        {"type not string", R"({"id":"x","type":1})", ErrorCode::InvalidRequest, "type", "x"},
        {"unknown type", R"({"id":"x","type":"dance"})", ErrorCode::InvalidRequest, "dance", "x"},
        {"learn without messages", R"({"id":"l","type":"learn"})", ErrorCode::InvalidRequest,
         "messages", "l"},
        {"learn message not object", R"({"id":"l","type":"learn","messages":[1]})",
         ErrorCode::InvalidRequest, "messages[0]", "l"},
        {"learn to not list", R"({"id":"l","type":"learn","messages":[{"to":"a@b"}]})",
         ErrorCode::InvalidRequest, "messages[0].to", "l"},
        {"openSettings policy not object", R"({"id":"o","type":"openSettings","policy":[]})",
         ErrorCode::InvalidRequest, "policy must be an object", "o"},
        {"no draft", R"({"type":"review","id":"r-1"})", ErrorCode::InvalidRequest, "draft", "r-1"},
        {"draft not object", review + "[]}", ErrorCode::InvalidRequest, "draft", "r-1"},
        {"protocol not integer", R"({"type":"review","id":"r-1","protocol":"1","draft":{}})",
         ErrorCode::InvalidRequest, "protocol", "r-1"},
        {"protocol unknown", R"({"type":"review","id":"r-1","protocol":2,"draft":{}})",
         ErrorCode::InvalidRequest, "protocol 2", "r-1"},
        {"from not string", review + R"({"from":1}})", ErrorCode::InvalidRequest, "draft.from",
         "r-1"},
        {"to not array", review + R"({"to":"a@b"}})", ErrorCode::InvalidRequest, "draft.to", "r-1"},
        {"to entry not string", review + R"({"to":["a@b","c@d",7]}})", ErrorCode::InvalidRequest,
         "draft.to[2] must be a string", "r-1"},
        {"cc entry", review + R"({"cc":[null]}})", ErrorCode::InvalidRequest, "draft.cc[0]", "r-1"},
        {"bcc entry", review + R"({"bcc":[{}]}})", ErrorCode::InvalidRequest, "draft.bcc[0]",
         "r-1"},
        {"replyTo entry", review + R"({"replyTo":[[]]}})", ErrorCode::InvalidRequest,
         "draft.replyTo[0]", "r-1"},
        {"unexpandedLists", review + R"({"unexpandedLists":{}}})", ErrorCode::InvalidRequest,
         "draft.unexpandedLists", "r-1"},
        {"subject", review + R"({"subject":[]}})", ErrorCode::InvalidRequest, "draft.subject",
         "r-1"},
        {"body", review + R"({"body":1.5}})", ErrorCode::InvalidRequest, "draft.body", "r-1"},
        {"type", review + R"({"type":true}})", ErrorCode::InvalidRequest, "draft.type", "r-1"},
        {"original", review + R"({"original":"x"}})", ErrorCode::InvalidRequest, "draft.original",
         "r-1"},
        {"original.to", review + R"({"original":{"to":[1]}}})", ErrorCode::InvalidRequest,
         "draft.original.to[0]", "r-1"},
        {"original.from", review + R"({"original":{"from":1}}})", ErrorCode::InvalidRequest,
         "draft.original.from", "r-1"},
        {"attachments", review + R"({"attachments":{}}})", ErrorCode::InvalidRequest,
         "draft.attachments", "r-1"},
        {"attachment not object", review + R"({"attachments":[{},"a"]}})",
         ErrorCode::InvalidRequest, "draft.attachments[1]", "r-1"},
        {"attachment name", review + R"({"attachments":[{"name":1}]}})", ErrorCode::InvalidRequest,
         "draft.attachments[0].name", "r-1"},
        {"attachment size", review + R"({"attachments":[{"size":"big"}]}})",
         ErrorCode::InvalidRequest, "draft.attachments[0].size", "r-1"},
        {"attachment size huge", review + R"({"attachments":[{"size":18446744073709551615}]}})",
         ErrorCode::InvalidRequest, "draft.attachments[0].size", "r-1"},
        {"policy not object", R"({"type":"review","id":"r-1","draft":{},"policy":[]})",
         ErrorCode::InvalidRequest, "policy", "r-1"},
        // A draft naming nobody was reviewed as a mail to no one: "send", no dialog.
        {"empty draft", review + "{}}", ErrorCode::InvalidRequest, "draft has no recipients",
         "r-1"},
        {"misspelt To", review + R"({"To":["a@b.example"]}})", ErrorCode::InvalidRequest,
         "draft has no recipients", "r-1"},
        {"recipients member", review + R"({"recipients":["a@b.example"]}})",
         ErrorCode::InvalidRequest, "draft has no recipients", "r-1"},
        {"empty lists", review + R"({"to":[],"cc":[],"bcc":[]}})", ErrorCode::InvalidRequest,
         "draft has no recipients", "r-1"},
        {"to null", review + R"({"to":null,"attachments":null}})", ErrorCode::InvalidRequest,
         "draft.to must be an array of strings, not null", "r-1"},
        {"cc null", review + R"({"to":["a@b.example"],"cc":null}})", ErrorCode::InvalidRequest,
         "draft.cc must be an array of strings, not null", "r-1"},
    };
    for (const ErrorCase &c : cases) {
        SCOPED_TRACE(c.name);
        std::string id;
        Result<Message> message = parseMessage(c.payload, &id);
        ASSERT_FALSE(message);
        EXPECT_EQ(message.error().code, c.code);
        EXPECT_NE(message.error().message.find(c.mentions), std::string::npos)
            << message.error().message;
        EXPECT_EQ(id, c.id);
    }
}

TEST(ParseMessage, AttachmentSizeInFloatFormIsAccepted)
{
    Result<Message> message = parseMessage(
        R"({"type":"review","id":"r","draft":{"to":["a@b.example"],"attachments":[{"size":1.5e3},{"size":-1}]}})");
    ASSERT_TRUE(message) << message.error().message;
    const auto &attachments = std::get<ReviewRequest>(message.value()).draft.attachments;
    EXPECT_EQ(attachments[0].size, 1500);
    EXPECT_EQ(attachments[1].size, -1);
}

TEST(ParseMessage, SyntaxErrorDoesNotQuoteTheInput)
{
    Result<Message> message = parseMessage(R"({"type":"review","body":"SECRET-TEXT" oops})");
    ASSERT_FALSE(message);
    EXPECT_EQ(message.error().message.find("SECRET"), std::string::npos);
}

TEST(ParseMessage, UnknownTypeNameIsCutShort)
{
    Result<Message> message
        = parseMessage(R"({"id":"x","type":")" + std::string(10000, 'y') + "\"}");
    ASSERT_FALSE(message);
    EXPECT_LT(message.error().message.size(), 200u);
}

TEST(ParseMessage, DeeplyNestedJsonFailsWithoutCrashing)
{
    const std::string nested = std::string(100000, '[') + std::string(100000, ']');
    EXPECT_FALSE(parseMessage(nested));
}

} // namespace
} // namespace sendguard
