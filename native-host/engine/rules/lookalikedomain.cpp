#include "rules.h"
#include "rulesupport.h"

#include "../address.h"
#include "../spoofchecker.h"
#include "../typodistance.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

// `lookalike-domain`: a recipient domain that is not itself known but is confusable with one
// that is (a reference domain), or that mixes scripts in one label.
//
// Reference domains: the internal ones (the exact and wildcard patterns of internalDomains, or
// the sender's domain when there are none), the trusted ones, the history's known domains, and
// the well-known mail providers in mailproviders.inc.
//
// Domains are compared by their registrable part, aligned on the reference: "docomo.ne.jp" is
// name "docomo" under suffix "ne.jp", so "mail.docomo.ne.jq" is compared as "docomo" + "ne.jq".
// A domain whose registrable part equals a reference's is the same organisation (a subdomain or
// a sibling of it) and never a lookalike. What makes a lookalike, and the thresholds:
//
// 1. Confusable (UTS #39 section 4): the skeletons of the registrable parts are equal but the
//    parts differ: "pаypal.com" (Cyrillic а), "rnicrosoft.com", "gmai1.com".
// 2. A slip of the keyboard (typodistance.h, in half steps), either in the name with the suffix
//    equal, or in the suffix with the name equal (two slips in two places are rare):
//    - name of the reference up to 3 characters: one digit-for-letter substitution ("a0l"),
//      nothing else. Almost every short name is taken: abc.com and abd.com are both real.
//    - 4 or 5 characters: one likely slip (neighbouring key, swap, doubled letter, digit for
//      letter): "c0rp", "gmial", "yahooo". A plain insertion, deletion or unrelated
//      substitution makes another word too often ("mail"/"maid", "email"/"gmail").
//    - 6 to 9 characters: one edit of any kind or two likely slips: "partnerr", "outlok".
//    - 10 or more: one edit and one likely slip, or three likely slips.
//    - the suffix: one edit ("gmail.co", "gmail.cm", "docomo.ne.jq"), whatever the name's length.
//    An edit at the first character costs half a step more, so "cloud" is not "icloud".
//    Words that merely share a part stay far apart: "acme-logistics" vs "acme" is 10 edits,
//    "corporate" vs "corp" 5.
// 3. Embedded: the reference's registrable part, name and suffix together, reappears in another
//    domain at word boundaries (labels and hyphens), its dots kept, turned into hyphens or
//    dropped: "corp.example.attacker.com", "corp-example.com", "corpexample.com",
//    "corp.example-mail.com", "partner-co-jp.com". It stays silent where that is ordinary:
//    - the reference's text ends the domain, dots kept: a subdomain ("mail.corp.example", the
//      same organisation anyway) or another company whose name ends in the word
//      ("mail-corp.example", "piggy-bank.com" for "bank.com");
//    - a one-label suffix followed by one two-letter label: a country variant ("yahoo.com.au",
//      "acme.co.uk" for "acme.co"), which the Public Suffix List would call a sibling;
//    - names of up to 3 characters glued to their suffix ("mecom.net" for "me.com"): a word as
//      often as an imitation;
//    - a word shared without the suffix ("atlas-freight.com", "examplecorp.com", "corporate").
//    Only a resemblance of kind 1 or 2 is reported when there is one: it is the closer.
//    Known gaps, by design of the form it looks for: a name borrowed without its suffix
//    ("gmail-secure.com") looks exactly like a company sharing a word ("atlas-freight.com") and
//    stays silent, as does a copy glued inside a longer word ("xcorpexample.com"); a reference
//    under a word-like top-level domain fires on an ordinary subdomain ("sales.tokyo" against
//    "sales.tokyo-hotel.com"), and a 4-letter name glued to "com" may be a word ("livecom.net").
// 4. On its own, a label whose scripts UTS #39 section 5.2 rates below "highly restrictive"
//    (Latin with Cyrillic or Greek): it says so even when it resembles no reference.
//
// Cost: the policy's references are indexed whenever its lists change, the mail providers once
// per process, the history's whenever its list of domains changes; each distinct recipient
// domain is looked at once: a skeleton and three hash look-ups per suffix length, a pass over
// the packed names of nearby lengths under its suffix (NameTable) with distances measured only
// for those whose characters are close enough, distances against the references of the same
// name, and one hash look-up for each run of its words (labels and hyphen-separated parts) for
// the embedded references.
// TODO: the slip search still reads every reference of a nearby length under the recipient's
// suffix (0.4 s for 1,000 recipients against 100,000 references, bench_review's Huge cases); a
// trie walk was slower on dense names, grouping by first character (exact only for names up
// to 9 characters) gained nothing measurable, and an exact deletion index for three edits is
// too large to rebuild whenever the history changes.

