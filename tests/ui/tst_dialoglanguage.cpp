// The dialog in both languages, for people who do not use a mouse or do not see the screen, and
// under a dark palette and a large font. Runs twice from CTest: with LANG=ja_JP.UTF-8 and with
// LANG=en_US.UTF-8 (SENDGUARD_EXPECT_LANGUAGE says which), so that "auto" is tested against a
// real system locale.

#include "confirmdialog.h"
#include "language.h"
#include "settingsdialog.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSpinBox>
#include <QStyleFactory>
#include <QTabWidget>
#include <QtTest>

#include <memory>
#include <optional>

using namespace sendguard;

namespace {

ReviewedRecipient recipient(Field field, const std::string &name, const std::string &local,
                            const std::string &domain, bool internal = false)
{
    ReviewedRecipient result;
    result.field = field;
    result.displayName = name;
    result.localPart = local;
    result.domain = {domain, domain};
    result.internal = internal;
    return result;
}

Finding finding(const std::string &rule, Severity severity, Target::Kind kind, std::size_t index,
                const std::string &message)
{
    // No kind: the dialog shows the message as it is (RuleMessage::text), here already Japanese.
    return {rule, severity, {kind, index, {}}, message, {}, {}};
}

// Everything the dialog can show at once: outside and inside recipients in To, Cc and Bcc, a
// trusted one, attachments with and without a known size, a warning at the top, cc-exposure
// with its button, a note, auto-Bcc, an unreadable history and a countdown. The finding texts
// are the rules' (another catalogue); here they are Japanese so that the Japanese dialog has no
// English left at all.
Review fullReview()
{
    Review review;
    review.subject = "お見積りの件";
    review.recipients = {
        recipient(Field::To, "山田 花子", "hanako", "client.example"),
        recipient(Field::Cc, "Bob", "bob", "vendor.example"),
        recipient(Field::Cc, "", "carol", "third.example"),
        recipient(Field::Cc, "高橋 美咲", "misaki", "corp.example", true),
        recipient(Field::Bcc, "", "archive", "archive.example"),
        recipient(Field::To, "", "partner", "trusted.example"),
    };
    review.recipients[5].trusted = true;
    review.attachments = {{"見積書.pdf", 48213}, {"price-list.xlsx", -1}, {"memo.txt", 1}};
    review.findings.push_back(finding("attention-term", Severity::Warn, Target::Kind::Draft, 0,
                                      "件名に「見積」が含まれています。"));
    review.findings.push_back(finding("cc-exposure", Severity::Warn, Target::Kind::Draft, 0,
                                      "社外 3 社の宛先どうしでアドレスが見えます。"));
    review.findings.push_back(
        finding("new-recipient", Severity::Info, Target::Kind::Recipient, 2, "初めての宛先です。"));
    review.findings.push_back(finding("attention-attachment", Severity::Warn,
                                      Target::Kind::Attachment, 1, "Excel ファイルです。"));
    for (std::size_t i = 0; i < 5; ++i) {
        if (!review.recipients[i].internal)
            review.findings.push_back(finding("external-recipient", Severity::Confirm,
                                              Target::Kind::Recipient, i, "社外"));
    }
    for (std::size_t i = 0; i < review.attachments.size(); ++i)
        review.findings.push_back(
            finding("attachment", Severity::Confirm, Target::Kind::Attachment, i, "添付ファイル"));
    review.findings.push_back(
        finding("large-audience", Severity::Info, Target::Kind::Draft, 0, "宛先が多めです。"));
    review.autoBcc = {"audit@corp.example"};
    review.historyUnavailable = true;
    review.countdownSeconds = 3;
    return review;
}

Review blockedReview()
{
    Review review;
    review.recipients = {recipient(Field::To, "", "x", "blocked.example")};
    review.findings.push_back(finding("blocked-domain", Severity::Block, Target::Kind::Recipient, 0,
                                      "送信が禁止されたドメインです。"));
    return review;
}

// Text that comes from the mail or the rules, not from SendGuard's catalogue: addresses,
// domains, names, file names, the subject and finding messages.
QStringList dataTexts(const Review &review)
{
    QStringList texts{QString::fromStdString(review.subject)};
    for (const ReviewedRecipient &r : review.recipients) {
        texts << QString::fromStdString(r.localPart + "@" + r.domain.ascii)
              << QString::fromStdString(r.domain.ascii) << QString::fromStdString(r.displayName);
    }
    for (const Attachment &a : review.attachments)
        texts << QString::fromStdString(a.name);
    for (const Finding &f : review.findings)
        texts << QString::fromStdString(f.message);
    for (const std::string &address : review.autoBcc)
        texts << QString::fromStdString(address);
    texts.removeAll(QString());
    // Longest first, so that "a@b.example" goes before "b.example".
    std::sort(texts.begin(), texts.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
    return texts;
}

// Every text a person can see or hear: labels, buttons, the title, tool tips, accessible names
// and descriptions, hidden widgets included (they show later: "Moved to Bcc", the countdown).
QStringList shownTexts(const QWidget &dialog)
{
    QStringList texts{dialog.windowTitle()};
    QList<const QWidget *> widgets;
    for (const QWidget *widget : dialog.findChildren<QWidget *>())
        widgets << widget;
    for (const QWidget *widget : widgets) {
        if (const auto *label = qobject_cast<const QLabel *>(widget))
            texts << label->text();
        if (const auto *button = qobject_cast<const QAbstractButton *>(widget))
            texts << button->text();
        texts << widget->toolTip() << widget->accessibleName() << widget->accessibleDescription();
    }
    texts.removeAll(QString());
    return texts;
}

// What is left of `text` once the mail's own words are taken out.
QString withoutData(QString text, const QStringList &data)
{
    text.remove(QStringLiteral("<p style=\"white-space:pre-wrap\">"))
        .remove(QStringLiteral("</p>"));
    for (const QString &item : data)
        text.replace(item, QStringLiteral(" "));
    return text;
}

// Latin words a Japanese screen keeps as they are: the mail fields as Thunderbird's Japanese
// screens name them, units, the key name and the product's name.
const QRegularExpression
    kJapaneseKeepsLatin(QStringLiteral("\\b(Cc|Bcc|KB|MB|GB|TB|MiB|JSON|Esc|SendGuard)\\b"));
const QRegularExpression kAsciiLetters(QStringLiteral("[A-Za-z]{2,}"));
const QRegularExpression
    kJapaneseScript(QStringLiteral("[\\x{3040}-\\x{30ff}\\x{4e00}-\\x{9fff}]"));

QString accessibleName(QWidget *widget)
{
    QAccessibleInterface *interface = QAccessible::queryAccessibleInterface(widget);
    return interface ? interface->text(QAccessible::Name) : QString();
}

// Widgets Tab reaches, in the order it reaches them, from the first.
QList<QWidget *> tabChain(QWidget *first)
{
    QList<QWidget *> chain;
    QWidget *widget = first;
    do {
        if (widget->isVisible() && widget->isEnabled() && (widget->focusPolicy() & Qt::TabFocus))
            chain << widget;
        widget = widget->nextInFocusChain();
    } while (widget && widget != first);
    return chain;
}

QPoint positionIn(const QWidget *widget, const QWidget *dialog)
{
    return widget->mapTo(dialog, QPoint(0, 0));
}

QPalette darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x30));
    palette.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    palette.setColor(QPalette::Base, QColor(0x1f, 0x20, 0x22));
    palette.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    palette.setColor(QPalette::Button, QColor(0x3a, 0x3c, 0x40));
    palette.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    palette.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    return palette;
}

