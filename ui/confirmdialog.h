#pragma once

#include "../native-host/engine/review.h"

#include <QDialog>

#include <functional>
#include <optional>
#include <string>
#include <vector>

class QCheckBox;
class QGridLayout;
class QLabel;
class QLayout;
class QPushButton;
class QTimer;

namespace sendguard {

// The confirmation dialog: a thin view over a Review. External recipients are grouped under
// their domain with one checkbox each; internal ones are listed without; each attachment and each
// warning has its own checkbox. Send is enabled only when every box is ticked and nothing blocks;
// Cancel is the default button and Esc cancels. All text from the draft is shown as plain text.
//
// A recipient or attachment gets a checkbox exactly when a Confirm or Warn finding points at it.
// When a finding blocks, Send is hidden and only Cancel is offered.
//
// Next to a `cc-exposure` warning the dialog offers "Move everyone to Bcc": once pressed, the
// warning is settled (its box ticked and locked), every To and Cc recipient is shown as moved to
// Bcc, and moveToBccChosen() tells the host to send with those edits. With a countdown
// (Review::countdownSeconds > 0), Send starts a visible countdown; Cancel or Esc during it
// cancels, and the dialog accepts once when it runs out.
//
// With a TrustDomainFunction (the host gives one when the admin has not locked trustedDomains),
// each outside domain with a recipient not yet trusted offers "Always trust this domain": the
// function saves the domain to the user's trusted domains, and the dialog then ticks that
// domain's recipients. Warnings shown at the top (a lookalike domain, say) keep their own
// boxes: trusting a domain never silences a warning shown now. Without the function, or when
// sending is blocked, no such button is shown.
//
// accept() means "send", reject() means "cancel"; the dialog finishes exactly once.
class ConfirmDialog : public QDialog
{
    Q_OBJECT

public:
    // Saves `domain` (the A-label form) as trusted. Returns why it failed, in plain words, or
    // nullopt when saved.
    using TrustDomainFunction = std::function<std::optional<QString>(const std::string &domain)>;

    explicit ConfirmDialog(const Review &review, QWidget *parent = nullptr);
    ConfirmDialog(const Review &review, TrustDomainFunction trustDomain, QWidget *parent = nullptr);

    // For tests and accessibility checks: the checkboxes in visual (and tab) order.
    QList<QCheckBox *> checkBoxes() const;
    QPushButton *sendButton() const;
    QPushButton *cancelButton() const;
    // Null when no `cc-exposure` warning needs a tick (or sending is blocked).
    QPushButton *moveToBccButton() const;
    // The "Always trust this domain" buttons, one per outside domain that offers it, in order.
    QList<QPushButton *> trustDomainButtons() const;

    // Whether the person chose "Move everyone to Bcc". Read it after the dialog accepted.
    bool moveToBccChosen() const;
    // Whether Send was pressed and the countdown runs; the seconds it shows (never below 1).
    bool countdownRunning() const;
    int countdownRemaining() const;

protected:
    void showEvent(QShowEvent *event) override;
    void done(int result) override;

private:
    struct FindingIndex;

    QWidget *createHeader(const Review &review);
    QWidget *createBlockNotice(const Review &review, const FindingIndex &index);
    QWidget *createTopNotice(const Review &review, const FindingIndex &index);
    QWidget *createList(const Review &review, const FindingIndex &index);
    void addRecipientRows(QGridLayout *grid, const Review &review, const FindingIndex &index,
                          bool internal);
    void addAttachmentRows(QGridLayout *grid, const Review &review, const FindingIndex &index);
    QWidget *createFooter();
    QCheckBox *addCheckBox(QCheckBox *box, const QString &accessibleName);
    void resizeToContent();
    QWidget *firstFocus() const;
    void updateSendButton();
    void send();
    void addMoveToBccButton(QLayout *layout, QCheckBox *exposureBox);
    void moveEveryoneToBcc();
    void focusNextOpenItem();
    QPushButton *addTrustDomainButton(QLayout *layout, const NormalisedDomain &domain);
    void trustDomain(std::size_t group);
    void startCountdown();
    void countdownTick();
    void showCountdown();

    QList<QCheckBox *> m_checkBoxes;
    QList<QWidget *> m_focusOrder; // the checkboxes and the buttons among them, in visual order
    QPushButton *m_sendButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QLabel *m_progressLabel = nullptr;
    bool m_blocked = false;
    bool m_shownOnce = false;

    QPushButton *m_moveToBccButton = nullptr;
    QCheckBox *m_exposureBox = nullptr;
    QList<QLabel *> m_visibleFieldLabels; // the To and Cc tags of recipient rows
    bool m_moveToBcc = false;

    struct TrustGroup
    {
        std::string domain; // A-label form
        QPushButton *button = nullptr;
        QList<QCheckBox *> boxes; // the domain's recipients that need a tick
    };
    TrustDomainFunction m_trustDomain;
    std::vector<TrustGroup> m_trustGroups;
    QLabel *m_trustError = nullptr;

    QTimer *m_countdownTimer = nullptr;
    int m_countdownSeconds = 0;
    int m_countdownRemaining = 0;
    bool m_finished = false;
};

} // namespace sendguard
