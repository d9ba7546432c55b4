#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

struct USpoofChecker; // ICU's, from unicode/uspoof.h

namespace sendguard {

// What UTS #39 (Unicode Security Mechanisms) says about one domain label or name, through ICU's
// spoof checker. The only code that calls uspoof_* and uscript_* (STYLE.md rule 6).
class SpoofChecker
{
public:
    // The one shared instance. Its calls are const and thread-safe: ICU's check and skeleton
    // functions may run concurrently on a checker that is no longer being configured.
    static const SpoofChecker &instance();

    // The UTS #39 section 4 skeleton of UTF-8 `text`: two strings are confusable when their
    // skeletons are equal ("rn" and "m" both give "rn"; Cyrillic "а" gives Latin "a"). For
    // comparison only, never for display: the skeleton of "paypal.com" is "paypal.corn".
    // Empty when ICU fails (invalid UTF-8, or the checker could not be opened); an empty
    // skeleton must therefore not be compared.
    std::string skeleton(std::string_view text) const;

    // Whether one label mixes scripts in a way UTS #39 section 5.2 rates below "highly
    // restrictive": Latin with Cyrillic or Greek, say ("pаypal"). Latin with Han and kana, or a
    // label in a single script, passes. False when ICU fails.
    bool mixesScripts(std::string_view label) const;

    // The scripts of the letters in a label, in order of first appearance, by their Unicode
    // names ("Latin", "Cyrillic"); digits, hyphens and marks (Common, Inherited) are left out.
    std::vector<std::string> scriptNames(std::string_view label) const;

    ~SpoofChecker();
    SpoofChecker(const SpoofChecker &) = delete;
    SpoofChecker &operator=(const SpoofChecker &) = delete;

private:
    SpoofChecker();

    std::string icuSkeleton(std::string_view text) const;

    USpoofChecker *m_checker = nullptr; // null when ICU could not open it
    // ICU's skeleton of each ASCII character whose skeleton is ASCII too (empty otherwise).
    std::array<std::string, 128> m_asciiSkeletons;
};

} // namespace sendguard
