// The findings' sentences (ui/rulemessage.h): every rule's findings carry a kind and the
// arguments its sentence needs; the English rendering is the engine's message word for word; the
// Japanese one names the same things; the RuleMessage context of translations/sendguard_*.ts is
// complete and in step with the source. Reviews run against a real SQLite history in a temporary
// folder.

#include "engine/engine.h"
#include "history/historystore.h"
#include "history/learn.h"
#include "language.h"
#include "rulemessage.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include <memory>
#include <set>
#include <string>
#include <vector>

using namespace sendguard;

namespace {

const std::string taro = "Taro Yamada <taro@corp.example>";

// What the person sent before: a project group at client.example, two people named Sam Lee at
// two companies, 40 mails to partner.example and one to supplier.example; Kim Park at
// vendor.example three times, and another Kim Park at other.example once.
std::vector<SentMail> pastMails()
{
    std::vector<std::vector<std::string>> past;
    for (int i = 0; i < 3; ++i)
        past.push_back(
            {"Alice Example <alice@client.example>", "bob@client.example", "carol@client.example"});
    past.push_back({"Sam Lee <sam@client.example>", "bob@client.example"});
    past.push_back({"Sam Lee <sam.lee@supplier.example>"});
    for (int i = 0; i < 40; ++i)
        past.push_back({"Dave <dave@partner.example>"});
    for (int i = 0; i < 3; ++i)
        past.push_back({"Kim Park <kim.park@vendor.example>"});
    past.push_back({"Kim Park <kim@other.example>"});
    std::vector<SentMail> mails;
    for (std::size_t i = 0; i < past.size(); ++i) {
        std::int64_t skipped = 0;
        mails.push_back(sentMailFromHeaders("<" + std::to_string(i) + "@corp.example>",
                                            1000 + static_cast<std::int64_t>(i), {past[i], {}, {}},
                                            skipped));
    }
    return mails;
}

Draft draftTo(std::vector<std::string> to)
{
    Draft draft;
    draft.from = taro;
    draft.to = std::move(to);
    draft.subject = "Quarterly figures";
    draft.body = "Hello,\n\nplease see below.\n";
    return draft;
}

// One situation per row: a draft and a policy that make `rule` say `kind`.
struct Situation
{
    std::string rule;
    std::string kind;
    Draft draft;
    Policy policy;
    std::vector<std::string> texts{};  // argument names that must hold a text
    std::vector<std::string> counts{}; // ... a count
    std::vector<std::string> lists{};  // ... a list with at least one item
};

std::vector<std::pair<const char *, Situation>> situations()
{
    std::vector<std::pair<const char *, Situation>> rows;
    const auto add = [&](const char *name, Situation situation) {
        rows.emplace_back(name, std::move(situation));
    };

    add("externalRecipient",
        {"external-recipient", "externalRecipient", draftTo({"a@client.example"}), {}, {"domain"}});
    {
        Draft draft = draftTo({"hanako@corp.example"});
        draft.attachments = {{"quote.pdf", 48213}};
        add("attachment", {"attachment", "attachment", draft, {}, {"name"}});
    }
    {
        Policy policy;
        policy.blockedDomains = {"leak.example"};
        add("blockedDomain",
            {"blocked-domain", "blockedDomain", draftTo({"b@leak.example"}), policy, {"domain"}});
    }
    add("invalidAddressNoDomain",
        {"invalid-address", "invalidAddress.noDomain", draftTo({"bob"}), {}, {"entry", "field"}});
    add("invalidAddressMaybeList", {"invalid-address",
                                    "invalidAddress.maybeList",
                                    draftTo({"sales team <sales team>"}),
                                    {},
                                    {"entry", "field"}});
    add("invalidAddressBadDomain", {"invalid-address",
                                    "invalidAddress.badDomain",
                                    draftTo({"a@my_corp.example"}),
                                    {},
                                    {"entry", "field", "fault", "domain"}});
    add("invalidAddressSyntax", {"invalid-address",
                                 "invalidAddress.syntax",
                                 draftTo({"Alice <a@client.example"}),
                                 {},
                                 {"entry", "field", "fault", "part"}});
    add("invalidAddressSyntaxFound", {"invalid-address",
                                      "invalidAddress.syntax",
                                      draftTo({"a@client.example b@client.example"}),
                                      {},
                                      {"entry", "field", "fault", "found", "part"}});
    {
        Policy policy;
        policy.attentionDomains = {"rival.example"};
        add("attentionDomain", {"attention-domain",
                                "attentionDomain",
                                draftTo({"x@rival.example"}),
                                policy,
                                {"domain"}});
    }
    {
        Draft draft = draftTo({"a@client.example"});
        draft.attachments = {{"prices.xlsx", 2048}};
        Policy policy;
        policy.attentionAttachmentSuffixes = {"xlsx"};
        add("attentionAttachment",
            {"attention-attachment", "attentionAttachment", draft, policy, {"name", "suffix"}});
    }
    add("lookalikeInternal", {"lookalike-domain",
                              "lookalike.internal",
                              draftTo({"a@c0rp.example"}),
                              {},
                              {"domain", "resembles", "how"}});
    {
        Policy policy;
        policy.trustedDomains = {"trusted-partner.example"};
        add("lookalikeTrusted", {"lookalike-domain",
                                 "lookalike.trusted",
                                 draftTo({"a@trusted-partnerr.example"}),
                                 policy,
                                 {"domain", "resembles", "how"}});
    }
    add("lookalikeHistory", {"lookalike-domain",
                             "lookalike.history",
                             draftTo({"a@partnerr.example"}),
                             {},
                             {"domain", "resembles", "how"},
                             {"timesWritten"}});
    add("lookalikeMailProvider", {"lookalike-domain",
                                  "lookalike.mailProvider",
                                  draftTo({"a@gmial.com"}),
                                  {},
                                  {"domain", "resembles", "how"}});
    add("lookalikeEmbedsInternal", {"lookalike-domain",
                                    "lookalike.embedsInternal",
                                    draftTo({"a@corp-example.com"}),
                                    {},
                                    {"domain", "resembles", "how"}});
    {
        Policy policy;
        policy.trustedDomains = {"trusted-partner.example"};
        add("lookalikeEmbedsTrusted", {"lookalike-domain",
                                       "lookalike.embedsTrusted",
                                       draftTo({"a@trusted-partner.example.login.net"}),
                                       policy,
                                       {"domain", "resembles", "how"}});
    }
    add("lookalikeEmbedsHistory", {"lookalike-domain",
                                   "lookalike.embedsHistory",
                                   draftTo({"a@partner-example.com"}),
                                   {},
                                   {"domain", "resembles", "how"},
                                   {"timesWritten"}});
    add("lookalikeEmbedsMailProvider", {"lookalike-domain",
                                        "lookalike.embedsMailProvider",
                                        draftTo({"a@gmail.com.account-check.net"}),
                                        {},
                                        {"domain", "resembles", "how"}});
    add("lookalikeMixedScript", {"lookalike-domain",
                                 "lookalike.mixedScript",
                                 draftTo({"a@b\u0430nk-example.com"}),
                                 {},
                                 {"domain"},
                                 {},
                                 {"scripts"}});
    add("ccExposure", {"cc-exposure",
                       "ccExposure",
                       draftTo({"a@one.example", "b@two.example", "c@three.example"}),
                       {},
                       {},
                       {"organisations", "moreDomains"},
                       {"domains"}});
    {
        Policy policy;
        policy.largeAudience = 3;
        add("largeAudience",
            {"large-audience",
             "largeAudience",
             draftTo({"a@client.example", "bob@client.example", "carol@client.example"}),
             policy,
             {},
             {"recipients"}});
    }
    for (const char *type : {"reply", "forward"}) {
        Draft draft = draftTo({"c@third.example"});
        draft.type = type;
        draft.original
            = OriginalMessage{"Alice <alice@client.example>", {taro}, {"Bob <bob@client.example>"}};
        add(draft.type == "reply" ? "newDomainInReplyReply" : "newDomainInReplyForward",
            {"new-domain-in-reply", "newDomainInReply." + draft.type, draft, {}, {"domain"}});
    }
    {
        Draft draft = draftTo({"a@client.example"});
        draft.unexpandedLists = {"Sales team <sales team>"};
        add("unexpandedList", {"unexpanded-list", "unexpandedList", draft, {}, {"list"}});
    }
    {
        Draft draft = draftTo({"a@client.example"});
        draft.subject = "Confidential: Q3";
        draft.attachments = {{"q3-confidential.pdf", 1000}};
        Policy policy;
        policy.attentionTerms = {"confidential"};
        add("attentionTerm", {"attention-term",
                              "attentionTerm",
                              draft,
                              policy,
                              {"term"},
                              {"moreAttachments"},
                              {"places", "attachments"}});
    }
    {
        Draft draft = draftTo({"a@client.example"});
        draft.body = "Hello,\n\nthe quote is attached.\n";
        add("forgottenAttachment",
            {"forgotten-attachment", "forgottenAttachment", draft, {}, {"term"}});
    }
    const std::pair<const char *, const char *> numbers[] = {
        {"sensitiveData.card", "Card: 4242 4242 4242 4242"},
        {"sensitiveData.myNumber", "マイナンバー: 1234 5678 9018"},
        {"sensitiveData.corporateNumber", "法人番号 7000012050002"},
    };
    for (const auto &[kind, body] : numbers) {
        Draft draft = draftTo({"hanako@corp.example"});
        draft.body = body;
        Situation situation{"sensitive-data",           kind,       draft, {}, {"place"},
                            {"numbers", "moreNumbers"}, {"endings"}};
        if (std::string(kind) == "sensitiveData.card")
            situation.lists.push_back("cardBrands");
        add(kind, situation);
    }
    {
        Draft draft = draftTo({"Alice Example <alice@client.example>"});
        draft.body = "Dear Bob,\n\nthank you.\n";
        add("salutationMismatch", {"salutation-mismatch",
                                   "salutationMismatch",
                                   draft,
                                   {},
                                   {"greeting"},
                                   {"moreRecipients"},
                                   {"recipients"}});
    }
    add("newRecipient",
        {"new-recipient", "newRecipient", draftTo({"erin@client.example"}), {}, {"address"}});
    add("newDomain", {"new-domain", "newDomain", draftTo({"x@fresh.example"}), {}, {"domain"}});
    add("unusualRecipientMix", {"unusual-recipient-mix",
                                "unusualRecipientMix",
                                draftTo({"alice@client.example", "bob@client.example",
                                         "carol@client.example", "dave@partner.example"}),
                                {},
                                {"address"},
                                {"moreMembers"},
                                {"group"}});
    {
        Draft draft
            = draftTo({"Alice Example <alice@client.example>", "Dave <dave@partner.example>"});
        draft.body = "Hi Alice,\n\nplease see below.\n";
        add("unusualRecipientMixNotGreeted", {"unusual-recipient-mix",
                                              "unusualRecipientMix.notGreeted",
                                              draft,
                                              {},
                                              {"address"},
                                              {"moreGreeted"},
                                              {"greeted"}});
    }
    add("displayNameMismatchElsewhere", {"display-name-mismatch",
                                         "displayNameMismatch.elsewhere",
                                         draftTo({"Sam Lee <sam@fresh.example>"}),
                                         {},
                                         {"name", "knownAddress", "address"}});
    add("displayNameMismatchNamesake",
        {"display-name-mismatch",
         "displayNameMismatch.namesake",
         draftTo({"Sam Lee <sam.lee@supplier.example>", "bob@client.example"}),
         {},
         {"name", "otherDomain", "knownAddress"}});
    add("displayNameMismatchUsualNamesake", {"display-name-mismatch",
                                             "displayNameMismatch.usualNamesake",
                                             draftTo({"Kim Park <kim@other.example>"}),
                                             {},
                                             {"name", "usualAddress", "address"},
                                             {"usualMails", "mails"}});
    add("lookalikeAddress", {"lookalike-address",
                             "lookalikeAddress",
                             draftTo({"alcie@client.example"}),
                             {},
                             {"address", "knownAddress"}});
    return rows;
}

const Finding *firstOf(const Review &review, const std::string &rule)
{
    for (const Finding &finding : review.findings) {
        if (finding.rule == rule)
            return &finding;
    }
    return nullptr;
}

// One <message> of a .ts file.
struct TsMessage
{
    QString source;
    QString comment;
    bool numerus = false;
    QString translationType;  // "unfinished", "vanished", "obsolete" or empty
    QStringList translations; // the translation, or each numerus form
};

QList<TsMessage> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = path + QStringLiteral(": cannot open");
        return {};
    }
    QList<TsMessage> messages;
    QXmlStreamReader xml(&file);
    TsMessage current;
    bool inContext = false;
    QString context;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) {
            if (xml.isEndElement() && xml.name() == QLatin1String("message") && inContext)
                messages << current;
            continue;
        }
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
            inContext = context == QLatin1String("RuleMessage");
        } else if (name == QLatin1String("message")) {
            current = TsMessage{};
            current.numerus = xml.attributes().value("numerus") == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (name == QLatin1String("comment")) {
            current.comment = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            current.translationType = xml.attributes().value("type").toString();
            if (!current.numerus)
                current.translations << xml.readElementText();
        } else if (name == QLatin1String("numerusform")) {
            current.translations << xml.readElementText();
        }
    }
    if (xml.hasError())
        *error = path + QStringLiteral(": ") + xml.errorString();
    return messages;
}

