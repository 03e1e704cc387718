package io.commpulse.report.i18n;

/**
 * Every fixed text of the report in English and Chinese. Templates use {@link String#format}
 * positional arguments; figures are formatted by {@link Formats} before they are filled in.
 */
public enum Message {
  REPORT_TITLE("Communication management report", "沟通管理月度报告"),
  REPORT_SUBTITLE("%1$s · executive summary", "%1$s · 管理层摘要"),
  REPORT_SOURCE(
      "Figures come from the gold tables of the lake at the Delta versions listed in appendix C.",
      "数据来自数据湖的 gold 表，所用 Delta 版本见附录 C。"),
  PAGE_FOOTER("commpulse · %1$s · page %%d", "commpulse · %1$s · 第 %%d 页"),

  SECTION_SUMMARY("Summary", "摘要"),
  SECTION_SCORECARD("KPI scorecard", "KPI 记分卡"),
  SECTION_KPI_TARGETS("KPIs against their targets", "KPI 与目标对比"),
  SECTION_TRENDS("KPI trends", "KPI 趋势"),
  SECTION_SATISFACTION("Internal communication satisfaction", "内部沟通满意度"),
  SECTION_COVERAGE("Information coverage per decision", "各项决策的信息覆盖率"),
  SECTION_FIRST_REPLY("Complaint first-reply time by channel", "各渠道投诉首次回复时间"),
  SECTION_SOCIAL("Social comments answered within 24 h", "社交媒体评论 24 小时内回复"),
  SECTION_HOTSPOTS("Problem hotspots", "问题热点"),
  SECTION_AB("Channel A/B experiments", "渠道 A/B 实验"),
  SECTION_FOLLOW_THROUGH("Strategy follow-through", "战略落实情况"),
  PART_DEPARTMENTS("Department scorecards", "各部门记分卡"),
  PART_SERVICE("Customer response: %1$s", "客户响应：%1$s"),
  PART_AUTOMATION("AI customer-service scope: largest ticket kinds", "AI 客服适用范围：工单量最大的类型"),
  PART_FOLLOWUPS("After-sales customer follow-ups", "售后客户回访"),
  PART_FEEDBACK("Suggestion box", "意见箱"),
  SECTION_HOURS_SAVED("AI customer service: expected hours saved", "AI 客服：预计节省的小时数"),
  SECTION_DEFINITIONS("Appendix A: KPI definitions", "附录 A：KPI 定义"),
  SECTION_DATA_QUALITY("Appendix B: data quality of the month's ingest", "附录 B：本月数据接入质量"),
  SECTION_REPRODUCIBILITY("Appendix C: reproducibility", "附录 C：可复现性"),

  COL_KPI("KPI", "指标"),
  COL_TARGET("Target", "目标"),
  COL_ACTUAL("Actual", "实际"),
  COL_INTERVAL("95%% CI", "95%% 置信区间"),
  COL_STATUS("Status", "状态"),
  COL_PREVIOUS("Previous month", "上月"),
  COL_TREND("Trend", "趋势"),
  COL_DEFINITION("Definition", "定义"),
  COL_SOURCE("Source", "数据源"),
  COL_FILES("Files", "文件数"),
  COL_ROWS_READ("Rows read", "读取行数"),
  COL_ROWS_ACCEPTED("Accepted", "接收行数"),
  COL_ROWS_QUARANTINED("Quarantined", "隔离行数"),
  COL_QUARANTINE_SHARE("Quarantined share", "隔离占比"),
  COL_REASONS("Main reasons", "主要原因"),
  COL_TABLE("Table", "表"),
  COL_DEPARTMENT("Department", "部门"),
  COL_SATISFACTION("Satisfaction (mean, 1-5)", "满意度（均值，1-5 分）"),
  COL_TICKET_KIND("Ticket kind", "工单类型"),
  COL_TICKETS("Tickets", "工单数"),
  COL_SHARE("Share", "占比"),
  COL_BOT_RESOLUTION("Resolved by bot", "机器人解决率"),
  COL_HOURS_SAVED("Expected hours saved", "预计节省小时数"),
  COL_BOT_CSAT("Bot CSAT", "机器人满意度"),
  COL_SEGMENT("Segment", "客户分层"),
  COL_PLANNED("Planned", "计划回访"),
  COL_DONE_SHARE("Done", "完成率"),
  COL_ON_TIME_SHARE("On time", "按时率"),
  COL_ISSUES_FOUND("Issues found", "发现问题"),
  COL_CLOSED_LOOP("Closed loop", "闭环率"),
  COL_BREAKDOWN("Breakdown", "维度"),
  COL_GROUP("Group", "分组"),
  COL_RECEIVED("Received", "收到"),
  COL_ACTED_ON("Acted on", "已采纳"),
  COL_DAYS_TO_RESPONSE("Median days to response", "回复用时中位数"),
  COL_REWARDED("Rewarded", "获奖励"),
  COL_VERSION("Delta version", "Delta 版本"),

