#pragma once

#include "../engine/edits.h"
#include "../engine/result.h"
#include "../engine/review.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace sendguard {

enum class Decision { Send, Cancel };

// The findings of a review as JSON: {"findings": [{"rule","severity","target","message","kind",
// "args"}], "blocked", "needsConfirmation", "recipients": [...], "attachments": [...]}. Used by
// the CLI's --json and inside verdicts. A target is {"kind": "draft"|"recipient"|"attachment"|
// "entry"} with "index" (recipient, attachment) and "text" (the normalised address, the file name
// or the unreadable entry). "message" is the English sentence; "kind" names the sentence
// (Finding::kind) and "args" holds its named parts (Finding::args: strings, numbers, arrays of
// strings), both absent on a finding without a kind. Texts from the draft are cut to 1 KiB.
nlohmann::json reviewToJson(const Review &review);

// {"type":"verdict","id","decision","findings":[...],"blocked","needsConfirmation"}, plus
// "edits" (editsJson) when `edits` holds any. Never longer than kMaxReplyBytes once dumped: when
// the findings would not fit, the most severe ones that do are kept and "truncated": true is
// added; the edits are always kept whole.
nlohmann::json verdictJson(const std::string &id, Decision decision, const Review &review,
                           const std::optional<RecipientEdits> &edits = std::nullopt);

// {"to":[...],"cc":[...],"bcc":[...]}: the recipient lists the compose window is to send with,
// entries exactly as given (never clipped: they are addresses).
nlohmann::json editsJson(const RecipientEdits &edits);

// {"type":"error","id","code","message"}; `id` may be empty when the request had none.
nlohmann::json errorJson(const std::string &id, const Error &error);

// {"type":"pong","id","protocol":1,"version":"..."}
nlohmann::json pongJson(const std::string &id);

// {"type":"learned","id","learned","skipped"}: the answer to a `learn` batch. `learned` counts
// messages new to the history; `skipped` counts messages learned before and entries that could
// not be read.
nlohmann::json learnedJson(const std::string &id, std::int64_t learned, std::int64_t skipped);

// {"type":"settingsClosed","id","saved"}: the settings dialog of openSettings `id` closed, with
// the user's settings saved or not.
nlohmann::json settingsClosedJson(const std::string &id, bool saved);

// Serialises without throwing: invalid UTF-8 in strings is replaced, never fatal.
std::string dumpJson(const nlohmann::json &json);

} // namespace sendguard
