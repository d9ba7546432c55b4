#include "mailhistorygenerator.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <string_view>
#include <tuple>

namespace sendguard::detection {

namespace {

constexpr std::string_view kFirstNames[] = {
    "Anna",    "Ben",   "Carla",  "David",  "Elena",   "Felix",    "Greta",   "Hiro",
    "Ines",    "Jonas", "Keiko",  "Lars",   "Maria",   "Noah",     "Olga",    "Paul",
    "Quentin", "Rosa",  "Stefan", "Tomoko", "Ulrich",  "Vera",     "Wei",     "Xavier",
    "Yuki",    "Zoe",   "Mark",   "Marc",   "Michael", "Michelle", "Sarah",   "Sara",
    "John",    "Jon",   "Laura",  "Lauren", "Daniel",  "Daniela",  "Chris",   "Christine",
    "Ken",     "Kenji", "Emma",   "Emily",  "Lucas",   "Lucia",    "Peter",   "Petra",
    "Thomas",  "Tom",   "Julia",  "Julian", "Martin",  "Marta",    "Satoshi", "Sato",
    "Akira",   "Aki",   "Nina",   "Nils",   "Oliver",  "Olivia",   "Hannah",  "Hans",
};

constexpr std::string_view kLastNames[] = {
    "Schmidt", "Tanaka",   "Miller",    "Dubois",   "Rossi",   "Novak",   "Kowalski", "Suzuki",
    "Jensen",  "Garcia",   "Lindqvist", "Weber",    "Fischer", "Sato",    "Brown",    "Martin",
    "Meyer",   "Nakamura", "Larsen",    "Silva",    "Kim",     "Chen",    "Wagner",   "Becker",
    "Moreau",  "Bianchi",  "Horvath",   "Yamamoto", "Olsen",   "Smith",   "Jones",    "Taylor",
    "Wilson",  "Hoffmann", "Klein",     "Wolf",     "Schulz",  "Kato",    "Ito",      "Watanabe",
    "Lopez",   "Costa",    "Petrov",    "Ivanova",  "Berg",    "Nilsson", "Keller",   "Vogel",
};

// Partner organisations. Some share a word, as real companies do (atlas / atlas-freight), and
// one is a mail provider the freelancers use.
constexpr std::array<std::string_view, 24> kPartnerDomains{
    "brightwater.com",   "nordlicht.de",       "tanaka-seiki.co.jp",    "meridian-consult.com",
    "bluepeak.io",       "orchidsoft.fr",      "vantage-labs.com",      "harborline.nl",
    "silverfield.co.uk", "cobalt-systems.de",  "ironwood.com",          "greenfield-ag.ch",
    "atlas.com",         "atlas-freight.com",  "sunrise-trading.co.jp", "pioneer-bank.com",
    "redstone.de",       "lakeside-media.com", "summit-partners.co.uk", "horizon-energy.com",
    "kawasemi.co.jp",    "northgate.se",       "quantive.com",          "gmail.com",
};

template<std::size_t N>
std::string randomName(const std::string_view (&names)[N], std::mt19937_64 &random)
{
    return std::string(names[std::uniform_int_distribution<std::size_t>(0, N - 1)(random)]);
}

constexpr std::string_view kOwnDomain = "kitewave.com";
constexpr int kColleagues = 10;

constexpr std::array<std::string_view, 12> kSentences{
    "thank you for the call today. As agreed, we move the review to next Thursday.",
    "could you confirm the delivery date for the second lot?",
    "here are the minutes of this morning's meeting, with the open points at the end.",
    "the new schedule works for us; we will start on the 14th.",
    "a short update: the test run finished without errors.",
    "I would like to set up a call next week to go through the open questions.",
    "please see my comments inline below.",
    "we have reviewed the proposal and have two questions on the pricing.",
    "just a reminder that the workshop starts at 10:00 tomorrow.",
    "thanks, that answers my question.",
    "the contract draft is with our legal department; I expect their comments by Friday.",
    "I am out of office next week; Hiro will stand in for me.",
};

// Neighbouring keys on a QWERTY keyboard, for slips.
const std::map<char, std::string_view> &neighbours()
{
    static const std::map<char, std::string_view> keys{
        {'q', "wa"},  {'w', "qes"}, {'e', "wrd"}, {'r', "etf"}, {'t', "ryg"}, {'y', "tuh"},
        {'u', "yij"}, {'i', "uok"}, {'o', "ipl"}, {'p', "ol"},  {'a', "qsz"}, {'s', "adwx"},
        {'d', "sfe"}, {'f', "dgr"}, {'g', "fht"}, {'h', "gjy"}, {'j', "hku"}, {'k', "jli"},
        {'l', "ko"},  {'z', "xa"},  {'x', "zcs"}, {'c', "xvd"}, {'v', "cbf"}, {'b', "vng"},
        {'n', "bmh"}, {'m', "nj"},  {'-', "0p"},  {'0', "9p-"}, {'1', "2q"},  {'2', "13w"},
    };
    return keys;
}

std::string lowerAscii(std::string_view text)
{
    std::string out(text);
    for (char &c : out)
        c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return out;
}

std::string localPartFor(std::string_view first, std::string_view last, int convention)
{
    const std::string f = lowerAscii(first), l = lowerAscii(last);
    switch (convention) {
    case 0:
        return f + "." + l;
    case 1:
        return f.substr(0, 1) + l;
    case 2:
        return f;
    default:
        return f + "_" + l;
    }
}

std::string domainOf(const std::string &address)
{
    return address.substr(address.find('@') + 1);
}

std::string localOf(const std::string &address)
{
    return address.substr(0, address.find('@'));
}

bool isSlipCharacter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

void replaceEntry(Draft &draft, const std::string &from, const std::string &to)
{
    for (auto *field : {&draft.to, &draft.cc}) {
        for (auto &entry : *field) {
            if (entry == from)
                entry = to;
        }
    }
}

} // namespace

const char *kindName(SendKind kind)
{
    switch (kind) {
    case SendKind::KnownGroup:
        return "known group";
    case SendKind::KnownPerson:
        return "known person";
    case SendKind::ReplyToPartner:
        return "reply to a partner";
    case SendKind::NewCombination:
        return "known people, new combination";
    case SendKind::FirstTimeAtKnownDomain:
        return "first-time recipient, known domain";
    case SendKind::FirstMailToNewOrganisation:
        return "first mail to a new organisation";
    case SendKind::DomainTypo:
        return "typo in the domain";
    case SendKind::Lookalike:
        return "lookalike domain";
    case SendKind::WrongNamesake:
        return "same name, wrong company";
    case SendKind::ExtraRecipient:
        return "extra recipient";
    case SendKind::ReplacedRecipient:
        return "replaced recipient";
    case SendKind::LocalPartTypo:
        return "typo in the name part";
    }
    return "?";
}

const char *contextName(SendContext context)
{
    switch (context) {
    case SendContext::OneToOne:
        return "new mail to one";
    case SendContext::Several:
        return "new mail to several";
    case SendContext::Reply:
        return "reply";
    }
    return "?";
}

// --- The world --------------------------------------------------------------------------------

MailWorld::MailWorld(std::uint64_t seed, const WorldSize &size)
    : m_random(seed)
{
    buildOrganisations(std::clamp(size.organisations, 4, static_cast<int>(kPartnerDomains.size())));
    buildPeople();
    addNamesakes();
    buildGroups();
}

void MailWorld::buildOrganisations(int count)
{
    std::vector<std::string_view> domains(kPartnerDomains.begin(), kPartnerDomains.end());
    std::shuffle(domains.begin(), domains.end(), m_random);
    domains.resize(static_cast<std::size_t>(count));
    // The two that share a word, and the freelancers' provider, are always among them.
    for (std::string_view always : {"atlas.com", "atlas-freight.com", "gmail.com"}) {
        if (std::find(domains.begin(), domains.end(), always) == domains.end())
            domains[static_cast<std::size_t>(below(count))] = always;
    }
    std::sort(domains.begin(), domains.end());
    domains.erase(std::unique(domains.begin(), domains.end()), domains.end());
    for (auto domain : domains)
        m_organisations.push_back({std::string(domain), {}, domain == "gmail.com" ? 0 : below(4)});
}

void MailWorld::buildPeople()
{
    auto addPerson = [&](int organisation) {
        Person person;
        person.first = randomName(kFirstNames, m_random);
        person.last = randomName(kLastNames, m_random);
        person.organisation = organisation;
        person.address = freeAddress(person.first, person.last, organisation);
        m_people.push_back(person);
        if (organisation >= 0)
            m_organisations[static_cast<std::size_t>(organisation)].people.push_back(
                static_cast<int>(m_people.size()) - 1);
    };
    for (int i = 0; i < kColleagues; ++i)
        addPerson(-1);
    for (int o = 0; o < static_cast<int>(m_organisations.size()); ++o) {
        const bool provider = m_organisations[static_cast<std::size_t>(o)].domain == "gmail.com";
        const int people = provider ? 3 : 3 + below(12);
        for (int i = 0; i < people; ++i)
            addPerson(o);
    }
    // How often each is written to: Zipf-like over a random ranking.
    std::vector<int> ranks(m_people.size());
    for (std::size_t i = 0; i < ranks.size(); ++i)
        ranks[i] = static_cast<int>(i);
    std::shuffle(ranks.begin(), ranks.end(), m_random);
    for (std::size_t i = 0; i < m_people.size(); ++i)
        m_people[i].weight = 1.0 / std::pow(1.0 + ranks[i], 0.8);
}

// People with the same name at different companies: a few on purpose (names repeat in real
// address books more than a uniform draw suggests), on top of those the draw made.
void MailWorld::addNamesakes()
{
    const int wanted = std::max(3, static_cast<int>(m_organisations.size()) / 3);
    for (int made = 0; made < wanted; ++made) {
        const int a = kColleagues + below(static_cast<int>(m_people.size()) - kColleagues);
        const int b = kColleagues + below(static_cast<int>(m_people.size()) - kColleagues);
        if (m_people[static_cast<std::size_t>(a)].organisation
            == m_people[static_cast<std::size_t>(b)].organisation)
            continue;
        Person &renamed = m_people[static_cast<std::size_t>(b)];
        renamed.first = m_people[static_cast<std::size_t>(a)].first;
        renamed.last = m_people[static_cast<std::size_t>(a)].last;
        renamed.address = freeAddress(renamed.first, renamed.last, renamed.organisation);
    }
    std::map<std::string, std::set<int>> organisationsByName;
    for (const auto &person : m_people)
        organisationsByName[person.first + " " + person.last].insert(person.organisation);
    for (const auto &[name, organisations] : organisationsByName)
        m_namesakePairs += organisations.size() > 1 ? 1 : 0;
}

// Recurring groups: a project at one partner (most), at two (a partner and its subcontractor),
// rarely at three; often with one or two colleagues from kitewave.com.
void MailWorld::buildGroups()
{
    const int count = static_cast<int>(m_organisations.size()) * 3 / 2;
    for (int g = 0; g < count; ++g) {
        Group group;
        const double spread = uniform();
        const int organisations = spread < 0.70 ? 1 : spread < 0.95 ? 2 : 3;
        for (int o = 0; o < organisations; ++o) {
            const int organisation = below(static_cast<int>(m_organisations.size()));
            const auto &people = m_organisations[static_cast<std::size_t>(organisation)].people;
            const int members = std::min(static_cast<int>(people.size()), 1 + below(4));
            std::vector<int> shuffled = people;
            std::shuffle(shuffled.begin(), shuffled.end(), m_random);
            for (int i = 0; i < members; ++i) {
                if (std::find(group.members.begin(), group.members.end(), shuffled[i])
                    == group.members.end())
                    group.members.push_back(shuffled[static_cast<std::size_t>(i)]);
            }
        }
        const int colleagues = below(3);
        for (int i = 0; i < colleagues; ++i) {
            const int colleague = below(kColleagues);
            if (std::find(group.members.begin(), group.members.end(), colleague)
                == group.members.end())
                group.members.push_back(colleague);
        }
        if (group.members.size() < 3)
            continue;
        group.weight = 1.0 / std::pow(1.0 + g, 0.7);
        m_groups.push_back(group);
    }
}

// --- Helpers ----------------------------------------------------------------------------------

std::string MailWorld::mailbox(int person) const
{
    const Person &p = m_people[static_cast<std::size_t>(person)];
    return p.first + " " + p.last + " <" + p.address + ">";
}

int MailWorld::pickWeighted(const std::vector<int> &people)
{
    double total = 0;
    for (int p : people)
        total += m_people[static_cast<std::size_t>(p)].weight;
    double x = uniform() * total;
    for (int p : people) {
        x -= m_people[static_cast<std::size_t>(p)].weight;
        if (x <= 0)
            return p;
    }
    return people.back();
}

// A known outside contact, as autocomplete offers them: the often-written more often.
int MailWorld::pickKnownExternal(const std::vector<int> &except)
{
    std::vector<int> candidates;
    for (int i = kColleagues; i < static_cast<int>(m_people.size()); ++i) {
        if (m_people[static_cast<std::size_t>(i)].known
            && std::find(except.begin(), except.end(), i) == except.end())
            candidates.push_back(i);
    }
    return candidates.empty() ? -1 : pickWeighted(candidates);
}

std::vector<int> MailWorld::knownAt(int organisation) const
{
    std::vector<int> known;
    for (int p : m_organisations[static_cast<std::size_t>(organisation)].people) {
        if (m_people[static_cast<std::size_t>(p)].known)
            known.push_back(p);
    }
    return known;
}

std::string MailWorld::freeAddress(const std::string &first, const std::string &last,
                                   int organisation)
{
    const bool ours = organisation < 0;
    const auto &company = m_organisations[static_cast<std::size_t>(ours ? 0 : organisation)];
    const int convention = ours ? 0 : company.convention;
    const std::string domain = ours ? std::string(kOwnDomain) : company.domain;
    std::string local = localPartFor(first, last, convention);
    for (int n = 2; m_addresses.count(local + "@" + domain) != 0; ++n)
        local = localPartFor(first, last, convention) + std::to_string(n);
    m_addresses.insert(local + "@" + domain);
    return local + "@" + domain;
}

std::pair<std::string, std::string> MailWorld::newcomerName(int organisation)
{
    std::set<std::string> taken;
    std::vector<int> elsewhere;
    for (int p = 0; p < static_cast<int>(m_people.size()); ++p) {
        const Person &person = m_people[static_cast<std::size_t>(p)];
        taken.insert(person.first + " " + person.last);
        if (p >= kColleagues && person.organisation != organisation)
            elsewhere.push_back(p);
    }
    if (chance(0.02) && !elsewhere.empty()) {
        const Person &namesake = m_people[static_cast<std::size_t>(pick(elsewhere))];
        return {namesake.first, namesake.last};
    }
    for (int attempt = 0;; ++attempt) {
        std::string first = randomName(kFirstNames, m_random);
        std::string last = randomName(kLastNames, m_random);
        if (taken.count(first + " " + last) == 0 || attempt > 200)
            return {first, last};
    }
}

std::string MailWorld::greeting(const std::vector<int> &to)
{
    const double style = uniform();
    if (style < 0.1)
        return "";
    if (to.size() == 1) {
        const Person &p = m_people[static_cast<std::size_t>(to.front())];
        if (style < 0.6)
            return "Hi " + p.first + ",";
        if (style < 0.85)
            return "Dear " + p.first + " " + p.last + ",";
        return "Hello " + p.first + ",";
    }
    if (to.size() == 2 && style < 0.3)
        return "Hi " + m_people[static_cast<std::size_t>(to[0])].first + " and "
               + m_people[static_cast<std::size_t>(to[1])].first + ",";
    if (style < 0.75)
        return "Hi all,";
    return style < 0.9 ? "Dear all," : "Hello everyone,";
}

std::string MailWorld::body(const std::vector<int> &to)
{
    const std::string hello = greeting(to);
    return (hello.empty() ? std::string() : hello + "\n\n")
           + std::string(kSentences[static_cast<std::size_t>(below(kSentences.size()))])
           + "\n\nBest regards,\nTaro\n";
}

Draft MailWorld::newMail(const std::vector<int> &to, const std::vector<int> &cc)
{
    Draft draft;
    draft.from = kSender;
    for (int p : to)
        draft.to.push_back(mailbox(p));
    for (int p : cc)
        draft.cc.push_back(mailbox(p));
    draft.subject = "Project update";
    draft.body = body(to);
    if (chance(0.2)) {
        draft.body.insert(draft.body.find("Best regards"), "The current plan is attached.\n\n");
        draft.attachments.push_back({"plan.pdf", 48213});
    }
    return draft;
}

// --- Clean sends ------------------------------------------------------------------------------

GeneratedSend MailWorld::knownGroup()
{
    std::vector<int> candidates;
    for (std::size_t g = 0; g < m_groups.size(); ++g)
        candidates.push_back(static_cast<int>(g));
    double total = 0;
    for (const auto &group : m_groups)
        total += group.weight;
    double x = uniform() * total;
    std::size_t chosen = 0;
    for (; chosen + 1 < m_groups.size(); ++chosen) {
        x -= m_groups[chosen].weight;
        if (x <= 0)
            break;
    }
    const Group &group = m_groups[chosen];
    std::vector<int> to, cc;
    for (int member : group.members) {
        // Sometimes part of the group only: someone is left out of this one.
        if (chance(0.15))
            continue;
        (member < kColleagues ? cc : to).push_back(member);
    }
    if (to.empty())
        to.push_back(group.members.front() < kColleagues ? group.members.back()
                                                         : group.members.front());
    return {newMail(to, cc), SendKind::KnownGroup, SendContext::Several};
}

GeneratedSend MailWorld::knownPerson()
{
    const int person = pickKnownExternal({});
    std::vector<int> cc;
    if (chance(0.15))
        cc.push_back(below(kColleagues));
    return {newMail({person}, cc), SendKind::KnownPerson, SendContext::OneToOne};
}

// A partner wrote; the answer goes to them, or to everyone their mail went to.
GeneratedSend MailWorld::replyToPartner()
{
    const int partner = pickKnownExternal({});
    std::vector<int> others;
    if (chance(0.5)) {
        for (const auto &group : m_groups) {
            if (std::find(group.members.begin(), group.members.end(), partner)
                != group.members.end()) {
                others = group.members;
                break;
            }
        }
    }
    others.erase(std::remove(others.begin(), others.end(), partner), others.end());
    GeneratedSend send{newMail({partner}, others), SendKind::ReplyToPartner, SendContext::Reply};
    send.draft.type = "reply";
    send.draft.subject = "Re: Project update";
    OriginalMessage original;
    original.from = mailbox(partner);
    original.to.push_back(kSender);
    for (int other : others)
        original.cc.push_back(mailbox(other));
    send.draft.original = original;
    return send;
}

// Known people who have not had a mail together yet, in a way people really combine them: a
// partner's colleagues together, a group and one more person from a member's company (their
// manager), an introduction of two contacts, or a group with another colleague of ours.
GeneratedSend MailWorld::newCombination()
{
    const double way = uniform();
    if (way < 0.4) {
        const int organisation
            = m_people[static_cast<std::size_t>(pickKnownExternal({}))].organisation;
        std::vector<int> known = knownAt(organisation);
        std::shuffle(known.begin(), known.end(), m_random);
        known.resize(std::min<std::size_t>(known.size(), 2 + below(2)));
        if (known.size() >= 2)
            return {newMail(known, {}), SendKind::NewCombination, SendContext::Several};
    }
    if (way < 0.65) {
        // A group, and one more person from a member's company.
        GeneratedSend send = knownGroup();
        std::vector<int> onMail, candidates;
        for (int p = kColleagues; p < static_cast<int>(m_people.size()); ++p) {
            if (std::find(send.draft.to.begin(), send.draft.to.end(), mailbox(p))
                != send.draft.to.end())
                onMail.push_back(p);
        }
        const int member = pick(onMail);
        for (int p : knownAt(m_people[static_cast<std::size_t>(member)].organisation)) {
            if (std::find(onMail.begin(), onMail.end(), p) == onMail.end())
                candidates.push_back(p);
        }
        if (candidates.empty())
            return send;
        send.draft.cc.push_back(mailbox(pickWeighted(candidates)));
        send.kind = SendKind::NewCombination;
        return send;
    }
    if (way < 0.85) {
        const int a = pickKnownExternal({});
        const int b = pickKnownExternal({a});
        GeneratedSend send{newMail({a, b}, {}), SendKind::NewCombination, SendContext::Several};
        return send;
    }
    GeneratedSend send = knownGroup();
    const int colleague = below(kColleagues);
    if (std::find(send.draft.cc.begin(), send.draft.cc.end(), mailbox(colleague))
        == send.draft.cc.end())
        send.draft.cc.push_back(mailbox(colleague));
    send.kind = SendKind::NewCombination;
    return send;
}

// Someone new at a partner: mail to them alone, or to their project's group with them added.
GeneratedSend MailWorld::firstTimeAtKnownDomain()
{
    const int colleagueOf = pickKnownExternal({});
    const int organisation = m_people[static_cast<std::size_t>(colleagueOf)].organisation;
    Person newcomer;
    std::tie(newcomer.first, newcomer.last) = newcomerName(organisation);
    newcomer.organisation = organisation;
    newcomer.address = freeAddress(newcomer.first, newcomer.last, organisation);
    // Written to less than the colleague who brought them in, at first.
    newcomer.weight = m_people[static_cast<std::size_t>(colleagueOf)].weight / 3;
    m_people.push_back(newcomer);
    const int id = static_cast<int>(m_people.size()) - 1;
    m_organisations[static_cast<std::size_t>(organisation)].people.push_back(id);
    if (chance(0.6))
        return {newMail({id}, {}), SendKind::FirstTimeAtKnownDomain, SendContext::OneToOne};
    for (const auto &group : m_groups) {
        if (std::find(group.members.begin(), group.members.end(), colleagueOf)
            == group.members.end())
            continue;
        std::vector<int> to, cc;
        for (int member : group.members)
            (member < kColleagues ? cc : to).push_back(member);
        to.push_back(id);
        return {newMail(to, cc), SendKind::FirstTimeAtKnownDomain, SendContext::Several};
    }
    return {newMail({colleagueOf, id}, {}), SendKind::FirstTimeAtKnownDomain, SendContext::Several};
}

namespace {

// Names of organisations not written to yet, that a first mail may go to: a word and a kind of
// business, each pair used once, under an ending of the partners' kinds.
constexpr std::array<std::string_view, 16> kNewNameWords{
    "amber",  "birch",   "cedar", "delta",  "ember",  "falcon", "granite", "heron",
    "indigo", "juniper", "lotus", "nimbus", "quartz", "raven",  "tundra",  "willow",
};
constexpr std::array<std::string_view, 8> kNewNameKinds{
    "works", "labs", "logistics", "consulting", "foods", "media", "capital", "robotics",
};
constexpr std::array<std::string_view, 5> kNewEndings{".com", ".de", ".co.jp", ".fr", ".io"};

} // namespace

// Someone at an organisation no mail has gone to yet: a new customer, a supplier asked for a
// quote. The first mail goes to them alone, sometimes with a colleague of ours in Cc.
GeneratedSend MailWorld::firstMailToNewOrganisation()
{
    const int n = m_newOrganisations++;
    const auto word = static_cast<std::size_t>(n) % kNewNameWords.size();
    const auto kind
        = (static_cast<std::size_t>(n) / kNewNameWords.size() + word * 3) % kNewNameKinds.size();
    const std::string domain
        = std::string(kNewNameWords[word]) + std::string(kNewNameKinds[kind])
          + (n >= static_cast<int>(kNewNameWords.size() * kNewNameKinds.size()) ? std::to_string(n)
                                                                                : "")
          + std::string(kNewEndings[static_cast<std::size_t>(below(kNewEndings.size()))]);
    m_organisations.push_back({domain, {}, below(4)});
    const int organisation = static_cast<int>(m_organisations.size()) - 1;
    Person person;
    std::tie(person.first, person.last) = newcomerName(organisation);
    person.organisation = organisation;
    person.address = freeAddress(person.first, person.last, organisation);
    person.weight = 0.05;
    m_people.push_back(person);
    const int id = static_cast<int>(m_people.size()) - 1;
    m_organisations.back().people.push_back(id);
    std::vector<int> cc;
    if (chance(0.3))
        cc.push_back(below(kColleagues));
    return {newMail({id}, cc), SendKind::FirstMailToNewOrganisation, SendContext::OneToOne};
}

GeneratedSend MailWorld::cleanSend()
{
    const double x = uniform();
    if (x < 0.02)
        return firstMailToNewOrganisation();
    if (x < 0.30)
        return knownGroup();
    if (x < 0.60)
        return knownPerson();
    if (x < 0.80)
        return replyToPartner();
    if (x < 0.92)
        return newCombination();
    return firstTimeAtKnownDomain();
}

GeneratedSend MailWorld::pastMail()
{
    // The first mails of the past go to whoever is written to, known or not: that is how the
    // world becomes known.
    const double x = uniform();
    if (x < 0.35)
        return knownGroup();
    if (x < 0.65) {
        std::vector<int> everyone;
        for (int p = kColleagues; p < static_cast<int>(m_people.size()); ++p)
            everyone.push_back(p);
        return {newMail({pickWeighted(everyone)}, {}), SendKind::KnownPerson,
                SendContext::OneToOne};
    }
    if (x < 0.70)
        return {newMail({below(kColleagues)}, {}), SendKind::KnownPerson, SendContext::OneToOne};
    if (m_knownAddresses.size() < 20)
        return knownGroup();
    if (x < 0.88)
        return replyToPartner();
    if (x < 0.97)
        return newCombination();
    return firstTimeAtKnownDomain();
}

void MailWorld::sent(const GeneratedSend &send)
{
    for (const auto *field : {&send.draft.to, &send.draft.cc}) {
        for (const auto &entry : *field) {
            const auto open = entry.find('<');
            const std::string address = open == std::string::npos
                                            ? entry
                                            : entry.substr(open + 1, entry.size() - open - 2);
            m_knownAddresses.insert(address);
        }
    }
    for (auto &person : m_people)
        person.known = person.known || m_knownAddresses.count(person.address) != 0;
}

// --- Mistakes ---------------------------------------------------------------------------------

GeneratedSend MailWorld::intendedSend(SendContext context)
{
    switch (context) {
    case SendContext::OneToOne:
        return knownPerson();
    case SendContext::Several:
        return knownGroup();
    case SendContext::Reply:
        return replyToPartner();
    }
    return knownPerson();
}

namespace {

// One slip of the keyboard at a random letter of `text`: a neighbouring key, two letters
// swapped, one dropped, or one doubled.
std::string slip(std::string text, std::mt19937_64 &random)
{
    std::vector<std::size_t> positions;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (isSlipCharacter(text[i]) && text[i] != '-')
            positions.push_back(i);
    }
    if (positions.empty())
        return text;
    const std::size_t at
        = positions[std::uniform_int_distribution<std::size_t>(0, positions.size() - 1)(random)];
    switch (std::uniform_int_distribution<int>(0, 3)(random)) {
    case 0: {
        const auto keys = neighbours().find(text[at]);
        if (keys != neighbours().end())
            text[at] = keys->second[std::uniform_int_distribution<std::size_t>(
                0, keys->second.size() - 1)(random)];
        return text;
    }
    case 1:
        if (at + 1 < text.size() && isSlipCharacter(text[at + 1]))
            std::swap(text[at], text[at + 1]);
        return text;
    case 2:
        if (text.size() > 2)
            text.erase(at, 1);
        return text;
    default:
        text.insert(at, 1, text[at]);
        return text;
    }
}

} // namespace

