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

// Each UTS #46 processing error ICU reports in UIDNAInfo.errors, in the order they are told.
DomainFault idnaFault(std::uint32_t errors)
{
    static const std::pair<std::uint32_t, DomainFault> faults[] = {
        {UIDNA_ERROR_EMPTY_LABEL, DomainFault::EmptyLabel},
        {UIDNA_ERROR_LABEL_TOO_LONG, DomainFault::LabelTooLong},
        {UIDNA_ERROR_DOMAIN_NAME_TOO_LONG, DomainFault::NameTooLong},
        {UIDNA_ERROR_LEADING_HYPHEN, DomainFault::LeadingHyphen},
        {UIDNA_ERROR_TRAILING_HYPHEN, DomainFault::TrailingHyphen},
        {UIDNA_ERROR_HYPHEN_3_4, DomainFault::HyphensThirdAndFourth},
        {UIDNA_ERROR_LEADING_COMBINING_MARK, DomainFault::LeadingCombiningMark},
        {UIDNA_ERROR_DISALLOWED, DomainFault::Disallowed},
        {UIDNA_ERROR_PUNYCODE, DomainFault::Punycode},
        {UIDNA_ERROR_LABEL_HAS_DOT, DomainFault::LabelHasDot},
        {UIDNA_ERROR_INVALID_ACE_LABEL, DomainFault::InvalidAceLabel},
        {UIDNA_ERROR_BIDI, DomainFault::Bidi},
        {UIDNA_ERROR_CONTEXTJ, DomainFault::ContextJ},
        {UIDNA_ERROR_CONTEXTO_PUNCTUATION, DomainFault::ContextOPunctuation},
        {UIDNA_ERROR_CONTEXTO_DIGITS, DomainFault::ContextODigits},
    };
    for (const auto &[bit, fault] : faults) {
        if (errors & bit)
            return fault;
    }
    return DomainFault::IdnaFailed;
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

    // The converted name, or nullopt with `error`'s fault (and ICU's code) set.
    std::optional<std::string> toAscii(std::string_view name, DomainError &error) const
    {
        return convert(name, uidna_nameToASCII_UTF8, error);
    }
    std::optional<std::string> toUnicode(std::string_view name, DomainError &error) const
    {
        return convert(name, uidna_nameToUnicodeUTF8, error);
    }

private:
    using Conversion = int32_t (*)(const UIDNA *, const char *, int32_t, char *, int32_t,
                                   UIDNAInfo *, UErrorCode *);

    std::optional<std::string> convert(std::string_view name, Conversion conversion,
                                       DomainError &error) const
    {
        if (U_FAILURE(m_openStatus) || !m_idna) {
            error.fault = DomainFault::ConverterUnavailable;
            error.detail = u_errorName(m_openStatus);
            return std::nullopt;
        }
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
            if (U_FAILURE(status)) {
                error.fault = DomainFault::Rejected;
                error.detail = u_errorName(status);
                return std::nullopt;
            }
            // Errors are in info.errors, not in status (toolchain.md section 8, item 7).
            if (info.errors != 0) {
                error.fault = idnaFault(info.errors);
                return std::nullopt;
            }
            output.resize(static_cast<std::size_t>(length));
            return output;
        }
        error.fault = DomainFault::ConverterBufferTooSmall;
        return std::nullopt;
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

bool isInternal(DomainFault fault)
{
    return fault == DomainFault::ConverterUnavailable
           || fault == DomainFault::ConverterBufferTooSmall;
}

Error failure(const DomainError &error)
{
    return Error{isInternal(error.fault) ? ErrorCode::Internal : ErrorCode::InvalidDomain,
                 domainErrorMessage(error)};
}

// Why an IDNA fault makes a domain invalid, in English ("a label starts with '-'"); empty for
// the faults that are not said after "the domain ... is not valid: ".
std::string idnaReason(const DomainError &error)
{
    switch (error.fault) {
    case DomainFault::Empty:
    case DomainFault::AddressLiteral:
    case DomainFault::ConverterUnavailable:
    case DomainFault::ConverterBufferTooSmall:
        return {};
    case DomainFault::FarTooLong:
        return "it is far too long";
    case DomainFault::EmptyLabel:
        return "it has an empty label (two dots in a row?)";
    case DomainFault::LabelTooLong:
        return "a label is longer than 63 bytes";
    case DomainFault::NameTooLong:
        return "it is longer than 253 bytes";
    case DomainFault::LeadingHyphen:
        return "a label starts with '-'";
    case DomainFault::TrailingHyphen:
        return "a label ends with '-'";
    case DomainFault::HyphensThirdAndFourth:
        return "a label has \"--\" in its third and fourth characters";
    case DomainFault::LeadingCombiningMark:
        return "a label starts with a combining mark";
    case DomainFault::Disallowed:
        return "it contains a character that is not allowed in domain names";
    case DomainFault::Punycode:
        return "a label is not valid punycode";
    case DomainFault::LabelHasDot:
        return "a label contains a dot";
    case DomainFault::InvalidAceLabel:
        return "an \"xn--\" label does not decode to a valid name";
    case DomainFault::Bidi:
        return "it mixes right-to-left and left-to-right text in a way IDNA forbids";
    case DomainFault::ContextJ:
        return "it has a zero-width joiner where IDNA forbids it";
    case DomainFault::ContextOPunctuation:
        return "it has punctuation where IDNA forbids it";
    case DomainFault::ContextODigits:
        return "it mixes Arabic-Indic digit sets";
    case DomainFault::IdnaFailed:
        return "IDNA processing failed";
    case DomainFault::Rejected:
        return "ICU rejected the domain: " + error.detail;
    }
    return {};
}

} // namespace

