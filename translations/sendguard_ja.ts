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
            <numerusform>社外の%n組織（%1）の相手が宛先と Cc に入っているため、互いのメールアドレスが見えてしまいます。見せるべきでない場合は Bcc に移してください。</numerusform>
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
        <translation>宛名の「%1」は宛先欄の相手（%2）のどなたとも一致しません。送り先が正しいか確認してください。</translation>
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
    <message numerus="yes">
        <source>%n mail(s)</source>
        <comment>how many mails went to an address: 12 mails</comment>
        <translation>
            <numerusform>%n通</numerusform>
        </translation>
    </message>
    <message>
        <source>You usually write to “%1” at %2 (%3), not at %4 (%5). Check that this is the right person.</source>
        <comment>%1 is a person&apos;s name, %2 and %4 addresses, %3 and %5 how many mails went to each: 12 mails</comment>
        <translation>「%1」には普段 %2 宛てに送信しており（%3）、%4 宛て（%5）ではありません。正しい相手か確認してください。</translation>
    </message>
    <message>
        <source>No mail has gone to %1 yet, but you write to %2, one typing slip away. Check that the address is not a typo.</source>
        <comment>%1 and %2 are addresses at the same domain</comment>
        <translation>%1 にはまだ送信したことがありませんが、よく似たアドレス %2 には送信したことがあります。入力ミスでないか確認してください。</translation>
    </message>
    <message>
        <source>Cc</source>
        <comment>a recipient field</comment>
        <translation>Cc</translation>
    </message>
    <message>
        <source>Bcc</source>
        <comment>a recipient field</comment>
        <translation>Bcc</translation>
    </message>
    <message>
        <source>To</source>
        <comment>a recipient field</comment>
        <translation>宛先</translation>
    </message>
    <message>
        <source>Your organisation&apos;s policy adds %1 as Bcc, but it also does not allow mail to %2. Ask your administrator to correct the policy.</source>
        <translation>組織のポリシーは %1 を Bcc に追加しますが、%2 宛てのメールは同じポリシーで禁止されています。ポリシーの修正を管理者に依頼してください。</translation>
    </message>
    <message>
        <source>Part of your organisation&apos;s list of blocked domains could not be read, so mail to a domain meant to be blocked may not be stopped. Check this mail&apos;s recipients, and tell your administrator.</source>
        <translation>組織の送信禁止ドメインの一覧の一部を読み取れなかったため、禁止されるべきドメイン宛てのメールを止められない可能性があります。このメールの宛先を確認し、管理者に連絡してください。</translation>
    </message>
    <message>
        <source>The greeting is for %1, but %2 has never had mail with them. Check that this recipient belongs on this mail.</source>
        <comment>%1 lists the addresses the greeting names, %2 is an address</comment>
        <translation>挨拶は %1 宛てですが、%2 はその相手と一緒にメールを受け取ったことがありません。この宛先を含めてよいか確認してください。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>a sentence about a recipient entry, then what exactly is wrong with it</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>the end of the entry</source>
        <comment>where the address parser stopped</comment>
        <translation>入力の終わり</translation>
    </message>
    <message>
        <source>the control character %1</source>
        <comment>%1 is a code point: U+0007</comment>
        <translation>制御文字 %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos;</source>
        <comment>a character the address parser found</comment>
        <translation>「%1」</translation>
    </message>
    <message>
        <source>the entry is not valid UTF-8</source>
        <translation>UTF-8 として正しくない文字列です</translation>
    </message>
    <message>
        <source>the entry holds no address</source>
        <translation>アドレスが1つも書かれていません</translation>
    </message>
    <message>
        <source>comments are nested too deeply</source>
        <translation>コメントの入れ子が深すぎます</translation>
    </message>
    <message>
        <source>a comment holds %1</source>
        <translation>コメントの中に%1があります</translation>
    </message>
    <message>
        <source>a comment &apos;(&apos; is not closed with &apos;)&apos;</source>
        <translation>コメントの「(」が「)」で閉じられていません</translation>
    </message>
    <message>
        <source>a &apos;\&apos; in a quoted string escapes nothing</source>
        <translation>引用符の中の「\」の後に、エスケープできる文字がありません</translation>
    </message>
    <message>
        <source>a quoted string holds %1</source>
        <translation>引用符で囲まれた部分に%1があります</translation>
    </message>
    <message>
        <source>a quoted string is not closed with &apos;&quot;&apos;</source>
        <translation>引用符「&quot;」が閉じられていません</translation>
    </message>
    <message>
        <source>expected an address but found the end of the entry</source>
        <translation>アドレスがあるべきところで入力が終わっています</translation>
    </message>
    <message>
        <source>expected an address but found %1</source>
        <translation>アドレスがあるべきところに%1があります</translation>
    </message>
    <message>
        <source>expected text after &apos;.&apos; in the address but found the end of the entry</source>
        <translation>アドレスの「.」の後に文字がないまま入力が終わっています</translation>
    </message>
    <message>
        <source>expected text after &apos;.&apos; in the address but found %1</source>
        <translation>アドレスの「.」の後に文字がなく、%1があります</translation>
    </message>
    <message>
        <source>a domain literal holds %1</source>
        <translation>ドメインリテラル（[...]）の中に%1があります</translation>
    </message>
    <message>
        <source>a domain literal &apos;[&apos; is not closed with &apos;]&apos;</source>
        <translation>ドメインリテラルの「[」が「]」で閉じられていません</translation>
    </message>
    <message>
        <source>there is no domain after &apos;@&apos;</source>
        <translation>「@」の後にドメインがありません</translation>
    </message>
    <message>
        <source>the domain has two dots in a row</source>
        <translation>ドメインに「.」が2つ続いています</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no @domain; it may be a mailing list that was not expanded</source>
        <translation>「%1」には @ 以降のドメインがありません。展開されていないメーリングリストかもしれません</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an email address: it has no @domain</source>
        <translation>「%1」には @ 以降のドメインがないため、メールアドレスではありません</translation>
    </message>
    <message>
        <source>the address between &apos;&lt;&apos; and &apos;&gt;&apos; is empty</source>
        <translation>「&lt;」と「&gt;」の間のアドレスが空です</translation>
    </message>
    <message>
        <source>source routes (&quot;&lt;@host:...&gt;&quot;) are not accepted</source>
        <translation>ソースルート（「&lt;@host:...&gt;」の形）は使えません</translation>
    </message>
    <message>
        <source>expected &apos;&gt;&apos; after &quot;%1&quot; but found the end of the entry</source>
        <translation>「%1」の後に「&gt;」が必要ですが、その前に入力が終わっています</translation>
    </message>
    <message>
        <source>expected &apos;&gt;&apos; after &quot;%1&quot; but found %2</source>
        <translation>「%1」の後に「&gt;」が必要ですが、%2があります</translation>
    </message>
    <message>
        <source>a display name holding &apos;@&apos; or other special characters needs quotes</source>
        <translation>「@」などの特殊な文字を含む表示名は、引用符「&quot;」で囲む必要があります</translation>
    </message>
    <message>
        <source>unexpected %1; separate addresses with &apos;,&apos;</source>
        <translation>予期しない%1があります。複数のアドレスは「,」で区切ってください</translation>
    </message>
    <message>
        <source>unexpected %1 after &quot;%2&quot;; separate addresses with &apos;,&apos;</source>
        <translation>「%2」の後に予期しない%1があります。複数のアドレスは「,」で区切ってください</translation>
    </message>
    <message>
        <source>the group &quot;%1&quot; is not closed with &apos;;&apos;</source>
        <translation>グループ「%1」が「;」で閉じられていません</translation>
    </message>
    <message>
        <source>the group &quot;%1&quot; is inside another group</source>
        <translation>グループ「%1」が別のグループの中にあります</translation>
    </message>
    <message>
        <source>the domain is empty</source>
        <translation>ドメインが空です</translation>
    </message>
    <message>
        <source>address literals such as %1 are not accepted; use the domain name</source>
        <translation>%1 のようなアドレスリテラルは使えません。ドメイン名を使ってください</translation>
    </message>
    <message>
        <source>ICU could not open UTS #46: %1</source>
        <translation>ICU の UTS #46 処理を開始できませんでした: %1</translation>
    </message>
    <message>
        <source>ICU kept asking for a larger buffer</source>
        <translation>ICU がより大きなバッファーを要求し続けました</translation>
    </message>
    <message>
        <source>it is far too long</source>
        <translation>長すぎます</translation>
    </message>
    <message>
        <source>it has an empty label (two dots in a row?)</source>
        <translation>空のラベルがあります（「.」が2つ続いていませんか？）</translation>
    </message>
    <message>
        <source>a label is longer than 63 bytes</source>
        <translation>63 バイトを超えるラベルがあります</translation>
    </message>
    <message>
        <source>it is longer than 253 bytes</source>
        <translation>253 バイトを超えています</translation>
    </message>
    <message>
        <source>a label starts with &apos;-&apos;</source>
        <translation>「-」で始まるラベルがあります</translation>
    </message>
    <message>
        <source>a label ends with &apos;-&apos;</source>
        <translation>「-」で終わるラベルがあります</translation>
    </message>
    <message>
        <source>a label has &quot;--&quot; in its third and fourth characters</source>
        <translation>3文字目と4文字目が「--」のラベルがあります</translation>
    </message>
    <message>
        <source>a label starts with a combining mark</source>
        <translation>結合文字で始まるラベルがあります</translation>
    </message>
    <message>
        <source>it contains a character that is not allowed in domain names</source>
        <translation>ドメイン名に使えない文字が含まれています</translation>
    </message>
    <message>
        <source>a label is not valid punycode</source>
        <translation>Punycode として正しくないラベルがあります</translation>
    </message>
    <message>
        <source>a label contains a dot</source>
        <translation>「.」を含むラベルがあります</translation>
    </message>
    <message>
        <source>an &quot;xn--&quot; label does not decode to a valid name</source>
        <translation>「xn--」で始まるラベルを正しい名前に復元できません</translation>
    </message>
    <message>
        <source>it mixes right-to-left and left-to-right text in a way IDNA forbids</source>
        <translation>右から左に書く文字と左から右に書く文字が、IDNA で禁じられた形で混在しています</translation>
    </message>
    <message>
        <source>it has a zero-width joiner where IDNA forbids it</source>
        <translation>IDNA で禁じられた位置にゼロ幅接合子があります</translation>
    </message>
    <message>
        <source>it has punctuation where IDNA forbids it</source>
        <translation>IDNA で禁じられた位置に記号があります</translation>
    </message>
    <message>
        <source>it mixes Arabic-Indic digit sets</source>
        <translation>種類の異なるアラビア・インド数字が混在しています</translation>
    </message>
    <message>
        <source>IDNA processing failed</source>
        <translation>IDNA の処理に失敗しました</translation>
    </message>
    <message>
        <source>ICU rejected the domain: %1</source>
        <translation>ICU がドメインを受け付けませんでした: %1</translation>
    </message>
    <message>
        <source>the domain &quot;%1&quot; is not valid: %2</source>
        <translation>ドメイン「%1」は無効です: %2</translation>
    </message>
    <message>
        <source>%1 is not %2, your organisation&apos;s own domain, but has its name written into it. Check that it is the domain you mean.</source>
        <translation>%1 は自社のドメイン %2 ではありませんが、その名前を含んでいます。意図したドメインか確認してください。</translation>
    </message>
    <message>
        <source>%1 is not %2, a trusted domain, but has its name written into it. Check that it is the domain you mean.</source>
        <translation>%1 は信頼済みのドメイン %2 ではありませんが、その名前を含んでいます。意図したドメインか確認してください。</translation>
    </message>
    <message numerus="yes">
        <source>%1 is not %2, a domain you have written to %n time(s), but has its name written into it. Check that it is the domain you mean.</source>
        <translation>
            <numerusform>%1 は %2（これまで%n回送信した宛先ドメイン）ではありませんが、その名前を含んでいます。意図したドメインか確認してください。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is not %2, a domain you have written to before, but has its name written into it. Check that it is the domain you mean.</source>
        <translation>%1 は %2（以前に送信したことのある宛先ドメイン）ではありませんが、その名前を含んでいます。意図したドメインか確認してください。</translation>
    </message>
    <message>
        <source>%1 is not %2, a well-known mail provider, but has its name written into it. Check that it is the domain you mean.</source>
        <translation>%1 は大手メールサービスの %2 ではありませんが、その名前を含んでいます。意図したドメインか確認してください。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Recipients outside the organisation need a tick</source>
        <translation>社外の宛先にはチェックが必要</translation>
    </message>
    <message>
        <source>Attachments to outside recipients need a tick</source>
        <translation>社外宛ての添付ファイルにはチェックが必要</translation>
    </message>
    <message>
        <source>Domains that look like a known one</source>
        <translation>既知のドメインに似たドメイン</translation>
    </message>
    <message>
        <source>Domains that need attention</source>
        <translation>注意が必要なドメイン</translation>
    </message>
    <message>
        <source>Attachment types that need attention</source>
        <translation>注意が必要な種類の添付ファイル</translation>
    </message>
    <message>
        <source>Many outside companies in To and Cc</source>
        <translation>宛先と Cc に複数の社外組織</translation>
    </message>
    <message>
        <source>Mail to many recipients</source>
        <translation>多数の宛先へのメール</translation>
    </message>
    <message>
        <source>A reply that adds a new domain</source>
        <translation>新しいドメインを加えた返信</translation>
    </message>
    <message>
        <source>Mailing lists that could not be expanded</source>
        <translation>展開できなかったメーリングリスト</translation>
    </message>
    <message>
        <source>Attention terms in the mail</source>
        <translation>メール内の注意語句</translation>
    </message>
    <message>
        <source>A mentioned attachment is missing</source>
        <translation>本文で触れた添付ファイルの添付漏れ</translation>
    </message>
    <message>
        <source>Card numbers and other sensitive data</source>
        <translation>カード番号などの機密情報</translation>
    </message>
    <message>
        <source>The greeting names someone else</source>
        <translation>宛名が別の人になっている</translation>
    </message>
    <message>
        <source>Recipients you have not written to before</source>
        <translation>初めて送信する宛先</translation>
    </message>
    <message>
        <source>Domains you have not written to before</source>
        <translation>初めて送信するドメイン</translation>
    </message>
    <message>
        <source>Recipients who do not usually get mail together</source>
        <translation>普段は一緒に送らない宛先の組み合わせ</translation>
    </message>
    <message>
        <source>A name that does not fit its address</source>
        <translation>表示名とアドレスが合わない宛先</translation>
    </message>
    <message>
        <source>New addresses one typing slip from a known one</source>
        <translation>既知のアドレスによく似た新しいアドレス</translation>
    </message>
