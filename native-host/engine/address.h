#pragma once

#include "result.h"

#include <string>
#include <string_view>
#include <vector>

namespace sendguard {

// One mailbox from an RFC 5322 address list (section 3.4), with quoting and comments removed.
struct Mailbox
{
    std::string displayName; // unquoted, unescaped, comments dropped; may be empty
    std::string localPart;   // as written, quotes removed
    std::string domain;      // as written: not yet normalised (see domain.h)

    std::string address() const { return localPart + "@" + domain; }
};

// Parses one recipient entry as Thunderbird hands it over: a single mailbox
// ("Name <a@b>", "a@b", "\"Last, First\" <a@b>"), a group ("team: a@b, c@d;"), or an empty
// group ("undisclosed-recipients:;"), which yields no mailbox. Several comma-separated
// mailboxes in one entry are accepted too. Fails with ErrorCode::InvalidAddress, naming what is
// wrong, when the entry is not an address list or a mailbox in it has no domain.
Result<std::vector<Mailbox>> parseAddressList(std::string_view entry);

} // namespace sendguard
