#include "result.h"

namespace sendguard {

const char *errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidAddress:
        return "invalid-address";
    case ErrorCode::InvalidDomain:
        return "invalid-domain";
    case ErrorCode::InvalidPattern:
        return "invalid-pattern";
    case ErrorCode::InvalidPolicy:
        return "invalid-policy";
    case ErrorCode::MalformedFrame:
        return "malformed-frame";
    case ErrorCode::FrameTooLarge:
        return "frame-too-large";
    case ErrorCode::MalformedJson:
        return "malformed-json";
    case ErrorCode::InvalidRequest:
        return "invalid-request";
    case ErrorCode::Io:
        return "io";
    case ErrorCode::Unavailable:
        return "unavailable";
    case ErrorCode::Internal:
        return "internal";
    }
    return "internal";
}

} // namespace sendguard