// An address typed by hand (no display name) with a slip in the domain: in the company's name
// (most) or in its ending.
GeneratedSend MailWorld::domainTypo()
{
    GeneratedSend send = intendedSend(chance(0.5) ? SendContext::OneToOne : SendContext::Several);
    const std::string entry = send.draft.to.front();
    const std::string address
        = entry.substr(entry.find('<') + 1, entry.size() - entry.find('<') - 2);
    const std::string domain = domainOf(address);
    const auto firstDot = domain.find('.');
    std::string typed;
    for (int attempt = 0; attempt < 20 && (typed.empty() || typed == domain); ++attempt) {
        typed = chance(0.75)
                    ? slip(domain.substr(0, firstDot), m_random) + domain.substr(firstDot)
                    : domain.substr(0, firstDot + 1) + slip(domain.substr(firstDot + 1), m_random);
    }
    replaceEntry(send.draft, entry, localOf(address) + "@" + typed);
    send.kind = SendKind::DomainTypo;
    return send;
}

// The same, in the part before the @: the mail goes to no one, or to another person at the
// same company. Reported apart from the five kinds of the issue.
GeneratedSend MailWorld::localPartTypo()
{
    GeneratedSend send = intendedSend(chance(0.5) ? SendContext::OneToOne : SendContext::Several);
    const std::string entry = send.draft.to.front();
    const std::string address
        = entry.substr(entry.find('<') + 1, entry.size() - entry.find('<') - 2);
    std::string typed = localOf(address);
    for (int attempt = 0; attempt < 20 && typed == localOf(address); ++attempt)
        typed = slip(localOf(address), m_random);
    replaceEntry(send.draft, entry, typed + "@" + domainOf(address));
    send.kind = SendKind::LocalPartTypo;
    return send;
}