QSet<QString> placeholders(const QString &text)
{
    QSet<QString> found;
    static const QRegularExpression placeholder(QStringLiteral("%(\\d|n)"));
    for (const auto &match : placeholder.globalMatch(text))
        found << match.captured();
    return found;
}

QSet<QString> keysOf(const QList<TsMessage> &messages)
{
    QSet<QString> keys;
    for (const TsMessage &message : messages)
        keys << message.source + QChar(0x1F) + message.comment
                    + (message.numerus ? QStringLiteral(" [n]") : QString());
    return keys;
}

} // namespace

class TestRuleMessage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void everyRuleSaysWhatItFoundByKindAndArguments_data();
    void everyRuleSaysWhatItFoundByKindAndArguments();
    void everyRuleIsCovered();
    void englishIsTheEnginesMessage_data();
    void englishIsTheEnginesMessage();
    void everyAddressFaultHasAnEnglishAndAJapaneseSentence();
    void everyDomainFaultHasAnEnglishAndAJapaneseSentence();
    void japaneseNamesWhatWasFound_data();
    void japaneseNamesWhatWasFound();
    void englishCountsOneAndMany();
    void findingWithoutKindShowsItsMessage();
    void bidiControlsInNamesAreShownAsReplacementCharacters();
    void anotherLanguageGetsEnglish();
    void japaneseTranslationIsComplete();
    void translationsAreInStepWithTheSource();