std::string domainErrorMessage(const DomainError &error)
{
    switch (error.fault) {
    case DomainFault::Empty:
        return "the domain is empty";
    case DomainFault::AddressLiteral:
        return "address literals such as " + error.domain
               + " are not accepted; use the domain name";
    case DomainFault::ConverterUnavailable:
        return "ICU could not open UTS #46: " + error.detail;
    case DomainFault::ConverterBufferTooSmall:
        return "ICU kept asking for a larger buffer";
    default:
        return "the domain \"" + error.domain + "\" is not valid: " + idnaReason(error);
    }
}

// A switch, so that a fault added without a name does not build (-Wswitch); allDomainFaults()
// counts on it.
std::string_view domainFaultName(DomainFault fault)
{
    switch (fault) {
    case DomainFault::Empty:
        return "empty";
    case DomainFault::FarTooLong:
        return "farTooLong";
    case DomainFault::AddressLiteral:
        return "addressLiteral";
    case DomainFault::EmptyLabel:
        return "emptyLabel";
    case DomainFault::LabelTooLong:
        return "labelTooLong";
    case DomainFault::NameTooLong:
        return "nameTooLong";
    case DomainFault::LeadingHyphen:
        return "leadingHyphen";
    case DomainFault::TrailingHyphen:
        return "trailingHyphen";
    case DomainFault::HyphensThirdAndFourth:
        return "hyphensThirdAndFourth";
    case DomainFault::LeadingCombiningMark:
        return "leadingCombiningMark";
    case DomainFault::Disallowed:
        return "disallowed";
    case DomainFault::Punycode:
        return "punycode";
    case DomainFault::LabelHasDot:
        return "labelHasDot";
    case DomainFault::InvalidAceLabel:
        return "invalidAceLabel";
    case DomainFault::Bidi:
        return "bidi";
    case DomainFault::ContextJ:
        return "contextJ";
    case DomainFault::ContextOPunctuation:
        return "contextOPunctuation";
    case DomainFault::ContextODigits:
        return "contextODigits";
    case DomainFault::IdnaFailed:
        return "idnaFailed";
    case DomainFault::Rejected:
        return "rejected";
    case DomainFault::ConverterUnavailable:
        return "converterUnavailable";
    case DomainFault::ConverterBufferTooSmall:
        return "converterBufferTooSmall";
    }
    return {};
}

std::optional<DomainFault> domainFaultNamed(std::string_view name)
{
    for (const DomainFault fault : allDomainFaults()) {
        if (domainFaultName(fault) == name)
            return fault;
    }
    return std::nullopt;
}

const std::vector<DomainFault> &allDomainFaults()
{
    static const std::vector<DomainFault> all = [] {
        std::vector<DomainFault> faults;
        for (int i = 0; !domainFaultName(static_cast<DomainFault>(i)).empty(); ++i)
            faults.push_back(static_cast<DomainFault>(i));
        return faults;
    }();
    return all;
}

Result<NormalisedDomain> normaliseDomain(std::string_view domain)
{
    DomainError ignored;
    return normaliseDomain(domain, ignored);
}

Result<NormalisedDomain> normaliseDomain(std::string_view domain, DomainError &error)
{
    error = DomainError{DomainFault::Empty, std::string(domain), {}};
    if (domain.empty())
        return failure(error);
    if (domain.size() > maxDomainInput) {
        error = DomainError{DomainFault::FarTooLong, std::string(domain.substr(0, 64)), {}};
        return failure(error);
    }
    if (isAddressLiteral(domain)) {
        error.fault = DomainFault::AddressLiteral;
        return failure(error);
    }

    // UTS #46 section 4 maps full-width dots and upper case before the trailing dot can be
    // seen, so the dot is stripped from ICU's output, not its input.
    auto ascii = converter().toAscii(domain, error);
    if (!ascii)
        return failure(error);
    std::string asciiForm = withoutTrailingDot(std::move(*ascii));
    if (asciiForm.empty()) {
        error.fault = DomainFault::Empty;
        return failure(error);
    }

    auto unicode = converter().toUnicode(asciiForm, error);
    if (!unicode)
        return failure(error);
    return NormalisedDomain{std::move(asciiForm), std::move(*unicode)};
}

} // namespace sendguard
