#include "rulesupport.h"

namespace sendguard::rules {

// `attachment`: every attached file needs its own tick.
void checkAttachments(const Review &review, const RuleContext &, std::vector<Finding> &findings)
{
    for (std::size_t i = 0; i < review.attachments.size(); ++i) {
        const std::string &name = review.attachments[i].name;
        findings.push_back(findingFor(attachmentTarget(i), "attachment", {{{"name", name}}, {}, {}},
                                      "The file \u201c" + name
                                          + "\u201d is attached. Check that it is the right one."));
    }
}

} // namespace sendguard::rules
