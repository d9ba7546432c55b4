// Qt Test cases for the confirmation dialog. Every Review is built by hand, so these tests
// depend on the dialog alone and not on what the engine's rules decide.

#include "confirmdialog.h"
#include "language.h"

#include <QApplication>
#include <QCheckBox>
#include <QKeySequence>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTextDocument>
#include <QtTest>

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

ReviewedRecipient internalRecipient(Field field, const std::string &name, const std::string &local)
{
    ReviewedRecipient result = recipient(field, name, local, "corp.example");
    result.internal = true;
    return result;
}

Finding finding(const std::string &rule, Severity severity, Target::Kind kind, std::size_t index,
                const std::string &message, const std::string &text = {})
{
    return {rule, severity, {kind, index, text}, message, {}, {}};
}

// Adds the plain "needs a tick" finding for every external, untrusted recipient and attachment.
void addConfirmFindings(Review &review)
{
    for (std::size_t i = 0; i < review.recipients.size(); ++i) {
        if (!review.recipients[i].internal && !review.recipients[i].trusted)
            review.findings.push_back(finding("external-recipient", Severity::Confirm,
                                              Target::Kind::Recipient, i, "Outside recipient"));
    }
    for (std::size_t i = 0; i < review.attachments.size(); ++i)
        review.findings.push_back(
            finding("attachment", Severity::Confirm, Target::Kind::Attachment, i, "Attachment"));
}

// Three people at two outside domains, one colleague in Cc, one attachment.
Review twoDomainReview()
{
    Review review;
    review.subject = "Quote for March";
    review.recipients = {
        recipient(Field::To, "Alice Example", "alice", "client.example"),
        recipient(Field::To, "Dan Vendor", "dan", "vendor.example"),
        recipient(Field::Cc, "Bob Example", "bob", "client.example"),
        internalRecipient(Field::Cc, "Carol Colleague", "carol"),
    };
    review.attachments = {{"quote.pdf", 48213}};
    addConfirmFindings(review);
    return review;
}

int yOf(const QWidget *widget)
{
    return widget->mapTo(widget->window(), QPoint(0, 0)).y();
}

QList<QLabel *> labelsContaining(const QWidget &dialog, const QString &text)
{
    QList<QLabel *> found;
    for (QLabel *label : dialog.findChildren<QLabel *>()) {
        if (label->text().contains(text))
            found << label;
    }
    return found;
}

QCheckBox *boxContaining(const ConfirmDialog &dialog, const QString &text)
{
    for (QCheckBox *box : dialog.checkBoxes()) {
        if (box->text().contains(text))
            return box;
    }
    return nullptr;
}

// The progress line up to any hint that follows it: "2 of 5 checked".
QString progressText(const ConfirmDialog &dialog)
{
    const QString text = dialog.findChild<QLabel *>(QStringLiteral("progressLabel"))->text();
    return text.section(QStringLiteral(" – "), 0, 0);
}

bool showAndActivate(ConfirmDialog &dialog)
{
    dialog.show();
    return QTest::qWaitForWindowActive(&dialog);
}

void pressOnFocusWidget(Qt::Key key)
{
    QWidget *focus = QApplication::focusWidget();
    QVERIFY(focus);
    QTest::keyClick(focus, key);
}

} // namespace