namespace sendguard::rules {

namespace {

// Public suffixes of two labels that mail domains commonly sit under. A suffix not listed
// counts as one label, which for an unlisted two-label suffix ("example.com.pl") makes the
// whole suffix look like a registrable domain, and its lookalikes go unseen.
// TODO: the Public Suffix List would be exact; it is a data file to ship and update (issue 3).
constexpr std::array<std::string_view, 40> twoLabelSuffixes{
    "ac.jp",  "ad.jp",  "co.jp", "ed.jp",  "go.jp",  "gr.jp",  "lg.jp",  "ne.jp",
    "or.jp",  "ac.uk",  "co.uk", "gov.uk", "me.uk",  "org.uk", "com.au", "net.au",
    "org.au", "edu.au", "co.nz", "com.br", "com.cn", "net.cn", "org.cn", "com.hk",
    "com.tw", "co.kr",  "or.kr", "com.sg", "co.in",  "co.za",  "com.mx", "com.tr",
    "com.ar", "co.il",  "co.id", "com.my", "co.th",  "com.ph", "com.vn", "com.sa",
};

const char *const mailProviders[] = {
#include "mailproviders.inc"
};

// Kinds in the order a resemblance is reported when a domain resembles several references.
enum class ReferenceKind { Internal, Trusted, History, MailProvider };

std::vector<std::string_view> labelsOf(std::string_view domain)
{
    std::vector<std::string_view> labels;
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = domain.find('.', start);
        labels.push_back(domain.substr(start, dot - start));
        if (dot == std::string_view::npos)
            return labels;
        start = dot + 1;
    }
}

std::string joined(const std::vector<std::string_view> &labels, std::size_t from)
{
    std::string text;
    for (std::size_t i = from; i < labels.size(); ++i) {
        if (i > from)
            text += '.';
        text += labels[i];
    }
    return text;
}

std::size_t suffixLabelCount(const std::vector<std::string_view> &asciiLabels)
{
    if (asciiLabels.size() < 2)
        return 0;
    if (asciiLabels.size() >= 3) {
        const std::string lastTwo = joined(asciiLabels, asciiLabels.size() - 2);
        if (std::find(twoLabelSuffixes.begin(), twoLabelSuffixes.end(), lastTwo)
            != twoLabelSuffixes.end())
            return 2;
    }
    return 1;
}

// The characters a name holds, one bit each (a..z, 0..9, '-'; any other code point shares the
// remaining bits). One edit (substitution, insertion, deletion or swap) changes at most two
// bits, and every edit costs at least one half step (typodistance.h), so two names whose sets
// differ in more than 2 * threshold bits are farther apart than the threshold: a cheap test
// that spares the distance computation for almost every reference of a large history.
std::uint64_t characterSet(std::u32string_view name)
{
    std::uint64_t bits = 0;
    for (const char32_t c : name) {
        if (c >= U'a' && c <= U'z')
            bits |= std::uint64_t{1} << (c - U'a');
        else if (c >= U'0' && c <= U'9')
            bits |= std::uint64_t{1} << (26 + (c - U'0'));
        else if (c == U'-')
            bits |= std::uint64_t{1} << 36;
        else
            bits |= std::uint64_t{1} << (37 + c % 27);
    }
    return bits;
}

// The number of bits set. std::popcount is a library call where the build does not assume the
// processor's instruction (x86-64 baseline), and the name tables count bits for every entry.
int bitCount(std::uint64_t bits)
{
    bits -= (bits >> 1) & 0x5555555555555555u;
    bits = (bits & 0x3333333333333333u) + ((bits >> 2) & 0x3333333333333333u);
    bits = (bits + (bits >> 4)) & 0x0F0F0F0F0F0F0F0Fu;
    return static_cast<int>((bits * 0x0101010101010101u) >> 56);
}

// A domain's registrable part when its public suffix has `suffixLabels` labels.
struct RegistrablePart
{
    std::string text;                 // Unicode: "docomo.ne.jp"
    std::u32string name;              // "docomo"
    std::u32string suffix;            // "ne.jp"
    std::uint64_t nameCharacters = 0; // characterSet(name)
};

std::optional<RegistrablePart> registrablePart(const std::vector<std::string_view> &labels,
                                               std::size_t suffixLabels)
{
    if (labels.size() < suffixLabels + 1)
        return std::nullopt;
    const std::size_t nameIndex = labels.size() - suffixLabels - 1;
    RegistrablePart part;
    part.text = joined(labels, nameIndex);
    part.name = toCodePoints(labels[nameIndex]);
    part.nameCharacters = characterSet(part.name);
    part.suffix = toCodePoints(joined(labels, nameIndex + 1));
    return part;
}

// Look-up keys carry the suffix length, so that only parts aligned the same way meet.
std::string keyFor(std::size_t suffixLabels, std::string_view text)
{
    std::string key(1, static_cast<char>('0' + suffixLabels));
    key += text;
    return key;
}

std::string keyFor(std::size_t suffixLabels, const std::u32string &text)
{
    std::string key(1, static_cast<char>('0' + suffixLabels));
    key.append(reinterpret_cast<const char *>(text.data()), text.size() * sizeof(char32_t));
    return key;
}

// A registrable part's text without its dots and hyphens, the key under which an embedded copy
// is found whatever became of its separators: "partner.co.jp" and "partner-co-jp" are
// "partnercojp".
std::string squashed(std::string_view text)
{
    std::string letters;
    letters.reserve(text.size());
    for (const char c : text) {
        if (c != '.' && c != '-')
            letters += c;
    }
    return letters;
}

// One bit for each length up to 62, one for all longer: a set of lengths in a word.
std::uint64_t lengthBit(std::size_t length)
{
    return std::uint64_t{1} << std::min<std::size_t>(length, 63);
}

struct Reference
{
    NormalisedDomain domain;
    ReferenceKind kind = ReferenceKind::MailProvider;
    std::size_t suffixLabels = 1;
    RegistrablePart part;
    std::size_t order = 0; // position in its index: the earlier of two equally close wins
};

// How a domain resembles a reference: the smaller, the closer.
struct Resemblance
{
    const Reference *reference = nullptr;
    int distance = 0; // half steps; 0 for a confusable (skeleton) match