</context>
<context>
    <name>sendguard::Cli</name>
    <message>
        <source>warning: %1</source>
        <translation>警告: %1</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>cannot read %1</source>
        <translation>%1 を読み込めません</translation>
    </message>
    <message>
        <source>%1 needs a FILE</source>
        <translation>%1 にはファイルを指定してください</translation>
    </message>
    <message>
        <source>unknown argument %1</source>
        <translation>不明な引数です: %1</translation>
    </message>
    <message>
        <source>%1: not a review request</source>
        <translation>%1: 確認リクエストではありません</translation>
    </message>
    <message>
        <source>%1: not JSON (syntax error at byte %2)</source>
        <translation>%1: JSON ではありません (%2 バイト目で構文エラー)</translation>
    </message>
    <message>
        <source>%1: not JSON</source>
        <translation>%1: JSON ではありません</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>no</source>
        <translation>いいえ</translation>
    </message>
    <message numerus="yes">
        <source>%n findings</source>
        <translation>
            <numerusform>検出 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>blocked: %1</source>
        <translation>送信不可: %1</translation>
    </message>
    <message>
        <source>needs confirmation: %1</source>
        <translation>確認が必要: %1</translation>
    </message>
    <message>
        <source>decision: %1</source>
        <translation>判断: %1</translation>
    </message>
    <message>
        <source>send</source>
        <translation>送信</translation>
    </message>
    <message>
        <source>cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>edits (the recipients it goes out with):</source>
        <translation>変更 (送信時の宛先):</translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> ほか %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>--dialog: no display to show the confirmation dialog</source>
        <translation>--dialog: 確認ダイアログを表示できるディスプレイがありません</translation>
    </message>
    <message>
        <source>%1 (policy)</source>
        <translation>%1 (ポリシー)</translation>
    </message>
    <message>
        <source>%1 needs a value</source>
        <translation>%1 には値を指定してください</translation>
    </message>
    <message>
        <source>--learn: no --history DB given and no user data folder known</source>
        <translation>--learn: --history DB が指定されておらず、ユーザーデータのフォルダーもわかりません</translation>
    </message>
    <message numerus="yes">
        <source>learned %1 of %n messages (%2 known before, %3 unreadable recipient entries)</source>
        <extracomment>%n: the messages given; %1: newly learned; %2: learned before; %3: unreadable entries</extracomment>
        <translation>
            <numerusform>%n 件のメッセージのうち %1 件を学習しました (学習済み %2 件、読み取れない宛先 %3 件)</numerusform>
        </translation>
    </message>
    <message>
        <source>--format must be csv or json</source>
        <translation>--format には csv または json を指定してください</translation>
    </message>
    <message>
        <source>--since needs a date such as 2026-03-01</source>
        <translation>--since には 2026-03-01 のような日付を指定してください</translation>
    </message>
    <message>
        <source>no history database at %1</source>
        <translation>%1 に履歴データベースがありません</translation>
    </message>
    <message>
        <source>no command given</source>
        <translation>コマンドが指定されていません</translation>
    </message>
    <message>
        <source>to</source>
        <extracomment>A recipient field in --check&apos;s list of edits, as the JSON names it</extracomment>
        <translation>宛先</translation>
    </message>
    <message>
        <source>cc</source>
        <translation>Cc</translation>
    </message>
    <message>
        <source>bcc</source>
        <translation>Bcc</translation>
    </message>
    <message>
        <source>Usage:
  sendguard-host --check FILE [--policy FILE] [--user-settings FILE] [--history DB]
                 [--json] [--dialog]
      Review the draft in FILE (a review request as the extension sends it) and
      print the findings. --policy FILE replaces the request&apos;s policy (the admin
      layer: SendGuard&apos;s policy object, or a whole policies.json, whose 3rdparty
      entry for the add-in is used); --user-settings FILE adds a user layer on top
      of it, merged as for Thunderbird (without it, no user layer applies; the
      user&apos;s own file is ~/.config/sendguard/settings.json); --history DB compares
      with that sending history (read only); --json prints JSON; --dialog shows
      the confirmation dialog and prints the decision.
  sendguard-host --learn FILE [--history DB]
      Learn the recipients of already-sent messages (a JSON array of {messageId,
      date, from, to, cc, bcc}) into the history; a message learned before is
      skipped. DB defaults to the user&apos;s history.sqlite.
  sendguard-host --audit-export [--since YYYY-MM-DD] [--format csv|json]
                 [--history DB]
      Print the audit log of decisions (CSV by default).
  sendguard-host --version
  sendguard-host --help
  sendguard-host --serve
      Serve native messaging on stdin/stdout (as when Thunderbird starts the host
      with its manifest path and add-in id).
