#include "language.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QPointer>
#include <QTranslator>

#include <algorithm>

#include <optional>
#include <vector>

namespace sendguard {

namespace {

Q_LOGGING_CATEGORY(lcLanguage, "sendguard.language", QtWarningMsg)

struct Installed
{
    std::optional<Language> language;
    // Owned by the application, so that they go with it; QPointer notices.
    std::vector<QPointer<QTranslator>> ours; // one per catalogue of ours
    QPointer<QTranslator> qt;
    bool oursLoaded = false; // sendguard_<code>.qm, the one every screen needs
};

Installed &installed()
{
    static Installed state;
    return state;
}

void remove(QPointer<QTranslator> &translator)
{
    if (!translator)
        return;
    QCoreApplication::removeTranslator(translator);
    delete translator;
}

// Qt's catalogue: where Qt was installed (Debian: /usr/share/qt6/translations), else a
// `translations` folder next to the executable (a Windows install ships its own copy).
bool loadQtCatalogue(QTranslator &translator, const QString &code)
{
    const QString name = QStringLiteral("qtbase_") + code;
    const QStringList folders
        = {QLibraryInfo::path(QLibraryInfo::TranslationsPath),
           QCoreApplication::applicationDirPath() + QStringLiteral("/translations")};
    for (const QString &folder : folders) {
        if (translator.load(name, folder))
            return true;
    }
    qCWarning(lcLanguage) << "Qt's catalogue" << name << "not found in" << folders;
    return false;
}

} // namespace

Language systemLanguage()
{
    for (const QString &name : QLocale::system().uiLanguages()) {
        if (name.startsWith(QStringLiteral("ja"), Qt::CaseInsensitive))
            return Language::Japanese;
        if (name.startsWith(QStringLiteral("en"), Qt::CaseInsensitive))
            return Language::English;
    }
    return Language::English;
}

Language languageFromPolicy(const std::string &policyLanguage)
{
    if (policyLanguage == "ja")
        return Language::Japanese;
    if (policyLanguage == "en")
        return Language::English;
    return systemLanguage();
}

QString languageCode(Language language)
{
    return language == Language::Japanese ? QStringLiteral("ja") : QStringLiteral("en");
}

bool applyLanguage(Language language)
{
    Installed &state = installed();
    const bool installedBefore = std::any_of(state.ours.begin(), state.ours.end(),
                                             [](const auto &translator) { return !!translator; });
    if (state.language == language && installedBefore)
        return state.oursLoaded;
    for (QPointer<QTranslator> &translator : state.ours)
        remove(translator);
    state.ours.clear();
    remove(state.qt);

    // Every catalogue of ours for the language: sendguard_<code>.qm and any other part's (the
    // rule messages' rulemessages_<code>.qm), all embedded under :/i18n.
    const QString code = languageCode(language);
    state.language = language;
    state.oursLoaded = false;
    const QDir folder(QStringLiteral(":/i18n"));
    for (const QString &name : folder.entryList(
             {QStringLiteral("*_") + code + QStringLiteral(".qm")}, QDir::Files, QDir::Name)) {
        auto *translator = new QTranslator(QCoreApplication::instance());
        if (!translator->load(folder.filePath(name))) {
            qCWarning(lcLanguage) << "catalogue" << name << "did not load";
            delete translator;
            continue;
        }
        QCoreApplication::installTranslator(translator);
        state.ours.emplace_back(translator);
        if (name == QStringLiteral("sendguard_") + code + QStringLiteral(".qm"))
            state.oursLoaded = true;
    }
    if (!state.oursLoaded)
        qCWarning(lcLanguage) << "SendGuard's catalogue for" << code << "did not load";

    // English needs no Qt catalogue: Qt's source texts are English.
    if (language == Language::Japanese) {
        state.qt = new QTranslator(QCoreApplication::instance());
        if (loadQtCatalogue(*state.qt, code))
            QCoreApplication::installTranslator(state.qt);
    }

    const QLocale system = QLocale::system();
    const bool systemMatches
        = system.language()
          == (language == Language::Japanese ? QLocale::Japanese : QLocale::English);
    QLocale::setDefault(systemMatches ? system
                        : language == Language::Japanese
                            ? QLocale(QLocale::Japanese, QLocale::Japan)
                            : QLocale(QLocale::English, QLocale::UnitedStates));
    qCInfo(lcLanguage) << "language" << code << (state.oursLoaded ? "in force" : "missing");
    return state.oursLoaded;
}

Language currentLanguage()
{
    return installed().language.value_or(Language::English);
}

} // namespace sendguard