namespace {

// A domain made to pass for `domain`: a letter from another script, letters that look alike
// (rn for m, 0 for o, l for i), a word or hyphen added, another ending, a letter doubled.
std::string imitation(const std::string &domain, std::mt19937_64 &random)
{
    const auto dot = domain.find('.');
    std::string name = domain.substr(0, dot);
    const std::string ending = domain.substr(dot);
    const int way = std::uniform_int_distribution<int>(0, 5)(random);
    if (way == 0) {
        // Cyrillic а, е, о, р, с in place of their Latin twins.
        static const std::map<char, std::string> cyrillic{{'a', "\xD0\xB0"},
                                                          {'e', "\xD0\xB5"},
                                                          {'o', "\xD0\xBE"},
                                                          {'p', "\xD1\x80"},
                                                          {'c', "\xD1\x81"}};
        for (std::size_t i = 0; i < name.size(); ++i) {
            const auto twin = cyrillic.find(name[i]);
            if (twin != cyrillic.end())
                return name.substr(0, i) + twin->second + name.substr(i + 1) + ending;
        }
    }
    if (way <= 1) {
        for (const auto &[from, to] : std::vector<std::pair<std::string, std::string>>{
                 {"m", "rn"}, {"w", "vv"}, {"o", "0"}, {"i", "l"}, {"l", "1"}, {"rn", "m"}}) {
            const auto at = name.find(from);
            if (at != std::string::npos)
                return name.substr(0, at) + to + name.substr(at + from.size()) + ending;
        }
    }
    if (way == 2)
        return name + (std::uniform_int_distribution<int>(0, 1)(random) ? "-group" : "-mail")
               + ending;
    if (way == 3) {
        const auto hyphen = name.find('-');
        if (hyphen != std::string::npos)
            return name.substr(0, hyphen) + name.substr(hyphen + 1) + ending;
        return name.substr(0, name.size() / 2) + "-" + name.substr(name.size() / 2) + ending;
    }
    if (way == 4)
        return name + (ending == ".com" ? ".co" : ending == ".co.jp" ? ".jp" : ".com");
    const std::size_t at = name.size() / 2;
    return name.substr(0, at) + name[at] + name.substr(at) + ending;
}

} // namespace

