// Shows the settings dialog for a realistic pair of layers and saves what it looks like:
//   screenshot_settings OUT.png [--checks] [--trust]
// The admin locks trustedDomains and countdownSeconds and sent one bad pattern, so the locked
// and the problem views show. --checks shows the second tab; --trust instead renders the
// confirmation dialog with "Always trust this domain".

#include "confirmdialog.h"
#include "protocol/policylayers.h"
#include "settingsdialog.h"

#include <QApplication>
#include <QStringList>
#include <QTabWidget>
#include <QTimer>

#include <cstdio>

using namespace sendguard;
using nlohmann::json;

namespace {

SettingsLayers sampleLayers()
{
    const json admin = json::parse(R"({
        "internalDomains": ["corp.example", "*.corp.example"],
        "trustedDomains": ["auditor.example", "law-firm.example"],
        "attentionTerms": ["confidential", "M&A"],
        "countdownSeconds": 5,
        "rules": {"new-domain": {"enabled": false}},
        "blockedDomains": ["gmial.com", "mail*.example"],
        "locked": ["trustedDomains", "countdownSeconds"]})");
    SettingsLayers layers;
    layers.admin = validPolicyLayer(admin, "admin policy", layers.problems);
    layers.user = json::parse(R"({
        "internalDomains": ["lab.corp-research.example"],
        "attentionTerms": ["Project Falcon"],
        "rules": {"large-audience": {"enabled": false}}})");
    return layers;
}

ReviewedRecipient recipient(Field field, const std::string &name, const std::string &local,
                            const std::string &domain)
{
    ReviewedRecipient result;
    result.field = field;
    result.displayName = name;
    result.localPart = local;
    result.domain = {domain, domain};
    return result;
}

Review trustReview()
{
    Review review;
    review.subject = "Quote for March";
    review.recipients = {recipient(Field::To, "Alice Example", "alice", "client.example"),
                         recipient(Field::Cc, "Bob Example", "bob", "client.example"),
                         recipient(Field::To, "Dan Vendor", "dan", "vendor.example")};
    for (std::size_t i = 0; i < review.recipients.size(); ++i)
        review.findings.push_back({"external-recipient",
                                   Severity::Confirm,
                                   {Target::Kind::Recipient, i, {}},
                                   "outside your organisation"});
    return review;
}

int grabLater(QApplication &app, QWidget &widget, const QString &path)
{
    int status = 0;
    QTimer::singleShot(400, &widget, [&] {
        if (!widget.grab().save(path)) {
            std::fprintf(stderr, "could not write %s\n", qPrintable(path));
            status = 1;
        }
        std::printf("%s: %dx%d on the %s platform\n", qPrintable(path), widget.width(),
                    widget.height(), qPrintable(QGuiApplication::platformName()));
        app.quit();
    });
    app.exec();
    return status;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() < 2 || arguments[1].startsWith(u'-')) {
        std::fprintf(stderr, "usage: screenshot_settings OUT.png [--checks] [--trust]\n");
        return 2;
    }
    if (arguments.contains(QStringLiteral("--trust"))) {
        const Review review = trustReview();
        ConfirmDialog dialog(review, [](const std::string &) { return std::optional<QString>(); });
        dialog.show();
        return grabLater(app, dialog, arguments[1]);
    }
    SettingsDialog dialog(sampleLayers(), [](const json &) { return std::optional<QString>(); });
    if (arguments.contains(QStringLiteral("--checks")))
        dialog.findChild<QTabWidget *>()->setCurrentIndex(1);
    dialog.show();
    return grabLater(app, dialog, arguments[1]);
}