</source>
        <translation>使い方:
  sendguard-host --check FILE [--policy FILE] [--user-settings FILE] [--history DB]
                 [--json] [--dialog]
      FILE の下書き (拡張機能が送るのと同じ確認リクエスト) を確認し、検出結果を
      表示します。--policy FILE はリクエストのポリシー (管理者の層) を置き換えます
      (SendGuard のポリシーオブジェクト、または policies.json 全体。後者ではアドオン
      用の 3rdparty エントリーを使います)。--user-settings FILE はその上にユーザーの
      層を Thunderbird と同じ方法で重ねます (指定しなければユーザーの層は適用され
      ません。ユーザー自身のファイルは ~/.config/sendguard/settings.json です)。
      --history DB はその送信履歴と照合します (読み取り専用)。--json は JSON で
      出力します。--dialog は確認ダイアログを表示し、判断を出力します。
  sendguard-host --learn FILE [--history DB]
      送信済みメッセージ ({messageId, date, from, to, cc, bcc} の JSON 配列) の
      宛先を履歴に学習します。学習済みのメッセージは飛ばします。DB の既定は
      ユーザーの history.sqlite です。
  sendguard-host --audit-export [--since YYYY-MM-DD] [--format csv|json]
                 [--history DB]
      送信判断の監査ログを出力します (既定は CSV)。
  sendguard-host --version
  sendguard-host --help
  sendguard-host --serve
      標準入出力でネイティブメッセージングを処理します (Thunderbird がマニフェストの
      パスとアドオン ID を付けてホストを起動したときと同じ動作です)。
