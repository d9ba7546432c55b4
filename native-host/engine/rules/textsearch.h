#pragma once

// Finding words and phrases in text folded by foldForMatching (textnormaliser.h), and walking
// the lines of a body the writer wrote themselves. Internal to the engine's content rules.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sendguard::rules {

// A term from a policy list, as the admin wrote it and folded for matching.
struct PolicyTerm
{
    std::string shown;  // trimmed, comment removed: for messages
    std::string folded; // foldForMatching(shown)
};

// The usable terms of a policy list: each entry trimmed, a "# comment" (at the start or after a
// blank) removed, blank entries dropped, duplicates (after folding) dropped. An empty list, or
// one holding only blanks and comments, yields no terms, so it never matches.
std::vector<PolicyTerm> policyTerms(const std::vector<std::string> &entries);

inline bool isAsciiAlnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Where `term` next occurs in `text` at or after `from`, as a word: an end of the term that is
// an ASCII letter or digit must not touch another ASCII letter or digit ("nda" is not found in
// "agenda"). Ends in other scripts need no boundary, since Japanese has no spaces between words.
// Both arguments are folded text. Returns npos when there is none, or when `term` is empty.
std::size_t findWord(std::string_view text, std::string_view term, std::size_t from = 0);

// Whether `text` holds `term` as a word (findWord).
inline bool containsWord(std::string_view text, std::string_view term)
{
    return findWord(text, term) != std::string_view::npos;
}

// The lines of a folded body that the writer wrote: lines quoted with ">" are skipped, and the
// walk ends at the signature separator ("-- ") or at the header of a quoted or forwarded message
// ("On ... wrote:", "... さんは書きました:", "-----Original Message-----", an Outlook rule of
// underscores, "-------- Forwarded Message --------"). Each line comes without its line break
// or a trailing "\r". `visit` returns false to stop early.
template<typename Visit>
void forEachOwnLine(std::string_view foldedBody, Visit visit);

// Whether a folded line ends the writer's own text (signature or quote header).
bool endsOwnText(std::string_view foldedLine);

inline bool isQuotedLine(std::string_view foldedLine)
{
    return !foldedLine.empty() && foldedLine.front() == '>';
}

template<typename Visit>
void forEachOwnLine(std::string_view foldedBody, Visit visit)
{
    std::size_t pos = 0;
    while (pos <= foldedBody.size()) {
        std::size_t end = foldedBody.find('\n', pos);
        if (end == std::string_view::npos)
            end = foldedBody.size();
        std::string_view line = foldedBody.substr(pos, end - pos);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (endsOwnText(line))
            return;
        if (!isQuotedLine(line) && !visit(line))
            return;
        pos = end + 1;
    }
}

} // namespace sendguard::rules
