// libFuzzer target for the frame reader: arbitrary bytes, fed in arbitrary pieces.
//
// The first byte chooses the piece sizes, so one input explores both the stream and where it is
// split. Checks the decoder's promises: it never throws or crashes, every payload it hands out
// is valid UTF-8 no larger than kMaxRequestBytes, and finish() reports truncation at most once.

#include "protocol/frame.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace sendguard;
    if (size == 0)
        return 0;

    const std::size_t pieceSeed = data[0];
    std::string_view stream(reinterpret_cast<const char *>(data + 1), size - 1);

    FrameDecoder decoder;
    std::size_t step = 0;
    while (!stream.empty()) {
        const std::size_t piece = 1 + (pieceSeed * 31 + step * 7) % 17;
        const std::size_t taken = piece < stream.size() ? piece : stream.size();
        decoder.feed(stream.substr(0, taken));
        stream.remove_prefix(taken);
        ++step;

        while (auto item = decoder.next()) {
            if (item->payload.has_value() == item->error.has_value())
                std::abort();
            if (item->payload
                && (!isValidUtf8(*item->payload) || item->payload->size() > kMaxRequestBytes))
                std::abort();
        }
    }
    decoder.finish();
    if (decoder.finish() || decoder.next())
        std::abort();
    return 0;
}