class tst_ConfirmDialog : public QObject
{
    Q_OBJECT

private slots:
    // The English catalogue holds the numerus forms ("1 person"): the texts below need it.
    void initTestCase() { QVERIFY(applyLanguage(Language::English)); }
    void groupsExternalRecipientsUnderTheirDomain();
    void listsInternalRecipientsWithoutCheckBox();
    void idnDomainHeaderShowsUnicodeAndPunycode();
    void summaryLineSaysWhatIsAboutToHappen();
    void summaryLineForInternalOnly();
    void titleNamesTheSubject();
    void bccIsMarked();
    void attachmentShowsHumanReadableSize();
    void sendDisabledUntilEveryBoxIsTicked();
    void keyboardOnlySignOffSends();
    void enterOnCheckBoxDoesNotSend();
    void escapeRejects();
    void initialFocusIsFirstCheckBox();
    void tabOrderFollowsVisualOrder();
    void displayNameWithTagsIsShownLiterally();
    void ampersandInFilenameIsShownLiterally();
    void longNamesWithTagsShowLiterallyInToolTips();
    void bidiControlsCannotReorderNames();
    void blockFindingOffersOnlyCancel();
    void warnFindingHasItsOwnCheckBoxAtTheTop();
    void invalidAddressShowsTheRawEntry();
    void reasonIsShownNextToItsRecipient();
    void reasonIsInTheLanguageOfTheTranslation();
    void noCheckBoxesEnablesSendAtOnce();
    void checkBoxesHaveAccessibleNames();
    void smallReviewFitsWithoutScrolling();
    void manyRecipientsScroll();
    void longTextKeepsTheDialogOnScreen();
    void blockedDialogFocusesCancel();
    void saysWhenTheHistoryCouldNotBeRead();
};

void tst_ConfirmDialog::groupsExternalRecipientsUnderTheirDomain()
{
    ConfirmDialog dialog(twoDomainReview());
    QVERIFY(showAndActivate(dialog));

    const auto headers = dialog.findChildren<QLabel *>(QStringLiteral("domainHeader"));
    QCOMPARE(headers.size(), 2);
    QCOMPARE(headers[0]->text(), QStringLiteral("client.example"));
    QCOMPARE(headers[1]->text(), QStringLiteral("vendor.example"));

    QCheckBox *alice = boxContaining(dialog, "alice@client.example");
    QCheckBox *bob = boxContaining(dialog, "bob@client.example");
    QCheckBox *dan = boxContaining(dialog, "dan@vendor.example");
    QVERIFY(alice && bob && dan);
    QVERIFY(yOf(headers[0]) < yOf(alice));
    QVERIFY(yOf(alice) < yOf(bob));
    QVERIFY(yOf(bob) < yOf(headers[1]));
    QVERIFY(yOf(headers[1]) < yOf(dan));
}

void tst_ConfirmDialog::listsInternalRecipientsWithoutCheckBox()
{
    ConfirmDialog dialog(twoDomainReview());
    QVERIFY(showAndActivate(dialog));

    QCOMPARE(dialog.checkBoxes().size(), 4); // three outside recipients and the attachment
    QVERIFY(!boxContaining(dialog, "carol"));
    const auto carol = labelsContaining(dialog, "Carol Colleague <carol@corp.example>");
    QCOMPARE(carol.size(), 1);
    QVERIFY(carol.first()->isVisible());
    const auto heading = labelsContaining(dialog, "Inside your organisation");
    QCOMPARE(heading.size(), 1);
    QVERIFY(yOf(heading.first()) < yOf(carol.first()));
}

void tst_ConfirmDialog::idnDomainHeaderShowsUnicodeAndPunycode()
{
    Review review;
    review.recipients = {recipient(Field::To, "Max", "max", "xn--bcher-kva.example",
                                   "b\xc3\xbc"
                                   "cher.example")};
    addConfirmFindings(review);
    ConfirmDialog dialog(review);

    const auto headers = dialog.findChildren<QLabel *>(QStringLiteral("domainHeader"));
    QCOMPARE(headers.size(), 1);
    QCOMPARE(headers[0]->text(), QStringLiteral(u"bücher.example (xn--bcher-kva.example)"));
    QVERIFY(boxContaining(dialog, QStringLiteral(u"max@bücher.example")));
}

