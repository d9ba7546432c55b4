#include "protocol/frame.h"
#include "protocol/reply.h"

#include <gtest/gtest.h>

#include <string>

namespace sendguard {
namespace {

using nlohmann::json;

Review reviewWithFindings(std::size_t count, std::size_t messageBytes)
{
    Review review;
    review.subject = "s";
    ReviewedRecipient recipient;
    recipient.localPart = "alice";
    recipient.domain = {"client.example", "client.example"};
    review.recipients.push_back(recipient);
    for (std::size_t i = 0; i < count; ++i) {
        Finding finding;
        finding.rule = "external-recipient";
        finding.severity = Severity::Confirm;
        finding.target.kind = Target::Kind::Recipient;
        finding.message = std::string(messageBytes, 'm');
        review.findings.push_back(finding);
    }
    return review;
}

TEST(SettingsClosedJson, SaysWhetherSaved)
{
    EXPECT_EQ(settingsClosedJson("s-1", true),
              json({{"type", "settingsClosed"}, {"id", "s-1"}, {"saved", true}}));
    EXPECT_EQ(settingsClosedJson("s-2", false)["saved"], false);
}

TEST(VerdictJson, HasTheProtocolShape)
{
    const json verdict = verdictJson("r-17", Decision::Send, reviewWithFindings(1, 10));
    EXPECT_EQ(verdict["type"], "verdict");
    EXPECT_EQ(verdict["id"], "r-17");
    EXPECT_EQ(verdict["decision"], "send");
    EXPECT_EQ(verdict["blocked"], false);
    EXPECT_EQ(verdict["needsConfirmation"], true);
    ASSERT_EQ(verdict["findings"].size(), 1u);
    const json &finding = verdict["findings"][0];
    EXPECT_EQ(finding["rule"], "external-recipient");
    EXPECT_EQ(finding["severity"], "confirm");
    EXPECT_EQ(finding["target"]["kind"], "recipient");
    EXPECT_EQ(finding["target"]["text"], "alice@client.example");
    EXPECT_FALSE(verdict.contains("truncated"));
    EXPECT_FALSE(verdict.contains("edits"));
}

TEST(VerdictJson, CancelDecision)
{
    EXPECT_EQ(verdictJson("r", Decision::Cancel, Review())["decision"], "cancel");
}

TEST(VerdictJson, TooManyFindingsAreTrimmedToFitTheReplyLimit)
{
    // ~3 MiB of findings: 3000 of ~1 KiB each.
    const Review review = reviewWithFindings(3000, 1000);
    const json verdict = verdictJson("r-big", Decision::Cancel, review);
    const std::string dumped = dumpJson(verdict);
    EXPECT_LE(dumped.size(), kMaxReplyBytes);
    EXPECT_TRUE(encodeFrame(dumped));
    EXPECT_EQ(verdict["truncated"], true);
    EXPECT_GT(verdict["findings"].size(), 500u);
    EXPECT_LT(verdict["findings"].size(), 3000u);
}

TEST(VerdictJson, TrimmingKeepsTheMostSevereFindings)
{
    Review review = reviewWithFindings(3000, 1000);
    review.findings.back().rule = "blocked-domain";
    review.findings.back().severity = Severity::Block;
    const json verdict = verdictJson("r-big", Decision::Cancel, review);
    ASSERT_EQ(verdict["truncated"], true);
    EXPECT_EQ(verdict["findings"].back()["rule"], "blocked-domain");
    EXPECT_EQ(verdict["blocked"], true);
}

TEST(VerdictJson, LongFindingMessageIsClipped)
{
    const json verdict = verdictJson("r", Decision::Send, reviewWithFindings(1, 5 * 1024 * 1024));
    EXPECT_LE(dumpJson(verdict).size(), kMaxReplyBytes);
    EXPECT_LT(verdict["findings"][0]["message"].get<std::string>().size(), 2000u);
}

TEST(ReviewToJson, ListsRecipientsAndAttachments)
{
    Review review = reviewWithFindings(0, 0);
    review.attachments.push_back({"quote.pdf", 48213});
    const json result = reviewToJson(review);
    EXPECT_EQ(result["findings"], json::array());
    EXPECT_EQ(result["recipients"][0]["address"], "alice@client.example");
    EXPECT_EQ(result["recipients"][0]["field"], "to");
    EXPECT_EQ(result["attachments"][0]["name"], "quote.pdf");
    EXPECT_EQ(result["attachments"][0]["size"], 48213);
}

TEST(ErrorJson, CarriesCodeAndMessage)
{
    const json error = errorJson("r-1", {ErrorCode::Unavailable, "no display"});
    EXPECT_EQ(
        error,
        (json{
            {"type", "error"}, {"id", "r-1"}, {"code", "unavailable"}, {"message", "no display"}}));
}

TEST(PongJson, CarriesProtocolAndVersion)
{
    const json pong = pongJson("p-3");
    EXPECT_EQ(pong["type"], "pong");
    EXPECT_EQ(pong["id"], "p-3");
    EXPECT_EQ(pong["protocol"], 1);
    EXPECT_TRUE(pong["version"].is_string());
}

TEST(DumpJson, ReplacesInvalidUtf8InsteadOfThrowing)
{
    const std::string dumped = dumpJson(json{{"name", std::string("a\xff"
                                                                  "b")}});
    EXPECT_EQ(dumped, "{\"name\":\"a\xef\xbf\xbd"
                      "b\"}");
}

} // namespace
} // namespace sendguard
