#include "address.h"

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <cstring>

namespace sendguard {

namespace {

// Hostile input may nest comments arbitrarily deep; real mail never nests more than a few.
constexpr int maxCommentDepth = 32;

bool isAsciiAlnum(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// RFC 6532 section 3.2: UTF8-non-ascii is allowed wherever RFC 5322 allows atext, ctext, qtext
// and dtext. UTF-8 validity is checked once for the whole entry (isValidUtf8).
bool isNonAscii(unsigned char c)
{
    return c >= 0x80;
}

// RFC 5322 VCHAR: visible ASCII.
bool isVisibleAscii(unsigned char c)
{
    return c >= 0x21 && c <= 0x7e;
}

// RFC 5322 FWS, unfolded: CR and LF are accepted as whitespace since they only fold lines.
bool isWhitespace(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// RFC 5322 section 3.2.3, atext.
bool isAtext(unsigned char c)
{
    return isAsciiAlnum(c) || (c != '\0' && std::strchr("!#$%&'*+-/=?^_`{|}~", c) != nullptr)
           || isNonAscii(c);
}

// RFC 5322 section 3.2.2, ctext.
bool isCtext(unsigned char c)
{
    return (isVisibleAscii(c) && c != '(' && c != ')' && c != '\\') || isNonAscii(c);
}

// RFC 5322 section 3.2.4, qtext.
bool isQtext(unsigned char c)
{
    return (isVisibleAscii(c) && c != '"' && c != '\\') || isNonAscii(c);
}

// RFC 5322 section 3.4.1, dtext.
bool isDtext(unsigned char c)
{
    return (isVisibleAscii(c) && c != '[' && c != ']' && c != '\\') || isNonAscii(c);
}

// RFC 5322 section 3.2.1, quoted-pair: "\" followed by VCHAR or WSP.
bool isQuotable(unsigned char c)
{
    return isVisibleAscii(c) || c == ' ' || c == '\t' || isNonAscii(c);
}

std::size_t utf8SequenceLength(unsigned char lead)
{
    if (lead < 0x80)
        return 1;
    if (lead >= 0xc2 && lead <= 0xdf)
        return 2;
    if (lead >= 0xe0 && lead <= 0xef)
        return 3;
    if (lead >= 0xf0 && lead <= 0xf4)
        return 4;
    return 0;
}

// Well-formed UTF-8 per RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF.
bool isValidUtf8(std::string_view text)
{
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const std::size_t length = utf8SequenceLength(lead);
        if (length == 0 || i + length > text.size())
            return false;
        for (std::size_t k = 1; k < length; ++k) {
            if ((static_cast<unsigned char>(text[i + k]) & 0xc0) != 0x80)
                return false;
        }
        const auto second = static_cast<unsigned char>(length > 1 ? text[i + 1] : 0);
        if ((lead == 0xe0 && second < 0xa0) || (lead == 0xed && second > 0x9f)
            || (lead == 0xf0 && second < 0x90) || (lead == 0xf4 && second > 0x8f))
            return false;
        i += length;
    }
    return true;
}

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && isWhitespace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && isWhitespace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    return text;
}

std::string quoted(std::string_view text)
{
    return "\"" + std::string(trimmed(text)) + "\"";
}

// What the parser found, in words: "'x'", "the control character U+0001", "the end of the entry".
std::string describeFound(const std::string &found)
{
    if (found.empty())
        return "the end of the entry";
    const auto first = static_cast<unsigned char>(found.front());
    if (first < 0x20 || first == 0x7f) {
        char code[16];
        std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(first));
        return std::string("the control character ") + code;
    }
    return "'" + found + "'";
}

// A recursive descent parser for RFC 5322 section 3.4 address-list, including the obsolete
// forms of section 4.4 that mail clients still produce (obs-phrase "J. Smith", empty list
// elements). Every parse* function returns false after recording why in m_error; the first
// error wins. Backtracking happens only once per mailbox (phrase vs. addr-spec), so the cost is
// linear in the length of the entry.
class AddressParser
{
public:
    explicit AddressParser(std::string_view text)
        : m_text(text)
    {}

