#include "rulesupport.h"
#include "textsearch.h"

#include "../textnormaliser.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

namespace sendguard::rules {

namespace {

// How far (in characters, either side of a number) a keyword may stand and still vouch for it.
constexpr std::size_t keywordReach = 30;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isSeparator(char c)
{
    return c == ' ' || c == '-';
}

// A run of digits in folded text, with single blanks or hyphens between groups
// ("4242 4242 4242 4242", "1234-5678-9012"), not glued to letters or to a longer number.
struct NumberRun
{
    std::size_t start = 0;
    std::size_t end = 0;
    std::string digits;
    std::vector<std::size_t> groups; // digits per group
    char separator = 0;              // 0 when the number is one group
};

enum class Kind { Card, MyNumber, CorporateNumber };

struct Sighting
{
    Kind kind;
    std::string digits;
    std::string label; // "Visa", ...; empty for the Japanese numbers
};

// Reads the run starting at text[pos], a digit. Stops at anything but a digit or one separator
// between digits; a separator that differs from the first one ends the run.
NumberRun readRun(std::string_view text, std::size_t pos)
{
    NumberRun run;
    run.start = pos;
    run.groups.push_back(0);
    while (pos < text.size()) {
        if (isDigit(text[pos])) {
            run.digits.push_back(text[pos]);
            ++run.groups.back();
            ++pos;
            continue;
        }
        const bool separatorThenDigit
            = isSeparator(text[pos]) && pos + 1 < text.size() && isDigit(text[pos + 1]);
        if (!separatorThenDigit || (run.separator && run.separator != text[pos]))
            break;
        run.separator = text[pos];
        run.groups.push_back(0);
        ++pos;
    }
    run.end = pos;
    return run;
}

bool joinsNumber(char c)
{
    return c == '.' || c == ',' || c == '/' || c == ':' || isSeparator(c);
}

// A letter or digit right next to the run, or "1.5" / "12:30" style joins, make it part of
// something longer (an identifier, a decimal, a time, a mixed-separator number).
bool isGlued(std::string_view text, const NumberRun &run)
{
    if (run.start > 0) {
        const char before = text[run.start - 1];
        if (isAsciiAlnum(before))
            return true;
        if (joinsNumber(before) && run.start > 1 && isDigit(text[run.start - 2]))
            return true;
    }
    if (run.end < text.size()) {
        const char after = text[run.end];
        if (isAsciiAlnum(after))
            return true;
        if (joinsNumber(after) && run.end + 1 < text.size() && isDigit(text[run.end + 1]))
            return true;
    }
    return false;
}

int digitAt(const std::string &digits, std::size_t i)
{
    return digits[i] - '0';
}

bool allSameDigit(const std::string &digits)
{
    return digits.find_first_not_of(digits.front()) == std::string::npos;
}

// ISO/IEC 7812-1 annex B (the Luhn formula).
bool passesLuhn(const std::string &digits)
{
    int sum = 0;
    bool doubled = false;
    for (std::size_t i = digits.size(); i-- > 0;) {
        int digit = digitAt(digits, i);
        if (doubled) {
            digit *= 2;
            if (digit > 9)
                digit -= 9;
        }
        sum += digit;
        doubled = !doubled;
    }
    return sum % 10 == 0;
}

int prefixValue(const std::string &digits, std::size_t length)
{
    return std::stoi(digits.substr(0, length));
}

// The card network whose issuer prefix (IIN range) and length the number has; empty if none.
std::string cardNetwork(const std::string &digits)
{
    const std::size_t n = digits.size();
    const int two = prefixValue(digits, 2);
    const int three = prefixValue(digits, 3);
    const int four = prefixValue(digits, 4);
    if (digits[0] == '4' && (n == 13 || n == 16 || n == 19))
        return "Visa";
    if (n == 16 && ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)))
        return "Mastercard";
    if (n == 15 && (two == 34 || two == 37))
        return "American Express";
    if (n >= 16 && four >= 3528 && four <= 3589)
        return "JCB";
    if (n >= 14 && (two == 36 || (three >= 300 && three <= 305)))
        return "Diners Club";
    if (n >= 16 && (four == 6011 || two == 65))
        return "Discover";
    return {};
}

// 4-4-4-4 (most networks), 4-6-5 (American Express), 4-6-4 (Diners Club), 4-4-4-4-3 (19 digits),
// written with separators: how card numbers are printed and copied, and rarely anything else.
bool hasCardGrouping(const NumberRun &run)
{
    using Groups = std::vector<std::size_t>;
    static const std::array<Groups, 4> layouts{Groups{4, 4, 4, 4}, Groups{4, 6, 5}, Groups{4, 6, 4},
                                               Groups{4, 4, 4, 4, 3}};
    return run.separator && std::find(layouts.begin(), layouts.end(), run.groups) != layouts.end();
}

