#include "greeting.h"
#include "rulesupport.h"
#include "textsearch.h"

#include "../textnormaliser.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>

namespace sendguard::rules {

namespace {

// The greeting is looked for in this many of the body's first non-empty lines: Japanese mail
// often opens with the company and department on lines of their own ("株式会社ABC" / "営業部" /
// "田中様").
constexpr int greetingLines = 4;

enum class Script { Latin, Han, Kana };

struct Greeting
{
    std::string shown;              // the greeting line as written, for the message
    Script script = Script::Latin;  // of the name
    std::vector<std::string> words; // Latin: the name's words, folded, titles dropped
    std::string compactName;        // Han and kana: the name folded, without blanks
    bool fullName = false;          // Latin: two words and no "and": "Dear Maria Rossi"
};

bool startsWith(std::string_view text, std::string_view prefix)
{
    return text.substr(0, prefix.size()) == prefix;
}

bool contains(std::string_view text, std::string_view part)
{
    return text.find(part) != std::string_view::npos;
}

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
        text.remove_suffix(1);
    return text;
}

// The code point starting at text[pos] (UTF-8); advances pos. Ill-formed bytes read as U+FFFD.
char32_t nextCodePoint(std::string_view text, std::size_t &pos)
{
    const auto lead = static_cast<unsigned char>(text[pos++]);
    if (lead < 0x80)
        return lead;
    const int extra = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
    if (extra == 0)
        return 0xFFFD;
    char32_t cp = lead & (0x3F >> extra);
    for (int i = 0; i < extra; ++i) {
        if (pos >= text.size() || (static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80)
            return 0xFFFD;
        cp = (cp << 6) | (static_cast<unsigned char>(text[pos++]) & 0x3F);
    }
    return cp;
}

bool isHan(char32_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || c == 0x3005
           || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF);
}

bool isKana(char32_t c)
{
    return (c >= 0x3041 && c <= 0x309F) || (c >= 0x30A1 && c <= 0x30FF && c != 0x30FB);
}

bool isLatinLetter(char32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x24F);
}

bool hasScript(std::string_view text, Script script)
{
    for (std::size_t pos = 0; pos < text.size();) {
        const char32_t c = nextCodePoint(text, pos);
        if ((script == Script::Han && isHan(c)) || (script == Script::Kana && isKana(c))
            || (script == Script::Latin && isLatinLetter(c)))
            return true;
    }
    return false;
}

// Words of a folded name or address part: runs of letters (any script, and apostrophes) split
// at blanks, punctuation, digits and "・".
std::vector<std::string> nameWords(std::string_view text)
{
    std::vector<std::string> words;
    std::string word;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t start = pos;
        const char32_t c = nextCodePoint(text, pos);
        const bool letter = c == '\'' || isLatinLetter(c) || isHan(c) || isKana(c)
                            || (c >= 0x80 && c != 0x30FB && c != 0x3000 && c != 0xFFFD);
        if (letter) {
            word.append(text.substr(start, pos - start));
            continue;
        }
        if (!word.empty())
            words.push_back(std::move(word));
        word.clear();
    }
    if (!word.empty())
        words.push_back(std::move(word));
    return words;
}

std::string withoutBlanks(std::string_view text)
{
    std::string out;
    for (const char c : text) {
        if (c != ' ' && c != '\t')
            out.push_back(c);
    }
    return out;
}

// --- English greetings ----------------------------------------------------------------------

bool isTitle(std::string_view word)
{
    static const std::array<std::string_view, 8> titles{"mr", "mrs", "ms",   "miss",
                                                        "mx", "dr",  "prof", "professor"};
    return std::find(titles.begin(), titles.end(), word) != titles.end();
}

// Words that address a group or nobody in particular: "Dear all", "Hi team", "Hello there",
// "Dear Sir or Madam", "Dear valued customer".
bool isGroupWord(std::string_view word)
{
    static const std::array<std::string_view, 32> words{
        "all",       "everyone",  "everybody",  "team",    "teams", "there",   "folks",
        "guys",      "y'all",     "colleagues", "friends", "sir",   "sirs",    "madam",
        "customer",  "customers", "members",    "member",  "sales", "support", "whom",
        "concerned", "hiring",    "manager",    "valued",  "both",  "you",     "people",
        "staff",     "gentlemen", "ladies",     "partners"};
    return std::find(words.begin(), words.end(), word) != words.end();
}

