#include "protocol/message.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sendguard {
namespace {

using nlohmann::json;

Policy parse(const char *text, PolicyProblems &problems)
{
    return policyFromJson(json::parse(text), problems);
}

bool mentions(const PolicyProblems &problems, const std::string &word)
{
    for (const PolicyProblem &problem : problems) {
        if (problem.message.find(word) != std::string::npos)
            return true;
    }
    return false;
}

TEST(PolicyFromJson, ReadsEveryKeyInUse)
{
    PolicyProblems problems;
    const Policy policy = parse(R"({
        "internalDomains": ["corp.example", "*.corp.example"],
        "trustedDomains": ["partner.example"],
        "blockedDomains": ["evil.example"],
        "skipWhenInternalOnly": false,
        "countdownSeconds": 5,
        "onHostFailure": "block",
        "rules": {"attachment": {"enabled": false},
                  "external-recipient": {"severity": "warn"}},
        "locked": ["internalDomains"]
    })",
                                problems);
    EXPECT_TRUE(problems.empty()) << problems.front().message;
    EXPECT_EQ(policy.internalDomains.size(), 2u);
    EXPECT_EQ(policy.trustedDomains, std::vector<std::string>{"partner.example"});
    EXPECT_EQ(policy.blockedDomains, std::vector<std::string>{"evil.example"});
    EXPECT_FALSE(policy.skipWhenInternalOnly);
    EXPECT_EQ(policy.countdownSeconds, 5);
    EXPECT_EQ(policy.onHostFailure, "block");
    EXPECT_FALSE(policy.rules.at("attachment").enabled);
    EXPECT_EQ(policy.rules.at("external-recipient").severity, Severity::Warn);
    EXPECT_EQ(policy.locked, std::vector<std::string>{"internalDomains"});
}

TEST(PolicyFromJson, EmptyObjectGivesDefaults)
{
    PolicyProblems problems;
    const Policy policy = parse("{}", problems);
    EXPECT_TRUE(problems.empty());
    EXPECT_TRUE(policy.internalDomains.empty());
    EXPECT_TRUE(policy.skipWhenInternalOnly);
    EXPECT_EQ(policy.countdownSeconds, 0);
    EXPECT_EQ(policy.onHostFailure, "ask");
}

TEST(PolicyFromJson, LanguageIsAutoEnOrJa)
{
    for (const char *language : {"auto", "en", "ja"}) {
        SCOPED_TRACE(language);
        PolicyProblems problems;
        const std::string json = std::string(R"({"language":")") + language + "\"}";
        const Policy policy = parse(json.c_str(), problems);
        EXPECT_TRUE(problems.empty());
        EXPECT_EQ(policy.language, language);
    }
    for (const char *json : {R"({"language":"de"})", R"({"language":"JA"})", R"({"language":1})"}) {
        SCOPED_TRACE(json);
        PolicyProblems problems;
        const Policy policy = parse(json, problems);
        ASSERT_EQ(problems.size(), 1u);
        EXPECT_NE(problems.front().message.find("language"), std::string::npos);
        EXPECT_EQ(policy.language, "auto");
    }
    PolicyProblems problems;
    EXPECT_EQ(parse("{}", problems).language, "auto");
}

TEST(PolicyFromJson, ReadsTheCheckEngineKeys)
{
    PolicyProblems problems;
    const Policy policy
        = parse(R"({"attentionDomains":["x.example"],"attentionTerms":["confidential"],
                    "attentionAttachmentSuffixes":[".xlsx"],"ccExposureDomains":4,
                    "largeAudience":30,"autoBcc":["archive@corp.example"],
                    "attachmentReminderTerms":["attached"]})",
                problems);
    EXPECT_TRUE(problems.empty()) << problems.front().message;
    EXPECT_EQ(policy.attentionDomains, std::vector<std::string>{"x.example"});
    EXPECT_EQ(policy.attentionTerms, std::vector<std::string>{"confidential"});
    EXPECT_EQ(policy.attentionAttachmentSuffixes, std::vector<std::string>{".xlsx"});
    EXPECT_EQ(policy.ccExposureDomains, 4);
    EXPECT_EQ(policy.largeAudience, 30);
    EXPECT_EQ(policy.autoBcc, std::vector<std::string>{"archive@corp.example"});
    ASSERT_TRUE(policy.attachmentReminderTerms.has_value());
    EXPECT_EQ(*policy.attachmentReminderTerms, std::vector<std::string>{"attached"});
}

