#include "rulesupport.h"
#include "textsearch.h"

#include "../textnormaliser.h"

#include <array>

namespace sendguard::rules {

namespace {

// Words that say a file comes with the mail, folded. Bare "please find" is left out: "please
// find below" is at least as common as "please find attached", which "attached" already covers.
const std::vector<std::string> &builtInReminderTerms()
{
    static const std::vector<std::string> terms{
        "添付",     "別添",         "添付ファイル",         "同封",
        "attached", "attaching",    "attachment",           "attachments",
        "enclosed", "see attached", "please find attached",
    };
    return terms;
}

bool startsWith(std::string_view text, std::string_view prefix)
{
    return text.substr(0, prefix.size()) == prefix;
}

bool endsWith(std::string_view text, std::string_view suffix)
{
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool isAsciiLetter(char c)
{
    return (c >= 'a' && c <= 'z') || c == '\'';
}

// The English word that ends just before `end` in `line`, or ends just after `start`
// (lower-case letters and apostrophes; empty when there is none).
std::string_view wordBefore(std::string_view line, std::size_t end)
{
    while (end > 0 && line[end - 1] == ' ')
        --end;
    std::size_t start = end;
    while (start > 0 && isAsciiLetter(line[start - 1]))
        --start;
    return line.substr(start, end - start);
}

std::string_view wordAfter(std::string_view line, std::size_t start)
{
    while (start < line.size() && line[start] == ' ')
        ++start;
    std::size_t end = start;
    while (end < line.size() && isAsciiLetter(line[end]))
        ++end;
    return line.substr(start, end - start);
}

bool isNegation(std::string_view word)
{
    return word == "no" || word == "not" || word == "without" || word == "never"
           || endsWith(word, "n't");
}

bool isArticle(std::string_view word)
{
    return word == "the" || word == "a" || word == "an" || word == "any";
}

bool isAuxiliary(std::string_view word)
{
    return word == "is" || word == "are" || word == "was" || word == "were" || word == "be"
           || word == "will" || word == "would";
}

bool isNotNeeded(std::string_view word)
{
    return word == "needed" || word == "required" || word == "necessary" || word == "included";
}

// "no attachment", "not attached", "haven't attached", "without the attachment",
// "attachments are not needed", "attachment is unnecessary".
bool negatedInEnglish(std::string_view line, std::size_t start, std::size_t end)
{
    std::string_view before = wordBefore(line, start);
    if (isArticle(before))
        before = wordBefore(line, before.data() - line.data());
    if (isNegation(before))
        return true;

    std::size_t next = end;
    std::string_view after = wordAfter(line, next);
    if (isAuxiliary(after)) {
        next = after.data() - line.data() + after.size();
        after = wordAfter(line, next);
    }
    if (after == "unnecessary")
        return true;
    if (after != "not" && !endsWith(after, "n't"))
        return false;
    next = after.data() - line.data() + after.size();
    return isNotNeeded(wordAfter(line, next));
}

// "添付なし", "添付ファイルはありません", "添付は不要です", "添付しません".
bool negatedInJapanese(std::string_view line, std::size_t end)
{
    static const std::array<std::string_view, 6> fillers{"ファイル", "資料", "は",
                                                         "を",       "が",   "も"};
    static const std::array<std::string_view, 9> negations{
        "なし",     "無し",         "不要",       "ありません", "ございません",
        "しません", "いたしません", "致しません", "ない"};
    std::string_view rest = line.substr(end);
    for (bool skipped = true; skipped;) {
        skipped = false;
        for (const auto filler : fillers) {
            if (startsWith(rest, filler)) {
                rest.remove_prefix(filler.size());
                skipped = true;
            }
        }
    }
    for (const auto negation : negations) {
        if (startsWith(rest, negation))
            return true;
    }
    return false;
}

bool isNegated(std::string_view line, std::size_t start, std::size_t end)
{
    const bool english = isAsciiAlnum(line[start]);
    return english ? negatedInEnglish(line, start, end) : negatedInJapanese(line, end);
}

// Where the writer's own text ends: at the signature separator or the first quote header.
std::size_t ownTextEnd(std::string_view body)
{
    std::size_t end = body.size();
    forEachLine(body, [&](std::string_view line) {
        if (!endsOwnText(line))
            return true;
        end = static_cast<std::size_t>(line.data() - body.data());
        return false;
    });
    return end;
}

// The first reminder term said plainly (on an unquoted line, not negated), or nullptr. Quoted
// lines are never searched, so however many terms end on them they cost nothing; a term cannot
// span a line break.
const std::string *firstReminder(std::string_view text, const std::vector<std::string> &terms)
{
    const TermMatcher matcher(terms);
    const std::string *found = nullptr;
    forEachLine(text, [&](std::string_view line) {
        if (isQuotedLine(line))
            return true;
        matcher.forEachMatch(line, [&](std::size_t term, std::size_t pos) {
            if (isNegated(line, pos, pos + terms[term].size()))
                return true;
            found = &terms[term];
            return false;
        });
        return found == nullptr;
    });
    return found;
}

std::vector<std::string> reminderTerms(const Policy &policy)
{
    if (!policy.attachmentReminderTerms)
        return builtInReminderTerms();
    std::vector<std::string> terms;
    for (auto &term : policyTerms(*policy.attachmentReminderTerms))
        terms.push_back(std::move(term.folded));
    return terms;
}

} // namespace

// `forgotten-attachment`: the writer's own lines say something is attached and nothing is.
// Quoted lines, the quoted message below an attribution line and the signature do not count:
// they speak of other mails. Terms come from attachmentReminderTerms, or the built-in list.
void checkForgottenAttachment(const Review &review, const RuleContext &context,
                              std::vector<Finding> &findings)
{
    if (!review.attachments.empty())
        return;
    const std::vector<std::string> terms = reminderTerms(context.policy);
    if (terms.empty())
        return;
    const std::string &body = context.foldedBody();
    const std::string_view ownText = std::string_view(body).substr(0, ownTextEnd(body));
    const std::string *found = firstReminder(ownText, terms);
    if (!found)
        return;
    findings.push_back(findingFor(Target{Target::Kind::Draft, 0, "body"}, "forgottenAttachment",
                                  {{{"term", *found}}, {}, {}},
                                  "The text says something is attached (\u201c" + *found
                                      + "\u201d), but the mail has no attachment. Did you forget "
                                        "to attach the file?"));
}

} // namespace sendguard::rules