// Mail to a domain made to look like a partner's: most often the answer to a fraudster's mail
// that came from it under the partner's name, otherwise a new mail to that address.
GeneratedSend MailWorld::lookalike()
{
    const bool reply = chance(0.7);
    GeneratedSend send = intendedSend(reply ? SendContext::Reply : SendContext::OneToOne);
    const std::string entry = send.draft.to.front();
    const auto open = entry.find('<');
    const std::string address = entry.substr(open + 1, entry.size() - open - 2);
    const std::string domain = domainOf(address);
    if (domain == "gmail.com")
        return lookalike();
    const std::string fake
        = entry.substr(0, open + 1) + localOf(address) + "@" + imitation(domain, m_random) + ">";
    replaceEntry(send.draft, entry, fake);
    if (reply) {
        send.draft.original->from = fake;
        send.draft.original->cc.clear();
        send.draft.cc.clear();
    }
    send.kind = SendKind::Lookalike;
    return send;
}

// Autocomplete offered the other person of the same name, at another company.
GeneratedSend MailWorld::wrongNamesake()
{
    std::map<std::string, std::vector<int>> byName;
    for (int p = kColleagues; p < static_cast<int>(m_people.size()); ++p) {
        const Person &person = m_people[static_cast<std::size_t>(p)];
        if (person.known)
            byName[person.first + " " + person.last].push_back(p);
    }
    // The person meant is drawn as in every other send (the often-written more often), among
    // those with a namesake elsewhere; the namesake is the one autocomplete offered instead.
    std::map<int, std::vector<int>> namesakesOf;
    for (const auto &[name, people] : byName) {
        for (int a : people) {
            for (int b : people) {
                if (m_people[static_cast<std::size_t>(a)].organisation
                    != m_people[static_cast<std::size_t>(b)].organisation)
                    namesakesOf[a].push_back(b);
            }
        }
    }
    if (namesakesOf.empty())
        return extraRecipient();
    std::vector<int> meant;
    for (const auto &[person, others] : namesakesOf)
        meant.push_back(person);
    const int intended = pickWeighted(meant);
    const int wrong = pick(namesakesOf[intended]);
    const double where = uniform();
    GeneratedSend send;
    if (where < 0.5) {
        send = {newMail({intended}, {}), SendKind::WrongNamesake, SendContext::OneToOne};
        // The namesake alone on a new mail, greeted by the name both share: this is the very
        // draft a clean mail to the namesake makes (knownPerson without a colleague in Cc).
        send.traceless = true;
    } else {
        // Added to a mail to the intended person's colleagues or project, or to a reply to one.
        const bool reply = where >= 0.85;
        const auto colleagues = knownAt(m_people[static_cast<std::size_t>(intended)].organisation);
        std::vector<int> others;
        for (int p : colleagues) {
            if (p != intended && others.size() < 2)
                others.push_back(p);
        }
        if (others.empty())
            others.push_back(pickKnownExternal({intended, wrong}));
        std::vector<int> to = others;
        to.push_back(intended);
        send = {newMail(to, {}), SendKind::WrongNamesake,
                reply ? SendContext::Reply : SendContext::Several};
        if (reply) {
            send.draft.type = "reply";
            OriginalMessage original;
            original.from = mailbox(others.front());
            original.to.push_back(kSender);
            for (std::size_t i = 1; i < others.size(); ++i)
                original.cc.push_back(mailbox(others[i]));
            send.draft.original = original;
        }
    }
    replaceEntry(send.draft, mailbox(intended), mailbox(wrong));
    return send;
}

