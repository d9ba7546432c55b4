#include "address.h"

namespace sendguard {

// TODO: placeholder until the RFC 5322 parser lands: accepts "Name <a@b>" and "a@b" only.
Result<std::vector<Mailbox>> parseAddressList(std::string_view entry)
{
    std::string_view spec = entry;
    std::string name;
    const auto open = entry.find('<');
    if (open != std::string_view::npos) {
        const auto close = entry.find('>', open);
        if (close == std::string_view::npos)
            return Error{ErrorCode::InvalidAddress, "missing '>'"};
        spec = entry.substr(open + 1, close - open - 1);
        name = std::string(entry.substr(0, open));
    }
    const auto at = spec.rfind('@');
    if (at == std::string_view::npos)
        return Error{ErrorCode::InvalidAddress, "the address has no domain"};
    return std::vector<Mailbox>{
        Mailbox{name, std::string(spec.substr(0, at)), std::string(spec.substr(at + 1))}};
}

} // namespace sendguard