private:
    Review review(const Situation &situation) const
    {
        return reviewDraft(situation.draft, situation.policy, m_history.get());
    }

    QTemporaryDir m_folder;
    std::unique_ptr<HistoryStore> m_history;
};

void TestRuleMessage::initTestCase()
{
    QVERIFY(m_folder.isValid());
    auto opened = HistoryStore::open(m_folder.filePath("history.sqlite").toStdString());
    QVERIFY2(opened.store, opened.error ? opened.error->message.c_str() : "no store");
    m_history = std::move(opened.store);
    std::int64_t learned = 0;
    QVERIFY(!m_history->recordSentBatch(pastMails(), learned));
    QCOMPARE(learned, 49);
}

void TestRuleMessage::everyRuleSaysWhatItFoundByKindAndArguments_data()
{
    QTest::addColumn<int>("row");
    const auto rows = situations();
    for (std::size_t i = 0; i < rows.size(); ++i)
        QTest::newRow(rows[i].first) << static_cast<int>(i);
}

void TestRuleMessage::everyRuleSaysWhatItFoundByKindAndArguments()
{
    QFETCH(int, row);
    const Situation situation = situations().at(static_cast<std::size_t>(row)).second;

    const Review review = this->review(situation);

    const Finding *finding = firstOf(review, situation.rule);
    QVERIFY2(finding, situation.rule.c_str());
    QCOMPARE(finding->kind, situation.kind);
    QVERIFY(RuleMessage::knows(finding->kind));
    for (const std::string &name : situation.texts) {
        const auto found = finding->args.text.find(name);
        QVERIFY2(found != finding->args.text.end() && !found->second.empty(), name.c_str());
    }
    for (const std::string &name : situation.counts)
        QVERIFY2(finding->args.counts.count(name), name.c_str());
    for (const std::string &name : situation.lists) {
        const auto found = finding->args.lists.find(name);
        QVERIFY2(found != finding->args.lists.end() && !found->second.empty(), name.c_str());
    }
}