// WCAG 2 contrast ratio of two colours.
double contrast(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto channel = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF())
               + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a) + 0.05;
    const double lb = luminance(b) + 0.05;
    return la > lb ? la / lb : lb / la;
}

// What a label is drawn on: the colour most of its pixels have in the dialog's picture.
QColor backgroundBehind(const QImage &image, const QWidget *label, const QWidget *dialog)
{
    const QRect rect(positionIn(label, dialog) * image.devicePixelRatio(),
                     label->size() * image.devicePixelRatio());
    QHash<QRgb, int> counts;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x) {
            if (image.rect().contains(x, y))
                ++counts[image.pixel(x, y)];
        }
    }
    QRgb most = 0;
    int mostCount = -1;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() > mostCount) {
            most = it.key();
            mostCount = it.value();
        }
    }
    return QColor::fromRgb(most);
}

// A problem as validPolicyLayer and mergePolicyLayers report it.
PolicyProblem problem(PolicyProblem::Layer layer, PolicyProblem::Kind kind, std::string key,
                      std::optional<std::size_t> index = std::nullopt, std::string text = {})
{
    PolicyProblem found;
    found.layer = layer;
    found.kind = kind;
    found.key = std::move(key);
    found.index = index;
    found.text = std::move(text);
    found.message = "the English sentence for the log";
    return found;
}

