#include "settingsdialog.h"

#include "../native-host/engine/addresspattern.h"
#include "mailtext.h"
#include "rulemessage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTabWidget>
#include <QTextBlock>
#include <QTextCursor>
#include <QVBoxLayout>

#include <algorithm>

namespace sendguard {

namespace {

using nlohmann::json;

// A policy with hundreds of mistakes must not push the settings off the screen; the log has all.
constexpr qsizetype kMaxProblemsShown = 8;

// A person may wait this long after Send; more is a policy matter, not a personal one.
constexpr int kMaxCountdownSeconds = 60;

QString fromUtf8(const std::string &text)
{
    return QString::fromStdString(text);
}

QLabel *wrappedLabel(const QString &text)
{
    auto *label = new QLabel(text);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    return label;
}

void mute(QWidget *widget)
{
    QPalette palette = widget->palette();
    const QColor text = palette.color(QPalette::WindowText);
    const QColor window = palette.color(QPalette::Window);
    palette.setColor(QPalette::WindowText,
                     QColor::fromRgbF((text.redF() * 3 + window.redF() * 2) / 5,
                                      (text.greenF() * 3 + window.greenF() * 2) / 5,
                                      (text.blueF() * 3 + window.blueF() * 2) / 5));
    widget->setPalette(palette);
}

// The strings of a JSON list, skipping anything else; [] when it is not a list.
QStringList stringsOf(const json &value)
{
    QStringList strings;
    if (!value.is_array())
        return strings;
    for (const json &entry : value) {
        if (entry.is_string())
            strings << fromUtf8(entry.get<std::string>());
    }
    return strings;
}

// The admin's entries as shown: read only, and with any bidi control made visible, as in text
// from mail (a policy's attention terms are free text, and one could be drawn reversed).
QStringList shownEntries(const QStringList &entries)
{
    QStringList shown;
    for (const QString &entry : entries)
        shown << textFromMail(entry.toStdString());
    return shown;
}

QStringList listOf(const json &layer, const std::string &key)
{
    const auto it = layer.find(key);
    return it == layer.end() ? QStringList() : stringsOf(*it);
}

// The editor's lines without surrounding blanks, blank lines dropped, each once.
QStringList entriesOf(const QPlainTextEdit *editor)
{
    QStringList entries;
    for (const QString &line : editor->toPlainText().split(u'\n')) {
        const QString entry = line.trimmed();
        if (!entry.isEmpty() && !entries.contains(entry))
            entries << entry;
    }
    return entries;
}

json toJson(const QStringList &entries)
{
    json list = json::array();
    for (const QString &entry : entries)
        list.push_back(entry.toStdString());
    return list;
}

QString ruleTitle(const std::string &ruleId)
{
    static const std::map<std::string, const char *> titles{
        {"external-recipient", QT_TRANSLATE_NOOP("SettingsDialog", "Recipients outside the "
                                                                   "organisation need a tick")},
        {"attachment", QT_TRANSLATE_NOOP("SettingsDialog", "Attachments to outside recipients "
                                                           "need a tick")},
        {"lookalike-domain", QT_TRANSLATE_NOOP("SettingsDialog", "Domains that look like a "
                                                                 "known one")},
        {"attention-domain", QT_TRANSLATE_NOOP("SettingsDialog", "Domains that need attention")},
        {"attention-attachment", QT_TRANSLATE_NOOP("SettingsDialog", "Attachment types that need "
                                                                     "attention")},
        {"cc-exposure", QT_TRANSLATE_NOOP("SettingsDialog", "Many outside companies in To and Cc")},
        {"large-audience", QT_TRANSLATE_NOOP("SettingsDialog", "Mail to many recipients")},
        {"new-domain-in-reply", QT_TRANSLATE_NOOP("SettingsDialog", "A reply that adds a new "
                                                                    "domain")},
        {"unexpanded-list", QT_TRANSLATE_NOOP("SettingsDialog", "Mailing lists that could not be "
                                                                "expanded")},
        {"attention-term", QT_TRANSLATE_NOOP("SettingsDialog", "Attention terms in the mail")},
        {"forgotten-attachment", QT_TRANSLATE_NOOP("SettingsDialog", "A mentioned attachment is "
                                                                     "missing")},
        {"sensitive-data", QT_TRANSLATE_NOOP("SettingsDialog", "Card numbers and other sensitive "
                                                               "data")},
        {"salutation-mismatch", QT_TRANSLATE_NOOP("SettingsDialog", "The greeting names someone "
                                                                    "else")},
        {"new-recipient", QT_TRANSLATE_NOOP("SettingsDialog", "Recipients you have not written to "
                                                              "before")},
        {"new-domain", QT_TRANSLATE_NOOP("SettingsDialog", "Domains you have not written to "
                                                           "before")},
        {"lookalike-address", QT_TRANSLATE_NOOP("SettingsDialog", "New addresses one typing slip "
                                                                  "from a known one")},
        {"unusual-recipient-mix", QT_TRANSLATE_NOOP("SettingsDialog", "Recipients who do not "
                                                                      "usually get mail "
                                                                      "together")},
        {"display-name-mismatch", QT_TRANSLATE_NOOP("SettingsDialog", "A name that does not fit "
                                                                      "its address")},
    };
    const auto it = titles.find(ruleId);
    return it == titles.end() ? fromUtf8(ruleId)
                              : QCoreApplication::translate("SettingsDialog", it->second);
}

} // namespace

const std::vector<std::string> &SettingsDialog::switchableRules()
{
    // invalid-address and blocked-domain are not offered: an unreadable address or a domain IT
    // blocked is never a personal choice.
    static const std::vector<std::string> rules{
        "external-recipient",
        "attachment",
        "lookalike-domain",
        "attention-domain",
        "attention-attachment",
        "cc-exposure",
        "large-audience",
        "new-domain-in-reply",
        "unexpanded-list",
        "attention-term",
        "forgotten-attachment",
        "sensitive-data",
        "salutation-mismatch",
        "new-recipient",
        "new-domain",
        "lookalike-address",
        "unusual-recipient-mix",
        "display-name-mismatch",
    };
    return rules;
}

SettingsDialog::SettingsDialog(SettingsLayers layers, SaveFunction save, QWidget *parent)
    : QDialog(parent)
    , m_admin(layers.admin.is_object() ? std::move(layers.admin) : json::object())
    , m_user(layers.user.is_object() ? std::move(layers.user) : json::object())
    , m_saveFunction(std::move(save))
{
    setWindowTitle(tr("SendGuard settings"));
    setObjectName(QStringLiteral("settingsDialog"));
    for (const QString &key : listOf(m_admin, "locked"))
        m_locked.push_back(key.toStdString());
    for (const PolicyProblem &problem : layers.problems)
        m_problems << problemText(problem);

    auto *layout = new QVBoxLayout(this);
    if (QWidget *problems = createProblems())
        layout->addWidget(problems);
    auto *tabs = new QTabWidget;
    tabs->addTab(createListsPage(), tr("&Domains and terms"));
    tabs->addTab(createChecksPage(), tr("&Checks"));
    layout->addWidget(tabs, 1);

    m_errorLabel = wrappedLabel(QString());
    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    QPalette palette = m_errorLabel->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::Window).lightness() < 128
                                               ? QColor(0xff, 0x8a, 0x80)
                                               : QColor(0xb3, 0x26, 0x1e));
    m_errorLabel->setPalette(palette);
    m_errorLabel->hide();
    layout->addWidget(m_errorLabel);

    auto *buttons = new QDialogButtonBox;
    m_saveButton = buttons->addButton(tr("&Save"), QDialogButtonBox::AcceptRole);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    m_cancelButton = buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    connect(m_saveButton, &QPushButton::clicked, this, &SettingsDialog::save);
    connect(m_cancelButton, &QPushButton::clicked, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(std::max(sizeHint().width(), 560), sizeHint().height());

    // The person came to change something: the first list they may edit has the focus.
    for (const char *key : {"trustedDomains", "internalDomains", "attentionTerms"}) {
        if (!isLocked(key)) {
            m_lists.at(key)->setFocus(Qt::OtherFocusReason);
            break;
        }
    }
}