void tst_ConfirmDialog::summaryLineSaysWhatIsAboutToHappen()
{
    ConfirmDialog dialog(twoDomainReview());
    const auto *summary = dialog.findChild<QLabel *>(QStringLiteral("summaryLabel"));
    QVERIFY(summary);
    QCOMPARE(summary->text(),
             QStringLiteral("3 people at 2 outside organisations and 1 person "
                            "inside your organisation will receive 1 attachment."));
    const auto *subject = dialog.findChild<QLabel *>(QStringLiteral("subjectLabel"));
    QCOMPARE(subject->text(), QStringLiteral("Quote for March"));
}

void tst_ConfirmDialog::summaryLineForInternalOnly()
{
    Review review;
    review.recipients = {internalRecipient(Field::To, "Carol", "carol"),
                         internalRecipient(Field::Cc, "Erin", "erin")};
    ConfirmDialog dialog(review);
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("summaryLabel"))->text(),
             QStringLiteral("2 people inside your organisation will receive this message."));
}

void tst_ConfirmDialog::titleNamesTheSubject()
{
    ConfirmDialog named(twoDomainReview());
    QCOMPARE(named.windowTitle(), QStringLiteral(u"SendGuard – confirm: Quote for March"));
    QVERIFY(named.windowFlags().testFlag(Qt::WindowStaysOnTopHint));

    Review review = twoDomainReview();
    review.subject.clear();
    ConfirmDialog unnamed(review);
    QCOMPARE(unnamed.windowTitle(), QStringLiteral(u"SendGuard – confirm: (no subject)"));

    review.subject = std::string(300, 'x');
    ConfirmDialog longSubject(review);
    QVERIFY(longSubject.windowTitle().size() < 100);
    QVERIFY(longSubject.windowTitle().endsWith(QChar(0x2026)));
}

void tst_ConfirmDialog::bccIsMarked()
{
    Review review;
    review.recipients = {recipient(Field::Bcc, "Hidden", "hidden", "client.example")};
    addConfirmFindings(review);
    ConfirmDialog dialog(review);
    const auto marks = labelsContaining(dialog, "Bcc");
    QCOMPARE(marks.size(), 1);
    QVERIFY(marks.first()->font().bold());
    QVERIFY(dialog.checkBoxes().first()->accessibleName().contains("Bcc"));
}

void tst_ConfirmDialog::attachmentShowsHumanReadableSize()
{
    Review review;
    review.attachments = {{"quote.pdf", 48213}, {"scan.tiff", 5 * 1024 * 1024}, {"x.bin", -1}};
    addConfirmFindings(review);
    ConfirmDialog dialog(review);
    QCOMPARE(labelsContaining(dialog, "47.1 KB").size(), 1);
    QCOMPARE(labelsContaining(dialog, "5.0 MB").size(), 1);
    QCOMPARE(labelsContaining(dialog, "size unknown").size(), 1);
    QCOMPARE(dialog.checkBoxes().size(), 3);
}

void tst_ConfirmDialog::sendDisabledUntilEveryBoxIsTicked()
{
    ConfirmDialog dialog(twoDomainReview());
    QVERIFY(showAndActivate(dialog));
    const auto boxes = dialog.checkBoxes();
    QCOMPARE(boxes.size(), 4);
    QVERIFY(!dialog.sendButton()->isEnabled());
    QCOMPARE(progressText(dialog), QStringLiteral("0 of 4 checked"));

    for (int i = 0; i < boxes.size(); ++i) {
        QCheckBox *box = boxes[i];
        QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(4, box->height() / 2));
        QVERIFY(box->isChecked());
        QCOMPARE(progressText(dialog), QStringLiteral("%1 of 4 checked").arg(i + 1));
        QCOMPARE(dialog.sendButton()->isEnabled(), i == boxes.size() - 1);
    }

    QTest::mouseClick(boxes[1], Qt::LeftButton, {}, QPoint(4, boxes[1]->height() / 2));
    QVERIFY(!dialog.sendButton()->isEnabled());
}

