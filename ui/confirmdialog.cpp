#include "confirmdialog.h"

#include "mailtext.h"
#include "rulemessage.h"

#include <QCheckBox>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QShowEvent>
#include <QStyle>
#include <QStyleOptionButton>
#include <QStylePainter>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <iterator>
#include <vector>

namespace sendguard {

// Which findings belong where on screen. Built once per dialog so that no item has to search
// every finding (a review may hold thousands of recipients).
struct ConfirmDialog::FindingIndex
{
    std::vector<std::vector<const Finding *>> byRecipient;
    std::vector<std::vector<const Finding *>> byAttachment;
    std::vector<const Finding *> blocks;   // every Block finding, whatever it points at
    std::vector<const Finding *> topTicks; // Warn findings, and Confirm ones pointing at no item
    std::vector<const Finding *> topNotes; // Info findings pointing at no item

    explicit FindingIndex(const Review &review);
};

namespace {

// The dialog's width bounds in line heights of its font, so that they grow with a larger system
// font (480 and 900 pixels at the usual 9-point DejaVu Sans, 14 pixels a line). Line height, not
// character width: a Japanese font's Latin letters are narrower, its lines as tall.
constexpr double kMinimumWidthLines = 34.3;
constexpr double kMaximumWidthLines = 64.3;
constexpr int kSubjectTitleLength = 60;
constexpr int kSubjectHeaderLength = 200;
constexpr int kDisplayNameLength = 48;
constexpr int kFileNameLength = 80;
constexpr double kMaximumHeightShare = 0.7;
constexpr double kMaximumWidthShare = 0.8;

// Every text from the review comes from other people's mail (mailtext.h).
QString fromUtf8(const std::string &text)
{
    return textFromMail(text);
}

QString truncated(const QString &text, int length)
{
    if (text.size() <= length)
        return text;
    return text.left(length - 1) + QChar(0x2026); // …
}

QColor mix(const QColor &from, const QColor &to, double share)
{
    return QColor::fromRgbF(from.redF() + (to.redF() - from.redF()) * share,
                            from.greenF() + (to.greenF() - from.greenF()) * share,
                            from.blueF() + (to.blueF() - from.blueF()) * share);
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor mutedColor(const QPalette &palette)
{
    return mix(palette.color(QPalette::WindowText), palette.color(QPalette::Window), 0.4);
}

// The one accent the dialog allows itself: amber for warnings, red for blocks, each in a shade
// that stays readable on both light and dark palettes.
QColor accentColor(const QPalette &palette, Severity severity)
{
    const bool dark = isDark(palette);
    switch (severity) {
    case Severity::Block:
        return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb3, 0x26, 0x1e);
    case Severity::Warn:
        return dark ? QColor(0xf2, 0xb3, 0x5b) : QColor(0x95, 0x58, 0x00);
    case Severity::Info:
    case Severity::Confirm:
        break;
    }
    return mutedColor(palette);
}

// The list sits on the Base colour, as item views do, where that sets it apart; on dark palettes
// styles such as Fusion draw checkbox indicators in the Base colour, so the list keeps the
// window's colour there for the boxes to stay visible.
QPalette::ColorRole listBackgroundRole(const QPalette &palette)
{
    return isDark(palette) ? QPalette::Window : QPalette::Base;
}

void setTextColor(QWidget *widget, const QColor &color)
{
    QPalette palette = widget->palette();
    palette.setColor(QPalette::WindowText, color);
    palette.setColor(QPalette::Text, color);
    widget->setPalette(palette);
}

void scaleFont(QWidget *widget, double factor, bool bold)
{
    QFont font = widget->font();
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * factor);
    font.setBold(bold);
    widget->setFont(font);
}

// Text from the draft is never interpreted: no rich text, no mnemonics.
// A tool tip that shows `text` as written. QToolTip draws anything that looks like HTML
// (Qt::mightBeRichText) as rich text, and names, file names and subjects come from other
// people's mail: escaped, "<img src=...>" or a fake "<b>address</b>" stays literal.
QString plainToolTip(const QString &text)
{
    if (text.isEmpty())
        return text;
    return QStringLiteral("<p style=\"white-space:pre-wrap\">") + text.toHtmlEscaped()
           + QStringLiteral("</p>");
}

QLabel *plainLabel(const QString &text)
{
    auto *label = new QLabel;
    label->setTextFormat(Qt::PlainText);
    label->setText(text);
    return label;
}

QLabel *wrappedLabel(const QString &text)
{
    QLabel *label = plainLabel(text);
    label->setWordWrap(true);
    return label;
}

QString withoutMnemonics(QString text)
{
    return text.replace(u'&', QStringLiteral("&&"));
}

bool needsTick(const std::vector<const Finding *> &findings)
{
    return std::any_of(findings.begin(), findings.end(), [](const Finding *finding) {
        return finding->severity == Severity::Confirm || finding->severity == Severity::Warn;
    });
}

// In the reader's language; its names from the mail are shown as fromUtf8 shows them.
QString findingText(const Finding &finding)
{
    return RuleMessage::text(finding);
}

QString recipientAddress(const ReviewedRecipient &recipient)
{
    const std::string &domain
        = recipient.domain.unicode.empty() ? recipient.domain.ascii : recipient.domain.unicode;
    return fromUtf8(recipient.localPart) + u'@' + fromUtf8(domain);
}

// The display name is shortened, never the address: a long name must not push the address out of
// sight.
QString mailbox(const ReviewedRecipient &recipient)
{
    if (recipient.displayName.empty())
        return recipientAddress(recipient);
    return truncated(fromUtf8(recipient.displayName), kDisplayNameLength) + QStringLiteral(" <")
           + recipientAddress(recipient) + u'>';
}

// Long file names lose their middle, so that the real ending ("….pdf.exe") stays in sight.
QString fileName(const std::string &name)
{
    const QString text = fromUtf8(name);
    if (text.size() <= kFileNameLength)
        return text;
    const int tail = kFileNameLength / 3;
    return text.left(kFileNameLength - tail - 1) + QChar(0x2026) + text.right(tail);
}

QString domainText(const NormalisedDomain &domain)
{
    if (domain.unicode.empty())
        return fromUtf8(domain.ascii);
    if (!domain.isIdn())
        return fromUtf8(domain.unicode);
    //: A domain in Unicode form, then its punycode form: "bücher.example (xn--bcher-kva.example)"
    return ConfirmDialog::tr("%1 (%2)").arg(fromUtf8(domain.unicode), fromUtf8(domain.ascii));
}

QString fieldText(Field field)
{
    switch (field) {
    case Field::To:
        return ConfirmDialog::tr("To");
    case Field::Cc:
        return ConfirmDialog::tr("Cc");
    case Field::Bcc:
        return ConfirmDialog::tr("Bcc");
    }
    return {};
}

QString sizeText(std::int64_t size)
{
    if (size < 0)
        return ConfirmDialog::tr("size unknown");
    if (size < 1024)
        return ConfirmDialog::tr("%n bytes", nullptr, int(size));

    // Binary multiples with the familiar names, as mail programs show them: 48213 -> "47.1 KB".
    const QString units[] = {ConfirmDialog::tr("%1 KB"), ConfirmDialog::tr("%1 MB"),
                             ConfirmDialog::tr("%1 GB"), ConfirmDialog::tr("%1 TB")};
    double value = double(size) / 1024;
    std::size_t unit = 0;
    while (value >= 1024 && unit + 1 < std::size(units)) {
        value /= 1024;
        ++unit;
    }
    return units[unit].arg(QLocale().toString(value, 'f', value < 100 ? 1 : 0));
}

// Numerus forms: translations/sendguard_en.ts says "1 person" and "2 people", the Japanese
// catalogue has one form.
QString peopleText(qsizetype count)
{
    //: A part of the summary line: "3 people at 2 outside organisations will receive ..."
    return ConfirmDialog::tr("%Ln people", nullptr, int(count));
}

QString outsideOrganisationsText(qsizetype count)
{
    //: A part of the summary line: "3 people at 2 outside organisations will receive ..."
    return ConfirmDialog::tr("%Ln outside organisations", nullptr, int(count));
}

QString attachmentsText(qsizetype count)
{
    //: A part of the summary line: "... will receive 2 attachments."
    return ConfirmDialog::tr("%Ln attachments", nullptr, int(count));
}

QString recipientsText(qsizetype count)
{
    //: Next to a domain header: how many of the recipients are at that domain
    return ConfirmDialog::tr("%Ln recipients", nullptr, int(count));
}

qsizetype externalDomainCount(const Review &review)
{
    std::vector<std::string> domains;
    for (const ReviewedRecipient &recipient : review.recipients) {
        if (!recipient.internal
            && std::find(domains.begin(), domains.end(), recipient.domain.ascii) == domains.end())
            domains.push_back(recipient.domain.ascii);
    }
    return qsizetype(domains.size());
}

// "3 people at 2 outside organisations will receive 1 attachment."
QString summaryText(const Review &review)
{
    const qsizetype internal
        = std::count_if(review.recipients.begin(), review.recipients.end(),
                        [](const auto &recipient) { return recipient.internal; });
    const qsizetype external = qsizetype(review.recipients.size()) - internal;
    const qsizetype attachments = qsizetype(review.attachments.size());
    const QString outside = outsideOrganisationsText(externalDomainCount(review));

    if (external > 0 && internal > 0 && attachments > 0)
        return ConfirmDialog::tr("%1 at %2 and %3 inside your organisation will receive %4.")
            .arg(peopleText(external), outside, peopleText(internal), attachmentsText(attachments));
    if (external > 0 && internal > 0)
        return ConfirmDialog::tr("%1 at %2 and %3 inside your organisation will receive this "
                                 "message.")
            .arg(peopleText(external), outside, peopleText(internal));
    if (external > 0 && attachments > 0)
        return ConfirmDialog::tr("%1 at %2 will receive %3.")
            .arg(peopleText(external), outside, attachmentsText(attachments));
    if (external > 0)
        return ConfirmDialog::tr("%1 at %2 will receive this message.")
            .arg(peopleText(external), outside);
    if (internal > 0 && attachments > 0)
        return ConfirmDialog::tr("%1 inside your organisation will receive %2.")
            .arg(peopleText(internal), attachmentsText(attachments));
    if (internal > 0)
        return ConfirmDialog::tr("%1 inside your organisation will receive this message.")
            .arg(peopleText(internal));
    return ConfirmDialog::tr("No readable recipient will receive this message.");
}

// What a finding at the top of the dialog points at, in words; empty for the draft as a whole.
QString targetText(const Review &review, const Finding &finding)
{
    const Target &target = finding.target;
    switch (target.kind) {
    case Target::Kind::Recipient:
        if (target.index < review.recipients.size())
            return ConfirmDialog::tr("Recipient: %1").arg(mailbox(review.recipients[target.index]));
        break;
    case Target::Kind::Attachment:
        if (target.index < review.attachments.size())
            return ConfirmDialog::tr("Attachment: %1")
                .arg(fromUtf8(review.attachments[target.index].name));
        break;
    case Target::Kind::Entry:
        return ConfirmDialog::tr("As written: %1").arg(fromUtf8(target.text));
    case Target::Kind::Draft:
        break;
    }
    return {};
}

// A rounded panel with a coloured bar on its leading edge, tinted from the palette so that it
// follows light and dark themes.
class NoticeFrame : public QFrame
{
public:
    NoticeFrame(const QColor &accent, QPalette::ColorRole backgroundRole)
        : m_accent(accent)
        , m_backgroundRole(backgroundRole)
    {
        setContentsMargins(14, 8, 10, 8);
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        const QColor background = palette().color(m_backgroundRole);
        const QRectF box = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
        QPainterPath outline;
        outline.addRoundedRect(box, 4, 4);
        painter.setPen(QPen(mix(background, m_accent, 0.45), 1));
        painter.setBrush(mix(background, m_accent, isDark(palette()) ? 0.16 : 0.08));
        painter.drawPath(outline);
        painter.setClipPath(outline);
        painter.fillRect(QRectF(box.left(), box.top(), 4, box.height()), m_accent);
    }

private:
    QColor m_accent;
    QPalette::ColorRole m_backgroundRole;
};

QWidget *noticeTitle(const QIcon &icon, const QString &text, const QColor &color)
{
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 2);
    auto *iconLabel = new QLabel;
    const int extent = row->style()->pixelMetric(QStyle::PM_SmallIconSize);
    iconLabel->setPixmap(icon.pixmap(extent, extent));
    layout->addWidget(iconLabel);
    QLabel *title = plainLabel(text);
    scaleFont(title, 1.0, true);
    setTextColor(title, color);
    layout->addWidget(title, 1);
    return row;
}

