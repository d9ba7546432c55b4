#include "rulemessage.h"

#include "mailtext.h"

#include <QStringList>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <map>

// Every sentence a rule can say, one per Finding::kind, with the arguments it uses
// (Finding::args: text, counts and lists by name). The English source strings are the engine's
// Finding::message word for word; tests/ui/tst_rulemessage.cpp holds them to it.
//
// Translators: a sentence names what was found and why it matters; %1, %2 are the names in it
// (domains, addresses, file names), %n a count. Lists come joined by the "%1, %2" and
// "%1 and %2" entries.

namespace sendguard {

namespace {

// Every text in the arguments comes from other people's mail (mailtext.h).
QString fromMail(const std::string &text)
{
    return textFromMail(text);
}

// A finding's arguments, read by name; a missing one reads as empty or 0.
class Args
{
public:
    explicit Args(const MessageArgs &args)
        : m_args(args)
    {}

    // As the engine wrote it, not yet made safe to show.
    std::string raw(const char *name) const
    {
        const auto found = m_args.text.find(name);
        return found == m_args.text.end() ? std::string() : found->second;
    }

    QString text(const char *name) const
    {
        const auto found = m_args.text.find(name);
        return found == m_args.text.end() ? QString() : fromMail(found->second);
    }

    int count(const char *name) const
    {
        const auto found = m_args.counts.find(name);
        if (found == m_args.counts.end())
            return 0;
        return static_cast<int>(std::clamp<std::int64_t>(found->second, 0, INT_MAX));
    }

