#include "rulesupport.h"

#include <map>

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

// What the parser or UTS #46 found wrong, for the dialog to say in its own language: the fault's
// name and what it names. Texts from the entry are clipped as the entry is, so a dialog's
// sentence matches the message's detail word for word unless what they name is over 60 bytes.
void addFault(const UnreadableEntry &entry, std::map<std::string, std::string> &args)
{
    if (entry.addressError) {
        args["fault"] = std::string(addressFaultName(entry.addressError->fault));
        args["found"] = entry.addressError->found;
        args["part"] = clippedForPeople(entry.addressError->part);
    } else if (entry.domainError) {
        args["fault"] = std::string(domainFaultName(entry.domainError->fault));
        args["domain"] = clippedForPeople(entry.domainError->domain);
        args["detail"] = entry.domainError->detail;
    }
}

} // namespace

// `invalid-address`: every entry the engine could not read. Sending it would fail or go
// somewhere unintended, so by default it blocks. For an entry that has an @domain, the parser's
// or UTS #46's own words on what is wrong ("a quoted string is not closed with '\"'") follow the
// sentence in parentheses; the finding carries them in parts as well (addFault), which the
// dialog says in the reader's language.
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
        std::map<std::string, std::string> text{{"entry", shown}, {"field", field}};
        addFault(entry, text);
        findings.push_back(findingFor(Target{Target::Kind::Entry, 0, entry.text},
                                      kindFor(entry.reason), {std::move(text), {}, {}},
                                      std::move(message)));
    }
}

} // namespace sendguard::rules
