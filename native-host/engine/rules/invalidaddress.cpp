#include "rulesupport.h"

namespace sendguard::rules {

namespace {

std::string fieldLabel(Field field)
{
    switch (field) {
    case Field::To:
        return "To";
    case Field::Cc:
        return "Cc";
    case Field::Bcc:
        return "Bcc";
    }
    return "To";
}

const char *kindFor(UnreadableEntry::Reason reason)
{
    switch (reason) {
    case UnreadableEntry::Reason::NoDomain:
        return "invalidAddress.noDomain";
    case UnreadableEntry::Reason::MaybeList:
        return "invalidAddress.maybeList";
    case UnreadableEntry::Reason::BadDomain:
        return "invalidAddress.badDomain";
    case UnreadableEntry::Reason::Syntax:
        return "invalidAddress.syntax";
    }
    return "invalidAddress.syntax";
}

std::string whatIsWrong(UnreadableEntry::Reason reason)
{
    switch (reason) {
    case UnreadableEntry::Reason::NoDomain:
        return "has no @domain, so it is not an email address.";
    case UnreadableEntry::Reason::MaybeList:
        return "has no @domain; it may be an address-book list that was not expanded.";
    case UnreadableEntry::Reason::BadDomain:
        return "does not have a valid domain name.";
    case UnreadableEntry::Reason::Syntax:
        return "is not written as a valid email address.";
    }
    return {};
}

} // namespace

// `invalid-address`: every entry the engine could not read. Sending it would fail or go
// somewhere unintended, so by default it blocks. The parser's own words on what is wrong
// ("a quoted string is not closed with '\"'") follow the English sentence in parentheses for
// logs and --json; they are not translated, so the dialog leaves them out.
// TODO: the parser's reasons are English only; translating them means giving each a kind.
void checkInvalidAddresses(const Review &, const RuleContext &context,
                           std::vector<Finding> &findings)
{
    for (const auto &entry : context.unreadable) {
        const std::string shown = clippedForPeople(entry.text);
        const std::string field = fieldLabel(entry.field);
        std::string message = "\u201c" + shown + "\u201d in " + field + " "
                              + whatIsWrong(entry.reason) + " Correct it or remove it.";
        const bool detailed = entry.reason == UnreadableEntry::Reason::BadDomain
                              || entry.reason == UnreadableEntry::Reason::Syntax;
        if (detailed && !entry.problem.empty())
            message += " (" + entry.problem + ")";
        findings.push_back(
            findingFor(Target{Target::Kind::Entry, 0, entry.text}, kindFor(entry.reason),
                       {{{"entry", shown}, {"field", field}}, {}, {}}, std::move(message)));
    }
}

} // namespace sendguard::rules
