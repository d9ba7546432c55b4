<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>RuleMessage</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <comment>a list that names some items and counts the rest</comment>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 looks like %2, a domain you have written to %n time(s), but is a different domain. Check the spelling before sending.</source>
        <translation>
            <numerusform>%1 looks like %2, a domain you have written to %n time, but is a different domain. Check the spelling before sending.</numerusform>
            <numerusform>%1 looks like %2, a domain you have written to %n times, but is a different domain. Check the spelling before sending.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>People at %n outside organisation(s) (%1) will see each other&apos;s addresses in To and Cc. If they should not, move them to Bcc.</source>
        <translation>
            <numerusform>People at %n outside organisation (%1) will see each other&apos;s addresses in To and Cc. If they should not, move them to Bcc.</numerusform>
            <numerusform>People at %n outside organisations (%1) will see each other&apos;s addresses in To and Cc. If they should not, move them to Bcc.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This mail goes to %n recipient(s). A mail to this many people cannot be taken back.</source>
        <translation>
            <numerusform>This mail goes to %n recipient. A mail to this many people cannot be taken back.</numerusform>
            <numerusform>This mail goes to %n recipients. A mail to this many people cannot be taken back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %1 holds %n payment card number(s) (%2). Card numbers must never travel by mail.</source>
        <comment>%1 is subject or body; %2 the numbers&apos; last digits</comment>
        <translation>
            <numerusform>The %1 holds %n payment card number (%2). Card numbers must never travel by mail.</numerusform>
            <numerusform>The %1 holds %n payment card numbers (%2). Card numbers must never travel by mail.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %1 holds %n My Number(s) (%2). The law allows sending a My Number only to those who may handle it.</source>
        <comment>%1 is subject or body; %2 the numbers&apos; last digits</comment>
        <translation>
            <numerusform>The %1 holds %n My Number (%2). The law allows sending a My Number only to those who may handle it.</numerusform>
            <numerusform>The %1 holds %n My Numbers (%2). The law allows sending a My Number only to those who may handle it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %1 holds %n corporate number(s) (%2). Check that the right company&apos;s number goes to the right people.</source>
        <comment>%1 is subject or body; %2 the numbers&apos; last digits</comment>
        <translation>
            <numerusform>The %1 holds %n corporate number (%2). Check that the right company&apos;s number goes to the right people.</numerusform>
            <numerusform>The %1 holds %n corporate numbers (%2). Check that the right company&apos;s number goes to the right people.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mail(s)</source>
        <comment>how many mails went to an address: 12 mails</comment>
        <translation>
            <numerusform>%n mail</numerusform>
            <numerusform>%n mails</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 is not %2, a domain you have written to %n time(s), but has its name written into it. Check that it is the domain you mean.</source>
        <translation>
            <numerusform>%1 is not %2, a domain you have written to %n time, but has its name written into it. Check that it is the domain you mean.</numerusform>
            <numerusform>%1 is not %2, a domain you have written to %n times, but has its name written into it. Check that it is the domain you mean.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sendguard::Cli</name>
    <message numerus="yes">
        <source>%n findings</source>
        <translation>
            <numerusform>%n finding</numerusform>
            <numerusform>%n findings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> and %n more</numerusform>
            <numerusform> and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>learned %1 of %n messages (%2 known before, %3 unreadable recipient entries)</source>
        <extracomment>%n: the messages given; %1: newly learned; %2: learned before; %3: unreadable entries</extracomment>
        <translation>
            <numerusform>learned %1 of %n message (%2 known before, %3 unreadable recipient entries)</numerusform>
            <numerusform>learned %1 of %n messages (%2 known before, %3 unreadable recipient entries)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: the audit log in this file is damaged; the export stops after %n entries and is incomplete (%2).</source>
        <extracomment>%1 is a file name, %n how many entries were printed, %2 the database&apos;s own technical message, in English</extracomment>
        <translation>
            <numerusform>%1: the audit log in this file is damaged; the export stops after %n entry and is incomplete (%2).</numerusform>
            <numerusform>%1: the audit log in this file is damaged; the export stops after %n entries and is incomplete (%2).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sendguard::ConfirmDialog</name>
    <message numerus="yes">
        <source>%n bytes</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln people</source>
        <extracomment>A part of the summary line: &quot;3 people at 2 outside organisations will receive ...&quot;</extracomment>
        <translation>
            <numerusform>%Ln person</numerusform>
            <numerusform>%Ln people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln outside organisations</source>
        <extracomment>A part of the summary line: &quot;3 people at 2 outside organisations will receive ...&quot;</extracomment>
        <translation>
            <numerusform>%Ln outside organisation</numerusform>
            <numerusform>%Ln outside organisations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln attachments</source>
        <extracomment>A part of the summary line: &quot;... will receive 2 attachments.&quot;</extracomment>
        <translation>
            <numerusform>%Ln attachment</numerusform>
            <numerusform>%Ln attachments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln recipients</source>
        <extracomment>Next to a domain header: how many of the recipients are at that domain</extracomment>
        <translation>
            <numerusform>%Ln recipient</numerusform>
            <numerusform>%Ln recipients</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sendguard::SettingsDialog</name>
    <message numerus="yes">
        <source>…and %n more; the SendGuard log lists them all.</source>
        <translation>
            <numerusform>…and %n more; the SendGuard log lists it.</numerusform>
            <numerusform>…and %n more; the SendGuard log lists them all.</numerusform>
        </translation>
    </message>
</context>
</TS>