// One more known contact, picked by autocomplete, on a mail to a group, a person or a reply.
GeneratedSend MailWorld::extraRecipient()
{
    const double where = uniform();
    const SendContext context = where < 0.6   ? SendContext::Several
                                : where < 0.8 ? SendContext::OneToOne
                                              : SendContext::Reply;
    GeneratedSend send = intendedSend(context);
    std::vector<int> onMail;
    for (int p = 0; p < static_cast<int>(m_people.size()); ++p) {
        const std::string shown = mailbox(p);
        for (const auto *field : {&send.draft.to, &send.draft.cc}) {
            if (std::find(field->begin(), field->end(), shown) != field->end())
                onMail.push_back(p);
        }
    }
    const int extra = pickKnownExternal(onMail);
    const bool inTo = chance(0.5);
    (inTo ? send.draft.to : send.draft.cc).push_back(mailbox(extra));
    send.kind = SendKind::ExtraRecipient;
    send.context = context;
    // The very draft a clean new combination makes: a group with one more person of a To
    // recipient's company in Cc. (An introduction of two contacts: looksLikeIntroduction.)
    const Person &added = m_people[static_cast<std::size_t>(extra)];
    bool memberCompany = false;
    for (int p : onMail) {
        const Person &member = m_people[static_cast<std::size_t>(p)];
        const std::string shown = mailbox(p);
        memberCompany = memberCompany
                        || (member.organisation == added.organisation && member.organisation >= 0
                            && std::find(send.draft.to.begin(), send.draft.to.end(), shown)
                                   != send.draft.to.end());
    }
    send.traceless = context == SendContext::Several && !inTo && memberCompany;
    return send;
}