  TARGET_BELOW("< %1$s", "< %1$s"),
  TARGET_AT_MOST("≤ %1$s", "≤ %1$s"),
  TARGET_AT_LEAST("≥ %1$s", "≥ %1$s"),
  TARGET_TREND_UP("above last month", "高于上月"),

  SENTENCE_OVERVIEW(
      "Of %1$d KPIs with a target, %2$d met it, %3$d are at risk and %4$d missed it.",
      "%1$d 项有目标的 KPI 中，%2$d 项达标，%3$d 项有风险，%4$d 项未达标。"),
  SENTENCE_MET("%1$s %2$s%3$s met the %4$s target%5$s.", "%1$s为 %2$s%3$s，达到 %4$s 的目标%5$s。"),
  SENTENCE_AT_RISK(
      "%1$s %2$s%3$s is at risk against the %4$s target%5$s.",
      "%1$s为 %2$s%3$s，能否达到 %4$s 的目标尚无把握%5$s。"),
  SENTENCE_MISSED("%1$s %2$s%3$s missed the %4$s target%5$s.", "%1$s为 %2$s%3$s，未达到 %4$s 的目标%5$s。"),
  SENTENCE_TREND_MET(
      "%1$s %2$s%3$s rose above last month's %4$s%5$s.", "%1$s为 %2$s%3$s，高于上月的 %4$s%5$s。"),
  SENTENCE_TREND_AT_RISK(
      "%1$s %2$s%3$s is not clearly above last month's %4$s%5$s.",
      "%1$s为 %2$s%3$s，与上月的 %4$s 相比没有明确提升%5$s。"),
  SENTENCE_TREND_MISSED(
      "%1$s %2$s%3$s fell below last month's %4$s%5$s.", "%1$s为 %2$s%3$s，低于上月的 %4$s%5$s。"),
  SENTENCE_NO_TARGET("%1$s %2$s%3$s%5$s.", "%1$s为 %2$s%3$s%5$s。"),
  CI_FRAGMENT(" (95%% CI %1$s)", "（95%% 置信区间 %1$s）"),
  DETAIL_LOWEST_DECISION("; the lowest, \"%1$s\", reached %2$s", "；最低的“%1$s”为 %2$s"),
  DETAIL_HIGHEST_DEPARTMENT("; highest in %1$s at %2$s", "；最高的是%1$s，为 %2$s"),
  DETAIL_LOWEST_PLATFORM("; lowest on %1$s at %2$s", "；最低的是%1$s，为 %2$s"),
  DETAIL_WITHIN_24H("; %1$s of complaints were answered within 24 h", "；%1$s 的投诉在 24 小时内得到回复"),
  DETAIL_LOWEST_DEPARTMENT("; lowest in %1$s at %2$s", "；最低的是%1$s，为 %2$s"),
  SENTENCE_HOTSPOTS("%1$s.", "%1$s。"),
  HOTSPOT_PART("most frequent %1$s: %2$s (%3$s of %4$s%5$s)", "%1$s中最常见的是%2$s（%4$s 件中占 %3$s%5$s）"),
  HOTSPOT_CHANGE(", %1$s on last month", "，较上月 %1$s"),
  SENTENCE_AB_WINNER(
      "Channel experiment %1$s: %2$s beat %3$s on %4$s (%5$s against %3$s, 95%% CI %6$s).",
      "渠道实验 %1$s：%2$s在“%4$s”上优于%3$s（相对变化 %5$s，95%% 置信区间 %6$s）。"),
  SENTENCE_AB_NO_WINNER(
      "No channel experiment produced a winner this month (comparisons: %1$d%2$s).",
      "本月渠道实验未选出优胜方案（共 %1$d 项比较%2$s）。"),
  AB_INVALID_COUNT("; invalid because of a sample-ratio mismatch: %1$d", "，其中 %1$d 项因样本比例失衡无效"),

