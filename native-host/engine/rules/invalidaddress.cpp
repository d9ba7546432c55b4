#include "rulesupport.h"

namespace sendguard::rules {

// `invalid-address`: every entry the engine could not read. Sending it would fail or go
// somewhere unintended, so by default it blocks.
void checkInvalidAddresses(const Review &, const RuleContext &context,
                           std::vector<Finding> &findings)
{
    for (const auto &entry : context.unreadable)
        findings.push_back(findingFor(Target{Target::Kind::Entry, 0, entry.text}, entry.problem));
}

} // namespace sendguard::rules
