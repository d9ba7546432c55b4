#include "protocol/frame.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

namespace sendguard {
namespace {

std::string frame(std::string_view payload)
{
    const auto length = static_cast<std::uint32_t>(payload.size());
    std::string bytes(4, '\0');
    std::memcpy(bytes.data(), &length, 4);
    return bytes + std::string(payload);
}

std::string prefix(std::uint32_t length)
{
    std::string bytes(4, '\0');
    std::memcpy(bytes.data(), &length, 4);
    return bytes;
}

// What came out of the decoder, flattened for comparison: "payload" or "!error-code".
std::vector<std::string> drain(FrameDecoder &decoder)
{
    std::vector<std::string> out;
    while (auto item = decoder.next()) {
        if (item->payload)
            out.push_back(*item->payload);
        else
            out.push_back(std::string("!") + errorCodeName(item->error->code));
    }
    return out;
}

std::vector<std::string> decodeInPieces(const std::string &stream, std::size_t pieceSize)
{
    FrameDecoder decoder;
    std::vector<std::string> out;
    for (std::size_t i = 0; i < stream.size(); i += pieceSize) {
        decoder.feed(std::string_view(stream).substr(i, pieceSize));
        for (std::string &item : drain(decoder))
            out.push_back(std::move(item));
    }
    if (auto error = decoder.finish())
        out.push_back(std::string("!") + errorCodeName(error->code));
    return out;
}

TEST(FrameDecoder, DecodesOneFrameSplitAtEveryByteBoundary)
{
    const std::string payload = R"({"type":"ping","id":"p-1"})";
    const std::string stream = frame(payload);
    for (std::size_t split = 0; split <= stream.size(); ++split) {
        SCOPED_TRACE("split at byte " + std::to_string(split));
        FrameDecoder decoder;
        decoder.feed(std::string_view(stream).substr(0, split));
        decoder.feed(std::string_view(stream).substr(split));
        EXPECT_EQ(drain(decoder), std::vector<std::string>{payload});
        EXPECT_FALSE(decoder.finish());
    }
}

TEST(FrameDecoder, DecodesSeveralFramesFedByteByByteOrAllAtOnce)
{
    const std::vector<std::string> payloads = {"{}", "[1,2,3]", "\"\xc3\xa9t\xc3\xa9\"", ""};
    std::string stream;
    for (const std::string &payload : payloads)
        stream += frame(payload);
    for (std::size_t pieceSize : {std::size_t(1), std::size_t(3), stream.size()}) {
        SCOPED_TRACE("pieces of " + std::to_string(pieceSize));
        EXPECT_EQ(decodeInPieces(stream, pieceSize), payloads);
    }
}

TEST(FrameDecoder, ZeroLengthFrameIsAnEmptyPayload)
{
    FrameDecoder decoder;
    decoder.feed(frame(""));
    EXPECT_EQ(drain(decoder), std::vector<std::string>{""});
}

TEST(FrameDecoder, OversizedFrameIsOneErrorThenDecodingResumes)
{
    const std::size_t length = kMaxRequestBytes + 1;
    std::string stream = prefix(static_cast<std::uint32_t>(length)) + std::string(length, 'x')
                         + frame("{\"after\":1}");
    for (std::size_t pieceSize : {std::size_t(7), std::size_t(1 << 20), stream.size()}) {
        SCOPED_TRACE("pieces of " + std::to_string(pieceSize));
        EXPECT_EQ(decodeInPieces(stream, pieceSize),
                  (std::vector<std::string>{"!frame-too-large", "{\"after\":1}"}));
    }
}

TEST(FrameDecoder, FrameOfExactlyTheLimitIsAccepted)
{
    FrameDecoder decoder;
    decoder.feed(frame(std::string(kMaxRequestBytes, 'a')));
    auto item = decoder.next();
    ASSERT_TRUE(item && item->payload);
    EXPECT_EQ(item->payload->size(), kMaxRequestBytes);
}

TEST(FrameDecoder, OversizedFrameCutShortAtEndIsNotReportedTwice)
{
    FrameDecoder decoder;
    decoder.feed(prefix(0xFFFFFFFFu) + "abc");
    EXPECT_EQ(drain(decoder), std::vector<std::string>{"!frame-too-large"});
    EXPECT_FALSE(decoder.finish());
}

TEST(FrameDecoder, TruncatedInputIsReportedOnceAtFinish)
{
    struct Case
    {
        const char *name;
        std::string stream;
    };
    const std::vector<Case> cases = {
        {"one prefix byte", std::string(1, '\x05')},
        {"three prefix bytes", std::string("\x05\x00\x00", 3)},
        {"prefix only", prefix(10)},
        {"half the payload", prefix(10) + "12345"},
        {"complete frame then partial", frame("{}") + prefix(4) + "{"},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.name);
        FrameDecoder decoder;
        decoder.feed(c.stream);
        drain(decoder);
        auto error = decoder.finish();
        ASSERT_TRUE(error);
        EXPECT_EQ(error->code, ErrorCode::MalformedFrame);
        EXPECT_FALSE(decoder.finish());
    }
}

TEST(FrameDecoder, FinishAfterWholeFramesReportsNothing)
{
    FrameDecoder decoder;
    decoder.feed(frame("{}") + frame("[]"));
    drain(decoder);
    EXPECT_FALSE(decoder.finish());
}

TEST(FrameDecoder, InvalidUtf8PayloadIsMalformedJsonAndDecodingGoesOn)
{
    FrameDecoder decoder;
    decoder.feed(frame("{\"a\":\"\xff\"}") + frame("{}"));
    EXPECT_EQ(drain(decoder), (std::vector<std::string>{"!malformed-json", "{}"}));
}

TEST(EncodeFrame, PrefixesNativeOrderLength)
{
    Result<std::string> encoded = encodeFrame("{}");
    ASSERT_TRUE(encoded);
    EXPECT_EQ(encoded.value(), frame("{}"));
}

TEST(EncodeFrame, RefusesPayloadOverTheReplyLimit)
{
    EXPECT_TRUE(encodeFrame(std::string(kMaxReplyBytes, 'a')));
    Result<std::string> tooLarge = encodeFrame(std::string(kMaxReplyBytes + 1, 'a'));
    ASSERT_FALSE(tooLarge);
    EXPECT_EQ(tooLarge.error().code, ErrorCode::FrameTooLarge);
}

TEST(IsValidUtf8, AcceptsAndRejectsByRfc3629)
{
    struct Case
    {
        const char *name;
        std::string bytes;
        bool valid;
    };
    const std::vector<Case> cases = {
        {"empty", "", true},
        {"ascii", "hello", true},
        {"two-byte e-acute", "\xc3\xa9", true},
        {"three-byte kanji", "\xe7\x94\xb0", true},
        {"four-byte emoji", "\xf0\x9f\x98\x80", true},
        {"U+10FFFF", "\xf4\x8f\xbf\xbf", true},
        {"NUL byte", std::string("a\0b", 3), true},
        {"lone continuation", "\x80", false},
        {"overlong slash C0", "\xc0\xaf", false},
        {"overlong three-byte", "\xe0\x80\xaf", false},
        {"overlong four-byte", "\xf0\x80\x80\xaf", false},
        {"surrogate D800", "\xed\xa0\x80", false},
        {"above U+10FFFF", "\xf4\x90\x80\x80", false},
        {"F5 lead", "\xf5\x80\x80\x80", false},
        {"truncated two-byte", "\xc3", false},
        {"truncated four-byte", "\xf0\x9f\x98", false},
        {"bad second continuation", "\xe7\x94\x41", false},
        {"FF byte", "\xff", false},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.name);
        EXPECT_EQ(isValidUtf8(c.bytes), c.valid);
    }
}

} // namespace
} // namespace sendguard
