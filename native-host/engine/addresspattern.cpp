#include "addresspattern.h"

namespace sendguard {

Result<AddressPattern> AddressPattern::parse(std::string_view text)
{
    AddressPattern pattern;
    pattern.m_text = std::string(text);
    auto domain = normaliseDomain(text);
    if (!domain)
        return Error{ErrorCode::InvalidPattern, domain.error().message};
    pattern.m_domain = domain.value().ascii;
    return pattern;
}

bool AddressPattern::matches(std::string_view, const NormalisedDomain &domain) const
{
    return domain.ascii == m_domain;
}

PatternList::PatternList(const std::vector<std::string> &entries)
{
    for (const auto &entry : entries) {
        auto pattern = AddressPattern::parse(entry);
        if (pattern)
            m_patterns.push_back(std::move(pattern).value());
        else
            m_errors.push_back(pattern.error());
    }
}

bool PatternList::matches(std::string_view localPart, const NormalisedDomain &domain) const
{
    for (const auto &pattern : m_patterns) {
        if (pattern.matches(localPart, domain))
            return true;
    }
    return false;
}

} // namespace sendguard
