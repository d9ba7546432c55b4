// Qt Test cases for the settings dialog and "Always trust this domain", saving to real files.

#include "confirmdialog.h"
#include "language.h"
#include "protocol/policylayers.h"
#include "settings/usersettings.h"
#include "settingsdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace sendguard;
using nlohmann::json;

namespace {

// The settings dialog as the host opens it (HostServer::openSettingsNext): the settings file's
// problems, the admin layer validated, the user layer from the file, saving through the same file.
struct Opened
{
    explicit Opened(const UserSettingsFile &file, const json &admin, const json &user)
    {
        if (!user.is_null())
            file.save(user);
        SettingsLayers layers;
        LoadedSettings loaded = file.load();
        for (SettingsFileProblem &problem : loaded.problems)
            layers.problems.push_back(asPolicyProblem(std::move(problem)));
        layers.user = loaded.layer;
        layers.admin = validPolicyLayer(admin, PolicyProblem::Layer::Admin, layers.problems);
        dialog = std::make_unique<SettingsDialog>(
            std::move(layers), [&file](const json &layer) -> std::optional<QString> {
                if (auto failure = file.save(layer))
                    return SettingsDialog::saveFailureText(*failure);
                return std::nullopt;
            });
        dialog->show();
    }
    std::unique_ptr<SettingsDialog> dialog;
};

void typeInto(QPlainTextEdit *editor, const QString &text)
{
    editor->setFocus();
    editor->moveCursor(QTextCursor::End);
    const QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i > 0)
            QTest::keyClick(editor, Qt::Key_Return);
        // keyClicks types ASCII only; the rest arrives as an input method would give it.
        const bool ascii = std::all_of(lines[i].begin(), lines[i].end(),
                                       [](QChar c) { return c.unicode() < 0x80; });
        if (ascii)
            QTest::keyClicks(editor, lines[i]);
        else
            editor->insertPlainText(lines[i]);
    }
}

// The switches live on the second tab; a click reaches only a widget that is shown.
void showChecks(SettingsDialog &dialog)
{
    dialog.findChild<QTabWidget *>()->setCurrentIndex(1);
    QVERIFY(dialog.switchBox("skipWhenInternalOnly")->isVisible());
}

// A click as a person gives it: scrolled into view first, then on the box's indicator (a
// checkbox takes clicks on its indicator and text only, not on the empty width after them).
void clickSwitch(SettingsDialog &dialog, const std::string &key)
{
    QCheckBox *box = dialog.switchBox(key);
    for (QScrollArea *scroll : dialog.findChildren<QScrollArea *>()) {
        if (scroll->isAncestorOf(box))
            scroll->ensureWidgetVisible(box);
    }
    QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(6, box->height() / 2));
}

ReviewedRecipient recipient(const std::string &local, const std::string &domain)
{
    ReviewedRecipient result;
    result.localPart = local;
    result.domain = {domain, domain};
    return result;
}

// Two people at partner.example, one at other.example, and a lookalike warning about
// partner.example at the top.
Review partnerReview()
{
    Review review;
    review.subject = "Prices";
    review.recipients = {recipient("ann", "partner.example"), recipient("ben", "partner.example"),
                         recipient("cat", "other.example")};
    for (std::size_t i = 0; i < review.recipients.size(); ++i)
        review.findings.push_back({"external-recipient",
                                   Severity::Confirm,
                                   {Target::Kind::Recipient, i, {}},
                                   "Outside",
                                   {},
                                   {}});
    review.findings.push_back({"lookalike-domain",
                               Severity::Warn,
                               {Target::Kind::Recipient, 0, {}},
                               "partner.example looks like partners.example",
                               {},
                               {}});
    return review;
}

ConfirmDialog::TrustDomainFunction trustInto(const UserSettingsFile &file)
{
    return [&file](const std::string &domain) -> std::optional<QString> {
        if (auto failure = file.save(withTrustedDomain(file.load().layer, domain)))
            return SettingsDialog::saveFailureText(*failure);
        return std::nullopt;
    };
}

// As the host decides: the function only when the admin has not locked trustedDomains.
ConfirmDialog::TrustDomainFunction trustUnlessLocked(const json &admin,
                                                     const UserSettingsFile &file)
{
    if (!userMayChange(admin, "trustedDomains"))
        return {};
    return trustInto(file);
}

QCheckBox *boxNamed(const ConfirmDialog &dialog, const QString &text)
{
    for (QCheckBox *box : dialog.checkBoxes()) {
        if (box->text().contains(text))
            return box;
    }
    return nullptr;
}

