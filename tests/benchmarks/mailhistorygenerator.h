#pragma once

// A synthetic world of one person's outside mail for bench_detection (issue 4, "Measured"): the
// organisations they work with, the people there, the groups that get mail together, and a
// stream of sends drawn from it, clean or with one injected mistake. The model and its shares
// are described in bench_detection.cpp's header comment.

#include "engine/draft.h"

#include <cstdint>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace sendguard::detection {

inline constexpr const char *kSender = "Taro Yamada <taro.yamada@kitewave.com>";

// What a generated send is: clean (what people really send) or one injected mistake.
enum class SendKind {
    // clean
    KnownGroup,
    KnownPerson,
    ReplyToPartner,
    NewCombination,
    FirstTimeAtKnownDomain,
    // clean, but outside the false-alarm share: new-domain warns on it by design
    FirstMailToNewOrganisation,
    // mistakes (the five of issue 4, then one reported apart)
    DomainTypo,
    Lookalike,
    WrongNamesake,
    ExtraRecipient,
    ReplacedRecipient,
    LocalPartTypo,
};

inline constexpr int kSendKinds = 12;
inline constexpr int kFirstMistake = static_cast<int>(SendKind::DomainTypo);

const char *kindName(SendKind kind);
inline bool isMistake(SendKind kind)
{
    return static_cast<int>(kind) >= kFirstMistake;
}

// Where the mistake (or the clean send) happens: a new mail to one person, a new mail to
// several, or a reply.
enum class SendContext { OneToOne, Several, Reply };
const char *contextName(SendContext context);

struct GeneratedSend
{
    Draft draft;
    SendKind kind = SendKind::KnownPerson;
    SendContext context = SendContext::OneToOne;
    // A mistake whose draft is one a clean send makes: someone you write to, alone on the mail,
    // swapped in for someone of the same first name (or the same full name: a namesake) whom the
    // greeting also fits; a new mail to two known contacts in To, nobody in Cc, greeted as two
    // are or not at all (an introduction of two contacts is just that); an extra person of a To
    // recipient's company in Cc of a group mail (a group with one more person of a member's
    // company looks the same). No check of the draft and the history can tell it from a clean
    // send; at most how often each person is written to differs.
    bool traceless = false;
};

struct WorldSize
{
    int organisations = 18;
    int historyMails = 2500;
};

class MailWorld
{
public:
    MailWorld(std::uint64_t seed, const WorldSize &size);

    // The next mail of the past, drawn from the same clean mix as clean sends, except that
    // first-time recipients only come in at the rate the world grows.
    GeneratedSend pastMail();
    // A clean send of the evaluation, kind drawn by the clean shares.
    GeneratedSend cleanSend();
    GeneratedSend mistake(SendKind kind);

    // Tells the world a send left: its recipients are known from now on.
    void sent(const GeneratedSend &send);

    int peopleCount() const { return static_cast<int>(m_people.size()); }
    int groupCount() const { return static_cast<int>(m_groups.size()); }
    int namesakePairs() const { return m_namesakePairs; }

private:
    struct Person
    {
        std::string first;
        std::string last;
        std::string address;
        int organisation = -1; // -1: a colleague at kitewave.com
        double weight = 1;     // how often this person is written to
        bool reserved = false; // held back from the past: a first-time recipient later
        bool known = false;    // mail went to them
    };
    struct Organisation
    {
        std::string domain;
        std::vector<int> people;
        int convention = 0; // how its addresses are made: localPartFor()
    };
    struct Group
    {
        std::vector<int> members; // external people and sometimes a colleague
        double weight = 1;
    };

    void buildOrganisations(int count);
    void buildPeople();
    void addNamesakes();
    void buildGroups();

    GeneratedSend knownGroup();
    GeneratedSend knownPerson();
    GeneratedSend replyToPartner();
    GeneratedSend newCombination();
    GeneratedSend firstTimeAtKnownDomain();
    GeneratedSend firstMailToNewOrganisation();
    GeneratedSend domainTypo();
    GeneratedSend lookalike();
    GeneratedSend wrongNamesake();
    GeneratedSend extraRecipient();
    GeneratedSend replacedRecipient();
    GeneratedSend localPartTypo();
    bool looksLikeIntroduction(const Draft &draft) const;
    // A clean send a mistake is made in: to one known person, or to a known group.
    GeneratedSend intendedSend(SendContext context);

    double uniform() { return std::uniform_real_distribution<double>(0, 1)(m_random); }
    int below(int n) { return std::uniform_int_distribution<int>(0, n - 1)(m_random); }
    bool chance(double p) { return uniform() < p; }
    template<typename T>
    const T &pick(const std::vector<T> &items)
    {
        return items[static_cast<std::size_t>(below(static_cast<int>(items.size())))];
    }
    int pickKnownExternal(const std::vector<int> &except);
    int pickWeighted(const std::vector<int> &people);
    std::vector<int> knownAt(int organisation) const;
    // An address for this name at the organisation (-1: ours) by its convention, numbered when
    // taken; remembered as taken.
    std::string freeAddress(const std::string &first, const std::string &last, int organisation);
    // A full name for someone new: one nobody in the world has, except now and then (one in 50)
    // the name of someone at another organisation, as real namesakes turn up.
    std::pair<std::string, std::string> newcomerName(int organisation);

    std::string mailbox(int person) const;
    std::string greeting(const std::vector<int> &to);
    std::string body(const std::vector<int> &to);
    Draft newMail(const std::vector<int> &to, const std::vector<int> &cc);

    std::mt19937_64 m_random;
    std::vector<Organisation> m_organisations;
    std::vector<Person> m_people;
    std::vector<Group> m_groups;
    std::set<std::string> m_knownAddresses;
    std::set<std::string> m_addresses; // every address in the world
    int m_newOrganisations = 0;
    int m_namesakePairs = 0;
};

} // namespace sendguard::detection
