<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BulkMessage</name>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/team/bulk_message_dialog.py" line="62" />
        <source>%n case(s) found.</source>
        <translation>
            <numerusform>%n case found.</numerusform>
            <numerusform>%n cases found.</numerusform>
        </translation></message>
    </context>
<context>
    <name>Dashboard</name>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/team/dashboard.py" line="406" />
        <source>Exported %n row(s) to %1</source>
        <translation>
            <numerusform>Exported %n row to %1</numerusform>
            <numerusform>Exported %n rows to %1</numerusform>
        </translation></message>
    </context>
<context>
    <name>Desk</name>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/shell/desk.py" line="244" />
        <source>The cases on this computer have not been synced for more than %n day(s), so they stay locked until you sign in with the server reachable.</source>
        <translation>
            <numerusform>The cases on this computer have not been synced for more than %n day, so they stay locked until you sign in with the server reachable.</numerusform>
            <numerusform>The cases on this computer have not been synced for more than %n days, so they stay locked until you sign in with the server reachable.</numerusform>
        </translation></message>
    </context>
<context>
    <name>DetailPane</name>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="257" />
        <source>%n day(s) past due</source>
        <translation>
            <numerusform>%n day past due</numerusform>
            <numerusform>%n days past due</numerusform>
        </translation></message>
    </context>
<context>
    <name>FieldError</name>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/call/field_errors.py" line="57" />
        <source>The promise date may be at most %n day(s) ahead.</source>
        <translation>
            <numerusform>The promise date may be at most %n day ahead.</numerusform>
            <numerusform>The promise date may be at most %n days ahead.</numerusform>
        </translation></message>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/call/field_errors.py" line="65" />
        <source>The callback may be at most %n day(s) ahead.</source>
        <translation>
            <numerusform>The callback may be at most %n day ahead.</numerusform>
            <numerusform>The callback may be at most %n days ahead.</numerusform>
        </translation></message>
    </context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/shell/main_window.py" line="345" />
        <source>%n call script(s) could not be read; their last good version is used (collector-desk scripts check says why).</source>
        <translation>
            <numerusform>%n call script could not be read; its last good version is used (collector-desk scripts check says why).</numerusform>
            <numerusform>%n call scripts could not be read; their last good version is used (collector-desk scripts check says why).</numerusform>
        </translation></message>
    </context>
<context>
    <name>MessageDialog</name>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/case/message_dialog.py" line="181" />
        <source>%n text(s)</source>
        <translation>
            <numerusform>%n text</numerusform>
            <numerusform>%n texts</numerusform>
        </translation></message>
    </context>
<context>
    <name>PlanDialog</name>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="322" />
        <source>The first payment must fall within %n day(s).</source>
        <translation>
            <numerusform>The first payment must fall within %n day.</numerusform>
            <numerusform>The first payment must fall within %n days.</numerusform>
        </translation></message>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="328" />
        <source>The rules allow at most %n month(s).</source>
        <translation>
            <numerusform>The rules allow at most %n month.</numerusform>
            <numerusform>The rules allow at most %n months.</numerusform>
        </translation></message>
    </context>
<context>
    <name>Policy</name>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/common/labels.py" line="265" />
        <source>spoke with the customer less than %n day(s) ago</source>
        <translation>
            <numerusform>spoke with the customer less than %n day ago</numerusform>
            <numerusform>spoke with the customer less than %n days ago</numerusform>
        </translation></message>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/common/labels.py" line="292" />
        <source>third parties only after %n failed call(s) to the customer</source>
        <translation>
            <numerusform>third parties only after %n failed call to the customer</numerusform>
            <numerusform>third parties only after %n failed calls to the customer</numerusform>
        </translation></message>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/common/labels.py" line="296" />
        <source>third parties only after %n failed call(s) to the customer today</source>
        <translation>
            <numerusform>third parties only after %n failed call to the customer today</numerusform>
            <numerusform>third parties only after %n failed calls to the customer today</numerusform>
        </translation></message>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/common/labels.py" line="303" />
        <source>third parties only after %n failed call(s) to the customer in %1 days</source>
        <translation>
            <numerusform>third parties only after %n failed call to the customer in %1 days</numerusform>
            <numerusform>third parties only after %n failed calls to the customer in %1 days</numerusform>
        </translation></message>
    </context>
<context>
    <name>Reminders</name>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/shell/reminders.py" line="145" />
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation></message>
    </context>
<context>
    <name>TeamWindow</name>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/team/team_window.py" line="54" />
        <source>%n installment(s)</source>
        <translation>
            <numerusform>%n installment</numerusform>
            <numerusform>%n installments</numerusform>
        </translation></message>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/team/team_window.py" line="344" />
        <source>%n case(s) match.</source>
        <translation>
            <numerusform>%n case matches.</numerusform>
            <numerusform>%n cases match.</numerusform>
        </translation></message>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/team/team_window.py" line="378" />
        <source>%n case(s) exported to %1; recorded in the audit trail.</source>
        <translation>
            <numerusform>%n case exported to %1; recorded in the audit trail.</numerusform>
            <numerusform>%n cases exported to %1; recorded in the audit trail.</numerusform>
        </translation></message>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/team/team_window.py" line="429" />
        <source>%n move(s) proposed; cases with an open promise or plan stay. Nothing moves until you confirm.</source>
        <translation>
            <numerusform>%n move proposed; cases with an open promise or plan stay. Nothing moves until you confirm.</numerusform>
            <numerusform>%n moves proposed; cases with an open promise or plan stay. Nothing moves until you confirm.</numerusform>
        </translation></message>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/team/team_window.py" line="453" />
        <source>%n case(s) queued to move.</source>
        <translation>
            <numerusform>%n case queued to move.</numerusform>
            <numerusform>%n cases queued to move.</numerusform>
        </translation></message>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/team/team_window.py" line="478" />
        <source>Balance %1, waived %2, to pay %3 in %n installment(s)</source>
        <translation>
            <numerusform>Balance %1, waived %2, to pay %3 in %n installment</numerusform>
            <numerusform>Balance %1, waived %2, to pay %3 in %n installments</numerusform>
        </translation></message>
    </context>
</TS>
