#include "rulesupport.h"

#include <algorithm>

namespace sendguard::rules {

// `large-audience`: largeAudience or more recipients in all, each address counted once
// whatever field it is in.
void checkLargeAudience(const Review &review, const RuleContext &context,
                        std::vector<Finding> &findings)
{
    const auto threshold = static_cast<std::size_t>(std::max(1, context.policy.largeAudience));
    if (review.recipients.size() < threshold)
        return;
    const auto count = static_cast<std::int64_t>(review.recipients.size());
    findings.push_back(findingFor(Target{}, "largeAudience", {{}, {{"recipients", count}}, {}},
                                  "This mail goes to "
                                      + englishCount(count, "recipient", "recipients")
                                      + ". A mail to this many people cannot be taken back."));
}

} // namespace sendguard::rules
