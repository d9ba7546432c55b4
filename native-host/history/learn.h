#pragma once

#include "historystore.h"

#include "engine/review.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sendguard {

// The recipients of a reviewed mail, as the history learns them once the mail left.
SentMail sentMailFromReview(const Review &review, std::string messageId, std::int64_t time);

// The recipients of an already-sent message read back from its headers (To, Cc, Bcc entries as
// Thunderbird gives them). Entries that cannot be read are skipped and counted in `skipped`.
SentMail sentMailFromHeaders(std::string messageId, std::int64_t time,
                             const std::vector<std::vector<std::string>> &recipientFields,
                             std::int64_t &skipped);

} // namespace sendguard
