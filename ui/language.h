#pragma once

#include <QString>

#include <string>

namespace sendguard {

// The languages SendGuard's dialogs and command line come in. English is also what any other
// system language gets.
enum class Language { English, Japanese };

// The language the system asks for: the first of QLocale::system().uiLanguages() (on Linux from
// LANGUAGE, LC_ALL, LC_MESSAGES and LANG) that SendGuard has, else English.
Language systemLanguage();

// The policy key `language`: "en" and "ja" force a language, "auto" (or anything else: the
// policy reader has already warned about it) follows the system.
Language languageFromPolicy(const std::string &policyLanguage);

// "en" or "ja".
QString languageCode(Language language);

// Makes `language` the one every tr() call of the running QCoreApplication answers in: installs
// every embedded catalogue of ours for it (`:/i18n/*_<code>.qm`: sendguard_<code>.qm, and those
// other parts add, such as the rule messages') and Qt's own (`qtbase_<code>.qm`, for the
// standard buttons and dialogs) in place of those an earlier call installed, and sets the
// default QLocale for numbers. Cheap when the language is already in force. Needs a
// QCoreApplication. Returns false when SendGuard's own catalogue could not be loaded; the English
// source texts then show, with their numerus forms unresolved ("%n" forms read "1 people").
// A missing Qt catalogue is only logged: Qt's few texts then stay English.
bool applyLanguage(Language language);

// The language the last applyLanguage() call put in force.
Language currentLanguage();

} // namespace sendguard