void TestRuleMessage::everyRuleIsCovered()
{
    std::set<std::string> covered;
    for (const auto &[name, situation] : situations())
        covered.insert(situation.rule);
    std::set<std::string> all;
    for (const RuleDefinition &rule : allRules())
        all.insert(std::string(rule.id));
    QCOMPARE(all.size(), std::size_t(20));
    QVERIFY(covered == all);
}

void TestRuleMessage::englishIsTheEnginesMessage_data()
{
    everyRuleSaysWhatItFoundByKindAndArguments_data();
}

// Every finding of every situation, not only the rule under test: the English rendering is the
// engine's sentence, invalid-address's parser or UTS #46 detail in brackets included.
void TestRuleMessage::englishIsTheEnginesMessage()
{
    QFETCH(int, row);
    QVERIFY(applyLanguage(Language::English));
    const Review review = this->review(situations().at(static_cast<std::size_t>(row)).second);

    QVERIFY(!review.findings.empty());
    for (const Finding &finding : review.findings)
        QCOMPARE(RuleMessage::text(finding), QString::fromStdString(finding.message));
}

// Each of the parser's faults, with each kind of thing it can name.
std::vector<AddressError> everyAddressError()
{
    std::vector<AddressError> all;
    for (const AddressFault fault : allAddressFaults()) {
        for (const std::string found : {"", "@", "\x07", "\u00bb"}) {
            for (const std::string part : {"", "Sales team <sales>"})
                all.push_back({fault, found, part});
        }
    }
    return all;
}