    bool closerThan(const Resemblance &other) const
    {
        if (!other.reference)
            return true;
        if (distance != other.distance)
            return distance < other.distance;
        return reference->kind < other.reference->kind;
    }
};

int nameThreshold(std::size_t referenceLength)
{
    if (referenceLength <= 5)
        return 1;
    if (referenceLength <= 9)
        return 2;
    return 3;
}

constexpr int suffixThreshold = 2;

// The names of the references under one suffix, grouped by length and packed with what the two
// cheap tests of nameDistance need (the length and the set of characters), so that a name is
// measured only against references of a length within reach, in one sequential pass over
// small entries instead of a pointer chase through every reference under the suffix. Each
// inserted or dropped character costs at least one half step, so a reference whose length is
// further from the name's than its threshold is beyond it: those groups are never read.
class NameTable
{
public:
    void add(const Reference *reference)
    {
        const std::size_t length = reference->part.name.size();
        if (m_byLength.size() <= length)
            m_byLength.resize(length + 1);
        m_byLength[length].push_back({reference->part.nameCharacters, reference});
    }

    // Calls `visit` with every reference that passes the length and character tests of
    // nameDistance for `part` (and only those), in no particular order.
    template<typename Visit>
    void forEachNear(const RegistrablePart &part, Visit &&visit) const
    {
        const std::size_t typed = part.name.size();
        const std::size_t first = typed > 3 ? typed - 3 : 0;
        const std::size_t last = std::min(typed + 3, m_byLength.size() - 1);
        for (std::size_t length = first; length <= last && length < m_byLength.size(); ++length) {
            const int threshold = nameThreshold(length);
            const std::size_t gap = length > typed ? length - typed : typed - length;
            if (static_cast<int>(gap) > threshold)
                continue;
            for (const Entry &entry : m_byLength[length]) {
                if (bitCount(entry.characters ^ part.nameCharacters) <= 2 * threshold)
                    visit(*entry.reference);
            }
        }
    }

private:
    struct Entry
    {
        std::uint64_t characters; // characterSet(name)
        const Reference *reference;
    };

    std::vector<std::vector<Entry>> m_byLength; // by the name's length in code points
};

// The reference domains of one kind of source, indexed for the three look-ups.
class ReferenceIndex
{
public:
    ReferenceIndex() = default;
    ReferenceIndex(ReferenceIndex &&) = default; // a moved deque keeps its elements in place
    ReferenceIndex &operator=(ReferenceIndex &&) = default;
    ReferenceIndex(const ReferenceIndex &) = delete; // a copy's buckets would point at the original
    ReferenceIndex &operator=(const ReferenceIndex &) = delete;