// Every way the settings file can fail, each with the file's path and what the kind needs.
std::vector<SettingsFileProblem> everySettingsFileProblem()
{
    using Kind = SettingsFileProblem::Kind;
    using Fault = SettingsFileProblem::Fault;
    // A new kind or fault needs a row here, and a sentence in SettingsDialog::settingsFileText.
    static_assert(int(Kind::NotReplaced) == 11 && int(Fault::NotAnObject) == 4);
    std::vector<SettingsFileProblem> all;
    const auto add = [&](Kind kind, Fault fault = Fault::None, std::size_t position = 0) {
        SettingsFileProblem problem;
        problem.kind = kind;
        problem.fault = fault;
        problem.path = kind == Kind::FolderNotCreated ? "/home/a/.config/sendguard"
                                                      : "/home/a/.config/sendguard/settings.json";
        problem.setAsideAs = problem.path + ".broken-20261203T101500Z";
        problem.reason = "Permission denied";
        problem.limit = fault == Fault::TooDeep ? 64 : 1024 * 1024;
        problem.position = position;
        problem.message = settingsFileMessage(problem);
        all.push_back(problem);
    };
    add(Kind::Unreadable);
    add(Kind::NotAFile);
    for (Kind kind : {Kind::Broken, Kind::SetAside, Kind::NotSetAside, Kind::NotReplaced}) {
        for (Fault fault : {Fault::TooLarge, Fault::TooDeep, Fault::NotAnObject})
            add(kind, fault);
        add(kind, Fault::NotJson, 12);
        add(kind, Fault::NotJson);
    }
    for (Kind kind : {Kind::NoFolderKnown, Kind::NotAnObject, Kind::FolderNotCreated,
                      Kind::NotEncodable, Kind::NotSaved, Kind::Busy, Kind::NotReplaced})
        add(kind);
    return all;
}

bool isSaveFailure(const SettingsFileProblem &problem)
{
    using Kind = SettingsFileProblem::Kind;
    return problem.kind != Kind::Unreadable && problem.kind != Kind::NotAFile
           && problem.kind != Kind::Broken && problem.kind != Kind::SetAside
           && problem.kind != Kind::NotSetAside;
}

// The log's English as the dialog writes it: a sentence.
QString asSentence(const std::string &message)
{
    QString sentence = QString::fromStdString(message) + u'.';
    sentence[0] = sentence[0].toUpper();
    return sentence;
}

const QRegularExpression kJapanese(QStringLiteral("[\\x{3040}-\\x{30ff}\\x{4e00}-\\x{9fff}]"));

} // namespace

class tst_SettingsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void lockedListIsReadOnlyAndUnchangeable();
    void lockedSwitchesCannotBeChanged();
    void unlockedListIsEditableAndSavedToTheFile();
    void adminEntriesAreShownBesideTheUsers();
    void invalidPatternIsRefusedBeforeSaving();
    void problemsAreShownInPlainWords();
    void everySettingsFileProblemHasAnEnglishAndAJapaneseSentence();
    void brokenSettingsFileIsSaidInTheReadersLanguage_data();
    void brokenSettingsFileIsSaidInTheReadersLanguage();
    void failedSaveIsSaidInTheReadersLanguage();
    void unreadableAutoBccSaysWhyInTheReadersLanguage();
    void switchesAreSavedOnlyWhenTheyDifferFromTheAdmin();
    void keysTheDialogDoesNotEditAreKept();
    void cancelSavesNothing();
    void failedSaveKeepsTheDialogOpen();
    void tabMovesFocusOutOfAList();
    void languageIsSavedOnlyWhenItDiffersFromTheAdmin();
    void lockedLanguageCannotBeChanged();

    void alwaysTrustIsOfferedWhenTrustedDomainsIsNotLocked();
    void alwaysTrustIsHiddenWhenLocked();
    void alwaysTrustSavesAndTicksOnlyThatDomainsRecipients();
    void alwaysTrustFailureIsShown();
    void alwaysTrustFailureIsSaidInTheReadersLanguage();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<UserSettingsFile> m_file;
};

void tst_SettingsDialog::init()
{
    QVERIFY(applyLanguage(Language::English));
    m_dir = std::make_unique<QTemporaryDir>();
    m_file = std::make_unique<UserSettingsFile>(
        UserSettingsFile::defaultPath(m_dir->filePath(QStringLiteral("sendguard")).toStdString()));
}

