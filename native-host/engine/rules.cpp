#include "engine.h"

namespace sendguard {

const std::vector<RuleDefinition> &allRules()
{
    static const std::vector<RuleDefinition> rules;
    return rules;
}

} // namespace sendguard
