#include "protocol/message.h"
#include "protocol/policylayers.h"

#include <gtest/gtest.h>

#include <chrono>

#include <string>
#include <vector>

namespace sendguard {
namespace {

using nlohmann::json;
using Strings = std::vector<std::string>;

bool mentions(const PolicyProblems &problems, const std::string &words)
{
    for (const PolicyProblem &problem : problems) {
        if (problem.message.find(words) != std::string::npos)
            return true;
    }
    return false;
}

// How one list key ends up after the merge, from the admin's and the user's JSON.
struct MergeRow
{
    const char *name;
    const char *admin;
    const char *user;
    const char *key;
    Strings expected;
};

Strings listOf(const Policy &policy, const std::string &key)
{
    if (key == "trustedDomains")
        return policy.trustedDomains;
    if (key == "internalDomains")
        return policy.internalDomains;
    if (key == "blockedDomains")
        return policy.blockedDomains;
    if (key == "attentionTerms")
        return policy.attentionTerms;
    if (key == "autoBcc")
        return policy.autoBcc;
    if (key == "locked")
        return policy.locked;
    return {};
}

class ListMerge : public ::testing::TestWithParam<MergeRow>
{
};

TEST_P(ListMerge, GivesTheExpectedList)
{
    const MergeRow &row = GetParam();
    const LayeredPolicy layered = mergePolicyLayers(json::parse(row.admin), json::parse(row.user));
    EXPECT_EQ(listOf(layered.policy, row.key), row.expected);
}

const MergeRow kListRows[] = {
    {"UserTrustedAddsToAdmins",
     R"({"trustedDomains":["a.example"]})",
     R"({"trustedDomains":["b.example"]})",
     "trustedDomains",
     {"a.example", "b.example"}},
    {"UserTrustedAloneWithNoAdmin",
     "null",
     R"({"trustedDomains":["b.example"]})",
     "trustedDomains",
     {"b.example"}},
    {"AdminTrustedAloneWithNoUser",
     R"({"trustedDomains":["a.example"]})",
     "null",
     "trustedDomains",
     {"a.example"}},
    {"SameEntryInBothLayersOnce",
     R"({"trustedDomains":["a.example"]})",
     R"({"trustedDomains":["a.example","b.example"]})",
     "trustedDomains",
     {"a.example", "b.example"}},
    {"EmptyUserListRemovesNothing",
     R"({"trustedDomains":["a.example"]})",
     R"({"trustedDomains":[]})",
     "trustedDomains",
     {"a.example"}},
    {"LockedTrustedIgnoresUser",
     R"({"trustedDomains":["a.example"],"locked":["trustedDomains"]})",
     R"({"trustedDomains":["b.example"]})",
     "trustedDomains",
     {"a.example"}},
    {"LockedWithNoAdminValueKeepsDefault",
     R"({"locked":["trustedDomains"]})",
     R"({"trustedDomains":["b.example"]})",
     "trustedDomains",
     {}},
    {"UserInternalAddsToAdmins",
     R"({"internalDomains":["corp.example"]})",
     R"({"internalDomains":["*.corp.example"]})",
     "internalDomains",
     {"corp.example", "*.corp.example"}},
    {"UserBlockedAddsToAdmins",
     R"({"blockedDomains":["x.example"]})",
     R"({"blockedDomains":["y.example"]})",
     "blockedDomains",
     {"x.example", "y.example"}},
    {"UserAttentionTermsAdd",
     R"({"attentionTerms":["secret"]})",
     R"({"attentionTerms":["draft"]})",
     "attentionTerms",
     {"secret", "draft"}},
    {"UserAutoBccAdds",
     R"({"autoBcc":["archive@corp.example"]})",
     R"({"autoBcc":["me@corp.example"]})",
     "autoBcc",
     {"archive@corp.example", "me@corp.example"}},
    {"UserCannotLock", "null", R"({"locked":["trustedDomains"]})", "locked", {}},
};

INSTANTIATE_TEST_SUITE_P(Rows, ListMerge, ::testing::ValuesIn(kListRows),
                         [](const auto &info) { return std::string(info.param.name); });

TEST(PolicyLayers, UserScalarReplacesAdmins)
{
    const LayeredPolicy layered
        = mergePolicyLayers(json{{"largeAudience", 40}, {"skipWhenInternalOnly", false}},
                            json{{"largeAudience", 10}, {"countdownSeconds", 3}});
    EXPECT_EQ(layered.policy.largeAudience, 10);
    EXPECT_EQ(layered.policy.countdownSeconds, 3);
    EXPECT_FALSE(layered.policy.skipWhenInternalOnly);
    EXPECT_TRUE(layered.problems.empty()) << layered.problems.front().message;
}

TEST(PolicyLayers, NoLayersGiveTheBuiltInDefaults)
{
    const LayeredPolicy layered = mergePolicyLayers(json(), json());
    EXPECT_EQ(layered.policy.largeAudience, Policy().largeAudience);
    EXPECT_EQ(layered.policy.ccExposureDomains, Policy().ccExposureDomains);
    EXPECT_TRUE(layered.policy.trustedDomains.empty());
    EXPECT_TRUE(layered.problems.empty());
}

TEST(PolicyLayers, LockedScalarKeepsAdminsValueAndSaysSo)
{
    const LayeredPolicy layered
        = mergePolicyLayers(json{{"countdownSeconds", 5}, {"locked", {"countdownSeconds"}}},
                            json{{"countdownSeconds", 0}});
    EXPECT_EQ(layered.policy.countdownSeconds, 5);
    EXPECT_TRUE(mentions(layered.problems, "countdownSeconds is set by your administrator"));
}

// `language` is the person's choice (settings dialog) over the admin's, unless the admin locks it.
TEST(PolicyLayers, UserLanguageReplacesAdminsUnlessLocked)
{
    const LayeredPolicy chosen
        = mergePolicyLayers(json{{"language", "en"}}, json{{"language", "ja"}});
    EXPECT_EQ(chosen.policy.language, "ja");
    EXPECT_TRUE(chosen.problems.empty()) << chosen.problems.front().message;
    EXPECT_TRUE(userMayChange(json(), "language"));

    const json admin = json::parse(R"({"language":"en","locked":["language"]})");
    EXPECT_FALSE(userMayChange(admin, "language"));
    const LayeredPolicy locked = mergePolicyLayers(admin, json{{"language", "ja"}});
    EXPECT_EQ(locked.policy.language, "en");
    EXPECT_TRUE(mentions(locked.problems, "language is set by your administrator"));
    EXPECT_FALSE(mentions(locked.problems, "not a policy key that can be locked"));
}

TEST(PolicyLayers, InvalidUserLanguageIsIgnoredAndSaid)
{
    const LayeredPolicy layered
        = mergePolicyLayers(json{{"language", "ja"}}, json{{"language", "fr"}});
    EXPECT_EQ(layered.policy.language, "ja");
    EXPECT_TRUE(mentions(layered.problems, "your settings: language must be"));
}

TEST(PolicyLayers, UserRulesReplaceAdminsRuleByRule)
{
    const LayeredPolicy layered
        = mergePolicyLayers(json::parse(R"({"rules":{"attachment":{"enabled":false},
                                 "large-audience":{"severity":"block"}}})"),
                            json::parse(R"({"rules":{"attachment":{"enabled":true}}})"));
    EXPECT_TRUE(layered.policy.ruleEnabled("attachment"));
    EXPECT_EQ(layered.policy.ruleSeverity("large-audience", Severity::Warn), Severity::Block);
}

