#include "policy.h"

namespace sendguard {

bool Policy::ruleEnabled(const std::string &ruleId) const
{
    const auto it = rules.find(ruleId);
    return it == rules.end() || it->second.enabled;
}

Severity Policy::ruleSeverity(const std::string &ruleId, Severity fallback) const
{
    const auto it = rules.find(ruleId);
    if (it == rules.end() || !it->second.severity)
        return fallback;
    return *it->second.severity;
}

} // namespace sendguard