    void add(const NormalisedDomain &domain, ReferenceKind kind)
    {
        if (!m_known.insert(domain.ascii).second)
            return;
        const auto asciiLabels = labelsOf(domain.ascii);
        const std::size_t suffixLabels = suffixLabelCount(asciiLabels);
        auto part = registrablePart(labelsOf(domain.unicode), suffixLabels);
        if (!part)
            return;
        auto &reference = m_references.emplace_back(
            Reference{domain, kind, suffixLabels, std::move(part).value(), m_references.size()});
        const Reference *stored = &reference;
        if (m_registrable.insert(keyFor(suffixLabels, stored->part.text)).second
            && suffixLabels > 0) {
            std::string letters = squashed(stored->part.text);
            m_longestEmbedding = std::max(m_longestEmbedding, letters.size());
            m_embeddingLengths |= lengthBit(letters.size());
            m_byLetters[std::move(letters)].push_back(stored);
        }
        const std::string skeleton = SpoofChecker::instance().skeleton(stored->part.text);
        if (!skeleton.empty())
            m_bySkeleton[keyFor(suffixLabels, skeleton)].push_back(stored);
        m_bySuffix[keyFor(suffixLabels, stored->part.suffix)].push_back(stored);
        m_namesBySuffix[keyFor(suffixLabels, stored->part.suffix)].add(stored);
        m_byName[keyFor(suffixLabels, stored->part.name)].push_back(stored);
        if (std::find(m_suffixLengths.begin(), m_suffixLengths.end(), suffixLabels)
            == m_suffixLengths.end())
            m_suffixLengths.push_back(suffixLabels);
    }

    bool knows(const std::string &ascii) const { return m_known.count(ascii) != 0; }
    const std::vector<std::size_t> &suffixLengths() const { return m_suffixLengths; }

    // Whether `part` is the registrable part of a reference: the same organisation.
    bool sameOrganisation(std::size_t suffixLabels, const RegistrablePart &part) const
    {
        return m_registrable.count(keyFor(suffixLabels, part.text)) != 0;
    }

    // The references whose registrable part, without dots and hyphens, is `letters`; one for
    // each registrable part, the first one added.
    const std::vector<const Reference *> *embeddable(const std::string &letters) const
    {
        const auto bucket = m_byLetters.find(letters);
        return bucket == m_byLetters.end() ? nullptr : &bucket->second;
    }
    std::size_t longestEmbedding() const { return m_longestEmbedding; }
    // lengthBit() of every key of embeddable(), or-ed: most runs of words are looked up nowhere.
    std::uint64_t embeddingLengths() const { return m_embeddingLengths; }

    void findResemblance(std::size_t suffixLabels, const RegistrablePart &part,
                         const std::string &skeleton, Resemblance &best,
                         ReferenceSearch search) const
    {
        if (!skeleton.empty())
            consider(m_bySkeleton, keyFor(suffixLabels, skeleton), best,
                     [](const Reference &) { return 0; });
        if (search == ReferenceSearch::Indexed)
            considerNear(keyFor(suffixLabels, part.suffix), part, best);
        else
            consider(m_bySuffix, keyFor(suffixLabels, part.suffix), best,
                     [&](const Reference &reference) { return nameDistance(reference, part); });
        consider(m_byName, keyFor(suffixLabels, part.name), best,
                 [&](const Reference &reference) { return suffixDistance(reference, part); });
    }

private:
    using Buckets = std::unordered_map<std::string, std::vector<const Reference *>>;

    template<typename Distance>
    static void consider(const Buckets &buckets, const std::string &key, Resemblance &best,
                         Distance distance)
    {
        const auto bucket = buckets.find(key);
        if (bucket == buckets.end())
            return;
        for (const Reference *reference : bucket->second) {
            const int found = distance(*reference);
            if (found < 0)
                continue;
            const Resemblance candidate{reference, found};
            if (candidate.closerThan(best))
                best = candidate;
        }
    }