std::vector<DomainError> everyDomainError()
{
    std::vector<DomainError> all;
    for (const DomainFault fault : allDomainFaults())
        all.push_back({fault, "-bad_domain.example", "U_ILLEGAL_ARGUMENT_ERROR"});
    return all;
}

const QRegularExpression kJapanese(QStringLiteral("[\\x{3040}-\\x{30ff}\\x{4e00}-\\x{9fff}]"));

// The English is the engine's own, for every fault and whatever it names; the Japanese is
// Japanese, names the same things, and is not the same sentence for two faults.
void TestRuleMessage::everyAddressFaultHasAnEnglishAndAJapaneseSentence()
{
    QVERIFY(applyLanguage(Language::English));
    for (const AddressError &error : everyAddressError()) {
        QCOMPARE(RuleMessage::addressErrorText(error),
                 QString::fromStdString(addressErrorMessage(error)));
    }

    QVERIFY(applyLanguage(Language::Japanese));
    QSet<QString> japanese;
    for (const AddressFault fault : allAddressFaults()) {
        const AddressError error{fault, "@", "Sales team <sales>"};
        const QString text = RuleMessage::addressErrorText(error);
        const QString english = QString::fromStdString(addressErrorMessage(error));
        QVERIFY2(kJapanese.match(text).hasMatch(), qPrintable(english + " -> " + text));
        QVERIFY2(!text.contains(u'%'), qPrintable(text));
        if (english.contains(QStringLiteral("Sales team")))
            QVERIFY2(text.contains(QStringLiteral("Sales team <sales>")), qPrintable(text));
        if (english.contains(QStringLiteral("'@'")))
            QVERIFY2(text.contains(QStringLiteral("「@」")), qPrintable(text));
        japanese << text;
    }
    QCOMPARE(japanese.size(), qsizetype(allAddressFaults().size()));
    const QString control
        = RuleMessage::addressErrorText({AddressFault::QuotedStringHoldsBadCharacter, "\x07", {}});
    QVERIFY2(control.contains(QStringLiteral("U+0007")) && kJapanese.match(control).hasMatch(),
             qPrintable(control));
    const QString atEnd = RuleMessage::addressErrorText({AddressFault::ExpectedAddress, {}, {}});
    QVERIFY2(kJapanese.match(atEnd).hasMatch(), qPrintable(atEnd));
}

