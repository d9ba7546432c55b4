#include "learn.h"

#include "engine/address.h"
#include "engine/domain.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>

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

namespace {

std::string normalisedSender(std::string_view from)
{
    const auto mailboxes = parseAddressList(from);
    if (mailboxes && mailboxes.value().size() == 1) {
        const Mailbox &mailbox = mailboxes.value().front();
        if (auto domain = normaliseDomain(mailbox.domain)) {
            ReviewedRecipient sender;
            sender.localPart = mailbox.localPart;
            sender.domain = std::move(domain).value();
            return sender.normalisedAddress();
        }
    }
    return std::string(from);
}

// 128 bits of FNV-1a (two 64-bit runs with different offsets): a stable name, not a secret.
std::string derivedMessageKey(std::int64_t time, std::string_view from,
                              const std::vector<SentRecipient> &recipients)
{
    std::vector<std::string> parts;
    for (const SentRecipient &recipient : recipients)
        parts.push_back((recipient.visible ? "v:" : "b:") + recipient.address);
    std::sort(parts.begin(), parts.end());
    std::string text = std::to_string(time) + '\n' + normalisedSender(from);
    for (const std::string &part : parts)
        text += '\n' + part;
    std::string key = "derived:";
    for (const std::uint64_t offset : {0xcbf29ce484222325ULL, 0x84222325cbf29ce4ULL}) {
        std::uint64_t hash = offset;
        for (const unsigned char c : text) {
            hash ^= c;
            hash *= 0x100000001b3ULL;
        }
        char hex[17];
        std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
        key += hex;
    }
    return key;
}

} // namespace

SentMail sentMailFromHeaders(std::string messageId, std::int64_t time,
                             const RecipientHeaders &headers, std::int64_t &skipped,
                             std::string_view from)
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
    const bool noMessageId = messageId.find_first_not_of(" \t\r\n") == std::string::npos;
    if (noMessageId && time != 0 && !mail.recipients.empty())
        mail.messageId = derivedMessageKey(time, from, mail.recipients);
    return mail;
}

} // namespace sendguard
