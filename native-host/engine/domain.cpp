#include "domain.h"

#include <algorithm>

namespace sendguard {

// TODO: placeholder until the ICU UTS #46 wrapper lands (ASCII lower-casing only).
Result<NormalisedDomain> normaliseDomain(std::string_view domain)
{
    std::string text(domain);
    if (!text.empty() && text.back() == '.')
        text.pop_back();
    if (text.empty())
        return Error{ErrorCode::InvalidDomain, "the domain is empty"};
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) {
        return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
    });
    return NormalisedDomain{text, text};
}

} // namespace sendguard