// Indents a label so that its text lines up with the text of the checkboxes above and below it.
int checkBoxTextIndent(const QStyle *style)
{
    return style->pixelMetric(QStyle::PM_IndicatorWidth)
           + style->pixelMetric(QStyle::PM_CheckBoxLabelSpacing);
}

QCheckBox *plainCheckBox(const QString &text)
{
    return new QCheckBox(withoutMnemonics(text));
}

// A checkbox whose text wraps, for the reasons at the top, which can be a sentence or two. The
// text is drawn by a word-wrapping label inside it; a click anywhere on the text ticks the box,
// and text() still holds the text for tests and assistive technology.
class WrappingCheckBox : public QCheckBox
{
public:
    explicit WrappingCheckBox(const QString &text)
        : QCheckBox(withoutMnemonics(text))
        , m_label(wrappedLabel(text))
    {
        m_label->setAttribute(Qt::WA_TransparentForMouseEvents);
        auto *layout = new QHBoxLayout(this);
        layout->setContentsMargins(checkBoxTextIndent(style()), 0, 0, 0);
        layout->addWidget(m_label);
        QSizePolicy policy = sizePolicy();
        policy.setHeightForWidth(true);
        setSizePolicy(policy);
    }

    QSize sizeHint() const override { return layout()->sizeHint(); }
    QSize minimumSizeHint() const override { return layout()->minimumSize(); }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override { return layout()->heightForWidth(width); }

protected:
    bool hitButton(const QPoint &position) const override { return rect().contains(position); }

