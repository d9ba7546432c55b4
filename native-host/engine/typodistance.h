#pragma once

#include <string>
#include <string_view>

namespace sendguard {

// How many keystrokes, weighed by how likely each slip is, turn `intended` into `typed`: a
// Damerau-Levenshtein distance (optimal string alignment: adjacent transpositions, no edit of a
// substring twice) over Unicode code points, counted in half steps so that it stays an integer.
//
//   2  an insertion, a deletion, or a substitution of unrelated characters
//   1  a substitution of QWERTY neighbours ("gnail") or of a digit for the letter it resembles
//      (0/o, 1/l/i, 5/s, also l/i: "c0rp"); a swap of two neighbours ("gmial"); inserting or
//      dropping a letter next to the same letter ("partnerr", "outlok")
//  +1  for any edit at the first character: people rarely mistype it, and a different first
//      letter usually makes a different word ("email" is not a typo of "gmail")
//
// With `visualOnly`, only the digit/letter pairs are cheap (for names so short that every
// neighbouring key spells another real name). Cost is O(|intended| * |typed|); callers compare
// short labels only.
int typoDistance(std::u32string_view intended, std::u32string_view typed, bool visualOnly = false);

// The same, for callers that only care up to `limit`: the exact distance when it is at most
// `limit`, otherwise some value above `limit`. Stops as soon as two rows of the table both
// exceed it, which makes comparing with thousands of unrelated names cheap.
int typoDistanceUpTo(std::u32string_view intended, std::u32string_view typed, bool visualOnly,
                     int limit);

// UTF-8 to code points; an ill-formed sequence becomes U+FFFD.
std::u32string toCodePoints(std::string_view utf8);

} // namespace sendguard
