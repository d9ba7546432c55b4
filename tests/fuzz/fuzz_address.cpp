// libFuzzer target for the RFC 5322 address parser and UTS #46 domain normalisation: any bytes
// must yield mailboxes or an InvalidAddress error, never a crash, a leak or undefined behaviour.
#include "engine/address.h"
#include "engine/domain.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view entry(reinterpret_cast<const char *>(data), size);
    const auto mailboxes = sendguard::parseAddressList(entry);
    if (!mailboxes)
        return 0;
    for (const auto &mailbox : mailboxes.value()) {
        const auto domain = sendguard::normaliseDomain(mailbox.domain);
        if (domain && domain.value().ascii.empty())
            __builtin_trap(); // a normalised domain is never empty (domain.h)
    }
    return 0;
}