</translation>
    </message>
    <message>
        <source>%1: the audit log in this file is damaged, so nothing could be exported (%2). The host sets a damaged file aside and starts a new one on its next review; the damaged file stays next to it for recovery (sqlite3 .recover).</source>
        <extracomment>%1 is a file name, %2 the database&apos;s own technical message, in English</extracomment>
        <translation>%1: このファイルの監査ログが破損しているため、何も書き出せませんでした（%2）。ホストは次回の確認時に破損したファイルを退避して新しいファイルを作成します。破損したファイルは復旧用（sqlite3 .recover）にそのまま残ります。</translation>
    </message>
    <message>
        <source>cannot read %1: it is a folder</source>
        <translation>%1 を読み込めません: フォルダーです</translation>
    </message>
    <message>
        <source>cannot read %1: it is larger than %2 MiB</source>
        <translation>%1 を読み込めません: %2 MiB を超えています</translation>
    </message>
    <message numerus="yes">
        <source>%1: the audit log in this file is damaged; the export stops after %n entries and is incomplete (%2).</source>
        <extracomment>%1 is a file name, %n how many entries were printed, %2 the database&apos;s own technical message, in English</extracomment>
        <translation>
            <numerusform>%1: このファイルの監査ログが破損しているため、書き出しは%n件で止まっており、不完全です（%2）。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: nests arrays and objects more than %2 levels deep</source>
        <translation>%1: 配列やオブジェクトの入れ子が %2 段より深くなっています</translation>
    </message>
    <message>
        <source>%1: not a request SendGuard can read: %2</source>
        <extracomment>%2 is the request parser&apos;s own technical words, in English</extracomment>
        <translation>%1: SendGuard が読み取れる確認リクエストではありません: %2</translation>
    </message>
    <message>
        <source>%1: a policies.json without an object at policies -&gt; 3rdparty -&gt; Extensions -&gt; %2</source>
        <translation>%1: policies -&gt; 3rdparty -&gt; Extensions -&gt; %2 にオブジェクトがない policies.json です</translation>
    </message>
    <message>
        <source>%1: not a list of sent messages SendGuard can read: %2</source>
        <extracomment>%2 is the parser&apos;s own technical words, in English</extracomment>
        <translation>%1: SendGuard が読み取れる送信済みメッセージの一覧ではありません: %2</translation>
    </message>
    <message>
        <source>%1: the sending history could not be used: %2</source>
        <extracomment>%1 is a file name, %2 the database&apos;s own technical message, in English</extracomment>
        <translation>%1: 送信履歴を使用できませんでした: %2</translation>
    </message>
    <message>
        <source>history file cannot be written; opened read-only</source>
        <translation>送信履歴のファイルに書き込めないため、読み取り専用で開きました</translation>
    </message>
    <message>
        <source>history cannot be opened for writing (%1); trying read-only</source>
        <extracomment>%1 is the database&apos;s own technical message, in English</extracomment>
        <translation>送信履歴を書き込み用に開けません（%1）。読み取り専用で開きます</translation>
    </message>
    <message>
        <source>history stays in rollback-journal mode: %1</source>
        <extracomment>%1 is the database&apos;s own technical message, in English</extracomment>
        <translation>送信履歴はロールバックジャーナルモードのままです: %1</translation>
    </message>
    <message>
        <source>history schema upgraded from %1 to %2</source>
        <translation>送信履歴のスキーマをバージョン %1 から %2 に更新しました</translation>
    </message>
    <message>
        <source>history folder is read-only: reading the file as it is</source>
        <translation>送信履歴のフォルダーが読み取り専用のため、ファイルをそのまま読み込みます</translation>
    </message>
    <message>
        <source>history was corrupt (%1); moved to %2 and rebuilt</source>
        <extracomment>%1 is the database&apos;s own technical message, in English; %2 a file name</extracomment>
        <translation>送信履歴が破損していたため（%1）、%2 に退避して作り直しました</translation>
    </message>
    <message>
        <source>history is read-only: nothing new will be learned</source>
        <translation>送信履歴が読み取り専用のため、新しい送信は学習されません</translation>
    </message>
