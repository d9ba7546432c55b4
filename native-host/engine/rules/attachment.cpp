#include "rulesupport.h"

namespace sendguard::rules {

// `attachment`: every attached file needs its own tick.
void checkAttachments(const Review &review, const RuleContext &, std::vector<Finding> &findings)
{
    for (std::size_t i = 0; i < review.attachments.size(); ++i) {
        findings.push_back(findingFor(attachmentTarget(i),
                                      "attached file \"" + review.attachments[i].name + "\""));
    }
}

} // namespace sendguard::rules