void tst_ConfirmDialog::keyboardOnlySignOffSends()
{
    ConfirmDialog dialog(twoDomainReview());
    QVERIFY(showAndActivate(dialog));
    const auto boxes = dialog.checkBoxes();

    for (QCheckBox *box : boxes) {
        QCOMPARE(QApplication::focusWidget(), box);
        pressOnFocusWidget(Qt::Key_Space);
        QVERIFY(box->isChecked());
        pressOnFocusWidget(Qt::Key_Tab);
    }
    QCOMPARE(QApplication::focusWidget(), dialog.sendButton());
    QVERIFY(dialog.sendButton()->isEnabled());

    pressOnFocusWidget(Qt::Key_Return);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.isVisible());
}

void tst_ConfirmDialog::enterOnCheckBoxDoesNotSend()
{
    ConfirmDialog dialog(twoDomainReview());
    QVERIFY(showAndActivate(dialog));
    for (QCheckBox *box : dialog.checkBoxes())
        box->setChecked(true);
    QVERIFY(dialog.sendButton()->isEnabled());
    dialog.checkBoxes().first()->setFocus();
    QCOMPARE(QApplication::focusWidget(), dialog.checkBoxes().first());

    // Pass over Send and back, so that Send has once been the focused (auto-default) button.
    for (int i = 0; i < dialog.checkBoxes().size(); ++i)
        pressOnFocusWidget(Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), dialog.sendButton());
    pressOnFocusWidget(Qt::Key_Backtab);
    QCOMPARE(QApplication::focusWidget(), dialog.checkBoxes().last());

    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QSignalSpy rejected(&dialog, &QDialog::rejected);
    pressOnFocusWidget(Qt::Key_Return);
    QCOMPARE(accepted.count(), 0);
    QCOMPARE(rejected.count(), 1); // Enter presses Cancel, the default
}

void tst_ConfirmDialog::escapeRejects()
{
    ConfirmDialog dialog(twoDomainReview());
    QVERIFY(showAndActivate(dialog));
    QSignalSpy rejected(&dialog, &QDialog::rejected);
    pressOnFocusWidget(Qt::Key_Escape);
    QCOMPARE(rejected.count(), 1);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!dialog.isVisible());
}

void tst_ConfirmDialog::initialFocusIsFirstCheckBox()
{
    ConfirmDialog dialog(twoDomainReview());
    QVERIFY(showAndActivate(dialog));
    QCOMPARE(QApplication::focusWidget(), dialog.checkBoxes().first());
    QVERIFY(dialog.cancelButton()->isDefault());
    QVERIFY(!dialog.sendButton()->isDefault());
}

void tst_ConfirmDialog::tabOrderFollowsVisualOrder()
{
    Review review = twoDomainReview();
    review.findings.push_back(finding("attention-term", Severity::Warn, Target::Kind::Draft, 0,
                                      "The subject mentions a price"));
    ConfirmDialog dialog(review);
    QVERIFY(showAndActivate(dialog));
    const auto boxes = dialog.checkBoxes();
    QCOMPARE(boxes.size(), 5);
    for (QCheckBox *box : boxes)
        box->setChecked(true);

    QList<QWidget *> visited;
    for (int i = 0; i < boxes.size() + 2; ++i) {
        visited << QApplication::focusWidget();
        pressOnFocusWidget(Qt::Key_Tab);
    }
    QList<QWidget *> expected(boxes.begin(), boxes.end());
    expected << dialog.sendButton() << dialog.cancelButton();
    QCOMPARE(visited, expected);
    QCOMPARE(QApplication::focusWidget(), boxes.first()); // and round again
    for (int i = 0; i + 1 < boxes.size(); ++i)
        QVERIFY(yOf(boxes[i]) < yOf(boxes[i + 1]));
    QVERIFY(dialog.sendButton()->x() < dialog.cancelButton()->x());
}