void tst_SettingsDialog::lockedListIsReadOnlyAndUnchangeable()
{
    const json admin
        = {{"trustedDomains", {"corp-partner.example"}}, {"locked", {"trustedDomains"}}};
    Opened opened(*m_file, admin, {{"trustedDomains", {"mine.example"}}});
    SettingsDialog &dialog = *opened.dialog;

    QPlainTextEdit *trusted = dialog.listEditor("trustedDomains");
    QVERIFY(trusted);
    QVERIFY(trusted->isReadOnly());
    QCOMPARE(trusted->toPlainText(), QStringLiteral("corp-partner.example"));
    QVERIFY(dialog.shownLocked("trustedDomains"));
    const QLabel *note = dialog.findChild<QLabel *>(QStringLiteral("lockedNote"));
    QVERIFY(note);
    QCOMPARE(note->text(), QStringLiteral("Set by your administrator"));

    typeInto(trusted, QStringLiteral("\nevil.example"));
    QCOMPARE(trusted->toPlainText(), QStringLiteral("corp-partner.example"));
    QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
    QVERIFY(dialog.saved());
    QCOMPARE(m_file->load().layer["trustedDomains"], json({"mine.example"}));
    QVERIFY(!mergePolicyLayers(admin, m_file->load().layer).policy.trustedDomains.empty());
    QCOMPARE(mergePolicyLayers(admin, m_file->load().layer).policy.trustedDomains,
             std::vector<std::string>{"corp-partner.example"});

    QVERIFY(!dialog.shownLocked("attentionTerms"));
    QVERIFY(!dialog.listEditor("attentionTerms")->isReadOnly());
}

void tst_SettingsDialog::lockedSwitchesCannotBeChanged()
{
    const json admin = {{"countdownSeconds", 5},
                        {"skipWhenInternalOnly", false},
                        {"rules", {{"new-domain", {{"enabled", false}}}}},
                        {"locked", {"countdownSeconds", "skipWhenInternalOnly", "rules"}}};
    Opened opened(*m_file, admin, {{"countdownSeconds", 0}});
    SettingsDialog &dialog = *opened.dialog;
    showChecks(dialog);

    QSpinBox *countdown = dialog.countdownBox();
    QCOMPARE(countdown->value(), 5);
    QVERIFY(!countdown->isEnabled());
    QCheckBox *skip = dialog.switchBox("skipWhenInternalOnly");
    QVERIFY(!skip->isEnabled());
    QVERIFY(!skip->isChecked());
    clickSwitch(dialog, "skipWhenInternalOnly");
    QVERIFY(!skip->isChecked());
    QCheckBox *newDomain = dialog.switchBox("rules.new-domain");
    QVERIFY(!newDomain->isEnabled());
    QVERIFY(!newDomain->isChecked());
    clickSwitch(dialog, "rules.new-domain");
    QVERIFY(!newDomain->isChecked());
    QTest::keyClicks(countdown, QStringLiteral("9"));
    QCOMPARE(countdown->value(), 5);
    QVERIFY(dialog.shownLocked("rules"));
    QVERIFY(dialog.shownLocked("countdownSeconds"));

    QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
    QVERIFY(dialog.saved());
    // The user's own (ignored) value stays as it was; nothing locked is written.
    QCOMPARE(m_file->load().layer, json({{"countdownSeconds", 0}}));
}

void tst_SettingsDialog::unlockedListIsEditableAndSavedToTheFile()
{
    Opened opened(*m_file, {{"trustedDomains", {"corp-partner.example"}}}, json());
    SettingsDialog &dialog = *opened.dialog;

    QPlainTextEdit *trusted = dialog.listEditor("trustedDomains");
    QVERIFY(!trusted->isReadOnly());
    QVERIFY(!dialog.shownLocked("trustedDomains"));
    typeInto(trusted,
             QStringLiteral("partner.example\n  *.b\u00fccher.example  \n\npartner.example"));
    typeInto(dialog.listEditor("attentionTerms"), QStringLiteral("Project Falcon"));
    QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);

    QVERIFY(dialog.saved());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const json stored = m_file->load().layer;
    QCOMPARE(stored["trustedDomains"], json({"partner.example", "*.b\u00fccher.example"}));
    QCOMPARE(stored["attentionTerms"], json({"Project Falcon"}));
    const LayeredPolicy merged
        = mergePolicyLayers({{"trustedDomains", {"corp-partner.example"}}}, stored);
    QVERIFY(merged.problems.empty());
    QCOMPARE(merged.policy.trustedDomains,
             (std::vector<std::string>{"corp-partner.example", "partner.example",
                                       "*.b\u00fccher.example"}));
}

