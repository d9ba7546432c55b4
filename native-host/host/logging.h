#pragma once

#include <QLoggingCategory>
#include <QString>

// The host's logging categories. Messages go to the log file (see installLogging), never to
// stdout. Never log a message body; at info level log decisions and counts, not addresses.
Q_DECLARE_LOGGING_CATEGORY(lcHost)     // sendguard.host: lifecycle, reviews, decisions
Q_DECLARE_LOGGING_CATEGORY(lcProtocol) // sendguard.protocol: frames and requests
Q_DECLARE_LOGGING_CATEGORY(lcPolicy)   // sendguard.policy: problems in a policy layer
Q_DECLARE_LOGGING_CATEGORY(lcDialog)   // sendguard.dialog: showing and closing the dialog
Q_DECLARE_LOGGING_CATEGORY(lcStore)    // sendguard.store: the history database and audit log

namespace sendguard {

// Routes every Qt log message (ours and Qt's own) to <user data folder>/sendguard.log, or to
// stderr when that file cannot be opened. The level comes from SENDGUARD_LOG_LEVEL
// (debug, info or warning; warning when unset or unknown) and applies to the sendguard.*
// categories. A log over 1 MiB is moved to sendguard.log.1 at startup. Returns the file used,
// or an empty string for stderr. Call once, before the first message.
QString installLogging();

// `text` with every character that could act on a terminal or forge a line made visible:
// C0 and C1 controls and DEL as \n, \t, \x1b..., the bidirectional controls (which reorder
// what a reader sees) as \u202e... Every log line goes through it (the log quotes request ids
// and other text from the add-in), and so does the CLI's text output.
QString escapeControls(QStringView text);

// Flushes and closes the log file. Safe to call more than once.
void shutdownLogging();

} // namespace sendguard