// The settings dialog with everything it can show: problems in both layers, the admin's entries
// beside the user's, locked keys, a check the admin turned off.
SettingsLayers fullSettings()
{
    using Kind = PolicyProblem::Kind;
    using Layer = PolicyProblem::Layer;
    SettingsLayers layers;
    layers.problems = {
        problem(Layer::Admin, Kind::InvalidPattern, "trustedDomains", 1, "bad*.example"),
        problem(Layer::Admin, Kind::UnknownKey, "", std::nullopt, "noSuchKey"),
        problem(Layer::User, Kind::LockedByAdmin, "attentionTerms"),
        problem(Layer::User, Kind::LoneString, "trustedDomains", std::nullopt, "partner.example"),
    };
    layers.problems.front().patternFault = PatternFault::MisplacedWildcard;
    // The settings file, broken and set aside, as UserSettingsFile::load reports it.
    PolicyProblem file = problem(Layer::User, Kind::SettingsFile, "");
    file.settingsFile.kind = SettingsFileProblem::Kind::SetAside;
    file.settingsFile.fault = SettingsFileProblem::Fault::NotJson;
    file.settingsFile.position = 12;
    file.settingsFile.path = "/home/hanako/.config/sendguard/settings.json";
    file.settingsFile.setAsideAs = file.settingsFile.path + ".broken-20261203T101500Z";
    layers.problems.push_back(file);
    layers.admin = nlohmann::json::parse(R"({"internalDomains":["corp.example"],
        "attentionTerms":["極秘"],"countdownSeconds":3,"locked":["attentionTerms","language"],
        "rules":{"new-domain":{"enabled":false}}})");
    layers.user = nlohmann::json::parse(R"({"trustedDomains":["partner.example"]})");
    return layers;
}

// The mail-like words of fullSettings() and the dialog's example patterns.
const QStringList kSettingsData{
    // The policy keys and offending texts that the problems name.
    QStringLiteral("bad*.example"),
    QStringLiteral("trustedDomains"),
    QStringLiteral("attentionTerms"),
    QStringLiteral("noSuchKey"),
    QStringLiteral("name@partner.example"),
    QStringLiteral("*.partner.example"),
    QStringLiteral("partner.example"),
    QStringLiteral("corp.example"),
    QStringLiteral("極秘"),
    // The settings file and where it was set aside.
    QStringLiteral("/home/hanako/.config/sendguard/settings.json.broken-20261203T101500Z"),
    QStringLiteral("/home/hanako/.config/sendguard/settings.json"),
};

// shownTexts() and what only a settings dialog has: group titles, tab names, placeholders, the
// spin box's unit and "none", and the language choice's first item (the others name each
// language in itself: "English", "日本語").
QStringList settingsTexts(const SettingsDialog &dialog)
{
    QStringList texts = shownTexts(dialog);
    for (const QGroupBox *box : dialog.findChildren<QGroupBox *>())
        texts << box->title();
    for (const QTabWidget *tabs : dialog.findChildren<QTabWidget *>()) {
        for (int i = 0; i < tabs->count(); ++i)
            texts << tabs->tabText(i);
    }
    for (const QPlainTextEdit *editor : dialog.findChildren<QPlainTextEdit *>())
        texts << editor->placeholderText();
    for (const QSpinBox *spin : dialog.findChildren<QSpinBox *>())
        texts << spin->suffix() << spin->specialValueText();
    for (const QComboBox *combo : dialog.findChildren<QComboBox *>())
        texts << combo->itemText(0);
    texts.removeAll(QString());
    texts.removeAll(QStringLiteral(" "));
    return texts;
}