void tst_SettingsDialog::adminEntriesAreShownBesideTheUsers()
{
    Opened opened(*m_file, {{"internalDomains", {"corp.example", "*.corp.example"}}},
                  {{"internalDomains", {"lab.example"}}});
    SettingsDialog &dialog = *opened.dialog;
    QCOMPARE(dialog.listEditor("internalDomains")->toPlainText(), QStringLiteral("lab.example"));
    const QLabel *admin = dialog.findChild<QLabel *>(QStringLiteral("adminValues"));
    QVERIFY(admin);
    QVERIFY(admin->text().contains(QStringLiteral("corp.example, *.corp.example")));

    // An admin's free-text entry with a right-to-left override is shown with the control made
    // visible, never drawn reversed; in a locked list as beside the user's.
    const json terms = {"attentionTerms", {"secret\u202Etxt.exe"}};
    for (const bool locked : {false, true}) {
        json policy = {terms};
        if (locked)
            policy["locked"] = {"attentionTerms"};
        Opened shown(*m_file, policy, json());
        const QString all
            = locked ? shown.dialog->listEditor("attentionTerms")->toPlainText()
                     : shown.dialog->findChild<QLabel *>(QStringLiteral("adminValues"))->text();
        QVERIFY2(all.contains(QStringLiteral("secret\uFFFDtxt.exe")), qPrintable(all));
        QVERIFY(!all.contains(QChar(0x202E)));
    }
}

void tst_SettingsDialog::invalidPatternIsRefusedBeforeSaving()
{
    Opened opened(*m_file, json(), {{"trustedDomains", {"old.example"}}});
    SettingsDialog &dialog = *opened.dialog;
    QPlainTextEdit *trusted = dialog.listEditor("trustedDomains");
    typeInto(trusted, QStringLiteral("\npart*ner.example"));
    QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);

    QVERIFY(!dialog.saved());
    QVERIFY(dialog.isVisible());
    QVERIFY(dialog.errorLabel()->isVisible());
    const QString error = dialog.errorLabel()->text();
    QVERIFY2(error.contains(QStringLiteral("Trusted domains, line 2")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("part*ner.example")), qPrintable(error));
    QCOMPARE(error, QStringLiteral("Trusted domains, line 2: “part*ner.example” may use “*” only "
                                   "as “*.” at the very start of a domain. Correct or remove it, "
                                   "then save again."));
    QCOMPARE(trusted->textCursor().selectedText(), QStringLiteral("part*ner.example"));
    QCOMPARE(m_file->load().layer["trustedDomains"], json({"old.example"}));

    // Fixed, it saves.
    trusted->setPlainText(QStringLiteral("old.example\npartner.example"));
    QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
    QVERIFY(dialog.saved());
    QVERIFY(!dialog.errorLabel()->isVisible());
    QCOMPARE(m_file->load().layer["trustedDomains"], json({"old.example", "partner.example"}));
}

void tst_SettingsDialog::problemsAreShownInPlainWords()
{
    const json admin = json::parse(R"({"trustedDomains":["ok.example","bad*.example"],
                                       "noSuchKey":1,"locked":["trustedDomains"]})");
    Opened opened(*m_file, admin, json());
    const QStringList shown = opened.dialog->problemsShown();
    QCOMPARE(shown.size(), 2);
    QVERIFY2(shown.contains(QStringLiteral("Administrator's policy: Entry 2 of trustedDomains is "
                                           "not a valid pattern: “bad*.example” may use “*” only "
                                           "as “*.” at the very start of a domain. That entry is "
                                           "ignored.")),
             qPrintable(shown.join(u'\n')));
    QVERIFY2(shown.contains(QStringLiteral("Administrator's policy: “noSuchKey” is not a setting "
                                           "SendGuard knows; it is ignored.")),
             qPrintable(shown.join(u'\n')));
    QCOMPARE(opened.dialog->listEditor("trustedDomains")->toPlainText(),
             QStringLiteral("ok.example"));

    // A key the policy got wrong is shown with its bidi controls made visible.
    Opened reversed(*m_file, json::parse("{\"noSuch\\u202eKey\":1}"), json());
    QCOMPARE(reversed.dialog->problemsShown(),
             QStringList{QStringLiteral("Administrator's policy: “noSuch\uFFFDKey” is not a "
                                        "setting SendGuard knows; it is ignored.")});

    // A bad member of a check's setting costs that check's whole setting, and the dialog says so.
    Opened rules(*m_file, json::parse(R"({"rules":{"new-domain":{"enabled":"yes"}}})"), json());
    QCOMPARE(rules.dialog->problemsShown(),
             QStringList{QStringLiteral("Administrator's policy: rules.new-domain.enabled must be "
                                        "true or false; the setting for that check is ignored.")});

    json many = json::object();
    for (int i = 0; i < 30; ++i)
        many["unknown" + std::to_string(i)] = i;
    Opened flooded(*m_file, many, json());
    QCOMPARE(flooded.dialog->problemsShown().size(), 8);
    const QLabel *more = flooded.dialog->findChild<QLabel *>(QStringLiteral("moreProblems"));
    QVERIFY(more);
    QVERIFY2(more->text().contains(QStringLiteral("22 more")), qPrintable(more->text()));

    Opened clean(*m_file, json(), json());
    QVERIFY(clean.dialog->problemsShown().isEmpty());
    QVERIFY(!clean.dialog->findChild<QWidget *>(QStringLiteral("problemsBox")));
}

