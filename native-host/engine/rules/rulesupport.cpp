#include "rulesupport.h"

#include <utility>

namespace sendguard::rules {

Finding findingFor(Target target, std::string message)
{
    Finding finding;
    finding.target = std::move(target);
    finding.message = std::move(message);
    return finding;
}

Target recipientTarget(std::size_t index)
{
    return Target{Target::Kind::Recipient, index, {}};
}

Target attachmentTarget(std::size_t index)
{
    return Target{Target::Kind::Attachment, index, {}};
}

std::string domainForPeople(const NormalisedDomain &domain)
{
    if (!domain.isIdn())
        return domain.ascii;
    return domain.unicode + " (" + domain.ascii + ")";
}

} // namespace sendguard::rules
