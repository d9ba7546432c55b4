#include "engine.h"

namespace sendguard {

// TODO: placeholder; the real preparation and rule run land next.
Review reviewDraft(const Draft &draft, const Policy &policy)
{
    Review review;
    review.subject = draft.subject;
    review.attachments = draft.attachments;
    review.skipWhenInternalOnly = policy.skipWhenInternalOnly;
    return review;
}

} // namespace sendguard
