#include "rulesupport.h"

#include <string>
#include <string_view>

namespace sendguard::rules {

namespace {

// A list pill arrives as "ListName <ListName>" or "ListName <description>"
// (thunderbird-platform.md §1.5); people know it by the name before the bracket.
std::string listName(std::string_view entry)
{
    const auto bracket = entry.find('<');
    std::string_view name = bracket == std::string_view::npos ? entry : entry.substr(0, bracket);
    while (!name.empty() && (name.back() == ' ' || name.back() == '"'))
        name.remove_suffix(1);
    while (!name.empty() && (name.front() == ' ' || name.front() == '"'))
        name.remove_prefix(1);
    return std::string(name.empty() ? entry : name);
}

} // namespace

// `unexpanded-list`: an address-book mailing list the extension could not turn into its
// members. Its members are unknown here, so no other rule can look at them.
void checkUnexpandedLists(const Review &, const RuleContext &context,
                          std::vector<Finding> &findings)
{
    for (const auto &entry : context.draft.unexpandedLists) {
        const std::string name = clippedForPeople(listName(entry));
        findings.push_back(findingFor(Target{Target::Kind::Entry, 0, entry}, "unexpandedList",
                                      {{{"list", name}}, {}, {}},
                                      "The list \u201c" + name
                                          + "\u201d could not be expanded, so SendGuard cannot "
                                            "check who is on it. Make sure everyone on it should "
                                            "get this mail."));
    }
}

} // namespace sendguard::rules
