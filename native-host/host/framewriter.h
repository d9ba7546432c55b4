#pragma once

#include <nlohmann/json.hpp>

#include <mutex>

namespace sendguard {

// Writes reply frames to stdout, the only thing that ever goes there. Thread-safe.
class FrameWriter
{
public:
    // Encodes `reply` as one frame and writes it whole. A reply over kMaxReplyBytes (which
    // verdictJson avoids) is replaced by an "internal" error reply for the same id. Returns false
    // when stdout is closed or failing; every later call then returns false without writing.
    bool write(const nlohmann::json &reply);

private:
    std::mutex m_mutex;
    bool m_failed = false;
};

} // namespace sendguard
