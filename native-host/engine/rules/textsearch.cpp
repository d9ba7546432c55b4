#include "textsearch.h"

#include "../textnormaliser.h"

#include <algorithm>

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

} // namespace

std::vector<PolicyTerm> policyTerms(const std::vector<std::string> &entries)
{
    std::vector<PolicyTerm> terms;
    for (const auto &entry : entries) {
        const std::string_view shown = withoutComment(entry);
        if (shown.empty())
            continue;
        std::string folded(trimmed(foldForMatching(shown)));
        if (folded.empty())
            continue;
        const bool seen = std::any_of(terms.begin(), terms.end(),
                                      [&](const PolicyTerm &t) { return t.folded == folded; });
        if (!seen)
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
    for (std::size_t pos = text.find(term, from); pos != std::string_view::npos;
         pos = text.find(term, pos + 1)) {
        const std::size_t end = pos + term.size();
        if (boundaryBefore && pos > 0 && isAsciiAlnum(text[pos - 1]))
            continue;
        if (boundaryAfter && end < text.size() && isAsciiAlnum(text[end]))
            continue;
        return pos;
    }
    return std::string_view::npos;
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
