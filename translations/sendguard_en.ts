<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
</TS>