    // The same choice as consider() over the suffix's bucket, which takes the first of the
    // closest in the order the references were added: the table visits them in another order.
    void considerNear(const std::string &suffixKey, const RegistrablePart &part,
                      Resemblance &best) const
    {
        const auto names = m_namesBySuffix.find(suffixKey);
        if (names == m_namesBySuffix.end())
            return;
        Resemblance nearest;
        names->second.forEachNear(part, [&](const Reference &reference) {
            const int found = nameDistance(reference, part);
            if (found < 0)
                return;
            const Resemblance candidate{&reference, found};
            const bool tied = nearest.reference && !nearest.closerThan(candidate)
                              && reference.order < nearest.reference->order;
            if (candidate.closerThan(nearest) || tied)
                nearest = candidate;
        });
        if (nearest.reference && nearest.closerThan(best))
            best = nearest;
    }

    // The slip distance between names under the same suffix, or -1 when beyond the threshold.
    static int nameDistance(const Reference &reference, const RegistrablePart &part)
    {
        const std::size_t length = reference.part.name.size();
        const int threshold = nameThreshold(length);
        // Each inserted or dropped character costs at least one half step.
        const auto lengthGap
            = std::abs(static_cast<long>(length) - static_cast<long>(part.name.size()));
        if (lengthGap > threshold)
            return -1;
        if (bitCount(reference.part.nameCharacters ^ part.nameCharacters) > 2 * threshold)
            return -1;
        const bool visualOnly = length <= 3;
        const int distance
            = typoDistanceUpTo(reference.part.name, part.name, visualOnly, threshold);
        return distance <= threshold ? distance : -1;
    }

    static int suffixDistance(const Reference &reference, const RegistrablePart &part)
    {
        const int distance
            = typoDistanceUpTo(reference.part.suffix, part.suffix, false, suffixThreshold);
        return distance <= suffixThreshold ? distance : -1;
    }

    std::deque<Reference> m_references;            // a deque: the buckets point into it
    std::unordered_set<std::string> m_known;       // A-label forms
    std::unordered_set<std::string> m_registrable; // keyFor(suffix length, registrable part)
    Buckets m_bySkeleton;
    Buckets m_bySuffix;
    Buckets m_byName;
    std::unordered_map<std::string, NameTable> m_namesBySuffix; // m_bySuffix, by length
    std::unordered_map<std::string, std::vector<const Reference *>> m_byLetters; // squashed()
    std::size_t m_longestEmbedding = 0;
    std::uint64_t m_embeddingLengths = 0;
    std::vector<std::size_t> m_suffixLengths;
};

const ReferenceIndex &mailProviderIndex()
{
    static const ReferenceIndex index = [] {
        ReferenceIndex providers;
        for (const char *provider : mailProviders) {
            if (auto domain = normaliseDomain(provider))
                providers.add(domain.value(), ReferenceKind::MailProvider);
        }
        return providers;
    }();
    return index;
}

// A policy pattern's domain: "corp.example" and "*.corp.example" name corp.example; a single
// address ("name@partner.example") does not make its domain a reference, nor does a blank or a
// comment.
std::optional<NormalisedDomain> patternDomain(std::string_view pattern)
{
    const auto first = pattern.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return std::nullopt;
    pattern = pattern.substr(first, pattern.find_last_not_of(" \t") - first + 1);
    if (pattern.front() == '#' || pattern.find('@') != std::string_view::npos)
        return std::nullopt;
    if (pattern.starts_with("*."))
        pattern.remove_prefix(2);
    auto domain = normaliseDomain(pattern);
    if (!domain)
        return std::nullopt;
    return std::move(domain).value();
}

void addPatterns(ReferenceIndex &index, const std::vector<std::string> &patterns,
                 ReferenceKind kind)
{
    for (const auto &pattern : patterns) {
        if (auto domain = patternDomain(pattern))
            index.add(*domain, kind);
    }
}

// The same sender fallback as the engine's internal patterns (engine.cpp).
void addSenderDomain(ReferenceIndex &index, const Draft &draft)
{
    const auto sender = parseAddressList(draft.from);
    if (!sender || sender.value().size() != 1)
        return;
    if (auto domain = normaliseDomain(sender.value().front().domain))
        index.add(domain.value(), ReferenceKind::Internal);
}

// The history hands over normalised A-label forms; only those with a punycode label need ICU
// for their Unicode form. Anything else is normalised as a policy entry would be.
std::optional<NormalisedDomain> historyDomain(const std::string &known)
{
    const bool plain = std::all_of(known.begin(), known.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
    });
    if (plain && !known.empty() && known.find("xn--") == std::string::npos)
        return NormalisedDomain{known, known};
    auto domain = normaliseDomain(known);
    if (!domain)
        return std::nullopt;
    return std::move(domain).value();
}

