// Shows the confirmation dialog for a realistic review and saves what it looks like:
//   screenshot_dialog OUT.png [--many] [--block] [--long] [--dark] [--lang en|ja]
//                     [--font-scale F] [--check-glyphs] [--settings [--checks-tab] [--problems]]
// --settings shows the settings dialog instead (the admin's entries beside the user's, a locked
// list, a check the admin turned off), --checks-tab its second page, --problems with the problems
// a broken settings file (a real one, written to a temporary folder and read as the host reads
// it) and an unreadable autoBcc entry give.
// --many adds forty recipients (to see scrolling), --block a blocked domain and an unreadable
// entry, --long hostile long texts and markup, --dark a dark palette. --lang picks the dialog's
// language (default: the system's) and, for ja, Japanese names and finding texts as the rules
// would write them; --font-scale multiplies the application font. --check-glyphs fails (exit 1)
// when any visible text has a character that no installed font can draw, as the text is laid out
// with the font its widget resolves to, fallbacks included.

#include "confirmdialog.h"
#include "language.h"
#include "protocol/policylayers.h"
#include "settings/usersettings.h"
#include "settingsdialog.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QGlyphRun>
#include <QGroupBox>
#include <QLabel>
#include <QPalette>
#include <QSet>
#include <QStringList>
#include <QStyleFactory>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextLayout>
#include <QTimer>

#include <cstdio>
#include <memory>
#include <optional>
#include <string>

using namespace sendguard;