    void paintEvent(QPaintEvent *) override
    {
        // Only the indicator (and its focus frame), level with the first line of the label.
        QStylePainter painter(this);
        QStyleOptionButton option;
        initStyleOption(&option);
        option.text.clear();
        option.rect.setHeight(m_label->fontMetrics().height());
        painter.drawControl(QStyle::CE_CheckBox, option);
    }

private:
    QLabel *m_label;
};

// A scroll area that asks for room for its whole content (QScrollArea caps its size hint at a
// few dozen lines), with the vertical scroll bar's width reserved so that a list that does not
// fit scrolls only vertically. The dialog caps its own height.
class ListScrollArea : public QScrollArea
{
public:
    QSize sizeHint() const override
    {
        const QWidget *content = widget();
        if (!content)
            return QScrollArea::sizeHint();
        // The scroll area never makes its widget smaller than the widget's minimum size, and
        // for wrapped labels that minimum can exceed the height at the preferred width.
        QSize hint = content->sizeHint();
        if (content->hasHeightForWidth())
            hint.setHeight(content->heightForWidth(hint.width()));
        hint = hint.expandedTo(content->minimumSizeHint());
        const int frame = 2 * frameWidth();
        const int scrollBar = style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, this);
        return hint + QSize(frame + scrollBar, frame);
    }
};

enum Column { IndentColumn, ItemColumn, TagColumn, NoteColumn, StretchColumn, ColumnCount };

void addSectionHeading(QGridLayout *grid, const QString &text)
{
    const int row = grid->rowCount();
    if (row > 0)
        grid->setRowMinimumHeight(row, 10);
    QLabel *heading = plainLabel(text);
    QFont font = heading->font();
    font.setBold(true);
    font.setCapitalization(QFont::AllUppercase);
    font.setLetterSpacing(QFont::PercentageSpacing, 106);
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * 0.85);
    heading->setFont(font);
    setTextColor(heading, mutedColor(heading->palette()));
    grid->addWidget(heading, row + 1, 0, 1, ColumnCount);
}

bool hasEastAsianText(const QString &text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) {
        const QChar::Script script = c.script();
        return script == QChar::Script_Han || script == QChar::Script_Hiragana
               || script == QChar::Script_Katakana || script == QChar::Script_Hangul;
    });
}

// Reasons shown under an item, one line each, coloured by how much they ask.
void addReasonRows(QGridLayout *grid, const std::vector<const Finding *> &findings,
                   const std::string &plainRule)
{
    for (const Finding *finding : findings) {
        if (finding->rule == plainRule)
            continue;
        QLabel *reason = wrappedLabel(findingText(*finding));
        reason->setContentsMargins(checkBoxTextIndent(reason->style()), 0, 0, 2);
        if (finding->severity == Severity::Warn || finding->severity == Severity::Block) {
            setTextColor(reason, accentColor(reason->palette(), finding->severity));
        } else if (hasEastAsianText(reason->text())) {
            // Japanese has no italics: a slanted kanji reads as a rendering fault.
            setTextColor(reason, mutedColor(reason->palette()));
        } else {
            QFont font = reason->font();
            font.setItalic(true);
            reason->setFont(font);
        }
        grid->addWidget(reason, grid->rowCount(), ItemColumn, 1, ColumnCount - ItemColumn);
    }
}

