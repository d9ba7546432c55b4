#pragma once

#include "domain.h"
#include "result.h"

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace sendguard {

// Why a pattern does not parse (a closed set), so that a dialog can say it in its own words.
enum class PatternFault {
    Empty,             // nothing but blanks
    NothingBeforeAt,   // "@corp.example"
    WildcardBeforeAt,  // "*@corp.example"
    MisplacedWildcard, // "*", "a.*.example", "*corp.example"
    BadDomain,         // the domain does not normalise (see normaliseDomain)
};

// A pattern that does not parse: why, the pattern as written (trimmed), and the whole reason in
// English for logs.
struct PatternError
{
    PatternFault fault = PatternFault::Empty;
    std::string text;
    std::string message;
};

// One policy pattern naming recipients (DESIGN.md, "Policy keys"):
//   "corp.example"          that domain only
//   "*.corp.example"        its subdomains (not corp.example itself)
//   "name@partner.example"  that one address
// Patterns compare the normalised form: lower case, IDNA A-label, no trailing dot.
class AddressPattern
{
public:
    // Fails with ErrorCode::InvalidPattern for an empty pattern, a bare "*", a wildcard anywhere
    // but the leftmost label, or a domain that does not normalise.
    static Result<AddressPattern> parse(std::string_view text);
    // The same, and on failure `fault` says why (the Error's message says it in English).
    static Result<AddressPattern> parse(std::string_view text, PatternFault &fault);

    // `localPart` is compared case-insensitively (ASCII); `domain` must be normalised already.
    bool matches(std::string_view localPart, const NormalisedDomain &domain) const;

    const std::string &text() const { return m_text; }

private:
    friend class PatternList;

    enum class Kind { Domain, Subdomains, Address };
    Kind m_kind = Kind::Domain;
    std::string m_localPart; // lower case, Address only
    std::string m_domain;    // normalised A-label form
    std::string m_text;      // as written, for messages
};

// A list of patterns. An empty list, or one whose entries are blank or comments ("# ..."), never
// matches. Patterns that fail to parse are left out and reported in `errors()`.
class PatternList
{
public:
    PatternList() = default;
    explicit PatternList(const std::vector<std::string> &entries);

    // Whether any pattern matches: a few hash look-ups (one per label of `domain` for the
    // subdomain patterns), however long the list.
    bool matches(std::string_view localPart, const NormalisedDomain &domain) const;
    bool empty() const { return m_patterns.empty(); }
    const std::vector<PatternError> &errors() const { return m_errors; }

private:
    std::vector<AddressPattern> m_patterns;
    std::vector<PatternError> m_errors;
    std::unordered_set<std::string> m_domains;        // Kind::Domain
    std::unordered_set<std::string> m_subdomainBases; // Kind::Subdomains: "corp.example"
    std::unordered_set<std::string> m_addresses;      // Kind::Address: "name@partner.example"
};

} // namespace sendguard
