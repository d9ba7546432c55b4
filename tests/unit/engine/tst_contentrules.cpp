// Table tests for the content rules (`attention-term`, `forgotten-attachment`,
// `sensitive-data`, `salutation-mismatch`) and the text folding they share.

#include "engine/engine.h"
#include "engine/textnormaliser.h"

#include <gtest/gtest.h>

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace sendguard {
namespace {

const std::string alice = "Alice Example <alice@client.example>";

// One row of a content-rule table: a draft's text parts and the list the rule reads from
// policy (attentionTerms or attachmentReminderTerms; unset: the policy leaves it alone).
struct ContentCase
{
    const char *name;
    std::string subject;
    std::string body;
    std::vector<std::string> attachments;
    std::optional<std::vector<std::string>> list;
    std::vector<std::string> to;
    std::size_t findings;    // how many findings of the rule under test
    std::string messagePart; // when it fires: a piece of the first finding's message
};

void PrintTo(const ContentCase &testCase, std::ostream *out)
{
    *out << testCase.name;
}

std::string rowName(const ::testing::TestParamInfo<ContentCase> &info)
{
    return info.param.name;
}

Draft draftFor(const ContentCase &testCase)
{
    Draft draft;
    draft.from = "Taro Yamada <taro@corp.example>";
    draft.to = testCase.to.empty() ? std::vector<std::string>{alice} : testCase.to;
    draft.subject = testCase.subject;
    draft.body = testCase.body;
    for (const auto &name : testCase.attachments)
        draft.attachments.push_back({name, 1000});
    return draft;
}

std::vector<const Finding *> findingsOf(const Review &review, std::string_view rule)
{
    std::vector<const Finding *> found;
    for (const auto &finding : review.findings) {
        if (finding.rule == rule)
            found.push_back(&finding);
    }
    return found;
}

void expectRow(const ContentCase &testCase, std::string_view rule, const Policy &policy)
{
    const Review review = reviewDraft(draftFor(testCase), policy);
    const auto found = findingsOf(review, rule);
    ASSERT_EQ(found.size(), testCase.findings);
    if (found.empty())
        return;
    EXPECT_EQ(found[0]->severity, Severity::Warn);
    EXPECT_EQ(found[0]->target.kind, Target::Kind::Draft);
    EXPECT_NE(found[0]->message.find(testCase.messagePart), std::string::npos) << found[0]->message;
}

// --- Folding --------------------------------------------------------------------------------

struct FoldCase
{
    const char *name;
    std::string input;
    std::string folded;
};

void PrintTo(const FoldCase &testCase, std::ostream *out)
{
    *out << testCase.name;
}

class TextFolding : public ::testing::TestWithParam<FoldCase>
{
};

TEST_P(TextFolding, FoldsToTheExpectedForm)
{
    EXPECT_EQ(foldForMatching(GetParam().input), GetParam().folded);
}

const FoldCase foldCases[] = {
    {"AsciiIsLowerCased", "Confidential REPORT", "confidential report"},
    {"FullWidthLatin", "ＣＯＮＦＩＤＥＮＴＩＡＬ", "confidential"},
    {"FullWidthDigits", "１２３４", "1234"},
    {"HalfWidthKatakana", "ｶﾀｶﾅ", "カタカナ"},
    {"HalfWidthVoicedKatakana", "ﾊﾟｽﾜｰﾄﾞ", "パスワード"},
    {"FullWidthColon", "書きました：", "書きました:"},
    {"CombiningMarkAfterAscii", "Cafe\u0301", "caf\u00e9"},
    {"SharpS", "Straße", "strasse"},
    {"LineBreaksKept", "A\r\nB\n", "a\r\nb\n"},
    {"Empty", "", ""},
};

INSTANTIATE_TEST_SUITE_P(Engine, TextFolding, ::testing::ValuesIn(foldCases),
                         [](const auto &info) { return std::string(info.param.name); });

// --- attention-term -------------------------------------------------------------------------

class AttentionTerm : public ::testing::TestWithParam<ContentCase>
{
};

TEST_P(AttentionTerm, FiresOnlyOnPolicyTerms)
{
    Policy policy;
    policy.attentionTerms = GetParam().list.value_or(std::vector<std::string>{});
    expectRow(GetParam(), "attention-term", policy);
}

using List = std::vector<std::string>;
const List confidential{"Confidential"};

const ContentCase attentionTermCases[] = {
    // Fires.
    {"InSubject", "Confidential: Q3 figures", "Hello", {}, confidential, {}, 1, "subject"},
    {"InBody", "Q3", "This is confidential.", {}, confidential, {}, 1, "in the body"},
    {"InAttachmentName",
     "Q3",
     "",
     {"confidential-q3.pdf"},
     confidential,
     {},
     1,
     "the attachment name \u201cconfidential-q3.pdf\u201d"},
    {"EverywhereIsOneFinding",
     "CONFIDENTIAL",
     "confidential",
     {"Confidential.pdf"},
     confidential,
     {},
     1,
     "the subject, the body and the attachment name \u201cConfidential.pdf\u201d"},
    {"FullWidthInBody", "", "ＣＯＮＦＩＤＥＮＴＩＡＬ資料です", {}, confidential, {}, 1, "body"},
    {"FullWidthTermMatchesAscii",
     "",
     "confidential",
     {},
     List{"ＣＯＮＦＩＤＥＮＴＩＡＬ"},
     {},
     1,
     "body"},
    {"HalfWidthKatakanaInBody", "", "ﾏﾙﾋ資料", {}, List{"マルヒ"}, {}, 1, "\u201cマルヒ\u201d"},
    {"JapaneseTermInsideSentence",
     "",
     "この資料は社外秘です。",
     {},
     List{"社外秘"},
     {},
     1,
     "社外秘"},
    {"TwoTermsTwoFindings",
     "",
     "secret and confidential",
     {},
     List{"secret", "confidential"},
     {},
     2,
     "secret"},
    {"TermWithCommentAfterIt",
     "",
     "an NDA draft",
     {},
     List{"NDA # contracts"},
     {},
     1,
     "\u201cNDA\u201d"},
    // Silent.
    {"NoPolicyTerms", "Confidential", "confidential", {}, std::nullopt, {}, 0, ""},
    {"EmptyList", "Confidential", "confidential", {}, List{}, {}, 0, ""},
    {"BlankEntries", "Confidential", "confidential", {}, List{"", "   ", "\t"}, {}, 0, ""},
    {"CommentOnlyEntries", "Confidential", "#", {}, List{"# none yet", "#"}, {}, 0, ""},
    {"TermAbsent", "Q3 figures", "Please review.", {"q3.pdf"}, confidential, {}, 0, ""},
    {"AcronymInsideWord", "Agenda", "see the agenda on Monday", {}, List{"NDA"}, {}, 0, ""},
    {"LongerWordOnly", "", "confidentiality clause", {}, confidential, {}, 0, ""},
    {"RecipientAddressIsNotText", "", "Hello", {}, List{"client"}, {}, 0, ""},
    {"OtherKatakana", "", "カタログ", {}, List{"マルヒ"}, {}, 0, ""},
    {"SpacedOutLetters", "", "c o n f i d e n t i a l", {}, confidential, {}, 0, ""},
};

INSTANTIATE_TEST_SUITE_P(Engine, AttentionTerm, ::testing::ValuesIn(attentionTermCases), rowName);

TEST(AttentionTerm, FiresOnInternalOnlyMail)
{
    Draft draft;
    draft.from = "Taro Yamada <taro@corp.example>";
    draft.to = {"Hanako <hanako@corp.example>"};
    draft.subject = "Confidential";
    Policy policy;
    policy.attentionTerms = confidential;

    const Review review = reviewDraft(draft, policy);

    EXPECT_EQ(findingsOf(review, "attention-term").size(), 1u);
    EXPECT_TRUE(review.needsDialog());
}

// --- forgotten-attachment -------------------------------------------------------------------

class ForgottenAttachment : public ::testing::TestWithParam<ContentCase>
{
};

TEST_P(ForgottenAttachment, FiresWhenTheTextPromisesAFile)
{
    Policy policy;
    policy.attachmentReminderTerms = GetParam().list;
    expectRow(GetParam(), "forgotten-attachment", policy);
}

const std::string japaneseQuote = "田中様\n\n承知しました。\n\n"
                                  "2025/03/03 10:00、田中 太郎 さんは書きました：\n"
                                  "> 見積書を添付します。\n";

const ContentCase forgottenAttachmentCases[] = {
    // Fires.
    {"EnglishAttached", "", "Hi Alice,\n\nThe quote is attached.\n", {}, {}, {}, 1, "attached"},
    {"EnglishPleaseFindAttached", "", "Please find attached the quote.", {}, {}, {}, 1, "attached"},
    {"EnglishSeeAttachment", "", "See the attachment for details.", {}, {}, {}, 1, "attachment"},
    {"EnglishEnclosed", "", "Enclosed is our offer.", {}, {}, {}, 1, "enclosed"},
    {"EnglishUpperCase", "", "QUOTE ATTACHED", {}, {}, {}, 1, "attached"},
    {"JapaneseTenpu", "", "田中様\n\n見積書を添付いたします。\n", {}, {}, {}, 1, "添付"},
    {"JapaneseBetten", "", "詳細は別添の資料をご覧ください。", {}, {}, {}, 1, "別添"},
    {"JapaneseDoufuu", "", "請求書を同封しました。", {}, {}, {}, 1, "同封"},
    {"HalfWidthKatakanaFile", "", "添付ﾌｧｲﾙをご確認ください。", {}, {}, {}, 1, "添付"},
    {"PolicyTerm", "", "Hier ist die Anlage.", {}, List{"Anlage"}, {}, 1, "anlage"},
    {"OwnTextAboveTheQuote",
     "",
     "Attached is v2.\n\nOn Mon, Bob wrote:\n> thanks\n",
     {},
     {},
     {},
     1,
     "attached"},
    {"NegationElsewhereInLine",
     "",
     "Don't worry, the file is attached.",
     {},
     {},
     {},
     1,
     "attached"},
    // Silent.
    {"HasAttachment", "", "The quote is attached.", {"quote.pdf"}, {}, {}, 0, ""},
    {"NoReminderWord", "", "See you on Monday.", {}, {}, {}, 0, ""},
    {"OnlyInQuotedLine", "", "Thanks!\n> The quote is attached.\n", {}, {}, {}, 0, ""},
    {"OnlyBelowEnglishAttribution",
     "",
     "Thanks!\n\nOn 3 Mar 2025, Bob wrote:\nAttached.\n",
     {},
     {},
     {},
     0,
     ""},
    {"OnlyBelowJapaneseAttribution", "", japaneseQuote, {}, {}, {}, 0, ""},
    {"OnlyBelowOutlookOriginal",
     "",
     "OK\n-----Original Message-----\nFrom: Bob\nAttached.",
     {},
     {},
     {},
     0,
     ""},
    {"OnlyInForwardedPart",
     "",
     "FYI\n-------- Forwarded Message --------\nSee attached.",
     {},
     {},
     {},
     0,
     ""},
    {"OnlyInSignature",
     "",
     "Thanks\n-- \nTaro\nAttachments are scanned for viruses.",
     {},
     {},
     {},
     0,
     ""},
    {"NegatedNoAttachment", "", "There is no attachment this time.", {}, {}, {}, 0, ""},
    {"NegatedNotNeeded", "", "Attachments are not needed.", {}, {}, {}, 0, ""},
    {"NegatedHaventAttached", "", "I haven't attached it yet.", {}, {}, {}, 0, ""},
    {"JapaneseTenpuNashi", "", "今回は添付なしです。", {}, {}, {}, 0, ""},
    {"JapaneseTenpuFileWaArimasen", "", "添付ファイルはありません。", {}, {}, {}, 0, ""},
    {"WordInsideOtherWord", "", "The unattachedness of it.", {}, {}, {}, 0, ""},
    {"EmptyPolicyListNeverMatches", "", "Attached.", {}, List{"# none"}, {}, 0, ""},
    {"PolicyReplacesBuiltInList", "", "Attached.", {}, List{"Anlage"}, {}, 0, ""},
};

INSTANTIATE_TEST_SUITE_P(Engine, ForgottenAttachment, ::testing::ValuesIn(forgottenAttachmentCases),
                         rowName);

// --- sensitive-data -------------------------------------------------------------------------

class SensitiveData : public ::testing::TestWithParam<ContentCase>
{
};

TEST_P(SensitiveData, FiresOnVouchedForNumbers)
{
    expectRow(GetParam(), "sensitive-data", Policy{});
}

TEST_P(SensitiveData, NeverShowsMoreThanTheLastFourDigits)
{
    const Review review = reviewDraft(draftFor(GetParam()), Policy{});
    for (const auto *finding : findingsOf(review, "sensitive-data")) {
        // Everything a finding shows: the English sentence, the target and the arguments the
        // translated sentence is made of.
        std::vector<std::string> shown{finding->message, finding->target.text};
        for (const auto &[name, text] : finding->args.text)
            shown.push_back(text);
        for (const auto &[name, items] : finding->args.lists)
            shown.insert(shown.end(), items.begin(), items.end());
        for (const std::string &text : shown) {
            std::size_t run = 0;
            for (const char c : text) {
                run = c >= '0' && c <= '9' ? run + 1 : 0;
                EXPECT_LE(run, 4u) << text;
            }
        }
    }
}

const ContentCase sensitiveDataCases[] = {
    // Fires.
    {"VisaGrouped", "", "Card: 4242 4242 4242 4242 exp 12/29", {}, {}, {}, 1, "Visa ending 4242"},
    {"VisaHyphens", "", "4242-4242-4242-4242", {}, {}, {}, 1, "Visa ending 4242"},
    {"MastercardWithKeyword",
     "",
     "credit card 5555555555554444",
     {},
     {},
     {},
     1,
     "Mastercard ending 4444"},
    {"Mastercard2Series", "", "my card: 2223003122003222", {}, {}, {}, 1, "Mastercard"},
    {"AmexGrouped", "", "3782 822463 10005", {}, {}, {}, 1, "American Express ending 0005"},
    {"JcbWithJapaneseKeyword", "", "カード番号：3530111333300000", {}, {}, {}, 1, "JCB"},
    {"DinersGrouped", "", "3056 930902 5904", {}, {}, {}, 1, "Diners Club"},
    {"DiscoverKeyword", "", "Discover 6011111111111117", {}, {}, {}, 1, "Discover"},
    {"FullWidthCardDigits",
     "",
     "クレジットカード　４２４２４２４２４２４２４２４２",
     {},
     {},
     {},
     1,
     "ending 4242"},
    {"CardInSubject", "Card 4242 4242 4242 4242", "", {}, {}, {}, 1, "The subject holds"},
    {"TwoCardsOneFinding",
     "",
     "4242 4242 4242 4242 and 5555 5555 5555 4444",
     {},
     {},
     {},
     1,
     "2 payment card numbers"},
    {"MyNumberWithKeyword",
     "",
     "マイナンバー: 1234 5678 9018",
     {},
     {},
     {},
     1,
     "1 My Number (ending 9018)"},
    {"MyNumberKeywordAfter", "", "123456789018 (個人番号)", {}, {}, {}, 1, "ending 9018"},
    {"MyNumberEnglishKeyword", "", "My Number is 987654321093.", {}, {}, {}, 1, "ending 1093"},
    {"CorporateNumber",
     "",
     "法人番号 7000012050002",
     {},
     {},
     {},
     1,
     "1 corporate number (ending 0002)"},
    {"CorporateNumberFullWidth",
     "",
     "法人番号：９２３４５６７８９０１２３",
     {},
     {},
     {},
     1,
     "ending 0123"},
    // Silent.
    {"BareCardWithoutKeyword", "", "Order 4242424242424242 has shipped.", {}, {}, {}, 0, ""},
    {"LuhnFails", "", "Card: 4242 4242 4242 4241", {}, {}, {}, 0, ""},
    {"UnknownIssuerPrefix", "", "Card: 1234 5678 1234 5670", {}, {}, {}, 0, ""},
    {"WrongLengthForVisa", "", "card 424242424242428", {}, {}, {}, 0, ""},
    {"PartOfIdentifier", "", "card ref INV4242424242424242", {}, {}, {}, 0, ""},
    {"PhoneNumber", "", "Call 03-1234-5678 about your card.", {}, {}, {}, 0, ""},
    {"MyNumberWithoutKeyword", "", "Ticket 123456789018", {}, {}, {}, 0, ""},
    {"MyNumberBadCheckDigit", "", "マイナンバー 123456789012", {}, {}, {}, 0, ""},
    {"MyNumberAllZeros", "", "マイナンバー 000000000000", {}, {}, {}, 0, ""},
    {"MyNumberKeywordTooFar",
     "",
     "マイナンバーカードの申請について、書類の準備をお願いいたします。なお受付番号は別途お知らせし"
     "ます。番号 123456789018",
     {},
     {},
     {},
     0,
     ""},
    {"CorporateNumberWithoutKeyword", "", "Invoice 7000012050002", {}, {}, {}, 0, ""},
    {"CorporateNumberBadCheckDigit", "", "法人番号 1000012050002", {}, {}, {}, 0, ""},
    {"DecimalNumber", "", "card total 4242424242424242.50", {}, {}, {}, 0, ""},
    {"MixedSeparators", "", "4242 4242-4242 4242", {}, {}, {}, 0, ""},
    {"TooManyDigits", "", "card 42424242424242424242424", {}, {}, {}, 0, ""},
};

INSTANTIATE_TEST_SUITE_P(Engine, SensitiveData, ::testing::ValuesIn(sensitiveDataCases), rowName);

// --- salutation-mismatch --------------------------------------------------------------------

class SalutationMismatch : public ::testing::TestWithParam<ContentCase>
{
};

TEST_P(SalutationMismatch, FiresWhenTheGreetingNamesSomeoneElse)
{
    expectRow(GetParam(), "salutation-mismatch", Policy{});
}

const List tanaka{"田中 太郎 <t.tanaka@client.example>"};
const List smith{"John Smith <jsmith@client.example>"};
const List tanakaAddressOnly{"t.tanaka@client.example"};

const ContentCase salutationCases[] = {
    // Fires.
    {"JapaneseOtherFamilyName",
     "",
     "佐藤様\n\nお世話になっております。",
     {},
     {},
     tanaka,
     1,
     "\u201c佐藤様\u201d"},
    {"JapaneseOtherPersonWithCompanyLines",
     "",
     "株式会社ABC\n営業部\n佐藤 花子 様\n\n本文",
     {},
     {},
     tanaka,
     1,
     "田中 太郎 <t.tanaka@client.example>"},
    {"JapaneseSanOther", "", "鈴木さん、\n資料の件です。", {}, {}, tanaka, 1, "鈴木さん"},
    {"JapaneseSenseiOther",
     "",
     "山田先生\n\nご無沙汰しております。",
     {},
     {},
     tanaka,
     1,
     "山田先生"},
    {"EnglishOtherName", "", "Dear Mr Jones,\n\nThanks.", {}, {}, smith, 1, "Dear Mr Jones"},
    {"EnglishHiOtherFirstName", "", "Hi Mary,\n\nThanks.", {}, {}, smith, 1, "Hi Mary"},
    {"EnglishAgainstLocalPartOnly",
     "",
     "Hello Mary,\n",
     {},
     {},
     tanakaAddressOnly,
     1,
     "t.tanaka@client.example"},
    {"EnglishFullNameWithAnotherFamilyName",
     "",
     "Dear John Brown,\n",
     {},
     {},
     smith,
     1,
     "Dear John Brown"},
    {"EnglishFullNameWithAnotherFirstName", "", "Hi Mary Smith,\n", {}, {}, smith, 1, "Mary Smith"},
    {"NoRecipientMatchesAmongSeveral",
     "",
     "Dear Mary,",
     {},
     {},
     List{"John Smith <jsmith@client.example>", "Bob Brown <bob@client.example>"},
     1,
     "Bob Brown"},
    // Silent.
    {"JapaneseFamilyNameMatches", "", "田中様\n\nお世話になっております。", {}, {}, tanaka, 0, ""},
    {"JapaneseFullNameMatches", "", "田中太郎様\n", {}, {}, tanaka, 0, ""},
    {"JapaneseCompanyPrefixSameLine", "", "株式会社ABC 田中様、\n", {}, {}, tanaka, 0, ""},
    {"JapaneseCompanyLinesBefore", "", "株式会社ABC\n営業部\n田中様\n", {}, {}, tanaka, 0, ""},
    {"JapaneseGroupMinasama", "", "皆様\n\nお疲れ様です。", {}, {}, tanaka, 0, ""},
    {"JapaneseGroupKakui", "", "関係者各位\n", {}, {}, tanaka, 0, ""},
    {"JapaneseGroupGotantoushaSama", "", "ご担当者様\n", {}, {}, tanaka, 0, ""},
    {"JapaneseCompanyOnly", "", "株式会社XYZ様\n", {}, {}, tanaka, 0, ""},
    {"KanjiGreetingButOnlyAnAddress", "", "佐藤様\n", {}, {}, tanakaAddressOnly, 0, ""},
    {"KanjiGreetingButLatinDisplayName",
     "",
     "佐藤様\n",
     {},
     {},
     List{"Taro Tanaka <t.tanaka@client.example>"},
     0,
     ""},
    {"KanaGreetingKanjiDisplayName", "", "たなか様\n", {}, {}, tanaka, 0, ""},
    {"SanInsideSentence", "", "佐藤さんからご紹介いただきました。\n", {}, {}, tanaka, 0, ""},
    {"EnglishFamilyNameWithTitle", "", "Dear Mr Smith,\n", {}, {}, smith, 0, ""},
    {"EnglishFirstNameCaseInsensitive", "", "hi JOHN,\n", {}, {}, smith, 0, ""},
    {"EnglishShortForm", "", "Hi Johnny,\n", {}, {}, smith, 0, ""},
    {"EnglishAgainstLocalPart", "", "Dear Tanaka-san,\n", {}, {}, tanakaAddressOnly, 0, ""},
    {"EnglishLatinGreetingKanjiDisplay", "", "Dear Mr Tanaka,\n", {}, {}, tanaka, 0, ""},
    {"EnglishFullNameMatches", "", "Dear John Smith,\n", {}, {}, smith, 0, ""},
    {"EnglishFullNameFamilyNameFirst", "", "Dear Smith John,\n", {}, {}, smith, 0, ""},
    {"EnglishFullNameAgainstAnInitial",
     "",
     "Dear John Smith,\n",
     {},
     {},
     List{"J. Smith <jsmith@client.example>"},
     0,
     ""},
    {"EnglishFullNameAgainstAOneWordDisplayName",
     "",
     "Dear John Brown,\n",
     {},
     {},
     List{"John <jb@client.example>"},
     0,
     ""},
    {"EnglishTwoPeopleJoinedByAndAreNoFullName",
     "",
     "Hi John and Mary,\n",
     {},
     {},
     List{"John Smith <jsmith@client.example>", "Mary Jones <mary@client.example>"},
     0,
     ""},
    {"DearAll", "", "Dear all,\n", {}, {}, smith, 0, ""},
    {"HiTeam", "", "Hi Team,\n", {}, {}, smith, 0, ""},
    {"HelloThere", "", "Hello there!\n", {}, {}, smith, 0, ""},
    {"DearSirOrMadam", "", "Dear Sir or Madam,\n", {}, {}, smith, 0, ""},
    {"NoGreeting", "", "Please see below.\nDear Mary,\n", {}, {}, smith, 0, ""},
    {"GreetingOnlyInQuote", "", "> Dear Mary,\n", {}, {}, smith, 0, ""},
    {"OneOfSeveralRecipientsMatches",
     "",
     "Dear John,",
     {},
     {},
     List{"Mary Jones <mary@client.example>", "John Smith <jsmith@client.example>"},
     0,
     ""},
};

INSTANTIATE_TEST_SUITE_P(Engine, SalutationMismatch, ::testing::ValuesIn(salutationCases), rowName);

TEST(SalutationMismatch, ComparesToRecipientsOnly)
{
    Draft draft;
    draft.from = "Taro Yamada <taro@corp.example>";
    draft.to = {"John Smith <jsmith@client.example>"};
    draft.cc = {"Mary Jones <mary@client.example>"};
    draft.body = "Dear Mary,\n";

    EXPECT_EQ(findingsOf(reviewDraft(draft, Policy{}), "salutation-mismatch").size(), 1u);
}

// --- Inputs built to be costly -------------------------------------------------------------
// These check what the rules find in them; what they cost is measured by bench_review
// (Hostile* benchmarks), which prints figures instead of failing on a busy machine's timing.

// Bodies built to make a careless matcher backtrack or rescan.
TEST(ContentRules, FindNothingInAHostileMegabyteBody)
{
    std::string body = "Dear Mary,\n";
    while (body.size() < 1'000'000)
        body += "4 4 4 4 4 4 4 4 1234-5678- aaaa attachmen マイナンバ ﾃｽﾄ 添\n> attached\n";
    Draft draft;
    draft.from = "Taro Yamada <taro@corp.example>";
    draft.to = {alice};
    draft.body = body;
    Policy policy;
    policy.attentionTerms = {"aaaaa", "ﾏｲﾅﾝﾊﾞｰｶｰﾄﾞ"};

    const Review review = reviewDraft(draft, policy);

    EXPECT_TRUE(findingsOf(review, "attention-term").empty());
    EXPECT_TRUE(findingsOf(review, "sensitive-data").empty());
}

// An admin's list of many attention terms (every customer's name, say): de-duplicating 50,000
// terms pairwise once took most of a minute.
TEST(ContentRules, FindOneOfFiftyThousandPolicyTerms)
{
    Policy policy;
    policy.attachmentReminderTerms.emplace();
    for (int i = 0; i < 50'000; ++i) {
        policy.attentionTerms.push_back("customer " + std::to_string(i));
        policy.attachmentReminderTerms->push_back("file " + std::to_string(i));
    }
    Draft draft;
    draft.from = "Taro Yamada <taro@corp.example>";
    draft.to = {alice};
    draft.body = "About customer 4711: the file 7 is ready.\n";

    const Review review = reviewDraft(draft, policy);

    EXPECT_EQ(findingsOf(review, "attention-term").size(), 1u);
    EXPECT_EQ(findingsOf(review, "forgotten-attachment").size(), 1u);
}

// Terms nested in each other ("-", "--", "---", ...) all end at every byte of a long run: a
// matcher that lists every term ending at every position does terms x bytes of work.
TEST(ContentRules, FindEveryNestedTermOnALongRun)
{
    Policy policy;
    policy.attachmentReminderTerms.emplace();
    for (std::size_t length = 1; length <= 300; ++length) {
        for (const char c : {'a', '-', '1'}) {
            policy.attentionTerms.push_back(std::string(length, c));
            policy.attachmentReminderTerms->push_back(std::string(length, c));
        }
    }
    Draft draft;
    draft.from = "Taro Yamada <taro@corp.example>";
    draft.to = {alice};
    draft.body = std::string(300'000, 'a') + "\n" + std::string(300'000, '1') + "\n";
    for (int i = 0; i < 1'000; ++i)
        draft.body += "> " + std::string(300, '-') + "\n";
    draft.body += "-\n";

    const Review review = reviewDraft(draft, policy);

    // No term is a whole run of letters or digits; every run of dashes is a word.
    EXPECT_EQ(findingsOf(review, "attention-term").size(), 300u);
    EXPECT_EQ(findingsOf(review, "forgotten-attachment").size(), 1u);
}

} // namespace
} // namespace sendguard