QString reasonsDescription(const std::vector<const Finding *> &findings)
{
    QStringList reasons;
    for (const Finding *finding : findings)
        reasons << findingText(*finding);
    return reasons.join(QStringLiteral("; "));
}

} // namespace

ConfirmDialog::FindingIndex::FindingIndex(const Review &review)
    : byRecipient(review.recipients.size())
    , byAttachment(review.attachments.size())
{
    for (const Finding &finding : review.findings) {
        const Target &target = finding.target;
        std::vector<const Finding *> *item = nullptr;
        if (target.kind == Target::Kind::Recipient && target.index < byRecipient.size())
            item = &byRecipient[target.index];
        if (target.kind == Target::Kind::Attachment && target.index < byAttachment.size())
            item = &byAttachment[target.index];

        if (item)
            item->push_back(&finding);
        if (finding.severity == Severity::Block)
            blocks.push_back(&finding);
        else if (finding.severity == Severity::Warn)
            topTicks.push_back(&finding);
        else if (!item && finding.severity == Severity::Confirm)
            topTicks.push_back(&finding);
        else if (!item)
            topNotes.push_back(&finding);
    }
}

ConfirmDialog::ConfirmDialog(const Review &review, QWidget *parent)
    : ConfirmDialog(review, TrustDomainFunction(), parent)
{}

ConfirmDialog::ConfirmDialog(const Review &review, TrustDomainFunction trustDomain, QWidget *parent)
    : QDialog(parent)
    , m_blocked(review.blocked())
    , m_trustDomain(std::move(trustDomain))
    , m_countdownSeconds(std::max(0, review.countdownSeconds))
{
    m_countdownTimer = new QTimer(this);
    m_countdownTimer->setInterval(1000);
    connect(m_countdownTimer, &QTimer::timeout, this, &ConfirmDialog::countdownTick);
    const FindingIndex index(review);
    const QString subject
        = review.subject.empty() ? tr("(no subject)") : fromUtf8(review.subject).simplified();
    setWindowTitle(tr("SendGuard – confirm: %1").arg(truncated(subject, kSubjectTitleLength)));
    setWindowFlag(Qt::WindowStaysOnTopHint);
    setWindowFlag(Qt::WindowContextHelpButtonHint, false);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    layout->addWidget(createHeader(review));
    if (m_blocked)
        layout->addWidget(createBlockNotice(review, index));

    auto *content = new QWidget;
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(12, 10, 12, 12);
    contentLayout->setSpacing(12);
    if (QWidget *notice = createTopNotice(review, index))
        contentLayout->addWidget(notice);
    contentLayout->addWidget(createList(review, index));
    contentLayout->addStretch(1);

    auto *scrollArea = new ListScrollArea;
    scrollArea->setObjectName(QStringLiteral("itemsScrollArea"));
    scrollArea->setWidgetResizable(true);
    scrollArea->setFocusPolicy(Qt::NoFocus);
    scrollArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    scrollArea->viewport()->setBackgroundRole(listBackgroundRole(palette()));
    scrollArea->viewport()->setAutoFillBackground(true);
    scrollArea->setWidget(content);
    layout->addWidget(scrollArea, 1);
    layout->addWidget(createFooter());
    // Only now that the button sits inside the dialog does QDialog take it as its default.
    m_cancelButton->setDefault(true);

    QWidget *previous = nullptr;
    for (QWidget *widget : std::as_const(m_focusOrder)) {
        if (previous)
            setTabOrder(previous, widget);
        previous = widget;
    }
    if (previous)
        setTabOrder(previous, m_sendButton);
    setTabOrder(m_sendButton, m_cancelButton);

    updateSendButton();
    resizeToContent();
    firstFocus()->setFocus();
}

QList<QCheckBox *> ConfirmDialog::checkBoxes() const
{
    return m_checkBoxes;
}

QPushButton *ConfirmDialog::sendButton() const
{
    return m_sendButton;
}

QPushButton *ConfirmDialog::cancelButton() const
{
    return m_cancelButton;
}

QPushButton *ConfirmDialog::moveToBccButton() const
{
    return m_moveToBccButton;
}

bool ConfirmDialog::moveToBccChosen() const
{
    return m_moveToBcc;
}

bool ConfirmDialog::countdownRunning() const
{
    return m_countdownTimer->isActive();
}

int ConfirmDialog::countdownRemaining() const
{
    return countdownRunning() ? std::max(1, m_countdownRemaining) : 0;
}

// The first box to tick; Cancel when there is none, or when ticking cannot lead to sending.
QWidget *ConfirmDialog::firstFocus() const
{
    if (m_blocked || m_checkBoxes.isEmpty())
        return m_cancelButton;
    return m_checkBoxes.first();
}

void ConfirmDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    if (!m_shownOnce) {
        m_shownOnce = true;
        firstFocus()->setFocus(Qt::OtherFocusReason);
    }
    // The dialog opens over Thunderbird's compose window, which still has the focus.
    raise();
    activateWindow();
}

