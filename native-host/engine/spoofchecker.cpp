#include "spoofchecker.h"

#include <unicode/uscript.h>
#include <unicode/uspoof.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <climits>

namespace sendguard {

namespace {

bool fitsIcuLength(std::string_view text)
{
    return text.size() < static_cast<std::size_t>(INT32_MAX);
}

bool isAscii(std::string_view text)
{
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

} // namespace

const SpoofChecker &SpoofChecker::instance()
{
    static const SpoofChecker checker;
    return checker;
}

SpoofChecker::SpoofChecker()
{
    UErrorCode status = U_ZERO_ERROR;
    m_checker = uspoof_open(&status);
    // Only the restriction level is asked for; USPOOF_AUX_INFO makes uspoof_check2 report the
    // level it found (ORed into its result, above USPOOF_ALL_CHECKS).
    uspoof_setChecks(m_checker, USPOOF_RESTRICTION_LEVEL | USPOOF_AUX_INFO, &status);
    uspoof_setRestrictionLevel(m_checker, USPOOF_HIGHLY_RESTRICTIVE);
    if (U_FAILURE(status)) {
        uspoof_close(m_checker);
        m_checker = nullptr;
        return;
    }
    for (std::size_t code = 1; code < m_asciiSkeletons.size(); ++code) {
        const char character = static_cast<char>(code);
        std::string prototype = icuSkeleton(std::string_view(&character, 1));
        if (!prototype.empty() && isAscii(prototype))
            m_asciiSkeletons[code] = std::move(prototype);
    }
}

SpoofChecker::~SpoofChecker()
{
    uspoof_close(m_checker);
}

// UTS #39 section 4 defines the skeleton as NFD, then each character replaced by its prototype,
// then NFD again. ASCII is its own NFD, so for ASCII text whose prototypes are all ASCII the
// skeleton is the prototypes end to end: the common case of a plain domain, without ICU's
// per-call cost.
std::string SpoofChecker::skeleton(std::string_view text) const
{
    if (!m_checker || text.empty())
        return {};
    std::string fast;
    fast.reserve(text.size() + 8);
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= m_asciiSkeletons.size() || m_asciiSkeletons[byte].empty())
            return icuSkeleton(text);
        fast += m_asciiSkeletons[byte];
    }
    return fast;
}

std::string SpoofChecker::icuSkeleton(std::string_view text) const
{
    if (!m_checker || text.empty() || !fitsIcuLength(text))
        return {};
    const auto length = static_cast<int32_t>(text.size());
    std::string output(text.size() * 2 + 16, '\0');
    for (int attempt = 0; attempt < 2; ++attempt) {
        UErrorCode status = U_ZERO_ERROR;
        // The type argument is deprecated; 0 asks for the one skeleton UTS #39 defines.
        const int32_t written
            = uspoof_getSkeletonUTF8(m_checker, 0, text.data(), length, output.data(),
                                     static_cast<int32_t>(output.size()), &status);
        if (status == U_BUFFER_OVERFLOW_ERROR && written > 0) {
            output.assign(static_cast<std::size_t>(written), '\0');
            continue;
        }
        if (U_FAILURE(status))
            return {};
        output.resize(static_cast<std::size_t>(written));
        return output;
    }
    return {};
}

bool SpoofChecker::mixesScripts(std::string_view label) const
{
    if (!m_checker || label.empty() || !fitsIcuLength(label))
        return false;
    UErrorCode status = U_ZERO_ERROR;
    const int32_t result = uspoof_check2UTF8(m_checker, label.data(),
                                             static_cast<int32_t>(label.size()), nullptr, &status);
    if (U_FAILURE(status))
        return false;
    // The result also carries the restriction level (USPOOF_AUX_INFO): only the check bits
    // say whether a check failed (toolchain.md section 2).
    return (result & USPOOF_ALL_CHECKS & USPOOF_RESTRICTION_LEVEL) != 0;
}

std::vector<std::string> SpoofChecker::scriptNames(std::string_view label) const
{
    std::vector<std::string> names;
    if (!fitsIcuLength(label))
        return names;
    const auto *bytes = reinterpret_cast<const uint8_t *>(label.data());
    const auto length = static_cast<int32_t>(label.size());
    int32_t offset = 0;
    while (offset < length) {
        UChar32 codePoint = 0;
        U8_NEXT(bytes, offset, length, codePoint);
        if (codePoint < 0)
            continue; // an ill-formed sequence has no script
        UErrorCode status = U_ZERO_ERROR;
        const UScriptCode script = uscript_getScript(codePoint, &status);
        if (U_FAILURE(status) || script == USCRIPT_COMMON || script == USCRIPT_INHERITED)
            continue;
        const char *name = uscript_getName(script);
        if (name && std::find(names.begin(), names.end(), name) == names.end())
            names.emplace_back(name);
    }
    return names;
}

} // namespace sendguard