bool showAndActivate(ConfirmDialog &dialog)
{
    dialog.show();
    return QTest::qWaitForWindowActive(&dialog);
}

} // namespace

class tst_DialogLanguage : public QObject
{
    Q_OBJECT

private slots:
    void systemLocalePicksTheLanguage();
    void policyForcesTheLanguage();
    void japaneseDialogHasNoEnglishLeft();
    void englishDialogHasNoJapanese();
    void englishNumerusForms();
    void japaneseSettingsDialogHasNoEnglishLeft();
    void englishSettingsDialogHasNoJapanese();
    void settingsControlsSayWhatTheyAre_data();
    void settingsControlsSayWhatTheyAre();
    void qtStandardButtonsFollowTheLanguage();
    void checkBoxesSayWhatTheyAre_data();
    void checkBoxesSayWhatTheyAre();
    void domainHeadersSayTheDomainAndCount();
    void tabOrderFollowsTheVisualOrder();
    void darkPaletteKeepsEveryTextReadable();
    void largeFontClipsNoText();
    void cleanupTestCase();
};

void tst_DialogLanguage::systemLocalePicksTheLanguage()
{
    const QByteArray expected = qgetenv("SENDGUARD_EXPECT_LANGUAGE");
    if (expected.isEmpty())
        QSKIP("run by CTest with LANG set and SENDGUARD_EXPECT_LANGUAGE=en or ja");
    QCOMPARE(languageCode(systemLanguage()), QString::fromLatin1(expected));
    QCOMPARE(languageFromPolicy("auto"), systemLanguage());
}

void tst_DialogLanguage::policyForcesTheLanguage()
{
    QCOMPARE(languageFromPolicy("ja"), Language::Japanese);
    QCOMPARE(languageFromPolicy("en"), Language::English);
    QCOMPARE(languageFromPolicy("fr"), systemLanguage());

    QVERIFY(applyLanguage(languageFromPolicy("ja")));
    QCOMPARE(currentLanguage(), Language::Japanese);
    QCOMPARE(ConfirmDialog(fullReview()).sendButton()->text(), QStringLiteral("送信"));
    QVERIFY(applyLanguage(languageFromPolicy("en")));
    QCOMPARE(ConfirmDialog(fullReview()).sendButton()->text(), QStringLiteral("Send"));
    // Back and forth: the earlier catalogue is gone, not shadowing the new one.
    QVERIFY(applyLanguage(Language::Japanese));
    QCOMPARE(ConfirmDialog(fullReview()).cancelButton()->text(), QStringLiteral("キャンセル"));
}

void tst_DialogLanguage::japaneseDialogHasNoEnglishLeft()
{
    QVERIFY(applyLanguage(Language::Japanese));
    for (const Review &review : {fullReview(), blockedReview()}) {
        ConfirmDialog dialog(review);
        QVERIFY(showAndActivate(dialog));
        const QStringList data = dataTexts(review);
        QStringList texts = shownTexts(dialog);
        // The states after "Move everyone to Bcc" and after Send, with their own texts.
        if (QPushButton *move = dialog.moveToBccButton()) {
            move->click();
            for (QCheckBox *box : dialog.checkBoxes())
                box->setChecked(true);
            dialog.sendButton()->click();
            QVERIFY(dialog.countdownRunning());
            texts << shownTexts(dialog);
        }
        for (const QString &text : std::as_const(texts)) {
            QString rest = withoutData(text, data);
            rest.remove(kJapaneseKeepsLatin);
            QVERIFY2(
                !kAsciiLetters.match(rest).hasMatch(),
                qPrintable(QStringLiteral("English in the Japanese dialog: \"%1\"").arg(text)));
        }
        dialog.reject();
    }
}

void tst_DialogLanguage::englishDialogHasNoJapanese()
{
    QVERIFY(applyLanguage(Language::English));
    for (const Review &review : {fullReview(), blockedReview()}) {
        ConfirmDialog dialog(review);
        const QStringList data = dataTexts(review);
        for (const QString &text : shownTexts(dialog)) {
            const QString rest = withoutData(text, data);
            QVERIFY2(
                !kJapaneseScript.match(rest).hasMatch(),
                qPrintable(QStringLiteral("Japanese in the English dialog: \"%1\"").arg(text)));
        }
    }
}

