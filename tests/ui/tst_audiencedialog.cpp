// Qt Test cases for the dialog's audience controls: "Move everyone to Bcc" next to the
// cc-exposure warning, the auto-Bcc note, and the countdown after Send. Reviews are built by
// hand, so these tests depend on the dialog alone.

#include "confirmdialog.h"
#include "language.h"

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QtTest>

using namespace sendguard;

namespace {

ReviewedRecipient external(Field field, const std::string &local, const std::string &domain)
{
    ReviewedRecipient result;
    result.field = field;
    result.displayName = local;
    result.localPart = local;
    result.domain = {domain, domain};
    return result;
}

Finding finding(const std::string &rule, Severity severity, Target::Kind kind, std::size_t index,
                const std::string &message)
{
    return {rule, severity, {kind, index, {}}, message, {}, {}};
}

// Alice (To), Bob (Cc) and Carol (Cc) at three companies, plus a Bcc recipient: cc-exposure
// warns, and each outside recipient needs a tick.
Review threeCompanyReview()
{
    Review review;
    review.subject = "Joint meeting on Friday";
    review.recipients = {
        external(Field::To, "alice", "one.example"),
        external(Field::Cc, "bob", "two.example"),
        external(Field::Cc, "carol", "three.example"),
        external(Field::Bcc, "dave", "four.example"),
    };
    review.findings.push_back(finding("cc-exposure", Severity::Warn, Target::Kind::Draft, 0,
                                      "people at 3 outside organisations will see each other's "
                                      "addresses in To and Cc"));
    for (std::size_t i = 0; i < review.recipients.size(); ++i)
        review.findings.push_back(finding("external-recipient", Severity::Confirm,
                                          Target::Kind::Recipient, i, "outside"));
    return review;
}

// One outside recipient, one box to tick, and a countdown.
Review countdownReview(int seconds)
{
    Review review;
    review.subject = "Quote for March";
    review.recipients = {external(Field::To, "alice", "client.example")};
    review.findings.push_back(
        finding("external-recipient", Severity::Confirm, Target::Kind::Recipient, 0, "outside"));
    review.countdownSeconds = seconds;
    return review;
}

bool showAndActivate(ConfirmDialog &dialog)
{
    dialog.show();
    return QTest::qWaitForWindowActive(&dialog);
}

void tickAll(ConfirmDialog &dialog)
{
    for (QCheckBox *box : dialog.checkBoxes()) {
        if (box->isEnabled())
            box->setChecked(true);
    }
}

QStringList fieldTags(const ConfirmDialog &dialog)
{
    QStringList tags;
    for (QLabel *label : dialog.findChildren<QLabel *>()) {
        const QString text = label->text();
        if (text == "To" || text == "Cc" || text.startsWith("Bcc"))
            tags << text;
    }
    tags.sort();
    return tags;
}

QString progressText(const ConfirmDialog &dialog)
{
    return dialog.findChild<QLabel *>(QStringLiteral("progressLabel"))->text();
}

} // namespace

class tst_AudienceDialog : public QObject
{
    Q_OBJECT

private slots:
    // The English catalogue holds the numerus forms ("1 person"): the texts below need it.
    void initTestCase() { QVERIFY(applyLanguage(Language::English)); }
    void moveToBccIsOfferedOnlyWithCcExposure_data();
    void moveToBccIsOfferedOnlyWithCcExposure();
    void moveToBccSettlesTheWarningAndShowsEveryoneAsBcc();
    void withoutTheMoveTheWarningNeedsItsTick();
    void keyboardMovesToBccTicksAndSends();
    void altBMovesToBcc();
    void moveToBccSitsRightAfterItsWarningInTabOrder();
    void autoBccNoteNamesTheAddresses();
    void noAutoBccNoNote();
    void noCountdownSendsAtOnce();
    void countdownSendsOnceWhenItRunsOut();
    void countdownCountsDownAndNeverShowsZeroOrLess();
    void countdownLocksTheBoxesAndFocusesCancel();
    void cancelDuringCountdownCancels();
    void escapeDuringCountdownCancels();
    void doublePressDuringCountdownSendsOnce();
    void doublePressWithoutCountdownSendsOnce();
};

void tst_AudienceDialog::moveToBccIsOfferedOnlyWithCcExposure_data()
{
    QTest::addColumn<bool>("exposure");
    QTest::addColumn<int>("severity");
    QTest::addColumn<bool>("blocked");
    QTest::addColumn<bool>("offered");

    QTest::newRow("warn") << true << int(Severity::Warn) << false << true;
    QTest::newRow("confirm") << true << int(Severity::Confirm) << false << true;
    QTest::newRow("no cc-exposure") << false << int(Severity::Warn) << false << false;
    QTest::newRow("info needs no tick") << true << int(Severity::Info) << false << false;
    QTest::newRow("blocked") << true << int(Severity::Warn) << true << false;
}

