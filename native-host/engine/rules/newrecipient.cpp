#include "rulesupport.h"

namespace sendguard::rules {

// `new-recipient`: an address outside the organisation that no mail has gone to before.
void checkNewRecipients(const Review &review, const RuleContext &context,
                        std::vector<Finding> &findings)
{
    if (!context.history || !context.history->hasHistory())
        return;
    for (std::size_t i = 0; i < review.recipients.size(); ++i) {
        const auto &recipient = review.recipients[i];
        if (recipient.internal
            || context.history->recipientCount(recipient.normalisedAddress()) > 0)
            continue;
        const std::string address = addressForPeople(recipient);
        findings.push_back(findingFor(
            recipientTarget(i), "newRecipient", {{{"address", address}}, {}, {}},
            "You have not written to " + address + " before. Check that it is the right address."));
    }
}

} // namespace sendguard::rules
