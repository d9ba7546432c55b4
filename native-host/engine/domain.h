#pragma once

#include "result.h"

#include <string>
#include <string_view>

namespace sendguard {

// A domain in the two forms people and machines need.
struct NormalisedDomain
{
    std::string ascii; // UTS #46 A-label form, lower case, no trailing dot: "xn--bcher-kva.example"
    std::string unicode; // U-label form for display: "bücher.example"

    bool isIdn() const { return ascii != unicode; }
    bool operator==(const NormalisedDomain &) const = default;
};

// Normalises a domain per UTS #46 (nontransitional, STD3 rules), through ICU. Accepts Unicode or
// punycode input in any case, with or without one trailing dot. Fails with
// ErrorCode::InvalidDomain when ICU reports any IDNA error or the domain is empty.
Result<NormalisedDomain> normaliseDomain(std::string_view domain);

} // namespace sendguard
