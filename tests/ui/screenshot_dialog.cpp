// Shows the confirmation dialog for a realistic review and saves what it looks like:
//   screenshot_dialog OUT.png [--many] [--block] [--long] [--dark]
// --many adds forty recipients (to see scrolling), --block a blocked domain and an unreadable
// entry, --long hostile long texts and markup, --dark a dark palette.

#include "confirmdialog.h"

#include <QApplication>
#include <QPalette>
#include <QStringList>
#include <QStyleFactory>
#include <QTimer>

#include <cstdio>
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

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() < 2 || arguments[1].startsWith(u'-')) {
        std::fprintf(stderr,
                     "usage: screenshot_dialog OUT.png [--many] [--block] [--long] [--dark]\n");
        return 2;
    }
    if (arguments.contains(QStringLiteral("--dark"))) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
    }

    ConfirmDialog dialog(sampleReview(arguments.contains(QStringLiteral("--many")),
                                      arguments.contains(QStringLiteral("--block")),
                                      arguments.contains(QStringLiteral("--long"))));
    dialog.show();

    int status = 0;
    QTimer::singleShot(400, &dialog, [&] {
        if (!dialog.grab().save(arguments[1])) {
            std::fprintf(stderr, "could not write %s\n", qPrintable(arguments[1]));
            status = 1;
        }
        std::printf("%s: %dx%d on the %s platform\n", qPrintable(arguments[1]), dialog.width(),
                    dialog.height(), qPrintable(QGuiApplication::platformName()));
        app.quit();
    });
    app.exec();
    return status;
}