QWidget *ConfirmDialog::createHeader(const Review &review)
{
    auto *header = new QWidget;
    auto *layout = new QVBoxLayout(header);
    layout->setContentsMargins(2, 0, 2, 0);
    layout->setSpacing(4);

    QLabel *summary = wrappedLabel(summaryText(review));
    summary->setObjectName(QStringLiteral("summaryLabel"));
    scaleFont(summary, 1.15, true);
    layout->addWidget(summary);

    auto *subjectRow = new QHBoxLayout;
    subjectRow->setSpacing(6);
    QLabel *subjectCaption = plainLabel(tr("Subject:"));
    setTextColor(subjectCaption, mutedColor(subjectCaption->palette()));
    subjectRow->addWidget(subjectCaption, 0, Qt::AlignTop);
    const QString fullSubject = fromUtf8(review.subject);
    QLabel *subject = wrappedLabel(
        fullSubject.isEmpty() ? tr("(no subject)") : truncated(fullSubject, kSubjectHeaderLength));
    subject->setObjectName(QStringLiteral("subjectLabel"));
    subject->setToolTip(
        plainToolTip(fullSubject.size() > kSubjectHeaderLength ? fullSubject : QString()));
    subject->setAccessibleName(tr("Subject: %1").arg(fullSubject));
    subjectRow->addWidget(subject, 1);
    layout->addLayout(subjectRow);
    if (review.historyUnavailable) {
        QLabel *history = wrappedLabel(tr("Your sending history could not be read, so this "
                                          "mail was not compared with the people you usually "
                                          "write to."));
        history->setObjectName(QStringLiteral("historyUnavailableLabel"));
        setTextColor(history, mutedColor(history->palette()));
        layout->addWidget(history);
    }
    return header;
}

QWidget *ConfirmDialog::createBlockNotice(const Review &review, const FindingIndex &index)
{
    const QColor accent = accentColor(palette(), Severity::Block);
    auto *notice = new NoticeFrame(accent, QPalette::Window);
    notice->setObjectName(QStringLiteral("blockNotice"));
    auto *layout = new QVBoxLayout(notice);
    layout->setSpacing(4);
    layout->addWidget(noticeTitle(style()->standardIcon(QStyle::SP_MessageBoxCritical),
                                  tr("This message cannot be sent"), accent));
    for (const Finding *finding : index.blocks) {
        QLabel *reason = wrappedLabel(findingText(*finding));
        layout->addWidget(reason);
        const QString target = targetText(review, *finding);
        if (target.isEmpty())
            continue;
        QLabel *detail = wrappedLabel(target);
        detail->setContentsMargins(12, 0, 0, 0);
        setTextColor(detail, mutedColor(detail->palette()));
        layout->addWidget(detail);
    }
    return notice;
}

QWidget *ConfirmDialog::createTopNotice(const Review &review, const FindingIndex &index)
{
    if (index.topTicks.empty() && index.topNotes.empty() && review.autoBcc.empty())
        return nullptr;

    const bool warns = std::any_of(index.topTicks.begin(), index.topTicks.end(),
                                   [](const Finding *f) { return f->severity == Severity::Warn; });
    const QColor accent
        = warns ? accentColor(palette(), Severity::Warn) : palette().color(QPalette::Highlight);
    auto *notice = new NoticeFrame(accent, listBackgroundRole(palette()));
    notice->setObjectName(QStringLiteral("warningNotice"));
    auto *layout = new QVBoxLayout(notice);
    layout->setSpacing(4);
    const QString title = warns                    ? tr("Look at these before sending")
                          : index.topTicks.empty() ? tr("Note")
                                                   : tr("Please confirm");
    layout->addWidget(noticeTitle(style()->standardIcon(warns ? QStyle::SP_MessageBoxWarning
                                                              : QStyle::SP_MessageBoxInformation),
                                  title, warns ? accent : palette().color(QPalette::WindowText)));

    const int indent = checkBoxTextIndent(style());
    for (const Finding *finding : index.topTicks) {
        const QString target = targetText(review, *finding);
        const QString accessibleName = finding->severity == Severity::Warn
                                           ? tr("Warning: %1").arg(findingText(*finding))
                                           : tr("Confirm: %1").arg(findingText(*finding));
        QCheckBox *box = addCheckBox(new WrappingCheckBox(findingText(*finding)), accessibleName);
        box->setAccessibleDescription(target);
        layout->addWidget(box);
        if (finding->rule == "cc-exposure" && !m_blocked && !m_moveToBccButton)
            addMoveToBccButton(layout, box);
        if (target.isEmpty())
            continue;
        QLabel *detail = wrappedLabel(target);
        detail->setContentsMargins(indent, 0, 0, 2);
        setTextColor(detail, mutedColor(detail->palette()));
        layout->addWidget(detail);
    }
    for (const Finding *finding : index.topNotes) {
        const QString target = targetText(review, *finding);
        layout->addWidget(wrappedLabel(target.isEmpty() ? findingText(*finding)
                                                        : findingText(*finding) + u'\n' + target));
    }
    if (!review.autoBcc.empty()) {
        QStringList addresses;
        for (const std::string &address : review.autoBcc)
            addresses << fromUtf8(address);
        QLabel *note
            = wrappedLabel(tr("As your organisation asks, a blind copy (Bcc) also goes to %1.")
                               .arg(addresses.join(QStringLiteral(", "))));
        note->setObjectName(QStringLiteral("autoBccNote"));
        layout->addWidget(note);
    }
    return notice;
}

QWidget *ConfirmDialog::createList(const Review &review, const FindingIndex &index)
{
    auto *list = new QWidget;
    list->setObjectName(QStringLiteral("itemList"));
    auto *grid = new QGridLayout(list);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(16);
    grid->setVerticalSpacing(3);
    grid->setColumnMinimumWidth(IndentColumn, 4);
    grid->setColumnStretch(StretchColumn, 1);

    const auto isInternal = [](const ReviewedRecipient &recipient) {
        return recipient.internal;
    };
    const auto &recipients = review.recipients;
    if (!std::all_of(recipients.begin(), recipients.end(), isInternal)) {
        addSectionHeading(grid, tr("Outside your organisation"));
        addRecipientRows(grid, review, index, false);
    }
    if (std::any_of(recipients.begin(), recipients.end(), isInternal)) {
        addSectionHeading(grid, tr("Inside your organisation"));
        addRecipientRows(grid, review, index, true);
    }
    if (!review.attachments.empty()) {
        addSectionHeading(grid, tr("Attachments"));
        addAttachmentRows(grid, review, index);
    }
    return list;
}