TEST(PolicyLayers, UserEnabledKeepsTheAdminsSeverityForThatRule)
{
    const LayeredPolicy layered = mergePolicyLayers(
        json::parse(R"({"rules":{"new-domain":{"enabled":false,"severity":"confirm"}}})"),
        json::parse(R"({"rules":{"new-domain":{"enabled":true}}})"));
    EXPECT_TRUE(layered.policy.ruleEnabled("new-domain"));
    EXPECT_EQ(layered.policy.ruleSeverity("new-domain", Severity::Warn), Severity::Confirm);
}

TEST(PolicyLayers, UserMayChangeWhatIsNeitherLockedNorAdminOnly)
{
    const json admin = json::parse(R"({"locked":["trustedDomains","noSuchKey"]})");
    EXPECT_FALSE(userMayChange(admin, "trustedDomains"));
    EXPECT_TRUE(userMayChange(admin, "attentionTerms"));
    EXPECT_FALSE(userMayChange(admin, "onHostFailure"));
    EXPECT_TRUE(userMayChange(json(), "trustedDomains"));
    EXPECT_TRUE(userMayChange(json::parse(R"({"locked":{"trustedDomains":1}})"), "trustedDomains"))
        << "a locked that is not a list is invalid and ignored";
    EXPECT_FALSE(userMayChange(json::parse(R"({"locked":"trustedDomains"})"), "trustedDomains"))
        << "a lone string is a one-entry list";
}

