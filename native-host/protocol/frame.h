#pragma once

#include "../engine/result.h"

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace sendguard {

// Native messaging frames: a 4-byte length in native byte order, then that many bytes of UTF-8
// JSON (Mozilla's NativeMessaging.sys.mjs). Thunderbird accepts at most 1 MiB from the host.
inline constexpr std::size_t kMaxReplyBytes = 1024 * 1024;
// We accept larger requests (a draft with a long body) up to this bound; beyond it the frame is
// skipped and answered with an error. A review carries names and sizes, never attachment
// contents; the largest real case (README: a 1 MB body and 5,000 recipients) is about 1.5 MB,
// and even a 1 MB body of control characters, each escaped as \u00XX, stays near 6 MB. 8 MiB
// leaves that margin, while parsing a hostile 8 MiB frame costs at most a few hundred MB and
// seconds; 64 MiB cost 2.3 GB and a minute on the main thread.
inline constexpr std::size_t kMaxRequestBytes = 8 * 1024 * 1024;

// Encodes one reply frame. Fails with FrameTooLarge above kMaxReplyBytes of payload.
Result<std::string> encodeFrame(std::string_view json);

// An incremental decoder: feed it bytes as they arrive, take frames out. It never throws and
// never stops: an oversized frame's bytes are skipped and reported as one error, after which
// decoding resumes at the next length prefix.
class FrameDecoder
{
public:
    struct Item
    {
        std::optional<std::string> payload; // a complete frame's bytes
        std::optional<Error> error;         // or why a frame was rejected
    };

    void feed(std::string_view bytes);
    std::optional<Item> next();

    // Call at end of input. Reports a truncated frame (a partial prefix or payload) once.
    std::optional<Error> finish();

private:
    std::string m_buffer;
    std::size_t m_skipRemaining = 0;
    std::deque<Item> m_ready;
    void drain();
};

// Bounds the frames read but not yet handled, in number and in bytes, between a reader thread
// (acquire) and the thread that handles them (release). One frame always passes when none is in
// flight, so a frame of any allowed size still gets through.
class InFlightLimit
{
public:
    InFlightLimit(std::size_t maxFrames, std::size_t maxBytes)
        : m_maxFrames(maxFrames)
        , m_maxBytes(maxBytes)
    {}

    void acquire(std::size_t bytes); // waits until the frame fits
    void release(std::size_t bytes);
    std::size_t bytesInFlight() const;

private:
    const std::size_t m_maxFrames;
    const std::size_t m_maxBytes;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::size_t m_frames = 0;
    std::size_t m_bytes = 0;
};

// True when `bytes` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool isValidUtf8(std::string_view bytes);

} // namespace sendguard