  CHART_KPI_TARGETS_TITLE(
      "%1$d of %2$d KPIs met their target, %3$d missed", "%2$d 项 KPI 中 %1$d 项达标，%3$d 项未达标"),
  CHART_KPI_TARGETS_SUBTITLE(
      "Actual with its 95%% interval; dashed line: target", "实际值及其 95%% 置信区间；虚线为目标"),
  CHART_TRENDS_TITLE(
      "Against the previous month %1$d KPIs improved and %2$d worsened",
      "与上月相比 %1$d 项 KPI 改善，%2$d 项变差"),
  CHART_TRENDS_FLAT_TITLE(
      "No KPI moved by more than 0.5%% against the previous month", "与上月相比，各项 KPI 的变化均不超过 0.5%%"),
  CHART_TRENDS_FIRST_TITLE(
      "First month in the lake: trends start next month", "数据湖中仅有本月数据：趋势从下月开始"),
  CHART_TRENDS_SUBTITLE(
      "Monthly actual (solid) and target (dashed), %1$s to %2$s", "每月实际值（实线）与目标（虚线），%1$s 至 %2$s"),
  CHART_SATISFACTION_TITLE(
      "Satisfaction is lowest in %1$s (overall mean %2$s)", "%1$s的满意度最低（总体均值 %2$s）"),
  CHART_SATISFACTION_NONE_TITLE("No satisfaction figure can be shown this month", "本月没有可展示的满意度数据"),
  CHART_SATISFACTION_SUBTITLE(
      "Mean answer (1-5) by department and question; hatched cells are hidden to protect anonymity",
      "各部门各问题的平均分（1-5 分）；斜线格为保护匿名而隐藏"),
  CHART_COVERAGE_TITLE(
      "%1$d of %2$d decisions reached the %3$s coverage target", "%2$d 项决策中 %1$d 项达到 %3$s 的覆盖目标"),
  CHART_COVERAGE_SUBTITLE(
      "Share of active employees aware, with 95%% Wilson interval; dashed line: target",
      "知悉的在岗员工占比及 95%% Wilson 区间；虚线为目标"),
  CHART_FIRST_REPLY_TITLE(
      "Complaints: mean first reply within %3$s on %1$d of %2$d channels",
      "投诉：%2$d 个渠道中 %1$d 个的平均首次回复在 %3$s内"),
  CHART_FIRST_REPLY_SUBTITLE(
      "Hours to the first human reply: median, mean and 90th percentile; dashed line: %1$s",
      "首次人工回复用时：中位数、均值与第 90 百分位；虚线为 %1$s"),
  CHART_SOCIAL_TITLE(
      "%1$s of social comments answered within 24 h; lowest on %2$s (%3$s)",
      "%1$s 的社交媒体评论在 24 小时内得到回复；%2$s最低（%3$s）"),
  CHART_SOCIAL_SUBTITLE(
      "Share answered within 24 h, with 95%% Wilson interval; dashed line: target %1$s",
      "24 小时内回复占比及 95%% Wilson 区间；虚线为 %1$s 目标"),
  CHART_HOTSPOTS_TITLE_PART("%1$s: %2$s first", "%1$s以%2$s为首"),
  CHART_HOTSPOTS_SUBTITLE(
      "Problems logged this month (bars, by rank) and cumulative share (line)",
      "本月问题数量（柱，按排名）与累计占比（折线）"),
  CHART_AB_TITLE(
      "Channel experiments: %1$d of %2$d comparisons found a winner", "渠道实验：%2$d 项比较中 %1$d 项胜出"),
  CHART_AB_SUBTITLE(
      "Relative lift vs control with 95%% interval; hollow grey: invalid (sample-ratio mismatch)",
      "相对对照组的提升及 95%% 置信区间；空心灰色为样本比例失衡、结果无效"),