bool SettingsDialog::isLocked(const std::string &key) const
{
    return std::find(m_locked.begin(), m_locked.end(), key) != m_locked.end();
}

QString SettingsDialog::problemText(const PolicyProblem &problem)
{
    using Kind = PolicyProblem::Kind;
    // A key or an entry the policy got wrong can hold anything, bidi controls included.
    const QString key = textFromMail(problem.key);
    const QString text = textFromMail(problem.text);
    const int entry = problem.index ? int(*problem.index) + 1 : 0;
    const bool ruleMember = problem.key.starts_with("rules.");
    QString sentence;
    switch (problem.kind) {
    case Kind::NotAnObject:
        sentence
            = key.isEmpty()
                  ? tr("The settings are not in the expected form (a JSON object) and are "
                       "ignored.")
                  : tr("%1 is not in the expected form (a JSON object) and is ignored.").arg(key);
        break;
    case Kind::UnknownKey:
        sentence = key.isEmpty()
                       ? tr("“%1” is not a setting SendGuard knows; it is ignored.").arg(text)
                       : tr("“%1” is not a setting SendGuard knows in %2; it is ignored.")
                             .arg(text, key);
        break;
    case Kind::NotStringList:
        sentence = tr("%1 must be a list of texts; it is ignored.").arg(key);
        break;
    case Kind::LoneString:
        sentence = tr("%1 should be a list; its single text “%2” is used as a list of one entry.")
                       .arg(key, text);
        break;
    case Kind::EntryNotString:
        sentence = tr("Entry %1 of %2 is not a text; that entry is ignored.").arg(entry).arg(key);
        break;
    case Kind::NotBoolean:
        // A bad member of a rule's setting costs the whole setting of that check.
        sentence
            = ruleMember
                  ? tr("%1 must be true or false; the setting for that check is ignored.").arg(key)
                  : tr("%1 must be true or false; it is ignored.").arg(key);
        break;
    case Kind::NotOneOf: {
        QStringList allowed;
        for (const std::string &value : problem.allowed)
            allowed << tr("“%1”", "one allowed value").arg(fromUtf8(value));
        const QString values = allowed.join(tr(", ", "between the allowed values"));
        sentence = ruleMember ? tr("%1 must be one of %2; the setting for that check is ignored.")
                                    .arg(key, values)
                              : tr("%1 must be one of %2; it is ignored.").arg(key, values);
        break;
    }
    case Kind::NotPositiveNumber:
        sentence = tr("%1 must be a whole number, 1 or more; it is ignored.").arg(key);
        break;
    case Kind::NotSeconds:
        sentence = tr("%1 must be a whole number of seconds, 0 or more; it is ignored.").arg(key);
        break;
    case Kind::InvalidPattern:
        sentence = tr("Entry %1 of %2 is not a valid pattern: %3. That entry is ignored.")
                       .arg(entry)
                       .arg(key, patternFaultText(problem.patternFault, text));
        break;
    case Kind::UnreadableAddress: {
        const QString reason
            = problem.addressError  ? RuleMessage::addressErrorText(*problem.addressError)
              : problem.domainError ? RuleMessage::domainErrorText(*problem.domainError)
                                    : QString();
        if (reason.isEmpty()) {
            sentence = tr("Entry %1 of %2, “%3”, is not a readable email address; that entry is "
                          "ignored.")
                           .arg(entry)
                           .arg(key, text);
            break;
        }
        sentence = tr("Entry %1 of %2, “%3”, is not a readable email address (%4); that entry "
                      "is ignored.")
                       .arg(entry)
                       .arg(key, text, reason);
        break;
    }
    case Kind::NotOneAddress:
        sentence = tr("Entry %1 of %2, “%3”, must name exactly one email address; that entry is "
                      "ignored.")
                       .arg(entry)
                       .arg(key, text);
        break;
    case Kind::UnknownRule:
        sentence = tr("%1 names no check called “%2”; it is ignored.").arg(key, text);
        break;
    case Kind::NotLockable:
        sentence = tr("Entry %1 of %2, “%3”, is not a setting that can be locked; it is ignored.")
                       .arg(entry)
                       .arg(key, text);
        break;
    case Kind::AdminOnly:
        sentence = tr("%1 can be set only by your administrator; your value is ignored.").arg(key);
        break;
    case Kind::LockedByAdmin:
        sentence = tr("%1 is set by your administrator; your value is ignored.").arg(key);
        break;
    case Kind::SettingsFile:
        return settingsFileText(problem.settingsFile); // names the file: no layer before it
    }
    switch (problem.layer) {
    case PolicyProblem::Layer::Admin:
        return tr("Administrator's policy: %1").arg(sentence);
    case PolicyProblem::Layer::User:
        return tr("Your settings: %1").arg(sentence);
    case PolicyProblem::Layer::None:
    case PolicyProblem::Layer::Merged:
        break;
    }
    return sentence;
}