</context>
<context>
    <name>sendguard::ConfirmDialog</name>
    <message>
        <source>%1 (%2)</source>
        <extracomment>A domain in Unicode form, then its punycode form: &quot;bücher.example (xn--bcher-kva.example)&quot;</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>To</source>
        <translation>宛先</translation>
    </message>
    <message>
        <source>Cc</source>
        <translation>Cc</translation>
    </message>
    <message>
        <source>Bcc</source>
        <translation>Bcc</translation>
    </message>
    <message>
        <source>size unknown</source>
        <translation>サイズ不明</translation>
    </message>
    <message numerus="yes">
        <source>%n bytes</source>
        <translation>
            <numerusform>%n バイト</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <source>%1 TB</source>
        <translation>%1 TB</translation>
    </message>
    <message numerus="yes">
        <source>%Ln people</source>
        <extracomment>A part of the summary line: &quot;3 people at 2 outside organisations will receive ...&quot;</extracomment>
        <translation>
            <numerusform>%Ln 名</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln outside organisations</source>
        <extracomment>A part of the summary line: &quot;3 people at 2 outside organisations will receive ...&quot;</extracomment>
        <translation>
            <numerusform>社外の %Ln 社</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln attachments</source>
        <extracomment>A part of the summary line: &quot;... will receive 2 attachments.&quot;</extracomment>
        <translation>
            <numerusform>添付ファイル %Ln 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln recipients</source>
        <extracomment>Next to a domain header: how many of the recipients are at that domain</extracomment>
        <translation>
            <numerusform>%Ln 名</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 at %2 and %3 inside your organisation will receive %4.</source>
        <translation>%2の %1と社内の %3に、このメールと%4が送信されます。</translation>
    </message>
    <message>
        <source>%1 at %2 and %3 inside your organisation will receive this message.</source>
        <translation>%2の %1と社内の %3に、このメールが送信されます。</translation>
    </message>
    <message>
        <source>%1 at %2 will receive %3.</source>
        <translation>%2の %1に、このメールと%3が送信されます。</translation>
    </message>
    <message>
        <source>%1 at %2 will receive this message.</source>
        <translation>%2の %1に、このメールが送信されます。</translation>
    </message>
    <message>
        <source>%1 inside your organisation will receive %2.</source>
        <translation>社内の %1に、このメールと%2が送信されます。</translation>
    </message>
    <message>
        <source>%1 inside your organisation will receive this message.</source>
        <translation>社内の %1に、このメールが送信されます。</translation>
    </message>
    <message>
        <source>No readable recipient will receive this message.</source>
        <translation>このメールを受け取れる有効な宛先がありません。</translation>
    </message>
    <message>
        <source>Recipient: %1</source>
        <translation>受信者: %1</translation>
    </message>
    <message>
        <source>Attachment: %1</source>
        <translation>添付ファイル: %1</translation>
    </message>
    <message>
        <source>As written: %1</source>
        <translation>入力内容: %1</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(件名なし)</translation>
    </message>
    <message>
        <source>SendGuard – confirm: %1</source>
        <translation>SendGuard – 送信前の確認: %1</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>件名:</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>件名: %1</translation>
    </message>
    <message>
        <source>Your sending history could not be read, so this mail was not compared with the people you usually write to.</source>
        <translation>送信履歴を読み込めなかったため、このメールはふだんの送信先と照合されていません。</translation>
    </message>
    <message>
        <source>This message cannot be sent</source>
        <translation>このメールは送信できません</translation>
    </message>
    <message>
        <source>Look at these before sending</source>
        <translation>送信前に次の点をご確認ください</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>お知らせ</translation>
    </message>
    <message>
        <source>Please confirm</source>
        <translation>ご確認ください</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告: %1</translation>
    </message>
    <message>
        <source>Confirm: %1</source>
        <translation>確認: %1</translation>
    </message>
    <message>
        <source>As your organisation asks, a blind copy (Bcc) also goes to %1.</source>
        <translation>組織の設定により、%1 にも Bcc (ブラインドカーボンコピー) で送信されます。</translation>
    </message>
    <message>
        <source>Outside your organisation</source>
        <translation>社外の宛先</translation>
    </message>
    <message>
        <source>Inside your organisation</source>
        <translation>社内の宛先</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>添付ファイル</translation>
    </message>
    <message>
        <source>Domain %1, %2</source>
        <extracomment>Accessible name of a domain header: &quot;Domain client.example, 2 recipients&quot;</extracomment>
        <translation>ドメイン %1、%2</translation>
    </message>
    <message>
        <source>Internal recipient %1, %2</source>
        <extracomment>Accessible names of a recipient&apos;s checkbox: the address, the field (To, Cc, Bcc) and, outside, the domain</extracomment>
        <translation>社内の宛先 %1、%2</translation>
    </message>
    <message>
        <source>External recipient %1, %2, domain %3</source>
        <translation>社外の宛先 %1、%2、ドメイン %3</translation>
    </message>
    <message>
        <source>Bcc (hidden)</source>
        <translation>Bcc (非表示)</translation>
    </message>
    <message>
        <source>Blind copy: the other recipients do not see this address.</source>
        <translation>ブラインドカーボンコピー: ほかの受信者にはこのアドレスは表示されません。</translation>
    </message>
    <message>
        <source>trusted</source>
        <translation>信頼済み</translation>
    </message>
    <message>
        <source>Attachment %1, %2</source>
        <translation>添付ファイル %1、%2</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>送信</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Only Cancel is possible: sending is blocked.</source>
        <translation>送信は禁止されています。キャンセルのみ選択できます。</translation>
    </message>
    <message>
        <source>Nothing here needs a tick.</source>
        <translation>チェックが必要な項目はありません。</translation>
    </message>
    <message>
        <source>%1 of %2 checked</source>
        <translation>%2 件中 %1 件を確認済み</translation>
    </message>
    <message>
        <source>%1 – tick each item to enable Send</source>
        <translation>%1 – すべてにチェックすると送信できます</translation>
    </message>
    <message>
        <source>Move everyone to &amp;Bcc</source>
        <translation>全員を Bcc に移動(&amp;B)</translation>
    </message>
    <message>
        <source>Every recipient in To and Cc gets a blind copy instead, so nobody sees the others&apos; addresses.</source>
        <translation>宛先と Cc の全員を Bcc に移し、受信者どうしでアドレスが見えないようにします。</translation>
    </message>
    <message>
        <source>Everyone is now in Bcc: no recipient will see the others&apos; addresses.</source>
        <translation>全員を Bcc に移動しました。受信者どうしでアドレスは見えません。</translation>
    </message>
    <message>
        <source>Moved to Bcc</source>
        <translation>Bcc に移動済み</translation>
    </message>
    <message>
        <source>Bcc (moved)</source>
        <translation>Bcc (移動済み)</translation>
    </message>
    <message>
        <source>Moved from To or Cc: the other recipients do not see this address.</source>
        <translation>宛先または Cc から移動しました。ほかの受信者にはこのアドレスは表示されません。</translation>
    </message>
    <message>
        <source>Sending in %1… Cancel or Esc stops it.</source>
        <translation>%1 秒後に送信します… キャンセルまたは Esc で中止できます。</translation>
    </message>
    <message>
        <source>Always trust this domain</source>
        <translation>このドメインを常に信頼する</translation>
    </message>
    <message>
        <source>Always trust %1</source>
        <translation>%1 を常に信頼する</translation>
    </message>
    <message>
        <source>Adds %1 to your trusted domains: its recipients will need no tick. Warnings about it are still shown.</source>
        <translation>%1 を信頼するドメインに追加します。このドメインの宛先にはチェックが不要になりますが、このドメインに関する警告は引き続き表示されます。</translation>
    </message>
    <message>
        <source>The domain could not be saved as trusted: %1</source>
        <translation>ドメインを信頼済みとして保存できませんでした: %1</translation>
    </message>
    <message>
        <source>Trusted</source>
        <translation>信頼済み</translation>
    </message>
