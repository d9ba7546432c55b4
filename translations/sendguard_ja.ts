<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
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
        <source>Usage:
  sendguard-host --check FILE [--policy FILE] [--history DB] [--json] [--dialog]
      Review the draft in FILE (a review request as the extension sends it) and
      print the findings. --policy FILE replaces the request&apos;s policy; --history DB
      compares with that sending history (read only); --json prints JSON; --dialog
      shows the confirmation dialog and prints the decision.
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
  sendguard-host --check FILE [--policy FILE] [--history DB] [--json] [--dialog]
      FILE の下書き (拡張機能が送るのと同じ確認リクエスト) を確認し、検出結果を
      表示します。--policy FILE はリクエストのポリシーを置き換えます。--history DB
      はその送信履歴と照合します (読み取り専用)。--json は JSON で出力します。
      --dialog は確認ダイアログを表示し、判断を出力します。
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
</context>
</TS>
