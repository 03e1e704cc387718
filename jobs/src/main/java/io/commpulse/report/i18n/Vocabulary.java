package io.commpulse.report.i18n;

import io.commpulse.metrics.Rollup;
import io.commpulse.schema.KpiRegistry;
import io.commpulse.schema.SchemaCatalog;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Display names of the codes stored in the tables (KPIs, statuses, channels, categories, ...). A
 * code without a name here is shown as stored, so a new channel appears in the report before anyone
 * names it.
 */
public enum Vocabulary {
  KPI(kpiNames()),
  STATUS(
      names(
          "met",
          "met",
          "达标",
          "at_risk",
          "at risk",
          "有风险",
          "missed",
          "missed",
          "未达标",
          "no_target",
          "no target",
          "无目标")),
  TREND(names("up", "up", "上升", "down", "down", "下降", "flat", "flat", "持平")),
  DEPARTMENT(
      names(
          Rollup.ALL,
          "Company",
          "全公司",
          "SALES",
          "Sales",
          "销售部",
          "RND",
          "R&D",
          "研发部",
          "CS",
          "Customer Service",
          "客户服务部",
          "MKT",
          "Marketing",
          "市场部",
          "HR",
          "Human Resources",
          "人力资源部",
          "FIN",
          "Finance",
          "财务部",
          "OPS",
          "Operations",
          "运营部",
          "IT",
          "IT",
          "信息技术部")),
  CHANNEL(
      names(
          Rollup.ALL,
          "All channels",
          "全部渠道",
          "phone",
          "Phone",
          "电话",
          "online_chat",
          "Online chat",
          "在线客服",
          "email",
          "E-mail",
          "电子邮件",
          "wecom",
          "WeCom",
          "企业微信",
          "dingtalk",
          "DingTalk",
          "钉钉",
          "web",
          "Web form",
          "网页表单",
          "intranet",
          "Intranet",
          "内网",
          "all_hands",
          "All-hands meeting",
          "全员大会",
          "manager_briefing",
          "Manager briefing",
          "主管传达",
          "meeting",
          "Meeting",
          "会议",
          "document",
          "Document",
          "文件",
          "bullet_digest",
          "Bullet digest",
          "要点摘要",
          "control",
          "Control",
          "对照组")),
  PLATFORM(
      names(
          Rollup.ALL,
          "All platforms",
          "全部平台",
          "weibo",
          "Weibo",
          "微博",
          "wechat",
          "WeChat",
          "微信",
          "douyin",
          "Douyin",
          "抖音",
          "xiaohongshu",
          "Xiaohongshu",
          "小红书")),
  HOTSPOT_DOMAIN(
      names("internal", "Internal problems", "内部问题", "customer", "Customer issues", "客户问题")),
  HOTSPOT_CATEGORY(
      names(
          "process",
          "Process",
          "流程",
          "skill",
          "Skill",
          "技能",
          "tool",
          "Tool",
          "工具",
          "product_suggestion",
          "Product suggestion",
          "产品建议",
          "service_complaint",
          "Service complaint",
          "服务投诉",
          "technical_support",
          "Technical support",
          "技术支持")),
  QUESTION(
      names(
          "conv_channels",
          "Channels convenient",
          "沟通渠道便捷",
          "conv_find",
          "Information easy to find",
          "信息易于查找",
          "time_decisions",
          "Decisions announced in time",
          "决策传达及时",
          "time_changes",
          "Changes announced in time",
          "变更通知及时",
          "clear_language",
          "Easy to understand",
          "表述易于理解",
          "clear_actions",
          "Actions are clear",
          "行动要求清晰",
          "feedback_heard",
          "Feedback is heard",
          "意见得到回应",
          "overall",
          "Overall",
          "总体满意度")),
  SOURCE(
      names(
          "roster",
          "Roster",
          "员工名册",
          "decisions",
          "Decisions",
          "重要决策",
          "acknowledgements",
          "Acknowledgements",
          "知悉确认",
          "survey_responses",
          "Satisfaction survey",
          "满意度调查",
          "tickets",
          "Customer tickets",
          "客户工单",
          "social_comments",
          "Social comments",
          "社交媒体评论",
          "comm_log",
          "Communication log",
          "内部沟通日志",
          "channel_experiments",
          "Channel experiments",
          "渠道实验")),
  QUARANTINE_REASON(
      names(
          "malformed",
          "malformed",
          "格式错误",
          "encoding",
          "encoding",
          "编码错误",
          "missing_required",
          "missing field",
          "缺少必填字段",
          "wrong_type",
          "wrong type",
          "类型错误",
          "out_of_range",
          "out of range",
          "超出范围",
          "not_allowed",
          "value not allowed",
          "取值不允许",
          "bad_pattern",
          "bad format",
          "格式不符",
          "future_timestamp",
          "future time",
          "时间在未来",
          "too_early",
          "too early",
          "时间过早",
          "duplicate",
          "duplicate",
          "重复")),
  AB_DECISION(
      names(
          "winner",
          "winner",
          "胜出",
          "loser",
          "loser",
          "落后",
          "no_significant_difference",
          "no significant difference",
          "无显著差异",
          "inconclusive_underpowered",
          "inconclusive (underpowered)",
          "无定论（样本不足）",
          "invalid_srm",
          "invalid (sample-ratio mismatch)",
          "无效（样本比例失衡）",
          "insufficient_data",
          "insufficient data",
          "数据不足")),
  SEGMENT(
      names(
          Rollup.ALL,
          "All segments",
          "全部客户",
          "key_account",
          "Key accounts",
          "重点客户",
          "enterprise",
          "Enterprise",
          "企业客户",
          "smb",
          "Small business",
          "中小企业",
          "consumer",
          "Consumers",
          "个人消费者")),
  SUGGESTION_BREAKDOWN(
      names(
          "channel",
          "Channel",
          "渠道",
          "category",
          "Category",
          "类别",
          "department",
          "Department",
          "部门")),
  SUGGESTION_GROUP(
      names(
          "online",
          "Online",
          "线上",
          "offline",
          "Offline",
          "线下",
          "process",
          "Process",
          "流程",
          "skill",
          "Skill",
          "技能",
          "tool",
          "Tool",
          "工具",
          "workplace",
          "Workplace",
          "工作环境",
          "other",
          "Other",
          "其他")),
  AB_METRIC(
      names(
          "acknowledged_48h",
          "Acknowledged within 48 h",
          "48 小时内确认",
          "hours_to_ack",
          "Hours to acknowledge",
          "确认用时",
          "clarity_rating",
          "Clarity rating",
          "清晰度评分"));

  private final Map<String, Bilingual> names;

  Vocabulary(Map<String, Bilingual> names) {
    this.names = names;
  }

  public String name(String code, Language language) {
    if (code == null) {
      return "";
    }
    Bilingual name = names.get(code);
    return name == null ? code : name.in(language);
  }

  public Map<String, Bilingual> names() {
    return names;
  }

  /** The KPI names of {@code schemas/kpis.json}. */
  private static Map<String, Bilingual> kpiNames() {
    Map<String, Bilingual> map = new LinkedHashMap<>();
    for (KpiRegistry.Kpi kpi : SchemaCatalog.get().kpis().all()) {
      map.put(kpi.code(), Bilingual.of(kpi.name()));
    }
    return Collections.unmodifiableMap(map);
  }

  private static Map<String, Bilingual> names(String... codeEnZh) {
    Map<String, Bilingual> map = new LinkedHashMap<>();
    for (int i = 0; i < codeEnZh.length; i += 3) {
      map.put(codeEnZh[i], new Bilingual(codeEnZh[i + 1], codeEnZh[i + 2]));
    }
    return Collections.unmodifiableMap(map);
  }
}
