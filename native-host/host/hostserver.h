#pragma once

#include "framewriter.h"

#include "engine/review.h"
#include "history/sqlite.h"
#include "protocol/frame.h"
#include "protocol/message.h"
#include "protocol/policyproblem.h"

#include <QObject>
#include <QPointer>

#include <atomic>
#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <variant>
#include <vector>

namespace sendguard {

class ConfirmDialog;
class HistoryStore;
class SettingsDialog;
struct LayeredPolicy;

// Serve mode: answers the extension's requests on stdin/stdout until stdin ends.
//
// A reader thread decodes frames from stdin and posts each one to this object, which lives on
// the main thread with the Qt event loop. Pings are answered at once. Reviews join a FIFO queue
// and are handled one at a time: the engine runs first, a review that needs nobody's look is
// answered "send" at once, otherwise the confirmation dialog opens (without a nested event loop,
// so pings keep being answered) and the next review waits until it closes. Replies go out in
// the order the reviews arrived. openSettings joins the same queue: the settings dialog is one
// more window that waits its turn, and its settingsClosed reply goes out when it closes.
//
// Every review uses the policy layers (DESIGN.md, "Policy"): built-in defaults < the request's
// admin policy < the user's settings file, read afresh for each review (about 40 us of CPU for
// a small file, 0.9 ms for 600 entries: bench_settings) and merged by mergePolicyLayers.
// Problems in either layer go to the log (sendguard.policy) whenever they differ from the ones
// last logged, and to the settings dialog.
//
// At the end of input, queued reviews that need no dialog are still answered; a dialog that is
// open is closed unanswered (nobody can hear the answer), and the event loop exits with 0. When
// stdout fails, the host stops the same way.
class HostServer : public QObject
{
    Q_OBJECT

public:
    // `dialogsAvailable`: a QApplication with a display is running. Without one, a review that
    // needs the dialog gets an "unavailable" error reply.
    explicit HostServer(bool dialogsAvailable, QObject *parent = nullptr);
    ~HostServer() override;

    // The sending history reviews consult, `sent` teaches and the audit log goes to; null (the
    // default) when none could be opened: reviews then say the history is unavailable. Not
    // owned; it must outlive this object.
    void setHistory(std::unique_ptr<HistoryStore> history);
    // Where the history lives: when it could not be opened at start (a passing lock), each
    // review and learn batch tries once more, so the lock costs one review's history only.
    void setHistoryPath(std::filesystem::path path) { m_historyPath = std::move(path); }

    // The user's settings file (UserSettingsFile); empty (the default) when no config folder is
    // known: reviews then use the admin layer alone and saving settings fails with a reason.
    void setUserSettingsPath(std::filesystem::path path) { m_userSettingsPath = std::move(path); }

    // Starts the reader thread. Call once, before the event loop runs.
    void start();

    // After the event loop has returned: joins the reader thread when it has finished. Returns
    // false when it is still blocked reading stdin (stdout failed first); the caller must then
    // end the process without destroying this object.
    bool stopReader();

private:
    void readLoop();
    void post(FrameDecoder::Item item);
    void handleItem(const FrameDecoder::Item &item);
    void handleMessage(Message message);
    void handleSent(const SentNotice &notice);
    void handleLearn(const LearnRequest &request);
    void audit(const std::string &id, const std::string &decision, const Review &review,
               const std::string &policyFingerprint);
    void handleEndOfInput();
    void processQueue();
    void reviewNext(ReviewRequest request);
    void showDialog(const std::string &id, Review review, bool offerTrust);
    void finishDialog(int result);
    void openSettingsNext(const OpenSettingsRequest &request);
    void finishSettings();
    LayeredPolicy layeredPolicy(const nlohmann::json &admin);
    void logPolicyProblems(const PolicyProblems &problems);
    nlohmann::json loadUserLayer(PolicyProblems &problems);
    std::optional<SettingsFileProblem>
    updateUserLayer(const std::function<nlohmann::json(const nlohmann::json &)> &change);
    std::optional<SettingsFileProblem> trustDomain(const std::string &domain);
    bool windowOpen() const;
    void closeDialogUnanswered();
    void reply(const nlohmann::json &json);
    void rememberUntilSent(const std::string &id, Review review);
    void quitWhenDone();

    const bool m_dialogsAvailable;
    FrameWriter m_writer;
    std::thread m_reader;
    std::atomic<bool> m_readerDone = false;
    // Frames read but not yet handled, in number and in bytes. The reader waits when the main
    // thread falls behind, so a flood of frames cannot queue without bound (hostserver.cpp,
    // kMaxFramesInFlight and kMaxBytesInFlight).
    InFlightLimit m_inFlight;

    // Reviews and settings dialogs waiting for the window, in arrival order.
    std::deque<std::variant<ReviewRequest, OpenSettingsRequest>> m_queue;
    QPointer<ConfirmDialog> m_dialog;
    QPointer<SettingsDialog> m_settingsDialog;
    std::string m_settingsId;
    std::filesystem::path m_userSettingsPath;
    PolicyProblems m_loggedProblems;
    std::string m_dialogId;
    std::shared_ptr<const Review> m_dialogReview;
    Draft m_dialogDraft; // the reviewed draft: the dialog's edits are computed from it
    std::string m_dialogPolicyFingerprint;
    HistoryStore *m_history = nullptr;
    std::filesystem::path m_historyPath;
    std::unique_ptr<HistoryStore> m_ownedHistory; // what m_history points to
    bool m_historyCorrupt = false;                // a statement found damage: rebuild it
    bool retryHistory();
    bool rebuildHistory(const std::string &why);
    void noteStoreError(const std::optional<sql::StoreError> &error);
    bool m_inputEnded = false;
    bool m_outputFailed = false;
    bool m_quitting = false;

    // Reviews answered "send", waiting for the extension's "sent". Bounded: a mail that never
    // leaves (Thunderbird failed to send it) must not grow this forever.
    std::deque<std::pair<std::string, Review>> m_awaitingSent;
};

} // namespace sendguard