// External recipients come under one header per domain, in the order the domains first appear;
// internal recipients follow each other without headers.
void ConfirmDialog::addRecipientRows(QGridLayout *grid, const Review &review,
                                     const FindingIndex &index, bool internal)
{
    std::vector<std::vector<std::size_t>> groups;
    std::vector<std::string> groupDomains;
    for (std::size_t i = 0; i < review.recipients.size(); ++i) {
        const ReviewedRecipient &recipient = review.recipients[i];
        if (recipient.internal != internal)
            continue;
        const std::string key = internal ? std::string() : recipient.domain.ascii;
        auto found = std::find(groupDomains.begin(), groupDomains.end(), key);
        if (found == groupDomains.end()) {
            groupDomains.push_back(key);
            groups.emplace_back();
            found = groupDomains.end() - 1;
        }
        groups[std::size_t(found - groupDomains.begin())].push_back(i);
    }

    const int indent = checkBoxTextIndent(style());
    for (const std::vector<std::size_t> &group : groups) {
        const NormalisedDomain &domain = review.recipients[group.front()].domain;
        if (!internal) {
            auto *header = new QWidget;
            auto *headerLayout = new QHBoxLayout(header);
            headerLayout->setContentsMargins(0, 6, 0, 1);
            headerLayout->setSpacing(8);
            QLabel *domainLabel = plainLabel(domainText(domain));
            domainLabel->setObjectName(QStringLiteral("domainHeader"));
            const QString count = recipientsText(qsizetype(group.size()));
            //: Accessible name of a domain header: "Domain client.example, 2 recipients"
            domainLabel->setAccessibleName(tr("Domain %1, %2").arg(domainText(domain), count));
            scaleFont(domainLabel, 1.0, true);
            headerLayout->addWidget(domainLabel);
            QLabel *countLabel = plainLabel(count);
            setTextColor(countLabel, mutedColor(countLabel->palette()));
            headerLayout->addWidget(countLabel);
            headerLayout->addStretch(1);
            const bool anyUntrusted = std::any_of(group.begin(), group.end(), [&](std::size_t i) {
                return !review.recipients[i].trusted;
            });
            if (m_trustDomain && !m_blocked && anyUntrusted)
                m_trustGroups.push_back(
                    {domain.ascii, addTrustDomainButton(headerLayout, domain), {}});
            grid->addWidget(header, grid->rowCount(), IndentColumn, 1, ColumnCount);
        }

        for (std::size_t i : group) {
            const ReviewedRecipient &recipient = review.recipients[i];
            const std::vector<const Finding *> &findings = index.byRecipient[i];
            const int row = grid->rowCount();
            QWidget *item = nullptr;
            if (needsTick(findings)) {
                //: Accessible names of a recipient's checkbox: the address, the field (To, Cc,
                //: Bcc) and, outside, the domain
                const QString accessibleName
                    = internal ? tr("Internal recipient %1, %2")
                                     .arg(recipientAddress(recipient), fieldText(recipient.field))
                               : tr("External recipient %1, %2, domain %3")
                                     .arg(recipientAddress(recipient), fieldText(recipient.field),
                                          domainText(domain));
                QCheckBox *box = addCheckBox(plainCheckBox(mailbox(recipient)), accessibleName);
                box->setAccessibleDescription(reasonsDescription(findings));
                if (!internal && !m_trustGroups.empty()
                    && m_trustGroups.back().domain == domain.ascii)
                    m_trustGroups.back().boxes.append(box);
                item = box;
            } else {
                QLabel *label = plainLabel(mailbox(recipient));
                label->setContentsMargins(indent, 0, 0, 0);
                item = label;
            }
            if (recipient.displayName.size() > kDisplayNameLength)
                item->setToolTip(plainToolTip(fromUtf8(recipient.displayName)));
            grid->addWidget(item, row, ItemColumn);

            QLabel *field = plainLabel(fieldText(recipient.field));
            if (recipient.field == Field::Bcc) {
                field->setText(tr("Bcc (hidden)"));
                field->setToolTip(tr("Blind copy: the other recipients do not see this address."));
                scaleFont(field, 1.0, true);
                setTextColor(field, accentColor(field->palette(), Severity::Warn));
            } else {
                setTextColor(field, mutedColor(field->palette()));
                m_visibleFieldLabels.append(field);
            }
            grid->addWidget(field, row, TagColumn);

            if (recipient.trusted && !recipient.internal) {
                QLabel *note = plainLabel(tr("trusted"));
                setTextColor(note, mutedColor(note->palette()));
                grid->addWidget(note, row, NoteColumn);
            }
            addReasonRows(grid, findings, "external-recipient");
        }
    }
}