void TestRuleMessage::everyDomainFaultHasAnEnglishAndAJapaneseSentence()
{
    QVERIFY(applyLanguage(Language::English));
    for (const DomainError &error : everyDomainError()) {
        QCOMPARE(RuleMessage::domainErrorText(error),
                 QString::fromStdString(domainErrorMessage(error)));
    }

    QVERIFY(applyLanguage(Language::Japanese));
    QSet<QString> japanese;
    for (const DomainError &error : everyDomainError()) {
        const QString text = RuleMessage::domainErrorText(error);
        const QString english = QString::fromStdString(domainErrorMessage(error));
        QVERIFY2(kJapanese.match(text).hasMatch(), qPrintable(english + " -> " + text));
        QVERIFY2(!text.contains(u'%'), qPrintable(text));
        if (english.contains(QStringLiteral("-bad_domain.example")))
            QVERIFY2(text.contains(QStringLiteral("-bad_domain.example")), qPrintable(text));
        if (english.contains(QStringLiteral("U_ILLEGAL")))
            QVERIFY2(text.contains(QStringLiteral("U_ILLEGAL_ARGUMENT_ERROR")), qPrintable(text));
        japanese << text;
    }
    QCOMPARE(japanese.size(), qsizetype(allDomainFaults().size()));
}

void TestRuleMessage::japaneseNamesWhatWasFound_data()
{
    QTest::addColumn<QString>("row");
    QTest::addColumn<QString>("expected");

    QTest::newRow("lookalikeHistoryCountsTheMails")
        << "lookalikeHistory"
        << "partnerr.example は partner.example（これまで40回送信した宛先ドメイン）に似ていますが、"
           "別のドメインです。送信前に綴りを確認してください。";
    QTest::newRow("lookalikeInternal")
        << "lookalikeInternal"
        << "c0rp.example は自社のドメイン corp.example に似ていますが、別のドメインです。"
           "送信前に綴りを確認してください。";
    QTest::newRow("lookalikeEmbedsInternal") << "lookalikeEmbedsInternal"
                                             << "corp-example.com は自社のドメイン corp.example "
                                                "ではありませんが、その名前を含んでいます。"
                                                "意図したドメインか確認してください。";
    QTest::newRow("lookalikeEmbedsHistoryCountsTheMails")
        << "lookalikeEmbedsHistory"
        << "partner-example.com は partner.example（これまで40回送信した宛先ドメイン）ではありま"
           "せんが、その名前を含んでいます。意図したドメインか確認してください。";
    QTest::newRow("lookalikeMixedScriptShowsBothForms")
        << "lookalikeMixedScript"
        << "b\u0430nk-example.com (xn--bnk-example-yij.com) はドメイン名の中にラテン文字、"
           "キリル文字が混在しています。他のドメインを装う典型的な手口です。意図したドメインか"
           "確認してください。";
    QTest::newRow("ccExposure") << "ccExposure"
                                << "社外の3組織（one.example、two.example、three.example）の相手が"
                                   "宛先と Cc に入っているため、互いのメールアドレスが見えてしまい"
                                   "ます。見せるべきでない場合は Bcc に移してください。";
    QTest::newRow("cardNumber") << "sensitiveData.card"
                                << "本文にカード番号が1件含まれています（Visa 末尾4242）。カード"
                                   "番号は決してメールで送らないでください。";
    QTest::newRow("attentionTermPlaces")
        << "attentionTerm"
        << "件名、添付ファイル名「q3-confidential.pdf」に「confidential」が含まれています。この語を"
           "含むメールは送信前に再確認するよう組織で定められています。";
    QTest::newRow("invalidAddress")
        << "invalidAddressNoDomain"
        << "宛先 の「bob」には @ 以降のドメインがないため、メールアドレス"
           "として扱えません。修正するか削除してください。";
    QTest::newRow("invalidAddressSaysWhereTheParserStopped")
        << "invalidAddressSyntax"
        << "宛先 の「Alice <a@client.example」はメールアドレスとして正しい形式ではありません。修正"
           "するか削除してください。（「a@client.example」の後に「>」が必要ですが、その前に入力が"
           "終わっています）";
    QTest::newRow("invalidAddressNamesWhatItFound")
        << "invalidAddressSyntaxFound"
        << "宛先 の「a@client.example b@client.example」はメールアドレスとして正しい形式では"
           "ありません。修正するか削除してください。（「a@client.example」の後に予期しない"
           "「b」があります。複数のアドレスは「,」で区切ってください）";
    QTest::newRow("invalidAddressSaysWhyTheDomainIsNotValid")
        << "invalidAddressBadDomain"
        << "宛先 "
           "の「a@my_corp.example」のドメイン名が正しくありません。修正するか削除してください。"
           "（ドメイン「my_corp.example」は無効です: ドメイン名に使えない文字が含まれています）";
    QTest::newRow("salutation") << "salutationMismatch"
                                << "宛名の「Dear Bob,」は宛先欄の相手（Alice Example "
                                   "<alice@client.example>）のどなたとも一致しません。送り先が"
                                   "正しいか確認してください。";
    QTest::newRow("largeAudience") << "largeAudience"
                                   << "このメールは3件の宛先に送られます。これほど多くの相手に"
                                      "送ったメールは取り消せません。";
    QTest::newRow("newDomain") << "newDomain"
                               << "fresh.example へのメール送信は今回が初めてです。意図した組織か"
                                  "確認してください。";
    QTest::newRow("namesake") << "displayNameMismatchNamesake"
                              << "他の宛先は client.example の方で、client.example には同じ名前の"
                                 "「Sam Lee」（sam@client.example）への送信履歴があります。正しい"
                                 "相手か確認してください。";
    QTest::newRow("usualNamesakeCountsBoth")
        << "displayNameMismatchUsualNamesake"
        << "「Kim Park」には普段 kim.park@vendor.example 宛てに送信しており（3通）、"
           "kim@other.example 宛て（1通）ではありません。正しい相手か確認してください。";
    QTest::newRow("lookalikeAddress")
        << "lookalikeAddress"
        << "alcie@client.example にはまだ送信したことがありませんが、よく似たアドレス "
           "alice@client.example には送信したことがあります。入力ミスでないか確認してください。";
}