void tst_AudienceDialog::moveToBccIsOfferedOnlyWithCcExposure()
{
    QFETCH(bool, exposure);
    QFETCH(int, severity);
    QFETCH(bool, blocked);
    QFETCH(bool, offered);
    Review review = threeCompanyReview();
    if (!exposure)
        review.findings.erase(review.findings.begin());
    else
        review.findings.front().severity = Severity(severity);
    if (blocked)
        review.findings.push_back(finding("blocked-domain", Severity::Block,
                                          Target::Kind::Recipient, 1, "blocked by policy"));

    ConfirmDialog dialog(review);

    QCOMPARE(dialog.moveToBccButton() != nullptr, offered);
    QVERIFY(!dialog.moveToBccChosen());
}

void tst_AudienceDialog::moveToBccSettlesTheWarningAndShowsEveryoneAsBcc()
{
    ConfirmDialog dialog(threeCompanyReview());
    QCOMPARE(fieldTags(dialog), QStringList({"Bcc (hidden)", "Cc", "Cc", "To"}));
    QCheckBox *warning = dialog.checkBoxes().first();
    QVERIFY(warning->text().contains("see each other"));
    auto *note = dialog.findChild<QLabel *>("movedToBccNote");
    QVERIFY(note && note->isHidden());

    dialog.moveToBccButton()->click();

    QVERIFY(dialog.moveToBccChosen());
    QVERIFY(warning->isChecked());
    QVERIFY(!warning->isEnabled());
    QVERIFY(!dialog.moveToBccButton()->isEnabled());
    QCOMPARE(dialog.moveToBccButton()->text(), QString("Moved to Bcc"));
    QVERIFY(!note->isHidden());
    QCOMPARE(fieldTags(dialog),
             QStringList({"Bcc (hidden)", "Bcc (moved)", "Bcc (moved)", "Bcc (moved)"}));
    // The recipients still need their own ticks: moving hides addresses, it does not approve.
    QVERIFY(!dialog.sendButton()->isEnabled());
    tickAll(dialog);
    QVERIFY(dialog.sendButton()->isEnabled());
}

void tst_AudienceDialog::withoutTheMoveTheWarningNeedsItsTick()
{
    ConfirmDialog dialog(threeCompanyReview());
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    const auto boxes = dialog.checkBoxes();
    for (qsizetype i = 1; i < boxes.size(); ++i)
        boxes[i]->setChecked(true);
    QVERIFY(!dialog.sendButton()->isEnabled());

    boxes.first()->setChecked(true);
    dialog.sendButton()->click();

    QCOMPARE(accepted.count(), 1);
    QVERIFY(!dialog.moveToBccChosen());
}

// The e2e test plays the same keys: focus starts on the warning, Tab reaches the button, Space
// presses it and the focus moves on to the first recipient still to tick.
void tst_AudienceDialog::keyboardMovesToBccTicksAndSends()
{
    ConfirmDialog dialog(threeCompanyReview());
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QVERIFY(showAndActivate(dialog));
    QCOMPARE(QApplication::focusWidget(), dialog.checkBoxes().first());

    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), dialog.moveToBccButton());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    QVERIFY(dialog.moveToBccChosen());
    QCOMPARE(QApplication::focusWidget(), dialog.checkBoxes().at(1));

    for (int i = 0; i < 4; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    }
    QCOMPARE(QApplication::focusWidget(), dialog.sendButton());
    QVERIFY(dialog.sendButton()->isEnabled());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);

    QCOMPARE(accepted.count(), 1);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(dialog.moveToBccChosen());
}

void tst_AudienceDialog::altBMovesToBcc()
{
    ConfirmDialog dialog(threeCompanyReview());
    QVERIFY(showAndActivate(dialog));

    QTest::keySequence(dialog.windowHandle(), QKeySequence(QStringLiteral("Alt+B")));

    // A mnemonic animates the click: it lands a moment later.
    QTRY_VERIFY(dialog.moveToBccChosen());
}

void tst_AudienceDialog::moveToBccSitsRightAfterItsWarningInTabOrder()
{
    ConfirmDialog dialog(threeCompanyReview());
    QVERIFY(showAndActivate(dialog));
    dialog.checkBoxes().first()->setFocus();

    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), dialog.moveToBccButton());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), dialog.checkBoxes().at(1));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
    QCOMPARE(QApplication::focusWidget(), dialog.moveToBccButton());
}

void tst_AudienceDialog::autoBccNoteNamesTheAddresses()
{
    Review review = countdownReview(0);
    review.autoBcc = {"archive@corp.example", "Legal <legal@corp.example>"};

    ConfirmDialog dialog(review);

    auto *note = dialog.findChild<QLabel *>("autoBccNote");
    QVERIFY(note);
    QVERIFY(note->text().contains("archive@corp.example, Legal <legal@corp.example>"));
    QCOMPARE(note->textFormat(), Qt::PlainText);
    QCOMPARE(dialog.checkBoxes().size(), 1); // a note, not one more thing to tick
}

