#include "rulesupport.h"
#include "textsearch.h"

#include "../textnormaliser.h"

namespace sendguard::rules {

namespace {

// Past this many attachment names a term was found in, the rest are counted, not named.
constexpr std::size_t kAttachmentsNamed = 3;

} // namespace

// `attention-term`: a word or phrase from the policy's attentionTerms in the subject, the body
// or an attachment name. Both sides are folded (NFKC plus case folding), so
// "ＣＯＮＦＩＤＥＮＴＩＡＬ", "Confidential" and "confidential" are one term, as are half-width
// "ｼﾞｮｳﾎｳ" and "ジョウホウ". One finding per term, naming every place it appears.
void checkAttentionTerms(const Review &review, const RuleContext &context,
                         std::vector<Finding> &findings)
{
    const std::vector<PolicyTerm> terms = policyTerms(context.policy.attentionTerms);
    if (terms.empty())
        return;
    std::vector<std::string> folded;
    for (const auto &term : terms)
        folded.push_back(term.folded);
    const TermMatcher matcher(folded);
    // Which places each term was found in: the subject, the body, then each attachment name.
    const std::size_t placeCount = 2 + review.attachments.size();
    std::vector<std::vector<bool>> foundIn(terms.size(), std::vector<bool>(placeCount, false));
    const auto search = [&](std::size_t place, std::string_view foldedText) {
        matcher.forEachTermFound(foldedText,
                                 [&](std::size_t term) { foundIn[term][place] = true; });
    };
    search(0, context.foldedSubject());
    search(1, context.foldedBody());
    for (std::size_t i = 0; i < review.attachments.size(); ++i)
        search(2 + i, foldForMatching(review.attachments[i].name));

    for (std::size_t t = 0; t < terms.size(); ++t) {
        const auto &term = terms[t];
        // "places" names the subject and the body; "attachments" the attachment names.
        std::vector<std::string> places;
        std::vector<std::string> english;
        if (foundIn[t][0]) {
            places.push_back("subject");
            english.push_back("the subject");
        }
        if (foundIn[t][1]) {
            places.push_back("body");
            english.push_back("the body");
        }
        std::vector<std::string> attachments;
        std::size_t attachmentCount = 0;
        for (std::size_t i = 0; i < review.attachments.size(); ++i) {
            if (!foundIn[t][2 + i] || ++attachmentCount > kAttachmentsNamed)
                continue;
            attachments.push_back(review.attachments[i].name);
            english.push_back("the attachment name \u201c" + attachments.back() + "\u201d");
        }
        if (english.empty())
            continue;
        const std::int64_t more = leftOut(attachmentCount, kAttachmentsNamed);
        const std::string where = englishList(english, more);
        findings.push_back(findingFor(
            Target{Target::Kind::Draft, 0, where}, "attentionTerm",
            {{{"term", term.shown}},
             {{"moreAttachments", more}},
             {{"places", places}, {"attachments", attachments}}},
            "\u201c" + term.shown + "\u201d appears in " + where
                + ". Your organisation asks for a second look at mail that mentions it."));
    }
}

} // namespace sendguard::rules