void tst_ConfirmDialog::displayNameWithTagsIsShownLiterally()
{
    Review review;
    review.subject = "<i>Quarterly</i> numbers";
    review.recipients = {recipient(Field::To, "<b>Boss</b>", "boss", "client.example"),
                         internalRecipient(Field::Cc, "<b>Chief</b>", "chief")};
    addConfirmFindings(review);
    ConfirmDialog dialog(review);

    QVERIFY(boxContaining(dialog, "<b>Boss</b> <boss@client.example>"));
    const auto chief = labelsContaining(dialog, "<b>Chief</b>");
    QCOMPARE(chief.size(), 1);
    QCOMPARE(chief.first()->textFormat(), Qt::PlainText);
    const auto subject = labelsContaining(dialog, "<i>Quarterly</i> numbers");
    QCOMPARE(subject.size(), 1);
    QCOMPARE(subject.first()->textFormat(), Qt::PlainText);
    for (const QLabel *label : dialog.findChildren<QLabel *>()) {
        if (!label->text().isEmpty())
            QCOMPARE(label->textFormat(), Qt::PlainText);
    }
}

// What QToolTip draws for `tip`: it takes text that looks like HTML (Qt::mightBeRichText) as
// rich text.
QString renderedToolTip(const QString &tip)
{
    QTextDocument document;
    if (Qt::mightBeRichText(tip))
        document.setHtml(tip);
    else
        document.setPlainText(tip);
    return document.toPlainText();
}

// Long names get their full text as a tool tip; a name from a hostile mail must not be drawn as
// HTML there (an <img>, a fake address in <b>) any more than in the labels.
void tst_ConfirmDialog::longNamesWithTagsShowLiterallyInToolTips()
{
    const std::string name = "<b>Alice</b> <img src=\"x.png\"> " + std::string(60, 'n');
    const std::string file = "<i>report</i>" + std::string(100, 'f') + ".pdf";
    const std::string subject = "<u>Re:</u> " + std::string(250, 's');
    Review review;
    review.subject = subject;
    review.recipients = {recipient(Field::To, name, "alice", "client.example"),
                         internalRecipient(Field::Cc, name, "chief")};
    review.attachments = {{file, 2048}};
    addConfirmFindings(review);
    ConfirmDialog dialog(review);

    QStringList shown;
    for (const QWidget *widget : dialog.findChildren<QWidget *>()) {
        if (!widget->toolTip().isEmpty())
            shown.append(renderedToolTip(widget->toolTip()));
    }
    for (const std::string &text : {name, file, subject}) {
        const QString literal = QString::fromStdString(text);
        QVERIFY2(std::count(shown.begin(), shown.end(), literal) >= 1, qPrintable(literal));
    }
    QCOMPARE(std::count(shown.begin(), shown.end(), QString::fromStdString(name)), 2);
}

// "invoice<U+202E>fdp.exe" is drawn as "invoiceexe.pdf": a right-to-left override from
// someone else's mail must not make an .exe look like a PDF, or "<U+202E>moc.live" look like
// "evil.com". Bidi controls are shown as U+FFFD, so the text reads in the order it is stored.
void tst_ConfirmDialog::bidiControlsCannotReorderNames()
{
    Review review;
    review.subject = "Invoice \u202Efdp.exe";
    review.recipients
        = {recipient(Field::To, "\u202Emoc.live\u202C Support", "s", "client.example")};
    review.attachments = {{"invoice\u202Efdp.exe", 2048}, {"\u2067x\u2069.pdf", 10}};
    addConfirmFindings(review);
    ConfirmDialog dialog(review);

    QStringList texts;
    for (const QCheckBox *box : dialog.checkBoxes())
        texts.append(box->text() + box->accessibleName());
    for (const QLabel *label : dialog.findChildren<QLabel *>())
        texts.append(label->text());
    for (const QString &text : texts) {
        for (const char16_t control :
             {u'\u202A', u'\u202B', u'\u202C', u'\u202D', u'\u202E', u'\u2066', u'\u2067',
              u'\u2068', u'\u2069', u'\u200E', u'\u200F', u'\u061C'})
            QVERIFY2(!text.contains(QChar(control)), qPrintable(text));
    }
    QVERIFY(boxContaining(dialog, QString::fromUtf8("invoice\uFFFDfdp.exe")));
    QVERIFY(boxContaining(dialog, QString::fromUtf8("\uFFFDmoc.live\uFFFD Support")));
}

