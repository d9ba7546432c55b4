#pragma once

// Finding words and phrases in text folded by foldForMatching (textnormaliser.h), and walking
// the lines of a body the writer wrote themselves. Internal to the engine's content rules.

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
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

// Finds many folded terms in one pass over a text (Aho-Corasick over bytes), with the word rule
// of findWord. Built once per list; the cost of a search is linear in the text plus the hits.
class TermMatcher
{
public:
    explicit TermMatcher(const std::vector<std::string> &terms); // folded; empty ones ignored

    // Calls visit(termIndex, position) for each occurrence of a term as a word, in the order the
    // occurrences end. `visit` returns false to stop early.
    template<typename Visit>
    void forEachMatch(std::string_view text, Visit visit) const;

    // Calls visit(termIndex) once for each term that occurs in `text` as a word. A term found
    // once is not looked at again, so terms nested in each other ("-", "--", "---") cost no
    // more than the text, where forEachMatch pays for every term ending at every byte.
    template<typename Visit>
    void forEachTermFound(std::string_view text, Visit visit) const;

private:
    struct Node
    {
        std::vector<std::pair<unsigned char, int>> children;
        int fallback = 0;       // the longest proper suffix that is also a trie node
        int output = 0;         // this node or the nearest fallback with terms of its own; 0: none
        std::vector<int> terms; // terms ending exactly here
    };

    int step(int state, unsigned char byte) const;
    bool isWordAt(std::string_view text, std::size_t pos, std::size_t length) const;
    // The next node with terms on the fallback chain below `node`, which has terms.
    int nextOutput(int node) const
    {
        return m_nodes[static_cast<std::size_t>(m_nodes[static_cast<std::size_t>(node)].fallback)]
            .output;
    }
    // Every term ending at byte `i` ends with that byte: when it is an ASCII letter or digit and
    // so is the next one, none of them ends a word there (a long run of letters or digits).
    static bool endsInsideWord(std::string_view text, std::size_t i)
    {
        return i + 1 < text.size() && isAsciiAlnum(text[i]) && isAsciiAlnum(text[i + 1]);
    }

    std::vector<std::string> m_terms;
    std::vector<Node> m_nodes;
    std::array<int, 256> m_rootNext{}; // the root's children as a table: most bytes start there
};

template<typename Visit>
void TermMatcher::forEachMatch(std::string_view text, Visit visit) const
{
    int state = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        state = step(state, static_cast<unsigned char>(text[i]));
        if (endsInsideWord(text, i))
            continue;
        for (int node = m_nodes[static_cast<std::size_t>(state)].output; node != 0;
             node = nextOutput(node)) {
            for (const int term : m_nodes[static_cast<std::size_t>(node)].terms) {
                const std::size_t length = m_terms[static_cast<std::size_t>(term)].size();
                const std::size_t pos = i + 1 - length;
                if (isWordAt(text, pos, length) && !visit(static_cast<std::size_t>(term), pos))
                    return;
            }
        }
    }
}

template<typename Visit>
void TermMatcher::forEachTermFound(std::string_view text, Visit visit) const
{
    std::vector<bool> found(m_terms.size(), false);
    // done[node]: every term of that node was found; skipTo[node] then leads further down the
    // chain, shortened as it is followed (path compression) so found nodes cost nothing.
    std::vector<bool> done(m_nodes.size(), false);
    std::vector<int> skipTo(m_nodes.size(), 0);
    const auto firstLive = [&](int node) {
        int live = node;
        while (live != 0 && done[static_cast<std::size_t>(live)])
            live = skipTo[static_cast<std::size_t>(live)];
        while (node != live) {
            const int next = skipTo[static_cast<std::size_t>(node)];
            skipTo[static_cast<std::size_t>(node)] = live;
            node = next;
        }
        return live;
    };
    int state = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        state = step(state, static_cast<unsigned char>(text[i]));
        if (endsInsideWord(text, i))
            continue;
        for (int node = firstLive(m_nodes[static_cast<std::size_t>(state)].output); node != 0;
             node = firstLive(nextOutput(node))) {
            bool allFound = true;
            for (const int term : m_nodes[static_cast<std::size_t>(node)].terms) {
                const auto index = static_cast<std::size_t>(term);
                if (found[index])
                    continue;
                if (isWordAt(text, i + 1 - m_terms[index].size(), m_terms[index].size())) {
                    found[index] = true;
                    visit(index);
                } else {
                    allFound = false;
                }
            }
            if (allFound) {
                done[static_cast<std::size_t>(node)] = true;
                skipTo[static_cast<std::size_t>(node)] = nextOutput(node);
            }
        }
    }
}

// Calls visit(line) for each line of `text`, without its line break or a trailing "\r". The
// lines are views into `text`. `visit` returns false to stop early.
template<typename Visit>
void forEachLine(std::string_view text, Visit visit)
{
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (!visit(line))
            return;
        pos = end + 1;
    }
}

// Whether a folded line ends the writer's own text: the signature separator ("-- ", RFC 3676
// section 4.3) or the header of a quoted or forwarded message ("On ... wrote:",
// "... さんは書きました:", "-----Original Message-----", an Outlook rule of underscores,
// "-------- Forwarded Message --------").
bool endsOwnText(std::string_view foldedLine);

inline bool isQuotedLine(std::string_view foldedLine)
{
    return !foldedLine.empty() && foldedLine.front() == '>';
}

} // namespace sendguard::rules