void tst_DialogLanguage::englishNumerusForms()
{
    QVERIFY(applyLanguage(Language::English));
    Review review;
    review.recipients = {recipient(Field::To, "", "a", "one.example")};
    review.attachments = {{"a.txt", 1}};
    review.findings.push_back(
        finding("external-recipient", Severity::Confirm, Target::Kind::Recipient, 0, "outside"));
    review.findings.push_back(
        finding("attachment", Severity::Confirm, Target::Kind::Attachment, 0, "attachment"));
    ConfirmDialog one(review);
    QCOMPARE(one.findChild<QLabel *>(QStringLiteral("summaryLabel"))->text(),
             QStringLiteral("1 person at 1 outside organisation will receive 1 attachment."));
    QCOMPARE(one.checkBoxes().last()->accessibleName(), QStringLiteral("Attachment a.txt, 1 byte"));

    review.recipients.push_back(recipient(Field::To, "", "b", "two.example"));
    review.attachments.push_back({"b.txt", 2});
    ConfirmDialog two(review);
    QCOMPARE(two.findChild<QLabel *>(QStringLiteral("summaryLabel"))->text(),
             QStringLiteral("2 people at 2 outside organisations will receive 2 attachments."));

    QVERIFY(applyLanguage(Language::Japanese));
    ConfirmDialog japanese(review);
    QCOMPARE(japanese.findChild<QLabel *>(QStringLiteral("summaryLabel"))->text(),
             QStringLiteral("社外の 2 社の 2 名に、このメールと添付ファイル 2 件が送信されます。"));
}

void tst_DialogLanguage::japaneseSettingsDialogHasNoEnglishLeft()
{
    QVERIFY(applyLanguage(Language::Japanese));
    SettingsDialog dialog(fullSettings(), {});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QStringList texts = settingsTexts(dialog);
    QVERIFY(texts.size() > 30);
    for (const QString &text : texts) {
        QString rest = withoutData(text, kSettingsData);
        rest.remove(kJapaneseKeepsLatin);
        QVERIFY2(!kAsciiLetters.match(rest).hasMatch(),
                 qPrintable(QStringLiteral("English in the Japanese settings: \"%1\"").arg(text)));
    }
    QCOMPARE(dialog.windowTitle(), QStringLiteral("SendGuard の設定"));
    const QStringList problems = dialog.problemsShown();
    QCOMPARE(problems.size(), 5);
    QVERIFY2(problems.contains(QStringLiteral(
                 "管理者ポリシー: trustedDomains の 2 番目の項目は有効なパターンではありません: "
                 "「bad*.example」では「*」はドメインの先頭に「*.」の形でのみ使えます。この項目は"
                 "無視されます。")),
             qPrintable(problems.join(u'\n')));
    QVERIFY2(problems.contains(QStringLiteral(
                 "設定ファイル /home/hanako/.config/sendguard/settings.json は壊れていました（12 "
                 "バイト目に JSON の構文エラーがあります）。/home/hanako/.config/sendguard/"
                 "settings.json.broken-20261203T101500Z として残し、既定の設定を使います。")),
             qPrintable(problems.join(u'\n')));

    // A pattern typed in that does not parse is refused in Japanese too.
    dialog.listEditor("trustedDomains")
        ->setPlainText(QStringLiteral("partner.example\n@x.example"));
    QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
    QVERIFY(dialog.errorLabel()->isVisible());
    QCOMPARE(
        dialog.errorLabel()->text(),
        QStringLiteral("信頼するドメイン の 2 行目: 「@x.example」は「@」の前に何もありません。"
                       "ドメインだけを書いてください。修正するか削除してから、もう一度保存して"
                       "ください。"));
}

void tst_DialogLanguage::englishSettingsDialogHasNoJapanese()
{
    QVERIFY(applyLanguage(Language::English));
    SettingsDialog dialog(fullSettings(), {});
    for (const QString &text : settingsTexts(dialog)) {
        const QString rest = withoutData(text, kSettingsData);
        QVERIFY2(!kJapaneseScript.match(rest).hasMatch(),
                 qPrintable(QStringLiteral("Japanese in the English settings: \"%1\"").arg(text)));
    }
}

