#pragma once

#include "result.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sendguard {

// A domain in the two forms people and machines need.
struct NormalisedDomain
{
    std::string ascii; // UTS #46 A-label form, lower case, no trailing dot: "xn--bcher-kva.example"
    std::string unicode; // U-label form for display: "bücher.example"

    bool isIdn() const { return ascii != unicode; }
    bool operator==(const NormalisedDomain &) const = default;
};

// Why a domain does not normalise (a closed set), so that a dialog can say it in the reader's
// language; domainErrorMessage() says it in English, as the Error's message does. The IDNA
// faults are UTS #46's processing errors as ICU reports them (UIDNA_ERROR_*), the first of them
// when there are several. No enumerator has a value of its own: allDomainFaults() counts them.
enum class DomainFault {
    Empty,                   // nothing left to check
    FarTooLong,              // over 1024 bytes, far beyond DNS's 253
    AddressLiteral,          // "[192.0.2.1]": an IP address, not a name
    EmptyLabel,              // "a..b"
    LabelTooLong,            // a label over 63 bytes
    NameTooLong,             // over 253 bytes
    LeadingHyphen,           // a label starts with "-"
    TrailingHyphen,          // a label ends with "-"
    HyphensThirdAndFourth,   // "ab--c": "--" in a label's third and fourth characters
    LeadingCombiningMark,    // a label starts with a combining mark
    Disallowed,              // a character IDNA does not allow ("_", a space, ...)
    Punycode,                // an "xn--" label that is not valid punycode
    LabelHasDot,             // a label contains a dot (after mapping)
    InvalidAceLabel,         // an "xn--" label that does not decode to a valid name
    Bidi,                    // right-to-left and left-to-right text mixed as IDNA forbids
    ContextJ,                // a zero-width joiner where IDNA forbids it
    ContextOPunctuation,     // punctuation where IDNA forbids it
    ContextODigits,          // Arabic-Indic digit sets mixed
    IdnaFailed,              // an IDNA error ICU has no name for here
    Rejected,                // ICU refused the domain outright; `detail` is ICU's code
    ConverterUnavailable,    // ICU's UTS #46 could not be opened; `detail` is ICU's code
    ConverterBufferTooSmall, // ICU kept asking for a larger buffer
};

// A fault with the domain it is about: as written, cut to 64 bytes when FarTooLong.
struct DomainError
{
    DomainFault fault = DomainFault::Empty;
    std::string domain;
    std::string detail; // Rejected, ConverterUnavailable: ICU's error name ("U_ILLEGAL_...")

    bool operator==(const DomainError &) const = default;
};

// `error` in English, for logs and --json: "the domain \"-a.example\" is not valid: a label
// starts with '-'".
std::string domainErrorMessage(const DomainError &error);

// The stable name of a fault, for a finding's arguments ("leadingHyphen"), and back.
std::string_view domainFaultName(DomainFault fault);
std::optional<DomainFault> domainFaultNamed(std::string_view name);

// Every fault, in the order declared.
const std::vector<DomainFault> &allDomainFaults();

// Normalises a domain per UTS #46 (nontransitional, STD3 rules), through ICU. Accepts Unicode or
// punycode input in any case, with or without one trailing dot. Fails with
// ErrorCode::InvalidDomain when ICU reports any IDNA error or the domain is empty.
Result<NormalisedDomain> normaliseDomain(std::string_view domain);
// The same, and on failure `error` says why. ConverterUnavailable and ConverterBufferTooSmall
// fail with ErrorCode::Internal, not InvalidDomain.
Result<NormalisedDomain> normaliseDomain(std::string_view domain, DomainError &error);

} // namespace sendguard
