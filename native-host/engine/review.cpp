#include "review.h"

#include <algorithm>

namespace sendguard {

const char *severityName(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return "info";
    case Severity::Confirm:
        return "confirm";
    case Severity::Warn:
        return "warn";
    case Severity::Block:
        return "block";
    }
    return "block";
}

std::optional<Severity> severityFromName(std::string_view name)
{
    for (Severity severity : {Severity::Info, Severity::Confirm, Severity::Warn, Severity::Block}) {
        if (name == severityName(severity))
            return severity;
    }
    return std::nullopt;
}

std::string ReviewedRecipient::normalisedAddress() const
{
    std::string address = localPart;
    std::transform(address.begin(), address.end(), address.begin(), [](unsigned char c) {
        return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
    });
    return address + "@" + domain.ascii;
}

bool Review::blocked() const
{
    return std::any_of(findings.begin(), findings.end(),
                       [](const Finding &f) { return f.severity == Severity::Block; });
}

bool Review::needsConfirmation() const
{
    return std::any_of(findings.begin(), findings.end(), [](const Finding &f) {
        return f.severity == Severity::Confirm || f.severity == Severity::Warn;
    });
}

bool Review::externalRecipientsPresent() const
{
    return std::any_of(recipients.begin(), recipients.end(),
                       [](const ReviewedRecipient &r) { return !r.internal; });
}

bool Review::needsDialog() const
{
    if (blocked() || needsConfirmation())
        return true;
    return !skipWhenInternalOnly && !recipients.empty();
}

} // namespace sendguard
