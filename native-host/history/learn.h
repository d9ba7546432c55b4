#pragma once

#include "historystore.h"

#include "engine/review.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sendguard {

// The recipients of a reviewed mail, as the history learns them once the mail left: those in
// To and Cc as visible, those in Bcc not.
SentMail sentMailFromReview(const Review &review, std::string messageId, std::int64_t time);

// The review as its mail leaves after the dialog's "Move everyone to Bcc": every recipient in
// Bcc. Learn from this, not the review as shown, or people moved out of sight would count as
// having seen each other.
Review withEveryoneInBcc(Review review);

// The recipient entries of an already-sent message, one list per header, as Thunderbird gives
// them.
struct RecipientHeaders
{
    std::vector<std::string> to;
    std::vector<std::string> cc;
    std::vector<std::string> bcc;
};

// The recipients of an already-sent message read back from its headers; To and Cc are visible,
// Bcc is not. Entries that cannot be read are skipped and counted in `skipped`. A message
// without a Message-ID but with a date gets a key derived from its date, sender (`from`) and
// recipients, so importing it again changes nothing; one without either is learned each time.
SentMail sentMailFromHeaders(std::string messageId, std::int64_t time,
                             const RecipientHeaders &headers, std::int64_t &skipped,
                             std::string_view from = {});

} // namespace sendguard
