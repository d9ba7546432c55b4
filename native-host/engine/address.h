#pragma once

#include "result.h"

#include <optional>
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

// Why an entry is not an RFC 5322 address list (a closed set), so that a dialog can say it in the
// reader's language. addressErrorMessage() says it in English, as the Error's message does. No
// enumerator has a value of its own: allAddressFaults() counts them from 0.
enum class AddressFault {
    InvalidUtf8,                    // the entry is not well-formed UTF-8
    NoAddress,                      // nothing but blanks, commas and comments
    CommentTooDeep,                 // comments nested more than 32 deep
    CommentHoldsBadCharacter,       // `found` in a comment
    CommentNotClosed,               // "(" without ")"
    EscapesNothing,                 // a "\" in a quoted string with nothing it may escape
    QuotedStringHoldsBadCharacter,  // `found` in a quoted string
    QuotedStringNotClosed,          // a '"' without its closing '"'
    ExpectedAddress,                // `found` where an address should start
    ExpectedTextAfterDot,           // `found` after a "." in the address
    DomainLiteralHoldsBadCharacter, // `found` in a "[...]" domain
    DomainLiteralNotClosed,         // "[" without "]"
    NoDomainAfterAt,                // nothing after "@"
    DomainHasTwoDots,               // ".." in the domain
    NoDomainMaybeList,              // `part` has no "@domain" but "<...>": an unexpanded list?
    NoDomain,                       // `part` has no "@domain"
    EmptyAngleAddress,              // "<>"
    SourceRoute,                    // "<@host:a@b>", obsolete and refused
    ExpectedClosingAngle,           // `found` after the address `part` where ">" belongs
    DisplayNameNeedsQuotes,         // "a@b <c@d>": a name holding "@" without quotes
    UnexpectedCharacter,            // `found` after the address `part` (empty: none before)
    GroupNotClosed,                 // the group `part` has no ";"
    NestedGroup,                    // the group `part` is inside another group
};

// A fault with what it names.
struct AddressError
{
    AddressFault fault = AddressFault::NoAddress;
    // What stood where the parser stopped: one character as written (a control character too),
    // or empty at the end of the entry. Only for the faults above that name `found`.
    std::string found;
    // The text the fault is about, trimmed: an element of the list, an address, a group's name.
    std::string part;

    bool operator==(const AddressError &) const = default;
};

// `error` in English, for logs and --json: "a quoted string is not closed with '\"'".
std::string addressErrorMessage(const AddressError &error);

// The stable name of a fault, for a finding's arguments: "quotedStringNotClosed"; and back
// (nullopt for a name no fault has).
std::string_view addressFaultName(AddressFault fault);
std::optional<AddressFault> addressFaultNamed(std::string_view name);

// Every fault, in the order declared.
const std::vector<AddressFault> &allAddressFaults();

// Parses one recipient entry as Thunderbird hands it over: a single mailbox
// ("Name <a@b>", "a@b", "\"Last, First\" <a@b>"), a group ("team: a@b, c@d;"), or an empty
// group ("undisclosed-recipients:;"), which yields no mailbox. Several comma-separated
// mailboxes in one entry are accepted too. Fails with ErrorCode::InvalidAddress, naming what is
// wrong, when the entry is not an address list or a mailbox in it has no domain.
Result<std::vector<Mailbox>> parseAddressList(std::string_view entry);
// The same, and on failure `error` says why, part by part.
Result<std::vector<Mailbox>> parseAddressList(std::string_view entry, AddressError &error);

} // namespace sendguard
