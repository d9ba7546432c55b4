#include "frame.h"

#include <algorithm>
#include <cstring>

namespace sendguard {

namespace {

constexpr std::size_t kPrefixBytes = 4;

std::uint32_t readLength(const char *bytes)
{
    std::uint32_t length = 0;
    std::memcpy(&length, bytes, kPrefixBytes); // native byte order, as Gecko writes it
    return length;
}

bool isContinuation(unsigned char byte)
{
    return (byte & 0xC0) == 0x80;
}

} // namespace

Result<std::string> encodeFrame(std::string_view json)
{
    if (json.size() > kMaxReplyBytes) {
        return Error{ErrorCode::FrameTooLarge, "reply of " + std::to_string(json.size())
                                                   + " bytes exceeds the limit of "
                                                   + std::to_string(kMaxReplyBytes) + " bytes"};
    }
    const auto length = static_cast<std::uint32_t>(json.size());
    std::string frame(kPrefixBytes, '\0');
    std::memcpy(frame.data(), &length, kPrefixBytes);
    frame.append(json);
    return frame;
}

void FrameDecoder::feed(std::string_view bytes)
{
    const std::size_t skipped = std::min(m_skipRemaining, bytes.size());
    m_skipRemaining -= skipped;
    bytes.remove_prefix(skipped);
    m_buffer.append(bytes);
    drain();
}

std::optional<FrameDecoder::Item> FrameDecoder::next()
{
    if (m_ready.empty())
        return std::nullopt;
    Item item = std::move(m_ready.front());
    m_ready.pop_front();
    return item;
}

std::optional<Error> FrameDecoder::finish()
{
    // An oversized frame cut short was already reported when its prefix arrived.
    m_skipRemaining = 0;
    if (m_buffer.empty())
        return std::nullopt;

    const std::size_t have = m_buffer.size();
    m_buffer.clear();
    if (have < kPrefixBytes) {
        return Error{ErrorCode::MalformedFrame, "input ended inside a length prefix ("
                                                    + std::to_string(have) + " of 4 bytes)"};
    }
    return Error{ErrorCode::MalformedFrame, "input ended inside a frame ("
                                                + std::to_string(have - kPrefixBytes)
                                                + " payload bytes received)"};
}

// Consumes every complete frame in the buffer. Erases once at the end so that many small frames
// in one feed cost linear time.
void FrameDecoder::drain()
{
    std::size_t position = 0;
    while (m_buffer.size() - position >= kPrefixBytes) {
        const std::size_t length = readLength(m_buffer.data() + position);
        const std::size_t available = m_buffer.size() - position - kPrefixBytes;

        if (length > kMaxRequestBytes) {
            m_ready.push_back(
                {std::nullopt,
                 Error{ErrorCode::FrameTooLarge,
                       "frame of " + std::to_string(length) + " bytes exceeds the limit of "
                           + std::to_string(kMaxRequestBytes) + " bytes; skipped"}});
            const std::size_t skipped = std::min(length, available);
            position += kPrefixBytes + skipped;
            m_skipRemaining = length - skipped;
            continue;
        }
        if (available < length)
            break;

        std::string payload = m_buffer.substr(position + kPrefixBytes, length);
        position += kPrefixBytes + length;
        if (!isValidUtf8(payload)) {
            m_ready.push_back(
                {std::nullopt, Error{ErrorCode::MalformedJson, "frame is not valid UTF-8"}});
            continue;
        }
        m_ready.push_back({std::move(payload), std::nullopt});
    }
    m_buffer.erase(0, position);
}

// RFC 3629 section 4 (the UTF8-octets grammar): rejects overlong forms, surrogates (U+D800..DFFF)
// and code points above U+10FFFF.
bool isValidUtf8(std::string_view bytes)
{
    std::size_t i = 0;
    const std::size_t size = bytes.size();
    while (i < size) {
        const auto lead = static_cast<unsigned char>(bytes[i]);
        if (lead < 0x80) {
            ++i;
            continue;
        }

        std::size_t length = 0;
        unsigned char low = 0x80;
        unsigned char high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0)
                low = 0xA0; // overlong
            if (lead == 0xED)
                high = 0x9F; // surrogates
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0)
                low = 0x90; // overlong
            if (lead == 0xF4)
                high = 0x8F; // above U+10FFFF
        } else {
            return false;
        }

        if (size - i < length)
            return false;
        const auto second = static_cast<unsigned char>(bytes[i + 1]);
        if (second < low || second > high)
            return false;
        for (std::size_t k = 2; k < length; ++k) {
            if (!isContinuation(static_cast<unsigned char>(bytes[i + k])))
                return false;
        }
        i += length;
    }
    return true;
}

void InFlightLimit::acquire(std::size_t bytes)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] {
        return m_frames == 0 || (m_frames < m_maxFrames && m_bytes + bytes <= m_maxBytes);
    });
    ++m_frames;
    m_bytes += bytes;
}

void InFlightLimit::release(std::size_t bytes)
{
    {
        const std::lock_guard lock(m_mutex);
        --m_frames;
        m_bytes -= bytes;
    }
    m_changed.notify_all();
}

std::size_t InFlightLimit::bytesInFlight() const
{
    const std::lock_guard lock(m_mutex);
    return m_bytes;
}

} // namespace sendguard
