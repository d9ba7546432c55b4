// Learning from sent mail (history/learn.h): the engine's address key and which fields were
// visible. Kept apart from tst_historystore.cpp because learning goes through the engine, which
// needs ICU, while the store itself builds and runs in the mingw-w64 cross build too.
#include "engine/engine.h"
#include "history/historystore.h"
#include "history/learn.h"

#include <gtest/gtest.h>

namespace sendguard {
namespace {

TEST(HistoryStore, LearnsHeadersWithTheEnginesAddressKey)
{
    std::int64_t skipped = 0;
    const SentMail mail = sentMailFromHeaders(
        "<m@corp.example>", 5, {{"Alice Example <Alice@Client.EXAMPLE>"}, {"not an address"}, {}},
        skipped);
    ASSERT_EQ(mail.recipients.size(), 1u);
    EXPECT_EQ(mail.recipients[0].address, "alice@client.example");
    EXPECT_EQ(mail.recipients[0].domain, "client.example");
    EXPECT_EQ(mail.recipients[0].displayName, "Alice Example");
    EXPECT_EQ(skipped, 1);
}

TEST(HistoryStore, HeadersMakeToAndCcVisibleAndBccNot)
{
    std::int64_t skipped = 0;
    const SentMail mail = sentMailFromHeaders(
        "<m@corp.example>", 5, {{"a@x.example"}, {"b@y.example"}, {"c@z.example"}}, skipped);
    ASSERT_EQ(mail.recipients.size(), 3u);
    EXPECT_TRUE(mail.recipients[0].visible);
    EXPECT_TRUE(mail.recipients[1].visible);
    EXPECT_FALSE(mail.recipients[2].visible);
}

TEST(HistoryStore, AReviewTeachesItsFieldsUnlessEveryoneWasMovedToBcc)
{
    Draft draft;
    draft.from = "taro@corp.example";
    draft.to = {"a@x.example"};
    draft.cc = {"b@y.example"};
    draft.bcc = {"c@z.example"};
    const Review review = reviewDraft(draft, Policy());

    const SentMail asShown = sentMailFromReview(review, "<r@corp.example>", 5);
    ASSERT_EQ(asShown.recipients.size(), 3u);
    EXPECT_TRUE(asShown.recipients[0].visible);
    EXPECT_TRUE(asShown.recipients[1].visible);
    EXPECT_FALSE(asShown.recipients[2].visible);

    const SentMail moved = sentMailFromReview(withEveryoneInBcc(review), "<r@corp.example>", 5);
    ASSERT_EQ(moved.recipients.size(), 3u);
    for (const SentRecipient &recipient : moved.recipients)
        EXPECT_FALSE(recipient.visible) << recipient.address;
}

} // namespace
} // namespace sendguard
