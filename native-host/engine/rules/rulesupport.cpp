#include "rulesupport.h"

#include <algorithm>
#include <utility>

namespace sendguard::rules {

Finding findingFor(Target target, std::string kind, MessageArgs args, std::string message)
{
    Finding finding;
    finding.target = std::move(target);
    finding.kind = std::move(kind);
    finding.args = std::move(args);
    finding.message = std::move(message);
    return finding;
}

std::string englishList(const std::vector<std::string> &items, std::int64_t more)
{
    std::string text;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0)
            text += (i + 1 == items.size() && more <= 0) ? " and " : ", ";
        text += items[i];
    }
    if (more > 0)
        text += " and " + std::to_string(more) + " more";
    return text;
}

std::string englishCount(std::int64_t count, std::string_view one, std::string_view many)
{
    return std::to_string(count) + " " + std::string(count == 1 ? one : many);
}

std::vector<std::string> firstOf(const std::vector<std::string> &items, std::size_t limit)
{
    return {items.begin(),
            items.begin() + static_cast<std::ptrdiff_t>(std::min(limit, items.size()))};
}

std::int64_t leftOut(std::size_t total, std::size_t limit)
{
    return total > limit ? static_cast<std::int64_t>(total - limit) : 0;
}

std::string clippedForPeople(std::string_view text, std::size_t maxBytes)
{
    if (text.size() <= maxBytes)
        return std::string(text);
    std::size_t end = maxBytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        --end;
    return std::string(text.substr(0, end)) + "\u2026";
}

std::string addressForPeople(const ReviewedRecipient &recipient)
{
    return recipient.localPart + "@" + domainForPeople(recipient.domain);
}

std::string addressForPeople(std::string_view normalisedAddress)
{
    const auto at = normalisedAddress.rfind('@');
    if (at == std::string_view::npos)
        return std::string(normalisedAddress);
    const auto domain = normaliseDomain(normalisedAddress.substr(at + 1));
    if (!domain)
        return std::string(normalisedAddress);
    return std::string(normalisedAddress.substr(0, at + 1)) + domainForPeople(domain.value());
}

Target recipientTarget(std::size_t index)
{
    return Target{Target::Kind::Recipient, index, {}};
}

Target attachmentTarget(std::size_t index)
{
    return Target{Target::Kind::Attachment, index, {}};
}

std::string domainForPeople(const NormalisedDomain &domain)
{
    if (!domain.isIdn())
        return domain.ascii;
    return domain.unicode + " (" + domain.ascii + ")";
}

} // namespace sendguard::rules