// The policy's references, kept from one review to the next while the lists (and, without
// internalDomains, the sender) stay the same: an admin's list of 100,000 trusted domains costs
// far more to index than a review, and comparing the lists is linear.
std::shared_ptr<const ReferenceIndex> policyReferences(const RuleContext &context)
{
    struct Source
    {
        std::vector<std::string> internal;
        std::vector<std::string> trusted;
        std::string sender; // only when internal is empty
    };
    static std::mutex mutex;
    static Source cachedSource;
    static std::shared_ptr<const ReferenceIndex> cachedIndex;

    const Policy &policy = context.policy;
    const std::string sender = policy.internalDomains.empty() ? context.draft.from : "";
    const std::lock_guard lock(mutex);
    if (cachedIndex && cachedSource.sender == sender
        && cachedSource.internal == policy.internalDomains
        && cachedSource.trusted == policy.trustedDomains)
        return cachedIndex;
    auto index = std::make_shared<ReferenceIndex>();
    if (policy.internalDomains.empty())
        addSenderDomain(*index, context.draft);
    addPatterns(*index, policy.internalDomains, ReferenceKind::Internal);
    addPatterns(*index, policy.trustedDomains, ReferenceKind::Trusted);
    cachedSource = Source{policy.internalDomains, policy.trustedDomains, sender};
    cachedIndex = index;
    return index;
}

// The history's references, kept from one review to the next while its domains stay the same:
// the host reviews many drafts against one history, and indexing thousands of domains would
// cost more than the rest of a review. Comparing the lists is linear and allocates nothing.
std::shared_ptr<const ReferenceIndex> historyReferences(const HistoryView &history)
{
    static std::mutex mutex;
    static std::vector<std::string> cachedDomains;
    static std::shared_ptr<const ReferenceIndex> cachedIndex;

    std::vector<std::string> domains = history.knownDomains();
    const std::lock_guard lock(mutex);
    if (cachedIndex && domains == cachedDomains)
        return cachedIndex;
    auto index = std::make_shared<ReferenceIndex>();
    for (const auto &known : domains) {
        if (auto domain = historyDomain(known))
            index->add(*domain, ReferenceKind::History);
    }
    cachedDomains = std::move(domains);
    cachedIndex = index;
    return index;
}

// What a finding says about one recipient domain (rulesupport.h, findingFor).
struct LookalikeMessage
{
    std::string kind;
    MessageArgs args;
    std::string message;
};

// The finding's kind and the English words for what the reference is. `timesWritten` counts
// the mails to a history reference. An embedded reference's kinds are "lookalike.embeds...".
std::pair<std::string, std::string> describeReference(const Reference &reference,
                                                      std::int64_t timesWritten, bool embedded)
{
    const auto kind = [&](const char *resembles, const char *embeds) {
        return std::string(embedded ? embeds : resembles);
    };
    switch (reference.kind) {
    case ReferenceKind::Internal:
        return {kind("lookalike.internal", "lookalike.embedsInternal"),
                "your organisation's own domain"};
    case ReferenceKind::Trusted:
        return {kind("lookalike.trusted", "lookalike.embedsTrusted"), "a trusted domain"};
    case ReferenceKind::History:
        if (timesWritten <= 0)
            return {kind("lookalike.historyUncounted", "lookalike.embedsHistoryUncounted"),
                    "a domain you have written to before"};
        return {kind("lookalike.history", "lookalike.embedsHistory"),
                "a domain you have written to " + englishCount(timesWritten, "time", "times")};
    case ReferenceKind::MailProvider:
        break;
    }
    return {kind("lookalike.mailProvider", "lookalike.embedsMailProvider"),
            "a well-known mail provider"};
}

// The words of a domain: its labels and their hyphen-separated parts, as byte ranges of the
// Unicode form. An embedded reference starts and ends on their boundaries.
struct Word
{
    std::size_t start = 0;
    std::size_t end = 0;
};

std::vector<Word> wordsOf(std::string_view domain)
{
    std::vector<Word> words;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= domain.size(); ++i) {
        if (i < domain.size() && domain[i] != '.' && domain[i] != '-')
            continue;
        if (i > start)
            words.push_back({start, i});
        start = i + 1;
    }
    return words;
}

// "au" in "yahoo.com.au": what follows a one-label suffix in a country variant.
bool isCountryCodeLabel(std::string_view rest)
{
    const auto letter = [](char c) {
        return c >= 'a' && c <= 'z';
    };
    return rest.size() == 3 && rest[0] == '.' && letter(rest[1]) && letter(rest[2]);
}