// "Dear Mr Smith," / "Hi John!" / "Hello Anna and Ben:": the name words, or nothing when the
// line is no greeting, names a group, or runs on like a sentence.
std::optional<Greeting> englishGreeting(std::string_view line, std::string_view shown)
{
    static const std::array<std::string_view, 4> openers{"dear ", "hi ", "hello ", "hey "};
    const auto opener = std::find_if(openers.begin(), openers.end(),
                                     [&](std::string_view o) { return startsWith(line, o); });
    if (opener == openers.end())
        return std::nullopt;
    std::string_view rest = line.substr(opener->size());
    rest = rest.substr(0, rest.find_first_of(",!:;(<"));
    Greeting greeting{std::string(shown), Script::Latin, {}, {}};
    bool joined = false;
    for (auto &word : nameWords(rest)) {
        joined = joined || word == "and";
        if (word == "and" || isTitle(word))
            continue;
        if (isGroupWord(word))
            return std::nullopt;
        greeting.words.push_back(std::move(word));
    }
    if (greeting.words.empty() || greeting.words.size() > 3)
        return std::nullopt;
    greeting.fullName = !joined && greeting.words.size() == 2;
    return greeting;
}

// --- Japanese greetings ---------------------------------------------------------------------

bool addressesGroupOrRole(std::string_view name)
{
    static const std::array<std::string_view, 20> words{
        "皆",   "みな", "みんな", "各位", "お客", "担当", "関係者", "会員", "利用者", "ユーザー",
        "御中", "社長", "部長",   "課長", "係長", "主任", "室長",   "所長", "会長",   "店長"};
    return std::any_of(words.begin(), words.end(),
                       [&](std::string_view w) { return name == w || contains(name, w); })
           || name.empty();
}

bool namesCompany(std::string_view nameWord)
{
    static const std::array<std::string_view, 6> marks{"会社", "(株)", "(有)",
                                                       "法人", "御中", "組合"};
    return std::any_of(marks.begin(), marks.end(),
                       [&](std::string_view m) { return contains(nameWord, m); });
}

// Whether what follows an honorific ends the greeting: the end of the line, a blank, or
// punctuation ("田中様、", "田中さん,", "田中さんへ").
bool endsGreeting(std::string_view after)
{
    static const std::array<std::string_view, 8> ends{" ", "、", ",", "。", "!", ":", "へ", "."};
    return after.empty() || std::any_of(ends.begin(), ends.end(), [&](std::string_view e) {
               return startsWith(after, e);
           });
}

// "田中様" / "田中 太郎 様" / "株式会社ABC 田中様、" / "山田先生": the name before the honorific.
std::optional<Greeting> japaneseGreeting(std::string_view line, std::string_view shown)
{
    static const std::array<std::string_view, 5> honorifics{"様", "さま", "さん", "殿", "先生"};
    for (std::size_t pos = 0; pos < line.size(); ++pos) {
        for (const auto honorific : honorifics) {
            if (line.substr(pos, honorific.size()) != honorific
                || !endsGreeting(line.substr(pos + honorific.size())))
                continue;
            std::string_view name = trimmed(line.substr(0, pos));
            const std::size_t sentenceEnd = name.rfind("。");
            if (sentenceEnd != std::string_view::npos)
                name = trimmed(name.substr(sentenceEnd + std::string_view("。").size()));
            const auto words = nameWords(name);
            if (words.empty() || namesCompany(words.back()) || addressesGroupOrRole(name))
                return std::nullopt;
            const Script script = hasScript(name, Script::Han)    ? Script::Han
                                  : hasScript(name, Script::Kana) ? Script::Kana
                                                                  : Script::Latin;
            return Greeting{std::string(shown), script, words, withoutBlanks(name)};
        }
    }
    return std::nullopt;
}

bool isHonorificLine(std::string_view line)
{
    return contains(line, "様") || contains(line, "さま") || contains(line, "さん")
           || contains(line, "殿") || contains(line, "先生");
}

