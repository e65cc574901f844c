<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>About</name>
    <message>
        <location filename="../../collector_desk/ui/help/about_dialog.py" line="18" />
        <source>%1 (this cache: %2)</source>
        <translation>%1（本机缓存：%2）</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/about_dialog.py" line="22" />
        <source>(none: the cache asks for the password)</source>
        <translation>（无：缓存需要输入密码）</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/about_dialog.py" line="24" />
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/about_dialog.py" line="25" />
        <source>Cache schema</source>
        <translation>缓存结构版本</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/about_dialog.py" line="26" />
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/about_dialog.py" line="26" />
        <source>none: working offline</source>
        <translation>无：离线工作</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/about_dialog.py" line="27" />
        <source>Keyring</source>
        <translation>密钥环</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/about_dialog.py" line="28" />
        <source>Logs</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/about_dialog.py" line="37" />
        <source>About Collector Desk</source>
        <translation>关于催收工作台</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/about_dialog.py" line="44" />
        <source>Logs hold no personal data: send them to IT with a problem.</source>
        <translation>日志不含个人信息：报告问题时可发送给 IT。</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../collector_desk/ui/shell/app.py" line="264" />
        <location filename="../../collector_desk/ui/shell/demo_desks.py" line="54" />
        <location filename="../../collector_desk/ui/shell/demo_desks.py" line="76" />
        <source>Creating the demo portfolio…</source>
        <translation>正在生成演示案件组合…</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/ops.py" line="272" />
        <location filename="../../collector_desk/ui/shell/app.py" line="73" />
        <source>Collector Desk</source>
        <translation>催收工作台</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/app.py" line="118" />
        <source>Could not create the demo portfolio: %1</source>
        <translation>无法生成演示案件组合：%1</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/app.py" line="122" />
        <source>This cache was written by a newer version of Collector Desk (schema %1). It was left untouched; please update Collector Desk.</source>
        <translation>此本地缓存由更新版本的催收工作台写入（架构版本 %1）。缓存未做任何改动；请升级催收工作台。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/app.py" line="139" />
        <source>The demo cache has no demo user; start again with --rebuild.</source>
        <translation>演示缓存中没有该演示用户；请加 --rebuild 重新开始。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/app.py" line="150" />
        <source>Demo: built-in central store</source>
        <translation>演示：内置中央库</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/app.py" line="282" />
        <source>Practice: made-up customers, never synced</source>
        <translation>练习模式：虚构客户，从不同步</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/demo_desks.py" line="84" />
        <location filename="../../collector_desk/ui/shell/desk.py" line="212" />
        <source>Encrypting the cases kept on this computer…</source>
        <translation>正在加密本机保存的案件数据…</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/demo_desks.py" line="163" />
        <source>Copying the portfolio to each desk…</source>
        <translation>正在把案件组合复制到每个坐席…</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/demo_desks.py" line="253" />
        <source>Keeping this collector's cases…</source>
        <translation>正在保留本催收员的案件…</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/app.py" line="112" />
        <source>Opening the cases kept on this computer…</source>
        <translation>正在打开本机保存的案件数据…</translation>
    </message>
