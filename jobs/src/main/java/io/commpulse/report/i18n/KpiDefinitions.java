package io.commpulse.report.i18n;

import java.util.List;

/** The KPI table of the communication strategy, as printed in the report's appendix. */
public final class KpiDefinitions {
  /**
   * @param kpi the scorecard code, or null for a strategy item reported without a scorecard row
   */
  public record Definition(String kpi, Bilingual name, Bilingual definition, Bilingual target) {}

  public static final List<Definition> ALL = List.of(
      kpi("mistransmission_rate",
          "Share of logged internal communications later flagged as wrongly transmitted or misunderstood.",
          "已记录的内部沟通中，事后被标记为传达错误或被误解的比例。",
          "< 5%", "< 5%"),
      kpi("complaint_first_response_hours",
          "Customer complaints: hours from creation to the first human (non-bot) reply; the mean, with median, "
              + "90th percentile and share within target in gold.response_sla.",
          "客户投诉从创建到首次人工（非机器人）回复的小时数；取均值，中位数、第 90 百分位与达标占比见 gold.response_sla。",
          "mean ≤ 24 h", "均值 ≤ 24 小时"),
      kpi("complaint_replied_24h_share",
          "Share of complaints with a human reply within 24 hours; unanswered complaints count as late.",
          "24 小时内得到人工回复的投诉占比；未回复的投诉计为超时。",
          "reported", "仅报告"),
      kpi("social_replied_24h_share",
          "Share of inbound comments on the official social accounts answered within 24 hours.",
          "官方社交媒体账号收到的评论中，24 小时内得到回复的比例。",
          "100%", "100%"),
      kpi("information_coverage",
          "Per important decision, the share of employees on the roster (active on the publication day) who are "
              + "aware of it; the KPI pools every decision of the month.",
          "每项重要决策发布当日在岗员工中知悉该决策的比例；KPI 合计本月全部决策。",
          "≥ 95%", "≥ 95%"),
      kpi("satisfaction_mean",
          "Mean answer (1-5) to the overall question of the anonymous internal-communication survey; figures of "
              + "groups with too few respondents are hidden.",
          "匿名内部沟通满意度调查中总体问题的平均分（1-5 分）；答题人数过少的小组不予展示。",
          "trend up", "逐月上升"),
      kpi("satisfaction_top2_share",
          "Share of answers 4 or 5 (top-2-box) to the overall survey question.",
          "总体问题中回答 4 分或 5 分（前两档）的比例。",
          "trend up", "逐月上升"),
      item("Problem hotspots", "问题热点",
          "Internal problems by category (process, skill, tool) and customer issues by category (product "
              + "suggestion, service complaint, technical support), ranked, month over month.",
          "内部问题按流程、技能、工具分类，客户问题按产品建议、服务投诉、技术支持分类，按数量排名并与上月比较。",
          "top categories", "列出主要类别"),
      kpi("channel_experiments_decided",
          "Two or more channels compared on the same outcome; a variant wins when its Holm-adjusted p < 0.05 "
              + "and the effect goes in the better direction.",
          "在同一结果指标上比较两个或以上渠道；经 Holm 校正后 p < 0.05 且效果方向更优者胜出。",
          "a decision with evidence", "有证据支持的决策"));

  private KpiDefinitions() {}

  private static Definition kpi(String code, String en, String zh, String targetEn, String targetZh) {
    Bilingual name = Vocabulary.KPI.names().get(code);
    return new Definition(code, name, new Bilingual(en, zh), new Bilingual(targetEn, targetZh));
  }

  private static Definition item(String nameEn, String nameZh, String en, String zh, String targetEn,
      String targetZh) {
    return new Definition(null, new Bilingual(nameEn, nameZh), new Bilingual(en, zh),
        new Bilingual(targetEn, targetZh));
  }
}
