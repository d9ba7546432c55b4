#pragma once

#include <string>
#include <string_view>

namespace sendguard {

// Folds UTF-8 text for matching: Unicode NFKC followed by case folding (ICU's "nfkc_cf" data,
// UAX #15 and UAX #44 NFKC_Casefold). Full-width Latin letters and digits become ASCII,
// half-width katakana becomes full-width, "ﾊﾟ" becomes "パ", ligatures split, and case
// differences vanish ("ＣＯＮＦＩＤＥＮＴＩＡＬ" and "Confidential" both fold to
// "confidential"). Line breaks, spaces and ASCII punctuation are kept, so line structure survives.
// Ill-formed UTF-8 is passed through unchanged. Never fails: should ICU's data be unavailable,
// the text comes back with only ASCII letters lower-cased. Linear in the length of the text.
std::string foldForMatching(std::string_view text);

} // namespace sendguard
