<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Dashboard</name>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/team/dashboard.py" line="335"/>
        <source>Exported %n row(s) to %1</source>
        <translation>
            <numerusform>Exported %n row to %1</numerusform>
            <numerusform>Exported %n rows to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/shell/main_window.py" line="300"/>
        <source>%n call script(s) could not be read; their last good version is used (collector-desk scripts check says why).</source>
        <translation>
            <numerusform>%n call script could not be read; its last good version is used (collector-desk scripts check says why).</numerusform>
            <numerusform>%n call scripts could not be read; their last good version is used (collector-desk scripts check says why).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamWindow</name>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/team/team_window.py" line="298"/>
        <source>%n case(s) match.</source>
        <translation>
            <numerusform>%n case matches.</numerusform>
            <numerusform>%n cases match.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/team/team_window.py" line="324"/>
        <source>%n case(s) exported to %1; recorded in the audit trail.</source>
        <translation>
            <numerusform>%n case exported to %1; recorded in the audit trail.</numerusform>
            <numerusform>%n cases exported to %1; recorded in the audit trail.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/team/team_window.py" line="367"/>
        <source>%n move(s) proposed; cases with an open promise or plan stay. Nothing moves until you confirm.</source>
        <translation>
            <numerusform>%n move proposed; cases with an open promise or plan stay. Nothing moves until you confirm.</numerusform>
            <numerusform>%n moves proposed; cases with an open promise or plan stay. Nothing moves until you confirm.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/team/team_window.py" line="389"/>
        <source>%n case(s) queued to move.</source>
        <translation>
            <numerusform>%n case queued to move.</numerusform>
            <numerusform>%n cases queued to move.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/team/team_window.py" line="414"/>
        <source>Balance %1, waived %2, to pay %3 in %n installment(s)</source>
        <translation>
            <numerusform>Balance %1, waived %2, to pay %3 in %n installment</numerusform>
            <numerusform>Balance %1, waived %2, to pay %3 in %n installments</numerusform>
        </translation>
    </message>
</context>
</TS>
