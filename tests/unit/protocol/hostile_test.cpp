// Hostile requests found by attacking the real host: each case once crashed or misbehaved.

#include "protocol/message.h"

#include <gtest/gtest.h>

#include <string>

namespace sendguard {
namespace {

std::string nested(std::size_t depth)
{
    return std::string(depth, '[') + std::string(depth, ']');
}

std::string reviewWithPolicyMember(const std::string &value)
{
    return R"({"type":"review","id":"r-deep","draft":{"to":["a@b.example"]},"policy":{"x":)" + value
           + "}}";
}

// The request is copied member by member, which recursed once per level: 100,000 '[' in a
// policy overflowed the stack (an ASan stack-overflow in the real host).
TEST(HostileRequest, DeeplyNestedPolicyIsRefusedNamingTheDepth)
{
    std::string id;
    Result<Message> message = parseMessage(reviewWithPolicyMember(nested(100000)), &id);
    ASSERT_FALSE(message);
    EXPECT_EQ(message.error().code, ErrorCode::InvalidRequest);
    EXPECT_NE(message.error().message.find("levels deep"), std::string::npos)
        << message.error().message;
}

TEST(HostileRequest, DeeplyNestedObjectsAreRefused)
{
    std::string objects;
    for (int i = 0; i < 50000; ++i)
        objects += R"({"a":)";
    objects += "1" + std::string(50000, '}');
    Result<Message> message = parseMessage(reviewWithPolicyMember(objects));
    ASSERT_FALSE(message);
    EXPECT_EQ(message.error().code, ErrorCode::InvalidRequest);
}

TEST(HostileRequest, NestingUpToTheLimitIsAccepted)
{
    // The request object and the policy object are two levels.
    Result<Message> message = parseMessage(reviewWithPolicyMember(nested(62)));
    ASSERT_TRUE(message) << message.error().message;
    EXPECT_FALSE(parseMessage(reviewWithPolicyMember(nested(63))));
}

TEST(HostileRequest, BracketsInsideStringsDoNotCount)
{
    const std::string brackets = std::string(1000, '[') + "\\\"" + std::string(1000, '{');
    Result<Message> message
        = parseMessage(R"({"type":"review","id":"r","draft":{"to":["a@b.example"],"subject":")"
                       + brackets + R"("}})");
    ASSERT_TRUE(message) << message.error().message;
    EXPECT_EQ(std::get<ReviewRequest>(message.value()).draft.subject.size(), 2001u);
}

} // namespace
} // namespace sendguard
