#pragma once

#include "../native-host/protocol/policyproblem.h"

#include <nlohmann/json.hpp>

#include <QDialog>
#include <QStringList>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QVBoxLayout;

namespace sendguard {

// What the settings dialog shows.
struct SettingsLayers
{
    // The admin policy layer with its invalid parts already taken out (validPolicyLayer): its
    // values are shown beside the user's, and its `locked` keys are read-only.
    nlohmann::json admin = nlohmann::json::object();
    // The user's layer as stored; keys the dialog does not edit are saved back unchanged.
    nlohmann::json user = nlohmann::json::object();
    // Problems in either layer or the settings file; the dialog says each in its own language.
    PolicyProblems problems;
};

// The settings dialog: a thin view over the admin and user policy layers. It edits the user's
// own lists (trustedDomains, extra internalDomains, attentionTerms; one entry a line), the
// switches skipWhenInternalOnly and countdownSeconds, the language (Automatic, English or
// 日本語: policy key `language`), and which checks are on. The admin's
// values are shown alongside; a key the admin locked is shown read-only with "Set by your
// administrator", and the dialog never writes it. A domain pattern that does not parse is
// refused with a message naming the line before anything is saved.
//
// Save builds the new user layer and hands it to the SaveFunction (the host writes the file);
// when that fails the dialog stays open and shows why. Cancel and Esc close without saving.
// accept() means "saved", reject() "closed without saving".
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    // Writes the new user layer. Returns why it failed, in plain words, or nullopt when saved.
    using SaveFunction = std::function<std::optional<QString>(const nlohmann::json &layer)>;

    SettingsDialog(SettingsLayers layers, SaveFunction save, QWidget *parent = nullptr);

    // Whether Save succeeded; the layer saved then.
    bool saved() const { return m_saved; }
    const nlohmann::json &savedLayer() const { return m_savedLayer; }

    // `problem` in a sentence or two, in the dialog's language: what the problems box lists, and
    // what the command line warns of.
    static QString problemText(const PolicyProblem &problem);
    // What went wrong with the settings file, in the dialog's language: a sentence for a problem
    // found on reading it ("Your settings file … is broken …"); for a failed save, the sentence
    // "Your settings could not be saved: …" around saveFailureText().
    static QString settingsFileText(const SettingsFileProblem &problem);
    // Why saving failed, as a clause to follow "… could not be saved: " (what a SaveFunction and
    // the confirmation dialog's "Always trust this domain" show).
    static QString saveFailureText(const SettingsFileProblem &problem);

    // The rule ids offered as switches, in the order shown.
    static const std::vector<std::string> &switchableRules();

    // For tests and accessibility checks. `key`: "trustedDomains", "internalDomains",
    // "attentionTerms"; "skipWhenInternalOnly" or "rules.<rule id>" for the checkboxes.
    QPlainTextEdit *listEditor(const std::string &key) const;
    QCheckBox *switchBox(const std::string &key) const;
    QSpinBox *countdownBox() const { return m_countdown; }
    // The language choice; each item's data is the policy value ("auto", "en", "ja").
    QComboBox *languageBox() const { return m_language; }
    QPushButton *saveButton() const { return m_saveButton; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    // The refusal or failure shown above the buttons; hidden when there is none.
    QLabel *errorLabel() const { return m_errorLabel; }
    QStringList problemsShown() const;
    // Whether `key` is shown as set by the administrator.
    bool shownLocked(const std::string &key) const;

private:
    bool isLocked(const std::string &key) const;
    // Why the pattern `text` does not parse, as a clause that names it.
    static QString patternFaultText(PatternFault fault, const QString &text);
    // Why a settings file is broken, as a clause: "it is not JSON (syntax error at byte 12)".
    static QString brokenFileText(const SettingsFileProblem &problem);
    QWidget *createProblems();
    QWidget *createListsPage();
    QWidget *createChecksPage();
    void addList(QVBoxLayout *layout, const std::string &key, const QString &title,
                 const QString &explanation, const QString &placeholder);
    QLabel *lockNote(const std::string &key);
    bool adminSwitch(const std::string &key, bool fallback) const;
    QString adminLanguage() const;
    QWidget *createLanguage();
    bool ruleEnabled(const nlohmann::json &layer, const std::string &ruleId, bool fallback) const;
    std::optional<nlohmann::json> collectLayer();
    bool refuseInvalidPattern(const std::string &key, const QStringList &lines);
    void save();
    void showError(const QString &text);

    nlohmann::json m_admin;
    nlohmann::json m_user;
    std::vector<std::string> m_locked;
    QStringList m_problems;
    SaveFunction m_saveFunction;
    bool m_saved = false;
    nlohmann::json m_savedLayer;

    std::map<std::string, QPlainTextEdit *> m_lists;
    std::map<std::string, QCheckBox *> m_switches;
    std::map<std::string, QLabel *> m_lockNotes;
    QSpinBox *m_countdown = nullptr;
    QComboBox *m_language = nullptr;
    QLabel *m_errorLabel = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
};

} // namespace sendguard