void TestRuleMessage::japaneseNamesWhatWasFound()
{
    QFETCH(QString, row);
    QFETCH(QString, expected);
    QVERIFY(applyLanguage(Language::Japanese));
    const auto rows = situations();
    const auto found = std::find_if(rows.begin(), rows.end(),
                                    [&](const auto &entry) { return row == entry.first; });
    QVERIFY(found != rows.end());

    const Review review = this->review(found->second);

    const Finding *finding = firstOf(review, found->second.rule);
    QVERIFY(finding);
    QCOMPARE(RuleMessage::text(*finding), expected);
}

void TestRuleMessage::englishCountsOneAndMany()
{
    QVERIFY(applyLanguage(Language::English));
    const Review once = reviewDraft(draftTo({"a@suppleir.example"}), {}, m_history.get());
    const Review often = reviewDraft(draftTo({"a@partnerr.example"}), {}, m_history.get());

    const Finding *one = firstOf(once, "lookalike-domain");
    const Finding *many = firstOf(often, "lookalike-domain");
    QVERIFY(one && many);
    QCOMPARE(one->args.counts.at("timesWritten"), 1);
    QCOMPARE(RuleMessage::text(*one),
             QStringLiteral("suppleir.example looks like supplier.example, a domain you have "
                            "written to 1 time, but is a different domain. Check the spelling "
                            "before sending."));
    QVERIFY(RuleMessage::text(*many).contains(QStringLiteral("written to 40 times")));
}

void TestRuleMessage::findingWithoutKindShowsItsMessage()
{
    const Finding plain{"some-rule", Severity::Warn, {}, "As the engine wrote it", {}, {}};
    QCOMPARE(RuleMessage::text(plain), QStringLiteral("As the engine wrote it"));
    const Finding unknown{"some-rule", Severity::Warn, {}, "Older words", "no.such.kind", {}};
    QCOMPARE(RuleMessage::text(unknown), QStringLiteral("Older words"));
    const Finding bare{"some-rule", Severity::Warn, {}, {}, {}, {}};
    QCOMPARE(RuleMessage::text(bare), QStringLiteral("some-rule"));
}