// Whether the reference's registrable part, found at [start, end) of `domain` with its
// separators possibly changed, imitates it rather than being an ordinary use of the words (see
// the list at the top of this file).
bool imitatesAt(std::string_view domain, std::size_t start, std::size_t end,
                const Reference &reference)
{
    const std::string &text = reference.part.text;
    const bool dotsKept = domain.substr(start, end - start) == text;
    if (dotsKept && end == domain.size())
        return false;
    if (dotsKept && reference.suffixLabels == 1 && isCountryCodeLabel(domain.substr(end)))
        return false;
    if (reference.part.name.size() > 3)
        return true;
    const std::string_view name = std::string_view(text).substr(0, text.find('.'));
    const std::size_t after = start + name.size();
    return domain.substr(start, name.size()) == name && after < domain.size()
           && (domain[after] == '.' || domain[after] == '-');
}

// The scripts of the first label that mixes them, or none.
std::vector<std::string> mixedScripts(const NormalisedDomain &domain)
{
    if (!domain.isIdn())
        return {};
    const SpoofChecker &checker = SpoofChecker::instance();
    for (const auto label : labelsOf(domain.unicode)) {
        if (checker.mixesScripts(label))
            return checker.scriptNames(label);
    }
    return {};
}

// Looks at one distinct recipient domain against every reference.
class LookalikeFinder
{
public:
    LookalikeFinder(const RuleContext &context, ReferenceSearch search)
        : m_context(context)
        , m_search(search)
    {}

    // What the finding for `domain` says, or nothing when it looks like no reference.
    std::optional<LookalikeMessage> examine(const NormalisedDomain &domain)
    {
        m_sameOrganisation = false;
        if (isKnown(domain))
            return std::nullopt;
        Resemblance resemblance = closestReference(domain);
        bool embedded = false;
        if (!resemblance.reference && !m_sameOrganisation) {
            resemblance = embeddedReference(domain);
            embedded = resemblance.reference != nullptr;
        }
        const auto scripts = mixedScripts(domain);
        if (!resemblance.reference && scripts.empty())
            return std::nullopt;

        LookalikeMessage said;
        const std::string shown = domainForPeople(domain);
        said.args.text["domain"] = shown;
        if (!scripts.empty())
            said.args.lists["scripts"] = scripts;
        if (!resemblance.reference) {
            said.kind = "lookalike.mixedScript";
            said.message = shown + " mixes " + englishList(scripts)
                           + " letters in one name, a common way to imitate another domain. "
                             "Check that it is the domain you mean.";
            return said;
        }
        const Reference &reference = *resemblance.reference;
        const std::string resembles = domainForPeople(reference.domain);
        said.args.text["resembles"] = resembles;
        said.args.text["how"] = embedded                    ? "embedded"
                                : resemblance.distance == 0 ? "confusable"
                                                            : "typo";
        std::int64_t timesWritten = 0;
        if (reference.kind == ReferenceKind::History) {
            // One indexed look-up, only for a domain that already looks like a known one.
            timesWritten = m_context.history->domainCount(reference.domain.ascii);
            said.args.counts["timesWritten"] = timesWritten;
        }
        const auto [kind, what] = describeReference(reference, timesWritten, embedded);
        said.kind = kind;
        if (embedded)
            said.message = shown + " is not " + resembles + ", " + what
                           + ", but has its name written into it. Check that it is the domain "
                             "you mean.";
        else
            said.message = shown + " looks like " + resembles + ", " + what
                           + ", but is a different domain. Check the spelling before sending.";
        if (!scripts.empty())
            said.message
                += " Its name mixes " + englishList(scripts) + " letters, a common disguise.";
        return said;
    }

private:
    using Indexes = std::array<const ReferenceIndex *, 3>;

    // Built on first need: a draft to known domains only never indexes the history.
    const Indexes &indexes()
    {
        if (m_indexes[0])
            return m_indexes;
        m_policyReferences = policyReferences(m_context);
        if (m_context.history)
            m_historyReferences = historyReferences(*m_context.history);
        static const ReferenceIndex none;
        m_indexes = {m_policyReferences.get(),
                     m_historyReferences ? m_historyReferences.get() : &none, &mailProviderIndex()};
        return m_indexes;
    }