QString SettingsDialog::patternFaultText(PatternFault fault, const QString &text)
{
    switch (fault) {
    case PatternFault::Empty:
        return tr("the pattern is empty");
    case PatternFault::NothingBeforeAt:
        return tr("“%1” has nothing before “@”; write just the domain").arg(text);
    case PatternFault::WildcardBeforeAt:
        return tr("“%1” may not use “*” before “@”").arg(text);
    case PatternFault::MisplacedWildcard:
        return tr("“%1” may use “*” only as “*.” at the very start of a domain").arg(text);
    case PatternFault::BadDomain:
        return tr("“%1” is not a valid domain").arg(text);
    }
    return text;
}

// The English words are the log's (usersettings.cpp, problemMessage), as a sentence.
QString SettingsDialog::settingsFileText(const SettingsFileProblem &problem)
{
    using Kind = SettingsFileProblem::Kind;
    const QString path = fromUtf8(problem.path);
    switch (problem.kind) {
    case Kind::Unreadable:
        return tr("Your settings file %1 cannot be read (%2); the defaults apply until it can.")
            .arg(path, fromUtf8(problem.reason));
    case Kind::Broken:
        return tr("Your settings file %1 is broken: %2.").arg(path, brokenFileText(problem));
    case Kind::SetAside:
        return tr("Your settings file %1 was broken (%2); it was kept as %3 and the defaults "
                  "apply.")
            .arg(path, brokenFileText(problem), fromUtf8(problem.setAsideAs));
    case Kind::NotSetAside:
        return tr("Your settings file %1 is broken (%2) and could not be moved aside; the "
                  "defaults apply.")
            .arg(path, brokenFileText(problem));
    case Kind::NotAFile:
        return tr("Your settings file %1 cannot be read (it is not a regular file); the defaults "
                  "apply until it is one.")
            .arg(path);
    case Kind::NoFolderKnown:
    case Kind::NotAnObject:
    case Kind::FolderNotCreated:
    case Kind::NotEncodable:
    case Kind::NotSaved:
    case Kind::Busy:
    case Kind::NotReplaced:
        break;
    }
    return tr("Your settings could not be saved: %1").arg(saveFailureText(problem));
}

