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
};

} // namespace sendguard