void tst_ConfirmDialog::ampersandInFilenameIsShownLiterally()
{
    Review review;
    review.attachments = {{"R&D budget.xlsx", 2048}};
    addConfirmFindings(review);
    ConfirmDialog dialog(review);

    QCheckBox *box = dialog.checkBoxes().first();
    QCOMPARE(box->text(), QStringLiteral("R&&D budget.xlsx")); // "&&" is drawn as one "&"
    QVERIFY(QKeySequence::mnemonic(box->text()).isEmpty());
    QVERIFY(box->accessibleName().contains("R&D budget.xlsx"));
}

void tst_ConfirmDialog::blockFindingOffersOnlyCancel()
{
    Review review = twoDomainReview();
    review.findings.push_back(finding("blocked-domain", Severity::Block, Target::Kind::Recipient, 1,
                                      "vendor.example may not receive mail from this company"));
    ConfirmDialog dialog(review);
    QVERIFY(showAndActivate(dialog));

    const auto *notice = dialog.findChild<QWidget *>(QStringLiteral("blockNotice"));
    QVERIFY(notice && notice->isVisible());
    QVERIFY(!labelsContaining(*notice, "vendor.example may not receive mail").isEmpty());

    QSignalSpy accepted(&dialog, &QDialog::accepted);
    for (QCheckBox *box : dialog.checkBoxes())
        box->setChecked(true);
    QVERIFY(!dialog.sendButton()->isEnabled());
    QVERIFY(!dialog.sendButton()->isVisible());
    QVERIFY(dialog.cancelButton()->isVisible());
    dialog.sendButton()->click();
    QCOMPARE(accepted.count(), 0);
    QVERIFY(dialog.isVisible());

    QTest::keyClick(&dialog, Qt::Key_Return); // Enter anywhere presses Cancel
    QCOMPARE(accepted.count(), 0);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
}

void tst_ConfirmDialog::warnFindingHasItsOwnCheckBoxAtTheTop()
{
    Review review = twoDomainReview();
    review.findings.push_back(finding("attention-domain", Severity::Warn, Target::Kind::Recipient,
                                      1, "vendor.example is on your attention list"));
    ConfirmDialog dialog(review);
    QVERIFY(showAndActivate(dialog));

    const auto boxes = dialog.checkBoxes();
    QCOMPARE(boxes.size(), 5);
    QCOMPARE(boxes.first()->text(), QStringLiteral("vendor.example is on your attention list"));
    QVERIFY(boxes.first()->accessibleName().startsWith("Warning: "));
    for (QCheckBox *box : boxes.mid(1))
        QVERIFY(yOf(boxes.first()) < yOf(box));
    // What the warning points at is named under it.
    QVERIFY(!labelsContaining(dialog, "Recipient: Dan Vendor <dan@vendor.example>").isEmpty());

    for (QCheckBox *box : boxes.mid(1))
        box->setChecked(true);
    QVERIFY(!dialog.sendButton()->isEnabled()); // the warning needs its own tick
    boxes.first()->setChecked(true);
    QVERIFY(dialog.sendButton()->isEnabled());
}

void tst_ConfirmDialog::invalidAddressShowsTheRawEntry()
{
    Review review = twoDomainReview();
    review.findings.push_back(finding("invalid-address", Severity::Warn, Target::Kind::Entry, 0,
                                      "This entry is not a readable address",
                                      "Bob <bob@@client.example>"));
    ConfirmDialog dialog(review);
    const auto entry = labelsContaining(dialog, "Bob <bob@@client.example>");
    QCOMPARE(entry.size(), 1);
    QCOMPARE(entry.first()->textFormat(), Qt::PlainText);
    QCOMPARE(dialog.checkBoxes().first()->text(),
             QStringLiteral("This entry is not a readable address"));
}