  CHART_HOURS_SAVED_TITLE(
      "Automating %1$s would save the most waiting: %2$s", "%1$s 自动化节省的等待最多：%2$s"),
  CHART_HOURS_SAVED_SUBTITLE(
      "Five largest ticket kinds; hours saved = %1$s of human-handled tickets × median handling hours",
      "工单量最大的五类；节省小时数 = 人工处理工单的 %1$s × 处理时长中位数"),

  AXIS_SHARE_AWARE("Employees aware (%%)", "知悉员工占比（%%）"),
  AXIS_HOURS("Hours to first human reply (h)", "首次人工回复用时（小时）"),
  AXIS_SHARE_24H("Answered within 24 h (%%)", "24 小时内回复占比（%%）"),
  AXIS_PROBLEMS("Problems (count)", "问题数量（件）"),
  AXIS_CUMULATIVE("Cumulative share (%%)", "累计占比（%%）"),
  AXIS_LIFT("Relative lift vs control (%%)", "相对对照组的提升（%%）"),
  AXIS_HOURS_SAVED("Expected hours of customer waiting saved (h)", "预计减少的客户等待（小时）"),
  AXIS_MONTH("Month", "月份"),
  AXIS_UNIT_LIKERT("mean, 1-5", "均值，1-5 分"),
  LEGEND_ACTUAL("Actual", "实际"),
  LEGEND_TARGET("Target", "目标"),
  LEGEND_MEDIAN("Median", "中位数"),
  LEGEND_MEAN("Mean", "均值"),
  LEGEND_P90("90th percentile", "第 90 百分位"),
  LEGEND_PROBLEMS("Problems", "问题数"),
  LEGEND_CUMULATIVE("Cumulative share", "累计占比"),
  LEGEND_VALID("Valid experiment", "有效实验"),
  LEGEND_INVALID("Invalid: sample-ratio mismatch", "无效：样本比例失衡"),
  MARKER_TARGET("target %1$s", "目标 %1$s"),
  VALUE_MEAN("mean %1$s", "均值 %1$s"),
  MARKER_PREVIOUS("last month %1$s", "上月 %1$s"),
  MARKER_NO_EFFECT("no difference", "无差异"),
  PANEL_VALUE("%1$s · %2$s", "%1$s · %2$s"),
  SUPPRESSED("hidden", "隐藏"),
  SRM_MARK("[SRM]", "[比例失衡]"),