// The English words are the log's (usersettings.cpp, problemMessage).
QString SettingsDialog::saveFailureText(const SettingsFileProblem &problem)
{
    using Kind = SettingsFileProblem::Kind;
    const QString path = fromUtf8(problem.path);
    switch (problem.kind) {
    case Kind::NoFolderKnown:
        return tr("no folder for your settings is known (neither XDG_CONFIG_HOME nor HOME is "
                  "set)");
    case Kind::NotAnObject:
        return tr("settings must be a JSON object; not saved");
    case Kind::FolderNotCreated:
        return tr("cannot create the folder %1").arg(path);
    case Kind::NotEncodable:
        return tr("settings could not be written as JSON");
    case Kind::NotSaved:
        return tr("cannot save %1: %2").arg(path, fromUtf8(problem.reason));
    case Kind::Busy:
        return tr("cannot save %1: another SendGuard is changing it; try again").arg(path);
    case Kind::NotReplaced: {
        const QString why = problem.fault != SettingsFileProblem::Fault::None
                                ? brokenFileText(problem)
                            : !problem.reason.empty() ? fromUtf8(problem.reason)
                                                      : tr("it is not a regular file");
        return tr("not saved, so that nothing in %1 is lost: it cannot be read or moved aside "
                  "(%2)")
            .arg(path, why);
    }
    case Kind::Unreadable:
    case Kind::NotAFile:
    case Kind::Broken:
    case Kind::SetAside:
    case Kind::NotSetAside:
        break;
    }
    // A problem of reading the file is no reason a save failed; said whole all the same.
    return settingsFileText(problem);
}

