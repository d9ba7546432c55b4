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
    findings.push_back(findingFor(Target{}, std::to_string(review.recipients.size())
                                                + " recipients: a mail to this many people is "
                                                  "hard to take back"));
}

} // namespace sendguard::rules
