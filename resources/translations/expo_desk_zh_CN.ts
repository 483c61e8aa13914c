<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>AddBoothDialog</name>
    <message>
      <location filename="../../expo_desk/ui/dialogs/contract_dialogs.py" line="+206" />
      <source>Add booth to %1</source>
      <translation>为 %1 添加展位</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Booth number…</source>
      <translation>展位号…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Booth</source>
      <translation>展位</translation>
    </message>
  </context>
  <context>
    <name>AddServiceDialog</name>
    <message>
      <location line="+15" />
      <source>Add service to %1</source>
      <translation>为 %1 添加服务</translation>
    </message>
    <message>
      <location line="+9" />
      <source>Service</source>
      <translation>服务</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Quantity</source>
      <translation>数量</translation>
    </message>
    <message>
      <location line="+3" />
      <source>The show's service catalogue is empty: add services under Sales terms and services…</source>
      <translation>本展会的服务目录为空：请在“销售条款与服务…”中添加服务。</translation>
    </message>
  </context>
  <context>
    <name>AuditPage</name>
    <message>
      <location filename="../../expo_desk/ui/pages/audit_page.py" line="+63" />
      <source>Record id</source>
      <translation>记录 ID</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Find in old or new values… (Ctrl+F)</source>
      <translation>在旧值或新值中查找…（Ctrl+F）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>C&amp;lear filters</source>
      <translation>清除筛选(&amp;L)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>E&amp;xport CSV…</source>
      <translation>导出 CSV(&amp;X)…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Save the entries that match the filters as a CSV file</source>
      <translation>将符合筛选条件的记录保存为 CSV 文件</translation>
    </message>
    <message>
      <location line="+6" />
      <source>Person</source>
      <translation>人员</translation>
    </message>
    <message>
      <location line="+0" />
      <source>From</source>
      <translation>从</translation>
    </message>
    <message>
      <location line="+1" />
      <source>To</source>
      <translation>至</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Table</source>
      <translation>数据表</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Record</source>
      <translation>记录</translation>
    </message>
    <message>
      <location line="+35" />
      <source>Field</source>
      <translation>字段</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Before</source>
      <translation>修改前</translation>
    </message>
    <message>
      <location line="+0" />
      <source>After</source>
      <translation>修改后</translation>
    </message>
    <message>
      <location line="+67" />
      <source>any day</source>
      <translation>不限日期</translation>
    </message>
    <message>
      <location line="+2" />
      <source>In your local time; the lowest date means any day</source>
      <translation>按本地时间；最早的日期表示不限日期</translation>
    </message>
    <message>
      <location line="+67" />
      <source>Everyone</source>
      <translation>所有人</translation>
    </message>
    <message>
      <location line="+5" />
      <source>All tables</source>
      <translation>全部数据表</translation>
    </message>
    <message>
      <location line="+12" />
      <source>Open a show file to see its audit trail.</source>
      <translation>请打开展会文件以查看审计记录。</translation>
    </message>
    <message>
      <location line="+6" />
      <source>The audit trail is for department managers and administrators.</source>
      <translation>审计记录仅供部门经理和管理员查看。</translation>
    </message>
    <message numerus="yes">
      <location line="+9" />
      <source>%n entry(s), newest first</source>
      <translation>
        <numerusform>%n 条记录，最新的在前</numerusform>
      </translation>
    </message>
    <message>
      <location line="+83" />
      <source>Export audit trail</source>
      <translation>导出审计记录</translation>
    </message>
    <message>
      <location line="+1" />
      <source>CSV files (*.csv)</source>
      <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
      <location line="+12" />
      <source>Export failed</source>
      <translation>导出失败</translation>
    </message>
    <message numerus="yes">
      <location line="+2" />
      <source>%n entry(s) exported to %1</source>
      <translation>
        <numerusform>已导出 %n 条记录到 %1</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>AuditTableModel</name>
    <message>
      <location filename="../../expo_desk/ui/models/audit_table_model.py" line="+17" />
      <source>When</source>
      <translation>时间</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Who</source>
      <translation>操作人</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Action</source>
      <translation>操作</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Table</source>
      <translation>数据表</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Record</source>
      <translation>记录</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Changes</source>
      <translation>改动</translation>
    </message>
    <message>
      <source>added</source>
      <translation type="vanished">新增</translation>
    </message>
    <message>
      <source>changed</source>
      <translation type="vanished">修改</translation>
    </message>
    <message>
      <source>deleted</source>
      <translation type="vanished">删除</translation>
    </message>
    <message>
      <source>Exhibitors</source>
      <translation type="vanished">展商</translation>
    </message>
    <message>
      <source>Contacts</source>
      <translation type="vanished">联系人</translation>
    </message>
    <message>
      <source>Shows</source>
      <translation type="vanished">展会</translation>
    </message>
    <message>
      <source>Users</source>
      <translation type="vanished">用户</translation>
    </message>
    <message>
      <source>Halls</source>
      <translation type="vanished">展馆</translation>
    </message>
    <message>
      <source>Booths</source>
      <translation type="vanished">展位</translation>
    </message>
    <message>
      <source>Leads</source>
      <translation type="vanished">意向客户</translation>
    </message>
    <message>
      <source>Follow-ups</source>
      <translation type="vanished">跟进记录</translation>
    </message>
    <message>
      <source>Service items</source>
      <translation type="vanished">服务项目</translation>
    </message>
    <message>
      <source>Contracts</source>
      <translation type="vanished">合同</translation>
    </message>
    <message>
      <source>Contract lines</source>
      <translation type="vanished">合同明细</translation>
    </message>
    <message>
      <source>Payment schedule</source>
      <translation type="vanished">付款计划</translation>
    </message>
    <message>
      <source>Payments</source>
      <translation type="vanished">收款</translation>
    </message>
    <message>
      <source>Build tasks</source>
      <translation type="vanished">搭建任务</translation>
    </message>
    <message>
      <source>Task links</source>
      <translation type="vanished">任务依赖</translation>
    </message>
    <message>
      <source>Visitor counts</source>
      <translation type="vanished">观众人数</translation>
    </message>
    <message>
      <source>Exhibitor leads</source>
      <translation type="vanished">展商线索</translation>
    </message>
    <message>
      <source>Survey answers</source>
      <translation type="vanished">问卷回答</translation>
    </message>
    <message>
      <source>Settings</source>
      <translation type="vanished">设置</translation>
    </message>
    <message>
      <source>Pricing rules</source>
      <translation type="vanished">价格规则</translation>
    </message>
    <message>
      <source>Sales terms</source>
      <translation type="vanished">销售条款</translation>
    </message>
    <message>
      <source>Spot checks</source>
      <translation type="vanished">抽查</translation>
    </message>
    <message>
      <source>Spot-check items</source>
      <translation type="vanished">抽查明细</translation>
    </message>
    <message>
      <source>Rebooking offers</source>
      <translation type="vanished">续展报价</translation>
    </message>
    <message>
      <source>Schedule templates</source>
      <translation type="vanished">进度模板</translation>
    </message>
    <message>
      <source>Task checklist</source>
      <translation type="vanished">任务检查项</translation>
    </message>
    <message>
      <source>Punch list</source>
      <translation type="vanished">问题清单</translation>
    </message>
    <message>
      <source>Pack texts</source>
      <translation type="vanished">展商手册文本</translation>
    </message>
    <message>
      <source>Post-show notes</source>
      <translation type="vanished">展后记录</translation>
    </message>
    <message>
      <source>Company</source>
      <translation type="vanished">公司</translation>
    </message>
    <message>
      <source>English name</source>
      <translation type="vanished">英文名称</translation>
    </message>
    <message>
      <source>Sector</source>
      <translation type="vanished">行业</translation>
    </message>
    <message>
      <source>Account manager</source>
      <translation type="vanished">项目经理</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation type="vanished">电话</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation type="vanished">邮箱</translation>
    </message>
    <message>
      <source>Website</source>
      <translation type="vanished">网站</translation>
    </message>
    <message>
      <source>Address</source>
      <translation type="vanished">地址</translation>
    </message>
    <message>
      <source>Expected value</source>
      <translation type="vanished">期望值</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation type="vanished">备注</translation>
    </message>
    <message>
      <source>Name</source>
      <translation type="vanished">名称</translation>
    </message>
    <message>
      <source>Title</source>
      <translation type="vanished">职务</translation>
    </message>
    <message>
      <source>Main contact</source>
      <translation type="vanished">主要联系人</translation>
    </message>
    <message>
      <source>User name</source>
      <translation type="vanished">用户名</translation>
    </message>
    <message>
      <source>Role</source>
      <translation type="vanished">角色</translation>
    </message>
    <message>
      <source>Active</source>
      <translation type="vanished">启用</translation>
    </message>
    <message>
      <source>Status</source>
      <translation type="vanished">状态</translation>
    </message>
    <message>
      <source>Number</source>
      <translation type="vanished">编号</translation>
    </message>
    <message>
      <source>Code</source>
      <translation type="vanished">代码</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation type="vanished">负责人</translation>
    </message>
    <message>
      <source>Recorded by</source>
      <translation type="vanished">记录人</translation>
    </message>
    <message>
      <source>Discount approved by</source>
      <translation type="vanished">优惠审批人</translation>
    </message>
    <message>
      <source>Person</source>
      <translation type="vanished">人员</translation>
    </message>
    <message>
      <source>Total</source>
      <translation type="vanished">总额</translation>
    </message>
    <message>
      <source>Discount</source>
      <translation type="vanished">优惠</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation type="vanished">金额</translation>
    </message>
    <message>
      <source>Unit price</source>
      <translation type="vanished">单价</translation>
    </message>
    <message>
      <source>Paid on</source>
      <translation type="vanished">付款日期</translation>
    </message>
    <message>
      <source>Due on</source>
      <translation type="vanished">到期日</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation type="vanished">原因</translation>
    </message>
    <message>
      <source>First day</source>
      <translation type="vanished">开幕日</translation>
    </message>
    <message>
      <source>Last day</source>
      <translation type="vanished">闭幕日</translation>
    </message>
    <message>
      <source>Venue</source>
      <translation type="vanished">场馆</translation>
    </message>
    <message>
      <source>City</source>
      <translation type="vanished">城市</translation>
    </message>
    <message>
      <source>Show</source>
      <translation type="vanished">展会</translation>
    </message>
    <message>
      <source>Exhibitor</source>
      <translation type="vanished">展商</translation>
    </message>
    <message>
      <source>Booth</source>
      <translation type="vanished">展位</translation>
    </message>
    <message>
      <source>Hall</source>
      <translation type="vanished">展馆</translation>
    </message>
    <message>
      <source>Contract</source>
      <translation type="vanished">合同</translation>
    </message>
    <message>
      <source>Task</source>
      <translation type="vanished">任务</translation>
    </message>
    <message>
      <source>Part of</source>
      <translation type="vanished">上级任务</translation>
    </message>
    <message>
      <source>Level</source>
      <translation type="vanished">层级</translation>
    </message>
    <message>
      <source>Planned start</source>
      <translation type="vanished">计划开始</translation>
    </message>
    <message>
      <source>Planned finish</source>
      <translation type="vanished">计划完成</translation>
    </message>
    <message>
      <source>Baseline start</source>
      <translation type="vanished">基线开始</translation>
    </message>
    <message>
      <source>Baseline finish</source>
      <translation type="vanished">基线完成</translation>
    </message>
    <message>
      <source>Actual start</source>
      <translation type="vanished">实际开始</translation>
    </message>
    <message>
      <source>Actual finish</source>
      <translation type="vanished">实际完成</translation>
    </message>
    <message>
      <source>Blocked because</source>
      <translation type="vanished">受阻原因</translation>
    </message>
    <message>
      <source>Done (%)</source>
      <translation type="vanished">完成度（%）</translation>
    </message>
    <message>
      <source>Order</source>
      <translation type="vanished">排序</translation>
    </message>
    <message>
      <source>Template</source>
      <translation type="vanished">模板</translation>
    </message>
    <message>
      <source>Predecessor</source>
      <translation type="vanished">紧前任务</translation>
    </message>
    <message>
      <source>Successor</source>
      <translation type="vanished">紧后任务</translation>
    </message>
    <message>
      <source>Lag (days)</source>
      <translation type="vanished">间隔（天）</translation>
    </message>
    <message>
      <source>Severity</source>
      <translation type="vanished">严重程度</translation>
    </message>
    <message>
      <source>Description</source>
      <translation type="vanished">说明</translation>
    </message>
    <message>
      <source>Photo</source>
      <translation type="vanished">照片</translation>
    </message>
    <message>
      <source>Reported by</source>
      <translation type="vanished">报告人</translation>
    </message>
    <message>
      <source>Reported at</source>
      <translation type="vanished">报告时间</translation>
    </message>
    <message>
      <source>Fixed at</source>
      <translation type="vanished">解决时间</translation>
    </message>
    <message>
      <source>Text</source>
      <translation type="vanished">内容</translation>
    </message>
    <message>
      <source>Done</source>
      <translation type="vanished">已完成</translation>
    </message>
    <message>
      <source>Done by</source>
      <translation type="vanished">完成人</translation>
    </message>
    <message>
      <source>Done at</source>
      <translation type="vanished">完成时间</translation>
    </message>
    <message>
      <source>Position</source>
      <translation type="vanished">序号</translation>
    </message>
    <message>
      <source>Build-up starts</source>
      <translation type="vanished">布展开始</translation>
    </message>
    <message>
      <source>Tear-down ends</source>
      <translation type="vanished">撤展结束</translation>
    </message>
    <message>
      <source>Day</source>
      <translation type="vanished">日期</translation>
    </message>
    <message>
      <source>Visitors</source>
      <translation type="vanished">观众人数</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation type="vanished">类别</translation>
    </message>
    <message>
      <source>Quantity</source>
      <translation type="vanished">数量</translation>
    </message>
    <message>
      <source>Signed on</source>
      <translation type="vanished">签约日期</translation>
    </message>
    <message>
      <source>Cancelled on</source>
      <translation type="vanished">取消日期</translation>
    </message>
  </context>
  <context>
    <name>BackgroundDialog</name>
    <message>
      <location filename="../../expo_desk/ui/floorplan/dialogs.py" line="+195" />
      <source>Hall drawing under the plan</source>
      <translation>展馆底图</translation>
    </message>
    <message>
      <location line="+5" />
      <source>a PNG, JPEG or SVG file; empty for none</source>
      <translation>PNG、JPEG 或 SVG 文件；留空表示不用底图</translation>
    </message>
    <message>
      <location line="+6" />
      <source>Drawing</source>
      <translation>图纸</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Left edge at</source>
      <translation>左边位置</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Top edge at</source>
      <translation>上边位置</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Width in the hall</source>
      <translation>在馆内的宽度</translation>
    </message>
  </context>
  <context>
    <name>BatchDialog</name>
    <message>
      <location filename="../../expo_desk/ui/dialogs/batch_dialog.py" line="+34" />
      <source>Starting …</source>
      <translation>正在开始…</translation>
    </message>
    <message>
      <location line="+8" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location line="+27" />
      <source>Written %1 of %2 …</source>
      <translation>已生成 %1 / %2 …</translation>
    </message>
    <message numerus="yes">
      <location line="+21" />
      <source>%n file(s) written in %1 s.</source>
      <translation>
        <numerusform>已生成 %n 个文件，用时 %1 秒。</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location line="+2" />
      <source>%n could not be made (see the list).</source>
      <translation>
        <numerusform>%n 个未能生成（见列表）。</numerusform>
      </translation>
    </message>
    <message>
      <location line="+2" />
      <source>Cancelled: the files written stay; the rest were not made.</source>
      <translation>已取消：已生成的文件保留，其余未生成。</translation>
    </message>
    <message>
      <location line="+2" />
      <source>All in one file: %1</source>
      <translation>合并文件：%1</translation>
    </message>
    <message>
      <location line="+6" />
      <source>The batch failed unexpectedly.
%1</source>
      <translation>批量生成意外失败。
%1</translation>
    </message>
    <message>
      <location line="+6" />
      <source>Cancelling: the documents being written are finished first …</source>
      <translation>正在取消：先完成正在生成的文件…</translation>
    </message>
  </context>
  <context>
    <name>BlockDialog</name>
    <message>
      <location filename="../../expo_desk/ui/dialogs/task_dialogs.py" line="+96" />
      <source>Block a task</source>
      <translation>任务受阻</translation>
    </message>
    <message>
      <location line="+3" />
      <source>What stops the work? e.g. drawings not approved, no power at the booth</source>
      <translation>什么阻碍了工作？例如：图纸未审核通过、展位没电</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Block</source>
      <translation>受阻</translation>
    </message>
  </context>
  <context>
    <name>BoothItem</name>
    <message>
      <location filename="../../expo_desk/ui/floorplan/booth_item.py" line="+35" />
      <source>Available</source>
      <translation>可售</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Reserved</source>
      <translation>预留</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Sold</source>
      <translation>已售</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Blocked</source>
      <translation>封闭</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Shell scheme</source>
      <translation>标准展位</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Raw space</source>
      <translation>光地</translation>
    </message>
  </context>
  <context>
    <name>CancelDialog</name>
    <message>
      <location filename="../../expo_desk/ui/dialogs/payment_dialog.py" line="+139" />
      <source>Cancel contract %1</source>
      <translation>取消合同 %1</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Cancelled on</source>
      <translation>取消日期</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Cancel the contract</source>
      <translation>取消合同</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Keep it</source>
      <translation>保留合同</translation>
    </message>
    <message>
      <location line="+2" />
      <source>The booths become available again.</source>
      <translation>展位将恢复可售。</translation>
    </message>
    <message numerus="yes">
      <location line="+13" />
      <source> (%n day(s) before the opening)</source>
      <translation>
        <numerusform>（开幕前 %n 天）</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location line="+2" />
      <source> (%n day(s) after the opening)</source>
      <translation>
        <numerusform>（开幕后 %n 天）</numerusform>
      </translation>
    </message>
    <message>
      <location line="+1" />
      <source>Cancellation fee: %1 — %2 of the total%3.</source>
      <translation>退订费：%1，为合同总额的 %2%3。</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Paid so far %1.</source>
      <translation>已付 %1。</translation>
    </message>
    <message>
      <location line="+2" />
      <source>To pay back: %1.</source>
      <translation>应退还：%1。</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Still owed by the exhibitor: %1.</source>
      <translation>展商尚欠：%1。</translation>
    </message>
  </context>
  <context>
    <name>ConflictsDialog</name>
    <message>
      <location filename="../../expo_desk/ui/dialogs/conflicts_dialog.py" line="+51" />
      <source>Review conflicts</source>
      <translation>审核冲突</translation>
    </message>
    <message>
      <location line="+3" />
      <source>What two copies of the show changed differently. Nothing was overwritten: pick the value to keep; every copy makes the same choice when it receives the next file sent from here.</source>
      <translation>以下是两个副本改得不一样的地方，没有任何数据被覆盖：请选择要保留的值；其他副本收到从这里发出的下一个文件时会做同样的选择。</translation>
    </message>
    <message>
      <location line="+7" />
      <source>Only the department manager decides conflicts; you can see them here.</source>
      <translation>只有部门经理可以处理冲突；您可以在此查看。</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Show resolved ones too</source>
      <translation>同时显示已处理的冲突</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Record</source>
      <translation>记录</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Field</source>
      <translation>字段</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <location line="+0" />
      <source>This copy</source>
      <translation>此副本</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Other copy</source>
      <translation>另一副本</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Detail</source>
      <translation>说明</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Choice</source>
      <translation>选择</translation>
    </message>
    <message>
      <location line="+13" />
      <source>No conflicts wait for review.</source>
      <translation>没有待审核的冲突。</translation>
    </message>
    <message>
      <location line="+3" />
      <source>For this kind only this copy's data can be kept.</source>
      <translation>此类冲突只能保留此副本的数据。</translation>
    </message>
    <message>
      <location line="+4" />
      <source>&amp;Keep this copy's</source>
      <translation>保留此副本的值(&amp;K)</translation>
    </message>
    <message>
      <location line="+3" />
      <source>&amp;Take the other copy's</source>
      <translation>采用另一副本的值(&amp;T)</translation>
    </message>
    <message>
      <location line="+31" />
      <source>(whole record)</source>
      <translation>（整条记录）</translation>
    </message>
    <message>
      <location line="+19" />
      <source>Kept this copy's</source>
      <translation>保留了此副本的值</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Took the other copy's</source>
      <translation>采用了另一副本的值</translation>
    </message>
    <message>
      <location line="+10" />
      <source>(as it is here)</source>
      <translation>（保持此副本现状）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>(deleted)</source>
      <translation>（已删除）</translation>
    </message>
    <message>
      <location line="+0" />
      <source>(none)</source>
      <translation>（无）</translation>
    </message>
    <message>
      <location line="+7" />
      <source>(empty)</source>
      <translation>（空）</translation>
    </message>
    <message>
      <location line="+66" />
      <source>Keep this copy's value for %1?
