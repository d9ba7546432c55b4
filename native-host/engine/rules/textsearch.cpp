#include "textsearch.h"

#include "../textnormaliser.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <unordered_set>

namespace sendguard::rules {

namespace {

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && isBlank(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isBlank(text.back()))
        text.remove_suffix(1);
    return text;
}

std::string_view withoutComment(std::string_view entry)
{
    for (std::size_t i = 0; i < entry.size(); ++i) {
        if (entry[i] == '#' && (i == 0 || isBlank(entry[i - 1])))
            return trimmed(entry.substr(0, i));
    }
    return trimmed(entry);
}

bool startsWith(std::string_view text, std::string_view prefix)
{
    return text.substr(0, prefix.size()) == prefix;
}

bool endsWith(std::string_view text, std::string_view suffix)
{
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool contains(std::string_view text, std::string_view part)
{
    return text.find(part) != std::string_view::npos;
}

// "On Mon, 3 Mar 2025, Tanaka Taro wrote:" (Thunderbird, Gmail, Apple Mail) and
// "2025/03/03 10:00、田中 太郎 さんは書きました:" (Thunderbird in Japanese; the full-width
// colon is folded to ':').
bool isAttributionLine(std::string_view line)
{
    return endsWith(line, "wrote:") || endsWith(line, "書きました:");
}

// "-----Original Message-----" (Outlook), "-----元のメッセージ-----" (Outlook in Japanese),
// "-------- Forwarded Message --------" and "-------- 転送メッセージ --------" (Thunderbird),
// "Begin forwarded message:" (Apple Mail), and the rule of underscores Outlook puts above the
// quoted headers.
bool isQuoteSeparator(std::string_view line)
{
    if (startsWith(line, "-----")
        && (contains(line, "original message") || contains(line, "元のメッセージ")
            || contains(line, "forwarded message") || contains(line, "転送メッセージ")))
        return true;
    if (startsWith(line, "begin forwarded message"))
        return true;
    return line.size() >= 10 && line.find_first_not_of('_') == std::string_view::npos;
}

// Boyer-Moore-Horspool over bytes: skips ahead by up to the term's length, where a plain find
// stops at every occurrence of the term's first letter (every "a" in English prose for
// "attached"). Worst case O(text x term), typical well below one comparison per byte.
class TermSearcher
{
public:
    explicit TermSearcher(std::string_view term)
        : m_term(term)
    {
        m_skip.fill(term.size());
        for (std::size_t i = 0; i + 1 < term.size(); ++i)
            m_skip[static_cast<unsigned char>(term[i])] = term.size() - 1 - i;
    }

    std::size_t find(std::string_view text, std::size_t from) const
    {
        const std::size_t length = m_term.size();
        if (from > text.size() || text.size() - from < length)
            return std::string_view::npos;
        for (std::size_t pos = from; pos + length <= text.size();) {
            const char last = text[pos + length - 1];
            if (last == m_term.back() && text.compare(pos, length, m_term) == 0)
                return pos;
            pos += m_skip[static_cast<unsigned char>(last)];
        }
        return std::string_view::npos;
    }

private:
    std::string_view m_term;
    std::array<std::size_t, 256> m_skip{};
};

} // namespace

std::vector<PolicyTerm> policyTerms(const std::vector<std::string> &entries)
{
    std::vector<PolicyTerm> terms;
    std::unordered_set<std::string> seen; // a set: comparing pairwise was quadratic in the list
    for (const auto &entry : entries) {
        const std::string_view shown = withoutComment(entry);
        if (shown.empty())
            continue;
        std::string folded(trimmed(foldForMatching(shown)));
        if (folded.empty() || !seen.insert(folded).second)
            continue;
        terms.push_back({std::string(shown), std::move(folded)});
    }
    return terms;
}

std::size_t findWord(std::string_view text, std::string_view term, std::size_t from)
{
    if (term.empty())
        return std::string_view::npos;
    const bool boundaryBefore = isAsciiAlnum(term.front());
    const bool boundaryAfter = isAsciiAlnum(term.back());
    const TermSearcher searcher(term);
    for (std::size_t pos = searcher.find(text, from); pos != std::string_view::npos;
         pos = searcher.find(text, pos + 1)) {
        const std::size_t end = pos + term.size();
        const bool gluedBefore = boundaryBefore && pos > 0 && isAsciiAlnum(text[pos - 1]);
        const bool gluedAfter = boundaryAfter && end < text.size() && isAsciiAlnum(text[end]);
        if (!gluedBefore && !gluedAfter)
            return pos;
    }
    return std::string_view::npos;
}

TermMatcher::TermMatcher(const std::vector<std::string> &terms)
    : m_terms(terms)
    , m_nodes(1)
{
    m_rootNext.fill(0);
    for (std::size_t t = 0; t < m_terms.size(); ++t) {
        if (m_terms[t].empty())
            continue;
        int state = 0;
        for (const char c : m_terms[t]) {
            const auto byte = static_cast<unsigned char>(c);
            auto &children = m_nodes[static_cast<std::size_t>(state)].children;
            const auto child = std::find_if(children.begin(), children.end(),
                                            [&](const auto &entry) { return entry.first == byte; });
            if (child != children.end()) {
                state = child->second;
                continue;
            }
            const int created = static_cast<int>(m_nodes.size());
            children.emplace_back(byte, created);
            if (state == 0)
                m_rootNext[byte] = created;
            m_nodes.emplace_back();
            state = created;
        }
        m_nodes[static_cast<std::size_t>(state)].terms.push_back(static_cast<int>(t));
    }

    // Fallbacks breadth first, so a node's fallback is complete before its children need it.
    // Each node links to the nearest node with terms on its fallback chain instead of copying
    // their terms: copies cost terms x length for terms nested in each other.
    std::vector<int> queue;
    for (const auto &[byte, child] : m_nodes[0].children) {
        auto &node = m_nodes[static_cast<std::size_t>(child)];
        node.output = node.terms.empty() ? 0 : child;
        queue.push_back(child);
    }
    for (std::size_t head = 0; head < queue.size(); ++head) {
        const int state = queue[head];
        for (const auto &[byte, child] : m_nodes[static_cast<std::size_t>(state)].children) {
            const int fallback = step(m_nodes[static_cast<std::size_t>(state)].fallback, byte);
            auto &node = m_nodes[static_cast<std::size_t>(child)];
            node.fallback = fallback;
            node.output
                = node.terms.empty() ? m_nodes[static_cast<std::size_t>(fallback)].output : child;
            queue.push_back(child);
        }
    }
}

int TermMatcher::step(int state, unsigned char byte) const
{
    while (state != 0) {
        const auto &children = m_nodes[static_cast<std::size_t>(state)].children;
        for (const auto &[childByte, child] : children) {
            if (childByte == byte)
                return child;
        }
        state = m_nodes[static_cast<std::size_t>(state)].fallback;
    }
    return m_rootNext[byte];
}

bool TermMatcher::isWordAt(std::string_view text, std::size_t pos, std::size_t length) const
{
    const std::size_t end = pos + length;
    if (isAsciiAlnum(text[pos]) && pos > 0 && isAsciiAlnum(text[pos - 1]))
        return false;
    return !(isAsciiAlnum(text[end - 1]) && end < text.size() && isAsciiAlnum(text[end]));
}

bool endsOwnText(std::string_view foldedLine)
{
    // RFC 3676 section 4.3: the signature separator is "-- "; many clients drop the blank.
    if (foldedLine == "-- " || foldedLine == "--")
        return true;
    const std::string_view line = trimmed(foldedLine);
    return isAttributionLine(line) || isQuoteSeparator(line);
}

} // namespace sendguard::rules