void tst_AudienceDialog::noAutoBccNoNote()
{
    ConfirmDialog dialog(countdownReview(0));

    QVERIFY(!dialog.findChild<QLabel *>("autoBccNote"));
}

void tst_AudienceDialog::noCountdownSendsAtOnce()
{
    ConfirmDialog dialog(countdownReview(0));
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    tickAll(dialog);

    dialog.sendButton()->click();

    QCOMPARE(accepted.count(), 1);
    QVERIFY(!dialog.countdownRunning());
}

void tst_AudienceDialog::countdownSendsOnceWhenItRunsOut()
{
    ConfirmDialog dialog(countdownReview(1));
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QSignalSpy finished(&dialog, &QDialog::finished);
    QVERIFY(showAndActivate(dialog));
    tickAll(dialog);

    dialog.sendButton()->click();

    QCOMPARE(accepted.count(), 0);
    QVERIFY(dialog.countdownRunning());
    QCOMPARE(progressText(dialog), QString("Sending in 1… Cancel or Esc stops it."));
    QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, 3000);
    QTest::qWait(1200);
    QCOMPARE(accepted.count(), 1);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.countdownRunning());
}

void tst_AudienceDialog::countdownCountsDownAndNeverShowsZeroOrLess()
{
    ConfirmDialog dialog(countdownReview(2));
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QVERIFY(showAndActivate(dialog));
    tickAll(dialog);
    QList<int> shown;
    const QRegularExpression number(QStringLiteral("Sending in (-?\\d+)"));

    dialog.sendButton()->click();
    while (accepted.isEmpty() && shown.size() < 200) {
        const auto match = number.match(progressText(dialog));
        if (match.hasMatch() && (shown.isEmpty() || shown.last() != match.captured(1).toInt()))
            shown << match.captured(1).toInt();
        QTest::qWait(20);
    }

    QCOMPARE(accepted.count(), 1);
    QCOMPARE(shown, QList<int>({2, 1}));
}

void tst_AudienceDialog::countdownLocksTheBoxesAndFocusesCancel()
{
    Review review = threeCompanyReview();
    review.countdownSeconds = 5;
    ConfirmDialog dialog(review);
    QVERIFY(showAndActivate(dialog));
    tickAll(dialog);

    dialog.sendButton()->click();

    QVERIFY(dialog.countdownRunning());
    QCOMPARE(dialog.countdownRemaining(), 5);
    QVERIFY(!dialog.sendButton()->isEnabled());
    QVERIFY(!dialog.moveToBccButton()->isEnabled());
    for (QCheckBox *box : dialog.checkBoxes())
        QVERIFY(!box->isEnabled());
    // A second Enter lands on Cancel: it stops the send rather than repeating it.
    QCOMPARE(QApplication::focusWidget(), dialog.cancelButton());
    dialog.moveToBccButton()->click();
    QVERIFY(!dialog.moveToBccChosen());
}

void tst_AudienceDialog::cancelDuringCountdownCancels()
{
    ConfirmDialog dialog(countdownReview(1));
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QSignalSpy finished(&dialog, &QDialog::finished);
    QVERIFY(showAndActivate(dialog));
    tickAll(dialog);
    dialog.sendButton()->click();
    QVERIFY(dialog.countdownRunning());

    dialog.cancelButton()->click();
    QTest::qWait(1500);

    QCOMPARE(accepted.count(), 0);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!dialog.countdownRunning());
}

void tst_AudienceDialog::escapeDuringCountdownCancels()
{
    ConfirmDialog dialog(countdownReview(1));
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QSignalSpy rejected(&dialog, &QDialog::rejected);
    QVERIFY(showAndActivate(dialog));
    tickAll(dialog);
    dialog.sendButton()->click();

    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QTest::qWait(1500);

    QCOMPARE(rejected.count(), 1);
    QCOMPARE(accepted.count(), 0);
}

void tst_AudienceDialog::doublePressDuringCountdownSendsOnce()
{
    ConfirmDialog dialog(countdownReview(1));
    QSignalSpy finished(&dialog, &QDialog::finished);
    QVERIFY(showAndActivate(dialog));
    tickAll(dialog);

    QTest::mouseClick(dialog.sendButton(), Qt::LeftButton);
    QTest::mouseClick(dialog.sendButton(), Qt::LeftButton);
    dialog.sendButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 3000);
    QTest::qWait(1500);

    QCOMPARE(finished.count(), 1);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void tst_AudienceDialog::doublePressWithoutCountdownSendsOnce()
{
    ConfirmDialog dialog(countdownReview(0));
    QSignalSpy finished(&dialog, &QDialog::finished);
    QVERIFY(showAndActivate(dialog));
    tickAll(dialog);

    dialog.sendButton()->click();
    dialog.sendButton()->click();
    dialog.accept();
    dialog.reject();

    QCOMPARE(finished.count(), 1);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

QTEST_MAIN(tst_AudienceDialog)
#include "tst_audiencedialog.moc"