%2</source>
      <translation>保留此副本中 %1 的值吗？
%2</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Take the other copy's value for %1?
%2</source>
      <translation>采用另一副本中 %1 的值吗？
%2</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Every copy makes the same choice when it receives the next file sent from here.</source>
      <translation>其他副本收到从这里发出的下一个文件时会做同样的选择。</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Resolve the conflict</source>
      <translation>处理冲突</translation>
    </message>
    <message>
      <location line="+6" />
      <source>Cannot resolve the conflict</source>
      <translation>无法处理冲突</translation>
    </message>
  </context>
  <context>
    <name>ContactDialog</name>
    <message>
      <location filename="../../expo_desk/ui/dialogs/contact_dialog.py" line="+18" />
      <source>Edit contact</source>
      <translation>编辑联系人</translation>
    </message>
    <message>
      <location line="+0" />
      <source>New contact</source>
      <translation>新建联系人</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Title</source>
      <translation>职务</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Mobile</source>
      <translation>手机</translation>
    </message>
    <message>
      <location line="+0" />
      <source>E-mail</source>
      <translation>邮箱</translation>
    </message>
    <message>
      <location line="+7" />
      <source>Main contact</source>
      <translation>主要联系人</translation>
    </message>
  </context>
  <context>
    <name>ContractDetail</name>
    <message>
      <location filename="../../expo_desk/ui/widgets/contract_detail.py" line="+97" />
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Account manager</source>
      <translation>项目经理</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Booths</source>
      <translation>展位</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Signed on</source>
      <translation>签约日期</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Fascia</source>
      <translation>楣板</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Cancelled</source>
      <translation>已取消</translation>
    </message>
    <message>
      <location line="+15" />
      <source>Lines</source>
      <translation>合同明细</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Description</source>
      <translation>说明</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Qty</source>
      <translation>数量</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Unit price</source>
      <translation>单价</translation>
    </message>
    <message>
      <location line="+1" />
      <location line="+26" />
      <location line="+11" />
      <source>Amount</source>
      <translation>金额</translation>
    </message>
    <message>
      <location line="-29" />
      <source>Total</source>
      <translation>合计</translation>
    </message>
    <message>
      <location line="+16" />
      <source>Payment schedule</source>
      <translation>付款计划</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Instalment</source>
      <translation>款项</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Due on</source>
      <translation>到期日</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Paid</source>
      <translation>已付</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Outstanding</source>
      <translation>未付</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Overdue</source>
      <translation>逾期</translation>
    </message>
    <message>
      <location line="+3" />
      <source>The payment plan is made when the contract is signed.</source>
      <translation>付款计划在合同签约时生成。</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Payments</source>
      <translation>收款记录</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Method</source>
      <translation>付款方式</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Reference / reason</source>
      <translation>凭证号 / 原因</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Proof</source>
      <translation>凭证</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Recorded by</source>
      <translation>录入人</translation>
    </message>
    <message>
      <location line="+2" />
      <source>No payment recorded yet.</source>
      <translation>尚无收款记录。</translation>
    </message>
    <message>
      <location line="+6" />
      <source>Balance</source>
      <translation>余额</translation>
    </message>
    <message>
      <location line="+21" />
      <source>No contract selected</source>
      <translation>未选择合同</translation>
    </message>
    <message>
      <location line="+45" />
      <source>Discount %1 (%2).</source>
      <translation>优惠 %1（%2）。</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Waiting for approval by the department manager (above %1).</source>
      <translation>待部门经理审批（超过 %1）。</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Approved by %1 on %2.</source>
      <translation>已由 %1 于 %2 批准。</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Within the limit of %1 an account manager may give.</source>
      <translation>在项目经理可自行给予的 %1 额度内。</translation>
    </message>
    <message>
      <location line="+4" />
      <source>No discount. Up to %1 needs no approval.</source>
      <translation>无优惠。%1 以内无需审批。</translation>
    </message>
    <message numerus="yes">
      <location line="+11" />
      <source>%n day(s) overdue</source>
      <translation>
        <numerusform>逾期 %n 天</numerusform>
      </translation>
    </message>
    <message>
      <location line="+17" />
      <source>Refund: %1</source>
      <translation>退款：%1</translation>
    </message>
    <message>
      <location line="+22" />
      <source>Owed back to the exhibitor: %1</source>
      <translation>应退展商：%1</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Overdue: %1</source>
      <translation>逾期：%1</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Cancellation fee %1</source>
      <translation>退订费 %1</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Cancelling today would cost %1 (%2).</source>
      <translation>今天取消需付退订费 %1（%2）。</translation>
    </message>
  </context>
  <context>
    <name>ContractTableModel</name>
    <message>
      <location filename="../../expo_desk/ui/models/contract_table_model.py" line="+60" />
      <source>Contract</source>
      <translation>合同</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Exhibitor</source>
      <translation>展商</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Booths</source>
      <translation>展位</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Total</source>
      <translation>总额</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Paid</source>
      <translation>已付</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Balance</source>
      <translation>余额</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Account manager</source>
      <translation>项目经理</translation>
    </message>
  </context>
  <context>
    <name>ContractsPage</name>
    <message>
      <location filename="../../expo_desk/ui/pages/contracts_page.py" line="+58" />
      <source>&amp;New contract…</source>
      <translation>新建合同(&amp;N)…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Add &amp;booth…</source>
      <translation>添加展位(&amp;B)…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;Remove booth</source>
      <translation>移除展位(&amp;R)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Re&amp;price draft</source>
      <translation>重新定价(&amp;P)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Add ser&amp;vice…</source>
      <translation>添加服务(&amp;V)…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Change &amp;quantity…</source>
      <translation>修改数量(&amp;Q)…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;Discount…</source>
      <translation>优惠(&amp;D)…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;Approve discount</source>
      <translation>批准优惠(&amp;A)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;Sign…</source>
      <translation>签约(&amp;S)…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Record &amp;payment…</source>
      <translation>登记收款(&amp;P)…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Re&amp;fund…</source>
      <translation>退款(&amp;F)…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;Cancel contract…</source>
      <translation>取消合同(&amp;C)…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Print d&amp;ocuments…</source>
      <translation>打印文件(&amp;O)…</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Chinese and English</source>
      <translation>中英双语</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Chinese</source>
      <translation>中文</translation>
    </message>
    <message>
      <location line="+1" />
      <source>English</source>
      <translation>英文</translation>
    </message>
    <message>
      <location line="+20" />
      <source>Search contract number, exhibitor, booth… (Ctrl+F)</source>
      <translation>搜索合同号、展商、展位…（Ctrl+F）</translation>
    </message>
    <message>
      <location line="+4" />
      <source>All statuses</source>
      <translation>全部</translation>
    </message>
    <message>
      <location line="+3" />
      <source>&amp;Mine only</source>
      <translation>只看我的(&amp;M)</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Sales &amp;terms and services…</source>
      <translation>销售条款与服务(&amp;T)…</translation>
    </message>
    <message>
      <location line="+65" />
      <source>Contracts</source>
      <translation>合同</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Receivables</source>
      <translation>应收款</translation>
    </message>
    <message numerus="yes">
      <location line="+49" />
      <source>%n contract(s)</source>
      <translation>
        <numerusform>%n 份合同</numerusform>
      </translation>
    </message>
    <message>
      <location line="+122" />
      <location line="+5" />
      <source>Remove booth</source>
      <translation>移除展位</translation>
    </message>
    <message>
      <location line="-5" />
      <source>Booth</source>
      <translation>展位</translation>
    </message>
    <message>
      <location line="+6" />
      <source>Take booth %1 off contract %2? It becomes available again.</source>
      <translation>将展位 %1 从合同 %2 中移除？移除后该展位恢复可售。</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Cannot remove the booth</source>
      <translation>无法移除展位</translation>
    </message>
    <message>
      <location line="+6" />
      <source>Cannot reprice</source>
      <translation>无法重新定价</translation>
    </message>
    <message>
      <location line="+18" />
      <source>Cannot approve</source>
      <translation>无法批准</translation>
    </message>
    <message>
      <location line="+24" />
      <location line="+16" />
      <source>Print documents</source>
      <translation>打印文件</translation>
    </message>
    <message>
      <location line="-16" />
      <source>Language</source>
      <translation>语言</translation>
    </message>
    <message>
      <location line="+6" />
      <source>Save the documents as</source>
      <translation>文件另存为</translation>
    </message>
    <message>
      <location line="+0" />
      <source>PDF (*.pdf)</source>
      <translation>PDF 文件 (*.pdf)</translation>
    </message>
  </context>
  <context>
    <name>CrewLoadPage</name>
    <message>
      <source>Mon</source>
      <translation type="vanished">周一</translation>
    </message>
    <message>
      <source>Tue</source>
      <translation type="vanished">周二</translation>
    </message>
    <message>
      <source>Wed</source>
      <translation type="vanished">周三</translation>
    </message>
    <message>
      <source>Thu</source>
      <translation type="vanished">周四</translation>
    </message>
    <message>
      <source>Fri</source>
      <translation type="vanished">周五</translation>
    </message>
    <message>
      <source>Sat</source>
      <translation type="vanished">周六</translation>
    </message>
    <message>
      <source>Sun</source>
      <translation type="vanished">周日</translation>
    </message>
    <message>
      <location filename="../../expo_desk/ui/pages/crew_load_page.py" line="+62" />
      <source>Build-up</source>
      <translation>布展</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Show days</source>
      <translation>展期</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Tear-down</source>
      <translation>撤展</translation>
    </message>
    <message>
      <location line="+21" />
      <source>&amp;Clashes only</source>
      <translation>只看撞期(&amp;C)</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Only the people booked on two booths the same day, and only those days</source>
      <translation>只显示同一天排在两个以上展位的人，以及这些日子</translation>
    </message>
    <message>
      <location line="+2" />
      <source>&amp;Build-up to tear-down</source>
      <translation>布展至撤展(&amp;B)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>The show's own days again</source>
      <translation>恢复为本展会的日期</translation>
    </message>
    <message>
      <location line="+2" />
      <source>&amp;Refresh</source>
      <translation>刷新(&amp;R)</translation>
    </message>
    <message>
      <location line="+4" />
      <source>From</source>
      <translation>从</translation>
    </message>
    <message>
      <location line="+2" />
      <source>to</source>
      <translation>至</translation>
    </message>
    <message>
      <location line="+59" />
      <source>Open a show file to see who works where.</source>
      <translation>请打开展会文件，查看谁在哪里施工。</translation>
    </message>
    <message>
      <location line="+12" />
      <source>Reading…</source>
      <translation>读取中…</translation>
    </message>
    <message numerus="yes">
      <location line="+82" />
      <source>%n executor(s) · %1 with clashes</source>
      <translation>
        <numerusform>%n 名项目执行 · %1 人撞期</numerusform>
      </translation>
    </message>
    <message>
      <location line="+4" />
      <source>No clashes on these days.</source>
      <translation>这些日子没有撞期。</translation>
    </message>
    <message>
      <location line="+1" />
      <source>No construction executor has work on these days.</source>
      <translation>这些日子没有项目执行有施工任务。</translation>
    </message>
    <message numerus="yes">
      <location line="+10" />
      <source>%n booth(s)</source>
      <translation>
        <numerusform>%n 个展位</numerusform>
      </translation>
    </message>
    <message>
      <location line="+19" />
      <source>Clash: booked on more than one booth this day</source>
      <translation>撞期：当天排在多个展位</translation>
    </message>
    <message>
      <location line="+4" />
      <source>… and %1 more</source>
      <translation>…… 另有 %1 项</translation>
    </message>
  </context>
  <context>
    <name>DashboardPage</name>
    <message>
      <location filename="../../expo_desk/ui/pages/dashboard_page.py" line="+137" />
      <source>&amp;Refresh</source>
      <translation>刷新(&amp;R)</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Work the figures out again (F5)</source>
      <translation>重新计算数据（F5）</translation>
    </message>
    <message>
      <location line="+8" />
      <source>Sold</source>
      <translation>已售面积</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Occupancy</source>
      <translation>出租率</translation>
    </message>
    <message>
      <location line="+1" />
      <location line="+11" />
      <source>Signed revenue</source>
      <translation>签约额</translation>
    </message>
    <message>
      <location line="-11" />
      <location line="+12" />
      <location line="+5" />
      <source>Received</source>
      <translation>已收款</translation>
    </message>
    <message>
      <location line="-16" />
      <location line="+11" />
      <location line="+5" />
      <source>Overdue</source>
      <translation>逾期</translation>
    </message>
    <message>
      <location line="-6" />
      <source>Contracts</source>
      <translation>合同数</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Share</source>
      <translation>占比</translation>
    </message>
    <message>
      <location line="+0" />
      <location line="+5" />
      <source>Due</source>
      <translation>应收</translation>
    </message>
    <message>
      <location line="-4" />
      <source>Received of due</source>
      <translation>回款率</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Account manager</source>
      <translation>项目经理</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Sector</source>
      <translation>行业</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Hall</source>
      <translation>展馆</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Booths</source>
      <translation>展位数</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Sold m²</source>
      <translation>已售 m²</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Reserved m²</source>
      <translation>预留 m²</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Available m²</source>
      <translation>可售 m²</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Booth revenue</source>
      <translation>展位收入</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Occupancy (sold)</source>
      <translation>出租率（已售）</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Booth revenue: the booth lines of signed contracts in the hall. Money: the contracts with a booth in the hall (a contract in two halls counts in both).</source>
      <translation>展位收入：该馆内已签约合同的展位明细。款项：含该馆展位的合同（跨两个馆的合同在两个馆都计入）。</translation>
    </message>
    <message>
      <location line="+9" />
      <source>By account manager</source>
      <translation>按项目经理</translation>
    </message>
    <message>
      <location line="+1" />
      <source>By sector</source>
      <translation>按行业</translation>
    </message>
    <message>
      <location line="+1" />
      <source>By hall</source>
      <translation>按展馆</translation>
    </message>
    <message>
      <location line="+18" />
      <source>Open a show file to see its figures.</source>
      <translation>请打开展会文件以查看数据。</translation>
    </message>
    <message>
      <location line="+11" />
      <source>As of %1</source>
      <translation>截至 %1</translation>
    </message>
    <message numerus="yes">
      <location line="+4" />
      <source>%n booth(s) sold · %1 reserved · %2 available</source>
      <translation>
        <numerusform>已售 %n 个展位 · 预留 %1 · 可售 %2</numerusform>
      </translation>
    </message>
    <message>
      <location line="+4" />
      <source>of %1 for sale; %2 with reservations</source>
      <translation>占可售面积 %1；含预留为 %2</translation>
    </message>
    <message>
      <location line="+2" />
      <source>target %1</source>
      <translation>目标 %1</translation>
    </message>
    <message>
      <location line="+1" />
      <source>no target set</source>
      <translation>未设目标</translation>
    </message>
    <message>
      <location line="+1" />
      <source> (incl. %1 cancellation fees)</source>
      <translation>（含退订费 %1）</translation>
    </message>
    <message numerus="yes">
      <location line="+2" />
      <source>%n contract(s)</source>
      <translation>
        <numerusform>%n 份合同</numerusform>
      </translation>
    </message>
    <message>
      <location line="+3" />
      <source>of %1 due; %2 still to come</source>
      <translation>应收 %1；待收 %2</translation>
    </message>
    <message numerus="yes">
      <location line="+3" />
      <source>%n contract(s) late</source>
      <translation>
        <numerusform>%n 份合同逾期</numerusform>
      </translation>
    </message>
    <message>
      <location line="+1" />
      <source>(no account manager)</source>
      <translation>（无项目经理）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>(no sector)</source>
      <translation>（无行业）</translation>
    </message>
  </context>
  <context>
    <name>DiscountDialog</name>
    <message>
      <location filename="../../expo_desk/ui/dialogs/contract_dialogs.py" line="+46" />
      <source>Discount on %1</source>
      <translation>%1 的优惠</translation>
    </message>
    <message>
      <location line="+5" />
      <source>yuan, e.g. 5000 or 0.5万; 0 takes the discount back</source>
      <translation>单位元，如 5000 或 0.5万；填 0 撤回优惠</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Discount (yuan)</source>
      <translation>优惠（元）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Up to %1 (%2 of the booth price %3) an account manager gives alone; above it the department manager must approve before the contract is signed.</source>
      <translation>%1（展位价 %3 的 %2）以内由项目经理自行给予；超出须经部门经理审批后方可签约。</translation>
    </message>
    <message>
      <location line="+18" />
      <source>This discount will wait for the department manager's approval.</source>
      <translation>此优惠需等待部门经理审批。</translation>
    </message>
  </context>
  <context>
    <name>DrawDialog</name>
    <message>
      <location filename="../../expo_desk/ui/dialogs/spot_check_draw_dialog.py" line="+25" />
      <source>Draw a spot-check sample</source>
      <translation>抽取抽查样本</translation>
    </message>
    <message>
      <location line="+13" />
      <source>empty: chosen at random</source>
      <translation>留空：随机选取</translation>
    </message>
    <message>
      <location line="+2" />
      <source>The same seed over the same records draws the same sample</source>
      <translation>相同的种子对相同的记录抽出相同的样本</translation>
    </message>
    <message>
      <location line="+2" />
      <source>&amp;Kind</source>
      <translation>类型(&amp;K)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Sample &amp;size</source>
      <translation>样本数量(&amp;S)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>S&amp;eed</source>
      <translation>种子(&amp;E)</translation>
    </message>
  </context>
  <context>
    <name>DxfImportDialog</name>
    <message>
      <location filename="../../expo_desk/ui/dialogs/dxf_import_dialog.py" line="+36" />
      <source>Import booths from %1</source>
      <translation>从 %1 导入展位</translation>
    </message>
    <message>
      <location line="+6" />
      <source>Booth layer</source>
      <translation>展位图层</translation>
    </message>
    <message>
      <location line="+7" />
      <source>Place at X (from the hall's left)</source>
      <translation>X 位置（距展馆左边）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Place at Y (from the hall's top)</source>
      <translation>Y 位置（距展馆上边）</translation>
    </message>
    <message>
      <location line="+9" />
      <source>Booth</source>
      <translation>展位</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Position (m)</source>
      <translation>位置（米）</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Size (m)</source>
      <translation>尺寸（米）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Type</source>
      <translation>类型</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Where in the drawing</source>
      <translation>图纸中的位置</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Why it was skipped</source>
      <translation>跳过原因</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Will be created</source>
      <translation>将创建</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Skipped</source>
      <translation>已跳过</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Create booths</source>
      <translation>创建展位</translation>
    </message>
    <message>
      <location line="+6" />
      <source>%1 (%2 closed shapes)</source>
      <translation>%1（%2 个闭合图形）</translation>
    </message>
    <message>
      <location line="+20" />
      <source>shell scheme</source>
      <translation>标准展位</translation>
    </message>
    <message>
      <location line="+0" />
      <source>raw space</source>
      <translation>光地</translation>
    </message>
    <message>
      <location line="+6" />
      <source>%1 booth(s) will be created in hall %2, %3 shape(s) skipped. Drawing units: %4.</source>
      <translation>将在 %2 馆创建 %1 个展位，跳过 %3 个图形。图纸单位：%4。</translation>
    </message>
  </context>
  <context>
    <name>ExceptionsView</name>
    <message>
      <location filename="../../expo_desk/ui/widgets/exceptions_view.py" line="+28" />
      <source>Contract</source>
      <translation>合同</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Exhibitor</source>
      <translation>展商</translation>
    </message>
    <message>
      <location line="+0" />
      <location line="+7" />
      <source>Account manager</source>
      <translation>项目经理</translation>
    </message>
    <message>
      <location line="-6" />
      <source>Discount</source>
      <translation>优惠</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Limit</source>
      <translation>额度</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Of booth price</source>
      <translation>占展位价</translation>
    </message>
    <message>
      <location line="+1" />
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Overdue</source>
      <translation>逾期金额</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Days late</source>
      <translation>逾期天数</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Outstanding</source>
      <translation>未付</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Booth</source>
      <translation>展位</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Hall</source>
      <translation>展馆</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Reserved for</source>
      <translation>预留给</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Until</source>
      <translation>截止</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Days left</source>
      <translation>剩余天数</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Draft contract</source>
      <translation>草稿合同</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Signed on</source>
      <translation>签约日期</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Signed total</source>
      <translation>签约金额</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Total now</source>
      <translation>现金额</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Changes after signing</source>
      <translation>签约后修改</translation>
    </message>
    <message>
      <location line="+16" />
      <source>Discounts above %1</source>
      <translation>超线优惠（%1 以上）</translation>
    </message>
    <message>
      <location line="+3" />
      <source>waiting</source>
      <translation>待批准</translation>
    </message>
    <message>
      <location line="+0" />
      <source>approved by %1</source>
      <translation>已由 %1 批准</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Overdue payments</source>
      <translation>逾期款项</translation>
    </message>
    <message numerus="yes">
      <location line="+4" />
      <source>Reservations ending within %n day(s)</source>
      <translation>
        <numerusform>预留将到期（%n 天内）</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location line="+2" />
      <source>ended %n day(s) ago</source>
      <translation>
        <numerusform>已过期 %n 天</numerusform>
      </translation>
    </message>
    <message>
      <location line="+2" />
      <source>Edited after signing</source>
      <translation>签约后修改</translation>
    </message>
    <message>
      <location line="+8" />
      <source>first %1 of %2</source>
      <translation>前 %1 条，共 %2 条</translation>
    </message>
  </context>
  <context>
    <name>ExchangeDialog</name>
    <message>
      <location filename="../../expo_desk/ui/dialogs/exchange_dialog.py" line="+120" />
      <source>Exchange changes</source>
      <translation>交换变更</translation>
    </message>
    <message>
      <location line="+4" />
      <location line="+2" />
      <source>Exchange folder</source>
      <translation>交换文件夹</translation>
    </message>
    <message>
      <location line="+1" />
      <source>A USB stick or a shared folder</source>
      <translation>U盘或共享文件夹</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Every copy sends its changes to this folder and receives the other copies' changes from it.</source>
      <translation>每个副本都把自己的变更发送到此文件夹，并从这里接收其他副本的变更。</translation>
    </message>
    <message>
      <location line="+8" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Stop after the file being applied; the rest wait for the next receive</source>
      <translation>应用完当前文件后停止；其余文件留待下次接收</translation>
    </message>
    <message>
      <location line="+12" />
      <source>Files exchanged</source>
      <translation>已交换的文件</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Done</source>
      <translation>完成时间</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Direction</source>
      <translation>方向</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Copy</source>
      <translation>副本</translation>
    </message>
    <message>
      <location line="+0" />
      <source>No.</source>
      <translation>序号</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Made by</source>
      <translation>制作人</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Changes</source>
      <translation>变更</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Conflicts</source>
      <translation>冲突</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Refused</source>
      <translation>拒绝</translation>
    </message>
    <message>
      <location line="+0" />
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <location line="+9" />
      <source>This copy</source>
      <translation>此副本</translation>
    </message>
    <message>
      <location line="+6" />
      <source>Name:</source>
      <translation>名称：</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Code:</source>
      <translation>代码：</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Made from:</source>
      <translation>来源：</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Last sent:</source>
      <translation>上次发送：</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Last received:</source>
      <translation>上次接收：</translation>
    </message>
    <message>
      <location line="+9" />
      <source>This file is not set up to exchange changes yet. Set it up as the office copy, then prepare copies for the other PCs.</source>
      <translation>此文件尚未设置为可交换变更。请先将其设为办公室副本，再为其他电脑准备副本。</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Name of this copy:</source>
      <translation>此副本的名称：</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Office</source>
      <translation>办公室</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Set up as the office copy</source>
      <translation>设为办公室副本</translation>
    </message>
    <message>
      <location line="+10" />
      <source>&amp;Send my changes</source>
      <translation>发送我的变更(&amp;S)</translation>
    </message>
    <message>
      <location line="+3" />
      <source>&amp;Receive changes</source>
      <translation>接收变更(&amp;R)</translation>
    </message>
    <message>
      <location line="+3" />
      <source>&amp;Prepare a copy…</source>
      <translation>准备副本(&amp;P)…</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Take a &amp;new base…</source>
      <translation>重新设定基准(&amp;N)…</translation>
    </message>
    <message>
      <location line="+2" />
      <source>The base of the last exchange is missing (was this file restored from a backup?): start exchanging again from the file as it is now</source>
      <translation>上次交换的基准已丢失（此文件是否从备份恢复过？）：从文件的当前状态重新开始交换</translation>
    </message>
    <message>
      <location line="+23" />
      <source>never</source>
      <translation>从未</translation>
    </message>
    <message>
      <location line="+1" />
      <source>(the office copy)</source>
      <translation>（办公室副本）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>(the first copy)</source>
      <translation>（第一个副本）</translation>
    </message>
    <message>
      <location line="+7" />
      <source>This file is not set up to exchange changes yet. A department manager or an administrator sets it up and prepares the copies.</source>
      <translation>此文件尚未设置为可交换变更。由部门经理或管理员设置并准备副本。</translation>
    </message>
    <message>
      <location line="+11" />
      <source>Only a department manager or an administrator prepares copies.</source>
      <translation>只有部门经理或管理员可以准备副本。</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Review conflicts (%1)…</source>
      <translation>审核冲突（%1）…</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Sent</source>
      <translation>已发送</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Received</source>
      <translation>已接收</translation>
    </message>
    <message>
      <location line="+8" />
      <source>Choose the exchange folder first.</source>
      <translation>请先选择交换文件夹。</translation>
    </message>
    <message>
      <location line="+26" />
      <source>The exchange failed unexpectedly.
%1</source>
      <translation>交换意外失败。
%1</translation>
    </message>
    <message>
      <location line="+18" />
      <source>Applied %1 of %2 files …</source>
      <translation>已应用 %1 / %2 个文件…</translation>
    </message>
    <message>
      <location line="+8" />
      <source>Setting up this copy …</source>
      <translation>正在设置此副本…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>This file is now the office copy “%1”. Prepare a copy for each other PC.</source>
      <translation>此文件现在是办公室副本“%1”。请为其他每台电脑准备一个副本。</translation>
    </message>
    <message>
      <location line="+6" />
      <source>Sending …</source>
      <translation>正在发送…</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Nothing to send: nothing has changed here since the last exchange.</source>
      <translation>没有要发送的内容：自上次交换以来此处没有任何修改。</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Changes sent: %1</source>
      <translation>已发送变更：%1</translation>
    </message>
    <message>
      <location line="+1" />
      <location line="+63" />
      <source>File: %1</source>
      <translation>文件：%1</translation>
    </message>
    <message>
      <location line="-58" />
      <source>Receiving …</source>
      <translation>正在接收…</translation>
    </message>
    <message>
      <location line="+17" />
      <source>Nothing to receive: no changes files from other copies in this folder.</source>
      <translation>没有要接收的内容：此文件夹中没有其他副本的变更文件。</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Files applied: %1</source>
      <translation>已应用文件：%1</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Changes made here: %1</source>
      <translation>在此副本中完成的变更：%1</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Already applied before (skipped): %1</source>
      <translation>以前已应用（已跳过）：%1</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Waiting for earlier files from %1: %2 (receive again when they are in the folder)</source>
      <translation>等待 %1 的更早文件：%2（这些文件放入文件夹后请再次接收）</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Files refused: %1</source>
      <translation>被拒绝的文件：%1</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Changes refused (the sender may not make them): %1</source>
      <translation>被拒绝的变更（发送人无权修改）：%1</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Conflicts waiting for review: %1</source>
      <translation>待审核的冲突：%1</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Cancelled: the files not applied yet wait for the next receive.</source>
      <translation>已取消：尚未应用的文件留待下次接收。</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Take a new base</source>
      <translation>重新设定基准</translation>
    </message>
    <message>
      <location line="+1" />
      <source>This copy will exchange again from the file as it is now. Changes made here since the last exchange will not be sent to the other copies. Go on?</source>
      <translation>此副本将从文件的当前状态重新开始交换。自上次交换以来在此所做的修改不会发送给其他副本。是否继续？</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Taking a new base …</source>
      <translation>正在设定基准…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>New base taken: this copy can send and receive again.</source>
      <translation>已设定新基准：此副本可以再次发送和接收。</translation>
    </message>
    <message>
      <location line="+7" />
      <source>Preparing the copy …</source>
      <translation>正在准备副本…</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Copy prepared: “%1”, code %2</source>
      <translation>副本已准备好：“%1”，代码 %2</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Open it on the other PC; it exchanges its changes through the same folder.</source>
      <translation>请在另一台电脑上打开它；它通过同一文件夹交换变更。</translation>
    </message>
  </context>
  <context>
    <name>ExhibitorDetail</name>
    <message>
      <location filename="../../expo_desk/ui/widgets/exhibitor_detail.py" line="+38" />
      <source>Company</source>
      <translation>公司</translation>
    </message>
    <message>
      <location line="+0" />
      <source>English name</source>
      <translation>英文名称</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Sector</source>
      <translation>行业</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Account manager</source>
      <translation>项目经理</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <location line="+0" />
      <location line="+13" />
      <source>E-mail</source>
      <translation>邮箱</translation>
    </message>
    <message>
      <location line="-13" />
      <source>Website</source>
      <translation>网站</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Expected value</source>
      <translation>期望值</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <location line="+8" />
      <source>Details</source>
      <translation>详情</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Title</source>
      <translation>职务</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Mobile</source>
      <translation>手机</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Add contact…</source>
      <translation>添加联系人…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Edit…</source>
      <translation>编辑…</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <location line="+6" />
      <source>Contacts</source>
      <translation>联系人</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Contract</source>
      <translation>合同</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Booths</source>
      <translation>展位</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Total</source>
      <translation>总额</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Paid</source>
      <translation>已付</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Signed</source>
      <translation>签约日期</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Contracts</source>
      <translation>合同</translation>
    </message>
    <message>
      <location line="+1" />
      <source>When</source>
      <translation>时间</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Who</source>
      <translation>操作人</translation>
    </message>
    <message>
      <location line="+0" />
      <source>What</source>
      <translation>内容</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Change</source>
      <translation>改动</translation>
    </message>
    <message>
      <location line="+1" />
      <source>History</source>
      <translation>历史</translation>
    </message>
  </context>
  <context>
    <name>ExhibitorDialog</name>
    <message>
      <location filename="../../expo_desk/ui/dialogs/exhibitor_dialog.py" line="+38" />
      <source>Edit exhibitor</source>
      <translation>编辑展商</translation>
    </message>
    <message>
      <location line="+0" />
      <source>New exhibitor</source>
      <translation>新建展商</translation>
    </message>
    <message>
      <location line="+4" />
      <location line="+34" />
      <source>Account manager</source>
      <translation>项目经理</translation>
    </message>
    <message>
      <location line="-34" />
      <source>Contact name</source>
      <translation>联系人姓名</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Company name (Chinese)</source>
      <translation>公司名称（中文）</translation>
    </message>
    <message>
      <location line="+0" />
      <source>e.g. 日照钢铁集团有限公司</source>
      <translation>如：日照钢铁集团有限公司</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Company name (English)</source>
      <translation>公司名称（英文）</translation>
    </message>
    <message>
      <location line="+0" />
      <source>e.g. Rizhao Steel Group Co., Ltd.</source>
      <translation>如：Rizhao Steel Group Co., Ltd.</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <location line="+1" />
      <location line="+43" />
      <source>E-mail</source>
      <translation>邮箱</translation>
    </message>
    <message>
      <location line="-42" />
      <source>Website</source>
      <translation>网站</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Expected value (yuan)</source>
      <translation>期望值（元）</translation>
    </message>
    <message>
      <location line="+0" />
      <source>what the exhibitor hopes to gain, e.g. 100000</source>
      <translation>展商期望的参展收获，如 100000</translation>
    </message>
    <message>
      <location line="+19" />
      <source>Sector</source>
      <translation>行业</translation>
    </message>
    <message>
      <location line="+3" />
      <source>(none)</source>
      <translation>（无）</translation>
    </message>
    <message>
      <location line="+7" />
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <location line="+5" />
      <source>First contact person</source>
      <translation>首位联系人</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Title</source>
      <translation>职务</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Mobile</source>
      <translation>手机</translation>
    </message>
  </context>
  <context>
    <name>ExhibitorResults</name>
    <message>
      <location filename="../../expo_desk/ui/pages/post_show_page.py" line="+297" />
      <source>Search company or booth number…</source>
      <translation>搜索公司或展位号…</translation>
    </message>
    <message>
      <location line="+7" />
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Visitor</source>
      <translation>观众</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Company</source>
      <translation>公司</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Contact</source>
      <translation>联系方式</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Interested in</source>
      <translation>关注内容</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Agreement</source>
      <translation>协议</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Value</source>
      <translation>金额</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;Add lead…</source>
      <translation>添加线索(&amp;A)…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;Delete lead</source>
      <translation>删除线索(&amp;D)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;Import leads…</source>
      <translation>导入线索(&amp;I)…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Leads and agreements of the show's exhibitors from a lead-scanning export (.xlsx or .csv)</source>
      <translation>从扫码采集系统导出的文件（.xlsx 或 .csv）导入本届展商的线索与协议</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Question</source>
      <translation>问题</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Answer</source>
      <translation>回答</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Score 1–5</source>
      <translation>评分 1–5</translation>
    </message>
    <message>
      <location line="+9" />
      <source>&amp;Save results</source>
      <translation>保存成效(&amp;S)</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Save the survey and the notes (Ctrl+S)</source>
      <translation>保存问卷和记录（Ctrl+S）</translation>
    </message>
    <message>
      <location line="+13" />
      <source>Leads and agreements</source>
      <translation>线索与协议</translation>
    </message>
    <message>
      <location line="+21" />
      <source>Outcomes (account manager's notes)</source>
      <translation>参展成效（项目经理记录）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Survey</source>
      <translation>问卷</translation>
    </message>
    <message>
      <location line="+52" />
      <source>Unsaved results</source>
      <translation>成效未保存</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Save the survey and notes of %1?</source>
      <translation>保存 %1 的问卷和记录吗？</translation>
    </message>
    <message>
      <location line="+15" />
      <source>Pick an exhibitor on the left</source>
      <translation>请在左侧选择展商</translation>
    </message>
    <message>
      <location line="+2" />
      <source>booth %1</source>
      <translation>展位 %1</translation>
    </message>
    <message>
      <location line="+1" />
      <source>account manager %1</source>
      <translation>项目经理 %1</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Only %1's account manager or a department manager changes these results.</source>
      <translation>只有 %1 的项目经理或部门经理可以修改这些成效。</translation>
    </message>
    <message>
      <location line="+18" />
      <source>Type another question here</source>
      <translation>在此输入其他问题</translation>
    </message>
    <message>
      <location line="+17" />
      <source>Notes last saved %1 by %2</source>
      <translation>记录由 %2 保存于 %1</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Notes last saved %1</source>
      <translation>记录保存于 %1</translation>
    </message>
    <message>
      <location line="+4" />
      <source>✔ signed</source>
      <translation>✔ 已签</translation>
    </message>
    <message>
      <location line="+8" />
      <source>%1 lead(s) · %2 agreement(s) signed · %3</source>
      <translation>%1 条线索 · 已签 %2 份协议 · %3</translation>
    </message>
    <message>
      <location line="+37" />
      <source>Delete lead</source>
      <translation>删除线索</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Delete the lead %1?</source>
      <translation>删除线索 %1 吗？</translation>
    </message>
    <message>
      <location line="+45" />
      <source>Survey row %1: %2</source>
      <translation>问卷第 %1 行：%2</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Import exhibitor leads</source>
      <translation>导入展商线索</translation>
    </message>
  </context>
  <context>
    <name>ExhibitorTableModel</name>
    <message>
      <location filename="../../expo_desk/ui/models/exhibitor_table_model.py" line="+14" />
      <source>Company</source>
      <translation>公司</translation>
    </message>
    <message>
      <location line="+1" />
      <source>English name</source>
      <translation>英文名称</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Sector</source>
      <translation>行业</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Contact</source>
      <translation>联系人</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Account manager</source>
      <translation>项目经理</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Booths</source>
      <translation>展位</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Expected value</source>
      <translation>期望值</translation>
    </message>
  </context>
  <context>
    <name>ExhibitorsPage</name>
    <message>
      <location filename="../../expo_desk/ui/pages/exhibitors_page.py" line="+47" />
      <source>Search company, English name, sector, contact, phone… (Ctrl+F)</source>
      <translation>搜索公司、英文名称、行业、联系人、电话…（Ctrl+F）</translation>
    </message>
    <message>
      <location line="+3" />
      <source>&amp;New exhibitor…</source>
      <translation>新建展商(&amp;N)…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;Edit…</source>
      <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;Delete</source>
      <translation>删除(&amp;D)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;Import…</source>
      <translation>导入(&amp;I)…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>E&amp;xport…</source>
      <translation>导出(&amp;X)…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Add an exhibitor to this show (Ctrl+N)</source>
      <translation>为本届展会添加展商（Ctrl+N）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Import exhibitors from Excel (.xlsx) or CSV (Ctrl+I)</source>
      <translation>从 Excel (.xlsx) 或 CSV 导入展商（Ctrl+I）</translation>
    </message>
    <message numerus="yes">
      <location line="+80" />
      <source>%n exhibitor(s)</source>
      <translation>
        <numerusform>%n 家展商</numerusform>
      </translation>
    </message>
    <message>
      <location line="+69" />
      <source>Delete exhibitor</source>
      <translation>删除展商</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Delete %1 and its contacts? Edit ▸ Undo (Ctrl+Z) brings it back.</source>
      <translation>删除 %1 及其联系人？可用 编辑 ▸ 撤销（Ctrl+Z）恢复。</translation>
    </message>
    <message>
      <location line="+9" />
      <location line="+57" />
      <source>Cannot delete</source>
      <translation>无法删除</translation>
    </message>
    <message>
      <location line="-47" />
      <source>Import exhibitors</source>
      <translation>导入展商</translation>
    </message>
    <message>
      <location line="+13" />
      <source>Export exhibitors</source>
      <translation>导出展商</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Excel (*.xlsx);;CSV (*.csv)</source>
      <translation>Excel 文件 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
      <location line="+9" />
      <source>Export failed</source>
      <translation>导出失败</translation>
    </message>
    <message>
      <location line="+3" />
      <source>%1 exhibitor(s) exported to %2</source>
      <translation>已导出 %1 家展商到 %2</translation>
    </message>
    <message>
      <location line="+15" />
      <source>Delete contact</source>
      <translation>删除联系人</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Delete contact %1?</source>
      <translation>删除联系人 %1 吗？</translation>
    </message>
  </context>
  <context>
    <name>FileField</name>
    <message>
      <location filename="../../expo_desk/ui/widgets/file_field.py" line="+30" />
      <source>Choose…</source>
      <translation>选择…</translation>
    </message>
  </context>
  <context>
    <name>FloorPlanPage</name>
    <message>
      <location filename="../../expo_desk/ui/pages/floor_plan_page.py" line="+75" />
      <source>Colour by status</source>
      <translation>按状态着色</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Colour by sector</source>
      <translation>按行业着色</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Find a booth number or exhibitor… (Ctrl+F, Enter)</source>
      <translation>查找展位号或展商…（Ctrl+F，回车）</translation>
    </message>
    <message>
      <location line="+13" />
      <source>Fit hall</source>
      <translation>全馆</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Show the whole hall (Ctrl+0)</source>
      <translation>显示整个展馆（Ctrl+0）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Fit selection</source>
      <translation>显示所选</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Zoom to the selected booths (Ctrl+9)</source>
      <translation>缩放到所选展位（Ctrl+9）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Zoom in</source>
      <translation>放大</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Zoom out</source>
      <translation>缩小</translation>
    </message>
    <message>
      <location line="+2" />
      <source>New hall…</source>
      <translation>新建展馆…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Plan PDF…</source>
      <translation>平面图 PDF…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Print this hall to scale as a PDF (A3 landscape), the selected booth marked</source>
      <translation>按比例将本馆输出为 PDF（A3 横向），标出所选展位</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Background…</source>
      <translation>底图…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Place the hall drawing (PNG, JPEG or SVG) under the booths</source>
      <translation>在展位下方放置展馆图纸（PNG、JPEG 或 SVG）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Import DXF…</source>
      <translation>导入 DXF…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Create booths from the rectangles of a hall drawing (DXF)</source>
      <translation>按展馆图纸（DXF）中的矩形创建展位</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Draw booth</source>
      <translation>画展位</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Drag on the floor to draw a booth, snapped to 0.5 m (D)</source>
      <translation>在场地上拖动画出展位，对齐 0.5 米网格（D）</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Generate block…</source>
      <translation>批量生成…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Merge</source>
      <translation>合并</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Split…</source>
      <translation>拆分…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Reserve…</source>
      <translation>预留…</translation>
    </message>
    <message>
      <location line="+1" />
      <location line="+517" />
      <source>Release</source>
      <translation>释放</translation>
    </message>
    <message>
      <location line="-516" />
      <source>Sell…</source>
      <translation>销售…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Put the selected booths on a contract for an exhibitor, priced by the show's rules</source>
      <translation>将所选展位签入展商合同，按本展会价格规则定价</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Hall</source>
      <translation>展馆</translation>
    </message>
    <message>
      <location line="+109" />
      <source>No hall</source>
      <translation>无展馆</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Sector</source>
      <translation>行业</translation>
    </message>
    <message>
      <location line="+14" />
      <source>Your role may not change the booth layout</source>
      <translation>您的角色无权修改展位布局</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Your role may not reserve booths</source>
      <translation>您的角色无权预留展位</translation>
    </message>
    <message>
      <location line="+10" />
      <source>Your role may not make contracts</source>
      <translation>您的角色无权签订合同</translation>
    </message>
    <message>
      <location line="+31" />
      <source>No hall in this show yet.</source>
      <translation>本展会还没有展馆。</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Hall %1: %2 m × %3 m, %4 booths</source>
      <translation>%1 馆：%2 m × %3 m，%4 个展位</translation>
    </message>
    <message>
      <location line="+6" />
      <source> · selected %1 (%2 m²): %3</source>
      <translation> · 已选 %1 个（%2 m²）：%3</translation>
    </message>
    <message>
      <location line="+13" />
      <location line="+6" />
      <source>Not found</source>
      <translation>未找到</translation>
    </message>
    <message>
      <location line="+16" />
      <source>Price: %1</source>
      <translation>价格：%1</translation>
    </message>
    <message>
      <location line="+31" />
      <source>Save the hall plan</source>
      <translation>保存展馆平面图</translation>
    </message>
    <message>
      <location line="+1" />
      <source>PDF (*.pdf)</source>
      <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
      <location line="+14" />
      <source>Plan PDF</source>
      <translation>平面图 PDF</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Plan written to %1</source>
      <translation>平面图已保存到 %1</translation>
    </message>
    <message>
      <location line="+7" />
      <location line="+12" />
      <source>Hall drawing</source>
      <translation>展馆图纸</translation>
    </message>
    <message>
      <location line="-11" />
      <source>Drawings (*.png *.jpg *.jpeg *.svg)</source>
      <translation>图纸 (*.png *.jpg *.jpeg *.svg)</translation>
    </message>
    <message>
      <location line="+12" />
      <source>%1 is not a PNG, JPEG or SVG drawing that can be read.</source>
      <translation>%1 不是可读取的 PNG、JPEG 或 SVG 图纸。</translation>
    </message>
    <message>
      <location line="+10" />
      <source>Import booths from a drawing</source>
      <translation>从图纸导入展位</translation>
    </message>
    <message>
      <location line="+1" />
      <source>DXF drawings (*.dxf)</source>
      <translation>DXF 图纸 (*.dxf)</translation>
    </message>
    <message numerus="yes">
      <location line="+29" />
      <source>%n reservation(s) passed their date and were released: %1</source>
      <translation>
        <numerusform>%n 个预留已过期并已释放：%1</numerusform>
      </translation>
    </message>
    <message>
      <location line="+13" />
      <location line="+215" />
      <source>Floor plan</source>
      <translation>平面图</translation>
    </message>
    <message numerus="yes">
      <location line="-197" />
      <source>Move %n booth(s)</source>
      <translation>
        <numerusform>移动 %n 个展位</numerusform>
      </translation>
    </message>
    <message>
      <location line="+24" />
      <source>Resize %1</source>
      <translation>调整 %1 尺寸</translation>
    </message>
    <message>
      <location line="+12" />
      <source>New booth</source>
      <translation>新建展位</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Number of the new booth (%1 m × %2 m):</source>
      <translation>新展位的编号（%1 m × %2 m）：</translation>
    </message>
    <message numerus="yes">
      <location line="+16" />
      <source>Add %n booth(s)</source>
      <translation>
        <numerusform>添加 %n 个展位</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location line="+14" />
      <source>Delete %n booth(s)</source>
      <translation>
        <numerusform>删除 %n 个展位</numerusform>
      </translation>
    </message>
    <message>
      <location line="+14" />
      <source>Generate block</source>
      <translation>批量生成</translation>
    </message>
    <message numerus="yes">
      <location line="+19" />
      <source>Merge %n booth(s)</source>
      <translation>
        <numerusform>合并 %n 个展位</numerusform>
      </translation>
    </message>
    <message>
      <location line="+7" />
      <location line="+5" />
      <source>Split booth</source>
      <translation>拆分展位</translation>
    </message>
    <message>
      <location line="-4" />
      <source>Split %1 into how many equal booths?</source>
      <translation>将 %1 拆分为几个等大的展位？</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Side by side</source>
      <translation>左右并排</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Front to back</source>
      <translation>前后排列</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Direction</source>
      <translation>方向</translation>
    </message>
    <message>
      <location line="+14" />
      <source>Split %1</source>
      <translation>拆分 %1</translation>
    </message>
    <message numerus="yes">
      <location line="+21" />
      <source>Reserve %n booth(s)</source>
      <translation>
        <numerusform>预留 %n 个展位</numerusform>
      </translation>
    </message>
    <message>
      <location line="+14" />
      <source>None of the selected booths is reserved.</source>
      <translation>所选展位都没有预留。</translation>
    </message>
    <message numerus="yes">
      <location line="+2" />
      <source>Release %n booth(s)</source>
      <translation>
        <numerusform>释放 %n 个展位</numerusform>
      </translation>
    </message>
    <message>
      <location line="+24" />
      <source>Sell booths</source>
      <translation>销售展位</translation>
    </message>
  </context>
  <context>
    <name>FolderField</name>
    <message>
      <source>A USB stick or a shared folder</source>
      <translation type="vanished">U盘或共享文件夹</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation type="vanished">选择…</translation>
    </message>
    <message>
      <source>Exchange folder</source>
      <translation type="vanished">交换文件夹</translation>
    </message>
  </context>
  <context>
    <name>FollowUpDialog</name>
    <message>
      <location filename="../../expo_desk/ui/dialogs/lead_dialog.py" line="+192" />
      <source>Log follow-up: %1</source>
      <translation>记录跟进：%1</translation>
    </message>
    <message>
      <location line="+5" />
      <source>How</source>
      <translation>方式</translation>
    </message>
    <message>
      <location line="+4" />
      <source>What was said</source>
      <translation>沟通内容</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Next follow-up</source>
      <translation>下次跟进</translation>
    </message>
  </context>
  <context>
    <name>GanttChart</name>
    <message>
      <location filename="../../expo_desk/ui/gantt/items.py" line="+277" />
      <location line="+77" />
      <source>(%1 day(s))</source>
      <translation>（%1 天）</translation>
    </message>
    <message>
      <location line="-66" />
      <source>%1 day(s) late</source>
      <translation>逾期 %1 天</translation>
    </message>
    <message>
      <location line="+30" />
      <source>Booth: %1</source>
      <translation>展位：%1</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Owner: %1</source>
      <translation>负责人：%1</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Status: %1</source>
      <translation>状态：%1</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Planned: %1</source>
      <translation>计划：%1</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Actual: %1</source>
      <translation>实际：%1</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Baseline: %1</source>
      <translation>基线：%1</translation>
    </message>
    <message>
      <location line="+4" />
      <source>critical path</source>
      <translation>关键路径</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Total float: %1 day(s)</source>
      <translation>总浮动：%1 天</translation>
    </message>
    <message>
      <location line="+2" />
      <location filename="../../expo_desk/ui/gantt/view.py" line="+310" />
      <source>Late</source>
      <translation>逾期</translation>
    </message>
    <message>
      <location line="+1" />
      <location filename="../../expo_desk/ui/gantt/view.py" line="+1" />
      <source>At risk</source>
      <translation>有风险</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Blocked: %1</source>
      <translation>受阻原因：%1</translation>
    </message>
    <message>
      <location line="+1" />
      <source>, </source>
      <comment>between the names of a list</comment>
      <translation>、</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Follows: %1</source>
      <translation>紧前任务：%1</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Followed by: %1</source>
      <translation>紧后任务：%1</translation>
    </message>
    <message>
      <location filename="../../expo_desk/ui/gantt/view.py" line="-7" />
      <source>Not started</source>
      <translation>未开始</translation>
    </message>
    <message>
      <location line="+1" />
      <source>In progress</source>
      <translation>进行中</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Blocked</source>
      <translation>受阻</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Done</source>
      <translation>已完成</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Critical path</source>
      <translation>关键路径</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Baseline</source>
      <translation>基线</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Milestone</source>
      <translation>里程碑</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Main event</source>
      <translation>主要事件</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Today</source>
      <translation>今天</translation>
    </message>
    <message>
      <location line="+66" />
      <source>Jan</source>
      <translation>1月</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Feb</source>
      <translation>2月</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Mar</source>
      <translation>3月</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Apr</source>
      <translation>4月</translation>
    </message>
    <message>
      <location line="+1" />
      <source>May</source>
      <translation>5月</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Jun</source>
      <translation>6月</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Jul</source>
      <translation>7月</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Aug</source>
      <translation>8月</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Sep</source>
      <translation>9月</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Oct</source>
      <translation>10月</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Nov</source>
      <translation>11月</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Dec</source>
      <translation>12月</translation>
    </message>
    <message>
      <location line="+6" />
      <source>%1</source>
      <comment>a year on the time scale</comment>
      <translation>%1年</translation>
    </message>
    <message>
      <location line="+5" />
      <source>%1 %2</source>
      <comment>month and year on the time scale</comment>
      <translation>%2年%1</translation>
    </message>
  </context>
  <context>
    <name>GanttPage</name>
    <message>
      <location filename="../../expo_desk/ui/pages/gantt_page.py" line="+79" />
      <source>Find a task, booth number or owner… (Ctrl+F, Enter for next)</source>
      <translation>查找任务、展位号或负责人…（Ctrl+F，回车找下一个）</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Day</source>
      <translation>天</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Week</source>
      <translation>周</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Month</source>
      <translation>月</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Time scale: one %1 per column</source>
      <translation>时间刻度：每列一%1</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Weekends</source>
      <translation>周末</translation>
    </message>
    <message>
      <location line="+13" />
      <source>Hall</source>
      <translation>展馆</translation>
    </message>
    <message>
      <location line="+6" />
      <source>−</source>
      <translation>−</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Zoom out (Ctrl+−, Ctrl+wheel)</source>
      <translation>缩小（Ctrl+−，Ctrl+滚轮）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>+</source>
      <translation>+</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Zoom in (Ctrl+=, Ctrl+wheel)</source>
      <translation>放大（Ctrl+=，Ctrl+滚轮）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Today</source>
      <translation>今天</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Scroll to the today line (Ctrl+T)</source>
      <translation>滚动到今天（Ctrl+T）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Collapse</source>
      <translation>收起</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Back to milestones and main events</source>
      <translation>收起到里程碑和主要事件</translation>
    </message>
    <message>
      <location line="+2" />
      <location line="+304" />
      <location line="+11" />
      <source>Save baseline</source>
      <translation>保存基线</translation>
    </message>
    <message>
      <location line="-314" />
      <source>Keep today's plan as the baseline the actual dates are compared with</source>
      <translation>把当前计划保存为基线，用来对比实际日期</translation>
    </message>
    <message>
      <location line="+102" />
      <source>All halls</source>
      <translation>全部展馆</translation>
    </message>
    <message>
      <location line="+39" />
      <source>Working out the schedule…</source>
      <translation>正在计算进度…</translation>
    </message>
    <message>
      <location line="+64" />
      <source>%1 of %2 rows shown · critical %3 · late %4 · at risk %5 · as of %6</source>
      <translation>显示 %1 / %2 行 · 关键 %3 · 逾期 %4 · 有风险 %5 · 截至 %6</translation>
    </message>
    <message>
      <location line="+65" />
      <source>not found</source>
      <translation>未找到</translation>
    </message>
    <message>
      <location line="+30" />
      <source>Read-only: only a department manager or an administrator moves bars.</source>
      <translation>只读：只有部门经理或管理员可以拖动任务条。</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Keep every task's planned dates as the baseline? The baseline saved before is replaced.</source>
      <translation>把所有任务的计划日期保存为基线吗？之前保存的基线将被替换。</translation>
    </message>
    <message>
      <location line="+34" />
      <source>Build schedule</source>
      <translation>搭建进度</translation>
    </message>
    <message>
      <location line="+8" />
      <source>Reschedule %1</source>
      <translation>调整 %1 的日期</translation>
    </message>
  </context>
  <context>
    <name>GenerateBlockDialog</name>
    <message>
      <location filename="../../expo_desk/ui/floorplan/dialogs.py" line="-166" />
      <source>Generate a block of booths</source>
      <translation>批量生成展位</translation>
    </message>
    <message>
      <location line="+17" />
      <source>{n:03d} or ### stands for the running number</source>
      <translation>{n:03d} 或 ### 代表流水号</translation>
    </message>
    <message>
      <location line="+8" />
      <source>(none)</source>
      <translation>（无）</translation>
    </message>
    <message>
      <location line="+7" />
      <source>Rows</source>
      <translation>行数</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Columns</source>
      <translation>列数</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Rows back to back</source>
      <translation>背靠背行数</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Booth width</source>
      <translation>展位宽度</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Booth depth</source>
      <translation>展位进深</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Aisle</source>
      <translation>通道</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Left edge (x)</source>
      <translation>左边 (x)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Top edge (y)</source>
      <translation>上边 (y)</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Numbering</source>
      <translation>编号格式</translation>
    </message>
    <message>
      <location line="+1" />
      <source>First number</source>
      <translation>起始号</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Type</source>
      <translation>类型</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Sector</source>
      <translation>行业</translation>
    </message>
    <message>
      <location line="+39" />
      <source>%1 booths, %2 to %3, block %4 m × %5 m</source>
      <translation>%1 个展位，%2 至 %3，区块 %4 m × %5 m</translation>
    </message>
  </context>
  <context>
    <name>HallScene</name>
    <message>
      <location filename="../../expo_desk/ui/floorplan/scene.py" line="+178" />
      <source>No sector</source>
      <translation>无行业</translation>
    </message>
  </context>
  <context>
    <name>ImportDialog</name>
    <message>
      <location filename="../../expo_desk/ui/dialogs/import_dialog.py" line="+51" />
      <source>Import exhibitors</source>
      <translation>导入展商</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Reading %1 …</source>
      <translation>正在读取 %1 …</translation>
    </message>
    <message>
      <location line="+15" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location line="+27" />
      <source>Checked %1 of %2 rows …</source>
      <translation>已检查 %1 / %2 行 …</translation>
    </message>
    <message>
      <location line="+15" />
      <source>Nothing was imported: %1 problem(s) in %2. Fix them in the file and import again.</source>
      <translation>未导入任何数据：%2 中有 %1 个问题。请在文件中改正后重新导入。</translation>
    </message>
    <message>
      <location line="+14" />
      <source>%1 exhibitor(s) imported from %2.</source>
      <translation>已从 %2 导入 %1 家展商。</translation>
    </message>
    <message>
      <location line="+2" />
      <source>%1 already in this show, not added again:</source>
      <translation>%1 家已在本届展会中，未重复添加：</translation>
    </message>
    <message>
      <location line="+7" />
      <source>New account managers (no password yet): %1</source>
      <translation>新增项目经理（尚未设置密码）：%1</translation>
    </message>
    <message>
      <location line="+6" />
      <source>Import cancelled; nothing was changed.</source>
      <translation>导入已取消，未做任何修改。</translation>
    </message>
    <message>
      <location line="+4" />
      <source>The import failed unexpectedly; nothing was changed.
%1</source>
      <translation>导入意外失败，未做任何修改。
%1</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Cancelling …</source>
      <translation>正在取消 …</translation>
    </message>
  </context>
  <context>
    <name>LanguageDialog</name>
    <message>
      <location filename="../../expo_desk/ui/dialogs/language_dialog.py" line="+23" />
      <source>Language</source>
      <translation>界面语言</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Follow the system (%1)</source>
      <translation>跟随系统（%1）</translation>
    </message>
    <message>
      <location line="+9" />
      <source>Expo Desk is in %1 now; another choice takes effect when it starts again.</source>
      <translation>Expo Desk 当前为%1；更改语言后重新启动生效。</translation>
    </message>
  </context>
  <context>
    <name>LeadDialog</name>
    <message>
      <location filename="../../expo_desk/ui/dialogs/lead_dialog.py" line="-128" />
      <source>Edit lead</source>
      <translation>编辑意向客户</translation>
    </message>
    <message>
      <location line="+0" />
      <source>New lead</source>
      <translation>新建意向客户</translation>
    </message>
    <message>
      <location line="+5" />
      <source>An exhibitor of this show, or a new prospect</source>
      <translation>本届展商，或新的潜在客户</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Company</source>
      <translation>公司</translation>
    </message>
    <message>
      <location line="+4" />
      <source>(none)</source>
      <translation>（无）</translation>
    </message>
    <message>
      <location line="+6" />
      <source>Account manager</source>
      <translation>项目经理</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Stage</source>
      <translation>阶段</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Why the prospect said no (required when lost)</source>
      <translation>客户拒绝的原因（流失时必填）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Lost because</source>
      <translation>流失原因</translation>
    </message>
    <message>
      <location line="+2" />
      <source>yuan, e.g. 80000 or 8万</source>
      <translation>单位元，如 80000 或 8万</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Expected value (yuan)</source>
      <translation>期望值（元）</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Next follow-up</source>
      <translation>下次跟进</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Visit appointment</source>
      <translation>拜访预约</translation>
    </message>
    <message>
      <location line="+9" />
      <source>Objections</source>
      <translation>异议</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Other objections, separated by ; or 、</source>
      <translation>其他异议，用 ; 或 、 分隔</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Notes</source>
      <translation>备注</translation>
    </message>
  </context>
  <context>
    <name>LeadFormDialog</name>
    <message>
      <location filename="../../expo_desk/ui/pages/post_show_page.py" line="-307" />
      <source>New lead — %1</source>
      <translation>新增线索 — %1</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Visitor</source>
      <translation>观众</translation>
    </message>
    <message>
      <location line="+0" />
      <source>e.g. 孙先生</source>
      <translation>如：孙先生</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Visitor's company</source>
      <translation>观众所在公司</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Phone or e-mail</source>
      <translation>电话或邮箱</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Interested in</source>
      <translation>关注内容</translation>
    </message>
    <message>
      <location line="+0" />
      <source>products, needs…</source>
      <translation>产品、需求…</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Agreement</source>
      <translation>协议</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Cooperation agreement signed</source>
      <translation>已签合作协议</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Agreement value (yuan)</source>
      <translation>协议金额（元）</translation>
    </message>
    <message>
      <location line="+0" />
      <source>e.g. 120000 or 12万</source>
      <translation>如 120000 或 12万</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Source</source>
      <translation>来源</translation>
    </message>
  </context>
  <context>
    <name>LeadImportDialog</name>
    <message>
      <location filename="../../expo_desk/ui/dialogs/lead_dialog.py" line="+116" />
      <source>Import leads</source>
      <translation>导入意向客户</translation>
    </message>
    <message>
      <location line="+3" />
      <source>%1 lead(s) imported from %2.</source>
      <translation>已从 %2 导入 %1 个意向客户。</translation>
    </message>
    <message>
      <location line="+3" />
      <source>%1 already have a lead in this show, not added again:</source>
      <translation>%1 家在本届展会已有意向记录，未重复添加：</translation>
    </message>
  </context>
  <context>
    <name>LeadTableModel</name>
    <message>
      <location filename="../../expo_desk/ui/models/lead_table_model.py" line="+27" />
      <source>Stage</source>
      <translation>阶段</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Company / prospect</source>
      <translation>公司 / 潜在客户</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Next follow-up</source>
      <translation>下次跟进</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Expected value</source>
      <translation>期望值</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Visit</source>
      <translation>拜访</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Account manager</source>
      <translation>项目经理</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Objections</source>
      <translation>异议</translation>
    </message>
  </context>
  <context>
    <name>LeadsImportDialog</name>
    <message>
      <location filename="../../expo_desk/ui/pages/post_show_page.py" line="-172" />
      <source>Import exhibitor leads</source>
      <translation>导入展商线索</translation>
    </message>
    <message>
      <location line="+3" />
      <source>%1 lead(s) for %2 exhibitor(s) imported from %3; %4 agreement(s) signed, worth %5.</source>
      <translation>已从 %3 为 %2 家展商导入 %1 条线索；签订 %4 份协议，金额 %5。</translation>
    </message>
    <message>
      <location line="+5" />
      <source>%1 already there, not added again:</source>
      <translation>%1 条已存在，未重复添加：</translation>
    </message>
  </context>
  <context>
    <name>ListPage</name>
    <message>
      <location filename="../../expo_desk/ui/widgets/list_page.py" line="+116" />
      <source>Spreadsheets (*.xlsx *.csv)</source>
      <translation>表格文件 (*.xlsx *.csv)</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../expo_desk/ui/main_window.py" line="+74" />
      <source>Exhibitors</source>
      <translation>展商</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Pipeline</source>
      <translation>销售跟进</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Booths &amp; floor plan</source>
      <translation>展位与平面图</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Contracts</source>
      <translation>合同</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Dashboard</source>
      <translation>经营看板</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Spot checks</source>
      <translation>抽查</translation>
    </message>
    <message>
      <location line="+2" />
      <source>My tasks</source>
      <translation>我的任务</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Build schedule</source>
      <translation>搭建进度</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Task board</source>
      <translation>任务看板</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Crew load</source>
      <translation>施工排班</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Post-show results</source>
      <translation>展后成效</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Reports</source>
      <translation>报告</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Audit trail</source>
      <translation>审计记录</translation>
    </message>
    <message>
      <location line="+43" />
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;New show file…</source>
      <translation>新建展会文件(&amp;N)…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;Open…</source>
      <translation>打开(&amp;O)…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Open &amp;recent</source>
      <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
      <location line="+3" />
      <source>&amp;Back up to…</source>
      <translation>备份到(&amp;B)…</translation>
    </message>
    <message>
      <location line="+3" />
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;Edit</source>
      <translation>编辑(&amp;E)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;Undo</source>
      <translation>撤销(&amp;U)</translation>
    </message>
    <message>
      <location line="+2" />
      <source>&amp;Redo</source>
      <translation>重做(&amp;R)</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Cannot undo or redo</source>
      <translation>无法撤销或重做</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;Show</source>
      <translation>展会(&amp;S)</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Se&amp;ttings</source>
      <translation>设置(&amp;T)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;Users and sign-in…</source>
      <translation>用户与登录(&amp;U)…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;Pricing rules…</source>
      <translation>价格规则(&amp;P)…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Sales &amp;terms and services…</source>
      <translation>销售条款与服务(&amp;T)…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;Build schedule templates…</source>
      <translation>搭建进度模板(&amp;B)…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Sign in as &amp;someone else…</source>
      <translation>切换用户(&amp;S)…</translation>
    </message>
    <message>
      <location line="+2" />
      <source>&amp;Language…</source>
      <translation>界面语言(&amp;L)…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;About Expo Desk</source>
      <translation>关于 Expo Desk(&amp;A)</translation>
    </message>
    <message>
      <location line="+17" />
      <source>(none)</source>
      <translation>（无）</translation>
    </message>
    <message>
      <location line="+5" />
      <source>(no file open)</source>
      <translation>（未打开文件）</translation>
    </message>
    <message>
      <location line="+11" />
      <source>Show &amp;details…</source>
      <translation>展会信息(&amp;D)…</translation>
    </message>
    <message>
      <location line="+3" />
      <source>&amp;Next edition…</source>
      <translation>下一届展会(&amp;N)…</translation>
    </message>
    <message>
      <location line="+4" />
      <source>E&amp;xchange changes…</source>
      <translation>交换变更(&amp;X)…</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Review &amp;conflicts…</source>
      <translation>审核冲突(&amp;C)…</translation>
    </message>
    <message>
      <location line="+30" />
      <source>Cannot open file</source>
      <translation>无法打开文件</translation>
    </message>
    <message>
      <location line="+28" />
      <source>Sign in</source>
      <translation>登录</translation>
    </message>
    <message>
      <location line="+1" />
      <source>This file does not require sign-in: every change is made by %1. An administrator can turn sign-in on under Settings ▸ Users and sign-in.</source>
      <translation>此文件无需登录：所有更改都记在 %1 名下。管理员可在“设置 ▸ 用户与登录”中开启登录。</translation>
    </message>
    <message>
      <location line="+31" />
      <source>Open show file</source>
      <translation>打开展会文件</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Expo Desk files (*.sqlite);;All files (*)</source>
      <translation>Expo Desk 文件 (*.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
      <location line="+22" />
      <source>Back up to folder</source>
      <translation>备份到文件夹</translation>
    </message>
    <message>
      <location line="+10" />
      <source>Backup failed</source>
      <translation>备份失败</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Backed up and verified: %1</source>
      <translation>已备份并校验：%1</translation>
    </message>
    <message>
      <location line="+4" />
      <source>About Expo Desk</source>
      <translation>关于 Expo Desk</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&lt;h3&gt;Expo Desk %1&lt;/h3&gt;&lt;p&gt;Exhibitors, booths, contracts, build schedule and reports for exhibition organizers.&lt;/p&gt;&lt;p&gt;Chinese text uses WenQuanYi Micro Hei (Apache License 2.0).&lt;/p&gt;</source>
      <translation>&lt;h3&gt;Expo Desk %1&lt;/h3&gt;&lt;p&gt;展会主办方的展商、展位、合同、搭建进度与报告管理工具。&lt;/p&gt;&lt;p&gt;中文字体：文泉驿微米黑（Apache License 2.0）。&lt;/p&gt;</translation>
    </message>
    <message>
      <location line="+6" />
      <source>No file open</source>
      <translation>未打开文件</translation>
    </message>
    <message>
      <location line="+3" />
      <source>No show</source>
      <translation>无展会</translation>
    </message>
    <message>
      <location filename="../../expo_desk/app.py" line="+63" />
      <source>Cannot create the demo show</source>
      <translation>无法创建演示展会</translation>
    </message>
  </context>
  <context>
    <name>MyTasksModel</name>
    <message>
      <location filename="../../expo_desk/ui/widgets/task_cards.py" line="+214" />
      <source>Overdue</source>
      <translation>逾期</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Today</source>
      <translation>今天</translation>
    </message>
    <message>
      <location line="+1" />
      <source>This week</source>
      <translation>本周</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Later</source>
      <translation>以后</translation>
    </message>
    <message>
      <location line="+9" />
      <source>Task</source>
      <translation>任务</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Booth · hall</source>
      <translation>展位 · 展馆</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Exhibitor</source>
      <translation>展商</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Due</source>
      <translation>截止</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Checklist</source>
      <translation>核对清单</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <location line="+92" />
      <source>S start · F finish · P report a problem · B block or unblock · Enter: details</source>
      <translation>S 开始 · F 完成 · P 报告问题 · B 受阻或解除 · 回车：详情</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Blocked: %1</source>
      <translation>受阻：%1</translation>
    </message>
  </context>
  <context>
    <name>MyTasksPage</name>
    <message>
      <location filename="../../expo_desk/ui/pages/my_tasks_page.py" line="+137" />
      <source>My tasks</source>
      <translation>我的任务</translation>
    </message>
    <message>
      <location line="+9" />
      <source>⚠ Report a problem…</source>
      <translation>⚠ 报告问题…</translation>
    </message>
    <message>
      <location line="+3" />
      <source>&amp;Refresh</source>
      <translation>刷新(&amp;R)</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Read the tasks again (F5)</source>
      <translation>重新读取任务（F5）</translation>
    </message>
    <message>
      <location line="+20" />
      <source>Tasks</source>
      <translation>任务</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Punch list</source>
      <translation>问题清单</translation>
    </message>
    <message>
      <location line="+51" />
      <source>Open a show file to see your tasks.</source>
      <translation>请打开展会文件，查看您的任务。</translation>
    </message>
    <message>
      <location line="+22" />
      <source>%1 open · %2 overdue · as of %3</source>
      <translation>未完成 %1 · 逾期 %2 · 截至 %3</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Read in %1 s</source>
      <translation>读取用时 %1 秒</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Nothing to do: no open task is yours or waiting for your role. Tasks belong to account managers, design supervisors and construction executors; sign in as one to see theirs.</source>
      <translation>没有待办：没有属于您或您的角色的未完成任务。任务属于项目经理、项目主管和项目执行；以其中一个身份登录即可看到他们的任务。</translation>
    </message>
    <message>
      <location line="+8" />
      <source>Punch list · %1</source>
      <translation>问题清单 · %1</translation>
    </message>
  </context>
  <context>
    <name>NewContractDialog</name>
    <message>
      <location filename="../../expo_desk/ui/dialogs/contract_dialogs.py" line="-145" />
      <source>New contract</source>
      <translation>新建合同</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Search company…</source>
      <translation>搜索公司…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Booth number…</source>
      <translation>展位号…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Exhibitor</source>
      <translation>展商</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Booths</source>
      <translation>展位</translation>
    </message>
    <message>
      <location line="+2" />
      <source>The booths are held for the exhibitor while the contract is a draft; prices follow the show's rules until it is signed.</source>
      <translation>合同为草稿期间，展位为该展商保留；签约前价格按展会的价格规则计算。</translation>
    </message>
  </context>
  <context>
    <name>NewHallDialog</name>
    <message>
      <location filename="../../expo_desk/ui/floorplan/dialogs.py" line="+45" />
      <source>New hall</source>
      <translation>新建展馆</translation>
    </message>
    <message>
      <location line="+4" />
      <source>e.g. A1</source>
      <translation>例如 A1</translation>
    </message>
    <message>
      <location line="+3" />
      <source>e.g. Hall 1</source>
      <translation>例如 1号馆</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Code</source>
      <translation>代码</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Width</source>
      <translation>宽度</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Depth</source>
      <translation>进深</translation>
    </message>
  </context>
  <context>
    <name>NewShowDialog</name>
    <message>
      <location filename="../../expo_desk/ui/dialogs/new_show_dialog.py" line="+26" />
      <location line="+3" />
      <source>New show file</source>
      <translation>新建展会文件</translation>
    </message>
    <message>
      <source>Browse…</source>
      <translation type="vanished">浏览…</translation>
    </message>
    <message>
      <location line="+3" />
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <location line="+2" />
      <source>e.g. RZ2026</source>
      <translation>如：RZ2026</translation>
    </message>
    <message>
      <location line="+2" />
      <source>e.g. 2026日照国际博览会</source>
      <translation>如：2026日照国际博览会</translation>
    </message>
    <message>
      <location line="+2" />
      <source>e.g. Rizhao International Expo 2026</source>
      <translation>如：Rizhao International Expo 2026</translation>
    </message>
    <message>
      <location line="+7" />
      <source>Show code</source>
      <translation>展会代码</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Show name (Chinese)</source>
      <translation>展会名称（中文）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Show name (English)</source>
      <translation>展会名称（英文）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Opening day</source>
      <translation>开幕日</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Last day</source>
      <translation>闭幕日</translation>
    </message>
    <message>
      <location line="-20" />
      <source>Expo Desk files (*.sqlite)</source>
      <translation>Expo Desk 文件 (*.sqlite)</translation>
    </message>
  </context>
  <context>
    <name>NextEditionDialog</name>
    <message>
      <location filename="../../expo_desk/ui/dialogs/next_edition_dialog.py" line="+73" />
      <source>Next edition</source>
      <translation>下一届</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Copy from %1 %2</source>
      <translation>从 %1 %2 复制</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Last edition's exhibitors with a signed contract — tick those who rebooked on site (served first, a draft contract at once):</source>
      <translation>上届已签约的展商——勾选现场续订的展商（优先安排，并立即生成草稿合同）：</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Rebooked on site</source>
      <translation>现场续订</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Exhibitor</source>
      <translation>展商</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Booths</source>
      <translation>展位</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Contracts</source>
      <translation>合同</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Account manager</source>
      <translation>项目经理</translation>
    </message>
    <message>
      <location line="+23" />
      <source>Copy</source>
      <translation>复制</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Open new show</source>
      <translation>打开新展会</translation>
    </message>
    <message>
      <location line="+21" />
      <source>Offer last edition's exhibitors their booths until</source>
      <translation>为上届展商保留原展位至</translation>
    </message>
    <message>
      <location line="+7" />
      <source>New show code</source>
      <translation>新展会代码</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Show name (Chinese)</source>
      <translation>展会名称（中文）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Show name (English)</source>
      <translation>展会名称（英文）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Opening day</source>
      <translation>开幕日</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Last day</source>
      <translation>闭幕日</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Rebooking</source>
      <translation>续订</translation>
    </message>
    <message>
      <location line="+6" />
      <source>Open a show first.</source>
      <translation>请先打开一个展会。</translation>
    </message>
    <message>
      <location line="+12" />
      <source>Will copy: %1 hall(s), %2 booth(s) (%3 blocked, all others available), %4 pricing rule(s), %5 service(s), %6 exhibitor(s) with contacts%7. No contract or payment is copied.</source>
      <translation>将复制：%1 个展馆、%2 个展位（%3 个封闭，其余均可售）、%4 条价格规则、%5 项服务、%6 家展商及其联系人%7。合同和付款不复制。</translation>
    </message>
    <message>
      <location line="+5" />
      <source>, the sales terms</source>
      <translation>、销售条款</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Only a department manager or an administrator makes a new edition.</source>
      <translation>只有部门经理或管理员可以创建新一届展会。</translation>
    </message>
    <message>
      <location line="+54" />
      <source>The copy failed unexpectedly; nothing was changed.
%1</source>
      <translation>复制意外失败，未做任何更改。
%1</translation>
    </message>
    <message>
      <location line="+8" />
      <source>%1 %2 made: %3 hall(s), %4 booth(s), %5 pricing rule(s), %6 service(s), %7 exhibitor(s).</source>
      <translation>已创建 %1 %2：%3 个展馆、%4 个展位、%5 条价格规则、%6 项服务、%7 家展商。</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Rebooking offers made: %1; booths held until %2: %3; draft contracts for on-site rebookings: %4.</source>
      <translation>已发出续订邀约：%1；保留至 %2 的展位：%3；现场续订的草稿合同：%4。</translation>
    </message>
    <message numerus="yes">
      <location line="+5" />
      <source>%n booth(s) could not be offered:</source>
      <translation>
        <numerusform>%n 个展位无法提供：</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>PasswordDialog</name>
    <message>
      <location filename="../../expo_desk/ui/dialogs/user_form_dialog.py" line="+87" />
      <source>Password for %1</source>
      <translation>%1 的密码</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Current password</source>
      <translation>当前密码</translation>
    </message>
    <message>
      <location line="+7" />
      <source>New password</source>
      <translation>新密码</translation>
    </message>
    <message>
      <location line="+1" />
      <source>New password again</source>
      <translation>再次输入新密码</translation>
    </message>
    <message>
      <location line="+10" />
      <source>The two new passwords differ.</source>
      <translation>两次输入的新密码不一致。</translation>
    </message>
  </context>
  <context>
    <name>PaymentDialog</name>
    <message>
      <location filename="../../expo_desk/ui/dialogs/payment_dialog.py" line="-83" />
      <source>Refund on %1</source>
      <translation>%1 退款</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Record payment on %1</source>
      <translation>登记 %1 的收款</translation>
    </message>
    <message>
      <location line="+5" />
      <source>yuan, e.g. 32340 or 3.234万</source>
      <translation>单位元，如 32340 或 3.234万</translation>
    </message>
    <message>
      <location line="+5" />
      <source>bank reference, receipt number…</source>
      <translation>银行流水号、收据号…</translation>
    </message>
    <message>
      <location line="+4" />
      <source>optional: a scan or photo of the transfer</source>
      <translation>可选：转账凭证的扫描件或照片</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Refund (yuan)</source>
      <translation>退款（元）</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Amount (yuan)</source>
      <translation>金额（元）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Method</source>
      <translation>付款方式</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Reference</source>
      <translation>凭证号</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation type="vanished">选择…</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Proof</source>
      <translation>凭证</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Paid so far %1 · balance %2</source>
      <translation>已付 %1 · 余额 %2</translation>
    </message>
    <message>
      <location line="-12" />
      <source>Proof of payment</source>
      <translation>付款凭证</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Scans and documents (*.pdf *.png *.jpg *.jpeg);;All files (*)</source>
      <translation>扫描件和文档 (*.pdf *.png *.jpg *.jpeg);;所有文件 (*)</translation>
    </message>
  </context>
  <context>
    <name>PipelinePage</name>
    <message>
      <location filename="../../expo_desk/ui/pages/pipeline_page.py" line="+51" />
      <source>Search company or prospect… (Ctrl+F)</source>
      <translation>搜索公司或潜在客户…（Ctrl+F）</translation>
    </message>
    <message>
      <location line="+3" />
      <source>All stages</source>
      <translation>全部阶段</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Open (not signed or lost)</source>
      <translation>跟进中（未签约、未流失）</translation>
    </message>
    <message>
      <location line="+8" />
      <source>&amp;New lead…</source>
      <translation>新建意向(&amp;N)…</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Add a lead (Ctrl+N)</source>
      <translation>添加意向客户（Ctrl+N）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;Edit…</source>
      <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Edit the selected lead (Enter)</source>
      <translation>编辑选中的意向客户（Enter）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;Log follow-up…</source>
      <translation>记录跟进(&amp;L)…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Book &amp;visit…</source>
      <translation>预约拜访(&amp;V)…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;Mark lost…</source>
      <translation>标记流失(&amp;M)…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;Delete</source>
      <translation>删除(&amp;D)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;Import…</source>
      <translation>导入(&amp;I)…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Import leads from Excel (.xlsx) or CSV (Ctrl+I)</source>
      <translation>从 Excel (.xlsx) 或 CSV 导入意向客户（Ctrl+I）</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Due</source>
      <translation>跟进日</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Stage</source>
      <translation>阶段</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Company</source>
      <translation>公司</translation>
    </message>
    <message>
      <location line="+77" />
      <source>All account managers</source>
      <translation>全部项目经理</translation>
    </message>
    <message numerus="yes">
      <location line="+33" />
      <source>%n lead(s)</source>
      <translation>
        <numerusform>%n 个意向客户</numerusform>
      </translation>
    </message>
    <message>
      <location line="+7" />
      <source>everyone</source>
      <translation>所有人</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Follow up today — %1</source>
      <translation>今日跟进 — %1</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Overdue</source>
      <translation>逾期</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Today</source>
      <translation>今天</translation>
    </message>
    <message>
      <location line="+1" />
      <source>This week</source>
      <translation>本周</translation>
    </message>
    <message>
      <location line="+29" />
      <source>open expected value %1</source>
      <translation>跟进中期望值合计 %1</translation>
    </message>
    <message>
      <location line="+95" />
      <source>Mark lost</source>
      <translation>标记流失</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Why did %1 say no?</source>
      <translation>%1 为什么拒绝？</translation>
    </message>
    <message>
      <location line="+12" />
      <source>Delete lead</source>
      <translation>删除意向客户</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Delete the lead for %1 and its follow-ups?</source>
      <translation>删除 %1 的意向记录及其全部跟进记录？</translation>
    </message>
    <message>
      <location line="+11" />
      <source>Not saved</source>
      <translation>未保存</translation>
    </message>
    <message>
      <location line="+7" />
      <source>Import leads</source>
      <translation>导入意向客户</translation>
    </message>
  </context>
  <context>
    <name>PostShowPage</name>
    <message>
      <location filename="../../expo_desk/ui/pages/post_show_page.py" line="+470" />
      <source>Pack &amp;texts…</source>
      <translation>手册文本(&amp;T)…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>The show's texts printed in every exhibitor pack</source>
      <translation>印在每份展商手册中的展会文本</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Visitors</source>
      <translation>观众</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Exhibitor results</source>
      <translation>展商成效</translation>
    </message>
  </context>
  <context>
    <name>PrepareCopyDialog</name>
    <message>
      <location filename="../../expo_desk/ui/dialogs/exchange_dialog.py" line="-334" />
      <source>Prepare a copy</source>
      <translation>准备副本</translation>
    </message>
    <message>
      <location line="+3" />
      <source>A full copy of this file for another PC (a venue laptop, a second office PC). It works on its own and exchanges its changes with this one through the exchange folder.</source>
      <translation>为另一台电脑（现场笔记本、办公室的另一台电脑）制作此文件的完整副本。它可以独立工作，并通过交换文件夹与此文件交换变更。</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation type="vanished">选择…</translation>
    </message>
    <message>
      <location line="+10" />
      <source>Save as:</source>
      <translation>保存为：</translation>
    </message>
    <message>
      <location line="+3" />
      <source>e.g. Venue laptop 1</source>
      <translation>例如：现场笔记本 1</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Name of the copy:</source>
      <translation>副本名称：</translation>
    </message>
    <message>
      <location line="+3" />
      <source>optional, e.g. V1: its contract numbers carry it</source>
      <translation>可选，例如 V1：该副本的合同编号会带上它</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Code:</source>
      <translation>代码：</translation>
    </message>
    <message>
      <location line="+8" />
      <source>Prepare</source>
      <translation>准备</translation>
    </message>
    <message>
      <location line="-19" />
      <source>Save the copy as</source>
      <translation>副本保存为</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Expo Desk show (*.sqlite)</source>
      <translation>Expo Desk 展会文件 (*.sqlite)</translation>
    </message>
    <message>
      <location line="+29" />
      <source>Save as: choose where to save the copy.</source>
      <translation>保存为：请选择副本的保存位置。</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Name of the copy: required.</source>
      <translation>副本名称：必须填写。</translation>
    </message>
  </context>
  <context>
    <name>PricingDialog</name>
    <message>
      <location filename="../../expo_desk/ui/dialogs/pricing_dialog.py" line="+212" />
      <source>Pricing rules — %1</source>
      <translation>价格规则 — %1</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Only a department manager or an administrator changes pricing rules. You may try quotes.</source>
      <translation>只有部门经理或管理员可以修改价格规则。您可以试算报价。</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Kind</source>
      <translation>类别</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Label</source>
      <translation>名称</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Applies to</source>
      <translation>适用于</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Price</source>
      <translation>价格</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Dates</source>
      <translation>日期</translation>
    </message>
    <message>
      <location line="+4" />
      <source>&amp;Add rule…</source>
      <translation>添加规则(&amp;A)…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;Edit…</source>
      <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;Delete</source>
      <translation>删除(&amp;D)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Use the &amp;default price list</source>
      <translation>使用默认价目表(&amp;D)</translation>
    </message>
    <message>
      <location line="+17" />
      <source>Quote a booth</source>
      <translation>展位报价</translation>
    </message>
    <message>
      <location line="+5" />
      <location line="+82" />
      <source>shell scheme</source>
      <translation>标准展位</translation>
    </message>
    <message>
      <location line="-81" />
      <location line="+81" />
      <source>raw space</source>
      <translation>光地</translation>
    </message>
    <message>
      <location line="-63" />
      <source>Type</source>
      <translation>类型</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Width</source>
      <translation>宽度</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Depth</source>
      <translation>进深</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Open sides</source>
      <translation>开口</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <location line="+7" />
      <source>Term</source>
      <translation>项目</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Basis</source>
      <translation>计算依据</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Amount</source>
      <translation>金额</translation>
    </message>
    <message>
      <location line="+45" />
      <source>Total: %1</source>
      <translation>合计：%1</translation>
    </message>
    <message>
      <location line="+16" />
      <source>at least %1 m²</source>
      <translation>至少 %1 m²</translation>
    </message>
    <message>
      <location line="+1" />
      <source>every booth</source>
      <translation>所有展位</translation>
    </message>
    <message>
      <location line="+12" />
      <source> per 9 m² booth</source>
      <translation> / 9 m² 展位</translation>
    </message>
    <message>
      <location line="+0" />
      <location line="+1" />
      <source> per m²</source>
      <translation> / m²</translation>
    </message>
    <message>
      <location line="+47" />
      <source>Delete pricing rule</source>
      <translation>删除价格规则</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Delete the rule “%1”?</source>
      <translation>删除规则“%1”？</translation>
    </message>
    <message>
      <location line="+6" />
      <source>Cannot delete</source>
      <translation>无法删除</translation>
    </message>
    <message>
      <location line="+6" />
      <source>Cannot add the default price list</source>
      <translation>无法添加默认价目表</translation>
    </message>
  </context>
  <context>
    <name>PunchListView</name>
    <message>
      <location filename="../../expo_desk/ui/pages/my_tasks_page.py" line="-192" />
      <source>Severity</source>
      <translation>严重程度</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Booth</source>
      <translation>展位</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Problem</source>
      <translation>问题</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Task</source>
      <translation>任务</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Reported</source>
      <translation>报告日期</translation>
    </message>
    <message>
      <location line="+0" />
      <source>By</source>
      <translation>报告人</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Photo</source>
      <translation>照片</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Double-click a problem with a photo to open the photo</source>
      <translation>双击带照片的问题可打开照片</translation>
    </message>
    <message>
      <location line="+2" />
      <source>✓ Fixed</source>
      <translation>✓ 已修复</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Close (no fix needed)</source>
      <translation>关闭（无需修复）</translation>
    </message>
    <message>
      <location line="+30" />
      <source>+%1 more not shown</source>
      <translation>另有 %1 条未显示</translation>
    </message>
    <message>
      <location line="+12" />
      <source>Choose a problem first.</source>
      <translation>请先选择一个问题。</translation>
    </message>
  </context>
  <context>
    <name>QuantityDialog</name>
    <message>
      <location filename="../../expo_desk/ui/dialogs/contract_dialogs.py" line="+76" />
      <source>Change quantity</source>
      <translation>修改数量</translation>
    </message>
    <message>
      <location line="+9" />
      <source>0 (remove the line)</source>
      <translation>0（删除此行）</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Service</source>
      <translation>服务</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Quantity</source>
      <translation>数量</translation>
    </message>
  </context>
  <context>
    <name>ReceivableTableModel</name>
    <message>
      <location filename="../../expo_desk/ui/models/contract_table_model.py" line="+8" />
      <source>Contract</source>
      <translation>合同</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Exhibitor</source>
      <translation>展商</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Account manager</source>
      <translation>项目经理</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Due</source>
      <translation>应收</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Paid</source>
      <translation>已付</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Outstanding</source>
      <translation>未付</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Overdue</source>
      <translation>逾期</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Days overdue</source>
      <translation>逾期天数</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Next due</source>
      <translation>下次到期</translation>
    </message>
  </context>
  <context>
    <name>ReceivablesView</name>
    <message>
      <location filename="../../expo_desk/ui/widgets/receivables_view.py" line="+35" />
      <source>&amp;Overdue only</source>
      <translation>仅显示逾期(&amp;O)</translation>
    </message>
    <message>
      <location line="+10" />
      <source>Account manager</source>
      <translation>项目经理</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Contracts</source>
      <translation>合同数</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Due</source>
      <translation>应收</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Paid</source>
      <translation>已付</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Outstanding</source>
      <translation>未付</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Overdue</source>
      <translation>逾期</translation>
    </message>
    <message>
      <location line="+11" />
      <source>By account manager</source>
      <translation>按项目经理</translation>
    </message>
    <message numerus="yes">
      <location line="+29" />
      <source>%n contract(s) · outstanding %1 · overdue %2</source>
      <translation>
        <numerusform>%n 份合同 · 未付 %1 · 逾期 %2</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>RecordNames</name>
    <message>
      <location filename="../../expo_desk/ui/record_names.py" line="+23" />
      <source>added</source>
      <translation>新增</translation>
    </message>
    <message>
      <location line="+1" />
      <source>changed</source>
      <translation>修改</translation>
    </message>
    <message>
      <location line="+1" />
      <source>deleted</source>
      <translation>删除</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Exhibitors</source>
      <translation>展商</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Contacts</source>
      <translation>联系人</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Shows</source>
      <translation>展会</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Users</source>
      <translation>用户</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Halls</source>
      <translation>展馆</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Booths</source>
      <translation>展位</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Leads</source>
      <translation>意向客户</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Follow-ups</source>
      <translation>跟进记录</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Service items</source>
      <translation>服务项目</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Contracts</source>
      <translation>合同</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Contract lines</source>
      <translation>合同明细</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Payment schedule</source>
      <translation>付款计划</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Payments</source>
      <translation>收款</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Build tasks</source>
      <translation>搭建任务</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Task links</source>
      <translation>任务依赖</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Visitor counts</source>
      <translation>观众人数</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Exhibitor leads</source>
      <translation>展商线索</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Survey answers</source>
      <translation>问卷回答</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Settings</source>
      <translation>设置</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Pricing rules</source>
      <translation>价格规则</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Sales terms</source>
      <translation>销售条款</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Spot checks</source>
      <translation>抽查</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Spot-check items</source>
      <translation>抽查明细</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Rebooking offers</source>
      <translation>续展报价</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Schedule templates</source>
      <translation>进度模板</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Task checklist</source>
      <translation>任务检查项</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Punch list</source>
      <translation>问题清单</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Pack texts</source>
      <translation>展商手册文本</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Post-show notes</source>
      <translation>展后记录</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Company</source>
      <translation>公司</translation>
    </message>
    <message>
      <location line="+1" />
      <location line="+10" />
      <source>English name</source>
      <translation>英文名称</translation>
    </message>
    <message>
      <location line="-9" />
      <source>Sector</source>
      <translation>行业</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Account manager</source>
      <translation>项目经理</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <location line="+1" />
      <source>E-mail</source>
      <translation>邮箱</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Website</source>
      <translation>网站</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Expected value</source>
      <translation>期望值</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <location line="+1" />
      <location line="+4" />
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <location line="-2" />
      <source>Title</source>
      <translation>职务</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Main contact</source>
      <translation>主要联系人</translation>
    </message>
    <message>
      <location line="+2" />
      <source>User name</source>
      <translation>用户名</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Role</source>
      <translation>角色</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Active</source>
      <translation>启用</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Number</source>
      <translation>编号</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Code</source>
      <translation>代码</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Owner</source>
      <translation>负责人</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Recorded by</source>
      <translation>记录人</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Discount approved by</source>
      <translation>优惠审批人</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Person</source>
      <translation>人员</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Total</source>
      <translation>总额</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Discount</source>
      <translation>优惠</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Amount</source>
      <translation>金额</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Unit price</source>
      <translation>单价</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Paid on</source>
      <translation>付款日期</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Due on</source>
      <translation>到期日</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <location line="+1" />
      <source>First day</source>
      <translation>开幕日</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Last day</source>
      <translation>闭幕日</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Venue</source>
      <translation>场馆</translation>
    </message>
    <message>
      <location line="+1" />
      <source>City</source>
      <translation>城市</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Show</source>
      <translation>展会</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Exhibitor</source>
      <translation>展商</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Booth</source>
      <translation>展位</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Hall</source>
      <translation>展馆</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Contract</source>
      <translation>合同</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Task</source>
      <translation>任务</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Part of</source>
      <translation>上级任务</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Level</source>
      <translation>层级</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Planned start</source>
      <translation>计划开始</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Planned finish</source>
      <translation>计划完成</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Baseline start</source>
      <translation>基线开始</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Baseline finish</source>
      <translation>基线完成</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Actual start</source>
      <translation>实际开始</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Actual finish</source>
      <translation>实际完成</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Blocked because</source>
      <translation>受阻原因</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Done (%)</source>
      <translation>完成度（%）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Order</source>
      <translation>排序</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Template</source>
      <translation>模板</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Predecessor</source>
      <translation>紧前任务</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Successor</source>
      <translation>紧后任务</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Lag (days)</source>
      <translation>间隔（天）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Severity</source>
      <translation>严重程度</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Description</source>
      <translation>说明</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Photo</source>
      <translation>照片</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Reported by</source>
      <translation>报告人</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Reported at</source>
      <translation>报告时间</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Fixed at</source>
      <translation>解决时间</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Text</source>
      <translation>内容</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Done</source>
      <translation>已完成</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Done by</source>
      <translation>完成人</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Done at</source>
      <translation>完成时间</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Position</source>
      <translation>序号</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Build-up starts</source>
      <translation>布展开始</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Tear-down ends</source>
      <translation>撤展结束</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Day</source>
      <translation>日期</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Visitors</source>
      <translation>观众人数</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Kind</source>
      <translation>类别</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Quantity</source>
      <translation>数量</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Signed on</source>
      <translation>签约日期</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Cancelled on</source>
      <translation>取消日期</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Booth type</source>
      <translation>展位类型</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Reserved for</source>
      <translation>预留给</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Reserved until</source>
      <translation>预留至</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Fascia text</source>
      <translation>楣板文字</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Method</source>
      <translation>付款方式</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Reference</source>
      <translation>凭证号</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Label</source>
      <translation>名称</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Stage</source>
      <translation>阶段</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Next follow-up</source>
      <translation>下次跟进</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Prospect</source>
      <translation>潜在客户</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Reason lost</source>
      <translation>丢单原因</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Revenue target</source>
      <translation>收入目标</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Width</source>
      <translation>宽度</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Depth</source>
      <translation>深度</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Task name</source>
      <translation>任务名称</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Contract number</source>
      <translation>合同编号</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Booth number</source>
      <translation>展位号</translation>
    </message>
  </context>
  <context>
    <name>ReportProblemDialog</name>
    <message>
      <location filename="../../expo_desk/ui/dialogs/task_dialogs.py" line="+16" />
      <source>⚠ Report a problem</source>
      <translation>⚠ 报告问题</translation>
    </message>
    <message>
      <location line="+7" />
      <source>booth number, e.g. A1-012 (empty: not at a booth)</source>
      <translation>展位号，例如 A1-012（留空：不在展位上）</translation>
    </message>
    <message>
      <location line="+2" />
      <source>What is wrong, and where exactly?</source>
      <translation>出了什么问题？具体在哪里？</translation>
    </message>
    <message>
      <location line="+4" />
      <source>optional: a photo of it</source>
      <translation>可选：问题照片</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation type="vanished">选择…</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Severity</source>
      <translation>严重程度</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Booth</source>
      <translation>展位</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Problem</source>
      <translation>问题</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Photo</source>
      <translation>照片</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Report</source>
      <translation>报告</translation>
    </message>
    <message>
      <location line="-8" />
      <source>Photo of the problem</source>
      <translation>问题照片</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Photos (*.jpg *.jpeg *.png *.heic *.webp);;All files (*)</source>
      <translation>照片 (*.jpg *.jpeg *.png *.heic *.webp);;所有文件 (*)</translation>
    </message>
  </context>
  <context>
    <name>ReportsPage</name>
    <message>
      <location filename="../../expo_desk/ui/pages/reports_page.py" line="+56" />
      <source>Chinese and English</source>
      <translation>中英双语</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Chinese</source>
      <translation>中文</translation>
    </message>
    <message>
      <location line="+0" />
      <source>English</source>
      <translation>英文</translation>
    </message>
    <message>
      <location line="+47" />
      <source>&amp;Choose…</source>
      <translation>选择(&amp;C)…</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Merged file too (all in one PDF, in booth order)</source>
      <translation>同时生成合并文件（全部合成一个 PDF，按展位排序）</translation>
    </message>
    <message>
      <location line="+3" />
      <source>&amp;Report:</source>
      <translation>报告(&amp;R)：</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;Language:</source>
      <translation>语言(&amp;L)：</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;Folder:</source>
      <translation>文件夹(&amp;F)：</translation>
    </message>
    <message>
      <location line="+7" />
      <source>&amp;Run</source>
      <translation>生成(&amp;R)</translation>
    </message>
    <message>
      <location line="+16" />
      <source>Open a show to make its reports.</source>
      <translation>请打开展会以生成报告。</translation>
    </message>
    <message>
      <location line="+8" />
      <source>Exhibitors</source>
      <translation>展商</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;All holding a booth</source>
      <translation>所有有展位的展商(&amp;A)</translation>
    </message>
    <message>
      <location line="+3" />
      <source>&amp;Chosen:</source>
      <translation>选定的(&amp;C)：</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Search name, booth, sector…</source>
      <translation>搜索名称、展位、行业…</translation>
    </message>
    <message>
      <location line="+8" />
      <source>C&amp;lear</source>
      <translation>清除(&amp;L)</translation>
    </message>
    <message>
      <location line="+15" />
      <source>Last run</source>
      <translation>上次生成</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Nothing made yet.</source>
      <translation>尚未生成。</translation>
    </message>
    <message>
      <location line="+3" />
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Folder</source>
      <translation>文件夹</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Exhibitor</source>
      <translation>展商</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Why it failed</source>
      <translation>失败原因</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;Open</source>
      <translation>打开(&amp;O)</translation>
    </message>
    <message>
      <location line="+3" />
      <source>&amp;Print…</source>
      <translation>打印(&amp;P)…</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Open f&amp;older</source>
      <translation>打开文件夹(&amp;O)</translation>
    </message>
    <message>
      <location line="+10" />
      <source>Not made:</source>
      <translation>未生成：</translation>
    </message>
    <message numerus="yes">
      <location line="+68" />
      <source>%n chosen</source>
      <translation>
        <numerusform>已选 %n 个</numerusform>
      </translation>
    </message>
    <message>
      <location line="+4" />
      <source>Folder for the reports</source>
      <translation>报告的文件夹</translation>
    </message>
    <message>
      <location line="+9" />
      <source>Folder: choose where the PDFs go.</source>
      <translation>文件夹：请选择 PDF 的保存位置。</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Folder: %1 is a file, not a folder.</source>
      <translation>文件夹：%1 是文件，不是文件夹。</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Exhibitors: tick at least one, or choose All.</source>
      <translation>展商：至少勾选一个，或选择全部。</translation>
    </message>
    <message numerus="yes">
      <location line="+68" />
      <source>Print %n file(s)</source>
      <translation>
        <numerusform>打印 %n 个文件</numerusform>
      </translation>
    </message>
    <message>
      <location line="+10" />
      <source>Print</source>
      <translation>打印</translation>
    </message>
    <message numerus="yes">
      <location line="+2" />
      <source>%n file(s) sent to %1.</source>
      <translation>
        <numerusform>已将 %n 个文件发送到 %1。</numerusform>
      </translation>
    </message>
    <message>
      <location line="+1" />
      <source>the default printer</source>
      <translation>默认打印机</translation>
    </message>
  </context>
  <context>
    <name>ReserveDialog</name>
    <message>
      <location filename="../../expo_desk/ui/floorplan/dialogs.py" line="-49" />
      <source>Reserve booths</source>
      <translation>预留展位</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Exhibitor or prospect</source>
      <translation>展商或意向客户</translation>
    </message>
    <message>
      <location line="+12" />
      <source>Booths</source>
      <translation>展位</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Reserved for</source>
      <translation>预留给</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Until</source>
      <translation>截止日期</translation>
    </message>
  </context>
  <context>
    <name>RestoreDialog</name>
    <message>
      <location filename="../../expo_desk/ui/dialogs/restore_dialog.py" line="+40" />
      <source>Restore from backup</source>
      <translation>从备份恢复</translation>
    </message>
    <message>
      <location line="+6" />
      <source>Choose the backup to restore. The file open now is backed up first and kept beside itself.</source>
      <translation>请选择要恢复的备份。当前打开的文件会先备份，并保存在原文件旁边。</translation>
    </message>
    <message>
      <location line="+6" />
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Size</source>
      <translation>大小</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <location line="+0" />
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <location line="+7" />
      <source>automatic</source>
      <translation>自动</translation>
    </message>
    <message>
      <location line="+1" />
      <source>by hand</source>
      <translation>手动</translation>
    </message>
    <message>
      <location line="+1" />
      <source>before an import</source>
      <translation>导入前</translation>
    </message>
    <message>
      <location line="+1" />
      <source>before a restore</source>
      <translation>恢复前</translation>
    </message>
    <message>
      <location line="+4" />
      <source>before an upgrade</source>
      <translation>升级前</translation>
    </message>
    <message>
      <location line="+15" />
      <source>No backups found in this folder.</source>
      <translation>此文件夹中没有备份。</translation>
    </message>
    <message>
      <location line="+4" />
      <source>&amp;Restore</source>
      <translation>恢复(&amp;R)</translation>
    </message>
    <message>
      <location line="+3" />
      <source>&amp;Other file…</source>
      <translation>其他文件(&amp;O)…</translation>
    </message>
    <message>
      <location line="+12" />
      <source>Choose a backup</source>
      <translation>选择备份</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Expo Desk files (*.sqlite);;All files (*)</source>
      <translation>Expo Desk 文件 (*.sqlite);;所有文件 (*)</translation>
    </message>
  </context>
  <context>
    <name>RowHeader</name>
    <message>
      <location filename="../../expo_desk/ui/gantt/rows.py" line="+219" />
      <source>Task</source>
      <translation>任务</translation>
    </message>
    <message>
      <location line="-36" />
      <location line="+36" />
      <source>Start</source>
      <translation>开始</translation>
    </message>
    <message>
      <location line="-36" />
      <location line="+37" />
      <source>Finish</source>
      <translation>完成</translation>
    </message>
    <message>
      <location line="-34" />
      <location line="+35" />
      <source>Days</source>
      <translation>天</translation>
    </message>
  </context>
  <context>
    <name>RuleFormDialog</name>
    <message>
      <location filename="../../expo_desk/ui/dialogs/pricing_dialog.py" line="-332" />
      <source>Edit pricing rule</source>
      <translation>编辑价格规则</translation>
    </message>
    <message>
      <location line="+0" />
      <source>New pricing rule</source>
      <translation>新建价格规则</translation>
    </message>
    <message>
      <location line="+14" />
      <source>any type</source>
      <translation>任意类型</translation>
    </message>
    <message>
      <location line="+0" />
      <source>shell scheme</source>
      <translation>标准展位</translation>
    </message>
    <message>
      <location line="+1" />
      <source>raw space</source>
      <translation>光地</translation>
    </message>
    <message>
      <location line="+5" />
      <source>yuan, e.g. 9800 or 980</source>
      <translation>元，例如 9800 或 980</translation>
    </message>
    <message>
      <location line="+3" />
      <source>per cent, e.g. 10 or 12.5</source>
      <translation>百分比，例如 10 或 12.5</translation>
    </message>
    <message>
      <location line="+9" />
      <source>(none)</source>
      <translation>（无）</translation>
    </message>
    <message>
      <location line="+9" />
      <source>YYYY-MM-DD, empty = open</source>
      <translation>YYYY-MM-DD，留空表示不限</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Kind</source>
      <translation>类别</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Label (Chinese)</source>
      <translation>名称（中文）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Label (English)</source>
      <translation>名称（英文）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Booth type</source>
      <translation>展位类型</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Amount (¥)</source>
      <translation>金额（¥）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Percentage (%)</source>
      <translation>百分比（%）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Minimum area (m²)</source>
      <translation>最小面积（m²）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Band from (m²)</source>
      <translation>面积段起（m²）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Band to (m²)</source>
      <translation>面积段止（m²）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Open sides</source>
      <translation>开口</translation>
    </message>
    <message>
      <location line="+1" />
      <source>In force from</source>
      <translation>生效日期</translation>
    </message>
    <message>
      <location line="+1" />
      <source>In force until</source>
      <translation>失效日期</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Order</source>
      <translation>排序</translation>
    </message>
    <message>
      <location line="+17" />
      <source>Amount: price of one standard 3 m × 3 m (9 m²) booth; larger booths pay pro rata (18 m² = 2 booths). Minimum area: 9 m² unless set.</source>
      <translation>金额：一个 3 m × 3 m（9 m²）标准展位的价格；更大的展位按比例计价（18 m² = 2 个展位）。最小面积：未设置时为 9 m²。</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Amount: price per m². Minimum area: the least area charged (often 36 m²).</source>
      <translation>金额：每平方米价格。最小面积：最少按多大面积收费（通常为 36 m²）。</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Raw space m² between 'from' and 'to' (empty = no end) pay the amount per m² instead of the base price, or the base price less the percentage.</source>
      <translation>光地在“起”与“止”之间的面积（留空表示不设上限）按此金额每平方米计价，代替基础价；或按基础价减去此百分比。</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Added for a booth with these open sides: a percentage of the space price or a flat amount.</source>
      <translation>有这些开口的展位加收：按场地价的百分比或固定金额。</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Taken off when the quote date is on or before 'until': a percentage or a flat amount. Overlapping early birds: the largest applies.</source>
      <translation>报价日期在“截止”当天或之前时减免：百分比或固定金额。多条早鸟优惠重叠时按最大的一条。</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Added when the quote date is on or after 'from': a percentage or a flat amount. Overlapping surcharges: the largest applies.</source>
      <translation>报价日期在“起始”当天或之后时加收：百分比或固定金额。多条加价重叠时按最大的一条。</translation>
    </message>
    <message>
      <location line="+10" />
      <source>The amount is not a number.</source>
      <translation>金额不是有效数字。</translation>
    </message>
    <message>
      <location line="+4" />
      <source>The percentage is not a number (two decimals at most).</source>
      <translation>百分比不是有效数字（最多两位小数）。</translation>
    </message>
  </context>
  <context>
    <name>SafetyGuard</name>
    <message>
      <location filename="../../expo_desk/ui/safety.py" line="+73" />
      <source>&amp;Restore from backup…</source>
      <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
      <location line="+42" />
      <source>File open on another computer</source>
      <translation>文件已在另一台电脑上打开</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Open it anyway? Only do this if Expo Desk is surely closed on that computer: two people changing one file on a share can damage it.</source>
      <translation>仍然打开吗？请确认那台电脑上的 Expo Desk 已关闭：两人同时修改共享盘上的同一文件可能损坏文件。</translation>
    </message>
    <message>
      <location line="+8" />
      <source>File already open</source>
      <translation>文件已被打开</translation>
    </message>
    <message>
      <location line="+10" />
      <source>File on a network share</source>
      <translation>文件位于网络共享</translation>
    </message>
    <message>
      <location line="+7" />
      <source>%1 is damaged and was moved aside as %2.</source>
      <translation>%1 已损坏，已另存为 %2。</translation>
    </message>
    <message>
      <location line="+2" />
      <source>File damaged</source>
      <translation>文件已损坏</translation>
    </message>
    <message>
      <location line="+1" />
      <source>No backup of it was found in %1.</source>
      <translation>在 %1 中没有找到它的备份。</translation>
    </message>
    <message>
      <location line="+8" />
      <source>The newest good backup is from %1; restore it, or choose another.</source>
      <translation>最新的完好备份来自 %1；可恢复它，或选择其他备份。</translation>
    </message>
    <message>
      <location line="+3" />
      <source>None of the newest backups passed its check; choose one to try.</source>
      <translation>最新的几个备份都未通过检查；请选择一个尝试。</translation>
    </message>
    <message>
      <location line="+18" />
      <source>Cannot restore</source>
      <translation>无法恢复</translation>
    </message>
    <message>
      <location line="+8" />
      <source>Restore from backup</source>
      <translation>从备份恢复</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Replace %1 with the backup %2?

The file as it is now is backed up first and kept beside itself as %3.</source>
      <translation>用备份 %2 替换 %1 吗？

当前文件会先备份，并在同一文件夹中保留为 %3。</translation>
    </message>
    <message>
      <location line="+17" />
      <source>Restoring %1 …</source>
      <translation>正在恢复 %1 …</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Restore failed</source>
      <translation>恢复失败</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Restored from %1; the replaced file is kept as %2</source>
      <translation>已从 %1 恢复；被替换的文件保留为 %2</translation>
    </message>
    <message>
      <location line="+46" />
      <source>Backed up and verified: %1</source>
      <translation>已备份并校验：%1</translation>
    </message>
    <message>
      <location line="+7" />
      <source>Automatic backup failed: %1</source>
      <translation>自动备份失败：%1</translation>
    </message>
    <message>
      <location line="+15" />
      <source>Backup failed</source>
      <translation>备份失败</translation>
    </message>
  </context>
  <context>
    <name>SalesTermsDialog</name>
    <message>
      <location filename="../../expo_desk/ui/dialogs/sales_terms_dialog.py" line="+78" />
      <source>Sales terms and services — %1</source>
      <translation>销售条款与服务 — %1</translation>
    </message>
    <message>
      <location line="+9" />
      <source>Contract number prefix</source>
      <translation>合同号前缀</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Deposit (% of the total)</source>
      <translation>定金（占总额 %）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Deposit due (days after signing)</source>
      <translation>定金期限（签约后天数）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Balance due on (YYYY-MM-DD)</source>
      <translation>尾款到期日（YYYY-MM-DD）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>empty: %1</source>
      <translation>留空：%1</translation>
    </message>
    <message>
      <location line="+0" />
      <source>30 days before the opening</source>
      <translation>开幕前 30 天</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Discount approval above (% of booths)</source>
      <translation>优惠超过此比例需审批（占展位价 %）</translation>
    </message>
    <message>
      <location line="+2" />
      <source>A draft holds its booths (days)</source>
      <translation>草稿保留展位（天）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Revenue target (yuan)</source>
      <translation>收入目标（元）</translation>
    </message>
    <message>
      <location line="+2" />
      <source>e.g. 8,800,000</source>
      <translation>如 8,800,000</translation>
    </message>
    <message>
      <location line="+5" />
      <source>on signing</source>
      <translation>签约即售出</translation>
    </message>
    <message>
      <location line="+1" />
      <source>when the deposit is paid</source>
      <translation>收到定金后售出</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Booths count as sold</source>
      <translation>展位售出时点</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Days before opening ≥</source>
      <translation>开幕前天数 ≥</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Fee % of the total</source>
      <translation>退订费占总额 %</translation>
    </message>
    <message>
      <location line="+11" />
      <source>Add row</source>
      <translation>添加行</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Remove row</source>
      <translation>删除行</translation>
    </message>
    <message>
      <location line="+7" />
      <source>Cancellation fees</source>
      <translation>退订费</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Only a department manager or an administrator changes the sales terms and the service catalogue.</source>
      <translation>只有部门经理或管理员可以修改销售条款和服务目录。</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Terms</source>
      <translation>销售条款</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Services</source>
      <translation>服务目录</translation>
    </message>
    <message>
      <location line="+8" />
      <source>Save terms</source>
      <translation>保存条款</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <location line="+49" />
      <source>Code</source>
      <translation>代码</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <location line="+0" />
      <source>English name</source>
      <translation>英文名称</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Unit</source>
      <translation>单位</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Unit price</source>
      <translation>单价</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Each change to the catalogue is saved at once; contracts keep the price their lines were made with.</source>
      <translation>目录的每次修改立即保存；合同保留明细生成时的价格。</translation>
    </message>
    <message>
      <location line="+3" />
      <source>&amp;Add service…</source>
      <translation>添加服务(&amp;A)…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;Edit…</source>
      <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;Delete</source>
      <translation>删除(&amp;D)</translation>
    </message>
    <message>
      <location line="+44" />
      <source>Delete service</source>
      <translation>删除服务</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Delete %1 from the catalogue?</source>
      <translation>从目录中删除 %1？</translation>
    </message>
    <message>
      <location line="+6" />
      <source>Cannot delete</source>
      <translation>无法删除</translation>
    </message>
  </context>
  <context>
    <name>SearchList</name>
    <message numerus="yes">
      <location filename="../../expo_desk/ui/dialogs/contract_dialogs.py" line="-144" />
      <source>%n more: type to narrow the list</source>
      <translation>
        <numerusform>还有 %n 项：输入文字以缩小范围</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SellDialog</name>
    <message>
      <location filename="../../expo_desk/ui/floorplan/sell_dialog.py" line="+29" />
      <source>Sell booths</source>
      <translation>销售展位</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Type part of the exhibitor's name</source>
      <translation>输入展商名称的一部分</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Sign the contract now</source>
      <translation>立即签订合同</translation>
    </message>
    <message>
      <location line="+12" />
      <source>Booths</source>
      <translation>展位</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Price today</source>
      <translation>今日价格</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Exhibitor</source>
      <translation>展商</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Without signing, a draft contract holds the booths for the show's hold period.</source>
      <translation>不签约时，草稿合同会在本展会的保留期内占用这些展位。</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Sell</source>
      <translation>销售</translation>
    </message>
  </context>
  <context>
    <name>ServiceFormDialog</name>
    <message>
      <location filename="../../expo_desk/ui/dialogs/sales_terms_dialog.py" line="-206" />
      <source>Edit service</source>
      <translation>编辑服务</translation>
    </message>
    <message>
      <location line="+0" />
      <source>New service</source>
      <translation>新建服务</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Code</source>
      <translation>代码</translation>
    </message>
    <message>
      <location line="+0" />
      <source>e.g. POWER-10A</source>
      <translation>如 POWER-10A</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <location line="+0" />
      <source>e.g. 加电 10A</source>
      <translation>如 加电 10A</translation>
    </message>
    <message>
      <location line="+1" />
      <source>English name</source>
      <translation>英文名称</translation>
    </message>
    <message>
      <location line="+0" />
      <source>e.g. Power 10 A</source>
      <translation>如 Power 10 A</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Unit</source>
      <translation>单位</translation>
    </message>
    <message>
      <location line="+0" />
      <source>e.g. 处, 个, 张</source>
      <translation>如 处、个、张</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Unit price (yuan)</source>
      <translation>单价（元）</translation>
    </message>
    <message>
      <location line="+0" />
      <source>e.g. 600</source>
      <translation>如 600</translation>
    </message>
  </context>
  <context>
    <name>ShowDetailsDialog</name>
    <message>
      <location filename="../../expo_desk/ui/dialogs/show_details_dialog.py" line="+18" />
      <source>Show name (Chinese)</source>
      <translation>展会名称（中文）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Show name (English)</source>
      <translation>展会名称（英文）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Venue (Chinese)</source>
      <translation>场馆（中文）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>e.g. 日照国际博览中心</source>
      <translation>如：日照国际博览中心</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Venue (English)</source>
      <translation>场馆（英文）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>e.g. Rizhao International Expo Centre</source>
      <translation>如：Rizhao International Expo Centre</translation>
    </message>
    <message>
      <location line="+1" />
      <source>City</source>
      <translation>城市</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Build-up starts</source>
      <translation>布展开始</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Opening day</source>
      <translation>开幕日</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Last day</source>
      <translation>闭幕日</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Tear-down ends</source>
      <translation>撤展结束</translation>
    </message>
    <message>
      <location line="+13" />
      <source>Show details — %1</source>
      <translation>展会信息 — %1</translation>
    </message>
    <message>
      <location line="+12" />
      <source>Only a department manager or an administrator changes the show's details.</source>
      <translation>只有部门经理或管理员可以修改展会信息。</translation>
    </message>
  </context>
  <context>
    <name>ShowTextsDialog</name>
    <message>
      <location filename="../../expo_desk/ui/dialogs/show_texts_dialog.py" line="+38" />
      <source>Exhibitor pack texts — %1</source>
      <translation>展商手册文本 — %1</translation>
    </message>
    <message>
      <location line="+16" />
      <source>Only a department manager or an administrator changes the pack's texts.</source>
      <translation>只有部门经理或管理员可以修改手册文本。</translation>
    </message>
    <message>
      <location line="+11" />
      <source>Chinese</source>
      <translation>中文</translation>
    </message>
    <message>
      <location line="+0" />
      <source>English</source>
      <translation>英文</translation>
    </message>
    <message>
      <location line="+20" />
      <source>Restore default</source>
      <translation>恢复默认</translation>
    </message>
    <message>
      <location line="+13" />
      <source>Default text: follows the show's name and dates</source>
      <translation>默认文本：随展会名称和日期更新</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Written for this show</source>
      <translation>已修改：本届专用文本</translation>
    </message>
  </context>
  <context>
    <name>SignDialog</name>
    <message>
      <location filename="../../expo_desk/ui/dialogs/payment_dialog.py" line="-67" />
      <source>Sign %1</source>
      <translation>签约 %1</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Signed on</source>
      <translation>签约日期</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Instalment</source>
      <translation>款项</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Due on</source>
      <translation>到期日</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Amount</source>
      <translation>金额</translation>
    </message>
    <message>
      <location line="+3" />
      <source>The booths are priced again on the signing date and frozen; if that changes the total, the plan follows it.</source>
      <translation>展位按签约日重新定价并锁定；如总额因此变化，付款计划随之调整。</translation>
    </message>
    <message>
      <location line="+3" />
      <source>The discount is above the approval limit: the department manager must approve it before the contract can be signed.</source>
      <translation>优惠超过审批额度：须经部门经理批准后方可签约。</translation>
    </message>
    <message>
      <location line="+6" />
      <source>Sign</source>
      <translation>签约</translation>
    </message>
    <message>
      <location line="+15" />
      <source>Total %1 — deposit %2, due %3 day(s) after signing; balance due %4.</source>
      <translation>总额 %1 —— 定金 %2，签约后 %3 天内付清；尾款 %4 到期。</translation>
    </message>
    <message>
      <location line="+3" />
      <source>(no date: the show has no opening date)</source>
      <translation>（无日期：展会尚未设开幕日期）</translation>
    </message>
  </context>
  <context>
    <name>SignInDialog</name>
    <message>
      <location filename="../../expo_desk/ui/dialogs/sign_in_dialog.py" line="+20" />
      <source>Sign in — Expo Desk</source>
      <translation>登录 — Expo Desk</translation>
    </message>
    <message>
      <location line="+3" />
      <source>&lt;b&gt;%1&lt;/b&gt; requires you to sign in.</source>
      <translation>打开 &lt;b&gt;%1&lt;/b&gt; 需要登录。</translation>
    </message>
    <message>
      <location line="+8" />
      <source>User name</source>
      <translation>用户名</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Password</source>
      <translation>密码</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Sign in</source>
      <translation>登录</translation>
    </message>
  </context>
  <context>
    <name>SpotChecksPage</name>
    <message>
      <location filename="../../expo_desk/ui/pages/spot_checks_page.py" line="+75" />
      <source>Read-only: only the department manager draws samples, records verdicts and signs off.</source>
      <translation>只读：只有部门经理可以抽取样本、记录核查结论并签字确认。</translation>
    </message>
    <message>
      <location line="+2" />
      <source>&amp;Draw sample…</source>
      <translation>抽取样本(&amp;D)…</translation>
    </message>
    <message>
      <location line="+3" />
      <source>&amp;Replay draw</source>
      <translation>重放抽样(&amp;R)</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Draw again from the seed over the records as they are now</source>
      <translation>用同一种子对当前记录重新抽样</translation>
    </message>
    <message>
      <location line="+2" />
      <source>&amp;Sign off…</source>
      <translation>签字确认(&amp;S)…</translation>
    </message>
    <message>
      <location line="+9" />
      <source>Drawn</source>
      <translation>抽取时间</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Items</source>
      <translation>条数</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Population</source>
      <translation>总体</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Seed</source>
      <translation>种子</translation>
    </message>
    <message>
      <location line="+0" />
      <source>By</source>
      <translation>抽取人</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Signed off</source>
      <translation>签字确认</translation>
    </message>
    <message>
      <location line="+10" />
      <source>Item</source>
      <translation>条目</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Computer</source>
      <translation>电脑核查</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Verdicts</source>
      <translation>结论</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <location line="+12" />
      <source>&amp;Agree with the computer</source>
      <translation>同意电脑结果(&amp;A)</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Record the computer's result as your verdict where it could decide</source>
      <translation>在电脑能判定之处，将电脑结果记为你的结论</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Note on this item…</source>
      <translation>本条备注…</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Save &amp;note</source>
      <translation>保存备注(&amp;N)</translation>
    </message>
    <message>
      <location line="+2" />
      <source>◀ &amp;Previous</source>
      <translation>◀ 上一条(&amp;P)</translation>
    </message>
    <message>
      <location line="+2" />
      <source>&amp;Next ▶</source>
      <translation>下一条(&amp;N) ▶</translation>
    </message>
    <message>
      <location line="+35" />
      <source>Spot checks</source>
      <translation>抽查</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Exceptions</source>
      <translation>异常</translation>
    </message>
    <message>
      <location line="+60" />
      <source>No spot check yet.</source>
      <translation>尚无抽查。</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Signed off by %1 on %2: %3</source>
      <translation>%1 于 %2 签字确认：%3</translation>
    </message>
    <message numerus="yes">
      <location line="+2" />
      <source>%n verdict(s) still to give</source>
      <translation>
        <numerusform>还有 %n 项结论待给出</numerusform>
      </translation>
    </message>
    <message>
      <location line="+1" />
      <source>seed %1</source>
      <translation>种子 %1</translation>
    </message>
    <message>
      <location line="+25" />
      <source>OK</source>
      <translation>通过</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Problem</source>
      <translation>有问题</translation>
    </message>
    <message>
      <location line="+34" />
      <source>Item %1 of %2: %3</source>
      <translation>第 %1 条，共 %2 条：%3</translation>
    </message>
    <message>
      <location line="+8" />
      <source>The computer's result</source>
      <translation>电脑核查结果</translation>
    </message>
    <message>
      <location line="+86" />
      <source>Sign off the spot check</source>
      <translation>抽查签字确认</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Conclusion (kept with your name and the time):</source>
      <translation>结论（将与你的姓名和时间一并保存）：</translation>
    </message>
    <message>
      <location line="+12" />
      <source>population %1 then, %2 now</source>
      <translation>当时总体 %1，现在 %2</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Same: drawing again from seed %1 gives the same items</source>
      <translation>相同：用种子 %1 重新抽样得到相同的条目</translation>
    </message>
    <message numerus="yes">
      <location line="+7" />
      <source>Different: %n item(s) differ</source>
      <translation>
        <numerusform>不同：%n 条不一致</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>TaskBoardPage</name>
    <message>
      <location filename="../../expo_desk/ui/pages/task_board_page.py" line="+156" />
      <source>&amp;Refresh</source>
      <translation>刷新(&amp;R)</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Read the board again (F5)</source>
      <translation>重新读取看板（F5）</translation>
    </message>
    <message>
      <location line="+3" />
      <source>&amp;Role</source>
      <translation>角色(&amp;R)</translation>
    </message>
    <message>
      <location line="+0" />
      <source>&amp;Hall</source>
      <translation>展馆(&amp;H)</translation>
    </message>
    <message>
      <location line="+6" />
      <source>Drag a card to another column, or right-click it: Move to…</source>
      <translation>把卡片拖到另一列，或右键单击：移到…</translation>
    </message>
    <message>
      <location line="+62" />
      <source>All halls</source>
      <translation>全部展馆</translation>
    </message>
    <message>
      <location line="+16" />
      <source>Open a show file to see its tasks.</source>
      <translation>请打开展会文件，查看其任务。</translation>
    </message>
    <message>
      <location line="+18" />
      <source>+%1 more — choose a hall to narrow the board</source>
      <translation>另有 %1 项 — 选择展馆可缩小范围</translation>
    </message>
    <message>
      <location line="+4" />
      <source>+ more in this hall: the soonest due %1 are shown</source>
      <translation>本馆还有更多：只显示最早到期的 %1 项</translation>
    </message>
    <message>
      <location line="+11" />
      <source>Open…</source>
      <translation>打开…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Move to…</source>
      <translation>移到…</translation>
    </message>
    <message>
      <location line="+19" />
      <source>%1 cannot go from %2 to %3 on the board.</source>
      <translation>看板上 %1 不能从%2移到%3。</translation>
    </message>
  </context>
  <context>
    <name>TaskCards</name>
    <message>
      <location filename="../../expo_desk/ui/widgets/task_cards.py" line="-259" />
      <source>Hall %1</source>
      <translation>%1馆</translation>
    </message>
    <message>
      <location line="+32" />
      <source>▶ Start</source>
      <translation>▶ 开始</translation>
    </message>
    <message>
      <location line="+1" />
      <source>✓ Finish</source>
      <translation>✓ 完成</translation>
    </message>
    <message>
      <location line="+1" />
      <source>⚠ Problem</source>
      <translation>⚠ 问题</translation>
    </message>
    <message>
      <location line="+1" />
      <source>⊘ Block</source>
      <translation>⊘ 受阻</translation>
    </message>
    <message>
      <location line="+1" />
      <source>↺ Unblock</source>
      <translation>↺ 解除</translation>
    </message>
    <message>
      <location line="+89" />
      <source>No booth</source>
      <translation>无展位</translation>
    </message>
    <message>
      <location line="+3" />
      <source>(no owner)</source>
      <translation>（未指派）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>due %1</source>
      <translation>截止 %1</translation>
    </message>
  </context>
  <context>
    <name>TaskDetailDialog</name>
    <message>
      <location filename="../../expo_desk/ui/dialogs/task_dialogs.py" line="+53" />
      <source>Task</source>
      <translation>任务</translation>
    </message>
    <message>
      <location line="+6" />
      <source>Checklist</source>
      <translation>核对清单</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Before this</source>
      <translation>紧前任务</translation>
    </message>
    <message>
      <location line="+0" />
      <location line="+2" />
      <location line="+2" />
      <location line="+44" />
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <location line="-48" />
      <source>Finish</source>
      <translation>完成</translation>
    </message>
    <message>
      <location line="+2" />
      <source>After this</source>
      <translation>紧后任务</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Start</source>
      <translation>开始</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Problem</source>
      <translation>问题</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Severity</source>
      <translation>严重程度</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Reported</source>
      <translation>报告日期</translation>
    </message>
    <message>
      <location line="+32" />
      <source>Blocked: %1</source>
      <translation>受阻：%1</translation>
    </message>
    <message>
      <location line="+9" />
      <source>(no owner)</source>
      <translation>（未指派）</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Booth</source>
      <translation>展位</translation>
    </message>
    <message>
      <location line="+0" />
      <source>No booth</source>
      <translation>无展位</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Exhibitor</source>
      <translation>展商</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Owner</source>
      <translation>负责人</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Planned</source>
      <translation>计划</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Actual</source>
      <translation>实际</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Baseline</source>
      <translation>基线</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <location line="+16" />
      <location line="+66" />
      <source>Checklist %1/%2</source>
      <translation>核对清单 %1/%2</translation>
    </message>
  </context>
  <context>
    <name>TaskTemplatesDialog</name>
    <message>
      <location filename="../../expo_desk/ui/dialogs/task_templates_dialog.py" line="+32" />
      <source>Milestones and main events</source>
      <translation>展会里程碑与主要事件</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Shell scheme</source>
      <translation>标准展位</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Raw space / custom build</source>
      <translation>光地 / 特装</translation>
    </message>
    <message>
      <location line="+1" />
      <source>— (after the step before)</source>
      <translation>—（接上一步）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Signing day</source>
      <translation>签约日</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Build-up starts</source>
      <translation>布展开始</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Opening</source>
      <translation>开幕</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Closing</source>
      <translation>闭幕</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Tear-down ends</source>
      <translation>撤展结束</translation>
    </message>
    <message>
      <location line="+85" />
      <source>Build schedule templates — %1</source>
      <translation>搭建进度模板 — %1</translation>
    </message>
    <message>
      <location line="+7" />
      <source>No.</source>
      <translation>序号</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Level</source>
      <translation>层级</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Role</source>
      <translation>角色</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Days</source>
      <translation>天数</translation>
    </message>
    <message>
      <location line="+1" />
      <source>After</source>
      <translation>接在</translation>
    </message>
    <message>
      <location line="+0" />
      <source>From</source>
      <translation>起算日</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Under</source>
      <translation>归属</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Checklist</source>
      <translation>核对清单</translation>
    </message>
    <message>
      <location line="+6" />
      <source>&amp;Add step…</source>
      <translation>添加步骤(&amp;A)…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;Edit…</source>
      <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;Delete</source>
      <translation>删除(&amp;D)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Add the &amp;default templates</source>
      <translation>添加默认模板(&amp;D)</translation>
    </message>
    <message>
      <location line="+7" />
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Only a department manager or an administrator changes the templates.</source>
      <translation>只有部门经理或管理员可以修改模板。</translation>
    </message>
    <message>
      <location line="+2" />
      <source>A signed contract's booth gets the steps of its type; tasks already made keep their dates when a step changes.</source>
      <translation>合同签订后，展位按其类型生成这些步骤；修改步骤时，已生成的任务保留原日期。</translation>
    </message>
    <message>
      <location line="+56" />
      <source>Delete step</source>
      <translation>删除步骤</translation>
    </message>
    <message>
      <location line="+9" />
      <source>Templates</source>
      <translation>模板</translation>
    </message>
  </context>
  <context>
    <name>TemplateStepDialog</name>
    <message>
      <location line="-140" />
      <source>Template step</source>
      <translation>模板步骤</translation>
    </message>
    <message>
      <location line="+0" />
      <source>New template step</source>
      <translation>新建模板步骤</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Level</source>
      <translation>层级</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <location line="+1" />
      <source>English name</source>
      <translation>英文名称</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Role</source>
      <translation>角色</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Days</source>
      <translation>天数</translation>
    </message>
    <message>
      <location line="+1" />
      <source>After step no.</source>
      <translation>接在步骤号</translation>
    </message>
    <message>
      <location line="+1" />
      <location line="+6" />
      <source>none</source>
      <translation>无</translation>
    </message>
    <message>
      <location line="-5" />
      <source>Lag (days)</source>
      <translation>间隔（天）</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Or from the date</source>
      <translation>或从日期起算</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Days from that date</source>
      <translation>距该日期天数</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Under show step no.</source>
      <translation>归属展会步骤号</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Checklist (items separated by ;)</source>
      <translation>核对清单（各项以 ; 分隔）</translation>
    </message>
  </context>
  <context>
    <name>UndoCommand</name>
    <message>
      <location filename="../../expo_desk/ui/undo.py" line="+52" />
      <source>Add %1</source>
      <translation>添加 %1</translation>
    </message>
    <message>
      <location line="+19" />
      <source>Delete %1</source>
      <translation>删除 %1</translation>
    </message>
    <message>
      <location line="+12" />
      <source>Edit %1</source>
      <translation>编辑 %1</translation>
    </message>
  </context>
  <context>
    <name>UserFormDialog</name>
    <message>
      <location filename="../../expo_desk/ui/dialogs/user_form_dialog.py" line="-88" />
      <source>Edit user</source>
      <translation>编辑用户</translation>
    </message>
    <message>
      <location line="+0" />
      <source>New user</source>
      <translation>新建用户</translation>
    </message>
    <message>
      <location line="+18" />
      <source>printed on the exhibitor packs of their exhibitors</source>
      <translation>印在其负责展商的展商手册上</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Login</source>
      <translation>登录名</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Role</source>
      <translation>角色</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <location line="+1" />
      <source>E-mail</source>
      <translation>邮箱</translation>
    </message>
    <message>
      <location line="+5" />
      <source>at least 8 characters; may be set later</source>
      <translation>至少 8 个字符，可稍后设置</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Password</source>
      <translation>密码</translation>
    </message>
    <message>
      <location line="+2" />
      <source>May sign in and make changes</source>
      <translation>可登录并修改数据</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Active</source>
      <translation>启用</translation>
    </message>
  </context>
  <context>
    <name>UsersDialog</name>
    <message>
      <location filename="../../expo_desk/ui/dialogs/users_dialog.py" line="+32" />
      <source>Users and sign-in</source>
      <translation>用户与登录</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Only an administrator manages users. You may change your own password.</source>
      <translation>只有管理员可以管理用户。您可以修改自己的密码。</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Everyone signs in with a user name and password when this file opens</source>
      <translation>打开此文件时，所有人都须用用户名和密码登录</translation>
    </message>
    <message>
      <location line="+6" />
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Login</source>
      <translation>登录名</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Role</source>
      <translation>角色</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Active</source>
      <translation>启用</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Password set</source>
      <translation>已设密码</translation>
    </message>
    <message>
      <location line="+4" />
      <source>&amp;Add user…</source>
      <translation>添加用户(&amp;A)…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;Edit…</source>
      <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Set &amp;password…</source>
      <translation>设置密码(&amp;P)…</translation>
    </message>
    <message>
      <location line="+17" />
      <source>yes</source>
      <translation>是</translation>
    </message>
    <message>
      <location line="+0" />
      <source>no</source>
      <translation>否</translation>
    </message>
    <message>
      <location line="+43" />
      <source>Sign-in</source>
      <translation>登录</translation>
    </message>
  </context>
  <context>
    <name>VisitDialog</name>
    <message>
      <location filename="../../expo_desk/ui/dialogs/lead_dialog.py" line="-28" />
      <source>Book visit: %1</source>
      <translation>预约拜访：%1</translation>
    </message>
    <message>
      <location line="+8" />
      <source>Visit on</source>
      <translation>拜访时间</translation>
    </message>
  </context>
  <context>
    <name>VisitorGrid</name>
    <message>
      <location filename="../../expo_desk/ui/pages/post_show_page.py" line="-460" />
      <source>Only a department manager or an administrator enters visitor counts.</source>
      <translation>只有部门经理或管理员可以录入观众人数。</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Add &amp;sector…</source>
      <translation>添加行业(&amp;S)…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Add &amp;day…</source>
      <translation>添加日期(&amp;D)…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>The show has no dates yet: add the days by hand</source>
      <translation>展会尚未设定日期：请手动添加日期</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;Import…</source>
      <translation>导入(&amp;I)…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Counts by day and sector, or the registration system's list of visitors (one row each), from .xlsx or .csv</source>
      <translation>从 .xlsx 或 .csv 导入按日期和行业统计的人数，或登记系统的观众名单（每人一行）</translation>
    </message>
    <message>
      <location line="+16" />
      <source>Type a number into a cell to save it; clear it to remove the count. “No sector” holds visitors whose sector is not known.</source>
      <translation>在单元格中输入数字即保存，清空即删除该人数。“未分行业”一行记录行业不明的观众。</translation>
    </message>
    <message>
      <location line="+26" />
      <source>%1 visitor(s) over %2 day(s)</source>
      <translation>%2 天共 %1 名观众</translation>
    </message>
    <message>
      <location line="+2" />
      <source>The show has no dates yet: add its open days with Add day…</source>
      <translation>展会尚未设定日期：请用“添加日期…”添加开展日</translation>
    </message>
    <message>
      <location line="+7" />
      <location line="+1" />
      <source>Total</source>
      <translation>合计</translation>
    </message>
    <message>
      <location line="+0" />
      <source>No sector</source>
      <translation>未分行业</translation>
    </message>
    <message>
      <location line="+44" />
      <source>Add sector</source>
      <translation>添加行业</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Sector (e.g. Steel, Automotive):</source>
      <translation>行业（如：钢铁、汽车）：</translation>
    </message>
    <message>
      <location line="+7" />
      <source>Add day</source>
      <translation>添加日期</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Day (YYYY-MM-DD):</source>
      <translation>日期（YYYY-MM-DD）：</translation>
    </message>
    <message>
      <location line="+3" />
      <source>The day must be YYYY-MM-DD.</source>
      <translation>日期应为 YYYY-MM-DD。</translation>
    </message>
    <message>
      <location line="+8" />
      <source>Import visitors</source>
      <translation>导入观众</translation>
    </message>
  </context>
  <context>
    <name>VisitorImportDialog</name>
    <message>
      <location line="-155" />
      <source>Import visitors</source>
      <translation>导入观众</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Counted one row per registered visitor.</source>
      <translation>按每位登记观众一行计数。</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Read visitor counts.</source>
      <translation>已读取观众人数。</translation>
    </message>
    <message>
      <location line="+1" />
      <source>%1 visitor(s) in %2 day/sector count(s) imported from %3.</source>
      <translation>已从 %3 导入 %2 条日期/行业人数，共 %1 名观众。</translation>
    </message>
  </context>
</TS>