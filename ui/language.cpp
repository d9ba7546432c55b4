#include "language.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QPointer>
#include <QTranslator>

#include <optional>

namespace sendguard {

namespace {

Q_LOGGING_CATEGORY(lcLanguage, "sendguard.language", QtWarningMsg)

struct Installed
{
    std::optional<Language> language;
    // Owned by the application, so that they go with it; QPointer notices.
    QPointer<QTranslator> ours;
    QPointer<QTranslator> qt;
    bool oursLoaded = false;
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
    if (state.language == language && state.ours)
        return state.oursLoaded;
    remove(state.ours);
    remove(state.qt);

    const QString code = languageCode(language);
    state.language = language;
    state.ours = new QTranslator(QCoreApplication::instance());
    state.oursLoaded = state.ours->load(QStringLiteral(":/i18n/sendguard_") + code);
    if (state.oursLoaded)
        QCoreApplication::installTranslator(state.ours);
    else
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