    Result<std::vector<Mailbox>> parseAddressList();
    // Why parseAddressList() failed; meaningful only after it did.
    AddressError error() const { return m_error.value_or(AddressError{}); }

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    unsigned char peek() const
    {
        return atEnd() ? '\0' : static_cast<unsigned char>(m_text[m_pos]);
    }
    bool peekIs(char c) const { return !atEnd() && m_text[m_pos] == c; }
    bool fail(AddressFault fault, std::string found = {}, std::string part = {});
    bool failAtNext(AddressFault fault, std::string part = {});
    std::string nextCharacter() const;
    std::string elementText(std::size_t start) const;

    bool skipCfws(bool *sawAny = nullptr);
    bool skipComment(int depth);
    bool parseQuotedString(std::string &out);
    void parseAtext(std::string &out);
    bool parsePhrase(std::string &out);
    bool parseWord(std::string &out, AddressFault faultWhenEmpty);
    bool parseLocalPart(std::string &out);
    bool parseDomain(std::string &out);
    bool parseDomainLiteral(std::string &out);
    bool parseAddrSpec(Mailbox &mailbox, std::size_t elementStart);
    bool parseAngleAddr(Mailbox &mailbox, std::size_t elementStart);
    bool parseMailbox(Mailbox &mailbox, bool &isGroup, std::string &groupName);
    bool parseAddress(std::vector<Mailbox> &out);
    bool parseGroupList(const std::string &groupName, std::vector<Mailbox> &out);
    bool expectListSeparator(const std::vector<Mailbox> &out, char closing);