TEST(PolicyLayers, LockedRulesIgnoreTheUsersRules)
{
    const LayeredPolicy layered
        = mergePolicyLayers(json::parse(R"({"locked":["rules"]})"),
                            json::parse(R"({"rules":{"blocked-domain":{"enabled":false}}})"));
    EXPECT_TRUE(layered.policy.ruleEnabled("blocked-domain"));
    EXPECT_TRUE(mentions(layered.problems, "rules is set by your administrator"));
}

TEST(PolicyLayers, AdminOnlyKeysIgnoredInUserLayer)
{
    const LayeredPolicy layered
        = mergePolicyLayers(json{{"onHostFailure", "block"}, {"auditRetentionDays", 90}},
                            json{{"onHostFailure", "ask"}, {"auditRetentionDays", 1}});
    EXPECT_EQ(layered.policy.onHostFailure, "block");
    EXPECT_EQ(layered.policy.auditRetentionDays, 90);
    EXPECT_TRUE(mentions(layered.problems, "onHostFailure can be set only by your administrator"));
    EXPECT_TRUE(
        mentions(layered.problems, "auditRetentionDays can be set only by your administrator"));
}

// Merging a user list into the admin's once searched the whole list for each entry: 50,000
// terms over 50,000 took minutes of every review. Now it is one pass over each.
TEST(PolicyLayers, LongListsMergeInLinearTime)
{
    json admin = json::array();
    json user = json::array();
    for (int i = 0; i < 50'000; ++i) {
        admin.push_back("admin term " + std::to_string(i));
        user.push_back("user term " + std::to_string(i));
    }
    user.push_back("admin term 7"); // already the admin's: not repeated
    const auto start = std::chrono::steady_clock::now();
    const LayeredPolicy layered
        = mergePolicyLayers(json{{"attentionTerms", admin}}, json{{"attentionTerms", user}});
    const auto took = std::chrono::steady_clock::now() - start;
    ASSERT_EQ(layered.policy.attentionTerms.size(), 100'000u);
    EXPECT_EQ(layered.policy.attentionTerms.back(), "user term 49999");
    EXPECT_LT(took, std::chrono::seconds(10)) << "quadratic merge";
}

// A hand-edited settings file once switched off the block IT put on a domain: the settings
// dialog never offers these two rules, and the merge must not take them from the file either.
TEST(PolicyLayers, UserCannotSwitchOffOrSoftenTheBlockingRules)
{
    const json admin = json::parse(R"({"blockedDomains":["competitor.example"]})");
    const json user = json::parse(R"({"rules":{
        "blocked-domain":{"enabled":false},
        "invalid-address":{"severity":"info"},
        "new-domain":{"enabled":false}}})");
    const LayeredPolicy layered = mergePolicyLayers(admin, user);
    EXPECT_TRUE(layered.policy.ruleEnabled("blocked-domain"));
    EXPECT_EQ(layered.policy.ruleSeverity("blocked-domain", Severity::Block), Severity::Block);
    EXPECT_EQ(layered.policy.ruleSeverity("invalid-address", Severity::Block), Severity::Block);
    EXPECT_FALSE(layered.policy.ruleEnabled("new-domain")) << "other rules stay the user's";
    EXPECT_TRUE(
        mentions(layered.problems, "rules.blocked-domain can be set only by your administrator"));
    EXPECT_TRUE(
        mentions(layered.problems, "rules.invalid-address can be set only by your administrator"));

    const LayeredPolicy byAdmin = mergePolicyLayers(
        json::parse(R"({"rules":{"blocked-domain":{"enabled":false}}})"), json::object());
    EXPECT_FALSE(byAdmin.policy.ruleEnabled("blocked-domain")) << "IT may still decide";
}