void ConfirmDialog::addAttachmentRows(QGridLayout *grid, const Review &review,
                                      const FindingIndex &index)
{
    const int indent = checkBoxTextIndent(style());
    for (std::size_t i = 0; i < review.attachments.size(); ++i) {
        const Attachment &attachment = review.attachments[i];
        const std::vector<const Finding *> &findings = index.byAttachment[i];
        const QString name = fromUtf8(attachment.name);
        const QString size = sizeText(attachment.size);
        const int row = grid->rowCount();
        QWidget *item = nullptr;
        if (needsTick(findings)) {
            item = addCheckBox(plainCheckBox(fileName(attachment.name)),
                               tr("Attachment %1, %2").arg(name, size));
            item->setAccessibleDescription(reasonsDescription(findings));
        } else {
            QLabel *label = plainLabel(fileName(attachment.name));
            label->setContentsMargins(indent, 0, 0, 0);
            item = label;
        }
        if (name.size() > kFileNameLength)
            item->setToolTip(plainToolTip(name));
        grid->addWidget(item, row, ItemColumn);
        QLabel *sizeLabel = plainLabel(size);
        setTextColor(sizeLabel, mutedColor(sizeLabel->palette()));
        grid->addWidget(sizeLabel, row, TagColumn);
        addReasonRows(grid, findings, "attachment");
    }
}

QWidget *ConfirmDialog::createFooter()
{
    auto *footer = new QWidget;
    auto *layout = new QHBoxLayout(footer);
    layout->setContentsMargins(2, 0, 0, 0);
    layout->setSpacing(8);

    // Wrapped: at a large system font the hint must not push Send and Cancel out of the window.
    m_progressLabel = wrappedLabel(QString());
    m_progressLabel->setObjectName(QStringLiteral("progressLabel"));
    layout->addWidget(m_progressLabel, 1);

    // Send first, Cancel last: the focus order then follows the visual order from left to right.
    // Both are auto-default so that Enter presses whichever has the focus; anywhere else Enter
    // presses Cancel, the default.
    m_sendButton = new QPushButton(tr("Send"));
    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    m_sendButton->setAutoDefault(true);
    connect(m_sendButton, &QPushButton::clicked, this, &ConfirmDialog::send);
    layout->addWidget(m_sendButton);
    // Only once it has a parent: showing a parentless widget maps a window of its own.
    if (m_blocked)
        m_sendButton->hide();

    m_cancelButton = new QPushButton(tr("Cancel"));
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_cancelButton->setAutoDefault(true);
    connect(m_cancelButton, &QPushButton::clicked, this, &QDialog::reject);
    layout->addWidget(m_cancelButton);
    return footer;
}

QCheckBox *ConfirmDialog::addCheckBox(QCheckBox *box, const QString &accessibleName)
{
    box->setAccessibleName(accessibleName);
    connect(box, &QCheckBox::toggled, this, &ConfirmDialog::updateSendButton);
    m_checkBoxes.append(box);
    m_focusOrder.append(box);
    return box;
}

// Grows with the content up to a share of the screen; past that the list scrolls.
void ConfirmDialog::resizeToContent()
{
    const QRect available = screen()->availableGeometry();
    const int line = fontMetrics().height();
    const int maximumWidth
        = std::min(int(available.width() * kMaximumWidthShare), int(kMaximumWidthLines * line));
    const int minimumWidth = int(kMinimumWidthLines * line);
    const int maximumHeight = int(available.height() * kMaximumHeightShare);

    const int width
        = std::clamp(sizeHint().width(), std::min(minimumWidth, maximumWidth), maximumWidth);
    const int height = hasHeightForWidth() ? heightForWidth(width) : sizeHint().height();
    // Only the list scrolls: the summary, a block notice and the buttons keep the height their
    // wrapped text needs at this width (a large system font on a small screen), with a few lines
    // of the list, up to the whole screen.
    int fixedParts = height;
    if (const auto *list = findChild<QScrollArea *>(QStringLiteral("itemsScrollArea")))
        fixedParts += 4 * fontMetrics().height() - list->sizeHint().height();
    const int shown = std::max(std::min(height, maximumHeight), fixedParts);
    setMinimumWidth(std::min(minimumWidth, maximumWidth));
    resize(width, std::min(shown, available.height()));
}

void ConfirmDialog::updateSendButton()
{
    const auto ticked = std::count_if(m_checkBoxes.begin(), m_checkBoxes.end(),
                                      [](const QCheckBox *box) { return box->isChecked(); });
    const auto total = m_checkBoxes.size();
    m_sendButton->setEnabled(!m_blocked && ticked == total);

    if (m_blocked) {
        m_progressLabel->setText(tr("Only Cancel is possible: sending is blocked."));
        setTextColor(m_progressLabel, accentColor(palette(), Severity::Block));
    } else if (total == 0) {
        m_progressLabel->setText(tr("Nothing here needs a tick."));
    } else {
        const QString progress = tr("%1 of %2 checked").arg(ticked).arg(total);
        m_progressLabel->setText(
            ticked == total ? progress : tr("%1 – tick each item to enable Send").arg(progress));
        scaleFont(m_progressLabel, 1.0, ticked == total);
    }
    m_progressLabel->setAccessibleName(m_progressLabel->text());
}

void ConfirmDialog::send()
{
    if (m_blocked || m_finished || countdownRunning() || !m_sendButton->isEnabled())
        return;
    if (m_countdownSeconds > 0) {
        startCountdown();
        return;
    }
    accept();
}

// A second answer (the countdown running out after Cancel, a click queued behind Esc) must not
// reach the host: the first one wins.
void ConfirmDialog::done(int result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_countdownTimer->stop();
    QDialog::done(result);
}