QString SettingsDialog::brokenFileText(const SettingsFileProblem &problem)
{
    using Fault = SettingsFileProblem::Fault;
    switch (problem.fault) {
    case Fault::TooLarge:
        return tr("it is larger than 1 MiB");
    case Fault::TooDeep:
        return tr("it nests more than %1 levels deep").arg(problem.limit);
    case Fault::NotJson:
        if (problem.position == 0)
            return tr("it is not JSON");
        return tr("it is not JSON (syntax error at byte %1)").arg(problem.position);
    case Fault::NotAnObject:
        return tr("it does not hold a JSON object");
    case Fault::None:
        break;
    }
    return tr("it cannot be used");
}

QWidget *SettingsDialog::createProblems()
{
    if (m_problems.isEmpty())
        return nullptr;
    auto *box = new QGroupBox(tr("Problems found in the settings"));
    box->setObjectName(QStringLiteral("problemsBox"));
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(wrappedLabel(tr("These parts are ignored; everything else applies.")));
    for (const QString &problem :
         m_problems.first(std::min(m_problems.size(), kMaxProblemsShown))) {
        QLabel *label = wrappedLabel(QStringLiteral("• ") + problem);
        label->setObjectName(QStringLiteral("problem"));
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(label);
    }
    if (m_problems.size() > kMaxProblemsShown) {
        QLabel *more = wrappedLabel(tr("…and %n more; the SendGuard log lists them all.", nullptr,
                                       int(m_problems.size() - kMaxProblemsShown)));
        more->setObjectName(QStringLiteral("moreProblems"));
        layout->addWidget(more);
    }
    return box;
}

QLabel *SettingsDialog::lockNote(const std::string &key)
{
    QLabel *note = wrappedLabel(tr("Set by your administrator"));
    note->setObjectName(QStringLiteral("lockedNote"));
    QFont font = note->font();
    font.setItalic(true);
    note->setFont(font);
    m_lockNotes[key] = note;
    return note;
}

void SettingsDialog::addList(QVBoxLayout *layout, const std::string &key, const QString &title,
                             const QString &explanation, const QString &placeholder)
{
    auto *box = new QGroupBox(title);
    auto *boxLayout = new QVBoxLayout(box);
    boxLayout->addWidget(wrappedLabel(explanation));

    auto *editor = new QPlainTextEdit;
    editor->setObjectName(QString::fromStdString(key));
    editor->setAccessibleName(title);
    editor->setTabChangesFocus(true);
    editor->setPlaceholderText(placeholder);
    editor->setFixedHeight(editor->fontMetrics().lineSpacing() * 4 + 12);
    m_lists[key] = editor;

    const QStringList adminEntries = shownEntries(listOf(m_admin, key));
    if (isLocked(key)) {
        // The user's own entries are ignored while the key is locked; the admin's are what apply.
        editor->setPlainText(adminEntries.join(u'\n'));
        editor->setReadOnly(true);
        // Looks read-only as well: the window's colour, not the white of a field to type in.
        QPalette palette = editor->palette();
        palette.setColor(QPalette::Base, palette.color(QPalette::Window));
        editor->setPalette(palette);
        editor->setAccessibleDescription(tr("Set by your administrator"));
        boxLayout->addWidget(editor);
        boxLayout->addWidget(lockNote(key));
    } else {
        editor->setPlainText(listOf(m_user, key).join(u'\n'));
        editor->setAccessibleDescription(tr("One entry a line"));
        boxLayout->addWidget(editor);
        if (!adminEntries.isEmpty()) {
            QLabel *admin = wrappedLabel(tr("Also from your administrator: %1")
                                             .arg(adminEntries.join(QStringLiteral(", "))));
            admin->setObjectName(QStringLiteral("adminValues"));
            mute(admin);
            boxLayout->addWidget(admin);
        }
    }
    layout->addWidget(box);
}