// The greeting in the first few non-empty lines of the body, or nothing. Only these lines are
// folded, so the cost does not depend on the body's length.
std::optional<Greeting> findGreeting(std::string_view body)
{
    int nonEmpty = 0;
    std::size_t pos = 0;
    while (pos < body.size() && nonEmpty < greetingLines) {
        std::size_t end = body.find('\n', pos);
        if (end == std::string_view::npos)
            end = body.size();
        const std::string_view raw = trimmed(body.substr(pos, end - pos));
        pos = end + 1;
        if (raw.empty())
            continue;
        ++nonEmpty;
        const std::string line(trimmed(foldForMatching(raw)));
        if (isQuotedLine(line) || endsOwnText(line))
            return std::nullopt;
        if (auto english = englishGreeting(line, raw))
            return english;
        if (isHonorificLine(line))
            return japaneseGreeting(line, raw);
        // A line of prose means the greeting, if any, has passed.
        if (contains(line, "。") || contains(line, ". ") || line.back() == '.')
            return std::nullopt;
    }
    return std::nullopt;
}

// --- Matching -------------------------------------------------------------------------------

// Common English short forms whose letters do not start the full name.
bool isShortFormOf(std::string_view shortForm, std::string_view full)
{
    static const std::array<std::pair<std::string_view, std::string_view>, 14> pairs{{
        {"bob", "robert"},
        {"rob", "robert"},
        {"bill", "william"},
        {"will", "william"},
        {"jim", "james"},
        {"mike", "michael"},
        {"dick", "richard"},
        {"rick", "richard"},
        {"liz", "elizabeth"},
        {"beth", "elizabeth"},
        {"jack", "john"},
        {"kate", "katherine"},
        {"peggy", "margaret"},
        {"ted", "edward"},
    }};
    return std::any_of(pairs.begin(), pairs.end(), [&](const auto &pair) {
        return (pair.first == shortForm && pair.second == full)
               || (pair.first == full && pair.second == shortForm);
    });
}

bool latinWordsMatch(std::string_view greeted, std::string_view token)
{
    if (greeted == token || isShortFormOf(greeted, token))
        return true;
    // "Chris" for "Christopher", "Alex" for "Alexandra".
    return greeted.size() >= 3 && token.size() >= 3
           && (startsWith(token, greeted) || startsWith(greeted, token));
}

struct ToRecipient
{
    std::string foldedName;  // display name, folded
    std::string foldedLocal; // local part, folded
    std::string shown;       // "Name <local@domain>" for the message
};

bool comparable(const Greeting &greeting, const ToRecipient &to)
{
    if (hasScript(to.foldedName, greeting.script))
        return true;
    // Local parts are ASCII in practice: they can stand in for a Latin name only.
    const bool asciiGreeting
        = std::all_of(greeting.words.begin(), greeting.words.end(), [](const std::string &w) {
              return std::all_of(w.begin(), w.end(), [](char c) {
                  return (static_cast<unsigned char>(c) & 0x80) == 0;
              });
          });
    return greeting.script == Script::Latin && asciiGreeting
           && hasScript(to.foldedLocal, Script::Latin);
}

// A full name greeted must be the recipient's, both words, when the display name has two words
// or more to compare with: "Dear Maria Rossi" is not for "Maria Weber", though "Maria" is. An
// initial stands for its word ("M. Rossi").
bool matchesFullName(const std::vector<std::string> &greeted, const std::vector<std::string> &name)
{
    return std::all_of(greeted.begin(), greeted.end(), [&](const std::string &word) {
        return std::any_of(name.begin(), name.end(), [&](const std::string &token) {
            return latinWordsMatch(word, token) || (token.size() == 1 && word.front() == token[0]);
        });
    });
}

bool matchesLatin(const Greeting &greeting, const ToRecipient &to)
{
    const auto nameTokens = nameWords(to.foldedName);
    if (greeting.fullName && nameTokens.size() >= 2)
        return matchesFullName(greeting.words, nameTokens);
    auto tokens = nameWords(to.foldedName);
    for (auto &part : nameWords(to.foldedLocal))
        tokens.push_back(std::move(part));
    for (const auto &word : greeting.words) {
        if (word.size() >= 3 && contains(to.foldedLocal, word))
            return true; // "smith" in "jsmith"
        for (const auto &token : tokens) {
            if (latinWordsMatch(word, token))
                return true;
        }
    }
    return false;
}