    bool isKnown(const NormalisedDomain &domain)
    {
        if (mailProviderIndex().knows(domain.ascii))
            return true;
        if (m_context.history && m_context.history->domainCount(domain.ascii) > 0)
            return true;
        const auto &all = indexes();
        return std::any_of(all.begin(), all.end(),
                           [&](const ReferenceIndex *index) { return index->knows(domain.ascii); });
    }

    Resemblance closestReference(const NormalisedDomain &domain)
    {
        const auto labels = labelsOf(domain.unicode);
        const Indexes &indexes = this->indexes();
        Resemblance best;
        for (std::size_t suffixLabels = 0; suffixLabels <= 2; ++suffixLabels) {
            const auto part = registrablePart(labels, suffixLabels);
            if (!part || !alignedInAny(indexes, suffixLabels))
                continue;
            for (const ReferenceIndex *index : indexes) {
                if (index->sameOrganisation(suffixLabels, *part)) {
                    m_sameOrganisation = true;
                    return Resemblance{};
                }
            }
            const std::string skeleton = SpoofChecker::instance().skeleton(part->text);
            for (const ReferenceIndex *index : indexes)
                index->findResemblance(suffixLabels, *part, skeleton, best, m_search);
        }
        return best;
    }

    // The reference whose registrable part reappears in `domain` as an imitation: of the
    // closest kind, and of those the first found from the left. Each run of consecutive words
    // of a length some reference has is one hash look-up per index, and runs stop growing past
    // the longest reference.
    Resemblance embeddedReference(const NormalisedDomain &domain)
    {
        const std::string_view text = domain.unicode;
        const auto words = wordsOf(text);
        const Indexes &indexes = this->indexes();
        std::size_t longest = 0;
        std::uint64_t lengths = 0;
        for (const ReferenceIndex *index : indexes) {
            longest = std::max(longest, index->longestEmbedding());
            lengths |= index->embeddingLengths();
        }
        Resemblance best;
        std::string letters;
        for (std::size_t first = 0; first < words.size(); ++first) {
            letters.clear();
            for (std::size_t last = first; last < words.size(); ++last) {
                const Word &word = words[last];
                letters.append(text.substr(word.start, word.end - word.start));
                if (letters.size() > longest)
                    break;
                if (!(lengths & lengthBit(letters.size())))
                    continue;
                for (const ReferenceIndex *index : indexes) {
                    const auto *references = index->embeddable(letters);
                    if (!references)
                        continue;
                    for (const Reference *reference : *references) {
                        const Resemblance candidate{reference, 0};
                        if (imitatesAt(text, words[first].start, word.end, *reference)
                            && candidate.closerThan(best))
                            best = candidate;
                    }
                }
            }
        }
        return best;
    }

    static bool alignedInAny(const Indexes &indexes, std::size_t suffixLabels)
    {
        return std::any_of(indexes.begin(), indexes.end(), [&](const ReferenceIndex *index) {
            const auto &lengths = index->suffixLengths();
            return std::find(lengths.begin(), lengths.end(), suffixLabels) != lengths.end();
        });
    }

    const RuleContext &m_context;
    ReferenceSearch m_search;
    std::shared_ptr<const ReferenceIndex> m_policyReferences;  // internal and trusted
    std::shared_ptr<const ReferenceIndex> m_historyReferences; // shared with later reviews
    Indexes m_indexes{};
    bool m_sameOrganisation = false; // set by closestReference for the domain it looked at
};

} // namespace

bool isMailProvider(std::string_view asciiDomain)
{
    return mailProviderIndex().knows(std::string(asciiDomain));
}

void checkLookalikeDomains(const Review &review, const RuleContext &context,
                           std::vector<Finding> &findings)
{
    checkLookalikeDomains(review, context, findings, ReferenceSearch::Indexed);
}

void checkLookalikeDomains(const Review &review, const RuleContext &context,
                           std::vector<Finding> &findings, ReferenceSearch search)
{
    LookalikeFinder finder(context, search);
    // Each distinct domain is examined once, however many recipients share it.
    std::unordered_map<std::string, std::optional<LookalikeMessage>> verdicts;
    for (std::size_t i = 0; i < review.recipients.size(); ++i) {
        const auto &recipient = review.recipients[i];
        if (!isExternalUntrusted(recipient))
            continue;
        auto [entry, inserted] = verdicts.try_emplace(recipient.domain.ascii);
        if (inserted)
            entry->second = finder.examine(recipient.domain);
        if (const auto &said = entry->second)
            findings.push_back(
                findingFor(recipientTarget(i), said->kind, said->args, said->message));
    }
}

} // namespace sendguard::rules