void ConfirmDialog::addMoveToBccButton(QLayout *layout, QCheckBox *exposureBox)
{
    m_exposureBox = exposureBox;
    auto *row = new QWidget;
    auto *rowLayout = new QHBoxLayout(row);
    rowLayout->setContentsMargins(checkBoxTextIndent(style()), 2, 0, 4);
    rowLayout->setSpacing(10);

    // Its own words, not the draft's: the mnemonic (Alt+B) is safe here.
    m_moveToBccButton = new QPushButton(tr("Move everyone to &Bcc"));
    m_moveToBccButton->setObjectName(QStringLiteral("moveToBccButton"));
    m_moveToBccButton->setAutoDefault(true);
    m_moveToBccButton->setToolTip(tr("Every recipient in To and Cc gets a blind copy instead, so "
                                     "nobody sees the others' addresses."));
    connect(m_moveToBccButton, &QPushButton::clicked, this, &ConfirmDialog::moveEveryoneToBcc);
    m_focusOrder.append(m_moveToBccButton);
    rowLayout->addWidget(m_moveToBccButton);

    QLabel *movedNote
        = wrappedLabel(tr("Everyone is now in Bcc: no recipient will see the others' addresses."));
    movedNote->setObjectName(QStringLiteral("movedToBccNote"));
    movedNote->hide();
    rowLayout->addWidget(movedNote, 1);
    rowLayout->addStretch(0);
    layout->addWidget(row);
}

// Settles the cc-exposure warning the other way: nobody will see the others, so its box is ticked
// and locked, and every To and Cc tag says where the recipient went.
void ConfirmDialog::moveEveryoneToBcc()
{
    if (m_moveToBcc || m_blocked || m_finished || countdownRunning() || !m_exposureBox)
        return;
    m_moveToBcc = true;
    m_exposureBox->setChecked(true);
    m_exposureBox->setEnabled(false);
    m_moveToBccButton->setText(tr("Moved to Bcc"));
    m_moveToBccButton->setEnabled(false);
    if (auto *note = findChild<QLabel *>(QStringLiteral("movedToBccNote")))
        note->show();
    for (QLabel *label : std::as_const(m_visibleFieldLabels)) {
        label->setText(tr("Bcc (moved)"));
        label->setToolTip(tr("Moved from To or Cc: the other recipients do not see this address."));
        setTextColor(label, accentColor(label->palette(), Severity::Warn));
    }
    updateSendButton();
    focusNextOpenItem();
}

QList<QPushButton *> ConfirmDialog::trustDomainButtons() const
{
    QList<QPushButton *> buttons;
    for (const TrustGroup &group : m_trustGroups)
        buttons.append(group.button);
    return buttons;
}

QPushButton *ConfirmDialog::addTrustDomainButton(QLayout *layout, const NormalisedDomain &domain)
{
    auto *button = new QPushButton(tr("Always trust this domain"));
    button->setObjectName(QStringLiteral("trustDomainButton"));
    button->setAutoDefault(true);
    button->setAccessibleName(tr("Always trust %1").arg(domainText(domain)));
    button->setToolTip(tr("Adds %1 to your trusted domains: its recipients will need no tick. "
                          "Warnings about it are still shown.")
                           .arg(domainText(domain)));
    const std::size_t group = m_trustGroups.size();
    connect(button, &QPushButton::clicked, this, [this, group] { trustDomain(group); });
    layout->addWidget(button);
    m_focusOrder.append(button);
    return button;
}

// Only the recipients' own boxes are ticked: a warning at the top about this domain keeps its
// box, since the person has not looked at it yet.
void ConfirmDialog::trustDomain(std::size_t group)
{
    if (m_finished || countdownRunning() || group >= m_trustGroups.size())
        return;
    TrustGroup &trusted = m_trustGroups[group];
    if (const auto failure = m_trustDomain(trusted.domain)) {
        if (!m_trustError) {
            m_trustError = wrappedLabel(QString());
            m_trustError->setObjectName(QStringLiteral("trustError"));
            setTextColor(m_trustError, accentColor(palette(), Severity::Block));
            // Above the footer, where the person looks next.
            auto *dialogLayout = static_cast<QVBoxLayout *>(layout());
            dialogLayout->insertWidget(dialogLayout->count() - 1, m_trustError);
        }
        m_trustError->setText(tr("The domain could not be saved as trusted: %1").arg(*failure));
        m_trustError->show();
        return;
    }
    if (m_trustError)
        m_trustError->hide();
    trusted.button->setText(tr("Trusted"));
    trusted.button->setEnabled(false);
    for (QCheckBox *box : std::as_const(trusted.boxes))
        box->setChecked(true);
    updateSendButton();
    focusNextOpenItem();
}

// After a step that ticked a box for the person: the next box still to tick, else Send.
void ConfirmDialog::focusNextOpenItem()
{
    for (QCheckBox *box : std::as_const(m_checkBoxes)) {
        if (box->isEnabled() && !box->isChecked()) {
            box->setFocus(Qt::TabFocusReason);
            return;
        }
    }
    m_sendButton->setFocus(Qt::TabFocusReason);
}

// Send was pressed with a countdown: everything is locked but Cancel, which takes the focus so
// that a second Enter stops the send rather than repeating it.
void ConfirmDialog::startCountdown()
{
    m_countdownRemaining = m_countdownSeconds;
    m_sendButton->setEnabled(false);
    for (QCheckBox *box : std::as_const(m_checkBoxes))
        box->setEnabled(false);
    if (m_moveToBccButton)
        m_moveToBccButton->setEnabled(false);
    m_cancelButton->setFocus(Qt::OtherFocusReason);
    showCountdown();
    m_countdownTimer->start();
}

void ConfirmDialog::countdownTick()
{
    --m_countdownRemaining;
    if (m_countdownRemaining > 0) {
        showCountdown();
        return;
    }
    m_countdownTimer->stop();
    accept();
}

void ConfirmDialog::showCountdown()
{
    m_progressLabel->setText(
        tr("Sending in %1… Cancel or Esc stops it.").arg(std::max(1, m_countdownRemaining)));
    scaleFont(m_progressLabel, 1.0, true);
    setTextColor(m_progressLabel, accentColor(palette(), Severity::Warn));
    m_progressLabel->setAccessibleName(m_progressLabel->text());
}

} // namespace sendguard