// The English is the log's own sentence; the Japanese names the same file, in Japanese.
void tst_SettingsDialog::everySettingsFileProblemHasAnEnglishAndAJapaneseSentence()
{
    const std::vector<SettingsFileProblem> all = everySettingsFileProblem();
    QStringList english;
    for (const SettingsFileProblem &problem : all) {
        const QString message = QString::fromStdString(problem.message);
        QVERIFY2(!problem.message.empty(), "no English for the log");
        if (isSaveFailure(problem)) {
            QCOMPARE(SettingsDialog::saveFailureText(problem), message);
            QCOMPARE(SettingsDialog::settingsFileText(problem),
                     QStringLiteral("Your settings could not be saved: ") + message);
        } else {
            QCOMPARE(SettingsDialog::settingsFileText(problem), asSentence(problem.message));
        }
        english << SettingsDialog::settingsFileText(problem);
    }
    QCOMPARE(QSet<QString>(english.begin(), english.end()).size(), english.size());

    QVERIFY(applyLanguage(Language::Japanese));
    QStringList japanese;
    for (const SettingsFileProblem &problem : all) {
        const QString text = isSaveFailure(problem) ? SettingsDialog::saveFailureText(problem)
                                                    : SettingsDialog::settingsFileText(problem);
        QVERIFY2(kJapanese.match(text).hasMatch(), qPrintable(text));
        QVERIFY2(!text.contains(u'%'), qPrintable(text));
        if (problem.message.find(problem.path) != std::string::npos)
            QVERIFY2(text.contains(QString::fromStdString(problem.path)), qPrintable(text));
        if (problem.kind == SettingsFileProblem::Kind::SetAside)
            QVERIFY2(text.contains(QString::fromStdString(problem.setAsideAs)), qPrintable(text));
        japanese << text;
    }
    QCOMPARE(QSet<QString>(japanese.begin(), japanese.end()).size(), japanese.size());
}

void tst_SettingsDialog::brokenSettingsFileIsSaidInTheReadersLanguage_data()
{
    QTest::addColumn<bool>("japanese");
    QTest::newRow("en") << false;
    QTest::newRow("ja") << true;
}