// Each kind of invalid input: reported under its layer, the rest of that layer still applies.
struct InvalidRow
{
    const char *name;
    const char *admin;
    const char *user;
    const char *problem; // words the report must contain
};

class InvalidPolicy : public ::testing::TestWithParam<InvalidRow>
{
};

TEST_P(InvalidPolicy, IsReportedAndTheRestStillApplies)
{
    const InvalidRow &row = GetParam();
    json admin = json::parse(row.admin);
    json user = json::parse(row.user);
    // A valid key beside the invalid one in each layer that is an object: it must survive.
    if (admin.is_object())
        admin["blockedDomains"] = {"evil.example"};
    if (user.is_object())
        user["largeAudience"] = 7;

    const LayeredPolicy layered = mergePolicyLayers(admin, user);
    EXPECT_TRUE(mentions(layered.problems, row.problem))
        << (layered.problems.empty() ? std::string("no problems")
                                     : layered.problems.front().message);
    if (admin.is_object()) {
        EXPECT_EQ(layered.policy.blockedDomains, Strings{"evil.example"});
    }
    if (user.is_object()) {
        EXPECT_EQ(layered.policy.largeAudience, 7);
    }
}

const InvalidRow kInvalidRows[] = {
    {"AdminUnknownKey", R"({"trustedDomain":["a.example"]})", "{}",
     "admin policy: unknown policy key \"trustedDomain\""},
    {"UserUnknownKey", "{}", R"({"colour":"blue"})",
     "your settings: unknown policy key \"colour\""},
    {"AdminListNotAnArray", R"({"trustedDomains":"a.example"})", "{}",
     "admin policy: trustedDomains must be an array of strings"},
    {"UserListEntryNotAString", "{}", R"({"trustedDomains":["a.example", 3]})",
     "your settings: trustedDomains[1] must be a string"},
    {"AdminThresholdNotANumber", R"({"largeAudience":"many"})", "{}",
     "admin policy: largeAudience must be a whole number"},
    {"UserSwitchNotABool", "{}", R"({"skipWhenInternalOnly":"yes"})",
     "your settings: skipWhenInternalOnly must be true or false"},
    {"AdminMalformedPattern", R"({"trustedDomains":["a.example","*"]})", "{}",
     "admin policy: trustedDomains[1] is not a valid pattern"},
    {"UserMalformedPattern", "{}", R"({"internalDomains":["exa mple..com"]})",
     "your settings: internalDomains[0] is not a valid pattern"},
    {"BareWildcardDot", R"({"attentionDomains":["*."]})", "{}",
     "admin policy: attentionDomains[0] is not a valid pattern"},
    {"AtWithoutLocalPart", "{}", R"({"trustedDomains":["@client.example"]})",
     "your settings: trustedDomains[0] is not a valid pattern"},
    {"WildcardInTheMiddle", R"({"attentionDomains":["a.*.example"]})", "{}",
     "attentionDomains[0] is not a valid pattern"},
    {"UnknownRuleId", R"({"rules":{"no-such-rule":{"enabled":false}}})", "{}",
     "admin policy: rules names no rule called \"no-such-rule\""},
    {"RuleSeverityMisspelt", "{}", R"({"rules":{"attachment":{"severity":"loud"}}})",
     "your settings: rules.attachment.severity must be one of"},
    {"LockedUnknownKey", R"({"locked":["everything"]})", "{}",
     "admin policy: locked[0] \"everything\" is not a policy key"},
    {"AdminLayerNotAnObject", "[1,2]", "{}", "admin policy: must be an object"},
    {"UserLayerNotAnObject", "{}", "\"text\"", "your settings: must be an object"},
    {"CountdownNegative", "{}", R"({"countdownSeconds":-1})",
     "your settings: countdownSeconds must be a whole number of seconds"},
    {"OnHostFailureMisspelt", R"({"onHostFailure":"never"})", "{}",
     "admin policy: onHostFailure must be \"ask\" or \"block\""},
};

