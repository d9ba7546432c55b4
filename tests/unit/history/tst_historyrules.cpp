// The four history rules against a small in-memory history, one named row per situation, and
// the same rows against the SQLite store to prove both answer alike.

#include "engine/engine.h"
#include "history/historystore.h"
#include "history/learn.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#ifdef _WIN32
#include <process.h> // getpid
#else
#include <unistd.h>
#endif

namespace sendguard {
namespace {

// A past of one person at corp.example: a project group at client.example that gets mail
// together, Alice Example at client.example, a different Alice Example nowhere in this past; Sam
// Lee at client.example and another Sam Lee at supplier.example, both written to; Frank at
// supplier.example once with Carol; three people at three companies who get mail together; Kim
// Park at client.example written to three times, another Kim Park at far.example once; Pat at
// harbour.example, Quinn at vale.example and Rob at dale.example, each twice with a colleague of
// ours (two of that colleague's groups), and Pat once with Rob.
const std::vector<std::vector<std::string>> kPast = {
    {"Alice Example <alice@client.example>", "bob@client.example", "carol@client.example"},
    {"Alice Example <alice@client.example>", "bob@client.example", "carol@client.example"},
    {"Alice Example <alice@client.example>", "bob@client.example", "carol@client.example"},
    {"dave@partner.example"},
    {"colleague@corp.example", "dave@partner.example"},
    {"Sam Lee <sam@client.example>", "bob@client.example"},
    {"Sam Lee <sam.lee@supplier.example>"},
    {"carol@client.example", "frank@supplier.example"},
    {"gina@north.example", "hal@south.example", "ivan@west.example"},
    {"gina@north.example", "hal@south.example", "ivan@west.example"},
    {"Kim Park <kim.park@client.example>"},
    {"Kim Park <kim.park@client.example>"},
    {"Kim Park <kim.park@client.example>"},
    {"Kim Park <kim@far.example>"},
    {"colleague@corp.example", "pat@harbour.example"},
    {"colleague@corp.example", "pat@harbour.example"},
    {"colleague@corp.example", "quinn@vale.example"},
    {"colleague@corp.example", "quinn@vale.example"},
    {"colleague@corp.example", "rob@dale.example"},
    {"colleague@corp.example", "rob@dale.example"},
    {"pat@harbour.example", "rob@dale.example"},
};

struct RuleCase
{
    const char *name;
    std::string rule;
    std::vector<std::string> to;
    std::vector<std::string> expectedTargets; // normalised addresses the rule points at
    std::string body = "Hello,\n\nplease see below.\n";
    std::vector<std::string> cc = {};
};

void PrintTo(const RuleCase &testCase, std::ostream *out)
{
    *out << testCase.name;
}

const std::vector<RuleCase> kCases = {
    // new-recipient
    {"NewRecipientAtKnownDomain",
     "new-recipient",
     {"erin@client.example"},
     {"erin@client.example"}},
    {"NewRecipientAtNewDomain", "new-recipient", {"x@fresh.example"}, {"x@fresh.example"}},
    {"KnownRecipientIsSilent", "new-recipient", {"bob@client.example"}, {}},
    {"KnownRecipientInOtherCaseIsSilent", "new-recipient", {"Bob@CLIENT.example"}, {}},
    {"NewInternalColleagueIsSilent", "new-recipient", {"newhire@corp.example"}, {}},
    // new-domain
    {"FirstMailToDomain", "new-domain", {"x@fresh.example"}, {"x@fresh.example"}},
    {"TwoAtNewDomainReportedOnce",
     "new-domain",
     {"x@fresh.example", "y@fresh.example"},
     {"x@fresh.example"}},
    {"NewPersonAtKnownDomainIsSilent", "new-domain", {"erin@client.example"}, {}},
    {"InternalDomainIsSilent", "new-domain", {"newhire@corp.example"}, {}},
    {"KnownDomainIsSilent", "new-domain", {"dave@partner.example"}, {}},
    // unusual-recipient-mix
    {"ExtraRecipientInAGroup",
     "unusual-recipient-mix",
     {"alice@client.example", "bob@client.example", "carol@client.example", "dave@partner.example"},
     {"dave@partner.example"}},
    {"ReplacedRecipientInAGroup",
     "unusual-recipient-mix",
     {"alice@client.example", "bob@client.example", "x@fresh.example"},
     {"x@fresh.example"}},
    {"ExtraAndNamesakeInAGroup",
     "unusual-recipient-mix",
     {"alice@rival.example", "bob@client.example", "carol@client.example", "dave@partner.example"},
     {"alice@rival.example", "dave@partner.example"}},
    {"KnownOnlyToAColleagueOfOursIsReported",
     "unusual-recipient-mix",
     {"alice@client.example", "bob@client.example", "carol@client.example",
      "colleague@corp.example", "dave@partner.example"},
     {"dave@partner.example"}},
    {"KnownToAnOutsideMemberIsSilent",
     "unusual-recipient-mix",
     {"alice@client.example", "bob@client.example", "carol@client.example",
      "frank@supplier.example"},
     {}},
    {"NewColleagueOfTheGroupsCompanyIsSilent",
     "unusual-recipient-mix",
     {"alice@client.example", "bob@client.example", "carol@client.example",
      "newboss@client.example"},
     {}},
    {"ColleagueOfOursAddedToTheGroupIsSilent",
     "unusual-recipient-mix",
     {"alice@client.example", "bob@client.example", "carol@client.example", "newhire@corp.example"},
     {}},
    {"StrangerAtAMailProviderIsReportedEvenBesideOneThere",
     "unusual-recipient-mix",
     {"gina@north.example", "hal@south.example", "ivan@west.example", "x@gmail.com", "y@gmail.com"},
     {"x@gmail.com", "y@gmail.com"}},
    {"TheUsualGroupIsSilent",
     "unusual-recipient-mix",
     {"alice@client.example", "bob@client.example", "carol@client.example"},
     {}},
    {"TwoRecipientsAreSilent",
     "unusual-recipient-mix",
     {"alice@client.example", "dave@partner.example"},
     {}},
    {"StrangersWithoutAGroupAreSilent",
     "unusual-recipient-mix",
     {"x@fresh.example", "y@other.example", "dave@partner.example"},
     {}},
    {"OnceTogetherIsNotAGroup",
     "unusual-recipient-mix",
     {"colleague@corp.example", "dave@partner.example", "x@fresh.example"},
     {}},
    {"TwoOutsidersTiedOnlyThroughOurColleagueAreBothReported",
     "unusual-recipient-mix",
     {"pat@harbour.example", "quinn@vale.example", "colleague@corp.example"},
     {"pat@harbour.example", "quinn@vale.example"}},
    {"OutsidersTiedThroughOurColleagueWhoHadMailTogetherAreSilent",
     "unusual-recipient-mix",
     {"pat@harbour.example", "rob@dale.example", "colleague@corp.example"},
     {}},
    {"OutsiderTiedThroughOurColleagueBesideItsOwnCompanyIsSilent",
     "unusual-recipient-mix",
     {"pat@harbour.example", "pia@harbour.example", "colleague@corp.example"},
     {}},
    {"OneOutsiderWithOurColleaguesIsSilent",
     "unusual-recipient-mix",
     {"pat@harbour.example", "colleague@corp.example", "newhire@corp.example"},
     {}},
    // unusual-recipient-mix, told by the greeting
    {"StrangerBesideTheGreetedPersonIsReported",
     "unusual-recipient-mix",
     {"Alice Example <alice@client.example>", "dave@partner.example"},
     {"dave@partner.example"},
     "Hi Alice,\n\nplease see below.\n"},
    {"StrangerInCcBesideTheGreetedPersonIsReported",
     "unusual-recipient-mix",
     {"Alice Example <alice@client.example>"},
     {"dave@partner.example"},
     "Hi Alice,\n\nplease see below.\n",
     {"dave@partner.example"}},
    {"StrangerBesideTheGreetedFullNameIsReported",
     "unusual-recipient-mix",
     {"Alice Example <alice@client.example>", "dave@partner.example"},
     {"dave@partner.example"},
     "Dear Alice Example,\n\nplease see below.\n"},
    {"StrangerAtAMailProviderBesideOneThereIsReported",
     "unusual-recipient-mix",
     {"Xia <x@gmail.com>", "y@gmail.com"},
     {"y@gmail.com"},
     "Hi Xia,\n\nplease see below.\n"},
    {"BothGreetedAreSilent",
     "unusual-recipient-mix",
     {"Alice Example <alice@client.example>", "dave@partner.example"},
     {},
     "Hi Alice and Dave,\n\nplease see below.\n"},
    {"GreetingToAllIsSilent",
     "unusual-recipient-mix",
     {"Alice Example <alice@client.example>", "dave@partner.example"},
     {},
     "Hi all,\n\nplease see below.\n"},
    {"NoGreetingIsSilent",
     "unusual-recipient-mix",
     {"Alice Example <alice@client.example>", "dave@partner.example"},
     {},
     "Please see below.\n"},
    {"NotGreetedColleagueOfTheGreetedIsSilent",
     "unusual-recipient-mix",
     {"Alice Example <alice@client.example>", "erin@client.example"},
     {},
     "Hi Alice,\n\nplease see below.\n"},
    {"NotGreetedWhoHadMailWithTheGreetedIsSilent",
     "unusual-recipient-mix",
     {"carol@client.example", "frank@supplier.example"},
     {},
     "Hi Carol,\n\nplease see below.\n"},
    {"GreetingOnlyOurColleagueIsSilent",
     "unusual-recipient-mix",
     {"colleague@corp.example", "alice@client.example", "dave@partner.example"},
     {},
     "Hi Colleague,\n\nplease see below.\n"},
    // display-name-mismatch
    {"KnownNameAtAnotherCompany",
     "display-name-mismatch",
     {"Alice Example <alice@rival.example>"},
     {"alice@rival.example"}},
    {"KnownNameDifferentSpacingAndCase",
     "display-name-mismatch",
     {"\"alice  EXAMPLE\" <a.example@rival.example>"},
     {"a.example@rival.example"}},
    {"KnownNameAtItsOwnAddressIsSilent",
     "display-name-mismatch",
     {"Alice Example <alice@client.example>"},
     {}},
    {"UnknownNameIsSilent", "display-name-mismatch", {"Zed Nobody <zed@rival.example>"}, {}},
    {"NoDisplayNameIsSilent", "display-name-mismatch", {"alice@rival.example"}, {}},
    {"NamesakeAtTheCompanyTheOthersAreNotAtIsReported",
     "display-name-mismatch",
     {"Sam Lee <sam.lee@supplier.example>", "bob@client.example", "carol@client.example"},
     {"sam.lee@supplier.example"}},
    {"NamesakeAloneIsSilent", "display-name-mismatch", {"Sam Lee <sam.lee@supplier.example>"}, {}},
    {"NamesakeWithTheRightCompanyIsSilent",
     "display-name-mismatch",
     {"Sam Lee <sam@client.example>", "bob@client.example"},
     {}},
    {"NamesakeWithSomeoneFromItsOwnCompanyIsSilent",
     "display-name-mismatch",
     {"Sam Lee <sam.lee@supplier.example>", "frank@supplier.example", "bob@client.example"},
     {}},
    {"KnownNameAtSameDomainOtherAddressIsSilent",
     "display-name-mismatch",
     {"Alice Example <a.example@client.example>"},
     {}},
    {"NamesakeWrittenToSeldomWhileTheOtherOftenIsReported",
     "display-name-mismatch",
     {"Kim Park <kim@far.example>"},
     {"kim@far.example"}},
    {"NamesakeWrittenToOftenIsSilent",
     "display-name-mismatch",
     {"Kim Park <kim.park@client.example>"},
     {}},
    {"NamesakeWrittenToSeldomBesideAColleagueThereIsSilent",
     "display-name-mismatch",
     {"Kim Park <kim@far.example>", "lee@far.example"},
     {}},
    {"NamesakesWrittenToAlikeAreSilent",
     "display-name-mismatch",
     {"Sam Lee <sam.lee@supplier.example>", "frank@supplier.example"},
     {}},
    {"BothNamesakesOnTheMailAreSilent",
     "display-name-mismatch",
     {"Sam Lee <sam@client.example>", "Sam Lee <sam.lee@supplier.example>", "bob@client.example"},
     {}},
    {"ColleagueNamedLikeAnOutsiderIsSilent",
     "display-name-mismatch",
     {"Sam Lee <sam.lee@corp.example>", "bob@client.example"},
     {}},
    {"NewAddressUnderAKnownNameBesideItsOwnCompanyIsSilent",
     "display-name-mismatch",
     {"Alice Example <a.example@supplier.example>", "frank@supplier.example"},
     {}},
    {"NewAddressUnderAKnownNameBesideTheNamesakesCompanyIsReported",
     "display-name-mismatch",
     {"Alice Example <alice@rival.example>", "bob@client.example"},
     {"alice@rival.example"}},
    // lookalike-address
    {"TypedAddressOneSwapFromAKnownOne",
     "lookalike-address",
     {"alcie@client.example"},
     {"alcie@client.example"}},
    {"TypedAddressWithALetterDropped",
     "lookalike-address",
     {"crol@client.example"},
     {"crol@client.example"}},
    {"KnownNameOnAnEditedAddress",
     "lookalike-address",
     {"Alice Example <alise@client.example>"},
     {"alise@client.example"}},
    {"SomeoneElsesNameOnASimilarAddressIsSilent",
     "lookalike-address",
     {"Alicia Keys <alcie@client.example>"},
     {}},
    {"AddressesDifferingInDigitsOnlyAreSilent", "lookalike-address", {"carol2@client.example"}, {}},
    {"ShortLocalPartIsSilent", "lookalike-address", {"bab@client.example"}, {}},
    {"SimilarAddressAtAnUnknownDomainIsSilent", "lookalike-address", {"alcie@fresh.example"}, {}},
    {"KnownAddressIsSilent", "lookalike-address", {"alice@client.example"}, {}},
    {"NewAddressUnlikeAnyKnownIsSilent", "lookalike-address", {"erin@client.example"}, {}},
    {"InternalAddressIsSilent", "lookalike-address", {"colleagu@corp.example"}, {}},
};

class InMemoryHistory : public HistoryView
{
public:
    void learn(const SentMail &mail)
    {
        m_domainsThisMail.clear();
        for (std::size_t i = 0; i < mail.recipients.size(); ++i) {
            const auto &r = mail.recipients[i];
            ++m_recipients[r.address];
            if (m_domainsThisMail.insert(r.domain).second)
                ++m_domains[r.domain];
            if (!displayNameKey(r.displayName).empty())
                m_names[displayNameKey(r.displayName)].insert(r.address);
            for (std::size_t j = i + 1; j < mail.recipients.size(); ++j) {
                const auto &other = mail.recipients[j];
                ++m_pairs[key(r.address, other.address)];
                if (r.visible && other.visible)
                    ++m_seenTogether[key(r.address, other.address)];
            }
        }
    }
    std::vector<std::string> knownDomains() const override
    {
        std::vector<std::string> all;
        for (const auto &[domain, count] : m_domains)
            all.push_back(domain);
        return all;
    }
    std::int64_t domainCount(std::string_view d) const override { return find(m_domains, d); }
    bool hasHistory() const override { return !m_recipients.empty(); }
    std::int64_t recipientCount(std::string_view a) const override { return find(m_recipients, a); }
    std::int64_t pairCount(std::string_view a, std::string_view b) const override
    {
        const auto it = m_pairs.find(key(std::string(a), std::string(b)));
        return it == m_pairs.end() ? 0 : it->second;
    }
    std::int64_t seenTogetherCount(std::string_view a, std::string_view b) const override
    {
        const auto it = m_seenTogether.find(key(std::string(a), std::string(b)));
        return it == m_seenTogether.end() ? 0 : it->second;
    }
    std::vector<std::string> addressesAt(std::string_view domain, std::size_t limit) const override
    {
        std::vector<std::pair<std::int64_t, std::string>> at;
        for (const auto &[address, count] : m_recipients) {
            if (address.substr(address.rfind('@') + 1) == domain)
                at.push_back({-count, address});
        }
        std::sort(at.begin(), at.end());
        std::vector<std::string> addresses;
        for (std::size_t i = 0; i < at.size() && i < limit; ++i)
            addresses.push_back(at[i].second);
        return addresses;
    }
    std::vector<std::string> addressesNamed(std::string_view name) const override
    {
        const auto it = m_names.find(displayNameKey(name));
        if (it == m_names.end())
            return {};
        return {it->second.begin(), it->second.end()};
    }

private:
    static std::pair<std::string, std::string> key(std::string a, std::string b)
    {
        return a < b ? std::pair{a, b} : std::pair{b, a};
    }
    static std::int64_t find(const std::map<std::string, std::int64_t, std::less<>> &map,
                             std::string_view k)
    {
        const auto it = map.find(k);
        return it == map.end() ? 0 : it->second;
    }
    std::map<std::string, std::int64_t, std::less<>> m_recipients, m_domains;
    std::map<std::pair<std::string, std::string>, std::int64_t> m_pairs, m_seenTogether;
    std::map<std::string, std::set<std::string>> m_names;
    std::set<std::string> m_domainsThisMail;
};

std::vector<SentMail> pastMails()
{
    std::vector<SentMail> mails;
    int n = 0;
    for (const auto &to : kPast) {
        std::int64_t skipped = 0;
        ++n;
        mails.push_back(sentMailFromHeaders("<" + std::to_string(n) + "@corp.example>", 1000 + n,
                                            {to, {}, {}}, skipped));
    }
    return mails;
}

std::vector<std::string> targetsOf(const Draft &draft, const HistoryView &history,
                                   const std::string &rule)
{
    const Review review = reviewDraft(draft, Policy(), &history);
    std::vector<std::string> targets;
    for (const auto &finding : review.findings) {
        if (finding.rule == rule && finding.target.kind == Target::Kind::Recipient)
            targets.push_back(review.recipients.at(finding.target.index).normalisedAddress());
    }
    return targets;
}

Draft draftOf(const RuleCase &testCase)
{
    Draft draft;
    draft.from = "Taro Yamada <taro@corp.example>";
    draft.to = testCase.to;
    draft.cc = testCase.cc;
    draft.body = testCase.body;
    return draft;
}

class HistoryRule : public ::testing::TestWithParam<RuleCase>
{
};

TEST_P(HistoryRule, PointsAtExpectedRecipientsInMemory)
{
    InMemoryHistory history;
    for (const auto &mail : pastMails())
        history.learn(mail);
    EXPECT_EQ(targetsOf(draftOf(GetParam()), history, GetParam().rule), GetParam().expectedTargets);
}

TEST_P(HistoryRule, PointsAtExpectedRecipientsFromTheStore)
{
    const auto path = std::filesystem::temp_directory_path()
                      / ("sendguard-rules-" + std::to_string(::getpid()) + ".sqlite");
    std::filesystem::remove(path);
    {
        auto opened = HistoryStore::open(path);
        ASSERT_TRUE(opened.store);
        std::int64_t learned = 0;
        ASSERT_FALSE(opened.store->recordSentBatch(pastMails(), learned));
        EXPECT_EQ(targetsOf(draftOf(GetParam()), *opened.store, GetParam().rule),
                  GetParam().expectedTargets);
    }
    for (const char *suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path.string() + suffix);
}

INSTANTIATE_TEST_SUITE_P(Rows, HistoryRule, ::testing::ValuesIn(kCases),
                         [](const auto &info) { return std::string(info.param.name); });

// A past for cc-exposure, by header: three people at three companies who saw each other in To
// and Cc; three customers who had mail together only in Bcc; a group where one was in Bcc; and
// 21 people at three companies, all in To once.
std::vector<RecipientHeaders> exposurePast()
{
    std::vector<RecipientHeaders> past = {
        {{"gina@north.example"}, {"hal@south.example", "ivan@west.example"}, {}},
        {{"gina@north.example", "hal@south.example"}, {"ivan@west.example"}, {}},
        {{"colleague@corp.example"},
         {},
         {"kay@alpha.example", "lou@beta.example", "max@gamma.example"}},
        {{"pia@north.example"}, {"quinn@south.example"}, {"rae@west.example"}},
    };
    RecipientHeaders large;
    for (const char *company : {"one", "two", "three"}) {
        for (int n = 1; n <= 7; ++n)
            large.to.push_back("p" + std::to_string(n) + "@" + company + ".example");
    }
    past.push_back(large);
    return past;
}

std::vector<SentMail> exposurePastMails()
{
    std::vector<SentMail> mails;
    int n = 0;
    for (const auto &headers : exposurePast()) {
        std::int64_t skipped = 0;
        ++n;
        mails.push_back(sentMailFromHeaders("<x" + std::to_string(n) + "@corp.example>", 2000 + n,
                                            headers, skipped));
    }
    return mails;
}

struct ExposureCase
{
    const char *name;
    std::vector<std::string> to;
    std::vector<std::string> cc;
    bool fires;
};

void PrintTo(const ExposureCase &testCase, std::ostream *out)
{
    *out << testCase.name;
}

std::vector<std::string> largeGroup(int people)
{
    std::vector<std::string> to;
    for (int n = 0; n < people; ++n)
        to.push_back("p" + std::to_string(n / 3 + 1) + "@"
                     + std::vector<std::string>{"one", "two", "three"}[n % 3] + ".example");
    return to;
}

const std::vector<ExposureCase> kExposureCases = {
    {"SeenTogetherInToAndCcBefore",
     {"gina@north.example"},
     {"hal@south.example", "ivan@west.example"},
     false},
    {"SeenTogetherNowAllInTo",
     {"gina@north.example", "hal@south.example", "ivan@west.example"},
     {},
     false},
    {"SeenTogetherPlusAColleague",
     {"gina@north.example", "hal@south.example", "ivan@west.example"},
     {"colleague@corp.example"},
     false},
    {"TogetherOnlyInBccBefore",
     {"kay@alpha.example"},
     {"lou@beta.example", "max@gamma.example"},
     true},
    {"OneOfThemInBccBefore",
     {"pia@north.example"},
     {"quinn@south.example", "rae@west.example"},
     true},
    {"ANewcomerJoinsAtAKnownCompany",
     {"gina@north.example", "hal@south.example", "ivan@west.example"},
     {"kim@west.example"},
     true},
    {"AFourthCompanyJoins",
     {"gina@north.example", "hal@south.example", "ivan@west.example"},
     {"jo@east.example"},
     true},
    {"TwentySeenTogetherAtThreeCompanies", largeGroup(20), {}, false},
    {"TwentyOneSeenTogetherIsPastTheCap", largeGroup(21), {}, true},
};

bool ccExposureFires(const std::vector<std::string> &to, const std::vector<std::string> &cc,
                     const HistoryView *history)
{
    Draft draft;
    draft.from = "Taro Yamada <taro@corp.example>";
    draft.to = to;
    draft.cc = cc;
    const Review review = reviewDraft(draft, Policy(), history);
    return std::any_of(review.findings.begin(), review.findings.end(),
                       [](const Finding &finding) { return finding.rule == "cc-exposure"; });
}

class CcExposureHistory : public ::testing::TestWithParam<ExposureCase>
{
};

TEST_P(CcExposureHistory, FiresUnlessEveryoneHasSeenEachOtherInMemory)
{
    InMemoryHistory history;
    for (const auto &mail : exposurePastMails())
        history.learn(mail);
    EXPECT_EQ(ccExposureFires(GetParam().to, GetParam().cc, &history), GetParam().fires);
}

TEST_P(CcExposureHistory, FiresUnlessEveryoneHasSeenEachOtherFromTheStore)
{
    const auto path = std::filesystem::temp_directory_path()
                      / ("sendguard-exposure-" + std::to_string(::getpid()) + ".sqlite");
    std::filesystem::remove(path);
    {
        auto opened = HistoryStore::open(path);
        ASSERT_TRUE(opened.store);
        std::int64_t learned = 0;
        ASSERT_FALSE(opened.store->recordSentBatch(exposurePastMails(), learned));
        EXPECT_EQ(ccExposureFires(GetParam().to, GetParam().cc, opened.store.get()),
                  GetParam().fires);
    }
    for (const char *suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path.string() + suffix);
}

TEST_P(CcExposureHistory, FiresWithoutHistory)
{
    InMemoryHistory empty;
    EXPECT_TRUE(ccExposureFires(GetParam().to, GetParam().cc, nullptr));
    EXPECT_TRUE(ccExposureFires(GetParam().to, GetParam().cc, &empty));
}

INSTANTIATE_TEST_SUITE_P(Rows, CcExposureHistory, ::testing::ValuesIn(kExposureCases),
                         [](const auto &info) { return std::string(info.param.name); });

// The Bcc-only row is a real test of seeing, not of having had mail: those three did have mail
// together, which the reverted pairCount check took for enough.
TEST(HistoryRules, CcExposureBccOnlyGroupHadMailTogetherButNeverSawEachOther)
{
    InMemoryHistory history;
    for (const auto &mail : exposurePastMails())
        history.learn(mail);
    EXPECT_GT(history.pairCount("kay@alpha.example", "lou@beta.example"), 0);
    EXPECT_EQ(history.seenTogetherCount("kay@alpha.example", "lou@beta.example"), 0);
    EXPECT_GT(history.seenTogetherCount("gina@north.example", "ivan@west.example"), 0);
}

// The thread vouches for its own people: answering the seldom-written Kim Park who wrote from
// far.example is no slip, though the same address on a new mail is reported.
TEST(HistoryRules, NamesakeWrittenToSeldomIsSilentOnAReplyToTheirThread)
{
    InMemoryHistory history;
    for (const auto &mail : pastMails())
        history.learn(mail);
    Draft draft;
    draft.from = "Taro Yamada <taro@corp.example>";
    draft.to = {"Kim Park <kim@far.example>"};
    draft.type = "reply";
    OriginalMessage original;
    original.from = "Kim Park <kim@far.example>";
    original.to = {draft.from};
    draft.original = original;
    auto count = [&](const Draft &d) {
        std::size_t n = 0;
        for (const auto &finding : reviewDraft(d, Policy(), &history).findings)
            n += finding.rule == "display-name-mismatch" ? 1 : 0;
        return n;
    };
    EXPECT_EQ(count(draft), 0u);
    draft.original->from = "Bob <bob@client.example>";
    EXPECT_EQ(count(draft), 1u) << "a reply to another company's thread is no vouch";
}

// The thread vouches for who is on it: a stranger to the greeted person on a reply is left to
// new-domain-in-reply, though the same draft as a new mail is reported.
TEST(HistoryRules, StrangerBesideTheGreetedPersonIsSilentOnAReply)
{
    InMemoryHistory history;
    for (const auto &mail : pastMails())
        history.learn(mail);
    Draft draft;
    draft.from = "Taro Yamada <taro@corp.example>";
    draft.to = {"Alice Example <alice@client.example>", "dave@partner.example"};
    draft.body = "Hi Alice,\n\nthank you.\n";
    EXPECT_EQ(targetsOf(draft, history, "unusual-recipient-mix"),
              std::vector<std::string>{"dave@partner.example"});
    draft.type = "reply";
    OriginalMessage original;
    original.from = "Alice Example <alice@client.example>";
    original.to = {draft.from};
    draft.original = original;
    EXPECT_TRUE(targetsOf(draft, history, "unusual-recipient-mix").empty());
}

// The sentence of a stranger to the greeted names who the greeting is for, by kind and named
// arguments, in the rule-message style.
TEST(HistoryRules, StrangerToTheGreetedSaysWhoTheGreetingIsFor)
{
    InMemoryHistory history;
    for (const auto &mail : pastMails())
        history.learn(mail);
    Draft draft;
    draft.from = "Taro Yamada <taro@corp.example>";
    draft.to = {"Alice Example <alice@client.example>", "dave@partner.example"};
    draft.body = "Hi Alice,\n\nthank you.\n";
    const Review review = reviewDraft(draft, Policy(), &history);
    const auto found
        = std::find_if(review.findings.begin(), review.findings.end(),
                       [](const Finding &f) { return f.rule == "unusual-recipient-mix"; });
    ASSERT_NE(found, review.findings.end());
    EXPECT_EQ(found->kind, "unusualRecipientMix.notGreeted");
    EXPECT_EQ(found->args.text,
              (std::map<std::string, std::string>{{"address", "dave@partner.example"}}));
    EXPECT_EQ(found->args.lists, (std::map<std::string, std::vector<std::string>>{
                                     {"greeted", {"alice@client.example"}}}));
    EXPECT_EQ(found->message, "The greeting is for alice@client.example, but dave@partner.example "
                              "has never had mail with them. Check that this recipient belongs "
                              "on this mail.");
}

// The two sentences detect added say what they found by kind and named arguments, and their
// English is the rule-message style (ui/rulemessage.cpp renders the same from the arguments).
TEST(HistoryRules, UsualNamesakeAndLookalikeAddressSayWhatTheyFound)
{
    InMemoryHistory history;
    for (const auto &mail : pastMails())
        history.learn(mail);
    const auto findingOf = [&](const std::string &to, const std::string &rule) {
        Draft draft;
        draft.from = "Taro Yamada <taro@corp.example>";
        draft.to = {to};
        const Review review = reviewDraft(draft, Policy(), &history);
        const auto found = std::find_if(review.findings.begin(), review.findings.end(),
                                        [&](const Finding &f) { return f.rule == rule; });
        return found == review.findings.end() ? Finding{} : *found;
    };

    const Finding namesake = findingOf("Kim Park <kim@far.example>", "display-name-mismatch");
    EXPECT_EQ(namesake.kind, "displayNameMismatch.usualNamesake");
    EXPECT_EQ(namesake.args.text,
              (std::map<std::string, std::string>{{"name", "Kim Park"},
                                                  {"usualAddress", "kim.park@client.example"},
                                                  {"address", "kim@far.example"}}));
    EXPECT_EQ(namesake.args.counts,
              (std::map<std::string, std::int64_t>{{"usualMails", 3}, {"mails", 1}}));
    EXPECT_EQ(namesake.message, "You usually write to \u201cKim Park\u201d at "
                                "kim.park@client.example (3 mails), not at kim@far.example "
                                "(1 mail). Check that this is the right person.");

    const Finding slip = findingOf("alcie@client.example", "lookalike-address");
    EXPECT_EQ(slip.kind, "lookalikeAddress");
    EXPECT_EQ(slip.args.text,
              (std::map<std::string, std::string>{{"address", "alcie@client.example"},
                                                  {"knownAddress", "alice@client.example"}}));
    EXPECT_EQ(slip.message, "No mail has gone to alcie@client.example yet, but you write to "
                            "alice@client.example, one typing slip away. Check that the address "
                            "is not a typo.");
}

TEST(HistoryRules, SilentWithoutHistory)
{
    InMemoryHistory empty;
    for (const auto &testCase : kCases) {
        SCOPED_TRACE(testCase.name);
        EXPECT_TRUE(targetsOf(draftOf(testCase), empty, testCase.rule).empty());
    }
}

} // namespace
} // namespace sendguard
