#pragma once

// Small helpers every rule uses. Internal to the engine: not part of its public interface.

#include "../engine.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sendguard::rules {

// Rules fill in the target and the message; the engine stamps the rule id and the severity the
// policy sets (engine.cpp, runRule).
Finding findingFor(Target target, std::string message);

Target recipientTarget(std::size_t index);
Target attachmentTarget(std::size_t index);

// "bücher.example (xn--bcher-kva.example)": both forms when they differ, so a look-alike
// Unicode name cannot hide its real spelling.
std::string domainForPeople(const NormalisedDomain &domain);

// Whether this normalised (A-label) domain is one of the well-known mail providers
// (mailproviders.inc), where people who share the domain share nothing else.
bool isMailProvider(std::string_view asciiDomain);

inline bool isExternalUntrusted(const ReviewedRecipient &recipient)
{
    return !recipient.internal && !recipient.trusted;
}

} // namespace sendguard::rules