void tst_ConfirmDialog::reasonIsShownNextToItsRecipient()
{
    Review review = twoDomainReview();
    review.findings.push_back(finding("lookalike-domain", Severity::Confirm,
                                      Target::Kind::Recipient, 1,
                                      "vendor.example looks like vendors.example"));
    ConfirmDialog dialog(review);
    QVERIFY(showAndActivate(dialog));
    const auto reason = labelsContaining(dialog, "looks like vendors.example");
    QCOMPARE(reason.size(), 1);
    QCheckBox *dan = boxContaining(dialog, "dan@vendor.example");
    QVERIFY(yOf(dan) < yOf(reason.first()));
    QVERIFY(yOf(reason.first()) - yOf(dan) < 3 * dan->height());
    // The plain reason for an outside recipient is not repeated on every row.
    QVERIFY(labelsContaining(dialog, "Outside recipient").isEmpty());
    QCOMPARE(dialog.checkBoxes().size(), 4);
}

// The dialog says a finding through RuleMessage: with Japanese in force (applyLanguage), the
// reason next to the recipient is the Japanese sentence with the names in it.
void tst_ConfirmDialog::reasonIsInTheLanguageOfTheTranslation()
{
    Review review = twoDomainReview();
    Finding lookalike = finding("lookalike-domain", Severity::Confirm, Target::Kind::Recipient, 1,
                                "vendor.example looks like vendors.example, a domain you have "
                                "written to 40 times, but is a different domain. Check the "
                                "spelling before sending.");
    lookalike.kind = "lookalike.history";
    lookalike.args.text = {{"domain", "vendor.example"}, {"resembles", "vendors.example"}};
    lookalike.args.counts = {{"timesWritten", 40}};
    review.findings.push_back(lookalike);
    QVERIFY(applyLanguage(Language::Japanese));

    ConfirmDialog dialog(review);
    QVERIFY(showAndActivate(dialog));

    const auto reason = labelsContaining(
        dialog,
        QStringLiteral("vendor.example は vendors.example（これまで40回送信した宛先ドメイン）"
                       "に似ていますが、別のドメインです。"));
    QVERIFY(applyLanguage(Language::English));
    QCOMPARE(reason.size(), 1);
    QVERIFY(labelsContaining(dialog, QStringLiteral("looks like")).isEmpty());
}

void tst_ConfirmDialog::noCheckBoxesEnablesSendAtOnce()
{
    Review review;
    review.recipients = {internalRecipient(Field::To, "Carol", "carol"),
                         recipient(Field::To, "Partner", "p", "partner.example")};
    review.recipients[1].trusted = true;
    review.skipWhenInternalOnly = false;
    ConfirmDialog dialog(review);
    QVERIFY(showAndActivate(dialog));
    QVERIFY(dialog.checkBoxes().isEmpty());
    QVERIFY(dialog.sendButton()->isEnabled());
    QCOMPARE(QApplication::focusWidget(), dialog.cancelButton());
    QCOMPARE(labelsContaining(dialog, "Partner <p@partner.example>").size(), 1);
}

void tst_ConfirmDialog::checkBoxesHaveAccessibleNames()
{
    ConfirmDialog dialog(twoDomainReview());
    QStringList names;
    for (const QCheckBox *box : dialog.checkBoxes())
        names << box->accessibleName();
    QCOMPARE(names,
             QStringList({"External recipient alice@client.example, To, domain client.example",
                          "External recipient bob@client.example, Cc, domain client.example",
                          "External recipient dan@vendor.example, To, domain vendor.example",
                          "Attachment quote.pdf, 47.1 KB"}));
}

