// libFuzzer target for the RFC 5322 address parser and UTS #46 domain normalisation: any bytes
// must yield mailboxes or an InvalidAddress error, never a crash, a leak or undefined behaviour;
// and an error's fault in parts must say what its message says (the dialog translates the parts).
#include "engine/address.h"
#include "engine/domain.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view entry(reinterpret_cast<const char *>(data), size);
    sendguard::AddressError addressError;
    const auto mailboxes = sendguard::parseAddressList(entry, addressError);
    if (!mailboxes) {
        if (sendguard::addressErrorMessage(addressError) != mailboxes.error().message)
            __builtin_trap();
        return 0;
    }
    for (const auto &mailbox : mailboxes.value()) {
        sendguard::DomainError domainError;
        const auto domain = sendguard::normaliseDomain(mailbox.domain, domainError);
        if (domain && domain.value().ascii.empty())
            __builtin_trap(); // a normalised domain is never empty (domain.h)
        if (!domain && sendguard::domainErrorMessage(domainError) != domain.error().message)
            __builtin_trap();
    }
    return 0;
}