namespace {

ReviewedRecipient recipient(Field field, const std::string &name, const std::string &local,
                            const std::string &ascii, const std::string &unicode = {})
{
    ReviewedRecipient result;
    result.field = field;
    result.displayName = name;
    result.localPart = local;
    result.domain = {ascii, unicode.empty() ? ascii : unicode};
    return result;
}

Finding finding(const std::string &rule, Severity severity, Target::Kind kind, std::size_t index,
                const std::string &message)
{
    return {rule, severity, {kind, index, {}}, message, {}, {}};
}

// The Japanese sample: names, file names and finding texts as a Japanese office would have them.
void makeJapanese(Review &review)
{
    review.subject = "3月分お見積りの件（価格・納期改定）";
    review.recipients[0].displayName = "山田 花子";
    review.recipients[1].displayName = "佐藤 一郎";
    review.recipients[2].displayName = "鈴木 健太";
    review.recipients[3].displayName = "高橋 美咲";
    review.attachments[0].name = "見積書_2026年3月.pdf";
    review.attachments[1].name = "価格表（研究開発部）.xlsx";
    for (Finding &finding : review.findings) {
        if (finding.rule == "attention-term")
            finding.message
                = "件名に「価格」が含まれています。組織の規定により、社外に送る前に確認が"
                  "必要です。";
        else if (finding.rule == "external-recipient")
            finding.message = "社外の宛先";
        else if (finding.rule == "new-domain")
            finding.message = "bücher.example にはこれまでメールを送ったことがありません。";
        else if (finding.rule == "attachment")
            finding.message = "添付ファイル";
        else if (finding.rule == "blocked-domain")
            finding.message = "組織の規定により lawfirm.example へのメールは送信できません。";
        else if (finding.rule == "invalid-address")
            finding.message = "この入力はメールを受け取れるアドレスではありません。";
    }
}

// Every character of `text` that the font it is drawn with (fallbacks included) has no glyph
// for: QTextLayout picks the font per character as painting does, and glyph 0 is the "missing"
// box.
QString missingGlyphs(const QString &text, const QFont &font)
{
    QString missing;
    QSet<char32_t> seen;
    for (const char32_t c : text.toUcs4()) {
        if (seen.contains(c) || QChar::isSpace(c) || QChar::category(c) == QChar::Other_Control
            || QChar::category(c) == QChar::Other_Format)
            continue;
        seen.insert(c);
        QTextLayout layout(QString::fromUcs4(&c, 1), font);
        layout.beginLayout();
        layout.createLine();
        layout.endLayout();
        for (const QGlyphRun &run : layout.glyphRuns()) {
            const QList<quint32> glyphs = run.glyphIndexes();
            if (glyphs.isEmpty() || glyphs.contains(0u))
                missing += QString::fromUcs4(&c, 1);
        }
    }
    return missing;
}

// Checks every visible text of the dialog; prints each failure. Returns how many texts failed.
int checkGlyphs(const QWidget &dialog)
{
    struct Text
    {
        QString text;
        QFont font;
        QString where;
    };
    QList<Text> texts{{dialog.windowTitle(), QApplication::font("QWidget"), "window title"}};
    for (const QLabel *label : dialog.findChildren<QLabel *>()) {
        if (label->isVisible() && !label->text().isEmpty())
            texts.append({label->text(), label->font(), label->objectName()});
    }
    for (const QAbstractButton *button : dialog.findChildren<QAbstractButton *>()) {
        if (button->isVisible() && !button->text().isEmpty())
            texts.append({button->text(), button->font(), button->objectName()});
    }
    for (const QGroupBox *box : dialog.findChildren<QGroupBox *>()) {
        if (box->isVisible())
            texts.append({box->title(), box->font(), box->objectName()});
    }
    for (const QTabWidget *tabs : dialog.findChildren<QTabWidget *>()) {
        for (int i = 0; i < tabs->count(); ++i)
            texts.append({tabs->tabText(i), tabs->tabBar()->font(), QStringLiteral("tab")});
    }
    for (const QComboBox *combo : dialog.findChildren<QComboBox *>()) {
        for (int i = 0; i < combo->count(); ++i)
            texts.append({combo->itemText(i), combo->font(), combo->objectName()});
    }
    int failures = 0;
    for (const Text &text : texts) {
        const QString missing = missingGlyphs(text.text, text.font);
        if (missing.isEmpty())
            continue;
        ++failures;
        std::fprintf(stderr, "missing glyphs for \"%s\" in \"%s\" (%s, font %s)\n",
                     qPrintable(missing), qPrintable(text.text), qPrintable(text.where),
                     qPrintable(text.font.family()));
    }
    std::printf("%lld visible texts checked for missing glyphs, %d failed\n",
                static_cast<long long>(texts.size()), failures);
    return failures;
}

QString argumentAfter(const QStringList &arguments, const QString &flag)
{
    const qsizetype at = arguments.indexOf(flag);
    return at >= 0 && at + 1 < arguments.size() ? arguments[at + 1] : QString();
}

Review sampleReview(bool many, bool block, bool longTexts)
{
    Review review;
    review.subject = "Quote for March – revised prices & delivery dates";
    review.recipients = {
        recipient(Field::To, "Alice Example", "alice", "client.example"),
        recipient(Field::To, "Max Mustermann", "max", "xn--bcher-kva.example",
                  "b\xc3\xbc"
                  "cher.example"),
        recipient(Field::Cc, "Bob Builder", "bob", "client.example"),
        recipient(Field::Cc, "Carol Colleague", "carol", "corp.example"),
        recipient(Field::Bcc, "", "archive", "lawfirm.example"),
    };
    review.recipients[3].internal = true;
    if (many) {
        for (int i = 0; i < 40; ++i)
            review.recipients.push_back(recipient(Field::To, "Customer " + std::to_string(i + 1),
                                                  "customer" + std::to_string(i + 1),
                                                  "shop" + std::to_string(i % 4) + ".example"));
    }
    review.attachments = {{"quote-2026-03.pdf", 48213}, {"price list R&D.xlsx", 1843200}};

    review.findings.push_back(finding("attention-term", Severity::Warn, Target::Kind::Draft, 0,
                                      "The subject mentions prices, which your organisation "
                                      "asks you to check before they leave."));
    for (std::size_t i = 0; i < review.recipients.size(); ++i) {
        if (!review.recipients[i].internal)
            review.findings.push_back(finding("external-recipient", Severity::Confirm,
                                              Target::Kind::Recipient, i,
                                              "Outside your organisation"));
    }
    review.findings.push_back(finding("new-domain", Severity::Confirm, Target::Kind::Recipient, 1,
                                      "You have never written to b\xc3\xbc"
                                      "cher.example before."));
    for (std::size_t i = 0; i < review.attachments.size(); ++i)
        review.findings.push_back(
            finding("attachment", Severity::Confirm, Target::Kind::Attachment, i, "Attachment"));
    // A finding as the engine makes it: shown through its kind and arguments, so that the
    // Japanese screenshot shows the catalogue's sentence.
    Finding slip = finding("lookalike-address", Severity::Warn, Target::Kind::Recipient, 2,
                           "No mail has gone to bob@client.example yet, but you write to "
                           "bobby@client.example, one typing slip away. Check that the address "
                           "is not a typo.");
    slip.kind = "lookalikeAddress";
    slip.args.text = {{"address", "bob@client.example"}, {"knownAddress", "bobby@client.example"}};
    review.findings.push_back(slip);
    if (block) {
        review.findings.push_back(finding("blocked-domain", Severity::Block,
                                          Target::Kind::Recipient, 4,
                                          "Your organisation does not allow mail to "
                                          "lawfirm.example."));
        Finding invalid = finding("invalid-address", Severity::Block, Target::Kind::Entry, 0,
                                  "This entry is not an address anyone can receive mail at.");
        invalid.target.text = "Dave <dave@@client.example>";
        review.findings.push_back(invalid);
    }
    if (longTexts) {
        review.subject = "Re: Fwd: AW: " + std::string(30, 'x') + " <b>urgent</b> & "
                         + "https://example.com/a/very/long/path/that/does/not/break/anywhere";
        review.recipients[0].displayName = "<b>Boss</b> & Co. Internationale Handelsgesellschaft "
                                           "mit beschr\xc3\xa4"
                                           "nkter Haftung";
        review.findings.push_back(finding(
            "attention-domain", Severity::Warn, Target::Kind::Recipient, 0,
            "client.example is on your organisation's attention list: contracts with this "
            "customer are handled by the legal department, so check that this message may go "
            "to them before you send it."));
    }
    return review;
}

QPalette darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x30));
    palette.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    palette.setColor(QPalette::Base, QColor(0x1f, 0x20, 0x22));
    palette.setColor(QPalette::AlternateBase, QColor(0x2b, 0x2d, 0x30));
    palette.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    palette.setColor(QPalette::Button, QColor(0x3a, 0x3c, 0x40));
    palette.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    palette.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    palette.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    palette.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    return palette;
}