INSTANTIATE_TEST_SUITE_P(Rows, InvalidPolicy, ::testing::ValuesIn(kInvalidRows),
                         [](const auto &info) { return std::string(info.param.name); });

TEST(PolicyLayers, MalformedPatternDropsOnlyThatEntry)
{
    const LayeredPolicy layered = mergePolicyLayers(
        json::parse(R"({"trustedDomains":["a.example","*","b.example"]})"), json());
    EXPECT_EQ(layered.policy.trustedDomains, (Strings{"a.example", "b.example"}));
}

// A bad entry must not take the rest of its list with it: that silently lifted every block.
TEST(PolicyLayers, BadListEntryDropsOnlyItselfInEveryListKey)
{
    for (const char *key :
         {"internalDomains", "trustedDomains", "blockedDomains", "attentionDomains",
          "attentionTerms", "attentionAttachmentSuffixes", "autoBcc", "attachmentReminderTerms"}) {
        SCOPED_TRACE(key);
        const std::string value
            = std::string(key) == "autoBcc" ? "audit@corp.example" : "a.example";
        for (const json &list :
             {json{value, nullptr}, json{value, 5}, json{json{value}, value}, json(value)}) {
            SCOPED_TRACE(list.dump());
            const LayeredPolicy layered = mergePolicyLayers(json{{key, list}}, json());
            ASSERT_FALSE(layered.problems.empty());
            EXPECT_TRUE(mentions(layered.problems, std::string("admin policy: ") + key));
            if (std::string(key) == "attachmentReminderTerms")
                EXPECT_EQ(layered.policy.attachmentReminderTerms, Strings{value});
            else if (std::string(key) == "attentionAttachmentSuffixes")
                EXPECT_EQ(layered.policy.attentionAttachmentSuffixes, Strings{value});
            else if (std::string(key) == "attentionDomains")
                EXPECT_EQ(layered.policy.attentionDomains, Strings{value});
            else
                EXPECT_EQ(listOf(layered.policy, key), Strings{value});
        }
    }
    const LayeredPolicy locked
        = mergePolicyLayers(json::parse(R"({"locked":["trustedDomains",null]})"), json());
    EXPECT_EQ(locked.policy.locked, Strings{"trustedDomains"});
    EXPECT_TRUE(mentions(locked.problems, "locked[1] must be a string; that entry is ignored"));
}

