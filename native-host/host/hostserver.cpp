#include "hostserver.h"

#include "logging.h"
#include "platform.h"

#include "confirmdialog.h"
#include "engine/edits.h"
#include "engine/engine.h"
#include "history/historystore.h"
#include "history/learn.h"
#include "language.h"
#include "protocol/policylayers.h"
#include "protocol/reply.h"
#include "settings/usersettings.h"
#include "settingsdialog.h"

#include <QCoreApplication>
#include <QMetaObject>

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace sendguard {

namespace {

constexpr std::size_t kReadChunkBytes = 64 * 1024;
constexpr std::size_t kMaxAwaitingSent = 64;
// Reviews waiting behind an open dialog. A person sends a few at once; a flood is refused.
constexpr std::size_t kMaxQueuedReviews = 32;
// Frames the reader may hand to the main thread before it waits: at most this many, holding at
// most this many bytes together (one frame of any allowed size always passes).
constexpr std::size_t kMaxFramesInFlight = 16;
constexpr std::size_t kMaxBytesInFlight = 2 * kMaxRequestBytes;

// The ids of the rules that fired, each once, in rule order: "external-recipient,
// lookalike-domain". Ids name checks, not people, so they may be logged.
QString firedRules(const Review &review)
{
    QStringList ids;
    for (const Finding &finding : review.findings) {
        const QString id = QString::fromStdString(finding.rule);
        if (!ids.contains(id))
            ids.append(id);
    }
    return ids.isEmpty() ? QStringLiteral("none") : ids.join(QLatin1Char(','));
}

// Counts and rule ids only: logs leave machines, addresses and bodies must not.
QString summary(const Review &review)
{
    const auto external = std::count_if(review.recipients.begin(), review.recipients.end(),
                                        [](const ReviewedRecipient &r) { return !r.internal; });
    return QStringLiteral(
               "%1 recipients (%2 external), %3 attachments, %4 findings, blocked: %5, rules: %6")
        .arg(review.recipients.size())
        .arg(external)
        .arg(review.attachments.size())
        .arg(review.findings.size())
        .arg(review.blocked() ? "yes" : "no")
        .arg(firedRules(review));
}

std::int64_t nowSeconds()
{
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// Names the admin policy a decision was taken under without storing it: FNV-1a over its
// canonical JSON (object keys sorted), as 16 hex digits; "none" when IT set no policy.
std::string policyFingerprint(const ReviewRequest &request)
{
    if (request.adminPolicy.is_null())
        return "none";
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (const unsigned char c : dumpJson(request.adminPolicy)) {
        hash ^= c;
        hash *= 0x100000001b3ULL;
    }
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
    return text;
}

// Every finding that needed a tick was ticked before Send could be pressed.
std::vector<std::string> tickedOnSend(const Review &review)
{
    std::vector<std::string> ticked;
    for (const Finding &finding : review.findings) {
        if (finding.severity == Severity::Confirm || finding.severity == Severity::Warn)
            ticked.push_back(finding.rule);
    }
    return ticked;
}

} // namespace

HostServer::HostServer(bool dialogsAvailable, QObject *parent)
    : QObject(parent)
    , m_dialogsAvailable(dialogsAvailable)
    , m_inFlight(kMaxFramesInFlight, kMaxBytesInFlight)
{}

HostServer::~HostServer()
{
    if (m_reader.joinable() && m_readerDone)
        m_reader.join();
    if (m_reader.joinable())
        m_reader.detach(); // blocked in read(); the process is ending
    delete m_dialog.data();
    delete m_settingsDialog.data();
}

void HostServer::start()
{
    qCInfo(lcHost) << "serving; dialogs" << (m_dialogsAvailable ? "available" : "unavailable");
    m_reader = std::thread([this] { readLoop(); });
}

bool HostServer::stopReader()
{
    if (!m_reader.joinable())
        return true;
    if (!m_readerDone)
        return false;
    m_reader.join();
    return true;
}

// Runs on the reader thread: touches only the decoder and post().
void HostServer::readLoop()
{
    FrameDecoder decoder;
    std::string buffer(kReadChunkBytes, '\0');
    for (;;) {
        const std::ptrdiff_t got = platform::readStdin(buffer.data(), buffer.size());
        if (got <= 0) {
            if (got < 0)
                qCWarning(lcProtocol) << "reading stdin failed; treating it as end of input";
            break;
        }
        decoder.feed(std::string_view(buffer.data(), static_cast<std::size_t>(got)));
        while (auto item = decoder.next())
            post(std::move(*item));
    }
    if (auto error = decoder.finish())
        post({std::nullopt, std::move(*error)});

    m_readerDone = true;
    QMetaObject::invokeMethod(
        this, [this] { handleEndOfInput(); }, Qt::QueuedConnection);
}

void HostServer::post(FrameDecoder::Item item)
{
    m_inFlight.acquire(item.payload ? item.payload->size() : 0); // released by handleItem
    QMetaObject::invokeMethod(
        this, [this, item = std::move(item)] { handleItem(item); }, Qt::QueuedConnection);
}

void HostServer::handleItem(const FrameDecoder::Item &item)
{
    m_inFlight.release(item.payload ? item.payload->size() : 0);
    if (m_quitting)
        return;
    if (item.error) {
        qCWarning(lcProtocol) << "frame rejected:" << errorCodeName(item.error->code)
                              << item.error->message.c_str();
        reply(errorJson(std::string(), *item.error));
        return;
    }

    std::string id;
    Result<Message> message = parseMessage(*item.payload, &id);
    if (!message) {
        qCWarning(lcProtocol) << "request rejected:" << errorCodeName(message.error().code)
                              << message.error().message.c_str();
        reply(errorJson(id, message.error()));
        return;
    }
    handleMessage(std::move(message).value());
}

void HostServer::handleMessage(Message message)
{
    if (auto *ping = std::get_if<PingRequest>(&message)) {
        qCDebug(lcProtocol) << "ping" << ping->id.c_str();
        reply(pongJson(ping->id));
        return;
    }
    if (auto *sent = std::get_if<SentNotice>(&message)) {
        handleSent(*sent);
        return;
    }
    if (auto *learn = std::get_if<LearnRequest>(&message)) {
        handleLearn(*learn);
        return;
    }
    const std::string id = std::visit([](const auto &request) { return request.id; }, message);
    if (m_queue.size() >= kMaxQueuedReviews) {
        // Refused, not dropped: the extension cancels that send and says why.
        qCWarning(lcHost) << "request" << id.c_str() << "refused:" << m_queue.size()
                          << "requests already wait";
        const QString message
            = tr("Too many messages (%1) are already waiting for the confirmation dialog.")
                  .arg(kMaxQueuedReviews);
        reply(errorJson(id, {ErrorCode::Unavailable, message.toStdString()}));
        return;
    }
    if (auto *open = std::get_if<OpenSettingsRequest>(&message))
        m_queue.push_back(std::move(*open));
    else
        m_queue.push_back(std::get<ReviewRequest>(std::move(message)));
    processQueue();
}

void HostServer::handleSent(const SentNotice &notice)
{
    const auto it = std::find_if(m_awaitingSent.begin(), m_awaitingSent.end(),
                                 [&](const auto &entry) { return entry.first == notice.id; });
    if (it == m_awaitingSent.end()) {
        qCInfo(lcHost) << "sent notice for unknown review" << notice.id.c_str();
        return;
    }
    qCInfo(lcHost).noquote() << QStringLiteral("review %1 sent: %2")
                                    .arg(QString::fromStdString(notice.id), summary(it->second));
    // Only now, with the mail gone, does the history learn who it went to (DESIGN.md, step 6).
    if (m_history) {
        const auto error
            = m_history->recordSent(sentMailFromReview(it->second, notice.messageId, nowSeconds()));
        noteStoreError(error);
        if (error) {
            qCWarning(lcStore) << "history not updated for review" << notice.id.c_str() << ":"
                               << error->message.c_str();
        }
    }
    m_awaitingSent.erase(it);
}

void HostServer::setHistory(std::unique_ptr<HistoryStore> history)
{
    m_ownedHistory = std::move(history);
    m_history = m_ownedHistory.get();
}

void HostServer::noteStoreError(const std::optional<sql::StoreError> &error)
{
    if (error && error->code == sql::StoreErrorCode::Corrupt)
        m_historyCorrupt = true;
}

// Damage past the pages checked at open shows only when a statement reaches it: set the file
// aside and start a new one, as at open, rather than losing every later audit entry.
bool HostServer::rebuildHistory(const std::string &why)
{
    m_historyCorrupt = false;
    if (m_historyPath.empty() || !m_history || m_history->readOnly())
        return false;
    m_history = nullptr;
    m_ownedHistory.reset(); // closed before its file is moved
    const auto aside = HistoryStore::setAside(m_historyPath);
    qCWarning(lcStore) << "history database is damaged (" << why.c_str() << "); moved to"
                       << aside.filename().string().c_str() << "and rebuilt";
    return retryHistory();
}

// Cheap: one open with the store's short busy timeout, only while the history is missing.
bool HostServer::retryHistory()
{
    if (m_history && m_historyCorrupt)
        rebuildHistory("found by an earlier statement");
    if (m_history)
        return true;
    if (m_historyPath.empty())
        return false;
    auto opened = HistoryStore::open(m_historyPath);
    if (!opened.store) {
        qCWarning(lcStore) << "history still unavailable:"
                           << (opened.error ? opened.error->message.c_str() : "no database");
        return false;
    }
    for (const HistoryNotice &warning : opened.warnings)
        qCWarning(lcStore) << warning.message.c_str();
    qCInfo(lcStore) << "history opened on a later try";
    setHistory(std::move(opened.store));
    return true;
}

void HostServer::handleLearn(const LearnRequest &request)
{
    if (!retryHistory()) {
        reply(errorJson(request.id, {ErrorCode::Unavailable,
                                     tr("The sending history is unavailable.").toStdString()}));
        return;
    }
    std::vector<SentMail> mails;
    mails.reserve(request.messages.size());
    std::int64_t unreadable = 0;
    for (const LearnedMessage &message : request.messages) {
        mails.push_back(sentMailFromHeaders(message.messageId, message.time,
                                            {message.to, message.cc, message.bcc}, unreadable,
                                            message.from));
    }
    std::int64_t learned = 0;
    const auto error = m_history->recordSentBatch(mails, learned);
    noteStoreError(error);
    if (error) {
        qCWarning(lcStore) << "learn batch" << request.id.c_str()
                           << "failed:" << error->message.c_str();
        //: %1 is the database's own technical message, in English
        const QString message = tr("The sending history could not learn these messages: %1")
                                    .arg(QString::fromStdString(error->message));
        reply(errorJson(request.id, {ErrorCode::Unavailable, message.toStdString()}));
        return;
    }
    const auto skipped = static_cast<std::int64_t>(mails.size()) - learned;
    qCInfo(lcStore) << "learn batch" << request.id.c_str() << ":" << learned << "learned,"
                    << skipped << "known before," << unreadable << "unreadable entries";
    reply(learnedJson(request.id, learned, skipped));
}

void HostServer::audit(const std::string &id, const std::string &decision, const Review &review,
                       const std::string &policyFingerprint)
{
    if (!m_history) {
        // Said in the log, so a gap in the audit log is explained (no addresses, no body).
        qCWarning(lcStore) << "audit log entry for review" << id.c_str() << "(" << decision.c_str()
                           << ") lost: the history database is unavailable";
        return;
    }
    AuditEntry entry;
    entry.time = nowSeconds();
    entry.reviewId = id;
    entry.decision = decision;
    for (const ReviewedRecipient &recipient : review.recipients)
        entry.recipients.push_back(recipient.normalisedAddress());
    for (const Attachment &attachment : review.attachments)
        entry.attachments.push_back({attachment.name, attachment.size});
    for (const Finding &finding : review.findings)
        entry.findingsShown.push_back(finding.rule);
    if (decision == "send")
        entry.findingsTicked = tickedOnSend(review);
    entry.policyFingerprint = policyFingerprint;
    auto error = m_history->appendAudit(entry);
    if (error && error->code == sql::StoreErrorCode::Corrupt && rebuildHistory(error->message))
        error = m_history->appendAudit(entry); // into the new file: the entry is kept
    if (error) {
        qCWarning(lcStore) << "audit log entry for review" << id.c_str() << "(" << decision.c_str()
                           << ") not written:" << error->message.c_str();
    }
}

bool HostServer::windowOpen() const
{
    return m_dialog || m_settingsDialog;
}

void HostServer::processQueue()
{
    while (!m_quitting && !windowOpen() && !m_queue.empty()) {
        auto next = std::move(m_queue.front());
        m_queue.pop_front();
        if (auto *open = std::get_if<OpenSettingsRequest>(&next))
            openSettingsNext(*open);
        else
            reviewNext(std::get<ReviewRequest>(std::move(next)));
    }
    quitWhenDone();
}

nlohmann::json HostServer::loadUserLayer(PolicyProblems &problems)
{
    if (m_userSettingsPath.empty())
        return nlohmann::json::object();
    LoadedSettings loaded = UserSettingsFile(m_userSettingsPath).load();
    if (!loaded.setAsideAs.empty())
        qCWarning(lcPolicy) << "broken user settings file set aside as"
                            << loaded.setAsideAs.string().c_str();
    for (SettingsFileProblem &problem : loaded.problems)
        problems.push_back(asPolicyProblem(std::move(problem)));
    return std::move(loaded.layer);
}

std::optional<SettingsFileProblem>
HostServer::updateUserLayer(const std::function<nlohmann::json(const nlohmann::json &)> &change)
{
    if (m_userSettingsPath.empty()) {
        qCWarning(lcPolicy) << "user settings not saved: no config folder is known";
        return settingsFolderUnknown();
    }
    // Under the file's lock, from the file as it is now: another host (a second Thunderbird
    // profile) may have changed it since this one last read it.
    if (auto problem = UserSettingsFile(m_userSettingsPath).update(change)) {
        qCWarning(lcPolicy) << "user settings not saved:" << problem->message.c_str();
        return problem;
    }
    qCInfo(lcPolicy) << "user settings saved";
    return std::nullopt;
}

// "Always trust this domain": add the domain to the file as it is now, so that nothing saved
// since the review started is lost.
std::optional<SettingsFileProblem> HostServer::trustDomain(const std::string &domain)
{
    return updateUserLayer(
        [&](const nlohmann::json &current) { return withTrustedDomain(current, domain); });
}

// Problems are the same on every review until someone fixes the policy: log each set once.
void HostServer::logPolicyProblems(const PolicyProblems &problems)
{
    if (problems == m_loggedProblems)
        return;
    m_loggedProblems = problems;
    for (const PolicyProblem &problem : problems)
        qCWarning(lcPolicy) << problem.message.c_str();
}

LayeredPolicy HostServer::layeredPolicy(const nlohmann::json &admin)
{
    PolicyProblems problems;
    const nlohmann::json user = loadUserLayer(problems);
    LayeredPolicy layered = mergePolicyLayers(admin, user);
    problems.insert(problems.end(), layered.problems.begin(), layered.problems.end());
    logPolicyProblems(problems);
    layered.problems = std::move(problems);
    return layered;
}

void HostServer::reviewNext(ReviewRequest request)
{
    const LayeredPolicy layered = layeredPolicy(request.adminPolicy);
    const Policy policy = policyForDraft(layered, request.draft);
    const bool offerTrust = userMayChange(request.adminPolicy, "trustedDomains");
    // The dialog and any error text for this review speak the policy's language.
    applyLanguage(languageFromPolicy(policy.language));
    const std::string fingerprint = policyFingerprint(request);
    retryHistory();
    if (m_history && policy.auditRetentionDays > 0)
        m_history->pruneAudit(policy.auditRetentionDays, nowSeconds());
    Review review = reviewDraft(request.draft, policy, m_history);
    if (!m_history) {
        review.historyUnavailable = true;
    } else if (auto failure = m_history->takeReadFailure()) {
        noteStoreError(failure);
        qCWarning(lcStore) << "history unavailable for review" << request.id.c_str() << ":"
                           << failure->message.c_str();
        review.historyUnavailable = true;
    }
    qCInfo(lcHost).noquote()
        << QStringLiteral("review %1: %2").arg(QString::fromStdString(request.id), summary(review));

    if (!review.needsDialog()) {
        qCInfo(lcHost) << "review" << request.id.c_str() << "-> send, no dialog needed";
        reply(verdictJson(request.id, Decision::Send, review,
                          recipientEdits(request.draft, review, false)));
        audit(request.id, "send", review, fingerprint);
        rememberUntilSent(request.id, std::move(review));
        return;
    }
    if (m_inputEnded) {
        qCInfo(lcHost) << "review" << request.id.c_str() << "dropped: input ended";
        audit(request.id, "error: input ended before the dialog", review, fingerprint);
        return;
    }
    if (!m_dialogsAvailable) {
        qCWarning(lcHost) << "review" << request.id.c_str() << "needs a dialog but none can show";
        audit(request.id, "error: no display for the dialog", review, fingerprint);
        const QString message = tr("There is no display to show the confirmation dialog on.");
        reply(errorJson(request.id, {ErrorCode::Unavailable, message.toStdString()}));
        return;
    }
    m_dialogPolicyFingerprint = fingerprint;
    m_dialogDraft = std::move(request.draft);
    showDialog(request.id, std::move(review), offerTrust);
}

void HostServer::showDialog(const std::string &id, Review review, bool offerTrust)
{
    // The dialog may keep a reference to the review: it lives until the dialog is destroyed.
    auto shown = std::make_shared<const Review>(std::move(review));
    m_dialogId = id;
    m_dialogReview = shown;
    ConfirmDialog::TrustDomainFunction trust;
    if (offerTrust) {
        trust = [this](const std::string &domain) -> std::optional<QString> {
            if (auto failure = trustDomain(domain))
                return SettingsDialog::settingsFileText(*failure);
            return std::nullopt;
        };
    }
    m_dialog = new ConfirmDialog(*shown, std::move(trust));
    connect(m_dialog, &QObject::destroyed, m_dialog, [shown] {});
    connect(m_dialog, &QDialog::finished, this, &HostServer::finishDialog);
    // open(), not exec(): no nested event loop, so pings are answered and the queue waits.
    m_dialog->open();
    m_dialog->raise();
    m_dialog->activateWindow();
    qCInfo(lcDialog) << "dialog shown for review" << id.c_str();
}

void HostServer::finishDialog(int result)
{
    const std::string id = std::exchange(m_dialogId, std::string());
    const std::shared_ptr<const Review> review = std::exchange(m_dialogReview, nullptr);
    const Draft draft = std::exchange(m_dialogDraft, Draft());
    const bool moveToBcc = m_dialog->moveToBccChosen();
    m_dialog->deleteLater();
    m_dialog = nullptr;

    // The dialog offers only Cancel when blocked; refuse a send here as well.
    const bool send = result == QDialog::Accepted && !review->blocked();
    qCInfo(lcDialog) << "review" << id.c_str() << "->" << (send ? "send" : "cancel")
                     << (send && moveToBcc ? "(everyone moved to Bcc)" : "");
    const auto edits = send ? recipientEdits(draft, *review, moveToBcc) : std::nullopt;
    reply(verdictJson(id, send ? Decision::Send : Decision::Cancel, *review, edits));
    audit(id, send ? "send" : "cancel", *review, m_dialogPolicyFingerprint);
    if (send)
        rememberUntilSent(id, moveToBcc ? withEveryoneInBcc(*review) : *review);
    // Queued, so the next dialog does not open from inside this one's signal.
    QMetaObject::invokeMethod(this, &HostServer::processQueue, Qt::QueuedConnection);
}

void HostServer::openSettingsNext(const OpenSettingsRequest &request)
{
    if (m_inputEnded) {
        qCInfo(lcDialog) << "settings" << request.id.c_str() << "dropped: input ended";
        return;
    }
    if (!m_dialogsAvailable) {
        qCWarning(lcDialog) << "settings" << request.id.c_str() << "cannot show: no display";
        const QString message = tr("There is no display to show the settings dialog on.");
        reply(errorJson(request.id, {ErrorCode::Unavailable, message.toStdString()}));
        return;
    }
    SettingsLayers layers;
    layers.user = loadUserLayer(layers.problems);
    const LayeredPolicy layered = mergePolicyLayers(request.adminPolicy, layers.user);
    layers.problems.insert(layers.problems.end(), layered.problems.begin(), layered.problems.end());
    logPolicyProblems(layers.problems);
    applyLanguage(languageFromPolicy(layered.policy.language));
    PolicyProblems counted; // already in layered.problems
    layers.admin = validPolicyLayer(request.adminPolicy, PolicyProblem::Layer::Admin, counted);

    m_settingsId = request.id;
    // The dialog's edits go over the file as it is when Save is pressed, key by key, so that a
    // change made meanwhile elsewhere (a domain trusted in another profile's host) stays.
    nlohmann::json base = layers.user;
    m_settingsDialog = new SettingsDialog(
        std::move(layers),
        [this, base = std::move(base)](const nlohmann::json &layer) -> std::optional<QString> {
            const auto failure = updateUserLayer(
                [&](const nlohmann::json &current) { return withEditsOver(base, layer, current); });
            if (failure)
                return SettingsDialog::settingsFileText(*failure);
            return std::nullopt;
        });
    connect(m_settingsDialog, &QDialog::finished, this, &HostServer::finishSettings);
    m_settingsDialog->open();
    m_settingsDialog->raise();
    m_settingsDialog->activateWindow();
    qCInfo(lcDialog) << "settings dialog shown for" << request.id.c_str();
}

void HostServer::finishSettings()
{
    const std::string id = std::exchange(m_settingsId, std::string());
    const bool saved = m_settingsDialog->saved();
    m_settingsDialog->deleteLater();
    m_settingsDialog = nullptr;
    qCInfo(lcDialog) << "settings" << id.c_str() << "closed," << (saved ? "saved" : "not saved");
    reply(settingsClosedJson(id, saved));
    QMetaObject::invokeMethod(this, &HostServer::processQueue, Qt::QueuedConnection);
}

void HostServer::closeDialogUnanswered()
{
    if (m_settingsDialog) {
        qCInfo(lcDialog) << "closing the settings dialog" << m_settingsId.c_str() << "unanswered";
        disconnect(m_settingsDialog, &QDialog::finished, this, nullptr);
        m_settingsDialog->reject();
        m_settingsDialog->deleteLater();
        m_settingsDialog = nullptr;
        m_settingsId.clear();
    }
    if (!m_dialog)
        return;
    qCInfo(lcDialog) << "closing the dialog for review" << m_dialogId.c_str() << "unanswered";
    if (m_dialogReview)
        audit(m_dialogId, "error: closed unanswered", *m_dialogReview, m_dialogPolicyFingerprint);
    disconnect(m_dialog, &QDialog::finished, this, nullptr);
    m_dialog->reject();
    m_dialog->deleteLater();
    m_dialog = nullptr;
    m_dialogId.clear();
    m_dialogReview = nullptr;
    m_dialogDraft = Draft();
}

void HostServer::handleEndOfInput()
{
    qCInfo(lcHost) << "end of input;" << m_queue.size() << "requests queued";
    m_inputEnded = true;
    closeDialogUnanswered();
    processQueue();
}

void HostServer::reply(const nlohmann::json &json)
{
    if (m_outputFailed)
        return;
    if (m_writer.write(json))
        return;
    m_outputFailed = true;
    m_quitting = true;
    closeDialogUnanswered();
    m_queue.clear();
    QCoreApplication::exit(0);
}

void HostServer::rememberUntilSent(const std::string &id, Review review)
{
    if (m_awaitingSent.size() >= kMaxAwaitingSent)
        m_awaitingSent.pop_front();
    m_awaitingSent.emplace_back(id, std::move(review));
}

void HostServer::quitWhenDone()
{
    if (m_quitting || !m_inputEnded || windowOpen() || !m_queue.empty())
        return;
    m_quitting = true;
    qCInfo(lcHost) << "all work done; exiting";
    QCoreApplication::exit(0);
}

} // namespace sendguard