QWidget *SettingsDialog::createListsPage()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    const QString patternHint = tr("partner.example, *.partner.example or name@partner.example");
    addList(layout, "trustedDomains", tr("Trusted domains"),
            tr("Recipients at these outside domains need no tick. One entry a line."), patternHint);
    addList(layout, "internalDomains", tr("Extra internal domains"),
            tr("Treated as inside your organisation, in addition to your own domain and any "
               "your administrator names. One entry a line."),
            patternHint);
    addList(layout, "attentionTerms", tr("Attention terms"),
            tr("Words or phrases that get a warning when the subject, the text or an attachment's "
               "name holds them. One a line."),
            tr("confidential"));
    layout->addStretch(1);
    return page;
}

bool SettingsDialog::adminSwitch(const std::string &key, bool fallback) const
{
    const auto it = m_admin.find(key);
    return it != m_admin.end() && it->is_boolean() ? it->get<bool>() : fallback;
}

bool SettingsDialog::ruleEnabled(const json &layer, const std::string &ruleId, bool fallback) const
{
    const auto rules = layer.find("rules");
    if (rules == layer.end() || !rules->is_object())
        return fallback;
    const auto rule = rules->find(ruleId);
    if (rule == rules->end() || !rule->is_object())
        return fallback;
    const auto enabled = rule->find("enabled");
    return enabled != rule->end() && enabled->is_boolean() ? enabled->get<bool>() : fallback;
}

// "auto" unless the admin layer (validated: "auto", "en" or "ja") names a language.
QString SettingsDialog::adminLanguage() const
{
    const auto it = m_admin.find("language");
    return it != m_admin.end() && it->is_string() ? fromUtf8(it->get<std::string>())
                                                  : QStringLiteral("auto");
}

QWidget *SettingsDialog::createLanguage()
{
    auto *group = new QGroupBox(tr("Language"));
    auto *form = new QFormLayout(group);
    m_language = new QComboBox;
    m_language->setObjectName(QStringLiteral("language"));
    m_language->setAccessibleName(tr("Language"));
    m_language->addItem(tr("Automatic (the system's language)"), QStringLiteral("auto"));
    // Each language by its own name, so that someone who cannot read the one shown finds theirs.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("日本語"), QStringLiteral("ja"));
    const auto user = m_user.find("language");
    const bool userSet = !isLocked("language") && user != m_user.end() && user->is_string();
    const QString value = userSet ? fromUtf8(user->get<std::string>()) : adminLanguage();
    m_language->setCurrentIndex(std::max(0, m_language->findData(value)));
    auto *label = new QLabel(tr("&Language:"));
    label->setBuddy(m_language);
    form->addRow(label, m_language);
    if (isLocked("language")) {
        m_language->setEnabled(false);
        m_language->setAccessibleDescription(tr("Set by your administrator"));
        form->addRow(QString(), lockNote("language"));
    } else {
        QLabel *note = wrappedLabel(tr("Takes effect with the next mail you send."));
        mute(note);
        form->addRow(QString(), note);
    }
    return group;
}

