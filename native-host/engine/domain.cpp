#include "domain.h"

#include <unicode/uidna.h>
#include <unicode/utypes.h>

#include <cstdint>
#include <utility>

namespace sendguard {

namespace {

// Well above the 253 octets DNS allows (RFC 1035 section 2.3.4), and small enough that every
// length fits ICU's int32_t.
constexpr std::size_t maxDomainInput = 1024;

// The plain words for each UTS #46 processing error ICU reports in UIDNAInfo.errors.
std::string describeIdnaErrors(std::uint32_t errors)
{
    static const std::pair<std::uint32_t, const char *> descriptions[] = {
        {UIDNA_ERROR_EMPTY_LABEL, "it has an empty label (two dots in a row?)"},
        {UIDNA_ERROR_LABEL_TOO_LONG, "a label is longer than 63 bytes"},
        {UIDNA_ERROR_DOMAIN_NAME_TOO_LONG, "it is longer than 253 bytes"},
        {UIDNA_ERROR_LEADING_HYPHEN, "a label starts with '-'"},
        {UIDNA_ERROR_TRAILING_HYPHEN, "a label ends with '-'"},
        {UIDNA_ERROR_HYPHEN_3_4, "a label has \"--\" in its third and fourth characters"},
        {UIDNA_ERROR_LEADING_COMBINING_MARK, "a label starts with a combining mark"},
        {UIDNA_ERROR_DISALLOWED, "it contains a character that is not allowed in domain names"},
        {UIDNA_ERROR_PUNYCODE, "a label is not valid punycode"},
        {UIDNA_ERROR_LABEL_HAS_DOT, "a label contains a dot"},
        {UIDNA_ERROR_INVALID_ACE_LABEL, "an \"xn--\" label does not decode to a valid name"},
        {UIDNA_ERROR_BIDI, "it mixes right-to-left and left-to-right text in a way IDNA forbids"},
        {UIDNA_ERROR_CONTEXTJ, "it has a zero-width joiner where IDNA forbids it"},
        {UIDNA_ERROR_CONTEXTO_PUNCTUATION, "it has punctuation where IDNA forbids it"},
        {UIDNA_ERROR_CONTEXTO_DIGITS, "it mixes Arabic-Indic digit sets"},
    };
    for (const auto &[bit, text] : descriptions) {
        if (errors & bit)
            return text;
    }
    return "IDNA processing failed";
}

// The one place that talks to ICU's IDNA API (STYLE.md rule 6). uidna_* calls on a const UIDNA
// are thread-safe, so a single instance serves every thread.
class Uts46Converter
{
public:
    Uts46Converter()
    {
        // UTS #46 section 4 with CheckHyphens, CheckBidi, CheckJoiners and UseSTD3ASCIIRules,
        // nontransitional in both directions (IDNA2008 behaviour: "faß" stays "faß").
        const std::uint32_t options = UIDNA_USE_STD3_RULES | UIDNA_CHECK_BIDI | UIDNA_CHECK_CONTEXTJ
                                      | UIDNA_NONTRANSITIONAL_TO_ASCII
                                      | UIDNA_NONTRANSITIONAL_TO_UNICODE;
        m_idna = uidna_openUTS46(options, &m_openStatus);
    }
    ~Uts46Converter() { uidna_close(m_idna); }
    Uts46Converter(const Uts46Converter &) = delete;
    Uts46Converter &operator=(const Uts46Converter &) = delete;

    Result<std::string> toAscii(std::string_view name) const
    {
        return convert(name, uidna_nameToASCII_UTF8);
    }
    Result<std::string> toUnicode(std::string_view name) const
    {
        return convert(name, uidna_nameToUnicodeUTF8);
    }

private:
    using Conversion = int32_t (*)(const UIDNA *, const char *, int32_t, char *, int32_t,
                                   UIDNAInfo *, UErrorCode *);

    Result<std::string> convert(std::string_view name, Conversion conversion) const
    {
        if (U_FAILURE(m_openStatus) || !m_idna)
            return Error{ErrorCode::Internal,
                         std::string("ICU could not open UTS #46: ") + u_errorName(m_openStatus)};
        std::string output(name.size() * 4 + 16, '\0');
        for (int attempt = 0; attempt < 2; ++attempt) {
            UIDNAInfo info = UIDNA_INFO_INITIALIZER;
            UErrorCode status = U_ZERO_ERROR;
            const int32_t length
                = conversion(m_idna, name.data(), static_cast<int32_t>(name.size()), output.data(),
                             static_cast<int32_t>(output.size()), &info, &status);
            if (status == U_BUFFER_OVERFLOW_ERROR && length > 0) {
                output.assign(static_cast<std::size_t>(length), '\0');
                continue;
            }
            if (U_FAILURE(status))
                return Error{ErrorCode::InvalidDomain,
                             std::string("ICU rejected the domain: ") + u_errorName(status)};
            // Errors are in info.errors, not in status (toolchain.md section 8, item 7).
            if (info.errors != 0)
                return Error{ErrorCode::InvalidDomain, describeIdnaErrors(info.errors)};
            output.resize(static_cast<std::size_t>(length));
            return output;
        }
        return Error{ErrorCode::Internal, "ICU kept asking for a larger buffer"};
    }

    UIDNA *m_idna = nullptr;
    UErrorCode m_openStatus = U_ZERO_ERROR;
};

const Uts46Converter &converter()
{
    static const Uts46Converter instance;
    return instance;
}

bool isAddressLiteral(std::string_view domain)
{
    return !domain.empty() && domain.front() == '[';
}

// The root label: one trailing dot names the same domain (RFC 1034 section 3.1).
std::string withoutTrailingDot(std::string text)
{
    if (!text.empty() && text.back() == '.')
        text.pop_back();
    return text;
}

Error invalid(std::string_view domain, const std::string &why)
{
    return Error{ErrorCode::InvalidDomain,
                 "the domain \"" + std::string(domain) + "\" is not valid: " + why};
}

} // namespace

Result<NormalisedDomain> normaliseDomain(std::string_view domain)
{
    if (domain.empty())
        return Error{ErrorCode::InvalidDomain, "the domain is empty"};
    if (domain.size() > maxDomainInput)
        return invalid(domain.substr(0, 64), "it is far too long");
    if (isAddressLiteral(domain))
        return Error{ErrorCode::InvalidDomain, "address literals such as " + std::string(domain)
                                                   + " are not accepted; use the domain name"};

    // UTS #46 section 4 maps full-width dots and upper case before the trailing dot can be
    // seen, so the dot is stripped from ICU's output, not its input.
    auto ascii = converter().toAscii(domain);
    if (!ascii)
        return ascii.error().code == ErrorCode::InvalidDomain
                   ? invalid(domain, ascii.error().message)
                   : ascii.error();
    std::string asciiForm = withoutTrailingDot(std::move(ascii).value());
    if (asciiForm.empty())
        return Error{ErrorCode::InvalidDomain, "the domain is empty"};

    auto unicode = converter().toUnicode(asciiForm);
    if (!unicode)
        return unicode.error().code == ErrorCode::InvalidDomain
                   ? invalid(domain, unicode.error().message)
                   : unicode.error();
    return NormalisedDomain{std::move(asciiForm), std::move(unicode).value()};
}

} // namespace sendguard