</context>
<context>
    <name>BulkMessage</name>
    <message>
        <location filename="../../collector_desk/ui/team/bulk_message_dialog.py" line="55" />
        <source>Message these cases</source>
        <translation>群发消息</translation>
    </message>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/team/bulk_message_dialog.py" line="62" />
        <source>%n case(s) found.</source>
        <translation>
            <numerusform>找到 %n 个案件。</numerusform>
        </translation></message>
    <message>
        <location filename="../../collector_desk/ui/team/bulk_message_dialog.py" line="74" />
        <source>The central store writes each message in its customer's language and judges each case by its own rules: a case the rules refuse is reported and left out; one held back by the hours is sent when they allow.</source>
        <translation>中心服务器按每位客户的语言撰写消息，并按各案件自己的规则逐一判断：规则拒绝的案件会列出并跳过；因时段暂缓的，待允许时再发送。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/bulk_message_dialog.py" line="89" />
        <source>What became of the cases</source>
        <translation>各案件的结果</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/bulk_message_dialog.py" line="97" />
        <source>Send (Ctrl+Enter)</source>
        <translation>发送 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/bulk_message_dialog.py" line="99" />
        <source>Refresh (F5)</source>
        <translation>刷新 (F5)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/bulk_message_dialog.py" line="113" />
        <source>&amp;Template</source>
        <translation>模板(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/bulk_message_dialog.py" line="114" />
        <source>&amp;Channel</source>
        <translation>渠道(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/bulk_message_dialog.py" line="128" />
        <source>Bulk messages are sent by the central store: this desk has no server.</source>
        <translation>群发消息由中心服务器发送：本工作台未连接服务器。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/bulk_message_dialog.py" line="134" />
        <source>Find cases first.</source>
        <translation>请先查找案件。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/bulk_message_dialog.py" line="160" />
        <source>Sending the list to the central store…</source>
        <translation>正在把名单发送到中心服务器…</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/bulk_message_dialog.py" line="180" />
        <source>Only team leads send in bulk.</source>
        <translation>只有组长可以群发。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/bulk_message_dialog.py" line="183" />
        <source>The central store cannot be reached; try again.</source>
        <translation>无法连接中心服务器，请重试。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/bulk_message_dialog.py" line="187" />
        <source>The send failed: %1</source>
        <translation>发送失败：%1</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/bulk_message_dialog.py" line="200" />
        <source>What became of them</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/bulk_message_dialog.py" line="200" />
        <source>Cases</source>
        <translation>案件数</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/bulk_message_dialog.py" line="205" />
        <source>Messages: %1</source>
        <translation>消息：%1</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/bulk_message_dialog.py" line="216" />
        <source>Every case judged (%1). F5 shows how the sending goes.</source>
        <translation>全部案件已判断（%1 件）。按 F5 查看发送进度。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/bulk_message_dialog.py" line="222" />
        <source>Judging case %1 of %2…</source>
        <translation>正在判断第 %1 件，共 %2 件…</translation>
    </message>
</context>
<context>
    <name>BulkOutcome</name>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="379" />
        <source>Queued to send now</source>
        <translation>已排队，立即发送</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="380" />
        <source>Queued for when the rules allow (hours, holidays)</source>
        <translation>已排队，待规则允许时发送（时段、节假日）</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="381" />
        <source>Left out: not an open case of your team</source>
        <translation>已跳过：不是本组的在办案件</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="382" />
        <source>Left out: no address of the customer's own</source>
        <translation>已跳过：客户本人没有此渠道的联系方式</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="388" />
        <location filename="../../collector_desk/ui/common/labels.py" line="389" />
        <source>Refused: %1</source>
        <translation>已拒绝：%1</translation>
    </message>
</context>
<context>
    <name>CallControl</name>
    <message>
        <location filename="../../collector_desk/ui/call/call_control.py" line="109" />
        <source>The softphone is not running; dial by hand, or start it.</source>
        <translation>电话软件未运行；请手动拨号，或启动电话软件。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/call_control.py" line="214" />
        <source>a withheld number</source>
        <translation>隐藏号码</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/call_control.py" line="220" />
        <source>Incoming call from %1</source>
        <translation>%1 来电</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/call_control.py" line="225" />
        <source>On the call with %1 · %2</source>
        <translation>正在与 %1 通话 · %2</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/call_control.py" line="228" />
        <source>muted</source>
        <translation>已静音</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/call_control.py" line="232" />
        <source>ringing</source>
        <translation>振铃中</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/call_control.py" line="234" />
        <source>connecting</source>
        <translation>正在接通</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/call_control.py" line="236" />
        <source>Calling %1 · %2 %3</source>
        <translation>正在呼叫 %1 · %2 %3</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/call_control.py" line="242" />
        <source>Hang up (%1)</source>
        <translation>挂断 (%1)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/call_control.py" line="244" />
        <source>Mute (%1)</source>
        <translation>静音 (%1)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/call_control.py" line="246" />
        <source>Answer (%1)</source>
        <translation>接听 (%1)</translation>
    </message>
</context>
<context>
    <name>CallEnding</name>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="34" />
        <source>answered</source>
        <translation>已接听</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="35" />
        <source>busy</source>
        <translation>忙线</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="36" />
        <source>declined</source>
        <translation>被拒接</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="37" />
        <source>no answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="38" />
        <source>hung up before an answer</source>
        <translation>接听前已挂断</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="39" />
        <source>number not in service</source>
        <translation>号码已停用</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="40" />
        <source>the call failed</source>
        <translation>呼叫失败</translation>
    </message>
</context>
<context>
    <name>CallGuide</name>
    <message>
        <location filename="../../collector_desk/ui/call/call_guide.py" line="67" />
        <source>Reason for the arrears</source>
        <translation>逾期原因</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/call_guide.py" line="68" />
        <source>Monthly income</source>
        <translation>月收入</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/call_guide.py" line="69" />
        <source>Monthly essential costs</source>
        <translation>每月必要开支</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/call_guide.py" line="70" />
        <source>Amount offered</source>
        <translation>客户提出的金额</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/call_guide.py" line="71" />
        <source>Promised amount</source>
        <translation>承诺金额</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/call_guide.py" line="72" />
        <source>Promise date</source>
        <translation>承诺日期</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/call_guide.py" line="73" />
        <source>Call back at</source>
        <translation>回拨时间</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/call_guide.py" line="74" />
        <source>Payment reference</source>
        <translation>付款流水号</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/call_guide.py" line="75" />
        <source>Message left</source>
        <translation>留言</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/call_guide.py" line="76" />
        <source>New contact details</source>
        <translation>新的联系方式</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/call_guide.py" line="82" />
        <source>Read each disclosure to the customer and tick it first.</source>
        <translation>请先向客户逐条宣读告知事项并勾选。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/call_guide.py" line="85" />
        <source>The call has ended: log it (Ctrl+Enter).</source>
        <translation>通话已结束：请记录（Ctrl+Enter）。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/call_guide.py" line="86" />
        <source>Not before the customer is identified: say nothing about the debt.</source>
        <translation>客户身份核实之前不可使用：不得提及欠款。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/call_guide.py" line="89" />
        <source>This step would state the debt before identity; it is not shown.</source>
        <translation>此步骤会在核实身份前透露欠款，已隐藏。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/call_guide.py" line="234" />
        <source>No script fits this call.</source>
        <translation>没有适用于此通话的话术。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/call_guide.py" line="346" />
        <source>%1: an amount, like 1500.00</source>
        <translation>%1：请输入金额，例如 1500.00</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/call_guide.py" line="419" />
        <source>Inbound call</source>
        <translation>客户来电</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/call_guide.py" line="421" />
        <source>The customer called us: use the inbound script</source>
        <translation>客户主动来电：使用来电话术</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/call_guide.py" line="423" />
        <source>If the customer says (Alt+1-7):</source>
        <translation>如果客户说（Alt+1-7）：</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/call_guide.py" line="424" />
        <source>Log this call (Ctrl+Enter)</source>
        <translation>记录本次通话（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/call_guide.py" line="451" />
        <source>Open a case and dial (C), or press F6 again to start.</source>
        <translation>打开案件并拨号（C），或再按 F6 开始。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/call_guide.py" line="513" />
        <source>Call ended: %1.</source>
        <translation>通话结束：%1。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/call_guide.py" line="517" />
        <source>You will be asked to set: %1.</source>
        <translation>接下来将请您设置：%1。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/call_guide.py" line="541" />
        <source>Customer: “%1”</source>
        <translation>客户：“%1”</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/call_guide.py" line="548" />
        <source>Practice report</source>
        <translation>练习报告</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/call_guide.py" line="550" />
        <source>Disclosures missed: %1</source>
        <translation>漏读的告知事项：%1</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/call_guide.py" line="551" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/call_guide.py" line="555" />
        <source>Objections met: %1 of %2%3</source>
        <translation>已应对的异议：%2 个中的 %1 个%3</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/call_guide.py" line="563" />
        <source>missed: %1</source>
        <translation>未应对：%1</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/call_guide.py" line="569" />
        <source>Answers that were not what the customer said: %1</source>
        <translation>与客户所说不符的选择：%1</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/call_guide.py" line="575" />
        <source>Time per step: %1 (total %2 s)</source>
        <translation>各步骤用时：%1（共 %2 秒）</translation>
    </message>
</context>
<context>
    <name>CallerChoice</name>
    <message>
        <location filename="../../collector_desk/ui/call/caller_choice.py" line="20" />
        <source>Whose call is it?</source>
        <translation>这是谁的来电？</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/caller_choice.py" line="36" />
        <source>This number is on several of your cases:</source>
        <translation>此号码出现在你的多个案件中：</translation>
    </message>
</context>
<context>
    <name>CaseFlag</name>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="72" />
        <source>Dispute</source>
        <translation>争议</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="73" />
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="74" />
        <source>Cease communication</source>
        <translation>要求停止联系</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="75" />
        <source>Bankruptcy</source>
        <translation>破产</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="76" />
        <source>Deceased</source>
        <translation>已故</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="77" />
        <source>Fraud victim</source>
        <translation>欺诈受害人</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="78" />
        <source>Legal representation</source>
        <translation>已委托律师</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="79" />
        <source>Hardship</source>
        <translation>困难客户</translation>
    </message>
</context>
<context>
    <name>CaseStatus</name>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="95" />
        <source>Open</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="96" />
        <source>Promised</source>
        <translation>已承诺还款</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="97" />
        <source>On a plan</source>
        <translation>分期还款中</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="98" />
        <source>Legal</source>
        <translation>法律程序</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="99" />
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
</context>
<context>
    <name>ChangeKind</name>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="459" />
        <source>Contact logged</source>
        <translation>已记录联系</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="460" />
        <source>Contact corrected</source>
        <translation>联系已更正</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="461" />
        <source>Flag raised or cleared</source>
        <translation>标记设置或清除</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="462" />
        <source>Legal step</source>
        <translation>法律步骤</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="463" />
        <source>Plan proposed</source>
        <translation>提出还款计划</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="464" />
        <source>Plan decided</source>
        <translation>审批还款计划</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="465" />
        <source>Case moved</source>
        <translation>案件转移</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="466" />
        <source>Audit record</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="467" />
        <source>Number marked</source>
        <translation>号码标记</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="468" />
        <source>Preferred number</source>
        <translation>首选号码</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="469" />
        <source>Consent to messages</source>
        <translation>同意接收消息</translation>
    </message>
</context>
<context>
    <name>Channel</name>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="115" />
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="116" />
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="117" />
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="118" />
        <source>Letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="119" />
        <source>Visit</source>
        <translation>外访</translation>
    </message>
</context>
<context>
    <name>Chart</name>
    <message>
        <location filename="../../collector_desk/ui/team/charts.py" line="127" />
        <source>No figures for these dates</source>
        <translation>这些日期没有数据</translation>
    </message>
</context>
<context>
    <name>ContactPointKind</name>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="125" />
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="126" />
        <source>Home phone</source>
        <translation>住宅电话</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="127" />
        <source>Work phone</source>
        <translation>单位电话</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="128" />
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="129" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
</context>
<context>
    <name>ContactPointStatus</name>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="144" />
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="145" />
        <source>Unverified</source>
        <translation>未核实</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="146" />
        <source>Wrong number</source>
        <translation>错号</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="147" />
        <source>Do not call</source>
        <translation>禁止拨打</translation>
    </message>
</context>
<context>
    <name>Contactability</name>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="214" />
        <source>only with a reason: %1</source>
        <translation>须说明理由方可联系：%1</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="219" />
        <source>now</source>
        <translation>现在可以</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="221" />
        <source>may contact now</source>
        <translation>现在可以联系</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="227" />
        <source>from %1</source>
        <translation>%1 起</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="234" />
        <source>%1 · next allowed %2 customer time</source>
        <translation>%1 · 下次可联系：客户当地时间 %2</translation>
    </message>
</context>
<context>
    <name>Correction</name>
    <message>
        <location filename="../../collector_desk/ui/case/correction_dialog.py" line="52" />
        <source>Say why the contact is corrected; the reason is kept with it.</source>
        <translation>请说明更正原因；原因会与更正一起保存。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/correction_dialog.py" line="55" />
        <source>The reason is too long (at most %1 characters).</source>
        <translation>原因过长（最多 %1 个字符）。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/correction_dialog.py" line="58" />
        <source>Nothing is changed: choose another outcome, edit the note or the case.</source>
        <translation>没有任何更改：请选择其他结果，或修改备注或案件。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/correction_dialog.py" line="61" />
        <source>A promise or a requested callback is not made by a correction: log it as a new contact.</source>
        <translation>承诺还款或约定回电不能通过更正产生：请记录为一次新的联系。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/correction_dialog.py" line="66" />
        <source>This contact made a promise: its outcome and case stay. Keep or break the promise itself; the note may still be corrected.</source>
        <translation>此次联系产生了还款承诺：其结果和案件不能更改。请在承诺本身上处理（履约或违约）；备注仍可更正。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/correction_dialog.py" line="71" />
        <source>Only the collector who logged this contact, or a team lead, may correct it.</source>
        <translation>只有记录此次联系的催收员或组长可以更正。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/correction_dialog.py" line="75" />
        <source>The time to correct this contact has passed; ask your team lead.</source>
        <translation>此次联系的更正时限已过；请联系组长。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/correction_dialog.py" line="78" />
        <source>This contact is not on this desk.</source>
        <translation>本机没有这条联系记录。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/correction_dialog.py" line="79" />
        <source>That case is not one you may write about.</source>
        <translation>您无权在该案件上记录。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/correction_dialog.py" line="80" />
        <source>No case you may write about has that reference.</source>
        <translation>没有您可记录的案件使用该编号。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/correction_dialog.py" line="95" />
        <source>no note</source>
        <translation>无备注</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/correction_dialog.py" line="97" />
        <source>on another case</source>
        <translation>记在另一案件上</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/correction_dialog.py" line="99" />
        <source>✎ Was: %1 — corrected by %2, %3: %4</source>
        <translation>✎ 原为：%1 —— 由 %2 于 %3 更正：%4</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/correction_dialog.py" line="123" />
        <source>Correct a contact</source>
        <translation>更正联系记录</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/correction_dialog.py" line="130" />
        <source>%1 · %2 · logged as “%3”</source>
        <translation>%1 · %2 · 原记录为“%3”</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/correction_dialog.py" line="138" />
        <source>The contact stays in the history as it was logged; this correction is kept beside it with your reason, and the team lead can see it.</source>
        <translation>原联系记录保留在历史中；本次更正连同您的原因一并保存在旁边，组长可以查看。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/correction_dialog.py" line="163" />
        <source>empty: stays on this case; or the other case's reference</source>
        <translation>留空：仍在本案件；或填写另一案件的编号</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/correction_dialog.py" line="175" />
        <source>&amp;Outcome</source>
        <translation>结果(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/correction_dialog.py" line="176" />
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/correction_dialog.py" line="177" />
        <source>Move to &amp;case</source>
        <translation>移至案件(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/correction_dialog.py" line="178" />
        <source>&amp;Why (required, kept with the correction)</source>
        <translation>原因（必填，随更正保存）(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/correction_dialog.py" line="186" />
        <source>Correct</source>
        <translation>更正</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <location filename="../../collector_desk/ui/shell/crash_report.py" line="39" />
        <source>Collector Desk</source>
        <translation>催收工作台</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/crash_report.py" line="40" />
        <source>Something went wrong that Collector Desk did not expect. What you saved before is kept. A report without customer data was written; please send it to IT support:
%1</source>
        <translation>催收工作台遇到了意外错误。之前保存的内容都还在。已写入一份不含客户数据的报告，请发送给 IT 支持：
%1</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/crash_report.py" line="47" />
        <source>Open the folder</source>
        <translation>打开所在文件夹</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../collector_desk/ui/team/dashboard.py" line="86" />
        <source>Team</source>
        <translation>全组</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/dashboard.py" line="100" />
        <source>By day</source>
        <translation>按日</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/dashboard.py" line="101" />
        <source>By week</source>
        <translation>按周</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/dashboard.py" line="103" />
        <location filename="../../collector_desk/ui/team/dashboard.py" line="192" />
        <source>Whole team</source>
        <translation>全组</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/dashboard.py" line="104" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/dashboard.py" line="106" />
        <source>Ask the server for fresh figures (F5)</source>
        <translation>向服务器获取最新数据（F5）</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/dashboard.py" line="108" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/dashboard.py" line="115" />
        <location filename="../../collector_desk/ui/team/dashboard.py" line="347" />
        <source>Contacts</source>
        <translation>联系次数</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/dashboard.py" line="117" />
        <location filename="../../collector_desk/ui/team/dashboard.py" line="349" />
        <source>Contacts per hour</source>
        <translation>每小时联系次数</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/dashboard.py" line="119" />
        <source>Right-party contact rate</source>
        <translation>本人接通率</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/dashboard.py" line="120" />
        <source>Promise rate (per RPC)</source>
        <translation>承诺率（每次本人接通）</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/dashboard.py" line="121" />
        <source>Kept rate (amount)</source>
        <translation>履约率（按金额）</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/dashboard.py" line="310" />
        <source>Collected</source>
        <translation>回收金额</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/dashboard.py" line="123" />
        <source>Broken promises without follow-up</source>
        <translation>未跟进的违约承诺</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/dashboard.py" line="126" />
        <source>Roll and cure by bucket</source>
        <translation>各账龄段迁徙率与出催率</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/dashboard.py" line="150" />
        <source>Totals by collector</source>
        <translation>各催收员合计</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/dashboard.py" line="154" />
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/dashboard.py" line="155" />
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/dashboard.py" line="157" />
        <location filename="../../collector_desk/ui/team/dashboard.py" line="346" />
        <source>Collector</source>
        <translation>催收员</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/dashboard.py" line="205" />
        <source>The start date is after the end date.</source>
        <translation>开始日期晚于结束日期。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/dashboard.py" line="210" />
        <source>Choose at most a year.</source>
        <translation>最多选择一年。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/dashboard.py" line="223" />
        <source>Fetching fresh figures…</source>
        <translation>正在获取最新数据…</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/dashboard.py" line="233" />
        <source>The server keeps these figures for team leads.</source>
        <translation>这些数据仅向组长开放。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/dashboard.py" line="237" />
        <source>The server cannot be reached.</source>
        <translation>无法连接服务器。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/dashboard.py" line="239" />
        <source>The server cannot be reached and no figures for these dates are kept on this computer.</source>
        <translation>无法连接服务器，本机也没有这些日期的数据。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/dashboard.py" line="312" />
        <location filename="../../collector_desk/ui/team/dashboard.py" line="355" />
        <source>Collected (%1)</source>
        <translation>回收金额（%1）</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/dashboard.py" line="331" />
        <source>Roll</source>
        <translation>迁徙</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/dashboard.py" line="332" />
        <source>Cure</source>
        <translation>出催</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/dashboard.py" line="348" />
        <source>Hours</source>
        <translation>工时</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/dashboard.py" line="350" />
        <source>Talk time</source>
        <translation>通话时长</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/dashboard.py" line="351" />
        <source>RPC rate</source>
        <translation>本人接通率</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/dashboard.py" line="352" />
        <source>Promise rate</source>
        <translation>承诺率</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/dashboard.py" line="353" />
        <source>Broken, no follow-up</source>
        <translation>违约未跟进</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/dashboard.py" line="354" />
        <source>Kept rate (%1)</source>
        <translation>履约率（%1）</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/dashboard.py" line="387" />
        <source>Export the team's numbers</source>
        <translation>导出本组数据</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/dashboard.py" line="389" />
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/dashboard.py" line="402" />
        <source>Could not export: %1</source>
        <translation>无法导出：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/team/dashboard.py" line="406" />
        <source>Exported %n row(s) to %1</source>
        <translation>
            <numerusform>已导出 %n 行到 %1</numerusform>
        </translation></message>
    <message>
        <location filename="../../collector_desk/ui/team/dashboard.py" line="425" />
        <source>W%1</source>
        <translation>第%1周</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/dashboard.py" line="431" />
        <source>No figures for these dates yet.</source>
        <translation>这些日期暂无数据。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/dashboard.py" line="433" />
        <source>Figures computed %1.</source>
        <translation>数据计算于 %1。</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <location filename="../../collector_desk/ui/shell/desk.py" line="265" />
        <source>Downloading your cases…</source>
        <translation>正在下载您的案件…</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/desk.py" line="154" />
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/desk.py" line="218" />
        <source>This computer has no keyring to keep the key to your cases: sign in with your password.</source>
        <translation>本机没有可保存案件数据密钥的钥匙串：请输入密码登录。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/desk.py" line="226" />
        <source>This password does not open the cases kept on this computer. Nothing was changed: start again and type it once more.</source>
        <translation>此密码无法打开本机保存的案件数据。未做任何更改：请重新启动并再次输入密码。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/desk.py" line="112" />
        <source>%1 would be reached over plain HTTP, which exposes your sign-in. Use https://, or start with --allow-http if your IT department says so.</source>
        <translation>连接 %1 将使用未加密的 HTTP，会暴露您的登录信息。请使用 https://；如 IT 部门允许，可加 --allow-http 启动。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/shell/desk.py" line="244" />
        <source>The cases on this computer have not been synced for more than %n day(s), so they stay locked until you sign in with the server reachable.</source>
        <translation>
            <numerusform>本机的案件数据已超过 %n 天未同步，在您连上服务器并登录之前将保持锁定。</numerusform>
        </translation></message>
    <message>
        <location filename="../../collector_desk/ui/shell/desk.py" line="285" />
        <source>There is no copy of your cases on this computer yet, and the server cannot be reached. Connect to the network and start again.</source>
        <translation>本机上还没有您的案件副本，且无法连接服务器。请连接网络后重新启动。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/desk.py" line="338" />
        <source>Access from this computer was withdrawn. What you recorded was sent to the server, and the cases kept on this computer were removed.</source>
        <translation>本机的访问权限已被收回。您记录的内容已发送到服务器，本机保存的案件数据已被清除。</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="182" />
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="183" />
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="184" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="185" />
        <source>Customer's local time</source>
        <translation>客户当地时间</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="186" />
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="301" />
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="404" />
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="455" />
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="515" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="187" />
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="429" />
        <source>Overdue</source>
        <translation>逾期金额</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="188" />
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="431" />
        <source>Balance</source>
        <translation>欠款余额</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="189" />
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="198" />
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="199" />
        <source>Contact points</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="200" />
        <source>Contacts</source>
        <translation>联系记录</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="201" />
        <source>Promises</source>
        <translation>承诺还款</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="202" />
        <source>Plans</source>
        <translation>还款计划</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="203" />
        <source>Payments</source>
        <translation>还款记录</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="204" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="205" />
        <source>Messages</source>
        <translation>短信与邮件</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="206" />
        <source>Legal</source>
        <translation>法务</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="213" />
        <source>Show (Ctrl+I)</source>
        <translation>显示（Ctrl+I）</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="214" />
        <source>Show the full number; this is recorded</source>
        <translation>显示完整号码；此操作会被记录</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="223" />
        <source>Select a case in the queue to see it here.</source>
        <translation>在案件队列中选择一个案件，在此查看详情。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="225" />
        <source>Correct… (E)</source>
        <translation>更正…（E）</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="227" />
        <source>E: correct the selected contact (the original is kept)</source>
        <translation>E：更正所选联系（保留原记录）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="257" />
        <source>%n day(s) past due</source>
        <translation>
            <numerusform>逾期 %n 天</numerusform>
        </translation></message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="299" />
        <source>Message</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="300" />
        <source>To</source>
        <translation>发送至</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="336" />
        <source>Suggested for legal review (Ctrl+Shift+L).</source>
        <translation>建议转法务审查 (Ctrl+Shift+L)。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="338" />
        <source>Not suggested for legal: %1</source>
        <translation>不建议转法务：%1</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="343" />
        <source>Legal stage: %1</source>
        <translation>法务阶段：%1</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="370" />
        <source>Not dialed: %1</source>
        <translation>未拨出：%1</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="405" />
        <source>Installments</source>
        <translation>期数</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="406" />
        <source>Total</source>
        <translation>总额</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="407" />
        <source>Waived</source>
        <translation>减免</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="408" />
        <source>First due</source>
        <translation>首期还款日</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="409" />
        <source>Approval</source>
        <translation>审批</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="426" />
        <source>Card</source>
        <translation>卡号</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="427" />
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="428" />
        <source>Bucket / DPD</source>
        <translation>账龄 / 逾期天数</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="430" />
        <source>Minimum due</source>
        <translation>最低还款额</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="432" />
        <source>Credit limit</source>
        <translation>信用额度</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="433" />
        <source>Due date</source>
        <translation>到期还款日</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="452" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="453" />
        <source>Number or address</source>
        <translation>号码或地址</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="454" />
        <source>Whose</source>
        <translation>归属</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="456" />
        <source>Call now (C)</source>
        <translation>现在可拨打 (C)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="297" />
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="484" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="216" />
        <source>C: call · W: wrong number · D: do not call · P: preferred · M: agreed to messages (again: taken back)</source>
        <translation>C：拨打 · W：错号 · D：勿拨打 · P：首选 · M：同意接收消息（再按撤回）</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="298" />
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="485" />
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="466" />
        <source>no %1</source>
        <translation>不接收%1</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="471" />
        <source>agreed to %1</source>
        <translation>同意接收%1</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="486" />
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="487" />
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="543" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="488" />
        <source>Corrected</source>
        <translation>更正</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="512" />
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="513" />
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="531" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="514" />
        <source>Paid</source>
        <translation>已还</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="530" />
        <source>Paid at</source>
        <translation>还款时间</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/detail_pane.py" line="532" />
        <source>Source</source>
        <translation>还款渠道</translation>
    </message>
</context>
<context>
    <name>FieldError</name>
    <message>
        <location filename="../../collector_desk/ui/call/field_errors.py" line="20" />
        <source>Not allowed: %1</source>
        <translation>不允许：%1</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/field_errors.py" line="24" />
        <source>This goes past a rule (%1). Say why you go on; it is recorded.</source>
        <translation>此次联系超出规则（%1）。请说明继续的理由，理由将被记录。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/field_errors.py" line="28" />
        <source>This outcome is only possible on a call.</source>
        <translation>此结果只适用于电话联系。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/field_errors.py" line="31" />
        <source>Choose the number you used.</source>
        <translation>请选择所拨打的号码。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/field_errors.py" line="32" />
        <source>This number is marked wrong or do-not-call; it cannot be used.</source>
        <translation>此号码已标记为错号或禁止拨打，不能使用。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/field_errors.py" line="35" />
        <source>This number does not belong to the customer.</source>
        <translation>此号码不属于该客户。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/field_errors.py" line="38" />
        <source>Write a note for this outcome.</source>
        <translation>此结果需要填写备注。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/field_errors.py" line="39" />
        <source>The phone's talk time cannot be right for this contact.</source>
        <translation>电话记录的通话时长与本次联系不符。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/field_errors.py" line="42" />
        <source>The note is too long (at most %1 characters).</source>
        <translation>备注过长（最多 %1 个字符）。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/field_errors.py" line="45" />
        <source>A promise needs the outcome “Promise to pay”.</source>
        <translation>只有结果为“承诺还款”时才能记录承诺。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/field_errors.py" line="48" />
        <source>Enter the promised amount.</source>
        <translation>请输入承诺还款金额。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/field_errors.py" line="49" />
        <source>The amount must be a positive number, like 1500 or 1500.50.</source>
        <translation>金额必须是正数，例如 1500 或 1500.50。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/field_errors.py" line="52" />
        <source>The amount is more than the balance of %1.</source>
        <translation>金额超过了欠款余额 %1。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/field_errors.py" line="55" />
        <source>Enter the date the customer will pay.</source>
        <translation>请输入客户承诺的还款日期。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/field_errors.py" line="56" />
        <source>The promise date is in the past.</source>
        <translation>承诺还款日期已过。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/call/field_errors.py" line="57" />
        <source>The promise date may be at most %n day(s) ahead.</source>
        <translation>
            <numerusform>承诺还款日期最多只能在 %n 天之后。</numerusform>
        </translation></message>
    <message>
        <location filename="../../collector_desk/ui/call/field_errors.py" line="63" />
        <source>Enter when to call back.</source>
        <translation>请输入回拨时间。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/field_errors.py" line="64" />
        <source>The callback time is in the past.</source>
        <translation>回拨时间已过。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/call/field_errors.py" line="65" />
        <source>The callback may be at most %n day(s) ahead.</source>
        <translation>
            <numerusform>回拨时间最多只能在 %n 天之后。</numerusform>
        </translation></message>
    <message>
        <location filename="../../collector_desk/ui/call/field_errors.py" line="71" />
        <source>This case is no longer assigned to you.</source>
        <translation>此案件已不再分配给您。</translation>
    </message>
</context>
<context>
    <name>FlagDialog</name>
    <message>
        <location filename="../../collector_desk/ui/case/flag_dialog.py" line="38" />
        <source>Flags</source>
        <translation>案件标记</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/flag_dialog.py" line="47" />
        <source>Flags on this case</source>
        <translation>本案件的标记</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/flag_dialog.py" line="52" />
        <source>&amp;Why (recorded in the audit trail)</source>
        <translation>原因（记入审计记录）(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/flag_dialog.py" line="79" />
        <source>Say why the flags change.</source>
        <translation>请说明标记变更的原因。</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <location filename="../../collector_desk/ui/help/help_menu.py" line="41" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/help_menu.py" line="42" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/help_menu.py" line="43" />
        <source>&amp;User guide</source>
        <translation>用户指南(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/help_menu.py" line="44" />
        <source>&amp;About Collector Desk</source>
        <translation>关于催收工作台(&amp;A)</translation>
    </message>
</context>
<context>
    <name>KeyNotes</name>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="23" />
        <source>In the queue: log a contact for the selected case</source>
        <translation>在队列中：为所选案件记录联系</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="24" />
        <source>In the search field: clear the search</source>
        <translation>在搜索框中：清除搜索</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="25" />
        <source>In Contact points: mark the number wrong</source>
        <translation>在联系方式中：标记号码错误</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="26" />
        <source>In Contact points: mark the number do-not-call</source>
        <translation>在联系方式中：标记号码勿拨</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="27" />
        <source>In Contact points: make the number preferred</source>
        <translation>在联系方式中：设为首选号码</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="28" />
        <source>In Contact points: call the selected number</source>
        <translation>在联系方式中：拨打所选号码</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="29" />
        <source>In Contact points: the holder agreed to messages (again: taken back)</source>
        <translation>联系方式中：持有人同意接收消息（再按撤回）</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="32" />
        <source>In Contacts: correct the selected contact</source>
        <translation>在联系记录中：更正所选联系</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="33" />
        <source>Show the full ID number (audited)</source>
        <translation>显示完整证件号码（记入审计）</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="34" />
        <location filename="../../collector_desk/ui/help/key_notes.py" line="35" />
        <source>In the call guide: log the call</source>
        <translation>在通话指引中：记录通话</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="36" />
        <source>Numbers: read the team's figures again</source>
        <translation>数据：重新读取团队数据</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="37" />
        <location filename="../../collector_desk/ui/help/key_notes.py" line="38" />
        <source>Save and go to the next case</source>
        <translation>保存并转到下一个案件</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="39" />
        <source>Save and stay on this case</source>
        <translation>保存并留在本案件</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="40" />
        <location filename="../../collector_desk/ui/help/key_notes.py" line="41" />
        <source>Agree the plan</source>
        <translation>同意还款计划</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="42" />
        <location filename="../../collector_desk/ui/help/key_notes.py" line="43" />
        <source>Queue the message to be sent</source>
        <translation>将消息排队发送</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="44" />
        <location filename="../../collector_desk/ui/help/key_notes.py" line="45" />
        <source>Send to every case found</source>
        <translation>发给查到的每个案件</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="46" />
        <source>Read how the send goes again</source>
        <translation>重新读取发送进度</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="47" />
        <location filename="../../collector_desk/ui/help/key_notes.py" line="113" />
        <source>In the case's contacts: correct the selected contact</source>
        <translation>在案件的联系记录中：更正所选联系</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="52" />
        <source>In the call guide: the customer's objection</source>
        <translation>在通话指引中：客户的异议</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="54" />
        <source>In the call guide: the customer's answer</source>
        <translation>在通话指引中：客户的回答</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="62" />
        <source>Close (what was typed in the log stays as a draft)</source>
        <translation>关闭（已输入的内容保存为草稿）</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="66" />
        <source>Move through the queue; the case opens</source>
        <translation>在队列中移动；案件随之打开</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="69" />
        <source>Go to the first or the last case</source>
        <translation>转到第一个或最后一个案件</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="71" />
        <source>In the search field: search</source>
        <translation>在搜索框中：搜索</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="72" />
        <source>No answer, next case</source>
        <translation>无人接听，下一个案件</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="73" />
        <source>Reminder: open its case</source>
        <translation>提醒：打开其案件</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="74" />
        <source>Reminder: snooze it</source>
        <translation>提醒：稍后提醒</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="75" />
        <source>Phone: answer the incoming call</source>
        <translation>电话：接听来电</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="76" />
        <source>Phone: mute or unmute</source>
        <translation>电话：静音或取消静音</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="77" />
        <source>Phone: hang up</source>
        <translation>电话：挂断</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="78" />
        <source>Preview dialing on or off</source>
        <translation>开启或关闭预览拨号</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="79" />
        <source>Preview dialing: skip to the next case</source>
        <translation>预览拨号：跳到下一个案件</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="80" />
        <source>Preview dialing: pause the countdown</source>
        <translation>预览拨号：暂停倒计时</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="83" />
        <source>Next tab: Workload, Approvals, Numbers</source>
        <translation>下一个标签页：工作量、审批、数据</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="84" />
        <source>Close the team desk</source>
        <translation>关闭团队工作台</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="87" />
        <source>Pick the outcome (in the outcome list)</source>
        <translation>选择结果（在结果列表中）</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="88" />
        <source>In the outcome list: save and go to the next case</source>
        <translation>在结果列表中：保存并转到下一个案件</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="89" />
        <source>Outcome, note, promise, then the rarer fields</source>
        <translation>依次为结果、备注、承诺，然后是较少用的字段</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="93" />
        <source>Calculate the plans</source>
        <translation>计算还款计划</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="94" />
        <source>Close without agreeing</source>
        <translation>关闭，不同意</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="96" />
        <location filename="../../collector_desk/ui/help/key_notes.py" line="101" />
        <location filename="../../collector_desk/ui/help/key_notes.py" line="107" />
        <source>Close without a change</source>
        <translation>关闭，不做更改</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="98" />
        <source>In the templates: choose one; the preview follows</source>
        <translation>在模板列表中：选择模板，预览随之更新</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="99" />
        <source>Close without sending</source>
        <translation>关闭，不发送</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="103" />
        <source>Close (a send goes on in the central store)</source>
        <translation>关闭（发送在中心服务器继续）</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="106" />
        <source>Correct (the why is required)</source>
        <translation>更正（原因必填）</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="110" />
        <source>In the case reference: show its contacts</source>
        <translation>在案件编号中：显示其联系记录</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="115" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="123" />
        <source>The queue and the case</source>
        <translation>队列和案件</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="124" />
        <source>The team desk</source>
        <translation>团队工作台</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="125" />
        <source>The contact log</source>
        <translation>联系记录</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="126" />
        <source>The repayment plan</source>
        <translation>还款计划</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="127" />
        <source>Legal</source>
        <translation>法务</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="128" />
        <source>Flags</source>
        <translation>案件标记</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="129" />
        <source>Correcting a contact</source>
        <translation>更正联系记录</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="130" />
        <source>A team member's contacts</source>
        <translation>组员的联系记录</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="131" />
        <source>A message to the customer</source>
        <translation>发送给客户的消息</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/key_notes.py" line="132" />
        <source>Messaging the cases found</source>
        <translation>群发消息</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="163" />
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="164" />
        <source>English</source>
        <translation>英文</translation>
    </message>
</context>
<context>
    <name>LegalDialog</name>
    <message>
        <location filename="../../collector_desk/ui/case/legal_dialog.py" line="42" />
        <source>Legal</source>
        <translation>法务</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/legal_dialog.py" line="64" />
        <source>&amp;Stage</source>
        <translation>阶段(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/legal_dialog.py" line="65" />
        <source>&amp;On</source>
        <translation>日期(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/legal_dialog.py" line="66" />
        <source>&amp;Documents on file</source>
        <translation>已备文件(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/legal_dialog.py" line="75" />
        <source>Not suggested for legal: %1</source>
        <translation>不建议转法务：%1</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/legal_dialog.py" line="131" />
        <source>already in legal</source>
        <translation>已在法务流程中</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/legal_dialog.py" line="132" />
        <source>not late enough</source>
        <translation>逾期天数不足</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/legal_dialog.py" line="133" />
        <source>balance too small</source>
        <translation>欠款金额过小</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/legal_dialog.py" line="134" />
        <source>too few contact attempts</source>
        <translation>联系尝试次数不足</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/legal_dialog.py" line="135" />
        <source>a flag sends it elsewhere</source>
        <translation>案件标记需走其他流程</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/legal_dialog.py" line="136" />
        <source>a plan is active</source>
        <translation>还款计划执行中</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/legal_dialog.py" line="137" />
        <source>a promise is open</source>
        <translation>有未到期的承诺还款</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/legal_dialog.py" line="144" />
        <source>This case may not go to legal: %1</source>
        <translation>此案件不能转法务：%1</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/legal_dialog.py" line="148" />
        <source>Missing documents: %1</source>
        <translation>缺少文件：%1</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/legal_dialog.py" line="152" />
        <source>The case cannot move to that stage now.</source>
        <translation>案件目前不能进入该阶段。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/legal_dialog.py" line="153" />
        <source>The date is in the future.</source>
        <translation>日期不能晚于今天。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/legal_dialog.py" line="154" />
        <source>The date is before the previous stage's.</source>
        <translation>日期早于上一阶段的日期。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/legal_dialog.py" line="157" />
        <source>This case is no longer assigned to you.</source>
        <translation>此案件已不再分配给您。</translation>
    </message>
</context>
<context>
    <name>LegalDocument</name>
    <message>
        <location filename="../../collector_desk/ui/case/legal_dialog.py" line="118" />
        <source>Card agreement</source>
        <translation>信用卡领用合约</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/legal_dialog.py" line="119" />
        <source>Statement of account</source>
        <translation>账户对账单</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/legal_dialog.py" line="120" />
        <source>Contact history</source>
        <translation>催收联系记录</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/legal_dialog.py" line="121" />
        <source>Final notice sent</source>
        <translation>最后通知已发出</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/legal_dialog.py" line="122" />
        <source>Complaint filed with the court</source>
        <translation>起诉状已提交法院</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/legal_dialog.py" line="123" />
        <source>Court fee receipt</source>
        <translation>诉讼费收据</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/legal_dialog.py" line="124" />
        <source>Copy of the judgment</source>
        <translation>判决书副本</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/legal_dialog.py" line="125" />
        <source>Enforcement application</source>
        <translation>强制执行申请书</translation>
    </message>
</context>
<context>
    <name>LegalStage</name>
    <message>
        <location filename="../../collector_desk/ui/case/legal_dialog.py" line="108" />
        <source>Referred</source>
        <translation>已移交</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/legal_dialog.py" line="109" />
        <source>Filed</source>
        <translation>已起诉</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/legal_dialog.py" line="110" />
        <source>Judgment</source>
        <translation>已判决</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/legal_dialog.py" line="111" />
        <source>Enforcement</source>
        <translation>强制执行</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/legal_dialog.py" line="112" />
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
</context>
<context>
    <name>LettersMenu</name>
    <message>
        <location filename="../../collector_desk/ui/case/letters_menu.py" line="59" />
        <source>Le&amp;tters</source>
        <translation>函件(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/letters_menu.py" line="62" />
        <source>P&amp;rint plan letter…</source>
        <translation>打印还款计划函(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/letters_menu.py" line="63" />
        <source>Save plan letter as PDF…</source>
        <translation>将还款计划函另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/letters_menu.py" line="66" />
        <source>Print &amp;notice before legal action…</source>
        <translation>打印法律程序前通知(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/letters_menu.py" line="67" />
        <source>Save notice before legal action as PDF…</source>
        <translation>将法律程序前通知另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/letters_menu.py" line="86" />
        <source>This case has no agreed plan to print.</source>
        <translation>此案件没有已生效的还款计划可打印。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/letters_menu.py" line="90" />
        <source>Nothing is past due on this case: no notice.</source>
        <translation>此案件没有逾期款项，无需发出通知。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/letters_menu.py" line="105" />
        <source>Letter sent to the printer.</source>
        <translation>函件已发送到打印机。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/letters_menu.py" line="116" />
        <source>Save letter</source>
        <translation>保存函件</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/letters_menu.py" line="124" />
        <source>Letter saved.</source>
        <translation>函件已保存。</translation>
    </message>
</context>
<context>
    <name>Lock</name>
    <message>
        <location filename="../../collector_desk/ui/shell/idle_lock.py" line="83" />
        <source>Collector Desk — locked</source>
        <translation>催收工作台 — 已锁定</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/idle_lock.py" line="84" />
        <source>Collector Desk is locked</source>
        <translation>催收工作台已锁定</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/idle_lock.py" line="85" />
        <source>Your password</source>
        <translation>您的密码</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/idle_lock.py" line="86" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/idle_lock.py" line="87" />
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/idle_lock.py" line="106" />
        <source>Checking your password…</source>
        <translation>正在核对您的密码…</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/idle_lock.py" line="224" />
        <source>This computer cannot check your password yet and the server cannot be reached. Your work is kept: connect to the network and try again.</source>
        <translation>本机暂时无法核对您的密码，服务器也无法连接。您的工作都已保留：请连接网络后再试。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/idle_lock.py" line="238" />
        <source>Too many wrong passwords: try again in %1 seconds.</source>
        <translation>密码错误次数过多：请 %1 秒后再试。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/idle_lock.py" line="243" />
        <source>That is not your password. Nothing was unlocked.</source>
        <translation>密码不正确，未解锁。</translation>
    </message>
</context>
<context>
    <name>LogDialog</name>
    <message>
        <location filename="../../collector_desk/ui/call/log_dialog.py" line="79" />
        <source>Not reached</source>
        <translation>未联系上</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/log_dialog.py" line="80" />
        <source>Someone else</source>
        <translation>他人接听</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/log_dialog.py" line="81" />
        <source>Customer reached</source>
        <translation>联系到本人</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/log_dialog.py" line="112" />
        <source>Log contact — %1</source>
        <translation>记录联系 — %1</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/log_dialog.py" line="138" />
        <source>Amount in %1</source>
        <translation>金额（%1）</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/log_dialog.py" line="290" />
        <source>&amp;Outcome</source>
        <translation>结果(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/log_dialog.py" line="291" />
        <source>C&amp;hannel</source>
        <translation>渠道(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/log_dialog.py" line="292" />
        <source>N&amp;umber used</source>
        <translation>所用号码(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/log_dialog.py" line="293" />
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/log_dialog.py" line="294" />
        <source>Promised &amp;amount</source>
        <translation>承诺金额(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/log_dialog.py" line="295" />
        <source>Promise &amp;date (customer's)</source>
        <translation>承诺日期（客户当地）(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/log_dialog.py" line="296" />
        <source>Call &amp;back at (customer's time)</source>
        <translation>回拨时间（客户当地）(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/log_dialog.py" line="297" />
        <source>&amp;Why go on anyway</source>
        <translation>继续的理由(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/log_dialog.py" line="308" />
        <source>The customer called us</source>
        <translation>客户来电</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/log_dialog.py" line="309" />
        <source>Save and next (Enter)</source>
        <translation>保存并下一个（Enter）</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/log_dialog.py" line="310" />
        <source>Save (Ctrl+S)</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/log_dialog.py" line="364" />
        <source>To go on, say why below; it is recorded.</source>
        <translation>如要继续，请在下方说明理由；理由将被记录。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/log_dialog.py" line="420" />
        <source>Call %1 at %2</source>
        <translation>于 %2 %1</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/log_dialog.py" line="423" />
        <source>received</source>
        <translation>接听来电</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/log_dialog.py" line="425" />
        <source>dialled</source>
        <translation>拨出电话</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/log_dialog.py" line="431" />
        <source>answered %1</source>
        <translation>%1 接通</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/log_dialog.py" line="434" />
        <source>talk %1</source>
        <translation>通话 %1</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/log_dialog.py" line="512" />
        <source>Choose an outcome.</source>
        <translation>请选择联系结果。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../collector_desk/ui/shell/main_window.py" line="317" />
        <source>Collector Desk — %1</source>
        <translation>催收工作台 — %1</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/main_window.py" line="319" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/main_window.py" line="320" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/main_window.py" line="321" />
        <source>&amp;Lock (F12)</source>
        <translation>锁定(&amp;L) (F12)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/main_window.py" line="322" />
        <source>&amp;Case</source>
        <translation>案件(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/main_window.py" line="323" />
        <source>&amp;Log contact… (L)</source>
        <translation>记录联系…（L）(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/main_window.py" line="324" />
        <source>&amp;Call selected number (C)</source>
        <translation>拨打所选号码(&amp;C) (C)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/main_window.py" line="325" />
        <source>Repayment &amp;plan…</source>
        <translation>还款计划(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/main_window.py" line="326" />
        <source>Le&amp;gal…</source>
        <translation>法务(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/main_window.py" line="327" />
        <source>&amp;Flags…</source>
        <translation>案件标记(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/main_window.py" line="328" />
        <source>&amp;Team</source>
        <translation>团队(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/main_window.py" line="329" />
        <source>Workload and &amp;approvals…</source>
        <translation>工作量与审批(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/main_window.py" line="330" />
        <source>Write a &amp;message… (Ctrl+M)</source>
        <translation>发送短信或邮件(&amp;M)…（Ctrl+M）</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/main_window.py" line="332" />
        <source>S&amp;ync now</source>
        <translation>立即同步(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/main_window.py" line="333" />
        <source>Changes the server &amp;refused…</source>
        <translation>被服务器拒绝的更改(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/main_window.py" line="334" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/main_window.py" line="335" />
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/main_window.py" line="336" />
        <source>&amp;Refresh queue</source>
        <translation>刷新队列(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/main_window.py" line="337" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/main_window.py" line="338" />
        <source>Call guide</source>
        <translation>通话指引</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/main_window.py" line="339" />
        <source>Call &amp;guide (F6)</source>
        <translation>通话指引(&amp;G)（F6）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/shell/main_window.py" line="345" />
        <source>%n call script(s) could not be read; their last good version is used (collector-desk scripts check says why).</source>
        <translation>
            <numerusform>%n 个通话话术无法读取，正在使用其上一个有效版本（原因见 collector-desk scripts check）。</numerusform>
        </translation></message>
    <message>
        <location filename="../../collector_desk/ui/shell/main_window.py" line="372" />
        <source>Cases in this view: %1</source>
        <translation>本视图案件数：%1</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/main_window.py" line="379" />
        <source>Changes waiting to sync: %1</source>
        <translation>待同步更改：%1</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/main_window.py" line="392" />
        <source>Unsaved contact notes: %1 (they reopen with their case)</source>
        <translation>未保存的联系记录：%1（打开对应案件时会恢复）</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/main_window.py" line="400" />
        <source>Refused by the server: %1</source>
        <translation>服务器拒绝的更改：%1</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/main_window.py" line="405" />
        <source>Case → Changes the server refused</source>
        <translation>案件 → 服务器拒绝的更改</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/main_window.py" line="448" />
        <source>Not connected to a server</source>
        <translation>未连接服务器</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/main_window.py" line="455" />
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/main_window.py" line="457" />
        <source>Online · synced %1</source>
        <translation>在线 · %1 已同步</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/main_window.py" line="460" />
        <source>this computer's clock is %1 min off the server's</source>
        <translation>本机时钟与服务器相差 %1 分钟</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/main_window.py" line="465" />
        <source>Signed out: sign in again to sync</source>
        <translation>已退出登录：请重新登录以同步</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/main_window.py" line="467" />
        <source>Access withdrawn: closing</source>
        <translation>访问权限已收回：正在关闭</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/main_window.py" line="470" />
        <source>Server error · retrying in %1 s</source>
        <translation>服务器出错 · %1 秒后重试</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/main_window.py" line="472" />
        <source>Sync error on this computer · retrying in %1 s</source>
        <translation>本机同步出错 · %1 秒后重试</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/main_window.py" line="475" />
        <source>Offline · retrying in %1 s</source>
        <translation>离线 · %1 秒后重试</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/main_window.py" line="750" />
        <source>Message queued: the central store sends it.</source>
        <translation>消息已排队，将由中心库发送。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/main_window.py" line="866" />
        <source>The unanswered call was logged as %1.</source>
        <translation>未接通的呼叫已记录为“%1”。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/call_control.py" line="125" />
        <source>The phone did not take the call; dial it by hand.</source>
        <translation>电话软件未能发起呼叫，请手动拨号。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/main_window.py" line="353" />
        <source>Case detail</source>
        <translation>案件详情</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/main_window.py" line="382" />
        <source>Offline: working from the local cache</source>
        <translation>离线：使用本地缓存工作</translation>
    </message>
</context>
<context>
    <name>MessageDialog</name>
    <message>
        <location filename="../../collector_desk/ui/case/message_dialog.py" line="63" />
        <source>Message to %1</source>
        <translation>发送给 %1 的消息</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/message_dialog.py" line="85" />
        <source>Send (Ctrl+Enter)</source>
        <translation>发送（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/message_dialog.py" line="94" />
        <source>&amp;Template</source>
        <translation>模板(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/message_dialog.py" line="95" />
        <source>&amp;Channel</source>
        <translation>渠道(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/message_dialog.py" line="96" />
        <source>T&amp;o</source>
        <translation>收件人(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/message_dialog.py" line="99" />
        <source>As the customer will read it:</source>
        <translation>客户将看到的内容：</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/message_dialog.py" line="157" />
        <source>This template has no channel here.</source>
        <translation>此模板没有可用的渠道。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/message_dialog.py" line="161" />
        <source>The customer has no number or address for this.</source>
        <translation>客户没有可用于此渠道的号码或地址。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/message_dialog.py" line="171" />
        <source>Subject: %1</source>
        <translation>主题：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/case/message_dialog.py" line="181" />
        <source>%n text(s)</source>
        <translation>
            <numerusform>%n 条短信</numerusform>
        </translation></message>
    <message>
        <location filename="../../collector_desk/ui/case/message_dialog.py" line="183" />
        <source>%1 characters, up to %2 a text</source>
        <translation>%1 个字符，每条最多 %2 个</translation>
    </message>
</context>
<context>
    <name>MessageRefusal</name>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="358" />
        <source>This message needs an active plan on the case.</source>
        <translation>此消息需要案件有生效的还款计划。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="360" />
        <source>This message needs an open promise on the case.</source>
        <translation>此消息需要案件有未到期的还款承诺。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="362" />
        <source>Pick a mobile number for a text, an e-mail address for an e-mail.</source>
        <translation>短信请选择手机号码，邮件请选择邮箱地址。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="365" />
        <source>This message is for the customer's own number (or, for a third-party message, for someone else's).</source>
        <translation>此消息只能发送至客户本人的号码（第三方消息则只能发送至他人的号码）。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="370" />
        <source>This message template is not installed.</source>
        <translation>未安装此消息模板。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="371" />
        <source>This template has no wording for this channel.</source>
        <translation>此模板没有该渠道的文字。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="372" />
        <source>This template has no wording to send.</source>
        <translation>此模板没有可发送的文字。</translation>
    </message>
</context>
<context>
    <name>MessageStatus</name>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="332" />
        <source>Waiting to send</source>
        <translation>等待发送</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="333" />
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="334" />
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="335" />
        <source>Delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="336" />
        <source>Failed</source>
        <translation>发送失败</translation>
    </message>
</context>
<context>
    <name>NextAction</name>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="155" />
        <source>Callback</source>
        <translation>回拨</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="156" />
        <source>Promise due</source>
        <translation>承诺到期</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="157" />
        <source>Plan broken: call</source>
        <translation>计划违约：请致电</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="53" />
        <source>No answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="54" />
        <source>Busy</source>
        <translation>占线</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="55" />
        <source>Voicemail</source>
        <translation>语音信箱</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="56" />
        <source>Wrong number</source>
        <translation>错号</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="57" />
        <source>Disconnected</source>
        <translation>停机/空号</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="58" />
        <source>Third party</source>
        <translation>第三方接听</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="59" />
        <source>Right party</source>
        <translation>本人接听</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="60" />
        <source>Promise to pay</source>
        <translation>承诺还款</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="61" />
        <source>Refused to pay</source>
        <translation>拒绝还款</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="62" />
        <source>Dispute</source>
        <translation>提出异议</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="63" />
        <source>Callback requested</source>
        <translation>要求回电</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="64" />
        <source>Claims paid</source>
        <translation>声称已还款</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="65" />
        <source>Hardship</source>
        <translation>经济困难</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="66" />
        <source>Language barrier</source>
        <translation>语言障碍</translation>
    </message>
</context>
<context>
    <name>PaymentSource</name>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="179" />
        <source>Bank transfer</source>
        <translation>银行转账</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="180" />
        <source>Mobile app</source>
        <translation>手机银行</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="181" />
        <source>Branch counter</source>
        <translation>网点柜台</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="182" />
        <source>Automatic debit</source>
        <translation>自动扣款</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="70" />
        <source>Repayment plan — %1</source>
        <translation>还款计划 — %1</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="74" />
        <source>Installment plan</source>
        <translation>分期还款</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="75" />
        <source>Settlement (one payment)</source>
        <translation>一次性结清</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="82" />
        <source>suggest</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="109" />
        <source>Balance</source>
        <translation>欠款余额</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="111" />
        <source>&amp;Kind</source>
        <translation>方案类型(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="112" />
        <source>Monthly &amp;income</source>
        <translation>月收入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="113" />
        <source>Monthly &amp;expenses</source>
        <translation>月支出(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="114" />
        <source>Other debts' &amp;payments a month</source>
        <translation>其他债务月还款(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="115" />
        <source>&amp;Waiver or discount</source>
        <translation>减免或折扣(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="116" />
        <source>&amp;Months (0: suggest)</source>
        <translation>期数（0：建议）(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="117" />
        <source>&amp;First payment on (customer's date)</source>
        <translation>首期还款日（客户当地日期）(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="125" />
        <source>Calculate (Enter)</source>
        <translation>计算 (Enter)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="128" />
        <source>Agree (Ctrl+Enter)</source>
        <translation>确认方案 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="139" />
        <source>Plans the customer can afford</source>
        <translation>客户负担得起的方案</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="140" />
        <source>Payment schedule</source>
        <translation>还款计划表</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="165" />
        <source>Amount in %1</source>
        <translation>金额（%1）</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="216" />
        <source>Calculate and choose an offer first.</source>
        <translation>请先计算并选择一个方案。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="228" />
        <source>Sent to the team lead for approval: %1</source>
        <translation>已提交组长审批：%1</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="233" />
        <source>Agreed: the plan is active.</source>
        <translation>已确认：计划已生效。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="245" />
        <source>Installments</source>
        <translation>期数</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="246" />
        <source>Each</source>
        <translation>每期</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="247" />
        <source>Last</source>
        <translation>末期</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="248" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="249" />
        <source>Approval</source>
        <translation>审批</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="262" />
        <source>within your authority</source>
        <translation>在您的权限内</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="277" />
        <source>No.</source>
        <translation>期次</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="278" />
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="279" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="296" />
        <source>longer than your authority</source>
        <translation>期数超出您的权限</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="297" />
        <source>waiver beyond your authority</source>
        <translation>减免超出您的权限</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="298" />
        <source>discount beyond your authority</source>
        <translation>折扣超出您的权限</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="299" />
        <source>more a month than the customer can pay</source>
        <translation>月供超出客户还款能力</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="307" />
        <source>income</source>
        <translation>收入</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="308" />
        <source>expenses</source>
        <translation>支出</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="309" />
        <source>other debts' payments</source>
        <translation>其他债务还款</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="310" />
        <source>waiver or discount</source>
        <translation>减免或折扣</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="313" />
        <source>Enter the %1.</source>
        <translation>请输入%1。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="314" />
        <source>The %1 must be an amount, like 8000 or 8000.50.</source>
        <translation>%1必须是金额，例如 8000 或 8000.50。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="317" />
        <source>Enter the customer's income and expenses, or a number of months.</source>
        <translation>请输入客户的收入和支出，或指定期数。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="320" />
        <source>Amounts may not be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="321" />
        <source>The first payment date is in the past.</source>
        <translation>首期还款日已过。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="322" />
        <source>The first payment must fall within %n day(s).</source>
        <translation>
            <numerusform>首期还款日必须在 %n 天之内。</numerusform>
        </translation></message>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="328" />
        <source>The rules allow at most %n month(s).</source>
        <translation>
            <numerusform>规则最多允许 %n 个月。</numerusform>
        </translation></message>
    <message>
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="331" />
        <source>The waiver must be less than the balance.</source>
        <translation>减免金额必须小于欠款余额。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="332" />
        <source>The discount must be less than the balance.</source>
        <translation>折扣金额必须小于欠款余额。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="335" />
        <source>Too many installments for this amount.</source>
        <translation>此金额的期数过多。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="338" />
        <source>This case already has a plan that is active or waiting for approval.</source>
        <translation>此案件已有生效中或待审批的计划。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/case/plan_dialog.py" line="341" />
        <source>This case is no longer assigned to you.</source>
        <translation>此案件已不再分配给您。</translation>
    </message>
</context>
<context>
    <name>PlanStatus</name>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="202" />
        <source>Waiting for approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="203" />
        <source>Active</source>
        <translation>执行中</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="204" />
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="205" />
        <source>Broken</source>
        <translation>已违约</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="206" />
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
</context>
<context>
    <name>Policy</name>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="250" />
        <source>stop flag</source>
        <translation>停催标记</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="252" />
        <source>collection stopped by a flag</source>
        <translation>因标记已停止催收</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="256" />
        <source>cap reached</source>
        <translation>已达上限</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="258" />
        <source>%1: %2 of %3 allowed</source>
        <translation>%1：已 %2 次，上限 %3 次</translation>
    </message>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/common/labels.py" line="265" />
        <source>spoke with the customer less than %n day(s) ago</source>
        <translation>
            <numerusform>距上次与客户通话不足 %n 天</numerusform>
        </translation></message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="269" />
        <source>the number is marked %1</source>
        <translation>号码已标记为%1</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="273" />
        <source>no contact rules for this customer</source>
        <translation>该客户没有适用的联系规则</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="274" />
        <source>the case is with legal</source>
        <translation>案件已转法务</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="275" />
        <source>outside contact hours</source>
        <translation>不在可联系时段</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="276" />
        <source>public holiday</source>
        <translation>公共假日</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="277" />
        <source>third parties may not be contacted</source>
        <translation>不得联系第三方</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="278" />
        <source>this third party was contacted before</source>
        <translation>已联系过该第三方</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="279" />
        <source>opted out of messages by this channel</source>
        <translation>已退订此渠道的消息</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="280" />
        <source>no consent to messages by this channel yet (M on the number records it)</source>
        <translation>尚未同意接收此渠道的消息（在号码上按 M 记录）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/common/labels.py" line="292" />
        <source>third parties only after %n failed call(s) to the customer</source>
        <translation>
            <numerusform>客户本人电话未接通满 %n 次后，才能联系第三方</numerusform>
        </translation></message>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/common/labels.py" line="296" />
        <source>third parties only after %n failed call(s) to the customer today</source>
        <translation>
            <numerusform>客户本人电话今天未接通满 %n 次后，才能联系第三方</numerusform>
        </translation></message>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/common/labels.py" line="303" />
        <source>third parties only after %n failed call(s) to the customer in %1 days</source>
        <translation>
            <numerusform>客户本人电话在 %1 天内未接通满 %n 次后，才能联系第三方</numerusform>
        </translation></message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="313" />
        <source>number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="317" />
        <source>%1; not yet tried: %2</source>
        <translation>%1；尚未拨打：%2</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="322" />
        <source>calls to this number today</source>
        <translation>今日拨打该号码次数</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="323" />
        <source>calls about this debt in 7 days</source>
        <translation>7 天内就该笔欠款的致电次数</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="324" />
        <source>contacts in a week</source>
        <translation>一周内联系次数</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="325" />
        <source>contacts in 30 days</source>
        <translation>30 天内联系次数</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="326" />
        <source>texts about this debt today</source>
        <translation>今日关于此欠款的短信</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="347" />
        <source>cap reached: %1</source>
        <translation>已达上限：%1</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="394" />
        <source>third party: do not mention the debt; ask only for a message or contact</source>
        <translation>第三方：不得提及欠款，只可请其转告或询问联系方式</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="397" />
        <source>first contact: identify the institution and say the call is recorded</source>
        <translation>首次联系：表明机构身份，并告知通话被录音</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="400" />
        <source>hardship or complaint on this case: take care</source>
        <translation>该案件有困难或投诉标记：请谨慎沟通</translation>
    </message>
</context>
<context>
    <name>PreviewDialer</name>
    <message>
        <location filename="../../collector_desk/ui/call/preview_dialer.py" line="80" />
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/preview_dialer.py" line="117" />
        <source>Preview dialing stopped: %1</source>
        <translation>预览拨号已停止：%1</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/preview_dialer.py" line="128" />
        <location filename="../../collector_desk/ui/call/preview_dialer.py" line="144" />
        <source>the desk is locked</source>
        <translation>工作台已锁定</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/preview_dialer.py" line="132" />
        <source>no case further on may be called now</source>
        <translation>后面没有现在可以拨打的案件</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/preview_dialer.py" line="156" />
        <source>the call did not go out</source>
        <translation>呼叫未能拨出</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/preview_dialer.py" line="162" />
        <source>Calling %1 in %2 s · %3 skip · %4 pause</source>
        <translation>%2 秒后呼叫 %1 · %3 跳过 · %4 暂停</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/preview_dialer.py" line="170" />
        <source>Preview &amp;dialing (Ctrl+Shift+D)</source>
        <translation>预览拨号(&amp;D) (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/preview_dialer.py" line="171" />
        <source>Skip (%1)</source>
        <translation>跳过 (%1)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/call/preview_dialer.py" line="172" />
        <source>Pause (%1)</source>
        <translation>暂停 (%1)</translation>
    </message>
</context>
<context>
    <name>Priority</name>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="188" />
        <source>callback due</source>
        <translation>回拨到期</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="189" />
        <source>promise broken</source>
        <translation>承诺违约</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="190" />
        <source>promise due today</source>
        <translation>今日承诺到期</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="191" />
        <source>rolls to the next bucket soon</source>
        <translation>即将滚入下一账龄</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="192" />
        <source>overdue amount</source>
        <translation>逾期金额</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="193" />
        <source>days past due</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="194" />
        <source>not worked for a week</source>
        <translation>一周未跟进</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="195" />
        <source>plan installment missed</source>
        <translation>计划分期未还</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="196" />
        <source>reached recently</source>
        <translation>近期已联系到</translation>
    </message>
</context>
<context>
    <name>Product</name>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="170" />
        <source>Standard card</source>
        <translation>普卡</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="171" />
        <source>Gold card</source>
        <translation>金卡</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="172" />
        <source>Platinum card</source>
        <translation>白金卡</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="173" />
        <source>Co-branded card</source>
        <translation>联名卡</translation>
    </message>
</context>
<context>
    <name>PromiseStatus</name>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="85" />
        <source>Open</source>
        <translation>未到期</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="86" />
        <source>Kept</source>
        <translation>已履约</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="87" />
        <source>Partial</source>
        <translation>部分履约</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="88" />
        <source>Broken</source>
        <translation>已违约</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="89" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../collector_desk/ui/queue/queue_model.py" line="60" />
        <source>Contact now</source>
        <translation>可否联系</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/queue/queue_model.py" line="61" />
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/queue/queue_model.py" line="62" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/queue/queue_model.py" line="63" />
        <source>Bucket / DPD</source>
        <translation>账龄 / 逾期天数</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/queue/queue_model.py" line="64" />
        <source>Overdue</source>
        <translation>逾期金额</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/queue/queue_model.py" line="65" />
        <source>Balance</source>
        <translation>欠款余额</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/queue/queue_model.py" line="66" />
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/queue/queue_model.py" line="67" />
        <source>Next action</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/queue/queue_model.py" line="68" />
        <source>Promise</source>
        <translation>承诺</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/queue/queue_model.py" line="69" />
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/queue/queue_model.py" line="244" />
        <source>never</source>
        <translation>从未联系</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location filename="../../collector_desk/ui/queue/queue_panel.py" line="32" />
        <source>My queue</source>
        <translation>我的队列</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/queue/queue_panel.py" line="33" />
        <source>Callbacks due</source>
        <translation>待回拨</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/queue/queue_panel.py" line="34" />
        <source>Promises due today</source>
        <translation>今日承诺到期</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/queue/queue_panel.py" line="35" />
        <source>Broken promises</source>
        <translation>违约承诺</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/queue/queue_panel.py" line="36" />
        <source>New assignments</source>
        <translation>新分配</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/queue/queue_panel.py" line="37" />
        <source>Untouched 7 days</source>
        <translation>7 天未跟进</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/queue/queue_panel.py" line="38" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/queue/queue_panel.py" line="109" />
        <source>Search: name, card last 4, phone digits, case or account number (Ctrl+F)</source>
        <translation>搜索：姓名、卡号后四位、电话号码、案件或账户编号（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/queue/queue_panel.py" line="114" />
        <source>Search cases</source>
        <translation>搜索案件</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/queue/queue_panel.py" line="115" />
        <source>Case queue</source>
        <translation>案件队列</translation>
    </message>
</context>
<context>
    <name>RefusedChanges</name>
    <message>
        <location filename="../../collector_desk/ui/shell/refused_changes_dialog.py" line="42" />
        <source>promise %1 by %2</source>
        <translation>承诺 %2 前还 %1</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/refused_changes_dialog.py" line="80" />
        <source>Changes the server refused</source>
        <translation>服务器拒绝的更改</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/refused_changes_dialog.py" line="86" />
        <source>The server kept none of these. Look at each case as it is now, do again what still needs doing, then acknowledge the row.</source>
        <translation>服务器没有保存以下更改。请查看每个案件的当前情况，重新完成仍需处理的事项，然后确认该行。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/refused_changes_dialog.py" line="95" />
        <source>Refused changes</source>
        <translation>被拒绝的更改</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/refused_changes_dialog.py" line="97" />
        <source>&amp;Open case</source>
        <translation>打开案件(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/refused_changes_dialog.py" line="98" />
        <source>Open case</source>
        <translation>打开案件</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/refused_changes_dialog.py" line="100" />
        <source>&amp;Acknowledge</source>
        <translation>确认已阅(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/refused_changes_dialog.py" line="101" />
        <source>Acknowledge</source>
        <translation>确认已阅</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/refused_changes_dialog.py" line="120" />
        <source>Refused</source>
        <translation>拒绝时间</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/refused_changes_dialog.py" line="121" />
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/refused_changes_dialog.py" line="122" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/refused_changes_dialog.py" line="123" />
        <source>Change</source>
        <translation>更改</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/refused_changes_dialog.py" line="124" />
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/refused_changes_dialog.py" line="125" />
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/refused_changes_dialog.py" line="132" />
        <source>no longer on this computer</source>
        <translation>已不在本机</translation>
    </message>
</context>
<context>
    <name>Relation</name>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="135" />
        <source>Customer</source>
        <translation>本人</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="136" />
        <source>Employer</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="137" />
        <source>Family</source>
        <translation>家人</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="138" />
        <source>Reference</source>
        <translation>联系人</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <location filename="../../collector_desk/ui/shell/reminders.py" line="138" />
        <source>Open (%1)</source>
        <translation>打开 (%1)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/reminders.py" line="140" />
        <source>Snooze %1 min (%2)</source>
        <translation>稍后提醒 %1 分钟 (%2)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/shell/reminders.py" line="145" />
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation></message>
    <message>
        <location filename="../../collector_desk/ui/shell/reminders.py" line="208" />
        <source>Collector Desk</source>
        <translation>催收工作台</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/reminders.py" line="219" />
        <source>Callback due: case %1</source>
        <translation>回拨到期：案件 %1</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/reminders.py" line="221" />
        <source>Promise due: case %1</source>
        <translation>承诺还款到期：案件 %1</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/reminders.py" line="224" />
        <source>outside the customer's allowed hours; next allowed %1 (their time)</source>
        <translation>不在客户允许联系的时段；下次可联系时间 %1（客户当地时间）</translation>
    </message>
</context>
<context>
    <name>Segment</name>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="105" />
        <source>Current</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="106" />
        <source>Early</source>
        <translation>早期</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="107" />
        <source>Mid-stage</source>
        <translation>中期</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="108" />
        <source>Late-stage</source>
        <translation>后期</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="109" />
        <source>Legal</source>
        <translation>法务</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <location filename="../../collector_desk/ui/help/shortcut_sheet.py" line="145" />
        <source>Go to: %1</source>
        <translation>转到：%1</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/shortcut_sheet.py" line="188" />
        <source>Keyboard shortcuts — %1</source>
        <translation>键盘快捷键 — %1</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/shortcut_sheet.py" line="194" />
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <location filename="../../collector_desk/ui/shell/sign_in.py" line="43" />
        <source>Sign in to Collector Desk</source>
        <translation>登录催收工作台</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/sign_in.py" line="61" />
        <source>This computer has no secure keyring, so Collector Desk will not remember your sign-in: you will be asked each time you start it.</source>
        <translation>本机没有安全的密钥环，催收工作台不会记住您的登录：每次启动时都需要重新登录。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/sign_in.py" line="70" />
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/sign_in.py" line="71" />
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/sign_in.py" line="72" />
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/sign_in.py" line="75" />
        <location filename="../../collector_desk/ui/shell/sign_in.py" line="140" />
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/sign_in.py" line="140" />
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/sign_in.py" line="77" />
        <source>Work offline</source>
        <translation>离线工作</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/sign_in.py" line="101" />
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/sign_in.py" line="125" />
        <source>Too many failed attempts: wait a moment and try again.</source>
        <translation>失败次数过多：请稍候再试。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/sign_in.py" line="127" />
        <source>The user name or password is wrong.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/shell/sign_in.py" line="132" />
        <source>The server cannot be reached.</source>
        <translation>无法连接服务器。</translation>
    </message>
</context>
<context>
    <name>SyncReason</name>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="407" />
        <source>the server could not accept this change (%1)</source>
        <translation>服务器无法接受此更改（%1）</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="411" />
        <source>the number was marked wrong or do-not-call</source>
        <translation>该号码已被标记为错号或禁止拨打</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="414" />
        <source>the case is not yours</source>
        <translation>该案件不属于您</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="415" />
        <source>the case no longer exists</source>
        <translation>该案件已不存在</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="416" />
        <source>the change was damaged</source>
        <translation>该更改已损坏</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="417" />
        <source>this server does not know that change</source>
        <translation>服务器不认识该更改</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="418" />
        <source>the number is not the customer's</source>
        <translation>该号码不属于此客户</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="419" />
        <source>someone changed it first; look again at the case as it is now</source>
        <translation>他人已先行修改；请查看案件的最新状态</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="422" />
        <source>the case belongs to another team</source>
        <translation>案件属于其他团队</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="423" />
        <source>only a team lead may decide</source>
        <translation>只有组长可以审批</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="424" />
        <source>the plan was already decided</source>
        <translation>该计划已审批</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="425" />
        <source>the case already has an open plan</source>
        <translation>案件已有进行中的计划</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="426" />
        <source>the plan is beyond your own authority</source>
        <translation>该计划超出您自己的权限</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="429" />
        <location filename="../../collector_desk/ui/common/labels.py" line="452" />
        <source>a reason is required</source>
        <translation>需要填写理由</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="430" />
        <source>the first payment date had passed</source>
        <translation>首期还款日已过</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="431" />
        <source>the case may not go to legal</source>
        <translation>案件不符合转法务条件</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="432" />
        <source>documents were missing</source>
        <translation>缺少文件</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="433" />
        <source>that legal stage cannot follow</source>
        <translation>不能进入该法务阶段</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="434" />
        <source>someone else moved the case meanwhile</source>
        <translation>案件已被他人转走</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="435" />
        <source>the case was closed</source>
        <translation>案件已结案</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="436" />
        <source>that person is not an active collector</source>
        <translation>该用户不是在岗催收员</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="437" />
        <source>that collector is not in the case's team</source>
        <translation>该催收员不属于案件所在团队</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="438" />
        <source>the contact is not on the server</source>
        <translation>服务器上没有这条联系记录</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="439" />
        <source>it arrived after the time to correct had passed; ask your team lead</source>
        <translation>送达时已超过更正时限；请联系组长</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="442" />
        <source>only the collector who logged the contact, or a lead, may correct it</source>
        <translation>只有记录该联系的催收员或组长可以更正</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="445" />
        <source>the contact made a promise: keep or break the promise itself</source>
        <translation>该联系产生了还款承诺：请在承诺本身上处理</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="448" />
        <source>a promise or a callback is logged as a new contact</source>
        <translation>承诺还款或回电应记录为新的联系</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/common/labels.py" line="451" />
        <source>it changed nothing</source>
        <translation>没有任何更改</translation>
    </message>
</context>
<context>
    <name>TeamCorrections</name>
    <message>
        <location filename="../../collector_desk/ui/team/team_corrections.py" line="48" />
        <source>Correct a team member's contact</source>
        <translation>更正组员的联系记录</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_corrections.py" line="58" />
        <source>&amp;Case reference</source>
        <translation>案件编号(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_corrections.py" line="60" />
        <source>Show its contacts</source>
        <translation>显示其联系记录</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_corrections.py" line="66" />
        <source>The case's contacts</source>
        <translation>该案件的联系记录</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_corrections.py" line="68" />
        <source>E or Enter: correct the selected contact</source>
        <translation>E 或 Enter：更正所选联系</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_corrections.py" line="95" />
        <source>No case of your team has that reference here.</source>
        <translation>本机没有贵组使用该编号的案件。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_corrections.py" line="102" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_corrections.py" line="103" />
        <source>Logged by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_corrections.py" line="104" />
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_corrections.py" line="105" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_corrections.py" line="106" />
        <source>Corrected</source>
        <translation>更正</translation>
    </message>
</context>
<context>
    <name>TeamWindow</name>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="70" />
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="81" />
        <source>Workload</source>
        <translation>工作量</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="82" />
        <source>Approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="84" />
        <source>Numbers</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="113" />
        <source>Currency of the balance</source>
        <translation>余额币种</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="118" />
        <source>any day</source>
        <translation>任意日期</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="119" />
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="120" />
        <source>tomorrow</source>
        <translation>明天</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="124" />
        <source>Find cases</source>
        <translation>查找案件</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="125" />
        <source>Export these cases…</source>
        <translation>导出这些案件…</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="127" />
        <source>A customer list: the export is recorded in the audit trail</source>
        <translation>客户名单：导出操作将记入审计记录</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="130" />
        <source>Move them to</source>
        <translation>转给</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="131" />
        <source>Propose a rebalance</source>
        <translation>生成均衡方案</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="132" />
        <source>Confirm the moves</source>
        <translation>确认调配</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="139" />
        <source>Message these cases…</source>
        <translation>群发消息…</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="141" />
        <source>One template to every case found, sent by the central store</source>
        <translation>用同一模板发给查到的每个案件，由中心服务器发送</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="144" />
        <source>Correct a contact…</source>
        <translation>更正联系记录…</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="152" />
        <source>Buckets</source>
        <translation>账龄</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="153" />
        <source>Days past due</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="155" />
        <source>Balance at least</source>
        <translation>欠款余额不少于</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="157" />
        <source>Now with</source>
        <translation>当前催收员</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="158" />
        <source>Promise due</source>
        <translation>承诺还款日</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="178" />
        <source>Each collector's workload</source>
        <translation>各催收员的工作量</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="179" />
        <source>Cases to move</source>
        <translation>待调整的案件</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="197" />
        <source>Reason (required to reject)</source>
        <translation>理由（拒绝时必填）</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="199" />
        <source>Waiting for your approval</source>
        <translation>待您审批</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="200" />
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="201" />
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="202" />
        <source>Reject</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="254" />
        <location filename="../../collector_desk/ui/team/team_window.py" line="289" />
        <source>Collector</source>
        <translation>催收员</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="255" />
        <source>Cases</source>
        <translation>案件数</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="256" />
        <location filename="../../collector_desk/ui/team/team_window.py" line="414" />
        <source>Overdue</source>
        <translation>逾期金额</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="257" />
        <source>Callbacks due today</source>
        <translation>今日待回拨</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="258" />
        <source>Open promises</source>
        <translation>未到期承诺</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="259" />
        <source>Untouched 7 days</source>
        <translation>7 天未跟进</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="260" />
        <source>Contacts today</source>
        <translation>今日联系数</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="281" />
        <source>anyone</source>
        <translation>任何人</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="288" />
        <location filename="../../collector_desk/ui/team/team_window.py" line="411" />
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="290" />
        <source>Offer</source>
        <translation>方案</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="291" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="292" />
        <source>Why it needs you</source>
        <translation>需要审批的原因</translation>
    </message>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/team/team_window.py" line="344" />
        <source>%n case(s) match.</source>
        <translation>
            <numerusform>符合条件的案件：%n 件。</numerusform>
        </translation></message>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/team/team_window.py" line="378" />
        <source>%n case(s) exported to %1; recorded in the audit trail.</source>
        <translation>
            <numerusform>已导出 %n 个案件到 %1；已记入审计记录。</numerusform>
        </translation></message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="306" />
        <source>Approvals (%1)</source>
        <translation>审批（%1）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/team/team_window.py" line="54" />
        <source>%n installment(s)</source>
        <translation>
            <numerusform>%n 期</numerusform>
        </translation></message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="341" />
        <source>The balance must be an amount, like 5000.</source>
        <translation>余额必须是金额，例如 5000。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="358" />
        <source>Find cases first.</source>
        <translation>请先查找案件。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="363" />
        <source>Export these cases</source>
        <translation>导出这些案件</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="365" />
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="375" />
        <source>Could not export: %1</source>
        <translation>无法导出：%1</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="396" />
        <source>Find cases and choose a collector first.</source>
        <translation>请先查找案件并选择催收员。</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="412" />
        <source>From</source>
        <translation>原催收员</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="413" />
        <source>To</source>
        <translation>新催收员</translation>
    </message>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/team/team_window.py" line="429" />
        <source>%n move(s) proposed; cases with an open promise or plan stay. Nothing moves until you confirm.</source>
        <translation>
            <numerusform>建议调配 %n 件；有未到期承诺或还款计划的案件保留原催收员。确认前不会调动任何案件。</numerusform>
        </translation></message>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/team/team_window.py" line="453" />
        <source>%n case(s) queued to move.</source>
        <translation>
            <numerusform>已排队调配 %n 件案件。</numerusform>
        </translation></message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="455" />
        <source>Not moved: %1</source>
        <translation>未调配：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../collector_desk/ui/team/team_window.py" line="478" />
        <source>Balance %1, waived %2, to pay %3 in %n installment(s)</source>
        <translation>
            <numerusform>欠款余额 %1，减免 %2，分 %n 期偿还 %3</numerusform>
        </translation></message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="491" />
        <source>Income %1, expenses %2, other debts %3 a month</source>
        <translation>月收入 %1，月支出 %2，其他债务月还款 %3</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="498" />
        <source>Last contacts: %1</source>
        <translation>最近联系：%1</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="522" />
        <source>Approved: %1</source>
        <translation>已批准：%1</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/team/team_window.py" line="524" />
        <source>Rejected: %1</source>
        <translation>已拒绝：%1</translation>
    </message>
</context>
<context>
    <name>UserGuide</name>
    <message>
        <location filename="../../collector_desk/ui/help/user_guide.py" line="26" />
        <source>Collector Desk user guide</source>
        <translation>催收工作台用户指南</translation>
    </message>
    <message>
        <location filename="../../collector_desk/ui/help/user_guide.py" line="29" />
        <source>User guide</source>
        <translation>用户指南</translation>
    </message>
</context>
</TS>