  SUPPRESSED_NOTE(
      "Hidden to protect anonymity (too few respondents, or a cell that would reveal a small group by subtraction): %1$s.",
      "为保护匿名而隐藏（答题人数过少，或可通过相减推算出小组结果）：%1$s。"),
  SUPPRESSED_ALL_QUESTIONS("%1$s (all questions)", "%1$s（全部问题）"),
  SUPPRESSED_SOME("%1$s: %2$s", "%1$s：%2$s"),
  LIST_SEPARATOR("; ", "；"),
  ITEM_SEPARATOR(", ", "、"),
  NOTHING_SUPPRESSED("No cell had to be hidden for anonymity this month.", "本月没有需要为保护匿名而隐藏的数据。"),
  AB_ABSENT(
      "No A/B results: the table gold.ab_results does not exist in this lake yet.",
      "暂无 A/B 实验结果：数据湖中尚无 gold.ab_results 表。"),
  AB_EMPTY("No channel experiment has results for this month.", "本月没有渠道实验结果。"),
  NO_DATA("No data for this month.", "本月无数据。"),
  NO_INGEST("No ingest run was recorded for this month.", "本月没有数据接入记录。"),
  TABLE_ABSENT("not present", "不存在"),
  NOT_AVAILABLE(
      "Not available for this month (%1$s holds no figures for it).", "本月暂无数据（%1$s 中没有本月的数据）。"),
  DEPARTMENTS_NOTE(
      "Status against the company target (● met, ▲ at risk, ◆ missed); satisfaction against the "
          + "department's previous month; \"%1$s\": too few respondents to publish.",
      "状态按公司目标判断（● 达标，▲ 有风险，◆ 未达标）；满意度与该部门上月相比；“%1$s”：答题人数过少，不予公布。"),
  BOT_CSAT_WORSE("↓ worse than agents", "↓ 低于人工"),
  AUTOMATION_SUMMARY(
      "The %1$d largest ticket kinds make up %2$s of the month's tickets; automating them would save "
          + "about %3$s of customer waiting.",
      "工单量最大的 %1$d 类工单占本月工单的 %2$s；若实现自动化，预计可减少客户等待约 %3$s。"),
  AUTOMATION_MODEL(
      "Model: expected hours saved = automation share %1$s × human-handled tickets × median handling "
          + "hours (creation to resolution); agent effort is not recorded. \"%2$s\": bot CSAT (4-5) significantly below "
          + "the agents' (p < 0.05): fix the bot before extending it.",
      "模型：预计节省小时数 = 自动化比例 %1$s × 人工处理工单数 × 处理时长中位数（从创建到解决）；不含客服人员的工作量。"
          + "“%2$s”：机器人满意度（4-5 分占比）显著低于人工（p < 0.05），应先改进机器人再扩大范围。"),
  FOLLOWUP_NOTE(
      "Done and on time (within 7 days of the planned day) as shares of the planned follow-ups; closed "
          + "loop: share of the problems found whose improvement was told to the customer.",
      "完成率、按时率（计划日后 7 天内）以计划回访数为分母；闭环率：发现的问题中已向客户反馈改进的占比。"),
  FEEDBACK_SUMMARY(
      "%1$s suggestions received; %2$s acted on; median %3$s to a published response; %4$s rewarded.",
      "收到建议 %1$s 条；采纳 %2$s；公开回复用时中位数 %3$s；%4$s 条获奖励。"),
  FEEDBACK_ALL_HIDDEN(
      "Fewer suggestions than the anonymity threshold this month: every figure is hidden.",
      "本月建议数少于匿名门槛：所有数据均已隐藏。"),
  FEEDBACK_NOTE(
      "Groups too small to publish, or that would reveal one by subtraction, are shown as \"%1$s\".",
      "人数过少或可通过相减推算出的小组显示为“%1$s”。"),
  CODE_VERSION("Code version: %1$s (fingerprint %2$s).", "代码版本：%1$s（指纹 %2$s）。"),
  RERENDER_HINT(
      "Re-render these exact figures from the same table versions with: %1$s",
      "使用相同的表版本重新生成本报告：%1$s"),
  PROVISIONAL_NOTE(
      "* Provisional: computed before the files of %1$s arrived, so some 24-hour windows were still open and late replies, ticket updates or acknowledgements are not counted yet; the next month's run restates these figures.",
      "* 暂定：在%1$s的数据到达之前计算，部分 24 小时窗口尚未结束，迟到的回复、工单更新或确认尚未计入；下月运行时将重新计算这些数字。"),
  RESTATED(
      "Restated with the next month's files: %1$s, %2$s %3$s → %4$s.",
      "依据次月数据重新计算：%1$s，%2$s 由 %3$s 改为 %4$s。"),
  DATA_QUALITY_NOTE(
      "Rows read = accepted + quarantined; quarantined rows stay in bronze.quarantine with their reason.",
      "读取行数 = 接收行数 + 隔离行数；被隔离的行连同原因保存在 bronze.quarantine 中。");

  private final Bilingual text;

  Message(String en, String zh) {
    this.text = new Bilingual(en, zh);
  }

  public String template(Language language) {
    return text.in(language);
  }
}
