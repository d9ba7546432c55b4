// The cost of one whole review (reviewDraft: parse, normalise, classify, every rule), for the
// targets of issue 3: at most 1 ms median for a typical draft (10 recipients, 3 attachments,
// 20 KB body), at most 20 ms for a large one (5,000 recipients, 1 MB body), cost linear in size.
// The sweeps grow one dimension at a time and ask Google Benchmark for the fitted complexity.

#include "engine/engine.h"

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

namespace sendguard {
namespace {

// One paragraph of an ordinary business mail, in the mix of languages the users write: it
// mentions an attachment, has a number that is not a card number, and a greeting.
const char *const paragraphs[] = {
    "Dear Alice,\n\nthank you for the meeting on Tuesday. As discussed, the revised quote for "
    "the March delivery is attached; the figures for the second lot follow next week.\n",
    "山田様\n\nいつもお世話になっております。先日ご依頼いただいた見積書を添付いたします。"
    "ご確認のほど、よろしくお願いいたします。\n",
    "> On Monday, Bob wrote:\n> Could you send the spreadsheet with the order numbers?\n"
    "> Order 4711-0815 is still open.\n",
    "The shipment reference is 2026-03-118 and the invoice total is 1,234,500 JPY including "
    "tax. Please let me know if anything is unclear before Friday.\n",
    "Best regards,\n\n-- \nTaro Yamada\nSales, Corp Example Ltd.\n+81 3 1234 5678\n",
};

std::string bodyOfSize(std::size_t bytes)
{
    std::string body;
    body.reserve(bytes + 512);
    for (std::size_t i = 0; body.size() < bytes; ++i) {
        body += paragraphs[i % std::size(paragraphs)];
        body += '\n';
    }
    // Cut at a character boundary, then pad: the body stays valid UTF-8 of exactly `bytes`.
    std::size_t cut = bytes;
    while (cut > 0 && (static_cast<unsigned char>(body[cut]) & 0xC0) == 0x80)
        --cut;
    body.resize(cut);
    body.append(bytes - cut, ' ');
    return body;
}

// A realistic spread of domains: the organisation, a trusted partner, a few providers, one
// lookalike of the organisation, and `clients` client companies.
std::string domainFor(std::size_t index, std::size_t clients)
{
    static const char *const fixed[]
        = {"corp.example", "eu.corp.example", "partner.example", "gmail.com",
           "yahoo.co.jp",  "docomo.ne.jp",    "c0rp.example"};
    const std::size_t slot = index % (std::size(fixed) + clients);
    if (slot < std::size(fixed))
        return fixed[slot];
    return "client" + std::to_string(slot - std::size(fixed)) + ".example";
}

std::string recipient(std::size_t index, std::size_t clients)
{
    const std::string number = std::to_string(index);
    return "Person " + number + " <person." + number + "@" + domainFor(index, clients) + ">";
}

// To, Cc and Bcc in the proportions of a newsletter-like mass mail: most in Bcc.
Draft draftWith(std::size_t recipients, std::size_t clients, std::size_t bodyBytes)
{
    Draft draft;
    draft.from = "Taro Yamada <taro@corp.example>";
    draft.subject = "Revised quote for the March delivery (confidential)";
    draft.body = bodyOfSize(bodyBytes);
    draft.attachments = {
        {"quote-2026-03.pdf", 48213}, {"order-lines.xlsx", 120400}, {"delivery-terms.docx", 30211}};
    for (std::size_t i = 0; i < recipients; ++i) {
        auto &field = i < recipients / 10 ? draft.to : i < recipients / 5 ? draft.cc : draft.bcc;
        field.push_back(recipient(i, clients));
    }
    return draft;
}

Policy companyPolicy()
{
    Policy policy;
    policy.internalDomains = {"corp.example", "*.corp.example"};
    policy.trustedDomains = {"partner.example"};
    policy.attentionDomains = {"competitor.example"};
    policy.attentionTerms = {"confidential", "社外秘"};
    policy.attentionAttachmentSuffixes = {"exe", ".zip"};
    return policy;
}

// A history that knows the client domains, so that lookalike-domain compares against them too.
class KnownDomains : public HistoryView
{
public:
    explicit KnownDomains(std::size_t clients)
    {
        for (std::size_t i = 0; i < clients; ++i)
            m_domains.push_back("client" + std::to_string(i) + ".example");
    }
    std::vector<std::string> knownDomains() const override { return m_domains; }
    std::int64_t domainCount(std::string_view domain) const override
    {
        for (const auto &known : m_domains) {
            if (known == domain)
                return 5;
        }
        return 0;
    }

private:
    std::vector<std::string> m_domains;
};

void runReview(benchmark::State &state, const Draft &draft, const HistoryView *history = nullptr)
{
    const Policy policy = companyPolicy();
    std::size_t findings = 0;
    for (auto _ : state) {
        Review review = reviewDraft(draft, policy, history);
        findings = review.findings.size();
        benchmark::DoNotOptimize(review);
    }
    state.counters["findings"] = static_cast<double>(findings);
    state.counters["recipients"]
        = static_cast<double>(draft.to.size() + draft.cc.size() + draft.bcc.size());
}

// 10 recipients over 4 domains (one a lookalike), 3 attachments, 20 KB body.
void TypicalDraft(benchmark::State &state)
{
    runReview(state, draftWith(10, 3, 20 * 1024));
}
BENCHMARK(TypicalDraft)->Unit(benchmark::kMicrosecond)->Repetitions(5)->ReportAggregatesOnly();

void TypicalDraftWithHistory(benchmark::State &state)
{
    const KnownDomains history(200);
    runReview(state, draftWith(10, 3, 20 * 1024), &history);
}
BENCHMARK(TypicalDraftWithHistory)
    ->Unit(benchmark::kMicrosecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly();

// 5,000 recipients over 57 distinct domains, 1 MB body.
void LargeDraft(benchmark::State &state)
{
    runReview(state, draftWith(5000, 50, 1024 * 1024));
}
BENCHMARK(LargeDraft)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly();

// The worst case for per-domain work: every one of 5,000 recipients at its own domain.
void LargeDraftEveryDomainDistinct(benchmark::State &state)
{
    runReview(state, draftWith(5000, 5000, 1024 * 1024));
}
BENCHMARK(LargeDraftEveryDomainDistinct)->Unit(benchmark::kMillisecond);

// Recipients grow (distinct domains with them, one in 25), the body stays at 20 KB.
void SweepRecipients(benchmark::State &state)
{
    const auto recipients = static_cast<std::size_t>(state.range(0));
    runReview(state, draftWith(recipients, recipients / 25, 20 * 1024));
    state.SetComplexityN(state.range(0));
}
BENCHMARK(SweepRecipients)
    ->Arg(625)
    ->Arg(1250)
    ->Arg(2500)
    ->Arg(5000)
    ->Arg(10000)
    ->Unit(benchmark::kMillisecond)
    ->Complexity(benchmark::oN);

// The body grows, the recipients stay at 10.
void SweepBody(benchmark::State &state)
{
    runReview(state, draftWith(10, 3, static_cast<std::size_t>(state.range(0))));
    state.SetComplexityN(state.range(0));
    state.SetBytesProcessed(state.iterations() * state.range(0));
}
BENCHMARK(SweepBody)
    ->Arg(128 * 1024)
    ->Arg(256 * 1024)
    ->Arg(512 * 1024)
    ->Arg(1024 * 1024)
    ->Arg(2048 * 1024)
    ->Unit(benchmark::kMillisecond)
    ->Complexity(benchmark::oN);

// --- Inputs built to be costly: each must stay linear (the unit tests check their findings) ---

Draft draftToOneClient()
{
    Draft draft;
    draft.from = "Taro Yamada <taro@corp.example>";
    draft.to = {"Alice Example <alice@client.example>"};
    return draft;
}

// A newsletter put in To by mistake: 50,000 recipients, each at its own organisation.
void HostileFiftyThousandDomains(benchmark::State &state)
{
    Draft draft;
    draft.from = "Taro Yamada <taro@corp.example>";
    for (int i = 0; i < 50'000; ++i)
        draft.to.push_back("p" + std::to_string(i) + "@d" + std::to_string(i) + ".example");
    runReview(state, draft);
}
BENCHMARK(HostileFiftyThousandDomains)->Unit(benchmark::kMillisecond);

// An admin's list of 50,000 attention terms and as many attachment words.
void HostileFiftyThousandPolicyTerms(benchmark::State &state)
{
    Policy policy = companyPolicy();
    policy.attachmentReminderTerms.emplace();
    for (int i = 0; i < 50'000; ++i) {
        policy.attentionTerms.push_back("customer " + std::to_string(i));
        policy.attachmentReminderTerms->push_back("file " + std::to_string(i));
    }
    const Draft draft = draftWith(10, 3, 20 * 1024);
    for (auto _ : state)
        benchmark::DoNotOptimize(reviewDraft(draft, policy));
}
BENCHMARK(HostileFiftyThousandPolicyTerms)->Unit(benchmark::kMillisecond);

// Terms nested in each other ("-", "--", ...) that all end at every byte of long runs.
void HostileNestedTerms(benchmark::State &state)
{
    Policy policy = companyPolicy();
    policy.attachmentReminderTerms.emplace();
    for (std::size_t length = 1; length <= 300; ++length) {
        for (const char c : {'a', '-', '1'}) {
            policy.attentionTerms.push_back(std::string(length, c));
            policy.attachmentReminderTerms->push_back(std::string(length, c));
        }
    }
    Draft draft = draftToOneClient();
    draft.body = std::string(300'000, 'a') + "\n" + std::string(300'000, '1') + "\n";
    for (int i = 0; i < 1'000; ++i)
        draft.body += "> " + std::string(300, '-') + "\n";
    for (auto _ : state)
        benchmark::DoNotOptimize(reviewDraft(draft, policy));
}
BENCHMARK(HostileNestedTerms)->Unit(benchmark::kMillisecond);

// A megabyte of near-misses for every content rule: digit runs, half keywords, quoted lines.
void HostileMegabyteBody(benchmark::State &state)
{
    Draft draft = draftToOneClient();
    draft.body = "Dear Mary,\n";
    while (draft.body.size() < 1'000'000)
        draft.body += "4 4 4 4 4 4 4 4 1234-5678- aaaa attachmen マイナンバ ﾃｽﾄ 添\n> attached\n";
    runReview(state, draft);
}
BENCHMARK(HostileMegabyteBody)->Unit(benchmark::kMillisecond);

// --- Huge reference sets for lookalike-domain ---------------------------------------------------

// A made-up company name of 4 to 13 letters from syllables, the same for the same seed.
std::string companyName(std::uint32_t seed)
{
    static const char *const syllables[] = {
        "ka",  "to",  "mi", "ra",  "ne",  "su",  "ko",  "ha",  "ri",  "no",   "ta",   "ze",  "lo",
        "ven", "tor", "ex", "pan", "tek", "sol", "mar", "gen", "dia", "plex", "corp", "lin", "qu"};
    std::uint32_t state = seed * 2654435761u + 12345u;
    const auto next = [&] {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        return state;
    };
    std::string name;
    const std::uint32_t parts = 2 + next() % 4;
    for (std::uint32_t i = 0; i < parts; ++i)
        name += syllables[next() % std::size(syllables)];
    if (next() % 4 == 0)
        name += std::to_string(next() % 100);
    return name;
}

// Most companies under .com, then the Japanese and a few European suffixes.
std::string companyDomain(std::uint32_t seed)
{
    static const char *const suffixes[]
        = {".com", ".com", ".com", ".co.jp", ".co.jp", ".jp", ".net", ".de", ".example"};
    return companyName(seed) + suffixes[seed % std::size(suffixes)];
}

// `count` distinct domains: the references.
std::vector<std::string> companyDomains(std::size_t count)
{
    std::vector<std::string> domains;
    std::unordered_set<std::string> seen;
    for (std::uint32_t seed = 1; domains.size() < count; ++seed) {
        std::string domain = companyDomain(seed);
        if (seen.insert(domain).second)
            domains.push_back(std::move(domain));
    }
    return domains;
}

// `count` recipients at distinct domains none of the references is: one in ten a slip of a
// reference (a doubled letter), one in ten a reference written into another domain, the rest
// other companies' domains.
Draft draftToStrangers(const std::vector<std::string> &references, std::size_t count)
{
    Draft draft;
    draft.from = "Taro Yamada <taro@corp.example>";
    for (std::size_t i = 0; i < count; ++i) {
        const std::string &reference = references[(i * 7919) % references.size()];
        std::string domain;
        if (i % 10 == 0)
            domain = reference.substr(0, 2) + reference.substr(1);
        else if (i % 10 == 1)
            domain = reference + ".account-check.net";
        else
            domain = companyDomain(static_cast<std::uint32_t>(10'000'000 + i));
        draft.to.push_back("p" + std::to_string(i) + "@" + domain);
    }
    return draft;
}

class DomainList : public HistoryView
{
public:
    explicit DomainList(std::vector<std::string> domains)
        : m_domains(std::move(domains))
        , m_known(m_domains.begin(), m_domains.end())
    {}
    std::vector<std::string> knownDomains() const override { return m_domains; }
    std::int64_t domainCount(std::string_view domain) const override
    {
        return m_known.count(std::string(domain)) ? 5 : 0;
    }

private:
    std::vector<std::string> m_domains;
    std::unordered_set<std::string> m_known;
};

// The hostile tester's case: an admin's 100,000 trusted domains, a mail to 1,000 strangers.
// The first review under a policy indexes its references (HugeTrustedListFirstReview: the
// policy changes before every review); later ones reuse the index.
Policy hugeTrustedPolicy(const std::vector<std::string> &references, bool variant)
{
    Policy policy = companyPolicy();
    policy.trustedDomains.insert(policy.trustedDomains.end(), references.begin(), references.end());
    if (variant)
        policy.trustedDomains.push_back("another-partner.example");
    return policy;
}

void HugeTrustedList(benchmark::State &state)
{
    const auto references = companyDomains(static_cast<std::size_t>(state.range(0)));
    const Policy policy = hugeTrustedPolicy(references, false);
    const Draft draft = draftToStrangers(references, static_cast<std::size_t>(state.range(1)));
    std::size_t findings = reviewDraft(draft, policy).findings.size(); // indexes the policy
    for (auto _ : state) {
        const Review review = reviewDraft(draft, policy);
        findings = review.findings.size();
    }
    state.counters["findings"] = static_cast<double>(findings);
}
BENCHMARK(HugeTrustedList)
    ->Args({100'000, 1'000})
    ->Args({10'000, 1'000})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);

void HugeTrustedListFirstReview(benchmark::State &state)
{
    const auto references = companyDomains(static_cast<std::size_t>(state.range(0)));
    const Policy policies[]
        = {hugeTrustedPolicy(references, false), hugeTrustedPolicy(references, true)};
    const Draft draft = draftToStrangers(references, static_cast<std::size_t>(state.range(1)));
    std::size_t round = 0;
    for (auto _ : state)
        benchmark::DoNotOptimize(reviewDraft(draft, policies[round++ % 2]));
}
BENCHMARK(HugeTrustedListFirstReview)
    ->Args({100'000, 1'000})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(2);

// The same references as a history, whose index is kept between reviews: what remains is the
// comparison of each recipient domain with the references.
void HugeHistory(benchmark::State &state)
{
    const DomainList history(companyDomains(static_cast<std::size_t>(state.range(0))));
    const Draft draft
        = draftToStrangers(history.knownDomains(), static_cast<std::size_t>(state.range(1)));
    const Policy policy = companyPolicy();
    reviewDraft(draft, policy, &history); // builds the history's index
    std::size_t findings = 0;
    for (auto _ : state) {
        const Review review = reviewDraft(draft, policy, &history);
        findings = review.findings.size();
    }
    state.counters["findings"] = static_cast<double>(findings);
}
BENCHMARK(HugeHistory)
    ->Args({100'000, 1'000})
    ->Args({10'000, 1'000})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);

} // namespace
} // namespace sendguard

BENCHMARK_MAIN();
