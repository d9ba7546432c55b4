#include "learn.h"

#include "engine/address.h"
#include "engine/domain.h"

namespace sendguard {

SentMail sentMailFromReview(const Review &review, std::string messageId, std::int64_t time)
{
    SentMail mail{std::move(messageId), time, {}};
    for (const ReviewedRecipient &recipient : review.recipients) {
        mail.recipients.push_back(
            {recipient.normalisedAddress(), recipient.domain.ascii, recipient.displayName});
    }
    return mail;
}

SentMail sentMailFromHeaders(std::string messageId, std::int64_t time,
                             const std::vector<std::vector<std::string>> &recipientFields,
                             std::int64_t &skipped)
{
    SentMail mail{std::move(messageId), time, {}};
    for (const auto &field : recipientFields) {
        for (const std::string &entry : field) {
            const auto mailboxes = parseAddressList(entry);
            if (!mailboxes) {
                ++skipped;
                continue;
            }
            for (const Mailbox &mailbox : mailboxes.value()) {
                auto domain = normaliseDomain(mailbox.domain);
                if (!domain) {
                    ++skipped;
                    continue;
                }
                // The same key the engine de-duplicates on (ReviewedRecipient).
                ReviewedRecipient recipient;
                recipient.localPart = mailbox.localPart;
                recipient.domain = std::move(domain).value();
                mail.recipients.push_back(
                    {recipient.normalisedAddress(), recipient.domain.ascii, mailbox.displayName});
            }
        }
    }
    return mail;
}

} // namespace sendguard
