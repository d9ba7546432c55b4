#pragma once

#include "domain.h"
#include "draft.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sendguard {

// How much a finding asks of the person (DESIGN.md, "Rule ids").
enum class Severity {
    Info,    // shown, needs nothing
    Confirm, // needs a tick next to what it points at
    Warn,    // needs its own tick, shown at the top
    Block,   // the mail cannot be sent; the dialog says why and offers only Cancel
};

const char *severityName(Severity severity); // "info", "confirm", "warn", "block"
std::optional<Severity> severityFromName(std::string_view name);

// What a finding points at.
struct Target
{
    enum class Kind { Draft, Recipient, Attachment, Entry };
    Kind kind = Kind::Draft;
    std::size_t index = 0; // into Review::recipients or Review::attachments
    std::string text;      // Entry: the raw recipient string that could not be read
};

// The named parts of a finding's sentence, so that the dialog can say it in the reader's
// language (ui/rulemessage.h) while the engine stays free of Qt. Which names a kind sets is
// listed with the kinds in ui/rulemessage.cpp; every value is already fit to show (domains in
// their form for people, numbers masked), never the body.
struct MessageArgs
{
    std::map<std::string, std::string> text;               // "domain" -> "partnerr.example"
    std::map<std::string, std::int64_t> counts;            // "timesWritten" -> 40
    std::map<std::string, std::vector<std::string>> lists; // "domains" -> {"a.example", ...}

    bool operator==(const MessageArgs &) const = default;
};

struct Finding
{
    std::string rule; // stable rule id: "external-recipient", "blocked-domain", ...
    Severity severity = Severity::Confirm;
    Target target;
    std::string message; // the sentence in English, for logs, --json and the audit log
    // Stable name of the sentence, one per distinct wording: "lookalike.history", "ccExposure".
    // Empty only for findings made outside the engine; those are shown by their message.
    std::string kind;
    MessageArgs args; // what the sentence names
};

// A recipient after parsing, normalisation, classification and de-duplication.
struct ReviewedRecipient
{
    Field field = Field::To;
    std::string displayName;
    std::string localPart;
    NormalisedDomain domain;
    bool internal = false;
    bool trusted = false; // external, but on the trusted list: needs no tick

    // local@ascii-domain, local part lower-cased: the key recipients are de-duplicated on.
    std::string normalisedAddress() const;
};

// The engine's answer for one draft. Owns everything it refers to.
struct Review
{
    std::string subject;
    std::vector<ReviewedRecipient> recipients; // To, then Cc, then Bcc; each address once
    std::vector<Attachment> attachments;
    std::vector<Finding> findings;    // in rule order; the dialog sorts for display
    bool skipWhenInternalOnly = true; // copied from the policy in force
    bool historyUnavailable = false;  // the sending history could not be read for this review
    int countdownSeconds = 0;         // copied from the policy: the dialog's delay after Send
    // The policy's autoBcc addresses this send adds as Bcc (external recipients are present),
    // as written in the policy, each once and none already among `recipients`.
    std::vector<std::string> autoBcc;

    bool blocked() const;           // any finding of severity Block
    bool needsConfirmation() const; // any finding of severity Confirm or Warn
    bool externalRecipientsPresent() const;
    // Whether a person must look: blocked, or anything needs a tick; with skipWhenInternalOnly
    // off, also any mail that has recipients at all.
    bool needsDialog() const;
};

} // namespace sendguard