// Kanji and kana names match when one holds the other: "田中" (family name only) matches
// "田中 太郎", and "田中太郎" matches "田中 太郎"; a company prefix the greeting carries along
// ("株式会社ABC田中") still holds the family name.
bool matchesJapanese(const Greeting &greeting, const ToRecipient &to)
{
    const std::string compactDisplay = withoutBlanks(to.foldedName);
    if (contains(compactDisplay, greeting.compactName))
        return true;
    for (const auto &token : nameWords(to.foldedName)) {
        if (hasScript(token, greeting.script) && contains(greeting.compactName, token))
            return true;
    }
    return false;
}

bool matches(const Greeting &greeting, const ToRecipient &to)
{
    return greeting.script == Script::Latin ? matchesLatin(greeting, to)
                                            : matchesJapanese(greeting, to);
}

ToRecipient toRecipient(const ReviewedRecipient &recipient)
{
    const std::string address = recipient.localPart + "@" + recipient.domain.unicode;
    const std::string shown
        = recipient.displayName.empty() ? address : recipient.displayName + " <" + address + ">";
    return {foldForMatching(recipient.displayName), foldForMatching(recipient.localPart), shown};
}

std::vector<ToRecipient> toRecipients(const Review &review)
{
    std::vector<ToRecipient> result;
    for (const auto &recipient : review.recipients) {
        if (recipient.field == Field::To)
            result.push_back(toRecipient(recipient));
    }
    return result;
}

// The message names the first few To recipients.
constexpr std::size_t kRecipientsShown = 3;

std::vector<std::string> shownRecipients(const std::vector<ToRecipient> &recipients)
{
    std::vector<std::string> shown;
    for (std::size_t i = 0; i < recipients.size() && i < kRecipientsShown; ++i)
        shown.push_back(recipients[i].shown);
    return shown;
}

} // namespace

std::vector<std::size_t> greetedRecipients(const Review &review, std::string_view body)
{
    const auto greeting = findGreeting(body);
    if (!greeting)
        return {};
    std::vector<std::size_t> greeted;
    for (std::size_t i = 0; i < review.recipients.size(); ++i) {
        if (review.recipients[i].field != Field::To)
            continue;
        const ToRecipient to = toRecipient(review.recipients[i]);
        if (!comparable(*greeting, to))
            return {};
        if (matches(*greeting, to))
            greeted.push_back(i);
    }
    return greeted;
}

// `salutation-mismatch`: the greeting names someone who is none of the To recipients, the
// classic sign of a mail copied from another thread or an autocompleted wrong address. When
// any To recipient cannot be compared (a kanji greeting and a recipient known only by a Latin
// name or address), the rule stays silent: a false alarm here teaches people to ignore it.
void checkSalutationMismatch(const Review &review, const RuleContext &context,
                             std::vector<Finding> &findings)
{
    const auto greeting = findGreeting(context.draft.body);
    if (!greeting)
        return;
    const std::vector<ToRecipient> recipients = toRecipients(review);
    if (recipients.empty())
        return;
    for (const auto &to : recipients) {
        if (!comparable(*greeting, to) || matches(*greeting, to))
            return;
    }
    const std::string shown = clippedForPeople(greeting->shown);
    const std::vector<std::string> named = shownRecipients(recipients);
    const std::int64_t more = leftOut(recipients.size(), kRecipientsShown);
    findings.push_back(
        findingFor(Target{Target::Kind::Draft, 0, shown}, "salutationMismatch",
                   {{{"greeting", shown}}, {{"moreRecipients", more}}, {{"recipients", named}}},
                   "The greeting \u201c" + shown
                       + "\u201d names someone who is not among the To "
                         "recipients ("
                       + englishList(named, more)
                       + "). Is this mail going to the right "
                         "person?"));
}

} // namespace sendguard::rules
