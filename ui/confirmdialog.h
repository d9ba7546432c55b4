#pragma once

#include "../native-host/engine/review.h"

#include <QDialog>

class QCheckBox;
class QGridLayout;
class QLabel;
class QPushButton;

namespace sendguard {

// The confirmation dialog: a thin view over a Review. External recipients are grouped under
// their domain with one checkbox each; internal ones are listed without; each attachment and each
// warning has its own checkbox. Send is enabled only when every box is ticked and nothing blocks;
// Cancel is the default button and Esc cancels. All text from the draft is shown as plain text.
//
// A recipient or attachment gets a checkbox exactly when a Confirm or Warn finding points at it.
// When a finding blocks, Send is hidden and only Cancel is offered.
//
// accept() means "send", reject() means "cancel".
class ConfirmDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ConfirmDialog(const Review &review, QWidget *parent = nullptr);

    // For tests and accessibility checks: the checkboxes in visual (and tab) order.
    QList<QCheckBox *> checkBoxes() const;
    QPushButton *sendButton() const;
    QPushButton *cancelButton() const;

protected:
    void showEvent(QShowEvent *event) override;

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

    QList<QCheckBox *> m_checkBoxes;
    QPushButton *m_sendButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QLabel *m_progressLabel = nullptr;
    bool m_blocked = false;
    bool m_shownOnce = false;
};

} // namespace sendguard
