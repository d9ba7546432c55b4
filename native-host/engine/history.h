#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sendguard {

// What the engine may ask of the person's sending history (issue 4). The engine stays free of
// SQLite: the history store implements this, and a review without history passes nullptr.
// Implementations answer from memory or an open database; they never throw, and a history that
// is unavailable answers as if it were empty.
class HistoryView
{
public:
    virtual ~HistoryView() = default;

    // Normalised external domains written to before, as lookalike-domain reference domains.
    virtual std::vector<std::string> knownDomains() const = 0;

    // How many mails went to this normalised domain (A-label form); 0 when never.
    virtual std::int64_t domainCount(std::string_view asciiDomain) const = 0;

    // Whether anything has been learned. Rules that judge against the past stay silent when
    // not: with no history every recipient would look new.
    virtual bool hasHistory() const { return false; }

    // How many mails went to this normalised address (ReviewedRecipient::normalisedAddress());
    // 0 when never.
    virtual std::int64_t recipientCount(std::string_view address) const
    {
        (void)address;
        return 0;
    }

    // How many mails had both normalised addresses among their recipients; 0 when none.
    virtual std::int64_t pairCount(std::string_view first, std::string_view second) const
    {
        (void)first;
        (void)second;
        return 0;
    }

    // How many mails had both normalised addresses in To or Cc, so each saw the other's address;
    // 0 when none. Never more than pairCount(): Bcc recipients are together but unseen.
    virtual std::int64_t seenTogetherCount(std::string_view first, std::string_view second) const
    {
        (void)first;
        (void)second;
        return 0;
    }

    // Up to `limit` normalised addresses at this normalised domain that mail went to, the most
    // written to first; empty when none.
    virtual std::vector<std::string> addressesAt(std::string_view asciiDomain,
                                                 std::size_t limit) const
    {
        (void)asciiDomain;
        (void)limit;
        return {};
    }

    // The normalised addresses mail went to under this display name (compared by
    // displayNameKey()); empty when none.
    virtual std::vector<std::string> addressesNamed(std::string_view displayName) const
    {
        (void)displayName;
        return {};
    }
};

// The form display names are compared in: ASCII letters lower-cased, quotes dropped, runs of
// white space made one space, trimmed. "  \"Alice  EXAMPLE\" " -> "alice example".
inline std::string displayNameKey(std::string_view name)
{
    std::string key;
    bool space = false;
    for (const char c : name) {
        if (c == '"' || c == '\'')
            continue;
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            space = !key.empty();
            continue;
        }
        if (space)
            key += ' ';
        space = false;
        key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return key;
}

} // namespace sendguard