QWidget *SettingsDialog::createChecksPage()
{
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->addWidget(createLanguage());

    auto *behaviour = new QGroupBox(tr("When to ask"));
    auto *form = new QFormLayout(behaviour);
    const bool skipDefault = adminSwitch("skipWhenInternalOnly", true);
    auto *skip = new QCheckBox(tr("Skip mail that stays inside the organisation"));
    skip->setToolTip(tr("No dialog when every recipient is inside the organisation and nothing "
                        "else needs a look."));
    skip->setObjectName(QStringLiteral("skipWhenInternalOnly"));
    const auto userSkip = m_user.find("skipWhenInternalOnly");
    skip->setChecked(!isLocked("skipWhenInternalOnly") && userSkip != m_user.end()
                             && userSkip->is_boolean()
                         ? userSkip->get<bool>()
                         : skipDefault);
    m_switches["skipWhenInternalOnly"] = skip;
    form->addRow(skip);
    if (isLocked("skipWhenInternalOnly")) {
        skip->setEnabled(false);
        form->addRow(lockNote("skipWhenInternalOnly"));
    }

    m_countdown = new QSpinBox;
    m_countdown->setObjectName(QStringLiteral("countdownSeconds"));
    m_countdown->setRange(0, kMaxCountdownSeconds);
    m_countdown->setSuffix(tr(" s"));
    m_countdown->setSpecialValueText(tr("none"));
    m_countdown->setMaximumWidth(m_countdown->sizeHint().width() * 2);
    const auto adminCountdown = m_admin.find("countdownSeconds");
    const int countdownDefault
        = adminCountdown != m_admin.end() && adminCountdown->is_number_integer()
              ? adminCountdown->get<int>()
              : 0;
    const auto userCountdown = m_user.find("countdownSeconds");
    const bool userSet = !isLocked("countdownSeconds") && userCountdown != m_user.end()
                         && userCountdown->is_number_integer();
    m_countdown->setValue(userSet ? userCountdown->get<int>() : countdownDefault);
    auto *countdownLabel = new QLabel(tr("&Wait after Send:"));
    countdownLabel->setBuddy(m_countdown);
    form->addRow(countdownLabel, m_countdown);
    if (isLocked("countdownSeconds")) {
        m_countdown->setReadOnly(true);
        m_countdown->setEnabled(false);
        form->addRow(QString(), lockNote("countdownSeconds"));
    }
    layout->addWidget(behaviour);

    auto *checks = new QGroupBox(tr("Checks"));
    auto *checksLayout = new QVBoxLayout(checks);
    const bool rulesLocked = isLocked("rules");
    if (rulesLocked)
        checksLayout->addWidget(lockNote("rules"));
    for (const std::string &ruleId : switchableRules()) {
        auto *box = new QCheckBox(ruleTitle(ruleId));
        box->setObjectName(QString::fromStdString("rules." + ruleId));
        const bool adminValue = ruleEnabled(m_admin, ruleId, true);
        box->setChecked(rulesLocked ? adminValue : ruleEnabled(m_user, ruleId, adminValue));
        box->setEnabled(!rulesLocked);
        if (!rulesLocked && !adminValue)
            box->setToolTip(tr("Your administrator turned this check off; you may turn it on."));
        m_switches["rules." + ruleId] = box;
        checksLayout->addWidget(box);
    }
    layout->addWidget(checks);
    layout->addStretch(1);

    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    return scroll;
}

QPlainTextEdit *SettingsDialog::listEditor(const std::string &key) const
{
    const auto it = m_lists.find(key);
    return it == m_lists.end() ? nullptr : it->second;
}

QCheckBox *SettingsDialog::switchBox(const std::string &key) const
{
    const auto it = m_switches.find(key);
    return it == m_switches.end() ? nullptr : it->second;
}

QStringList SettingsDialog::problemsShown() const
{
    QStringList shown;
    for (const QLabel *label : findChildren<QLabel *>(QStringLiteral("problem")))
        shown << label->text().mid(2);
    return shown;
}

bool SettingsDialog::shownLocked(const std::string &key) const
{
    return m_lockNotes.count(key) > 0;
}

