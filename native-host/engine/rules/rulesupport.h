#pragma once

// Small helpers every rule uses. Internal to the engine: not part of its public interface.

#include "../engine.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sendguard::rules {

// Rules fill in the target, the sentence's kind and arguments, and the sentence in English; the
// engine stamps the rule id and the severity the policy sets (engine.cpp, runRule). The English
// must be what ui/rulemessage.cpp makes of the kind and arguments in English
// (tests/ui/tst_rulemessage.cpp compares them).
Finding findingFor(Target target, std::string kind, MessageArgs args, std::string message);

// "a", "a and b", "a, b and c"; with `more`, "a, b, c and 4 more": English lists, joined the
// way ui/rulemessage.cpp joins them in English.
std::string englishList(const std::vector<std::string> &items, std::int64_t more = 0);

// "1 recipient" or "3 recipients".
std::string englishCount(std::int64_t count, std::string_view one, std::string_view many);

// At most `limit` of `items` (the ones a sentence names) and how many were left out.
std::vector<std::string> firstOf(const std::vector<std::string> &items, std::size_t limit);
std::int64_t leftOut(std::size_t total, std::size_t limit);

// A text from the draft cut to `maxBytes` at a character boundary, with "…" when cut.
std::string clippedForPeople(std::string_view text, std::size_t maxBytes = 60);

// "taro@bücher.example (xn--bcher-kva.example)": the address with its domain for people.
std::string addressForPeople(const ReviewedRecipient &recipient);
// The same for a normalised address from the history ("local@ascii-domain").
std::string addressForPeople(std::string_view normalisedAddress);

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