// A real broken file on disk, read as the host reads it: set aside, and said whole.
void tst_SettingsDialog::brokenSettingsFileIsSaidInTheReadersLanguage()
{
    QFETCH(bool, japanese);
    QVERIFY(applyLanguage(japanese ? Language::Japanese : Language::English));
    const QString path = QString::fromStdString(m_file->path().generic_string());
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QFile broken(path);
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{ broken");
    broken.close();

    Opened opened(*m_file, json(), json());
    const QStringList aside = QDir(QFileInfo(path).absolutePath())
                                  .entryList({QStringLiteral("settings.json.broken-*")});
    QCOMPARE(aside.size(), 1);
    const QString keptAs = QFileInfo(path).absolutePath() + u'/' + aside.front();
    const QString expected
        = japanese ? QStringLiteral("設定ファイル %1 は壊れていました（3 バイト目に JSON の構文"
                                    "エラーがあります）。%2 として残し、既定の設定を使います。")
                   : QStringLiteral("Your settings file %1 was broken (it is not JSON (syntax "
                                    "error at byte 3)); it was kept as %2 and the defaults apply.");
    QCOMPARE(opened.dialog->problemsShown(), QStringList{expected.arg(path, keptAs)});
}

// Saving where the folder cannot be made: the dialog stays open and says why in its language.
void tst_SettingsDialog::failedSaveIsSaidInTheReadersLanguage()
{
    QVERIFY(applyLanguage(Language::Japanese));
    const QString folder = QString::fromStdString(m_file->path().parent_path().generic_string());
    QFile blocker(folder);
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.write("a file where the folder should be");
    blocker.close();

    Opened opened(*m_file, json(), json());
    opened.dialog->listEditor("trustedDomains")->setPlainText(QStringLiteral("partner.example"));
    QTest::mouseClick(opened.dialog->saveButton(), Qt::LeftButton);
    QVERIFY(!opened.dialog->saved());
    QVERIFY(opened.dialog->errorLabel()->isVisible());
    QCOMPARE(
        opened.dialog->errorLabel()->text(),
        QStringLiteral("設定を保存できませんでした: フォルダー %1 を作成できません").arg(folder));
}

// The parser's reason and UTS #46's, through the real policy check, in both languages.
void tst_SettingsDialog::unreadableAutoBccSaysWhyInTheReadersLanguage()
{
    const json admin = json::parse(R"({"autoBcc":["archive@","Bob <bob@-x.example>"]})");
    {
        Opened opened(*m_file, admin, json());
        QCOMPARE(opened.dialog->problemsShown(),
                 (QStringList{QStringLiteral("Administrator's policy: Entry 1 of autoBcc, "
                                             "“archive@”, is not a readable email address (there "
                                             "is no domain after '@'); that entry is ignored."),
                              QStringLiteral("Administrator's policy: Entry 2 of autoBcc, “Bob "
                                             "<bob@-x.example>”, is not a readable email address "
                                             "(the domain \"-x.example\" is not valid: a label "
                                             "starts with '-'); that entry is ignored.")}));
    }
    QVERIFY(applyLanguage(Language::Japanese));
    Opened opened(*m_file, admin, json());
    QCOMPARE(opened.dialog->problemsShown(),
             (QStringList{QStringLiteral("管理者ポリシー: autoBcc の 1 番目の項目「archive@」は、"
                                         "読み取れるメールアドレスではありません（「@」の後に"
                                         "ドメインがありません）。この項目は無視されます。"),
                          QStringLiteral("管理者ポリシー: autoBcc の 2 番目の項目「Bob "
                                         "<bob@-x.example>」は、読み取れるメールアドレスではあり"
                                         "ません（ドメイン「-x.example」は無効です: 「-」で始まる"
                                         "ラベルがあります）。この項目は無視されます。")}));
}

void tst_SettingsDialog::switchesAreSavedOnlyWhenTheyDifferFromTheAdmin()
{
    const json admin = {{"countdownSeconds", 3}, {"rules", {{"new-domain", {{"enabled", false}}}}}};
    Opened opened(*m_file, admin, json());
    SettingsDialog &dialog = *opened.dialog;
    showChecks(dialog);
    QCOMPARE(dialog.countdownBox()->value(), 3);
    QVERIFY(!dialog.switchBox("rules.new-domain")->isChecked());
    QVERIFY(dialog.switchBox("rules.large-audience")->isChecked());

    dialog.countdownBox()->setValue(8);
    clickSwitch(dialog, "rules.new-domain");
    clickSwitch(dialog, "rules.large-audience");
    clickSwitch(dialog, "skipWhenInternalOnly");
    QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
    QVERIFY(dialog.saved());
    QCOMPARE(m_file->load().layer,
             json::parse(R"({"countdownSeconds":8,"skipWhenInternalOnly":false,
                             "rules":{"new-domain":{"enabled":true},
                                      "large-audience":{"enabled":false}}})"));

    // Back to the admin's values: the keys go, so a later admin change applies.
    Opened again(*m_file, admin, json());
    showChecks(*again.dialog);
    again.dialog->countdownBox()->setValue(3);
    clickSwitch(*again.dialog, "rules.new-domain");
    clickSwitch(*again.dialog, "rules.large-audience");
    clickSwitch(*again.dialog, "skipWhenInternalOnly");
    QTest::mouseClick(again.dialog->saveButton(), Qt::LeftButton);
    QCOMPARE(m_file->load().layer, json::object());
}

void tst_SettingsDialog::languageIsSavedOnlyWhenItDiffersFromTheAdmin()
{
    const json admin = {{"language", "en"}};
    Opened opened(*m_file, admin, json());
    SettingsDialog &dialog = *opened.dialog;
    showChecks(dialog);
    QComboBox *language = dialog.languageBox();
    QVERIFY(language->isEnabled());
    QCOMPARE(language->currentData().toString(), QStringLiteral("en"));
    QCOMPARE(language->count(), 3);
    QCOMPARE(language->accessibleName(), QStringLiteral("Language"));

    language->setFocus();
    QTest::keyClick(language, Qt::Key_Down); // English -> 日本語
    QCOMPARE(language->currentData().toString(), QStringLiteral("ja"));
    QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
    QVERIFY(dialog.saved());
    QCOMPARE(m_file->load().layer, json::parse(R"({"language":"ja"})"));
    // What was saved is what the host then merges.
    QCOMPARE(mergePolicyLayers(admin, m_file->load().layer).policy.language, std::string("ja"));

    Opened again(*m_file, admin, m_file->load().layer);
    showChecks(*again.dialog);
    QCOMPARE(again.dialog->languageBox()->currentData().toString(), QStringLiteral("ja"));
    again.dialog->languageBox()->setCurrentIndex(
        again.dialog->languageBox()->findData(QStringLiteral("en")));
    QTest::mouseClick(again.dialog->saveButton(), Qt::LeftButton);
    QCOMPARE(m_file->load().layer, json::object());
}

void tst_SettingsDialog::lockedLanguageCannotBeChanged()
{
    const json admin = json::parse(R"({"language":"ja","locked":["language"]})");
    const json user = {{"language", "en"}};
    Opened opened(*m_file, admin, user);
    SettingsDialog &dialog = *opened.dialog;
    showChecks(dialog);
    QVERIFY(!dialog.languageBox()->isEnabled());
    QCOMPARE(dialog.languageBox()->currentData().toString(), QStringLiteral("ja"));
    QVERIFY(dialog.shownLocked("language"));
    QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
    QVERIFY(dialog.saved());
    QCOMPARE(m_file->load().layer, user); // the user's own value is left as it was, unused
}

void tst_SettingsDialog::keysTheDialogDoesNotEditAreKept()
{
    const json user = json::parse(R"({"largeAudience":10,"blockedDomains":["x.example"],
                                      "rules":{"attachment":{"severity":"warn"}}})");
    Opened opened(*m_file, json(), user);
    QTest::mouseClick(opened.dialog->saveButton(), Qt::LeftButton);
    QCOMPARE(m_file->load().layer, user);
}