bool SettingsDialog::refuseInvalidPattern(const std::string &key, const QStringList &lines)
{
    QPlainTextEdit *editor = m_lists.at(key);
    const QStringList all = editor->toPlainText().split(u'\n');
    for (const QString &entry : lines) {
        const PatternList parsed({entry.toStdString()});
        if (parsed.errors().empty())
            continue;
        int lineNumber = 0;
        while (lineNumber < all.size() && all[lineNumber].trimmed() != entry)
            ++lineNumber;
        const QString what
            = key == "trustedDomains" ? tr("Trusted domains") : tr("Extra internal domains");
        const PatternError &error = parsed.errors().front();
        showError(tr("%1, line %2: %3. Correct or remove it, then save again.")
                      .arg(what)
                      .arg(lineNumber + 1)
                      .arg(patternFaultText(error.fault, fromUtf8(error.text))));
        if (auto *tabs = findChild<QTabWidget *>())
            tabs->setCurrentIndex(0);
        QTextCursor cursor(editor->document()->findBlockByNumber(lineNumber));
        cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        editor->setTextCursor(cursor);
        editor->setFocus(Qt::OtherFocusReason);
        return true;
    }
    return false;
}

// The user layer the dialog's state stands for, or nullopt after refusing an entry. Locked keys
// and keys the dialog does not edit keep what the file held. A switch equal to the admin's (or
// built-in) value is left out, so that a later change by the admin applies.
std::optional<json> SettingsDialog::collectLayer()
{
    json layer = m_user;
    for (const auto &[key, editor] : m_lists) {
        if (isLocked(key))
            continue;
        const QStringList entries = entriesOf(editor);
        if (key != "attentionTerms" && refuseInvalidPattern(key, entries))
            return std::nullopt;
        if (entries.isEmpty())
            layer.erase(key);
        else
            layer[key] = toJson(entries);
    }

    if (!isLocked("skipWhenInternalOnly")) {
        const bool value = m_switches.at("skipWhenInternalOnly")->isChecked();
        if (value == adminSwitch("skipWhenInternalOnly", true))
            layer.erase("skipWhenInternalOnly");
        else
            layer["skipWhenInternalOnly"] = value;
    }
    if (!isLocked("countdownSeconds")) {
        const auto admin = m_admin.find("countdownSeconds");
        const int fallback
            = admin != m_admin.end() && admin->is_number_integer() ? admin->get<int>() : 0;
        if (m_countdown->value() == fallback)
            layer.erase("countdownSeconds");
        else
            layer["countdownSeconds"] = m_countdown->value();
    }
    if (!isLocked("language")) {
        const QString value = m_language->currentData().toString();
        if (value == adminLanguage())
            layer.erase("language");
        else
            layer["language"] = value.toStdString();
    }
    if (!isLocked("rules")) {
        json rules = layer.value("rules", json::object());
        if (!rules.is_object())
            rules = json::object();
        for (const std::string &ruleId : switchableRules()) {
            const bool value = m_switches.at("rules." + ruleId)->isChecked();
            json setting = rules.value(ruleId, json::object());
            if (!setting.is_object())
                setting = json::object();
            if (value == ruleEnabled(m_admin, ruleId, true))
                setting.erase("enabled");
            else
                setting["enabled"] = value;
            if (setting.empty())
                rules.erase(ruleId);
            else
                rules[ruleId] = setting;
        }
        if (rules.empty())
            layer.erase("rules");
        else
            layer["rules"] = rules;
    }
    return layer;
}

void SettingsDialog::save()
{
    m_errorLabel->hide();
    const std::optional<json> layer = collectLayer();
    if (!layer)
        return;
    if (m_saveFunction) {
        if (const auto failure = m_saveFunction(*layer)) {
            showError(tr("Your settings could not be saved: %1").arg(*failure));
            return;
        }
    }
    m_saved = true;
    m_savedLayer = *layer;
    accept();
}

void SettingsDialog::showError(const QString &text)
{
    m_errorLabel->setText(text);
    m_errorLabel->setAccessibleName(text);
    m_errorLabel->show();
}

} // namespace sendguard