void TestRuleMessage::bidiControlsInNamesAreShownAsReplacementCharacters()
{
    QVERIFY(applyLanguage(Language::English));
    Draft draft = draftTo({"hanako@corp.example"});
    draft.attachments = {{"invoice\u202Efdp.exe", 100}};

    const Review review = reviewDraft(draft, {});

    const QString shown = RuleMessage::text(*firstOf(review, "attachment"));
    QVERIFY(!shown.contains(QChar(0x202E)));
    QVERIFY(shown.contains(QStringLiteral("invoice\uFFFDfdp.exe")));
}

// The language choice is the dialogs' (ui/language.h): a policy asking for a language SendGuard
// does not have follows the system, and English replaces Japanese put in force before.
void TestRuleMessage::anotherLanguageGetsEnglish()
{
    QVERIFY(applyLanguage(Language::Japanese));
    QVERIFY(applyLanguage(Language::English));
    const Review review = reviewDraft(draftTo({"a@client.example"}), {});

    QCOMPARE(RuleMessage::text(*firstOf(review, "external-recipient")),
             QStringLiteral("client.example is outside your organisation."));
}

void TestRuleMessage::japaneseTranslationIsComplete()
{
    QString error;
    const auto messages
        = readTs(QStringLiteral(SENDGUARD_SOURCE_DIR "/translations/sendguard_ja.ts"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(messages.size() > 40);
    for (const TsMessage &message : messages) {
        QVERIFY2(message.translationType.isEmpty(), qPrintable(message.source));
        QVERIFY2(!message.translations.isEmpty(), qPrintable(message.source));
        for (const QString &translation : message.translations) {
            QVERIFY2(!translation.isEmpty(), qPrintable(message.source));
            QVERIFY2(placeholders(translation) == placeholders(message.source),
                     qPrintable(message.source + QStringLiteral(" -> ") + translation));
        }
    }
}

// lupdate over the source into a temporary file finds exactly the strings the committed .ts
// files hold: none missing, none left over.
void TestRuleMessage::translationsAreInStepWithTheSource()
{
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const QString fresh = scratch.filePath(QStringLiteral("rulemessages_ja.ts"));
    QProcess lupdate;
    lupdate.setWorkingDirectory(QStringLiteral(SENDGUARD_SOURCE_DIR "/ui"));
    lupdate.start(QStringLiteral(SENDGUARD_LUPDATE),
                  {QStringLiteral("-silent"), QStringLiteral("-locations"), QStringLiteral("none"),
                   QStringLiteral("rulemessage.cpp"), QStringLiteral("rulemessage.h"),
                   QStringLiteral("-ts"), fresh});
    QVERIFY(lupdate.waitForFinished(60000));
    QCOMPARE(lupdate.exitCode(), 0);

    QString error;
    const auto fromSource = readTs(fresh, &error);
    const auto japanese
        = readTs(QStringLiteral(SENDGUARD_SOURCE_DIR "/translations/sendguard_ja.ts"), &error);
    const auto english
        = readTs(QStringLiteral(SENDGUARD_SOURCE_DIR "/translations/sendguard_en.ts"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!fromSource.isEmpty());
    QCOMPARE(keysOf(japanese), keysOf(fromSource));

    QList<TsMessage> plurals;
    for (const TsMessage &message : fromSource) {
        if (message.numerus)
            plurals << message;
    }
    QCOMPARE(keysOf(english), keysOf(plurals));
    for (const TsMessage &message : english) {
        QVERIFY2(message.translationType.isEmpty(), qPrintable(message.source));
        QCOMPARE(message.translations.size(), 2);
        QVERIFY2(!message.translations[0].isEmpty() && !message.translations[1].isEmpty(),
                 qPrintable(message.source));
    }
}

QTEST_GUILESS_MAIN(TestRuleMessage)
#include "tst_rulemessage.moc"
