#pragma once

#include "address.h"
#include "addresspattern.h"
#include "draft.h"
#include "history.h"
#include "policy.h"
#include "review.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sendguard {

// A recipient entry the engine could not read (RFC 5322 syntax, or a domain UTS #46 rejects).
struct UnreadableEntry
{
    enum class Reason {
        NoDomain,  // no "@domain" at all: a name, a word
        MaybeList, // no "@domain" but a "<...>": most likely a list that was not expanded
        BadDomain, // the domain is not one UTS #46 accepts
        Syntax,    // anything else RFC 5322 does not allow
    };
    Field field = Field::To;
    std::string text;    // the raw entry as the draft holds it
    std::string problem; // the reader's words on what is wrong, in English: "the domain is empty"
    Reason reason = Reason::Syntax;
    // The same in parts, for a dialog to say in its own language: why the parser stopped
    // (NoDomain, MaybeList, Syntax), or why the domain is not valid (BadDomain).
    std::optional<AddressError> addressError;
    std::optional<DomainError> domainError;
};

// What every rule may consult besides the draft. Built once per review by the engine.
struct RuleContext
{
    const Draft &draft;
    const Policy &policy;
    PatternList internal; // the policy's internalDomains, or the sender's domain when it has none
    PatternList trusted;
    PatternList blocked;
    std::vector<UnreadableEntry> unreadable; // in To, Cc, Bcc order; `invalid-address` reports them
    const HistoryView *history = nullptr;    // the sending history, when one is available

    // The subject and body folded for matching (textnormaliser.h), made on first use and shared
    // by the content rules, so a 1 MB body is folded once per review rather than once per rule.
    const std::string &foldedSubject() const;
    const std::string &foldedBody() const;

    mutable std::optional<std::string> foldedSubjectCache; // use foldedSubject()
    mutable std::optional<std::string> foldedBodyCache;    // use foldedBody()
};

// A rule looks at the prepared review (recipients parsed, normalised, classified and
// de-duplicated) and appends findings. Rules never remove findings and never throw.
using RuleCheck
    = void (*)(const Review &review, const RuleContext &context, std::vector<Finding> &findings);

struct RuleDefinition
{
    std::string_view id;
    Severity defaultSeverity;
    RuleCheck check;
};

// Every rule the engine knows, in the order they run.
const std::vector<RuleDefinition> &allRules();

// Reviews a draft under a policy: parses and classifies every recipient (an unreadable entry
// becomes an `invalid-address` finding), runs each enabled rule with its policy severity, and
// returns the result. Deterministic; no I/O; cost linear in recipients and body size.
// `history`, when given, must outlive the call.
Review reviewDraft(const Draft &draft, const Policy &policy, const HistoryView *history = nullptr);

} // namespace sendguard