// One intended outside recipient swapped for another known contact by autocomplete: one of the
// same first name when there is one, else one whose first name starts alike.
GeneratedSend MailWorld::replacedRecipient()
{
    const SendContext context = chance(0.6) ? SendContext::Several : SendContext::OneToOne;
    GeneratedSend send = intendedSend(context);
    int intended = -1;
    for (int p = kColleagues; p < static_cast<int>(m_people.size()) && intended < 0; ++p) {
        if (mailbox(p) == send.draft.to.front())
            intended = p;
    }
    if (intended < 0)
        return extraRecipient();
    const Person &person = m_people[static_cast<std::size_t>(intended)];
    std::vector<int> sameFirst, sameInitial;
    for (int p = kColleagues; p < static_cast<int>(m_people.size()); ++p) {
        const Person &other = m_people[static_cast<std::size_t>(p)];
        if (p == intended || !other.known || other.address == person.address)
            continue;
        const std::string shown = mailbox(p);
        if (std::find(send.draft.to.begin(), send.draft.to.end(), shown) != send.draft.to.end()
            || std::find(send.draft.cc.begin(), send.draft.cc.end(), shown) != send.draft.cc.end())
            continue;
        if (other.first == person.first)
            sameFirst.push_back(p);
        else if (other.first.substr(0, 2) == person.first.substr(0, 2))
            sameInitial.push_back(p);
    }
    const int replacement = !sameFirst.empty()     ? pickWeighted(sameFirst)
                            : !sameInitial.empty() ? pickWeighted(sameInitial)
                                                   : pickKnownExternal({intended});
    const Person &chosen = m_people[static_cast<std::size_t>(replacement)];
    // Alone on the mail, of the same first name, and the greeting ("Hi Maria,", none) fits them
    // as well: this draft is exactly a clean mail to them. "Dear Maria Rossi," still tells.
    // Alone means the only one in To with at most one colleague in Cc, as a clean mail to one
    // person is; a group mail with everyone else left out is such a mail too.
    const bool alone = send.draft.to.size() == 1 && send.draft.cc.size() <= 1;
    send.traceless
        = alone && chosen.first == person.first
          && (chosen.last == person.last || send.draft.body.find(person.last) == std::string::npos);
    replaceEntry(send.draft, mailbox(intended), mailbox(replacement));
    send.kind = SendKind::ReplacedRecipient;
    send.context = context;
    return send;
}

