#pragma once

#include "engine/review.h"

#include <QCoreApplication>
#include <QString>

#include <string_view>

class QLocale;

namespace sendguard {

// The one place that turns a finding's kind and arguments (Finding::kind, Finding::args) into a
// sentence for people, in the language of the installed translation. The dialog and the command
// line's text output both show findings through it. The source strings are English and match
// the engine's Finding::message; translations/rulemessages_{en,ja}.ts hold the English plural
// forms and the Japanese (context "RuleMessage").
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

    // Loads the rule messages' translation for `locale` from the resources (Japanese for any
    // Japanese locale, English for every other) and installs it in the running
    // QCoreApplication, replacing one this call installed before. Returns false, and leaves
    // the untranslated source strings in use, when there is no application object or the
    // translation cannot be loaded.
    static bool installTranslator(const QLocale &locale);
};

} // namespace sendguard