void tst_DialogLanguage::settingsControlsSayWhatTheyAre_data()
{
    QTest::addColumn<bool>("japanese");
    QTest::newRow("en") << false;
    QTest::newRow("ja") << true;
}

// Every list, switch, the countdown and the language choice have a name a screen reader says,
// in the dialog's language; the lists' names are their titles.
void tst_DialogLanguage::settingsControlsSayWhatTheyAre()
{
    QFETCH(bool, japanese);
    QVERIFY(applyLanguage(japanese ? Language::Japanese : Language::English));
    SettingsDialog dialog(fullSettings(), {});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QList<QWidget *> controls;
    for (QWidget *widget : dialog.findChildren<QWidget *>()) {
        if (qobject_cast<QPlainTextEdit *>(widget) || qobject_cast<QCheckBox *>(widget)
            || qobject_cast<QSpinBox *>(widget) || qobject_cast<QComboBox *>(widget))
            controls << widget;
    }
    QVERIFY(std::size_t(controls.size()) >= 3 + 1 + SettingsDialog::switchableRules().size() + 2);
    for (QWidget *control : std::as_const(controls)) {
        const QString name = accessibleName(control);
        QVERIFY2(!name.isEmpty(), qPrintable(control->objectName()));
        if (japanese)
            QVERIFY2(kJapaneseScript.match(name).hasMatch(), qPrintable(name));
        else
            QVERIFY2(!kJapaneseScript.match(name).hasMatch(), qPrintable(name));
    }
    QCOMPARE(accessibleName(dialog.listEditor("trustedDomains")),
             japanese ? QStringLiteral("信頼するドメイン") : QStringLiteral("Trusted domains"));
    QCOMPARE(dialog.languageBox()->accessibleName(),
             japanese ? QStringLiteral("言語") : QStringLiteral("Language"));
}