SettingsLayers sampleSettings()
{
    SettingsLayers layers;
    layers.admin = nlohmann::json::parse(R"({"internalDomains":["corp.example"],
        "trustedDomains":["partner.example"],"attentionTerms":["confidential","極秘"],
        "countdownSeconds":3,"locked":["attentionTerms"],
        "rules":{"new-domain":{"enabled":false}}})");
    layers.user = nlohmann::json::parse(R"({"trustedDomains":["supplier.example"]})");
    return layers;
}

// sampleSettings() as the host opens it when the person's settings.json in `folder` is broken
// (set aside, the defaults apply) and the admin's autoBcc holds an entry that is not an address.
SettingsLayers settingsWithProblems(const QTemporaryDir &folder)
{
    SettingsLayers layers = sampleSettings();
    const UserSettingsFile file(
        UserSettingsFile::defaultPath(folder.filePath(QStringLiteral("sendguard")).toStdString()));
    file.save(layers.user);
    QFile broken(QString::fromStdString(file.path().generic_string()));
    if (broken.open(QIODevice::Append))
        broken.write("\n,\"countdownSeconds\": 5}");
    broken.close();
    LoadedSettings loaded = file.load();
    for (SettingsFileProblem &problem : loaded.problems)
        layers.problems.push_back(asPolicyProblem(std::move(problem)));
    layers.user = loaded.layer;
    nlohmann::json admin = layers.admin;
    admin["autoBcc"] = {"\"Archive <archive@corp.example>"};
    layers.admin = validPolicyLayer(admin, PolicyProblem::Layer::Admin, layers.problems);
    return layers;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() < 2 || arguments[1].startsWith(u'-')) {
        std::fprintf(stderr,
                     "usage: screenshot_dialog OUT.png [--many] [--block] [--long] [--dark] "
                     "[--lang en|ja] [--font-scale F] [--check-glyphs] "
                     "[--settings [--checks-tab] [--problems]]\n");
        return 2;
    }
    const QString language = argumentAfter(arguments, QStringLiteral("--lang"));
    const Language shown = language == QStringLiteral("ja")   ? Language::Japanese
                           : language == QStringLiteral("en") ? Language::English
                                                              : systemLanguage();
    if (!applyLanguage(shown)) {
        std::fprintf(stderr, "the catalogue for %s did not load\n",
                     qPrintable(languageCode(shown)));
        return 1;
    }
    const double fontScale = argumentAfter(arguments, QStringLiteral("--font-scale")).toDouble();
    if (fontScale > 0) {
        QFont font = QApplication::font();
        font.setPointSizeF(font.pointSizeF() * fontScale);
        QApplication::setFont(font);
    }
    if (arguments.contains(QStringLiteral("--dark"))) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
    }

    Review review = sampleReview(arguments.contains(QStringLiteral("--many")),
                                 arguments.contains(QStringLiteral("--block")),
                                 arguments.contains(QStringLiteral("--long")));
    if (shown == Language::Japanese)
        makeJapanese(review);
    std::unique_ptr<QDialog> shownDialog;
    QTemporaryDir settingsFolder;
    if (arguments.contains(QStringLiteral("--settings"))) {
        auto settings = std::make_unique<SettingsDialog>(
            arguments.contains(QStringLiteral("--problems")) ? settingsWithProblems(settingsFolder)
                                                             : sampleSettings(),
            nullptr);
        if (arguments.contains(QStringLiteral("--checks-tab")))
            settings->findChild<QTabWidget *>()->setCurrentIndex(1);
        shownDialog = std::move(settings);
    } else {
        shownDialog = std::make_unique<ConfirmDialog>(
            review, [](const std::string &) { return std::optional<QString>(); });
    }
    QDialog &dialog = *shownDialog;
    dialog.show();

    int status = 0;
    QTimer::singleShot(400, &dialog, [&] {
        if (!dialog.grab().save(arguments[1])) {
            std::fprintf(stderr, "could not write %s\n", qPrintable(arguments[1]));
            status = 1;
        }
        std::printf("%s: %dx%d on the %s platform\n", qPrintable(arguments[1]), dialog.width(),
                    dialog.height(), qPrintable(QGuiApplication::platformName()));
        if (arguments.contains(QStringLiteral("--check-glyphs")) && checkGlyphs(dialog) > 0)
            status = 1;
        app.quit();
    });
    app.exec();
    return status;
}