void tst_SettingsDialog::cancelSavesNothing()
{
    Opened opened(*m_file, json(), {{"attentionTerms", {"Falcon"}}});
    typeInto(opened.dialog->listEditor("attentionTerms"), QStringLiteral("\nEagle"));
    QTest::keyClick(opened.dialog.get(), Qt::Key_Escape);
    QVERIFY(!opened.dialog->saved());
    QCOMPARE(opened.dialog->result(), int(QDialog::Rejected));
    QCOMPARE(m_file->load().layer, json({{"attentionTerms", {"Falcon"}}}));
}

void tst_SettingsDialog::failedSaveKeepsTheDialogOpen()
{
    SettingsDialog dialog({}, [](const json &) -> std::optional<QString> {
        return QStringLiteral("cannot save /x/settings.json: Permission denied");
    });
    dialog.show();
    QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
    QVERIFY(!dialog.saved());
    QVERIFY(dialog.isVisible());
    QVERIFY(dialog.errorLabel()->text().contains(QStringLiteral("Permission denied")));
}

void tst_SettingsDialog::tabMovesFocusOutOfAList()
{
    Opened opened(*m_file, json(), json());
    QPlainTextEdit *trusted = opened.dialog->listEditor("trustedDomains");
    opened.dialog->activateWindow();
    trusted->setFocus();
    QTest::keyClick(trusted, Qt::Key_Tab);
    QVERIFY(!trusted->hasFocus());
    QVERIFY(!trusted->toPlainText().contains(u'\t'));
}

void tst_SettingsDialog::alwaysTrustIsOfferedWhenTrustedDomainsIsNotLocked()
{
    const Review review = partnerReview();
    ConfirmDialog dialog(review, trustUnlessLocked({{"locked", {"attentionTerms"}}}, *m_file));
    QCOMPARE(dialog.trustDomainButtons().size(), 2);
    QCOMPARE(dialog.trustDomainButtons()[0]->text(), QStringLiteral("Always trust this domain"));
    QVERIFY(dialog.trustDomainButtons()[0]->accessibleName().contains(
        QStringLiteral("partner.example")));

    ConfirmDialog noFunction(review);
    QVERIFY(noFunction.trustDomainButtons().isEmpty());

    // A domain whose recipients are all trusted already offers nothing.
    Review partlyTrusted = partnerReview();
    partlyTrusted.recipients[2].trusted = true;
    partlyTrusted.findings.erase(partlyTrusted.findings.begin() + 2);
    ConfirmDialog fewer(partlyTrusted, trustInto(*m_file));
    QCOMPARE(fewer.trustDomainButtons().size(), 1);
    QVERIFY(fewer.trustDomainButtons()[0]->accessibleName().contains(
        QStringLiteral("partner.example")));
}

