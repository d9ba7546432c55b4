#pragma once

#include "../engine/review.h"
#include "../engine/result.h"

#include <nlohmann/json.hpp>

#include <string>

namespace sendguard {

enum class Decision { Send, Cancel };

// The findings of a review as JSON: {"findings": [{"rule","severity","target","message"}],
// "blocked", "needsConfirmation", "recipients": [...], "attachments": [...]}. Used by the CLI's
// --json and inside verdicts.
nlohmann::json reviewToJson(const Review &review);

// {"type":"verdict","id","decision","findings":[...]} (+ "edits" when there are any).
nlohmann::json verdictJson(const std::string &id, Decision decision, const Review &review);

// {"type":"error","id","code","message"}; `id` may be empty when the request had none.
nlohmann::json errorJson(const std::string &id, const Error &error);

// {"type":"pong","id","protocol":1,"version":"..."}
nlohmann::json pongJson(const std::string &id);

// Serialises without throwing: invalid UTF-8 in strings is replaced, never fatal.
std::string dumpJson(const nlohmann::json &json);

} // namespace sendguard
