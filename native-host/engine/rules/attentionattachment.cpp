#include "rulesupport.h"

#include <algorithm>
#include <string_view>

namespace sendguard::rules {

namespace {

std::string asciiLower(std::string_view text)
{
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) {
        return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
    });
    return lower;
}

std::string_view trimmed(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

// ".XLSX", "xlsx" and " .xlsx " all become ".xlsx"; blanks and comments ("# ...") become "".
std::string normalisedSuffix(std::string_view entry)
{
    std::string_view suffix = trimmed(entry);
    if (suffix.empty() || suffix.front() == '#')
        return {};
    while (!suffix.empty() && suffix.front() == '.')
        suffix.remove_prefix(1);
    if (suffix.empty())
        return {};
    return "." + asciiLower(suffix);
}

// Windows drops trailing dots and spaces from file names, so "report.xlsx. " opens as a
// workbook: they must not hide the real ending.
std::string_view effectiveName(std::string_view name)
{
    while (!name.empty() && (name.back() == '.' || name.back() == ' '))
        name.remove_suffix(1);
    return name;
}

bool endsWith(std::string_view text, std::string_view suffix)
{
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

} // namespace

// `attention-attachment`: attached files whose name ends with one of the policy's
// attentionAttachmentSuffixes, when the mail leaves the organisation. Only the end of the name
// counts ("report.xlsx.pdf" is a PDF); case is ignored (ASCII).
void checkAttentionAttachments(const Review &review, const RuleContext &context,
                               std::vector<Finding> &findings)
{
    if (review.attachments.empty() || !review.externalRecipientsPresent())
        return;
    std::vector<std::string> suffixes;
    for (const std::string &entry : context.policy.attentionAttachmentSuffixes) {
        if (std::string suffix = normalisedSuffix(entry); !suffix.empty())
            suffixes.push_back(std::move(suffix));
    }
    for (std::size_t i = 0; i < review.attachments.size(); ++i) {
        const std::string name = asciiLower(effectiveName(review.attachments[i].name));
        const auto found = std::find_if(suffixes.begin(), suffixes.end(),
                                        [&](const std::string &s) { return endsWith(name, s); });
        if (found == suffixes.end())
            continue;
        const std::string &shownName = review.attachments[i].name;
        findings.push_back(findingFor(
            attachmentTarget(i), "attentionAttachment",
            {{{"name", shownName}, {"suffix", *found}}, {}, {}},
            "\u201c" + shownName + "\u201d is a " + *found
                + " file going outside your organisation. Your organisation asks you to check "
                  "these files twice."));
    }
}

} // namespace sendguard::rules