    std::string_view m_text;
    std::size_t m_pos = 0;
    std::optional<AddressError> m_error;
};

bool AddressParser::fail(AddressFault fault, std::string found, std::string part)
{
    if (!m_error)
        m_error = AddressError{fault, std::move(found), std::string(trimmed(part))};
    return false;
}

bool AddressParser::failAtNext(AddressFault fault, std::string part)
{
    return fail(fault, nextCharacter(), std::move(part));
}

// The character at the current position as written (one UTF-8 sequence); empty at the end.
std::string AddressParser::nextCharacter() const
{
    if (atEnd())
        return {};
    const std::size_t length = std::max<std::size_t>(1, utf8SequenceLength(peek()));
    return std::string(m_text.substr(m_pos, length));
}

// The text of the current list element: from `start` to the next ',' or ';'.
std::string AddressParser::elementText(std::size_t start) const
{
    const std::size_t end = m_text.find_first_of(",;", m_pos);
    return std::string(m_text.substr(start, end == std::string_view::npos ? end : end - start));
}

// RFC 5322 section 3.2.2, CFWS. Records in `sawAny` whether anything was skipped, which is
// where a phrase puts the single space between its words.
bool AddressParser::skipCfws(bool *sawAny)
{
    while (!atEnd()) {
        if (isWhitespace(peek())) {
            ++m_pos;
        } else if (peekIs('(')) {
            if (!skipComment(1))
                return false;
        } else {
            return true;
        }
        if (sawAny)
            *sawAny = true;
    }
    return true;
}

// RFC 5322 section 3.2.2, comment: "(" *([FWS] ccontent) [FWS] ")", where ccontent may be a
// nested comment.
bool AddressParser::skipComment(int depth)
{
    if (depth > maxCommentDepth)
        return fail(AddressFault::CommentTooDeep);
    ++m_pos; // "("
    while (!atEnd()) {
        const unsigned char c = peek();
        if (c == ')') {
            ++m_pos;
            return true;
        }
        if (c == '(') {
            if (!skipComment(depth + 1))
                return false;
            continue;
        }
        if (c == '\\' && m_pos + 1 < m_text.size()
            && isQuotable(static_cast<unsigned char>(m_text[m_pos + 1]))) {
            m_pos += 2;
            continue;
        }
        if (!isCtext(c) && !isWhitespace(c))
            return failAtNext(AddressFault::CommentHoldsBadCharacter);
        ++m_pos;
    }
    return fail(AddressFault::CommentNotClosed);
}

// RFC 5322 section 3.2.4, quoted-string, without its surrounding CFWS. Quoted-pairs are
// unescaped; folding CR and LF are dropped (unfolding, section 3.2.2).
bool AddressParser::parseQuotedString(std::string &out)
{
    ++m_pos; // DQUOTE
    while (!atEnd()) {
        const unsigned char c = peek();
        if (c == '"') {
            ++m_pos;
            return true;
        }
        if (c == '\\') {
            if (m_pos + 1 >= m_text.size()
                || !isQuotable(static_cast<unsigned char>(m_text[m_pos + 1])))
                return fail(AddressFault::EscapesNothing);
            out += m_text[m_pos + 1];
            m_pos += 2;
            continue;
        }
        if (c == '\r' || c == '\n') {
            ++m_pos;
            continue;
        }
        if (!isQtext(c) && c != ' ' && c != '\t')
            return failAtNext(AddressFault::QuotedStringHoldsBadCharacter);
        out += static_cast<char>(c);
        ++m_pos;
    }
    return fail(AddressFault::QuotedStringNotClosed);
}

// RFC 5322 section 3.2.3, 1*atext (possibly none).
void AddressParser::parseAtext(std::string &out)
{
    const std::size_t start = m_pos;
    while (!atEnd() && isAtext(peek()))
        ++m_pos;
    out.append(m_text.substr(start, m_pos - start));
}

// RFC 5322 section 3.2.5 phrase, including obs-phrase (section 4.1): words and "." separated by
// CFWS. Stops, without error, at the first character that cannot continue a phrase. Words are
// joined by one space where CFWS stood between them.
bool AddressParser::parsePhrase(std::string &out)
{
    while (true) {
        bool sawSpace = false;
        if (!skipCfws(&sawSpace))
            return false;
        const bool canContinue = peekIs('"') || isAtext(peek()) || (peekIs('.') && !out.empty());
        if (!canContinue)
            return true;
        if (sawSpace && !out.empty())
            out += ' ';
        if (peekIs('"')) {
            if (!parseQuotedString(out))
                return false;
        } else if (peekIs('.')) {
            out += '.';
            ++m_pos;
        } else {
            parseAtext(out);
        }
    }
}

// One atom or quoted-string of a local part (obs-local-part: word *("." word)).
bool AddressParser::parseWord(std::string &out, AddressFault faultWhenEmpty)
{
    if (!skipCfws())
        return false;
    const std::size_t before = out.size();
    if (peekIs('"')) {
        if (!parseQuotedString(out))
            return false;
        return skipCfws();
    }
    parseAtext(out);
    if (out.size() == before)
        return failAtNext(faultWhenEmpty);
    return skipCfws();
}

// RFC 5322 section 3.4.1 local-part: dot-atom / quoted-string / obs-local-part.
bool AddressParser::parseLocalPart(std::string &out)
{
    if (!parseWord(out, AddressFault::ExpectedAddress))
        return false;
    while (peekIs('.')) {
        ++m_pos;
        out += '.';
        if (!parseWord(out, AddressFault::ExpectedTextAfterDot))
            return false;
    }
    return true;
}

// RFC 5322 section 3.4.1 domain-literal, kept with its brackets so that normaliseDomain can say
// plainly that address literals are not accepted.
bool AddressParser::parseDomainLiteral(std::string &out)
{
    const std::size_t start = m_pos;
    ++m_pos; // "["
    while (!atEnd() && peek() != ']') {
        if (peekIs('\\') && m_pos + 1 < m_text.size()) {
            m_pos += 2;
            continue;
        }
        if (!isDtext(peek()) && !isWhitespace(peek()))
            return failAtNext(AddressFault::DomainLiteralHoldsBadCharacter);
        ++m_pos;
    }
    if (atEnd())
        return fail(AddressFault::DomainLiteralNotClosed);
    ++m_pos;
    out.append(m_text.substr(start, m_pos - start));
    return skipCfws();
}

// RFC 5322 section 3.4.1 domain: dot-atom / domain-literal / obs-domain. One trailing dot
// (the fully qualified form) is accepted; normaliseDomain removes it.
bool AddressParser::parseDomain(std::string &out)
{
    if (!skipCfws())
        return false;
    if (peekIs('['))
        return parseDomainLiteral(out);
    while (true) {
        // Only the first label can be missing: after a dot, the loop goes on only at atext.
        const std::size_t before = out.size();
        parseAtext(out);
        if (out.size() == before)
            return fail(AddressFault::NoDomainAfterAt);
        if (!skipCfws())
            return false;
        if (!peekIs('.'))
            return true;
        ++m_pos;
        out += '.';
        if (!skipCfws())
            return false;
        if (peekIs('.'))
            return fail(AddressFault::DomainHasTwoDots);
        if (!isAtext(peek()))
            return true; // one trailing dot
    }
}

// RFC 5322 section 3.4.1 addr-spec: local-part "@" domain.
bool AddressParser::parseAddrSpec(Mailbox &mailbox, std::size_t elementStart)
{
    if (!parseLocalPart(mailbox.localPart))
        return false;
    if (!peekIs('@')) {
        const std::string text = elementText(elementStart);
        if (text.find('<') != std::string::npos)
            return fail(AddressFault::NoDomainMaybeList, {}, text);
        return fail(AddressFault::NoDomain, {}, text);
    }
    ++m_pos;
    return parseDomain(mailbox.domain);
}

// RFC 5322 section 3.4 angle-addr: "<" addr-spec ">". The obsolete source route is refused.
bool AddressParser::parseAngleAddr(Mailbox &mailbox, std::size_t elementStart)
{
    ++m_pos; // "<"
    if (!skipCfws())
        return false;
    if (peekIs('>'))
        return fail(AddressFault::EmptyAngleAddress);
    if (peekIs('@'))
        return fail(AddressFault::SourceRoute);
    if (!parseAddrSpec(mailbox, elementStart))
        return false;
    if (!peekIs('>'))
        return failAtNext(AddressFault::ExpectedClosingAngle, mailbox.address());
    ++m_pos;
    return skipCfws();
}

// RFC 5322 section 3.4 mailbox (name-addr / addr-spec), or the start of a group: a phrase
// followed by ":" is a group's display-name. A phrase followed by neither "<" nor ":" was the
// local part of an addr-spec, so the parser backs up once and reads it as one.
bool AddressParser::parseMailbox(Mailbox &mailbox, bool &isGroup, std::string &groupName)
{
    if (!skipCfws())
        return false;
    const std::size_t start = m_pos;
    std::string phrase;
    if (!parsePhrase(phrase))
        return false;
    if (peekIs('<')) {
        mailbox.displayName = std::move(phrase);
        return parseAngleAddr(mailbox, start);
    }
    if (peekIs(':') && !phrase.empty()) {
        ++m_pos;
        isGroup = true;
        groupName = std::move(phrase);
        return true;
    }
    m_pos = start;
    return parseAddrSpec(mailbox, start);
}

// After a mailbox or group: CFWS, then "," or the end (or `closing`, inside a group).
bool AddressParser::expectListSeparator(const std::vector<Mailbox> &out, char closing)
{
    if (!skipCfws())
        return false;
    if (atEnd() || peekIs(',') || (closing != '\0' && peekIs(closing)))
        return true;
    if (peekIs('<'))
        return fail(AddressFault::DisplayNameNeedsQuotes);
    return failAtNext(AddressFault::UnexpectedCharacter,
                      out.empty() ? std::string() : out.back().address());
}

// RFC 5322 section 3.4 group: display-name ":" [group-list] ";" [CFWS]. Groups do not nest.
bool AddressParser::parseGroupList(const std::string &groupName, std::vector<Mailbox> &out)
{
    while (true) {
        if (!skipCfws())
            return false;
        if (atEnd())
            return fail(AddressFault::GroupNotClosed, {}, groupName);
        if (peekIs(';')) {
            ++m_pos;
            return true;
        }
        if (peekIs(',')) { // obs-mbox-list allows empty elements
            ++m_pos;
            continue;
        }
        Mailbox mailbox;
        bool isGroup = false;
        std::string innerName;
        if (!parseMailbox(mailbox, isGroup, innerName))
            return false;
        if (isGroup)
            return fail(AddressFault::NestedGroup, {}, innerName);
        out.push_back(std::move(mailbox));
        if (!expectListSeparator(out, ';'))
            return false;
    }
}

// RFC 5322 section 3.4 address: mailbox / group.
bool AddressParser::parseAddress(std::vector<Mailbox> &out)
{
    Mailbox mailbox;
    bool isGroup = false;
    std::string groupName;
    if (!parseMailbox(mailbox, isGroup, groupName))
        return false;
    if (isGroup)
        return parseGroupList(groupName, out);
    out.push_back(std::move(mailbox));
    return true;
}

// RFC 5322 section 3.4 address-list, with obs-addr-list's empty elements (section 4.4).
Result<std::vector<Mailbox>> AddressParser::parseAddressList()
{
    if (!isValidUtf8(m_text))
        fail(AddressFault::InvalidUtf8);
    std::vector<Mailbox> mailboxes;
    int addresses = 0;
    while (!m_error) {
        if (!skipCfws())
            break;
        if (atEnd())
            break;
        if (peekIs(',')) {
            ++m_pos;
            continue;
        }
        if (!parseAddress(mailboxes) || !expectListSeparator(mailboxes, '\0'))
            break;
        ++addresses;
    }
    if (!m_error && addresses == 0)
        fail(AddressFault::NoAddress);
    if (m_error)
        return Error{ErrorCode::InvalidAddress, addressErrorMessage(*m_error)};
    return mailboxes;
}

} // namespace

