// libFuzzer target for the request parser and everything a parsed review flows through: the
// engine, the verdict (with its size cap) and the serialiser.

#include "engine/engine.h"
#include "protocol/frame.h"
#include "protocol/message.h"
#include "protocol/reply.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace sendguard;
    const std::string_view payload(reinterpret_cast<const char *>(data), size);

    std::string id;
    Result<Message> message = parseMessage(payload, &id);
    if (!message) {
        if (!encodeFrame(dumpJson(errorJson(id, message.error()))))
            std::abort(); // an error reply must always fit
        return 0;
    }

    const auto *review = std::get_if<ReviewRequest>(&message.value());
    if (!review)
        return 0;

    PolicyProblems problems;
    const Policy policy
        = review->adminPolicy.is_null() ? Policy() : policyFromJson(review->adminPolicy, problems);
    const Review result = reviewDraft(review->draft, policy);
    const std::string verdict = dumpJson(verdictJson(review->id, Decision::Cancel, result));
    if (!encodeFrame(verdict))
        std::abort(); // verdicts are trimmed to fit, never refused
    dumpJson(reviewToJson(result));
    return 0;
}
