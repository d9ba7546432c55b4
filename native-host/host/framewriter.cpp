#include "framewriter.h"

#include "logging.h"
#include "platform.h"

#include "protocol/frame.h"
#include "protocol/reply.h"

namespace sendguard {

bool FrameWriter::write(const nlohmann::json &reply)
{
    Result<std::string> frame = encodeFrame(dumpJson(reply));
    if (!frame) {
        qCCritical(lcProtocol) << "reply too large:" << frame.error().message.c_str();
        const std::string id = reply.contains("id") && reply["id"].is_string()
                                   ? reply["id"].get<std::string>()
                                   : std::string();
        frame = encodeFrame(dumpJson(errorJson(id, {ErrorCode::Internal, "reply too large"})));
    }

    std::lock_guard lock(m_mutex);
    if (m_failed)
        return false;
    if (!platform::writeStdout(frame.value())) {
        m_failed = true;
        qCWarning(lcProtocol) << "stdout is closed; no further replies";
        return false;
    }
    return true;
}

} // namespace sendguard
