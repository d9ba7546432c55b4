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
    const std::string subject = foldForMatching(context.draft.subject);
    const std::string body = foldForMatching(context.draft.body);
    std::vector<std::string> names;
    for (const auto &attachment : review.attachments)
        names.push_back(foldForMatching(attachment.name));

    for (const auto &term : terms) {
        std::vector<std::string> places;
        if (containsWord(subject, term.folded))
            places.push_back("subject");
        if (containsWord(body, term.folded))
            places.push_back("body");
        for (std::size_t i = 0; i < names.size(); ++i) {
            if (containsWord(names[i], term.folded))
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