TEST(PolicyFromJson, ThresholdBelowOneIsReportedAndDefaultKept)
{
    PolicyProblems problems;
    const Policy policy = parse(R"({"ccExposureDomains":0,"largeAudience":"many"})", problems);
    EXPECT_TRUE(mentions(problems, "ccExposureDomains"));
    EXPECT_TRUE(mentions(problems, "largeAudience"));
    EXPECT_EQ(policy.ccExposureDomains, 3);
    EXPECT_EQ(policy.largeAudience, 25);
}

TEST(PolicyFromJson, AuditRetentionDaysIsAWholeNumberOfDays)
{
    PolicyProblems problems;
    EXPECT_EQ(parse(R"({"auditRetentionDays":365})", problems).auditRetentionDays, 365);
    EXPECT_TRUE(problems.empty());
    EXPECT_EQ(parse(R"({"auditRetentionDays":-1})", problems).auditRetentionDays, 0);
    EXPECT_TRUE(mentions(problems, "auditRetentionDays"));
}

TEST(PolicyFromJson, WrongTypeIsReportedAndOnlyThatKeyIgnored)
{
    struct Case
    {
        const char *name;
        const char *json;
        const char *mentions;
    };
    const std::vector<Case> cases = {
        {"trustedDomains entry", R"({"trustedDomains":["a",1]})", "trustedDomains[1]"},
        {"blockedDomains object", R"({"blockedDomains":{}})", "blockedDomains"},
        {"locked entry", R"({"locked":[null]})", "locked[0]"},
        {"skipWhenInternalOnly", R"({"skipWhenInternalOnly":"no"})", "skipWhenInternalOnly"},
        {"countdown negative", R"({"countdownSeconds":-1})", "countdownSeconds"},
        {"countdown fraction", R"({"countdownSeconds":1.5})", "countdownSeconds"},
        {"countdown huge", R"({"countdownSeconds":99999999999})", "countdownSeconds"},
        {"onHostFailure", R"({"onHostFailure":"send"})", "onHostFailure"},
        {"rules array", R"({"rules":[]})", "rules"},
        {"rule not object", R"({"rules":{"attachment":true}})", "rules.attachment"},
        {"rule enabled", R"({"rules":{"attachment":{"enabled":"yes"}}})",
         "rules.attachment.enabled"},
        {"rule severity", R"({"rules":{"attachment":{"severity":"panic"}}})",
         "rules.attachment.severity"},
        {"unknown key", R"({"internalDomain":["typo.example"]})", "internalDomain"},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.name);
        PolicyProblems problems;
        const Policy policy = parse(c.json, problems);
        ASSERT_FALSE(problems.empty());
        EXPECT_TRUE(mentions(problems, c.mentions)) << problems.front().message;
        EXPECT_TRUE(policy.skipWhenInternalOnly);
        EXPECT_EQ(policy.countdownSeconds, 0);
        EXPECT_EQ(policy.onHostFailure, "ask");
        EXPECT_TRUE(policy.rules.empty());
        EXPECT_TRUE(policy.internalDomains.empty());
    }
}

TEST(PolicyFromJson, ListsKeepTheirStringEntriesAndALoneStringIsOneEntry)
{
    PolicyProblems problems;
    Policy policy = parse(R"({"internalDomains":"corp.example"})", problems);
    EXPECT_EQ(policy.internalDomains, std::vector<std::string>{"corp.example"});
    EXPECT_TRUE(mentions(problems, "internalDomains must be an array of strings"));
    problems.clear();
    policy = parse(R"({"blockedDomains":[null,"evil.example",5,["other.example"]]})", problems);
    EXPECT_EQ(policy.blockedDomains, std::vector<std::string>{"evil.example"});
    EXPECT_EQ(problems.size(), 3u);
    EXPECT_TRUE(mentions(problems, "blockedDomains[3] must be a string; that entry is ignored"));
    problems.clear();
    policy = parse(R"({"blockedDomains":{"evil.example":true}})", problems);
    EXPECT_TRUE(policy.blockedDomains.empty());
    EXPECT_TRUE(mentions(problems, "blockedDomains must be an array of strings; ignored"));
}

TEST(PolicyFromJson, RestStillAppliesNextToABadKey)
{
    PolicyProblems problems;
    const Policy policy = parse(
        R"({"internalDomains":["corp.example"],"countdownSeconds":"ten","bogus":1})", problems);
    EXPECT_EQ(problems.size(), 2u);
    EXPECT_EQ(policy.internalDomains, std::vector<std::string>{"corp.example"});
    EXPECT_EQ(policy.countdownSeconds, 0);
}

TEST(PolicyFromJson, NonObjectIsOneProblemAndDefaults)
{
    PolicyProblems problems;
    const Policy policy = policyFromJson(json::array(), problems);
    EXPECT_EQ(problems.size(), 1u);
    EXPECT_TRUE(policy.internalDomains.empty());
}

} // namespace
} // namespace sendguard
