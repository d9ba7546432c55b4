#include "addresspattern.h"

namespace sendguard {

namespace {

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && isBlank(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isBlank(text.back()))
        text.remove_suffix(1);
    return text;
}

// A policy entry without its comment: "# ..." alone, or after whitespace at the end of a line.
// '#' without whitespace before it is left alone, since it is valid atext in a local part.
std::string_view withoutComment(std::string_view entry)
{
    for (std::size_t i = 0; i < entry.size(); ++i) {
        if (entry[i] == '#' && (i == 0 || isBlank(entry[i - 1])))
            return trimmed(entry.substr(0, i));
    }
    return trimmed(entry);
}

char asciiLower(char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string asciiLowered(std::string_view text)
{
    std::string out(text);
    for (char &c : out)
        c = asciiLower(c);
    return out;
}

bool equalsIgnoringAsciiCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (asciiLower(a[i]) != asciiLower(b[i]))
            return false;
    }
    return true;
}

// True when `domain` is a strict subdomain of `parent`: it ends in "." + parent. Comparing at a
// label boundary is what keeps "evilcorp.example" from matching "*.corp.example".
bool isSubdomainOf(std::string_view domain, std::string_view parent)
{
    return domain.size() > parent.size() + 1 && domain.ends_with(parent)
           && domain[domain.size() - parent.size() - 1] == '.';
}

Error invalidPattern(std::string_view text, const std::string &why)
{
    return Error{ErrorCode::InvalidPattern, "the pattern \"" + std::string(text) + "\" " + why};
}

} // namespace

Result<AddressPattern> AddressPattern::parse(std::string_view text)
{
    PatternFault ignored;
    return parse(text, ignored);
}

Result<AddressPattern> AddressPattern::parse(std::string_view text, PatternFault &fault)
{
    const std::string_view pattern = trimmed(text);
    if (pattern.empty()) {
        fault = PatternFault::Empty;
        return Error{ErrorCode::InvalidPattern, "the pattern is empty"};
    }

    AddressPattern result;
    result.m_text = std::string(pattern);
    std::string_view domain = pattern;
    const std::size_t at = pattern.rfind('@');
    if (at != std::string_view::npos) {
        if (at == 0) {
            fault = PatternFault::NothingBeforeAt;
            return invalidPattern(pattern, "has nothing before '@'; write just the domain");
        }
        if (pattern.substr(0, at).find('*') != std::string_view::npos) {
            fault = PatternFault::WildcardBeforeAt;
            return invalidPattern(pattern, "may not use '*' in the part before '@'");
        }
        result.m_kind = Kind::Address;
        result.m_localPart = asciiLowered(pattern.substr(0, at));
        domain = pattern.substr(at + 1);
    } else if (domain.starts_with("*.")) {
        result.m_kind = Kind::Subdomains;
        domain.remove_prefix(2);
    }
    if (domain.find('*') != std::string_view::npos) {
        fault = PatternFault::MisplacedWildcard;
        return invalidPattern(pattern, "may use '*' only as \"*.\" at the very start of a domain");
    }

    auto normalised = normaliseDomain(domain);
    if (!normalised) {
        fault = PatternFault::BadDomain;
        return invalidPattern(pattern, "has a bad domain: " + normalised.error().message);
    }
    result.m_domain = std::move(normalised).value().ascii;
    return result;
}

bool AddressPattern::matches(std::string_view localPart, const NormalisedDomain &domain) const
{
    switch (m_kind) {
    case Kind::Domain:
        return domain.ascii == m_domain;
    case Kind::Subdomains:
        return isSubdomainOf(domain.ascii, m_domain);
    case Kind::Address:
        return domain.ascii == m_domain && equalsIgnoringAsciiCase(localPart, m_localPart);
    }
    return false;
}

PatternList::PatternList(const std::vector<std::string> &entries)
{
    for (const auto &entry : entries) {
        const std::string_view text = withoutComment(entry);
        if (text.empty())
            continue;
        PatternFault fault = PatternFault::Empty;
        auto pattern = AddressPattern::parse(text, fault);
        if (pattern) {
            const AddressPattern &parsed = m_patterns.emplace_back(std::move(pattern).value());
            switch (parsed.m_kind) {
            case AddressPattern::Kind::Domain:
                m_domains.insert(parsed.m_domain);
                break;
            case AddressPattern::Kind::Subdomains:
                m_subdomainBases.insert(parsed.m_domain);
                break;
            case AddressPattern::Kind::Address:
                m_addresses.insert(parsed.m_localPart + '@' + parsed.m_domain);
                break;
            }
        } else
            m_errors.push_back({fault, std::string(text), pattern.error().message});
    }
}

// The same answer as asking each pattern in turn (AddressPattern::matches), from the sets: the
// domain itself, each of its parents that has a label before it, and the lowered address.
bool PatternList::matches(std::string_view localPart, const NormalisedDomain &domain) const
{
    const std::string &ascii = domain.ascii;
    if (m_domains.count(ascii))
        return true;
    if (!m_subdomainBases.empty()) {
        for (std::size_t dot = ascii.find('.', 1); dot != std::string::npos;
             dot = ascii.find('.', dot + 1)) {
            if (m_subdomainBases.count(ascii.substr(dot + 1)))
                return true;
        }
    }
    return !m_addresses.empty() && m_addresses.count(asciiLowered(localPart) + '@' + ascii);
}

} // namespace sendguard