TEST(PolicyLayers, LostBlockedDomainsAreMarkedSoTheReviewWarns)
{
    struct Row
    {
        const char *blocked;
        bool lost;
    };
    for (const Row &row :
         {Row{R"(["x.example"])", false}, Row{R"("x.example")", false},
          Row{R"(["x.example",null])", true}, Row{R"([["x.example"]])", true},
          Row{R"({"x.example":true})", true}, Row{"5", true}, Row{R"(["x.example","*"])", true}}) {
        SCOPED_TRACE(row.blocked);
        const json layer{{"blockedDomains", json::parse(row.blocked)}};
        EXPECT_EQ(mergePolicyLayers(layer, json()).policy.blockedDomainsIncomplete, row.lost);
        EXPECT_EQ(mergePolicyLayers(json(), layer).policy.blockedDomainsIncomplete, row.lost);
    }
}

TEST(PolicyLayers, UnreadableAutoBccEntryIsReportedAndDropped)
{
    const LayeredPolicy layered = mergePolicyLayers(
        json::parse(R"({"autoBcc":["not an address","# archive","a@b.example, c@d.example",
                                   "Archive <archive@corp.example>","x@exa mple"]})"),
        json());
    EXPECT_EQ(layered.policy.autoBcc, (Strings{"# archive", "Archive <archive@corp.example>"}));
    EXPECT_TRUE(mentions(layered.problems, "admin policy: autoBcc[0] is not a readable address"));
    EXPECT_TRUE(mentions(layered.problems, "autoBcc[2] is not a readable address (it must name"));
    EXPECT_TRUE(mentions(layered.problems, "autoBcc[4] is not a readable address"));
    EXPECT_EQ(layered.problems.size(), 3u);
}

// The dialog words each problem from its parts: they must say the same as the log's sentence.
TEST(PolicyLayers, ProblemsCarryTheirLayerKeyEntryAndKind)
{
    using Kind = PolicyProblem::Kind;
    using Layer = PolicyProblem::Layer;
    const LayeredPolicy layered
        = mergePolicyLayers(json::parse(R"({"trustedDomains":["ok.example","bad*.example"],
                                            "noSuchKey":1,"locked":["countdownSeconds","nope"],
                                            "language":"fr","autoBcc":["a@b.example, c@d.example"]})"),
                            json::parse(R"({"countdownSeconds":4,"onHostFailure":"ask",
                                            "attentionTerms":"secret"})"));
    const auto find = [&](Kind kind) -> const PolicyProblem * {
        for (const PolicyProblem &problem : layered.problems) {
            if (problem.kind == kind)
                return &problem;
        }
        return nullptr;
    };
    const PolicyProblem *pattern = find(Kind::InvalidPattern);
    ASSERT_TRUE(pattern);
    EXPECT_EQ(pattern->layer, Layer::Admin);
    EXPECT_EQ(pattern->key, "trustedDomains");
    EXPECT_EQ(pattern->index, 1u);
    EXPECT_EQ(pattern->text, "bad*.example");
    EXPECT_FALSE(pattern->detail.empty());
    EXPECT_EQ(pattern->patternFault, PatternFault::MisplacedWildcard);
    EXPECT_NE(pattern->message.find("admin policy: trustedDomains[1] is not a valid pattern ("
                                    + pattern->detail + ")"),
              std::string::npos)
        << pattern->message;

    const PolicyProblem *unknown = find(Kind::UnknownKey);
    ASSERT_TRUE(unknown);
    EXPECT_EQ(unknown->layer, Layer::Admin);
    EXPECT_EQ(unknown->key, "");
    EXPECT_EQ(unknown->text, "noSuchKey");

    const PolicyProblem *lockable = find(Kind::NotLockable);
    ASSERT_TRUE(lockable);
    EXPECT_EQ(lockable->index, 1u);
    EXPECT_EQ(lockable->text, "nope");

    const PolicyProblem *language = find(Kind::NotOneOf);
    ASSERT_TRUE(language);
    EXPECT_EQ(language->key, "language");
    EXPECT_EQ(language->allowed, (Strings{"auto", "en", "ja"}));

    const PolicyProblem *bcc = find(Kind::NotOneAddress);
    ASSERT_TRUE(bcc);
    EXPECT_EQ(bcc->key, "autoBcc");
    EXPECT_EQ(bcc->index, 0u);
    EXPECT_EQ(bcc->text, "a@b.example, c@d.example");

    const PolicyProblem *lone = find(Kind::LoneString);
    ASSERT_TRUE(lone);
    EXPECT_EQ(lone->layer, Layer::User);
    EXPECT_EQ(lone->key, "attentionTerms");
    EXPECT_EQ(lone->text, "secret");

    const PolicyProblem *locked = find(Kind::LockedByAdmin);
    ASSERT_TRUE(locked);
    EXPECT_EQ(locked->layer, Layer::User);
    EXPECT_EQ(locked->key, "countdownSeconds");
    EXPECT_EQ(locked->message, "your settings: countdownSeconds is set by your administrator; "
                               "your value is ignored");

    const PolicyProblem *adminOnly = find(Kind::AdminOnly);
    ASSERT_TRUE(adminOnly);
    EXPECT_EQ(adminOnly->key, "onHostFailure");
    EXPECT_EQ(layered.problems.size(), 8u);
}

