// Hostile requests found by attacking the real host: each case once crashed or misbehaved.

#include "protocol/message.h"

#include "protocol/frame.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <thread>

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

// 8 MiB of "{}," parsed into millions of heap objects: gigabytes and a minute at 64 MiB.
TEST(HostileRequest, TooManyValuesAreRefusedBeforeParsing)
{
    std::string objects;
    for (int i = 0; i < 300000; ++i)
        objects += "{},";
    std::string id;
    Result<Message> message
        = parseMessage(R"({"type":"review","id":"r-many","draft":{"to":[)" + objects + "0]}}", &id);
    ASSERT_FALSE(message);
    EXPECT_EQ(message.error().code, ErrorCode::InvalidRequest);
    EXPECT_NE(message.error().message.find("JSON values"), std::string::npos);
    EXPECT_EQ(id, "r-many");
}

TEST(HostileRequest, TheLargestRealRequestsStayWithinTheLimits)
{
    // README's large case: a 1 MB body and 5,000 recipients, in well under 8 MiB.
    nlohmann::json review = {{"type", "review"}, {"id", "r-big"}};
    review["draft"]["body"] = std::string(1000000, 'x');
    for (int i = 0; i < 5000; ++i)
        review["draft"]["to"].push_back("Person " + std::to_string(i) + " <p" + std::to_string(i)
                                        + "@client.example>");
    const std::string text = review.dump();
    EXPECT_LT(text.size(), kMaxRequestBytes / 4);
    Result<Message> message = parseMessage(text);
    ASSERT_TRUE(message) << message.error().message;

    // A learn batch as the extension sends it: 200 messages with 50 recipients each.
    nlohmann::json learn
        = {{"type", "learn"}, {"id", "l-big"}, {"messages", nlohmann::json::array()}};
    for (int m = 0; m < 200; ++m) {
        nlohmann::json entry = {{"messageId", "<" + std::to_string(m) + "@corp.example>"},
                                {"from", "taro@corp.example"}};
        for (int r = 0; r < 50; ++r)
            entry["to"].push_back("r" + std::to_string(r) + "@client.example");
        learn["messages"].push_back(entry);
    }
    Result<Message> batch = parseMessage(learn.dump());
    ASSERT_TRUE(batch) << batch.error().message;
}

TEST(HostileRequest, FrameLimitIsEightMebibytes)
{
    EXPECT_EQ(kMaxRequestBytes, 8u * 1024 * 1024);
    FrameDecoder decoder;
    const std::uint32_t length = 8 * 1024 * 1024 + 1;
    std::string prefix(4, '\0');
    std::memcpy(prefix.data(), &length, 4);
    decoder.feed(prefix);
    const auto item = decoder.next();
    ASSERT_TRUE(item);
    ASSERT_TRUE(item->error);
    EXPECT_EQ(item->error->code, ErrorCode::FrameTooLarge);
}

// The reader kept 16 frames of up to 64 MiB each in flight: bytes bound it now, not frames.
TEST(HostileRequest, FramesInFlightAreBoundedInBytes)
{
    const std::size_t big = 8 * 1024 * 1024;
    InFlightLimit limit(16, 2 * big);
    limit.acquire(big);
    limit.acquire(big);
    std::atomic<bool> third = false;
    std::thread reader([&] {
        limit.acquire(big);
        third = true;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    EXPECT_FALSE(third) << "a third 8 MiB frame must wait";
    EXPECT_EQ(limit.bytesInFlight(), 2 * big);
    limit.release(big);
    reader.join();
    EXPECT_TRUE(third);
    limit.release(big);
    limit.release(big);

    // With nothing in flight one frame passes whatever its size, and small frames stop at 16.
    limit.acquire(3 * big);
    limit.release(3 * big);
    for (int i = 0; i < 16; ++i)
        limit.acquire(10);
    std::atomic<bool> seventeenth = false;
    std::thread more([&] {
        limit.acquire(10);
        seventeenth = true;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    EXPECT_FALSE(seventeenth);
    limit.release(10);
    more.join();
    EXPECT_TRUE(seventeenth);
}

} // namespace
} // namespace sendguard