void tst_ConfirmDialog::smallReviewFitsWithoutScrolling()
{
    Review review = twoDomainReview();
    review.findings.push_back(finding("attention-term", Severity::Warn, Target::Kind::Draft, 0,
                                      "The subject mentions prices, which your organisation asks "
                                      "you to check before they leave."));
    ConfirmDialog dialog(review);
    QVERIFY(showAndActivate(dialog));
    auto *scrollArea = dialog.findChild<QScrollArea *>();
    QVERIFY(!scrollArea->verticalScrollBar()->isVisible());
    QVERIFY(!scrollArea->horizontalScrollBar()->isVisible());
}

void tst_ConfirmDialog::manyRecipientsScroll()
{
    Review review;
    for (int i = 0; i < 200; ++i)
        review.recipients.push_back(recipient(Field::To, "Person " + std::to_string(i),
                                              "p" + std::to_string(i), "client.example"));
    addConfirmFindings(review);
    ConfirmDialog dialog(review);
    QVERIFY(showAndActivate(dialog));
    QVERIFY(dialog.height() <= dialog.screen()->availableGeometry().height() * 0.7 + 1);
    auto *scrollArea = dialog.findChild<QScrollArea *>();
    QVERIFY(scrollArea->verticalScrollBar()->isVisible());

    // Tabbing to a box below the fold scrolls it into view.
    QCheckBox *last = dialog.checkBoxes().last();
    last->setFocus(Qt::TabFocusReason);
    dialog.checkBoxes()[198]->setFocus();
    pressOnFocusWidget(Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), last);
    const QRect visible = scrollArea->viewport()->rect();
    const QPoint inViewport = last->mapTo(scrollArea->viewport(), QPoint(0, 0));
    QVERIFY(visible.contains(inViewport));
}

void tst_ConfirmDialog::longTextKeepsTheDialogOnScreen()
{
    Review review = twoDomainReview();
    review.subject = std::string(400, 'S');
    review.recipients[0].displayName = std::string(300, 'N');
    review.attachments[0].name = std::string(300, 'F') + ".pdf";
    review.findings.push_back(
        finding("attention-term", Severity::Warn, Target::Kind::Draft, 0, std::string(500, 'W')));
    ConfirmDialog dialog(review);
    QVERIFY(showAndActivate(dialog));
    QVERIFY(dialog.width() <= dialog.screen()->availableGeometry().width());
    QVERIFY(dialog.height() <= dialog.screen()->availableGeometry().height());
}

void tst_ConfirmDialog::blockedDialogFocusesCancel()
{
    Review review = twoDomainReview();
    review.findings.push_back(finding("blocked-domain", Severity::Block, Target::Kind::Recipient, 1,
                                      "vendor.example may not receive mail"));
    ConfirmDialog dialog(review);
    QVERIFY(showAndActivate(dialog));
    QCOMPARE(QApplication::focusWidget(), dialog.cancelButton());
}

// A review whose history could not be read (locked, unreadable, full disk) still shows, and
// says plainly that the mail was not compared with the usual recipients; a normal one does not.
void tst_ConfirmDialog::saysWhenTheHistoryCouldNotBeRead()
{
    Review review = twoDomainReview();
    {
        ConfirmDialog dialog(review);
        QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("historyUnavailableLabel")));
    }
    review.historyUnavailable = true;
    ConfirmDialog dialog(review);
    QVERIFY(showAndActivate(dialog));
    const auto *label = dialog.findChild<QLabel *>(QStringLiteral("historyUnavailableLabel"));
    QVERIFY(label);
    QVERIFY(label->isVisible());
    QVERIFY(label->text().contains(QStringLiteral("history could not be read")));
    QVERIFY(boxContaining(dialog, "alice@client.example"));
}

QTEST_MAIN(tst_ConfirmDialog)
#include "tst_confirmdialog.moc"