TEST(PolicyLayers, OffendingTextIsCutWithoutSplittingACharacter)
{
    const std::string longName = std::string(63, 'x') + "é" + "tail";
    const LayeredPolicy layered = mergePolicyLayers(json{{longName, 1}}, json());
    ASSERT_EQ(layered.problems.size(), 1u);
    EXPECT_EQ(layered.problems.front().text, std::string(63, 'x'));
}

TEST(PolicyLayers, CommentsAndBlankPatternEntriesAreNoProblem)
{
    const LayeredPolicy layered = mergePolicyLayers(
        json::parse(R"({"trustedDomains":["# partners", "", "a.example  # ACME"]})"), json());
    EXPECT_TRUE(layered.problems.empty()) << layered.problems.front().message;
    EXPECT_EQ(layered.policy.trustedDomains.size(), 3u);
}

TEST(PolicyLayers, ValidLayersReportNoProblems)
{
    const LayeredPolicy layered = mergePolicyLayers(
        json::parse(R"({"internalDomains":["corp.example"],"locked":["internalDomains"],
                        "rules":{"attachment":{"enabled":false}}})"),
        json::parse(R"({"trustedDomains":["partner.example"],"attentionTerms":["secret"]})"));
    EXPECT_TRUE(layered.problems.empty()) << layered.problems.front().message;
}

TEST(PolicyLayers, UserInternalExtrasKeepTheSendersDomainInternal)
{
    const LayeredPolicy layered
        = mergePolicyLayers(json(), json{{"internalDomains", {"partner.example"}}});
    Draft draft;
    draft.from = "Taro <taro@corp.example>";
    EXPECT_TRUE(layered.senderDomainInternal);
    EXPECT_EQ(policyForDraft(layered, draft).internalDomains,
              (Strings{"corp.example", "partner.example"}));
}

TEST(PolicyLayers, AdminInternalDomainsReplaceTheSendersDomain)
{
    const LayeredPolicy layered = mergePolicyLayers(json{{"internalDomains", {"corp.example"}}},
                                                    json{{"internalDomains", {"x.example"}}});
    Draft draft;
    draft.from = "someone@elsewhere.example";
    EXPECT_FALSE(layered.senderDomainInternal);
    EXPECT_EQ(policyForDraft(layered, draft).internalDomains,
              (Strings{"corp.example", "x.example"}));
}

TEST(PolicyLayers, EveryKeyListedIsUnderstood)
{
    for (const std::string &key : policyKeys()) {
        SCOPED_TRACE(key);
        PolicyProblems problems;
        policyFromJson(json{{key, json()}}, problems);
        EXPECT_FALSE(mentions(problems, "unknown policy key"));
    }
}

} // namespace
} // namespace sendguard