// 個人番号 (My Number): the check digit of the Ordinance of the Act on the Use of Numbers to
// Identify a Specific Individual, article 5: P(n) is the n-th digit counting from the right
// without the check digit, Q(n) = n + 1 for n <= 6 and n - 5 above; with r = sum(P*Q) mod 11
// the check digit is 0 when r <= 1 and 11 - r otherwise.
bool isMyNumber(const std::string &digits)
{
    if (digits.size() != 12 || allSameDigit(digits))
        return false;
    int sum = 0;
    for (int n = 1; n <= 11; ++n) {
        const int q = n <= 6 ? n + 1 : n - 5;
        sum += digitAt(digits, static_cast<std::size_t>(11 - n)) * q;
    }
    const int remainder = sum % 11;
    const int check = remainder <= 1 ? 0 : 11 - remainder;
    return digitAt(digits, 11) == check;
}

// 法人番号 (corporate number): the leading check digit of the Ministerial Ordinance on corporate
// numbers, article 2: P(n) is the n-th digit of the 12-digit base counting from the right,
// Q(n) is 1 for odd n and 2 for even n; the check digit is 9 - (sum(P*Q) mod 9).
bool isCorporateNumber(const std::string &digits)
{
    if (digits.size() != 13 || allSameDigit(digits.substr(1)))
        return false;
    int sum = 0;
    for (int n = 1; n <= 12; ++n)
        sum += digitAt(digits, static_cast<std::size_t>(13 - n)) * (n % 2 == 1 ? 1 : 2);
    return digitAt(digits, 0) == 9 - sum % 9;
}

