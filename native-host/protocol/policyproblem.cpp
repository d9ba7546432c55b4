#include "policyproblem.h"

namespace sendguard {

std::string layerName(PolicyProblem::Layer layer)
{
    switch (layer) {
    case PolicyProblem::Layer::None:
        return {};
    case PolicyProblem::Layer::Admin:
        return "admin policy";
    case PolicyProblem::Layer::User:
        return "your settings";
    case PolicyProblem::Layer::Merged:
        return "merged policy";
    }
    return {};
}

std::string clippedText(std::string_view text)
{
    constexpr std::size_t kMaxBytes = 64;
    if (text.size() <= kMaxBytes)
        return std::string(text);
    std::size_t end = kMaxBytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        --end;
    return std::string(text.substr(0, end));
}

} // namespace sendguard