void tst_DialogLanguage::qtStandardButtonsFollowTheLanguage()
{
    QVERIFY(applyLanguage(Language::Japanese));
    QDialogButtonBox japanese(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QCOMPARE(japanese.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("キャンセル"));
    // The settings dialog's lists: a right click gives Qt's own menu (Undo, Copy, Paste, ...).
    QPlainTextEdit editor(QStringLiteral("partner.example"));
    std::unique_ptr<QMenu> menu(editor.createStandardContextMenu());
    int items = 0;
    for (const QAction *action : menu->actions()) {
        if (action->isSeparator())
            continue;
        ++items;
        QVERIFY2(kJapaneseScript.match(action->text()).hasMatch(),
                 qPrintable(QStringLiteral("Qt's menu item in English: ") + action->text()));
    }
    QVERIFY(items >= 5);
    QVERIFY(applyLanguage(Language::English));
    QDialogButtonBox english(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QCOMPARE(english.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Cancel"));
}

void tst_DialogLanguage::checkBoxesSayWhatTheyAre_data()
{
    QTest::addColumn<bool>("japanese");
    QTest::addColumn<QStringList>("names");
    QTest::newRow("en")
        << false
        << QStringList{
               "Warning: 件名に「見積」が含まれています。",
               "Warning: 社外 3 社の宛先どうしでアドレスが見えます。",
               "Warning: Excel ファイルです。",
               "External recipient hanako@client.example, To, domain client.example",
               "External recipient bob@vendor.example, Cc, domain vendor.example",
               "External recipient carol@third.example, Cc, domain third.example",
               "External recipient archive@archive.example, Bcc, domain "
               "archive.example",
               "Attachment 見積書.pdf, 47.1 KB",
               "Attachment price-list.xlsx, size unknown",
               "Attachment memo.txt, 1 byte",
           };
    QTest::newRow("ja") << true
                        << QStringList{
                               "警告: 件名に「見積」が含まれています。",
                               "警告: 社外 3 社の宛先どうしでアドレスが見えます。",
                               "警告: Excel ファイルです。",
                               "社外の宛先 hanako@client.example、宛先、ドメイン client.example",
                               "社外の宛先 bob@vendor.example、Cc、ドメイン vendor.example",
                               "社外の宛先 carol@third.example、Cc、ドメイン third.example",
                               "社外の宛先 archive@archive.example、Bcc、ドメイン archive.example",
                               "添付ファイル 見積書.pdf、47.1 KB",
                               "添付ファイル price-list.xlsx、サイズ不明",
                               "添付ファイル memo.txt、1 バイト",
                           };
}

void tst_DialogLanguage::checkBoxesSayWhatTheyAre()
{
    QFETCH(bool, japanese);
    QFETCH(QStringList, names);
    QVERIFY(applyLanguage(japanese ? Language::Japanese : Language::English));
    ConfirmDialog dialog(fullReview());
    QVERIFY(showAndActivate(dialog));
    QStringList found;
    for (QCheckBox *box : dialog.checkBoxes())
        found << accessibleName(box);
    QCOMPARE(found, names);

    // The reasons next to an item are its description: the attention-attachment warning.
    const QString description = QAccessible::queryAccessibleInterface(dialog.checkBoxes()[8])
                                    ->text(QAccessible::Description);
    QVERIFY2(description.contains(QStringLiteral("Excel ファイルです。")), qPrintable(description));
    // The progress line and the buttons are named too.
    QCOMPARE(accessibleName(dialog.sendButton()), japanese ? "送信" : "Send");
    QVERIFY(!accessibleName(dialog.findChild<QLabel *>(QStringLiteral("progressLabel"))).isEmpty());
}

void tst_DialogLanguage::domainHeadersSayTheDomainAndCount()
{
    QVERIFY(applyLanguage(Language::Japanese));
    Review review = fullReview();
    review.recipients.push_back(recipient(Field::To, "", "second", "client.example"));
    ConfirmDialog dialog(review);
    QStringList names;
    for (QLabel *label : dialog.findChildren<QLabel *>(QStringLiteral("domainHeader")))
        names << accessibleName(label);
    QVERIFY2(names.contains(QStringLiteral("ドメイン client.example、2 名")),
             qPrintable(names.join('|')));
    QVERIFY2(names.contains(QStringLiteral("ドメイン vendor.example、1 名")),
             qPrintable(names.join('|')));
}

// Tab goes top to bottom, left to right: the warnings, the Move to Bcc button next to its
// warning, the recipients, the attachments, then Send and Cancel, and round again.
void tst_DialogLanguage::tabOrderFollowsTheVisualOrder()
{
    QVERIFY(applyLanguage(Language::Japanese));
    ConfirmDialog dialog(fullReview());
    QVERIFY(showAndActivate(dialog));
    for (QCheckBox *box : dialog.checkBoxes())
        box->setChecked(true);
    const QList<QWidget *> chain = tabChain(dialog.checkBoxes().first());
    QCOMPARE(chain.size(), dialog.checkBoxes().size() + 3); // + Move to Bcc, Send, Cancel
    QCOMPARE(chain[2], dialog.moveToBccButton());
    QCOMPARE(chain[chain.size() - 2], dialog.sendButton());
    QCOMPARE(chain.last(), dialog.cancelButton());
    // Inside the scrolling list, positions count in the list (a box may be scrolled out of sight);
    // the buttons below it come after everything in it.
    const auto *scrollArea = dialog.findChild<QScrollArea *>(QStringLiteral("itemsScrollArea"));
    const QWidget *content = scrollArea->widget();
    for (int i = 0; i + 1 < chain.size(); ++i) {
        const bool hereInList = content->isAncestorOf(chain[i]);
        const bool nextInList = content->isAncestorOf(chain[i + 1]);
        const QString step = QStringLiteral("%1 before %2")
                                 .arg(accessibleName(chain[i]), accessibleName(chain[i + 1]));
        if (hereInList && !nextInList) {
            QVERIFY2(positionIn(chain[i + 1], &dialog).y()
                         >= positionIn(scrollArea, &dialog).y() + scrollArea->height(),
                     qPrintable(step));
            continue;
        }
        QVERIFY2(hereInList == nextInList, qPrintable(step));
        const QWidget *frame = hereInList ? content : &dialog;
        const QPoint here = positionIn(chain[i], frame);
        const QPoint next = positionIn(chain[i + 1], frame);
        const bool sameRow = std::abs(here.y() - next.y()) < chain[i]->height() / 2;
        QVERIFY2(sameRow ? here.x() < next.x() : here.y() < next.y(), qPrintable(step));
    }
    // Pressing Tab really walks that chain.
    chain.first()->setFocus(Qt::TabFocusReason);
    for (QWidget *expected : chain) {
        QCOMPARE(QApplication::focusWidget(), expected);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    }
    QCOMPARE(QApplication::focusWidget(), chain.first());
}

// Under a dark palette every text keeps at least WCAG's 3:1 against what it is drawn on: no
// colour is fixed for a light background only.
void tst_DialogLanguage::darkPaletteKeepsEveryTextReadable()
{
    QVERIFY(applyLanguage(Language::Japanese));
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    const QPalette before = QApplication::palette();
    QApplication::setPalette(darkPalette());
    {
        ConfirmDialog dialog(fullReview());
        QVERIFY(showAndActivate(dialog));
        const QImage image = dialog.grab().toImage();
        int checked = 0;
        for (QLabel *label : dialog.findChildren<QLabel *>()) {
            if (!label->isVisible() || label->text().isEmpty())
                continue;
            const QColor text = label->palette().color(QPalette::WindowText);
            const QColor background = backgroundBehind(image, label, &dialog);
            ++checked;
            QVERIFY2(contrast(text, background) >= 3.0,
                     qPrintable(QStringLiteral("\"%1\": %2 on %3, contrast %4")
                                    .arg(label->text(), text.name(), background.name())
                                    .arg(contrast(text, background))));
        }
        QVERIFY(checked > 10);
    }
    QApplication::setPalette(before);
}

// With the system font twice as large (and under QT_SCALE_FACTOR=2 from CTest) every label
// and button gets the room its text needs: nothing is cut off by a fixed size.
void tst_DialogLanguage::largeFontClipsNoText()
{
    QVERIFY(applyLanguage(Language::Japanese));
    // At QT_SCALE_FACTOR=2 the offscreen screen has 400x300 logical pixels: a normal font there
    // is what a 2x font is on a 800x600 screen.
    const double factor = qEnvironmentVariableIntValue("QT_SCALE_FACTOR") > 1 ? 1.0 : 2.0;
    const QFont before = QApplication::font();
    QFont large = before;
    large.setPointSizeF(before.pointSizeF() * factor);
    QApplication::setFont(large);
    {
        ConfirmDialog dialog(fullReview());
        QVERIFY(showAndActivate(dialog));
        QVERIFY(dialog.width() >= dialog.minimumSizeHint().width());
        int checked = 0;
        for (QLabel *label : dialog.findChildren<QLabel *>()) {
            if (!label->isVisible() || label->text().isEmpty())
                continue;
            ++checked;
            const QSize needed = label->wordWrap() ? QSize(label->minimumSizeHint().width(),
                                                           label->heightForWidth(label->width()))
                                                   : label->sizeHint();
            QVERIFY2(label->width() >= needed.width() && label->height() >= needed.height(),
                     qPrintable(QStringLiteral("\"%1\" is %2x%3 but needs %4x%5")
                                    .arg(label->text())
                                    .arg(label->width())
                                    .arg(label->height())
                                    .arg(needed.width())
                                    .arg(needed.height())));
        }
        QVERIFY(checked > 10);
        for (QAbstractButton *button : dialog.findChildren<QAbstractButton *>()) {
            if (button->isVisible() && !qobject_cast<QCheckBox *>(button))
                QVERIFY(button->width() >= button->sizeHint().width());
        }
        // The font really is larger where it matters.
        if (factor > 1)
            QVERIFY(dialog.sendButton()->fontMetrics().height() > QFontMetrics(before).height());
    }
    QApplication::setFont(before);
}

void tst_DialogLanguage::cleanupTestCase()
{
    applyLanguage(Language::English);
}

QTEST_MAIN(tst_DialogLanguage)
#include "tst_dialoglanguage.moc"
