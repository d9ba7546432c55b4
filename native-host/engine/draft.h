#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sendguard {

// The header field a recipient was found in.
enum class Field { To, Cc, Bcc };

const char *fieldName(Field field); // "to", "cc", "bcc"

struct Attachment
{
    std::string name;
    std::int64_t size = 0; // bytes; -1 when unknown
};

// Recipients of the message being replied to or forwarded.
struct OriginalMessage
{
    std::string from;
    std::vector<std::string> to;
    std::vector<std::string> cc;
};

// A message about to be sent, as Thunderbird describes it. Recipient entries are raw strings as
// the compose window holds them (one mailbox or group each, RFC 5322 syntax, UTF-8); nothing in
// a Draft has been checked yet.
struct Draft
{
    std::string from;
    std::vector<std::string> to;
    std::vector<std::string> cc;
    std::vector<std::string> bcc;
    std::vector<std::string> replyTo;
    std::string subject;
    std::string body;         // plain text; never logged
    std::string type = "new"; // Thunderbird's compose type: new, reply, forward, draft, redirect
    std::optional<OriginalMessage> original;
    std::vector<Attachment> attachments;
    std::vector<std::string> unexpandedLists;
};

} // namespace sendguard