    QStringList list(const char *name) const
    {
        QStringList items;
        const auto found = m_args.lists.find(name);
        if (found == m_args.lists.end())
            return items;
        for (const std::string &item : found->second)
            items << fromMail(item);
        return items;
    }

private:
    const MessageArgs &m_args;
};

// "a, b and c"; with `more`, "a, b, c and 4 more".
QString joined(const QStringList &items, int more = 0)
{
    if (items.isEmpty())
        return {};
    QString text = items.first();
    for (qsizetype i = 1; i < items.size(); ++i) {
        const bool last = i + 1 == items.size() && more <= 0;
        text
            = last
                  ? RuleMessage::tr("%1 and %2", "the last two items of a list").arg(text, items[i])
                  : RuleMessage::tr("%1, %2", "items of a list").arg(text, items[i]);
    }
    if (more > 0)
        text = RuleMessage::tr("%1 and %n more", "a list that names some items and counts the rest",
                               more)
                   .arg(text);
    return text;
}

// Two sentences one after the other (a space in English, none in Japanese).
QString followedBy(const QString &first, const QString &second)
{
    return RuleMessage::tr("%1 %2", "two sentences one after the other").arg(first, second);
}

// ICU's names of the scripts a look-alike mixes most often; any other is shown as ICU names it.
const char *const scriptNames[][2] = {
    QT_TRANSLATE_NOOP3("RuleMessage", "Latin", "a writing system"),
    QT_TRANSLATE_NOOP3("RuleMessage", "Cyrillic", "a writing system"),
    QT_TRANSLATE_NOOP3("RuleMessage", "Greek", "a writing system"),
    QT_TRANSLATE_NOOP3("RuleMessage", "Armenian", "a writing system"),
    QT_TRANSLATE_NOOP3("RuleMessage", "Georgian", "a writing system"),
    QT_TRANSLATE_NOOP3("RuleMessage", "Cherokee", "a writing system"),
    QT_TRANSLATE_NOOP3("RuleMessage", "Han", "a writing system"),
    QT_TRANSLATE_NOOP3("RuleMessage", "Hiragana", "a writing system"),
    QT_TRANSLATE_NOOP3("RuleMessage", "Katakana", "a writing system"),
    QT_TRANSLATE_NOOP3("RuleMessage", "Hangul", "a writing system"),
    QT_TRANSLATE_NOOP3("RuleMessage", "Arabic", "a writing system"),
    QT_TRANSLATE_NOOP3("RuleMessage", "Hebrew", "a writing system"),
};

QString scripts(const Args &args)
{
    QStringList names;
    for (const QString &name : args.list("scripts")) {
        QString shown = name;
        for (const auto &known : scriptNames) {
            if (name == QLatin1String(known[0]))
                shown = RuleMessage::tr(known[0], known[1]);
        }
        names << shown;
    }
    return joined(names);
}

QString lookalike(const Args &args, const QString &sentence)
{
    if (args.list("scripts").isEmpty())
        return sentence;
    return followedBy(
        sentence,
        RuleMessage::tr("Its name mixes %1 letters, a common disguise.").arg(scripts(args)));
}

// The recipient field as the dialog names it ("To" is 宛先 in Japanese, as in Thunderbird).
QString fieldName(const QString &field)
{
    if (field == QLatin1String("Cc"))
        return RuleMessage::tr("Cc", "a recipient field");
    if (field == QLatin1String("Bcc"))
        return RuleMessage::tr("Bcc", "a recipient field");
    return RuleMessage::tr("To", "a recipient field");
}

QString invalidAddress(const Args &args, const QString &sentence)
{
    return sentence.arg(args.text("entry"), fieldName(args.text("field")));
}

// The sentence, then in brackets what exactly is wrong (the parser's or UTS #46's reason), as
// the engine's message has it; the sentence alone when the finding names no reason this build
// knows.
QString withReason(const QString &sentence, const QString &reason)
{
    if (reason.isEmpty())
        return sentence;
    return RuleMessage::tr("%1 (%2)", "a sentence about a recipient entry, then what exactly is "
                                      "wrong with it")
        .arg(sentence, reason);
}

QString addressReason(const Args &args)
{
    const auto fault = addressFaultNamed(args.raw("fault"));
    if (!fault)
        return {};
    return RuleMessage::addressErrorText({*fault, args.raw("found"), args.raw("part")});
}

QString domainReason(const Args &args)
{
    const auto fault = domainFaultNamed(args.raw("fault"));
    if (!fault)
        return {};
    return RuleMessage::domainErrorText({*fault, args.raw("domain"), args.raw("detail")});
}

// What the address parser found where it stopped: “'x'”, a control character by its code point.
QString foundText(const QString &found)
{
    if (found.isEmpty())
        return RuleMessage::tr("the end of the entry", "where the address parser stopped");
    const char16_t first = found.front().unicode();
    if (first < 0x20 || first == 0x7f) {
        const QString code = QStringLiteral("U+%1").arg(uint(first), 4, 16, QLatin1Char('0'));
        return RuleMessage::tr("the control character %1", "%1 is a code point: U+0007")
            .arg(code.toUpper());
    }
    return RuleMessage::tr("'%1'", "a character the address parser found").arg(found);
}

// attention-term: "the subject", "the body", "the attachment name “q.pdf”".
QString termPlaces(const Args &args)
{
    QStringList places;
    for (const QString &place : args.list("places")) {
        if (place == QLatin1String("subject"))
            places << RuleMessage::tr("the subject", "where a term was found");
        else if (place == QLatin1String("body"))
            places << RuleMessage::tr("the body", "where a term was found");
    }
    for (const QString &name : args.list("attachments"))
        places << RuleMessage::tr("the attachment name “%1”", "where a term was found").arg(name);
    return joined(places, args.count("moreAttachments"));
}

// sensitive-data: "subject" or "body", as the sentence's %1.
QString numberPlace(const Args &args)
{
    if (args.text("place") == QLatin1String("subject"))
        return RuleMessage::tr("subject", "the place that holds a number: The subject holds …");
    return RuleMessage::tr("body", "the place that holds a number: The body holds …");
}

// "Visa ending 4242, ending 1234": never more of a number than its last 4 digits.
QString numberEndings(const Args &args)
{
    const QStringList endings = args.list("endings");
    const QStringList brands = args.list("cardBrands");
    QStringList shown;
    for (qsizetype i = 0; i < endings.size(); ++i) {
        if (i < brands.size())
            shown << RuleMessage::tr("%1 ending %2", "a card brand and its number's last 4 digits")
                         .arg(brands[i], endings[i]);
        else
            shown << RuleMessage::tr("ending %1", "a number's last 4 digits").arg(endings[i]);
    }
    return joined(shown, args.count("moreNumbers"));
}

// "12 mails": how many mails went to an address.
QString mailCount(int count)
{
    return RuleMessage::tr("%n mail(s)", "how many mails went to an address: 12 mails", count);
}

using Sentence = QString (*)(const Args &args);

// One entry per Finding::kind. Kept as literal calls so that lupdate finds every string.
const std::map<std::string_view, Sentence> &sentences()
{
    static const std::map<std::string_view, Sentence> table{
        {"externalRecipient",
         [](const Args &a) {
             return RuleMessage::tr("%1 is outside your organisation.").arg(a.text("domain"));
         }},
        {"attachment",
         [](const Args &a) {
             return RuleMessage::tr("The file “%1” is attached. Check that it is the right one.")
                 .arg(a.text("name"));
         }},
        {"blockedDomain",
         [](const Args &a) {
             return RuleMessage::tr("Your organisation does not allow mail to %1. Remove this "
                                    "recipient to send the mail.")
                 .arg(a.text("domain"));
         }},
        {"blockedDomain.autoBcc",
         [](const Args &a) {
             return RuleMessage::tr("Your organisation's policy adds %1 as Bcc, but it also does "
                                    "not allow mail to %2. Ask your administrator to correct the "
                                    "policy.")
                 .arg(a.text("address"), a.text("domain"));
         }},
        {"policyProblem.blockedDomains",
         [](const Args &) {
             return RuleMessage::tr("Part of your organisation's list of blocked domains could "
                                    "not be read, so mail to a domain meant to be blocked may not "
                                    "be stopped. Check this mail's recipients, and tell your "
                                    "administrator.");
         }},
        {"invalidAddress.noDomain",
         [](const Args &a) {
             return invalidAddress(a, RuleMessage::tr("“%1” in %2 has no @domain, so it is not an "
                                                      "email address. Correct it or remove it.",
                                                      "%2 is To, Cc or Bcc"));
         }},
        {"invalidAddress.maybeList",
         [](const Args &a) {
             return invalidAddress(a, RuleMessage::tr("“%1” in %2 has no @domain; it may be an "
                                                      "address-book list that was not expanded. "
                                                      "Correct it or remove it.",
                                                      "%2 is To, Cc or Bcc"));
         }},
        {"invalidAddress.badDomain",
         [](const Args &a) {
             return withReason(invalidAddress(a, RuleMessage::tr("“%1” in %2 does not have a "
                                                                 "valid domain name. Correct it "
                                                                 "or remove it.",
                                                                 "%2 is To, Cc or Bcc")),
                               domainReason(a));
         }},
        {"invalidAddress.syntax",
         [](const Args &a) {
             return withReason(invalidAddress(a, RuleMessage::tr("“%1” in %2 is not written as a "
                                                                 "valid email address. Correct it "
                                                                 "or remove it.",
                                                                 "%2 is To, Cc or Bcc")),
                               addressReason(a));
         }},
        {"attentionDomain",
         [](const Args &a) {
             return RuleMessage::tr("%1 is on your organisation's attention list. Make sure this "
                                    "recipient should get this mail.")
                 .arg(a.text("domain"));
         }},
        {"attentionAttachment",
         [](const Args &a) {
             return RuleMessage::tr("“%1” is a %2 file going outside your organisation. Your "
                                    "organisation asks you to check these files twice.",
                                    "%2 is a file ending such as .xlsx")
                 .arg(a.text("name"), a.text("suffix"));
         }},
        {"lookalike.internal",
         [](const Args &a) {
             return lookalike(a, RuleMessage::tr("%1 looks like %2, your organisation's own "
                                                 "domain, but is a different domain. Check the "
                                                 "spelling before sending.")
                                     .arg(a.text("domain"), a.text("resembles")));
         }},
        {"lookalike.trusted",
         [](const Args &a) {
             return lookalike(a, RuleMessage::tr("%1 looks like %2, a trusted domain, but is a "
                                                 "different domain. Check the spelling before "
                                                 "sending.")
                                     .arg(a.text("domain"), a.text("resembles")));
         }},
        {"lookalike.history",
         [](const Args &a) {
             return lookalike(a, RuleMessage::tr("%1 looks like %2, a domain you have written to "
                                                 "%n time(s), but is a different domain. Check "
                                                 "the spelling before sending.",
                                                 nullptr, a.count("timesWritten"))
                                     .arg(a.text("domain"), a.text("resembles")));
         }},
        {"lookalike.historyUncounted",
         [](const Args &a) {
             return lookalike(a, RuleMessage::tr("%1 looks like %2, a domain you have written to "
                                                 "before, but is a different domain. Check the "
                                                 "spelling before sending.")
                                     .arg(a.text("domain"), a.text("resembles")));
         }},
        {"lookalike.mailProvider",
         [](const Args &a) {
             return lookalike(a, RuleMessage::tr("%1 looks like %2, a well-known mail provider, "
                                                 "but is a different domain. Check the spelling "
                                                 "before sending.")
                                     .arg(a.text("domain"), a.text("resembles")));
         }},
        {"lookalike.embedsInternal",
         [](const Args &a) {
             return lookalike(a, RuleMessage::tr("%1 is not %2, your organisation's own domain, "
                                                 "but has its name written into it. Check that "
                                                 "it is the domain you mean.")
                                     .arg(a.text("domain"), a.text("resembles")));
         }},
        {"lookalike.embedsTrusted",
         [](const Args &a) {
             return lookalike(a, RuleMessage::tr("%1 is not %2, a trusted domain, but has its "
                                                 "name written into it. Check that it is the "
                                                 "domain you mean.")
                                     .arg(a.text("domain"), a.text("resembles")));
         }},
        {"lookalike.embedsHistory",
         [](const Args &a) {
             return lookalike(a, RuleMessage::tr("%1 is not %2, a domain you have written to %n "
                                                 "time(s), but has its name written into it. "
                                                 "Check that it is the domain you mean.",
                                                 nullptr, a.count("timesWritten"))
                                     .arg(a.text("domain"), a.text("resembles")));
         }},
        {"lookalike.embedsHistoryUncounted",
         [](const Args &a) {
             return lookalike(a, RuleMessage::tr("%1 is not %2, a domain you have written to "
                                                 "before, but has its name written into it. "
                                                 "Check that it is the domain you mean.")
                                     .arg(a.text("domain"), a.text("resembles")));
         }},
        {"lookalike.embedsMailProvider",
         [](const Args &a) {
             return lookalike(a, RuleMessage::tr("%1 is not %2, a well-known mail provider, but "
                                                 "has its name written into it. Check that it is "
                                                 "the domain you mean.")
                                     .arg(a.text("domain"), a.text("resembles")));
         }},
        {"lookalike.mixedScript",
         [](const Args &a) {
             return RuleMessage::tr("%1 mixes %2 letters in one name, a common way to imitate "
                                    "another domain. Check that it is the domain you mean.",
                                    "%2 names writing systems: Latin and Cyrillic")
                 .arg(a.text("domain"), scripts(a));
         }},
        {"ccExposure",
         [](const Args &a) {
             return RuleMessage::tr("People at %n outside organisation(s) (%1) will see each "
                                    "other's addresses in To and Cc. If they should not, move "
                                    "them to Bcc.",
                                    nullptr, a.count("organisations"))
                 .arg(joined(a.list("domains"), a.count("moreDomains")));
         }},
        {"largeAudience",
         [](const Args &a) {
             return RuleMessage::tr("This mail goes to %n recipient(s). A mail to this many people "
                                    "cannot be taken back.",
                                    nullptr, a.count("recipients"));
         }},
        {"newDomainInReply.reply",
         [](const Args &a) {
             return RuleMessage::tr("%1 was not part of the conversation you are replying to. "
                                    "Check that it should read this mail.")
                 .arg(a.text("domain"));
         }},
        {"newDomainInReply.forward",
         [](const Args &a) {
             return RuleMessage::tr("%1 was not part of the conversation you are forwarding. Check "
                                    "that it should read this mail.")
                 .arg(a.text("domain"));
         }},
        {"unexpandedList",
         [](const Args &a) {
             return RuleMessage::tr("The list “%1” could not be expanded, so SendGuard cannot "
                                    "check who is on it. Make sure everyone on it should get this "
                                    "mail.")
                 .arg(a.text("list"));
         }},
        {"attentionTerm",
         [](const Args &a) {
             return RuleMessage::tr("“%1” appears in %2. Your organisation asks for a second look "
                                    "at mail that mentions it.",
                                    "%2 lists places: the subject, the body and the attachment "
                                    "name “q.pdf”")
                 .arg(a.text("term"), termPlaces(a));
         }},
        {"forgottenAttachment",
         [](const Args &a) {
             return RuleMessage::tr("The text says something is attached (“%1”), but the mail has "
                                    "no attachment. Did you forget to attach the file?")
                 .arg(a.text("term"));
         }},
        {"sensitiveData.card",
         [](const Args &a) {
             return RuleMessage::tr("The %1 holds %n payment card number(s) (%2). Card numbers "
                                    "must never travel by mail.",
                                    "%1 is subject or body; %2 the numbers' last digits",
                                    a.count("numbers"))
                 .arg(numberPlace(a), numberEndings(a));
         }},
        {"sensitiveData.myNumber",
         [](const Args &a) {
             return RuleMessage::tr("The %1 holds %n My Number(s) (%2). The law allows sending a "
                                    "My Number only to those who may handle it.",
                                    "%1 is subject or body; %2 the numbers' last digits",
                                    a.count("numbers"))
                 .arg(numberPlace(a), numberEndings(a));
         }},
        {"sensitiveData.corporateNumber",
         [](const Args &a) {
             return RuleMessage::tr("The %1 holds %n corporate number(s) (%2). Check that the "
                                    "right company's number goes to the right people.",
                                    "%1 is subject or body; %2 the numbers' last digits",
                                    a.count("numbers"))
                 .arg(numberPlace(a), numberEndings(a));
         }},
        {"salutationMismatch",
         [](const Args &a) {
             return RuleMessage::tr("The greeting “%1” names someone who is not among the To "
                                    "recipients (%2). Is this mail going to the right person?")
                 .arg(a.text("greeting"), joined(a.list("recipients"), a.count("moreRecipients")));
         }},
        {"newRecipient",
         [](const Args &a) {
             return RuleMessage::tr("You have not written to %1 before. Check that it is the right "
                                    "address.")
                 .arg(a.text("address"));
         }},
        {"newDomain",
         [](const Args &a) {
             return RuleMessage::tr("This is your first mail to %1. Check that it is the "
                                    "organisation you mean.")
                 .arg(a.text("domain"));
         }},
        {"unusualRecipientMix",
         [](const Args &a) {
             return RuleMessage::tr("The other recipients (%1) often get mail together, but never "
                                    "with %2. Check that this recipient belongs on this mail.")
                 .arg(joined(a.list("group"), a.count("moreMembers")), a.text("address"));
         }},
        {"unusualRecipientMix.notGreeted",
         [](const Args &a) {
             return RuleMessage::tr("The greeting is for %1, but %2 has never had mail with them. "
                                    "Check that this recipient belongs on this mail.",
                                    "%1 lists the addresses the greeting names, %2 is an address")
                 .arg(joined(a.list("greeted"), a.count("moreGreeted")), a.text("address"));
         }},
        {"displayNameMismatch.elsewhere",
         [](const Args &a) {
             return RuleMessage::tr("You have written to “%1” at %2, never at %3. Check that this "
                                    "is the right person.",
                                    "%1 is a person's name, %2 and %3 addresses")
                 .arg(a.text("name"), a.text("knownAddress"), a.text("address"));
         }},
        {"displayNameMismatch.namesake",
         [](const Args &a) {
             return RuleMessage::tr("The other recipients are at %1, where you have written to "
                                    "another “%2” (%3). Check that this is the right person.",
                                    "%1 is a domain, %2 a person's name, %3 an address")
                 .arg(a.text("otherDomain"), a.text("name"), a.text("knownAddress"));
         }},
        {"displayNameMismatch.usualNamesake",
         [](const Args &a) {
             return RuleMessage::tr("You usually write to “%1” at %2 (%3), not at %4 (%5). Check "
                                    "that this is the right person.",
                                    "%1 is a person's name, %2 and %4 addresses, %3 and %5 how "
                                    "many mails went to each: 12 mails")
                 .arg(a.text("name"), a.text("usualAddress"), mailCount(a.count("usualMails")),
                      a.text("address"), mailCount(a.count("mails")));
         }},
        {"lookalikeAddress",
         [](const Args &a) {
             return RuleMessage::tr("No mail has gone to %1 yet, but you write to %2, one typing "
                                    "slip away. Check that the address is not a typo.",
                                    "%1 and %2 are addresses at the same domain")
                 .arg(a.text("address"), a.text("knownAddress"));
         }},
    };
    return table;
}

} // namespace

QString RuleMessage::text(const Finding &finding)
{
    const auto &table = sentences();
    const auto sentence = table.find(finding.kind);
    if (sentence != table.end())
        return sentence->second(Args(finding.args));
    return fromMail(finding.message.empty() ? finding.rule : finding.message);
}

bool RuleMessage::knows(std::string_view kind)
{
    return sentences().count(kind) != 0;
}

QString RuleMessage::addressErrorText(const AddressError &error)
{
    const QString found = fromMail(error.found);
    const QString part = fromMail(error.part);
    // Where the parser met the end of the entry, the sentence says so in its own words.
    const bool atEnd = found.isEmpty();
    switch (error.fault) {
    case AddressFault::InvalidUtf8:
        return tr("the entry is not valid UTF-8");
    case AddressFault::NoAddress:
        return tr("the entry holds no address");
    case AddressFault::CommentTooDeep:
        return tr("comments are nested too deeply");
    case AddressFault::CommentHoldsBadCharacter:
        return tr("a comment holds %1").arg(foundText(found));
    case AddressFault::CommentNotClosed:
        return tr("a comment '(' is not closed with ')'");
    case AddressFault::EscapesNothing:
        return tr("a '\\' in a quoted string escapes nothing");
    case AddressFault::QuotedStringHoldsBadCharacter:
        return tr("a quoted string holds %1").arg(foundText(found));
    case AddressFault::QuotedStringNotClosed:
        return tr("a quoted string is not closed with '\"'");
    case AddressFault::ExpectedAddress:
        if (atEnd)
            return tr("expected an address but found the end of the entry");
        return tr("expected an address but found %1").arg(foundText(found));
    case AddressFault::ExpectedTextAfterDot:
        if (atEnd)
            return tr("expected text after '.' in the address but found the end of the entry");
        return tr("expected text after '.' in the address but found %1").arg(foundText(found));
    case AddressFault::DomainLiteralHoldsBadCharacter:
        return tr("a domain literal holds %1").arg(foundText(found));
    case AddressFault::DomainLiteralNotClosed:
        return tr("a domain literal '[' is not closed with ']'");
    case AddressFault::NoDomainAfterAt:
        return tr("there is no domain after '@'");
    case AddressFault::DomainHasTwoDots:
        return tr("the domain has two dots in a row");
    case AddressFault::NoDomainMaybeList:
        return tr("\"%1\" has no @domain; it may be a mailing list that was not expanded")
            .arg(part);
    case AddressFault::NoDomain:
        return tr("\"%1\" is not an email address: it has no @domain").arg(part);
    case AddressFault::EmptyAngleAddress:
        return tr("the address between '<' and '>' is empty");
    case AddressFault::SourceRoute:
        return tr("source routes (\"<@host:...>\") are not accepted");
    case AddressFault::ExpectedClosingAngle:
        if (atEnd)
            return tr("expected '>' after \"%1\" but found the end of the entry").arg(part);
        return tr("expected '>' after \"%1\" but found %2").arg(part, foundText(found));
    case AddressFault::DisplayNameNeedsQuotes:
        return tr("a display name holding '@' or other special characters needs quotes");
    case AddressFault::UnexpectedCharacter:
        if (part.isEmpty())
            return tr("unexpected %1; separate addresses with ','").arg(foundText(found));
        return tr("unexpected %1 after \"%2\"; separate addresses with ','")
            .arg(foundText(found), part);
    case AddressFault::GroupNotClosed:
        return tr("the group \"%1\" is not closed with ';'").arg(part);
    case AddressFault::NestedGroup:
        return tr("the group \"%1\" is inside another group").arg(part);
    }
    return {};
}

QString RuleMessage::domainErrorText(const DomainError &error)
{
    const QString domain = fromMail(error.domain);
    const QString detail = fromMail(error.detail);
    QString why;
    switch (error.fault) {
    case DomainFault::Empty:
        return tr("the domain is empty");
    case DomainFault::AddressLiteral:
        return tr("address literals such as %1 are not accepted; use the domain name").arg(domain);
    case DomainFault::ConverterUnavailable:
        return tr("ICU could not open UTS #46: %1").arg(detail);
    case DomainFault::ConverterBufferTooSmall:
        return tr("ICU kept asking for a larger buffer");
    case DomainFault::FarTooLong:
        why = tr("it is far too long");
        break;
    case DomainFault::EmptyLabel:
        why = tr("it has an empty label (two dots in a row?)");
        break;
    case DomainFault::LabelTooLong:
        why = tr("a label is longer than 63 bytes");
        break;
    case DomainFault::NameTooLong:
        why = tr("it is longer than 253 bytes");
        break;
    case DomainFault::LeadingHyphen:
        why = tr("a label starts with '-'");
        break;
    case DomainFault::TrailingHyphen:
        why = tr("a label ends with '-'");
        break;
    case DomainFault::HyphensThirdAndFourth:
        why = tr("a label has \"--\" in its third and fourth characters");
        break;
    case DomainFault::LeadingCombiningMark:
        why = tr("a label starts with a combining mark");
        break;
    case DomainFault::Disallowed:
        why = tr("it contains a character that is not allowed in domain names");
        break;
    case DomainFault::Punycode:
        why = tr("a label is not valid punycode");
        break;
    case DomainFault::LabelHasDot:
        why = tr("a label contains a dot");
        break;
    case DomainFault::InvalidAceLabel:
        why = tr("an \"xn--\" label does not decode to a valid name");
        break;
    case DomainFault::Bidi:
        why = tr("it mixes right-to-left and left-to-right text in a way IDNA forbids");
        break;
    case DomainFault::ContextJ:
        why = tr("it has a zero-width joiner where IDNA forbids it");
        break;
    case DomainFault::ContextOPunctuation:
        why = tr("it has punctuation where IDNA forbids it");
        break;
    case DomainFault::ContextODigits:
        why = tr("it mixes Arabic-Indic digit sets");
        break;
    case DomainFault::IdnaFailed:
        why = tr("IDNA processing failed");
        break;
    case DomainFault::Rejected:
        why = tr("ICU rejected the domain: %1").arg(detail);
        break;
    }
    return tr("the domain \"%1\" is not valid: %2").arg(domain, why);
}

} // namespace sendguard