// Whether newCombination() makes this very draft as an introduction of two contacts: a new
// mail to two known outside people in To, nobody in Cc, greeted as greeting() greets two.
bool MailWorld::looksLikeIntroduction(const Draft &draft) const
{
    if (draft.original || draft.to.size() != 2 || !draft.cc.empty() || !draft.bcc.empty())
        return false;
    std::vector<const Person *> to;
    for (const auto &entry : draft.to) {
        for (int p = kColleagues; p < static_cast<int>(m_people.size()); ++p) {
            if (m_people[static_cast<std::size_t>(p)].known && mailbox(p) == entry)
                to.push_back(&m_people[static_cast<std::size_t>(p)]);
        }
    }
    if (to.size() != 2)
        return false;
    const std::string opening = draft.body.substr(0, draft.body.find('\n'));
    if (opening == "Hi " + to[0]->first + " and " + to[1]->first + ",")
        return true;
    // Greetings of several, or none: then the body opens with one of the sentences.
    const std::vector<std::string> openers = {"Hi all,", "Dear all,", "Hello everyone,"};
    if (std::find(openers.begin(), openers.end(), opening) != openers.end())
        return true;
    return std::find(std::begin(kSentences), std::end(kSentences), opening) != std::end(kSentences);
}

GeneratedSend MailWorld::mistake(SendKind kind)
{
    GeneratedSend send;
    switch (kind) {
    case SendKind::DomainTypo:
        send = domainTypo();
        break;
    case SendKind::Lookalike:
        send = lookalike();
        break;
    case SendKind::WrongNamesake:
        send = wrongNamesake();
        break;
    case SendKind::ExtraRecipient:
        send = extraRecipient();
        break;
    case SendKind::ReplacedRecipient:
        send = replacedRecipient();
        break;
    case SendKind::LocalPartTypo:
        send = localPartTypo();
        break;
    default:
        return cleanSend();
    }
    send.traceless = send.traceless || looksLikeIntroduction(send.draft);
    return send;
}

} // namespace sendguard::detection
