#include "learn.h"

#include "engine/address.h"
#include "engine/domain.h"

namespace sendguard {

SentMail sentMailFromReview(const Review &review, std::string messageId, std::int64_t time)
{
    SentMail mail{std::move(messageId), time, {}};
    for (const ReviewedRecipient &recipient : review.recipients) {
        mail.recipients.push_back({recipient.normalisedAddress(), recipient.domain.ascii,
                                   recipient.displayName, recipient.field != Field::Bcc});
    }
    return mail;
}

Review withEveryoneInBcc(Review review)
{
    for (ReviewedRecipient &recipient : review.recipients)
        recipient.field = Field::Bcc;
    return review;
}

SentMail sentMailFromHeaders(std::string messageId, std::int64_t time,
                             const RecipientHeaders &headers, std::int64_t &skipped)
{
    SentMail mail{std::move(messageId), time, {}};
    const std::pair<const std::vector<std::string> *, bool> fields[]
        = {{&headers.to, true}, {&headers.cc, true}, {&headers.bcc, false}};
    for (const auto &[field, visible] : fields) {
        for (const std::string &entry : *field) {
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
                mail.recipients.push_back({recipient.normalisedAddress(), recipient.domain.ascii,
                                           mailbox.displayName, visible});
            }
        }
    }
    return mail;
}

} // namespace sendguard
