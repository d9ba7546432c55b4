#include "rulesupport.h"
#include "textsearch.h"

#include "../textnormaliser.h"

namespace sendguard::rules {

namespace {

// "the subject", "the body and the attachment name "q.pdf"": the places joined for people.
std::string joinedPlaces(const std::vector<std::string> &places)
{
    std::string joined;
    for (std::size_t i = 0; i < places.size(); ++i) {
        if (i > 0)
            joined += i + 1 == places.size() ? " and " : ", ";
        joined += places[i];
    }
    return joined;
}

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
        std::vector<std::string> places;
        if (foundIn[t][0])
            places.push_back("subject");
        if (foundIn[t][1])
            places.push_back("body");
        for (std::size_t i = 0; i < review.attachments.size(); ++i) {
            if (foundIn[t][2 + i])
                places.push_back("attachment name " + review.attachments[i].name);
        }
        if (places.empty())
            continue;
        const std::string where = joinedPlaces(places);
        findings.push_back(findingFor(Target{Target::Kind::Draft, 0, where},
                                      "\"" + term.shown + "\" appears in the " + where
                                          + ": your organisation asks for a second look at mail "
                                            "that mentions it"));
    }
}

} // namespace sendguard::rules
