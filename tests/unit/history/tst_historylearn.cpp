// Learning from sent mail (history/learn.h): the engine's address key and which fields were
// visible. Kept apart from tst_historystore.cpp because learning goes through the engine, which
// needs ICU, while the store itself builds and runs in the mingw-w64 cross build too.
#include "engine/engine.h"
#include "history/historystore.h"
#include "history/learn.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <string>

namespace sendguard {
namespace {

namespace fs = std::filesystem;

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

// Without a Message-ID the key comes from date, sender and recipients: one message imported
// again (or twice in a batch) is learned once; another date or sender is another message.
TEST(HistoryStore, MessagesWithoutAMessageIdAreLearnedOnce)
{
    const fs::path folder
        = fs::temp_directory_path() / ("sendguard-learn-" + std::to_string(std::random_device{}()));
    fs::create_directories(folder);
    auto opened = HistoryStore::open(folder / "history.sqlite");
    ASSERT_TRUE(opened.store);
    auto &store = opened.store;
    std::int64_t skipped = 0;
    const RecipientHeaders headers{{"Alice <alice@client.example>", "bob@client.example"}, {}, {}};
    const RecipientHeaders reordered{{"bob@client.example", "ALICE@client.example"}, {}, {}};
    const std::vector<SentMail> batch{
        sentMailFromHeaders("", 1000, headers, skipped, "Taro <taro@corp.example>"),
        sentMailFromHeaders(" ", 1000, reordered, skipped, "taro@corp.example")};
    EXPECT_EQ(batch[0].messageId, batch[1].messageId);
    EXPECT_NE(batch[0].messageId, "");
    std::int64_t learned = -1;
    ASSERT_FALSE(store->recordSentBatch(batch, learned));
    EXPECT_EQ(learned, 1);
    ASSERT_FALSE(store->recordSentBatch(batch, learned));
    EXPECT_EQ(learned, 0);
    EXPECT_EQ(store->recipientCount("alice@client.example"), 1);

    const std::vector<SentMail> others{
        sentMailFromHeaders("", 2000, headers, skipped, "taro@corp.example"),
        sentMailFromHeaders("", 1000, headers, skipped, "jiro@corp.example"),
        sentMailFromHeaders("", 1000, {{}, {}, {"alice@client.example", "bob@client.example"}},
                            skipped, "taro@corp.example")};
    ASSERT_FALSE(store->recordSentBatch(others, learned));
    EXPECT_EQ(learned, 3);
    EXPECT_EQ(skipped, 0);
    store.reset();
    fs::remove_all(folder);
}

} // namespace
} // namespace sendguard
