#pragma once

#include "engine/address.h"
#include "engine/domain.h"
#include "engine/review.h"

#include <QCoreApplication>
#include <QString>

#include <string_view>

namespace sendguard {

// The one place that turns a finding's kind and arguments (Finding::kind, Finding::args) into a
// sentence for people, in the language applyLanguage() put in force (language.h). The dialog and
// the command line's text output both show findings through it. The source strings are English and
// match the engine's Finding::message; translations/sendguard_{en,ja}.ts hold the English plural
// forms and the Japanese (context "RuleMessage"), with the dialogs' own texts.
class RuleMessage
{
    Q_DECLARE_TR_FUNCTIONS(RuleMessage)

public:
    // The sentence for `finding`. A finding with no kind, or a kind this build does not know,
    // is shown by its English message (or its rule id when that is empty too), so a finding is
    // never shown blank.
    static QString text(const Finding &finding);

    // Whether text() has a sentence of its own for `kind`.
    static bool knows(std::string_view kind);

    // Why a recipient entry is not an address (the parser's fault), or why its domain is not
    // valid, as a clause in the reader's language. The English is the engine's own
    // (addressErrorMessage, domainErrorMessage), word for word.
    static QString addressErrorText(const AddressError &error);
    static QString domainErrorText(const DomainError &error);
};

} // namespace sendguard