std::string addressErrorMessage(const AddressError &error)
{
    const std::string found = describeFound(error.found);
    const std::string part = quoted(error.part);
    switch (error.fault) {
    case AddressFault::InvalidUtf8:
        return "the entry is not valid UTF-8";
    case AddressFault::NoAddress:
        return "the entry holds no address";
    case AddressFault::CommentTooDeep:
        return "comments are nested too deeply";
    case AddressFault::CommentHoldsBadCharacter:
        return "a comment holds " + found;
    case AddressFault::CommentNotClosed:
        return "a comment '(' is not closed with ')'";
    case AddressFault::EscapesNothing:
        return "a '\\' in a quoted string escapes nothing";
    case AddressFault::QuotedStringHoldsBadCharacter:
        return "a quoted string holds " + found;
    case AddressFault::QuotedStringNotClosed:
        return "a quoted string is not closed with '\"'";
    case AddressFault::ExpectedAddress:
        return "expected an address but found " + found;
    case AddressFault::ExpectedTextAfterDot:
        return "expected text after '.' in the address but found " + found;
    case AddressFault::DomainLiteralHoldsBadCharacter:
        return "a domain literal holds " + found;
    case AddressFault::DomainLiteralNotClosed:
        return "a domain literal '[' is not closed with ']'";
    case AddressFault::NoDomainAfterAt:
        return "there is no domain after '@'";
    case AddressFault::DomainHasTwoDots:
        return "the domain has two dots in a row";
    case AddressFault::NoDomainMaybeList:
        return part + " has no @domain; it may be a mailing list that was not expanded";
    case AddressFault::NoDomain:
        return part + " is not an email address: it has no @domain";
    case AddressFault::EmptyAngleAddress:
        return "the address between '<' and '>' is empty";
    case AddressFault::SourceRoute:
        return "source routes (\"<@host:...>\") are not accepted";
    case AddressFault::ExpectedClosingAngle:
        return "expected '>' after " + part + " but found " + found;
    case AddressFault::DisplayNameNeedsQuotes:
        return "a display name holding '@' or other special characters needs quotes";
    case AddressFault::UnexpectedCharacter:
        if (error.part.empty())
            return "unexpected " + found + "; separate addresses with ','";
        return "unexpected " + found + " after " + part + "; separate addresses with ','";
    case AddressFault::GroupNotClosed:
        return "the group " + part + " is not closed with ';'";
    case AddressFault::NestedGroup:
        return "the group " + part + " is inside another group";
    }
    return "the entry is not an address";
}