</context>
<context>
    <name>sendguard::HostServer</name>
    <message>
        <source>Too many messages (%1) are already waiting for the confirmation dialog.</source>
        <translation>確認ダイアログを待っているメールが多すぎます (%1 件)。</translation>
    </message>
    <message>
        <source>The sending history is unavailable.</source>
        <translation>送信履歴を利用できません。</translation>
    </message>
    <message>
        <source>The sending history could not learn these messages: %1</source>
        <extracomment>%1 is the database&apos;s own technical message, in English</extracomment>
        <translation>送信履歴にこれらのメッセージを学習できませんでした: %1</translation>
    </message>
    <message>
        <source>There is no display to show the confirmation dialog on.</source>
        <translation>確認ダイアログを表示できるディスプレイがありません。</translation>
    </message>
    <message>
        <source>There is no display to show the settings dialog on.</source>
        <translation>設定ダイアログを表示できるディスプレイがありません。</translation>
    </message>
</context>
<context>
    <name>sendguard::SettingsDialog</name>
    <message>
        <source>SendGuard settings</source>
        <translation>SendGuard の設定</translation>
    </message>
    <message>
        <source>&amp;Domains and terms</source>
        <translation>ドメインと語句(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Checks</source>
        <translation>チェック項目(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Problems found in the settings</source>
        <translation>設定に問題が見つかりました</translation>
    </message>
    <message>
        <source>These parts are ignored; everything else applies.</source>
        <translation>以下の部分は無視され、それ以外の設定は適用されます。</translation>
    </message>
    <message>
        <source>Set by your administrator</source>
        <translation>管理者が設定しています</translation>
    </message>
    <message>
        <source>One entry a line</source>
        <translation>1行に1件</translation>
    </message>
    <message>
        <source>Also from your administrator: %1</source>
        <translation>管理者による設定もあります: %1</translation>
    </message>
    <message>
        <source>partner.example, *.partner.example or name@partner.example</source>
        <translation>partner.example、*.partner.example、name@partner.example など</translation>
    </message>
    <message>
        <source>Trusted domains</source>
        <translation>信頼するドメイン</translation>
    </message>
    <message>
        <source>Recipients at these outside domains need no tick. One entry a line.</source>
        <translation>これらの社外ドメインの宛先にはチェックが不要です。1行に1件入力してください。</translation>
    </message>
    <message>
        <source>Extra internal domains</source>
        <translation>追加の社内ドメイン</translation>
    </message>
    <message>
        <source>Treated as inside your organisation, in addition to your own domain and any your administrator names. One entry a line.</source>
        <translation>自社のドメインと管理者が指定したドメインに加えて、社内として扱います。1行に1件入力してください。</translation>
    </message>
    <message>
        <source>Attention terms</source>
        <translation>注意語句</translation>
    </message>
    <message>
        <source>Words or phrases that get a warning when the subject, the text or an attachment&apos;s name holds them. One a line.</source>
        <translation>件名、本文、添付ファイル名に含まれていると警告する語句です。1行に1つ入力してください。</translation>
    </message>
    <message>
        <source>confidential</source>
        <translation>社外秘</translation>
    </message>
    <message>
        <source>When to ask</source>
        <translation>確認するタイミング</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>&amp;Wait after Send:</source>
        <translation>送信後の待機時間(&amp;W):</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>チェック項目</translation>
    </message>
    <message>
        <source>Your administrator turned this check off; you may turn it on.</source>
        <translation>このチェックは管理者が無効にしていますが、有効にすることもできます。</translation>
    </message>
    <message>
        <source>%1, line %2: %3. Correct or remove it, then save again.</source>
        <translation>%1 の %2 行目: %3。修正するか削除してから、もう一度保存してください。</translation>
    </message>
    <message>
        <source>Your settings could not be saved: %1</source>
        <translation>設定を保存できませんでした: %1</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>Automatic (the system&apos;s language)</source>
        <translation>自動 (システムの言語)</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>表示言語(&amp;L):</translation>
    </message>
    <message>
        <source>Takes effect with the next mail you send.</source>
        <translation>次に送信するメールから適用されます。</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more; the SendGuard log lists them all.</source>
        <translation>
            <numerusform>…ほか %n 件（すべて SendGuard のログに記録されています）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Skip mail that stays inside the organisation</source>
        <translation>社内宛てだけのメールは確認しない</translation>
    </message>
    <message>
        <source>No dialog when every recipient is inside the organisation and nothing else needs a look.</source>
        <translation>宛先がすべて社内で、ほかに確認することがなければ、確認画面を表示しません。</translation>
    </message>
    <message>
        <source>The settings are not in the expected form (a JSON object) and are ignored.</source>
        <translation>設定全体が想定された形式（JSON オブジェクト）ではありません。設定は無視されます。</translation>
    </message>
    <message>
        <source>%1 is not in the expected form (a JSON object) and is ignored.</source>
        <translation>%1 が想定された形式（JSON オブジェクト）ではありません。この設定は無視されます。</translation>
    </message>
    <message>
        <source>“%1” is not a setting SendGuard knows; it is ignored.</source>
        <translation>「%1」は SendGuard が認識できない設定項目です。この項目は無視されます。</translation>
    </message>
    <message>
        <source>“%1” is not a setting SendGuard knows in %2; it is ignored.</source>
        <translation>「%1」は %2 の設定項目として SendGuard が認識できません。この項目は無視されます。</translation>
    </message>
    <message>
        <source>%1 must be a list of texts; it is ignored.</source>
        <translation>%1 は文字列の一覧で指定する必要があります。この設定は無視されます。</translation>
    </message>
    <message>
        <source>%1 should be a list; its single text “%2” is used as a list of one entry.</source>
        <translation>%1 は一覧で指定する必要があります。単独の文字列「%2」を 1 件だけの一覧として扱います。</translation>
    </message>
    <message>
        <source>Entry %1 of %2 is not a text; that entry is ignored.</source>
        <translation>%2 の %1 番目の項目が文字列ではありません。この項目は無視されます。</translation>
    </message>
    <message>
        <source>%1 must be true or false; it is ignored.</source>
        <translation>%1 は true または false で指定する必要があります。この設定は無視されます。</translation>
    </message>
    <message>
        <source>“%1”</source>
        <comment>one allowed value</comment>
        <translation>「%1」</translation>
    </message>
    <message>
        <source>%1 must be one of %2; it is ignored.</source>
        <translation>%1 は %2 のいずれかで指定する必要があります。この設定は無視されます。</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the allowed values</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 must be a whole number, 1 or more; it is ignored.</source>
        <translation>%1 は 1 以上の整数で指定する必要があります。この設定は無視されます。</translation>
    </message>
    <message>
        <source>%1 must be a whole number of seconds, 0 or more; it is ignored.</source>
        <translation>%1 は 0 以上の整数（秒数）で指定する必要があります。この設定は無視されます。</translation>
    </message>
    <message>
        <source>Entry %1 of %2, “%3”, is not a readable email address; that entry is ignored.</source>
        <translation>%2 の %1 番目の項目「%3」は、読み取れるメールアドレスではありません。この項目は無視されます。</translation>
    </message>
    <message>
        <source>Entry %1 of %2, “%3”, must name exactly one email address; that entry is ignored.</source>
        <translation>%2 の %1 番目の項目「%3」には、メールアドレスを 1 件だけ指定する必要があります。この項目は無視されます。</translation>
    </message>
    <message>
        <source>%1 names no check called “%2”; it is ignored.</source>
        <translation>%1 に指定された「%2」というチェックはありません。この指定は無視されます。</translation>
    </message>
    <message>
        <source>Entry %1 of %2, “%3”, is not a setting that can be locked; it is ignored.</source>
        <translation>%2 の %1 番目の項目「%3」は、ロックできる設定項目ではありません。この項目は無視されます。</translation>
    </message>
    <message>
        <source>%1 can be set only by your administrator; your value is ignored.</source>
        <translation>%1 は管理者だけが設定できます。ご自身で設定した値は無視されます。</translation>
    </message>
    <message>
        <source>%1 is set by your administrator; your value is ignored.</source>
        <translation>%1 は管理者が設定しています。ご自身で設定した値は無視されます。</translation>
    </message>
    <message>
        <source>Administrator&apos;s policy: %1</source>
        <translation>管理者ポリシー: %1</translation>
    </message>
    <message>
        <source>Your settings: %1</source>
        <translation>ご自身の設定: %1</translation>
    </message>
    <message>
        <source>Entry %1 of %2 is not a valid pattern: %3. That entry is ignored.</source>
        <translation>%2 の %1 番目の項目は有効なパターンではありません: %3。この項目は無視されます。</translation>
    </message>
    <message>
        <source>the pattern is empty</source>
        <translation>パターンが空です</translation>
    </message>
    <message>
        <source>“%1” has nothing before “@”; write just the domain</source>
        <translation>「%1」は「@」の前に何もありません。ドメインだけを書いてください</translation>
    </message>
    <message>
        <source>“%1” may not use “*” before “@”</source>
        <translation>「%1」では「@」より前に「*」を使えません</translation>
    </message>
    <message>
        <source>“%1” may use “*” only as “*.” at the very start of a domain</source>
        <translation>「%1」では「*」はドメインの先頭に「*.」の形でのみ使えます</translation>
    </message>
    <message>
        <source>“%1” is not a valid domain</source>
        <translation>「%1」は有効なドメインではありません</translation>
    </message>
    <message>
        <source>%1 must be true or false; the setting for that check is ignored.</source>
        <translation>%1 は true または false で指定する必要があります。このチェックの設定は無視されます。</translation>
    </message>
    <message>
        <source>%1 must be one of %2; the setting for that check is ignored.</source>
        <translation>%1 は %2 のいずれかで指定する必要があります。このチェックの設定は無視されます。</translation>
    </message>
    <message>
        <source>Your settings file %1 cannot be read (%2); the defaults apply until it can.</source>
        <translation>設定ファイル %1 を読み込めません（%2）。読み込めるようになるまで既定の設定を使います。</translation>
    </message>
    <message>
        <source>Your settings file %1 is broken: %2.</source>
        <translation>設定ファイル %1 は壊れています（%2）。</translation>
    </message>
    <message>
        <source>Your settings file %1 was broken (%2); it was kept as %3 and the defaults apply.</source>
        <translation>設定ファイル %1 は壊れていました（%2）。%3 として残し、既定の設定を使います。</translation>
    </message>
    <message>
        <source>Your settings file %1 is broken (%2) and could not be moved aside; the defaults apply.</source>
        <translation>設定ファイル %1 は壊れていて（%2）、別の名前に移すこともできませんでした。既定の設定を使います。</translation>
    </message>
    <message>
        <source>no folder for your settings is known (neither XDG_CONFIG_HOME nor HOME is set)</source>
        <translation>設定を保存するフォルダーがわかりません（XDG_CONFIG_HOME も HOME も設定されていません）</translation>
    </message>
    <message>
        <source>settings must be a JSON object; not saved</source>
        <translation>設定が JSON オブジェクトではないため、保存しませんでした</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>フォルダー %1 を作成できません</translation>
    </message>
    <message>
        <source>settings could not be written as JSON</source>
        <translation>設定を JSON として書き出せませんでした</translation>
    </message>
    <message>
        <source>cannot save %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
    <message>
        <source>it is larger than 1 MiB</source>
        <translation>1 MiB を超えています</translation>
    </message>
    <message>
        <source>it nests more than %1 levels deep</source>
        <translation>入れ子が %1 階層を超えています</translation>
    </message>
    <message>
        <source>it is not JSON</source>
        <translation>JSON の形式ではありません</translation>
    </message>
    <message>
        <source>it is not JSON (syntax error at byte %1)</source>
        <translation>%1 バイト目に JSON の構文エラーがあります</translation>
    </message>
    <message>
        <source>it does not hold a JSON object</source>
        <translation>JSON オブジェクトではありません</translation>
    </message>
    <message>
        <source>it cannot be used</source>
        <translation>使用できません</translation>
    </message>
    <message>
        <source>Entry %1 of %2, “%3”, is not a readable email address (%4); that entry is ignored.</source>
        <translation>%2 の %1 番目の項目「%3」は、読み取れるメールアドレスではありません（%4）。この項目は無視されます。</translation>
    </message>
    <message>
        <source>Your settings file %1 cannot be read (it is not a regular file); the defaults apply until it is one.</source>
        <translation>設定ファイル %1 を読み込めません（通常のファイルではありません）。通常のファイルになるまで既定値が使われます。</translation>
    </message>
    <message>
        <source>cannot save %1: another SendGuard is changing it; try again</source>
        <translation>%1 を保存できません: 別の SendGuard が変更中です。もう一度お試しください</translation>
    </message>
    <message>
        <source>it is not a regular file</source>
        <translation>通常のファイルではありません</translation>
    </message>
    <message>
        <source>not saved, so that nothing in %1 is lost: it cannot be read or moved aside (%2)</source>
        <translation>%1 の内容が失われないよう、保存しませんでした: 読み込みも退避もできません（%2）</translation>
    </message>
</context>
</TS>
