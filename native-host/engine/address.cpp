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

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    unsigned char peek() const
    {
        return atEnd() ? '\0' : static_cast<unsigned char>(m_text[m_pos]);
    }
    bool peekIs(char c) const { return !atEnd() && m_text[m_pos] == c; }
    bool fail(std::string message);
    std::string describeNext() const;
    std::string elementText(std::size_t start) const;

    bool skipCfws(bool *sawAny = nullptr);
    bool skipComment(int depth);
    bool parseQuotedString(std::string &out);
    void parseAtext(std::string &out);
    bool parsePhrase(std::string &out);
    bool parseWord(std::string &out, const char *what);
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
    std::string m_error;
};

bool AddressParser::fail(std::string message)
{
    if (m_error.empty())
        m_error = std::move(message);
    return false;
}

std::string AddressParser::describeNext() const
{
    if (atEnd())
        return "the end of the entry";
    if (peek() < 0x20 || peek() == 0x7f) {
        char code[16];
        std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(peek()));
        return std::string("the control character ") + code;
    }
    const std::size_t length = std::max<std::size_t>(1, utf8SequenceLength(peek()));
    return "'" + std::string(m_text.substr(m_pos, length)) + "'";
}

// The text of the current list element, for messages: from `start` to the next ',' or ';'.
std::string AddressParser::elementText(std::size_t start) const
{
    const std::size_t end = m_text.find_first_of(",;", m_pos);
    return quoted(m_text.substr(start, end == std::string_view::npos ? end : end - start));
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
        return fail("comments are nested too deeply");
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
            return fail("a comment holds " + describeNext());
        ++m_pos;
    }
    return fail("a comment '(' is not closed with ')'");
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
                return fail("a '\\' in a quoted string escapes nothing");
            out += m_text[m_pos + 1];
            m_pos += 2;
            continue;
        }
        if (c == '\r' || c == '\n') {
            ++m_pos;
            continue;
        }
        if (!isQtext(c) && c != ' ' && c != '\t')
            return fail("a quoted string holds " + describeNext());
        out += static_cast<char>(c);
        ++m_pos;
    }
    return fail("a quoted string is not closed with '\"'");
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
bool AddressParser::parseWord(std::string &out, const char *what)
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
        return fail(std::string("expected ") + what + " but found " + describeNext());
    return skipCfws();
}

// RFC 5322 section 3.4.1 local-part: dot-atom / quoted-string / obs-local-part.
bool AddressParser::parseLocalPart(std::string &out)
{
    if (!parseWord(out, "an address"))
        return false;
    while (peekIs('.')) {
        ++m_pos;
        out += '.';
        if (!parseWord(out, "text after '.' in the address"))
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
            return fail("a domain literal holds " + describeNext());
        ++m_pos;
    }
    if (atEnd())
        return fail("a domain literal '[' is not closed with ']'");
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
        const std::size_t before = out.size();
        parseAtext(out);
        if (out.size() == before)
            return fail(out.empty() ? "there is no domain after '@'"
                                    : "the domain has an empty part before " + describeNext());
        if (!skipCfws())
            return false;
        if (!peekIs('.'))
            return true;
        ++m_pos;
        out += '.';
        if (!skipCfws())
            return false;
        if (peekIs('.'))
            return fail("the domain has two dots in a row");
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
            return fail(text + " has no @domain; it may be a mailing list that was not expanded");
        return fail(text + " is not an email address: it has no @domain");
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
        return fail("the address between '<' and '>' is empty");
    if (peekIs('@'))
        return fail("source routes (\"<@host:...>\") are not accepted");
    if (!parseAddrSpec(mailbox, elementStart))
        return false;
    if (!peekIs('>'))
        return fail("expected '>' after " + quoted(mailbox.address()) + " but found "
                    + describeNext());
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
        return fail("a display name holding '@' or other special characters needs quotes");
    const std::string after
        = out.empty() ? std::string() : " after " + quoted(out.back().address());
    return fail("unexpected " + describeNext() + after + "; separate addresses with ','");
}

// RFC 5322 section 3.4 group: display-name ":" [group-list] ";" [CFWS]. Groups do not nest.
bool AddressParser::parseGroupList(const std::string &groupName, std::vector<Mailbox> &out)
{
    while (true) {
        if (!skipCfws())
            return false;
        if (atEnd())
            return fail("the group " + quoted(groupName) + " is not closed with ';'");
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
            return fail("the group " + quoted(innerName) + " is inside another group");
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
        return Error{ErrorCode::InvalidAddress, "the entry is not valid UTF-8"};
    std::vector<Mailbox> mailboxes;
    int addresses = 0;
    while (m_error.empty()) {
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
    if (!m_error.empty())
        return Error{ErrorCode::InvalidAddress, m_error};
    if (addresses == 0)
        return Error{ErrorCode::InvalidAddress, "the entry holds no address"};
    return mailboxes;
}

} // namespace

Result<std::vector<Mailbox>> parseAddressList(std::string_view entry)
{
    return AddressParser(entry).parseAddressList();
}

} // namespace sendguard
