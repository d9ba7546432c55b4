<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>RuleMessage</name>
    <message>
        <source>%1 and %2</source>
        <comment>the last two items of a list</comment>
        <translation>%1、%2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>items of a list</comment>
        <translation>%1、%2</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <comment>a list that names some items and counts the rest</comment>
        <translation>
            <numerusform>%1 ほか%n件</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>two sentences one after the other</comment>
        <translation>%1%2</translation>
    </message>
    <message>
        <source>Latin</source>
        <comment>a writing system</comment>
        <translation>ラテン文字</translation>
    </message>
    <message>
        <source>Cyrillic</source>
        <comment>a writing system</comment>
        <translation>キリル文字</translation>
    </message>
    <message>
        <source>Greek</source>
        <comment>a writing system</comment>
        <translation>ギリシャ文字</translation>
    </message>
    <message>
        <source>Armenian</source>
        <comment>a writing system</comment>
        <translation>アルメニア文字</translation>
    </message>
    <message>
        <source>Georgian</source>
        <comment>a writing system</comment>
        <translation>ジョージア文字</translation>
    </message>
    <message>
        <source>Cherokee</source>
        <comment>a writing system</comment>
        <translation>チェロキー文字</translation>
    </message>
    <message>
        <source>Han</source>
        <comment>a writing system</comment>
        <translation>漢字</translation>
    </message>
    <message>
        <source>Hiragana</source>
        <comment>a writing system</comment>
        <translation>ひらがな</translation>
    </message>
    <message>
        <source>Katakana</source>
        <comment>a writing system</comment>
        <translation>カタカナ</translation>
    </message>
    <message>
        <source>Hangul</source>
        <comment>a writing system</comment>
        <translation>ハングル</translation>
    </message>
    <message>
        <source>Arabic</source>
        <comment>a writing system</comment>
        <translation>アラビア文字</translation>
    </message>
    <message>
        <source>Hebrew</source>
        <comment>a writing system</comment>
        <translation>ヘブライ文字</translation>
    </message>
    <message>
        <source>Its name mixes %1 letters, a common disguise.</source>
        <translation>ドメイン名に%1が混在しています。なりすましによく使われる手口です。</translation>
    </message>
    <message>
        <source>the subject</source>
        <comment>where a term was found</comment>
        <translation>件名</translation>
    </message>
    <message>
        <source>the body</source>
        <comment>where a term was found</comment>
        <translation>本文</translation>
    </message>
    <message>
        <source>the attachment name “%1”</source>
        <comment>where a term was found</comment>
        <translation>添付ファイル名「%1」</translation>
    </message>
    <message>
        <source>subject</source>
        <comment>the place that holds a number: The subject holds …</comment>
        <translation>件名</translation>
    </message>
    <message>
        <source>body</source>
        <comment>the place that holds a number: The body holds …</comment>
        <translation>本文</translation>
    </message>
    <message>
        <source>%1 ending %2</source>
        <comment>a card brand and its number&apos;s last 4 digits</comment>
        <translation>%1 末尾%2</translation>
    </message>
    <message>
        <source>ending %1</source>
        <comment>a number&apos;s last 4 digits</comment>
        <translation>末尾%1</translation>
    </message>
    <message>
        <source>%1 is outside your organisation.</source>
        <translation>%1 は社外のドメインです。</translation>
    </message>
    <message>
        <source>The file “%1” is attached. Check that it is the right one.</source>
        <translation>ファイル「%1」が添付されています。正しいファイルか確認してください。</translation>
    </message>
    <message>
        <source>Your organisation does not allow mail to %1. Remove this recipient to send the mail.</source>
        <translation>%1 へのメール送信は組織のポリシーで禁止されています。送信するには、この宛先を削除してください。</translation>
    </message>
    <message>
        <source>“%1” in %2 has no @domain, so it is not an email address. Correct it or remove it.</source>
        <comment>%2 is To, Cc or Bcc</comment>
        <translation>%2 の「%1」には @ 以降のドメインがないため、メールアドレスとして扱えません。修正するか削除してください。</translation>
    </message>
    <message>
        <source>“%1” in %2 has no @domain; it may be an address-book list that was not expanded. Correct it or remove it.</source>
        <comment>%2 is To, Cc or Bcc</comment>
        <translation>%2 の「%1」には @ 以降のドメインがありません。展開されなかったアドレス帳のリストの可能性があります。修正するか削除してください。</translation>
    </message>
    <message>
        <source>“%1” in %2 does not have a valid domain name. Correct it or remove it.</source>
        <comment>%2 is To, Cc or Bcc</comment>
        <translation>%2 の「%1」のドメイン名が正しくありません。修正するか削除してください。</translation>
    </message>
    <message>
        <source>“%1” in %2 is not written as a valid email address. Correct it or remove it.</source>
        <comment>%2 is To, Cc or Bcc</comment>
        <translation>%2 の「%1」はメールアドレスとして正しい形式ではありません。修正するか削除してください。</translation>
    </message>
    <message>
        <source>%1 is on your organisation&apos;s attention list. Make sure this recipient should get this mail.</source>
        <translation>%1 は組織の要注意リストに含まれています。この宛先に送ってよいか確認してください。</translation>
    </message>
    <message>
        <source>“%1” is a %2 file going outside your organisation. Your organisation asks you to check these files twice.</source>
        <comment>%2 is a file ending such as .xlsx</comment>
        <translation>「%1」は社外に送られる %2 ファイルです。この種類のファイルは送信前に再確認するよう組織で定められています。</translation>
    </message>
    <message>
        <source>%1 looks like %2, your organisation&apos;s own domain, but is a different domain. Check the spelling before sending.</source>
        <translation>%1 は自社のドメイン %2 に似ていますが、別のドメインです。送信前に綴りを確認してください。</translation>
    </message>
    <message>
        <source>%1 looks like %2, a trusted domain, but is a different domain. Check the spelling before sending.</source>
        <translation>%1 は信頼済みのドメイン %2 に似ていますが、別のドメインです。送信前に綴りを確認してください。</translation>
    </message>
    <message numerus="yes">
        <source>%1 looks like %2, a domain you have written to %n time(s), but is a different domain. Check the spelling before sending.</source>
        <translation>
            <numerusform>%1 は %2（これまで%n回送信した宛先ドメイン）に似ていますが、別のドメインです。送信前に綴りを確認してください。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 looks like %2, a domain you have written to before, but is a different domain. Check the spelling before sending.</source>
        <translation>%1 は %2（以前に送信したことのある宛先ドメイン）に似ていますが、別のドメインです。送信前に綴りを確認してください。</translation>
    </message>
    <message>
        <source>%1 looks like %2, a well-known mail provider, but is a different domain. Check the spelling before sending.</source>
        <translation>%1 は大手メールサービスの %2 に似ていますが、別のドメインです。送信前に綴りを確認してください。</translation>
    </message>
    <message>
        <source>%1 mixes %2 letters in one name, a common way to imitate another domain. Check that it is the domain you mean.</source>
        <comment>%2 names writing systems: Latin and Cyrillic</comment>
        <translation>%1 はドメイン名の中に%2が混在しています。他のドメインを装う典型的な手口です。意図したドメインか確認してください。</translation>
    </message>
    <message numerus="yes">
        <source>People at %n outside organisation(s) (%1) will see each other&apos;s addresses in To and Cc. If they should not, move them to Bcc.</source>
        <translation>
            <numerusform>社外の%n組織（%1）の宛先が To と Cc に入っているため、互いのメールアドレスが見えてしまいます。見せるべきでない場合は Bcc に移してください。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This mail goes to %n recipient(s). A mail to this many people cannot be taken back.</source>
        <translation>
            <numerusform>このメールは%n件の宛先に送られます。これほど多くの相手に送ったメールは取り消せません。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 was not part of the conversation you are replying to. Check that it should read this mail.</source>
        <translation>%1 は返信元のやり取りに含まれていなかったドメインです。このメールを読ませてよい相手か確認してください。</translation>
    </message>
    <message>
        <source>%1 was not part of the conversation you are forwarding. Check that it should read this mail.</source>
        <translation>%1 は転送するやり取りに含まれていなかったドメインです。このメールを読ませてよい相手か確認してください。</translation>
    </message>
    <message>
        <source>The list “%1” could not be expanded, so SendGuard cannot check who is on it. Make sure everyone on it should get this mail.</source>
        <translation>リスト「%1」を展開できなかったため、SendGuard はメンバーを確認できません。リストの全員に送ってよいか確認してください。</translation>
    </message>
    <message>
        <source>“%1” appears in %2. Your organisation asks for a second look at mail that mentions it.</source>
        <comment>%2 lists places: the subject, the body and the attachment name “q.pdf”</comment>
        <translation>%2に「%1」が含まれています。この語を含むメールは送信前に再確認するよう組織で定められています。</translation>
    </message>
    <message>
        <source>The text says something is attached (“%1”), but the mail has no attachment. Did you forget to attach the file?</source>
        <translation>本文に添付を示す言葉（「%1」）がありますが、ファイルが添付されていません。添付し忘れていませんか？</translation>
    </message>
    <message numerus="yes">
        <source>The %1 holds %n payment card number(s) (%2). Card numbers must never travel by mail.</source>
        <comment>%1 is subject or body; %2 the numbers&apos; last digits</comment>
        <translation>
            <numerusform>%1にカード番号が%n件含まれています（%2）。カード番号は決してメールで送らないでください。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %1 holds %n My Number(s) (%2). The law allows sending a My Number only to those who may handle it.</source>
        <comment>%1 is subject or body; %2 the numbers&apos; last digits</comment>
        <translation>
            <numerusform>%1にマイナンバー（個人番号）が%n件含まれています（%2）。マイナンバーは、法律で取り扱いを認められた相手にしか送れません。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %1 holds %n corporate number(s) (%2). Check that the right company&apos;s number goes to the right people.</source>
        <comment>%1 is subject or body; %2 the numbers&apos; last digits</comment>
        <translation>
            <numerusform>%1に法人番号が%n件含まれています（%2）。正しい会社の番号を正しい相手に送るか確認してください。</numerusform>
        </translation>
    </message>
    <message>
        <source>The greeting “%1” names someone who is not among the To recipients (%2). Is this mail going to the right person?</source>
        <translation>宛名の「%1」は To の宛先（%2）のどなたとも一致しません。送り先が正しいか確認してください。</translation>
    </message>
    <message>
        <source>You have not written to %1 before. Check that it is the right address.</source>
        <translation>%1 にはこれまで送信したことがありません。正しいアドレスか確認してください。</translation>
    </message>
    <message>
        <source>This is your first mail to %1. Check that it is the organisation you mean.</source>
        <translation>%1 へのメール送信は今回が初めてです。意図した組織か確認してください。</translation>
    </message>
    <message>
        <source>The other recipients (%1) often get mail together, but never with %2. Check that this recipient belongs on this mail.</source>
        <translation>他の宛先（%1）はよく一緒にメールを受け取っていますが、%2 が一緒だったことはありません。この宛先を含めてよいか確認してください。</translation>
    </message>
    <message>
        <source>You have written to “%1” at %2, never at %3. Check that this is the right person.</source>
        <comment>%1 is a person&apos;s name, %2 and %3 addresses</comment>
        <translation>「%1」にはこれまで %2 宛てに送信しており、%3 宛てに送ったことはありません。正しい相手か確認してください。</translation>
    </message>
    <message>
        <source>The other recipients are at %1, where you have written to another “%2” (%3). Check that this is the right person.</source>
        <comment>%1 is a domain, %2 a person&apos;s name, %3 an address</comment>
        <translation>他の宛先は %1 の方で、%1 には同じ名前の「%2」（%3）への送信履歴があります。正しい相手か確認してください。</translation>
    </message>
</context>
</TS>
