#pragma once

#include "draft.h"
#include "review.h"

#include <optional>
#include <string>
#include <vector>

namespace sendguard {

// Replacement recipient lists for the compose window: the "edits" of a verdict (DESIGN.md,
// "Protocol"). Entries are raw strings as the draft or the policy spells them.
struct RecipientEdits
{
    std::vector<std::string> to;
    std::vector<std::string> cc;
    std::vector<std::string> bcc;

    bool operator==(const RecipientEdits &) const = default;
};

// The policy's autoBcc entries a send adds. None when no recipient is external (trusted ones
// count as external). Otherwise, in policy order, each entry that names exactly one readable
// mailbox whose address is neither among the review's recipients nor an earlier entry; blanks,
// comments ("# ...") and unreadable entries are left out. Entries keep their policy spelling.
std::vector<std::string> autoBccAdditions(const std::vector<std::string> &autoBcc,
                                          const Review &review);

// The recipient lists the send should go out with; nullopt when they stay the draft's own, that
// is when nothing moves to Bcc and `review.autoBcc` is empty.
//
// With `moveEveryoneToBcc` (the dialog's "Move everyone to Bcc") every To and Cc entry moves to
// Bcc, ahead of the draft's own Bcc entries, and To and Cc end up empty; an entry naming no
// mailbox ("undisclosed-recipients:;") is dropped then. `review.autoBcc` is appended to Bcc.
// Every list is de-duplicated on the normalised address (lower-case local part, IDNA A-label
// domain): an address stays where it first appears in To, Cc, Bcc order, the order is otherwise
// kept. An entry holding several mailboxes (a group) is kept whole unless all of them appeared
// before; an entry the engine cannot read is kept as it is.
std::optional<RecipientEdits> recipientEdits(const Draft &draft, const Review &review,
                                             bool moveEveryoneToBcc);

} // namespace sendguard