void tst_SettingsDialog::alwaysTrustIsHiddenWhenLocked()
{
    const Review review = partnerReview();
    ConfirmDialog dialog(review, trustUnlessLocked({{"locked", {"trustedDomains"}}}, *m_file));
    QVERIFY(dialog.trustDomainButtons().isEmpty());
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("trustDomainButton")));

    // Blocked mail offers only Cancel: nothing to trust into sending.
    Review blocked = partnerReview();
    blocked.findings.push_back(
        {"blocked-domain", Severity::Block, {Target::Kind::Recipient, 2, {}}, "blocked", {}, {}});
    ConfirmDialog blockedDialog(blocked, trustInto(*m_file));
    QVERIFY(blockedDialog.trustDomainButtons().isEmpty());
}

void tst_SettingsDialog::alwaysTrustSavesAndTicksOnlyThatDomainsRecipients()
{
    m_file->save({{"trustedDomains", {"old.example"}}, {"countdownSeconds", 2}});
    const Review review = partnerReview();
    ConfirmDialog dialog(review, trustInto(*m_file));
    dialog.show();
    QCheckBox *warning = boxNamed(dialog, QStringLiteral("looks like"));
    QCheckBox *ann = boxNamed(dialog, QStringLiteral("ann@"));
    QCheckBox *ben = boxNamed(dialog, QStringLiteral("ben@"));
    QCheckBox *cat = boxNamed(dialog, QStringLiteral("cat@"));
    QVERIFY(warning && ann && ben && cat);

    QTest::mouseClick(dialog.trustDomainButtons()[0], Qt::LeftButton);
    QCOMPARE(m_file->load().layer, json({{"trustedDomains", {"old.example", "partner.example"}},
                                         {"countdownSeconds", 2}}));
    QVERIFY(ann->isChecked());
    QVERIFY(ben->isChecked());
    QVERIFY(!cat->isChecked());
    QVERIFY2(!warning->isChecked(), "trusting must not silence a warning shown now");
    QVERIFY(!dialog.sendButton()->isEnabled());
    QVERIFY(!dialog.trustDomainButtons()[0]->isEnabled());

    QTest::mouseClick(warning, Qt::LeftButton);
    QTest::mouseClick(cat, Qt::LeftButton);
    QVERIFY(dialog.sendButton()->isEnabled());
}

void tst_SettingsDialog::alwaysTrustFailureIsShown()
{
    const Review review = partnerReview();
    ConfirmDialog dialog(review, [](const std::string &) -> std::optional<QString> {
        return QStringLiteral("disk full");
    });
    dialog.show();
    QTest::mouseClick(dialog.trustDomainButtons()[0], Qt::LeftButton);
    const QLabel *error = dialog.findChild<QLabel *>(QStringLiteral("trustError"));
    QVERIFY(error && error->isVisible());
    QVERIFY(error->text().contains(QStringLiteral("disk full")));
    QVERIFY(!boxNamed(dialog, QStringLiteral("ann@"))->isChecked());
    QVERIFY(dialog.trustDomainButtons()[0]->isEnabled());
}

// A real failure to save (the folder is a file), as the host reports it, in Japanese.
void tst_SettingsDialog::alwaysTrustFailureIsSaidInTheReadersLanguage()
{
    QVERIFY(applyLanguage(Language::Japanese));
    const QString folder = QString::fromStdString(m_file->path().parent_path().generic_string());
    QFile blocker(folder);
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const Review review = partnerReview();
    ConfirmDialog dialog(review, trustInto(*m_file));
    dialog.show();
    QTest::mouseClick(dialog.trustDomainButtons()[0], Qt::LeftButton);
    const QLabel *error = dialog.findChild<QLabel *>(QStringLiteral("trustError"));
    QVERIFY(error && error->isVisible());
    QCOMPARE(error->text(),
             QStringLiteral("ドメインを信頼済みとして保存できませんでした: フォルダー %1 を作成"
                            "できません")
                 .arg(folder));
}

QTEST_MAIN(tst_SettingsDialog)
#include "tst_settingsdialog.moc"
