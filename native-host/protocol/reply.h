#pragma once

#include "../engine/result.h"
#include "../engine/review.h"

#include <nlohmann/json.hpp>

#include <string>

namespace sendguard {

enum class Decision { Send, Cancel };

// The findings of a review as JSON: {"findings": [{"rule","severity","target","message"}],
// "blocked", "needsConfirmation", "recipients": [...], "attachments": [...]}. Used by the CLI's
// --json and inside verdicts. A target is {"kind": "draft"|"recipient"|"attachment"|"entry"}
// with "index" (recipient, attachment) and "text" (the normalised address, the file name or the
// unreadable entry). Texts from the draft are cut to 1 KiB.
nlohmann::json reviewToJson(const Review &review);

// {"type":"verdict","id","decision","findings":[...],"blocked","needsConfirmation"} (+ "edits"
// when there are any). Never longer than kMaxReplyBytes once dumped: when the findings would not
// fit, the most severe ones that do are kept and "truncated": true is added.
nlohmann::json verdictJson(const std::string &id, Decision decision, const Review &review);

// {"type":"error","id","code","message"}; `id` may be empty when the request had none.
nlohmann::json errorJson(const std::string &id, const Error &error);

// {"type":"pong","id","protocol":1,"version":"..."}
nlohmann::json pongJson(const std::string &id);

// Serialises without throwing: invalid UTF-8 in strings is replaced, never fatal.
std::string dumpJson(const nlohmann::json &json);

} // namespace sendguard