bool isContinuationByte(char c)
{
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// The text up to `keywordReach` characters either side of the run.
std::string_view surroundings(std::string_view text, const NumberRun &run)
{
    std::size_t from = run.start;
    for (std::size_t chars = 0; from > 0 && chars < keywordReach; ++chars) {
        --from;
        while (from > 0 && isContinuationByte(text[from]))
            --from;
    }
    std::size_t to = run.end;
    for (std::size_t chars = 0; to < text.size() && chars < keywordReach; ++chars) {
        ++to;
        while (to < text.size() && isContinuationByte(text[to]))
            ++to;
    }
    return text.substr(from, to - from);
}

template<std::size_t N>
bool mentionsAny(std::string_view text, const std::array<std::string_view, N> &keywords)
{
    return std::any_of(keywords.begin(), keywords.end(),
                       [&](std::string_view keyword) { return containsWord(text, keyword); });
}

bool nearCardKeyword(std::string_view around)
{
    static const std::array<std::string_view, 15> keywords{
        "card",       "cards", "カード",           "クレジット", "credit", "visa",
        "mastercard", "amex",  "american express", "jcb",        "diners", "discover",
        "cvv",        "cvc",   "有効期限"};
    return mentionsAny(around, keywords);
}

bool nearMyNumberKeyword(std::string_view around)
{
    static const std::array<std::string_view, 4> keywords{"マイナンバー", "個人番号", "my number",
                                                          "mynumber"};
    return mentionsAny(around, keywords);
}

bool nearCorporateKeyword(std::string_view around)
{
    static const std::array<std::string_view, 3> keywords{"法人番号", "corporate number",
                                                          "corporate no"};
    return mentionsAny(around, keywords);
}

// What the run is, if it is sensitive and vouched for. A card number needs its network's
// prefix and length, the Luhn check, and either its printed grouping or a card keyword nearby:
// bare 16-digit numbers (order and tracking numbers) pass Luhn one time in ten. The Japanese
// numbers always need their keyword, since 12 and 13 digits are common in other numbers.
std::optional<Sighting> classify(std::string_view text, const NumberRun &run)
{
    const std::string &digits = run.digits;
    if (digits.size() < 12 || digits.size() > 19 || isGlued(text, run))
        return std::nullopt;
    const std::string_view around = surroundings(text, run);
    if (digits.size() == 13 && isCorporateNumber(digits) && nearCorporateKeyword(around))
        return Sighting{Kind::CorporateNumber, digits, {}};
    if (digits.size() == 12)
        return isMyNumber(digits) && nearMyNumberKeyword(around)
                   ? std::optional<Sighting>(Sighting{Kind::MyNumber, digits, {}})
                   : std::nullopt;
    std::string network = cardNetwork(digits);
    if (network.empty() || allSameDigit(digits) || !passesLuhn(digits))
        return std::nullopt;
    if (!hasCardGrouping(run) && !nearCardKeyword(around))
        return std::nullopt;
    return Sighting{Kind::Card, digits, std::move(network)};
}

std::vector<Sighting> sightingsIn(std::string_view text)
{
    std::vector<Sighting> found;
    std::unordered_set<std::string> seen; // kind and digits: each number is reported once
    std::size_t pos = 0;
    while (pos < text.size()) {
        if (!isDigit(text[pos])) {
            ++pos;
            continue;
        }
        const NumberRun run = readRun(text, pos);
        pos = run.end;
        auto sighting = classify(text, run);
        if (!sighting)
            continue;
        const char kindMark = static_cast<char>('0' + static_cast<int>(sighting->kind));
        if (seen.insert(kindMark + sighting->digits).second)
            found.push_back(std::move(*sighting));
    }
    return found;
}

std::string lastFour(const std::string &digits)
{
    return digits.substr(digits.size() - 4);
}

// Past this many numbers of a kind in one place, the rest are counted, not shown.
constexpr std::size_t kNumbersShown = 3;

const char *kindName(Kind kind)
{
    switch (kind) {
    case Kind::Card:
        return "sensitiveData.card";
    case Kind::MyNumber:
        return "sensitiveData.myNumber";
    case Kind::CorporateNumber:
        return "sensitiveData.corporateNumber";
    }
    return "sensitiveData.card";
}

// The English sentence after "The body holds ": what was found and why it matters.
std::string englishDescription(Kind kind, std::int64_t count, const std::string &shown)
{
    switch (kind) {
    case Kind::Card:
        return englishCount(count, "payment card number", "payment card numbers") + " (" + shown
               + "). Card numbers must never travel by mail.";
    case Kind::MyNumber:
        return englishCount(count, "My Number", "My Numbers") + " (" + shown
               + "). The law allows sending a My Number only to those who may handle it.";
    case Kind::CorporateNumber:
        return englishCount(count, "corporate number", "corporate numbers") + " (" + shown
               + "). Check that the right company's number goes to the right people.";
    }
    return {};
}

// One finding per kind and place, showing each number as its last 4 digits ("Visa ending
// 4242"), never more of it.
Finding sightingsFinding(const std::string &place, Kind kind,
                         const std::vector<const Sighting *> &ofKind)
{
    std::vector<std::string> endings;
    std::vector<std::string> brands;
    std::vector<std::string> english;
    for (std::size_t i = 0; i < ofKind.size() && i < kNumbersShown; ++i) {
        endings.push_back(lastFour(ofKind[i]->digits));
        if (kind == Kind::Card)
            brands.push_back(ofKind[i]->label);
        english.push_back((kind == Kind::Card ? ofKind[i]->label + " " : std::string()) + "ending "
                          + endings.back());
    }
    const auto count = static_cast<std::int64_t>(ofKind.size());
    const std::int64_t more = leftOut(ofKind.size(), kNumbersShown);
    MessageArgs args{
        {{"place", place}}, {{"numbers", count}, {"moreNumbers", more}}, {{"endings", endings}}};
    if (kind == Kind::Card)
        args.lists["cardBrands"] = brands;
    return findingFor(Target{Target::Kind::Draft, 0, place}, kindName(kind), std::move(args),
                      "The " + place + " holds "
                          + englishDescription(kind, count, englishList(english, more)));
}

void reportPlace(const std::string &place, std::string_view foldedText,
                 std::vector<Finding> &findings)
{
    const std::vector<Sighting> sightings = sightingsIn(foldedText);
    for (const Kind kind : {Kind::Card, Kind::MyNumber, Kind::CorporateNumber}) {
        std::vector<const Sighting *> ofKind;
        for (const auto &sighting : sightings) {
            if (sighting.kind == kind)
                ofKind.push_back(&sighting);
        }
        if (ofKind.empty())
            continue;
        findings.push_back(sightingsFinding(place, kind, ofKind));
    }
}

} // namespace

// `sensitive-data`: payment card numbers, Japanese My Numbers and corporate numbers in the
// subject or the body, checked by their check digits. Full-width digits count (the text is
// folded first). Findings name the kind and at most the last 4 digits, never the number.
void checkSensitiveData(const Review &, const RuleContext &context, std::vector<Finding> &findings)
{
    reportPlace("subject", context.foldedSubject(), findings);
    reportPlace("body", context.foldedBody(), findings);
}

} // namespace sendguard::rules