// A switch, so that a fault added without a name does not build (-Wswitch); allAddressFaults()
// counts on it.
std::string_view addressFaultName(AddressFault fault)
{
    switch (fault) {
    case AddressFault::InvalidUtf8:
        return "invalidUtf8";
    case AddressFault::NoAddress:
        return "noAddress";
    case AddressFault::CommentTooDeep:
        return "commentTooDeep";
    case AddressFault::CommentHoldsBadCharacter:
        return "commentHoldsBadCharacter";
    case AddressFault::CommentNotClosed:
        return "commentNotClosed";
    case AddressFault::EscapesNothing:
        return "escapesNothing";
    case AddressFault::QuotedStringHoldsBadCharacter:
        return "quotedStringHoldsBadCharacter";
    case AddressFault::QuotedStringNotClosed:
        return "quotedStringNotClosed";
    case AddressFault::ExpectedAddress:
        return "expectedAddress";
    case AddressFault::ExpectedTextAfterDot:
        return "expectedTextAfterDot";
    case AddressFault::DomainLiteralHoldsBadCharacter:
        return "domainLiteralHoldsBadCharacter";
    case AddressFault::DomainLiteralNotClosed:
        return "domainLiteralNotClosed";
    case AddressFault::NoDomainAfterAt:
        return "noDomainAfterAt";
    case AddressFault::DomainHasTwoDots:
        return "domainHasTwoDots";
    case AddressFault::NoDomainMaybeList:
        return "noDomainMaybeList";
    case AddressFault::NoDomain:
        return "noDomain";
    case AddressFault::EmptyAngleAddress:
        return "emptyAngleAddress";
    case AddressFault::SourceRoute:
        return "sourceRoute";
    case AddressFault::ExpectedClosingAngle:
        return "expectedClosingAngle";
    case AddressFault::DisplayNameNeedsQuotes:
        return "displayNameNeedsQuotes";
    case AddressFault::UnexpectedCharacter:
        return "unexpectedCharacter";
    case AddressFault::GroupNotClosed:
        return "groupNotClosed";
    case AddressFault::NestedGroup:
        return "nestedGroup";
    }
    return {};
}

std::optional<AddressFault> addressFaultNamed(std::string_view name)
{
    for (const AddressFault fault : allAddressFaults()) {
        if (addressFaultName(fault) == name)
            return fault;
    }
    return std::nullopt;
}

// The enumerators count up from 0 (none has a value of its own), each with a name.
const std::vector<AddressFault> &allAddressFaults()
{
    static const std::vector<AddressFault> all = [] {
        std::vector<AddressFault> faults;
        for (int i = 0; !addressFaultName(static_cast<AddressFault>(i)).empty(); ++i)
            faults.push_back(static_cast<AddressFault>(i));
        return faults;
    }();
    return all;
}

Result<std::vector<Mailbox>> parseAddressList(std::string_view entry)
{
    return AddressParser(entry).parseAddressList();
}

Result<std::vector<Mailbox>> parseAddressList(std::string_view entry, AddressError &error)
{
    AddressParser parser(entry);
    auto result = parser.parseAddressList();
    if (!result)
        error = parser.error();
    return result;
}

} // namespace sendguard
