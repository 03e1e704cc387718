package io.commpulse.report.model;

import io.commpulse.experiments.AbResultRow;
import io.commpulse.lake.Lake;
import io.commpulse.metrics.ContractRows;
import io.commpulse.report.i18n.Bilingual;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import io.commpulse.scorecard.KpiScorecardRow;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;

/**
 * Two months of hand-made report inputs (2026-09 and 2026-10) whose figures can be checked by eye:
 * written to a lake for end-to-end tests, or turned straight into {@link MonthData} for tests
 * without Spark.
 *
 * <p>Traps on purpose: a suppressed satisfaction cell that wrongly carries figures (mean 1.23, 3
 * respondents), and a decision title with markup.
 */
public final class GoldFixture {
  public static final YearMonth MONTH = YearMonth.of(2026, 10);
  public static final YearMonth PREVIOUS = YearMonth.of(2026, 9);

  /** Figures of a suppressed cell that must never be shown. */
  public static final String LEAKED_MEAN = "1.23";

  public static final String MARKUP_TITLE_EN = "Remote-work policy <script>alert('x')</script>";

  /** A suppressed department's satisfaction mean that the table wrongly carries: never shown. */
  public static final String LEAKED_DEPARTMENT_MEAN = "2.17";

  /** Figures of a suppressed suggestion-box group that the table wrongly carries: never shown. */
  public static final List<String> LEAKED_FEEDBACK = List.of("66.7%", "41.5");

  private GoldFixture() {}

  /** Rows per table, both months. */
  public static Map<String, List<Map<String, Object>>> tables() {
    Map<String, List<Map<String, Object>>> t = new LinkedHashMap<>();
    t.put(ReportTables.SCORECARD, scorecard());
    t.put(ReportTables.COVERAGE, coverage());
    t.put(ReportTables.SATISFACTION, satisfaction());
    t.put(ReportTables.RESPONSE_SLA, sla());
    t.put(ReportTables.SOCIAL, social());
    t.put(ReportTables.MISTRANSMISSION, mistransmission());
    t.put(ReportTables.HOTSPOTS, hotspots());
    t.put(ReportTables.INGEST_AUDIT, audit());
    t.put(ReportTables.QUARANTINE, quarantine());
    t.put(ReportTables.EMPLOYEES, employees());
    return t;
  }

  static List<Map<String, Object>> scorecard() {
    List<Map<String, Object>> rows = new ArrayList<>();
    // 2026-10
    rows.add(
        kpi(
            "2026-10",
            "mistransmission_rate",
            "share",
            "<",
            0.05,
            0.0412,
            0.0371,
            0.0457,
            "met",
            0.045,
            "down",
            "gold.mistransmission"));
    rows.add(
        kpi(
            "2026-10",
            "complaint_first_response_hours",
            "hours",
            "<=",
            24.0,
            20.34,
            18.91,
            21.77,
            "met",
            22.1,
            "down",
            "gold.response_sla"));
    rows.add(
        kpi(
            "2026-10",
            "complaint_replied_24h_share",
            "share",
            "info",
            null,
            0.781,
            0.765,
            0.797,
            "no_target",
            0.75,
            "up",
            "gold.response_sla"));
    rows.add(
        kpi(
            "2026-10",
            "social_replied_24h_share",
            "share",
            ">=",
            1.0,
            0.862,
            0.8504,
            0.8729,
            "missed",
            0.87,
            "down",
            "gold.social_response"));
    rows.add(
        kpi(
            "2026-10",
            "information_coverage",
            "share",
            ">=",
            0.95,
            0.9312,
            0.9241,
            0.9378,
            "missed",
            0.942,
            "down",
            "gold.coverage"));
    rows.add(
        kpi(
            "2026-10",
            "satisfaction_mean",
            "likert",
            "trend_up",
            3.55,
            3.62,
            3.51,
            3.73,
            "at_risk",
            3.55,
            "up",
            "gold.satisfaction"));
    rows.add(
        kpi(
            "2026-10",
            "satisfaction_top2_share",
            "share",
            "trend_up",
            0.56,
            0.583,
            0.551,
            0.615,
            "at_risk",
            0.56,
            "up",
            "gold.satisfaction"));
    // 2026-09
    rows.add(
        kpi(
            "2026-09",
            "mistransmission_rate",
            "share",
            "<",
            0.05,
            0.045,
            0.041,
            0.049,
            "met",
            null,
            null,
            "gold.mistransmission"));
    rows.add(
        kpi(
            "2026-09",
            "complaint_first_response_hours",
            "hours",
            "<=",
            24.0,
            22.1,
            20.5,
            23.7,
            "met",
            null,
            null,
            "gold.response_sla"));
    rows.add(
        kpi(
            "2026-09",
            "complaint_replied_24h_share",
            "share",
            "info",
            null,
            0.75,
            0.73,
            0.77,
            "no_target",
            null,
            null,
            "gold.response_sla"));
    rows.add(
        kpi(
            "2026-09",
            "social_replied_24h_share",
            "share",
            ">=",
            1.0,
            0.87,
            0.858,
            0.881,
            "missed",
            null,
            null,
            "gold.social_response"));
    rows.add(
        kpi(
            "2026-09",
            "information_coverage",
            "share",
            ">=",
            0.95,
            0.942,
            0.935,
            0.948,
            "missed",
            null,
            null,
            "gold.coverage"));
    rows.add(
        kpi(
            "2026-09",
            "satisfaction_mean",
            "likert",
            "trend_up",
            null,
            3.55,
            3.44,
            3.66,
            "no_target",
            null,
            null,
            "gold.satisfaction"));
    rows.add(
        kpi(
            "2026-09",
            "satisfaction_top2_share",
            "share",
            "trend_up",
            null,
            0.56,
            0.53,
            0.59,
            "no_target",
            null,
            null,
            "gold.satisfaction"));
    return rows;
  }

  private static Map<String, Object> kpi(
      String month,
      String kpi,
      String unit,
      String comparator,
      Double target,
      Double actual,
      Double low,
      Double high,
      String status,
      Double previous,
      String trend,
      String details) {
    return row(
        "month",
        month,
        "kpi",
        kpi,
        "unit",
        unit,
        "comparator",
        comparator,
        "target",
        target,
        "actual",
        actual,
        "ci_low",
        low,
        "ci_high",
        high,
        "status",
        status,
        "previous",
        previous,
        "trend",
        trend,
        "details",
        details);
  }

  static List<Map<String, Object>> coverage() {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String month : List.of("2026-09", "2026-10")) {
      boolean oct = month.equals("2026-10");
      // Statuses against the 95% target: the interval straddles it (at_risk) or lies below it
      // (missed).
      rows.add(
          decision(
              month,
              "D01",
              "年度预算调整",
              "Annual budget adjustment",
              "ALL",
              200,
              196,
              0.98,
              0.9497,
              0.9922,
              "at_risk"));
      rows.add(
          decision(
              month,
              "D02",
              "销售提成方案变更",
              "Sales commission plan changes",
              "ALL",
              200,
              oct ? 162 : 180,
              oct ? 0.81 : 0.90,
              oct ? 0.7501 : 0.8513,
              oct ? 0.8577 : 0.9344,
              "missed"));
      rows.add(
          decision(
              month,
              "D03",
              "远程办公政策",
              MARKUP_TITLE_EN,
              "ALL",
              200,
              193,
              0.965,
              0.9295,
              0.9831,
              "at_risk"));
      rows.add(
          decision(
              month,
              "D02",
              "销售提成方案变更",
              "Sales commission plan changes",
              "SALES",
              44,
              30,
              0.6818,
              0.5347,
              0.8004,
              "missed"));
    }
    return rows;
  }

  private static Map<String, Object> decision(
      String month,
      String id,
      String zh,
      String en,
      String department,
      long employees,
      long aware,
      double share,
      double low,
      double high,
      String status) {
    return row(
        "month",
        month,
        "decision_id",
        id,
        "title_zh",
        zh,
        "title_en",
        en,
        "department",
        department,
        "employees",
        employees,
        "aware",
        aware,
        "share",
        share,
        "ci_low",
        low,
        "ci_high",
        high,
        "target",
        0.95,
        "p_below_target",
        share >= 0.95 ? 0.6 : 0.0001,
        "meets_target",
        share >= 0.95,
        "status",
        status,
        "median_hours_to_aware",
        20.0,
        "top_channel",
        "email",
        "top_channel_share",
        0.5);
  }

  static List<Map<String, Object>> satisfaction() {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String month : List.of("2026-09", "2026-10")) {
      double shift = month.equals("2026-10") ? 0.07 : 0;
      for (String q : List.of("overall", "conv_channels", "time_decisions")) {
        rows.add(cell(month, q, "ALL", 180, 3.55 + shift, 0.56));
        rows.add(cell(month, q, "SALES", 40, 3.21 + shift, 0.42));
        rows.add(cell(month, q, "RND", 50, 3.88 + shift, 0.66));
        rows.add(hidden(month, q, "HR", "small_group", null, null));
        // Wrong on purpose: a suppressed row must hide whatever figures it carries.
        rows.add(hidden(month, q, "FIN", "complementary", 3L, 1.23));
      }
    }
    return rows;
  }

  private static Map<String, Object> cell(
      String month, String q, String department, long n, double mean, double top2) {
    return row(
        "month",
        month,
        "question_id",
        q,
        "department",
        department,
        "suppressed",
        false,
        "suppression_reason",
        null,
        "respondents",
        n,
        "headcount",
        n + 10,
        "response_rate",
        n / (n + 10.0),
        "mean",
        mean,
        "sd",
        0.9,
        "mean_ci_low",
        mean - 0.11,
        "mean_ci_high",
        mean + 0.11,
        "top2_share",
        top2,
        "top2_ci_low",
        top2 - 0.03,
        "top2_ci_high",
        top2 + 0.03,
        "mean_change",
        null);
  }

  private static Map<String, Object> hidden(
      String month, String q, String department, String reason, Long n, Double mean) {
    return row(
        "month",
        month,
        "question_id",
        q,
        "department",
        department,
        "suppressed",
        true,
        "suppression_reason",
        reason,
        "respondents",
        n,
        "headcount",
        null,
        "response_rate",
        null,
        "mean",
        mean,
        "sd",
        null,
        "mean_ci_low",
        null,
        "mean_ci_high",
        null,
        "top2_share",
        null,
        "top2_ci_low",
        null,
        "top2_ci_high",
        null,
        "mean_change",
        null);
  }

  static List<Map<String, Object>> sla() {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String month : List.of("2026-09", "2026-10")) {
      rows.add(sla(month, "ALL", "service_complaint", 1200, 20.34, 12.5, 45.2, 0.781));
      rows.add(sla(month, "phone", "service_complaint", 400, 15.2, 9.1, 30.5, 0.85));
      rows.add(sla(month, "email", "service_complaint", 300, 30.1, 22.0, 70.3, 0.55));
      rows.add(sla(month, "online_chat", "service_complaint", 500, 10.2, 5.5, 22.1, 0.93));
      rows.add(sla(month, "ALL", "ALL", 4000, 18.0, 11.0, 40.0, 0.8));
    }
    return rows;
  }

  private static Map<String, Object> sla(
      String month,
      String channel,
      String category,
      long tickets,
      double mean,
      double median,
      double p90,
      double within) {
    return row(
        "month",
        month,
        "channel",
        channel,
        "category",
        category,
        "priority",
        "ALL",
        "tickets",
        tickets,
        "replied",
        tickets - 10,
        "first_reply_hours_mean",
        mean,
        "first_reply_hours_mean_ci_low",
        mean - 1,
        "first_reply_hours_mean_ci_high",
        mean + 1,
        "first_reply_hours_median",
        median,
        "first_reply_hours_p90",
        p90,
        "first_reply_business_hours_mean",
        mean / 2,
        "first_reply_business_hours_median",
        median / 2,
        "first_reply_business_hours_p90",
        p90 / 2,
        "within_24h",
        Math.round(tickets * within),
        "within_24h_share",
        within,
        "within_24h_ci_low",
        within - 0.02,
        "within_24h_ci_high",
        within + 0.02,
        "bot_first_replies",
        12L,
        "resolution_hours_median",
        30.0,
        "reopen_rate",
        0.05,
        "csat_responses",
        100L,
        "csat_top2_share",
        0.7);
  }

  static List<Map<String, Object>> social() {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String month : List.of("2026-09", "2026-10")) {
      rows.add(platform(month, "ALL", 4000, 0.862, 0.8504, 0.8729));
      rows.add(platform(month, "weibo", 1200, 0.91, 0.893, 0.925));
      rows.add(platform(month, "wechat", 1000, 0.88, 0.859, 0.898));
      rows.add(platform(month, "douyin", 1000, 0.71, 0.6811, 0.7372));
      rows.add(platform(month, "xiaohongshu", 800, 0.83, 0.8027, 0.8543));
    }
    return rows;
  }

  /** Every platform misses the 100% target: below it, only the point value counts. */
  private static Map<String, Object> platform(
      String month, String platform, long inbound, double share, double low, double high) {
    return row(
        "month",
        month,
        "platform",
        platform,
        "inbound",
        inbound,
        "replied",
        inbound - 20,
        "replied_24h",
        Math.round(inbound * share),
        "replied_24h_share",
        share,
        "replied_24h_ci_low",
        low,
        "replied_24h_ci_high",
        high,
        "target",
        1.0,
        "status",
        "missed",
        "median_reply_hours",
        6.5,
        "negative_inbound",
        300L,
        "negative_replied_24h_share",
        0.9,
        "negative_median_reply_hours",
        4.0);
  }

  static List<Map<String, Object>> mistransmission() {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String month : List.of("2026-09", "2026-10")) {
      rows.add(mis(month, "ALL", 6000, 247, 0.0412));
      rows.add(mis(month, "OPS", 1000, 72, 0.072));
      rows.add(mis(month, "SALES", 1300, 53, 0.0408));
      rows.add(mis(month, "RND", 1500, 42, 0.028));
    }
    return rows;
  }

  private static Map<String, Object> mis(
      String month, String department, long n, long flagged, double rate) {
    return row(
        "month",
        month,
        "department",
        department,
        "communications",
        n,
        "flagged",
        flagged,
        "rate",
        rate,
        "ci_low",
        rate - 0.005,
        "ci_high",
        rate + 0.005,
        "target",
        0.05,
        "status",
        rate < 0.05 ? "met" : "missed");
  }

  static List<Map<String, Object>> hotspots() {
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(spot("2026-09", "customer", "technical_support", 400, 0.4444, 1, null));
    rows.add(spot("2026-09", "customer", "service_complaint", 320, 0.3556, 2, null));
    rows.add(spot("2026-09", "customer", "product_suggestion", 180, 0.2, 3, null));
    rows.add(spot("2026-09", "internal", "process", 110, 0.5, 1, null));
    rows.add(spot("2026-09", "internal", "skill", 70, 0.3182, 2, null));
    rows.add(spot("2026-09", "internal", "tool", 40, 0.1818, 3, null));
    rows.add(spot("2026-10", "customer", "technical_support", 450, 0.5, 1, 400L));
    rows.add(spot("2026-10", "customer", "service_complaint", 300, 0.3333, 2, 320L));
    rows.add(spot("2026-10", "customer", "product_suggestion", 150, 0.1667, 3, 180L));
    rows.add(spot("2026-10", "internal", "process", 120, 0.5217, 1, 110L));
    rows.add(spot("2026-10", "internal", "skill", 70, 0.3043, 2, 70L));
    rows.add(spot("2026-10", "internal", "tool", 40, 0.1739, 3, 40L));
    return rows;
  }

  private static Map<String, Object> spot(
      String month,
      String domain,
      String category,
      long count,
      double share,
      int rank,
      Long previous) {
    Long change = previous == null ? null : count - previous;
    return row(
        "month",
        month,
        "domain",
        domain,
        "category",
        category,
        "count",
        count,
        "share",
        share,
        "rank",
        rank,
        "previous_count",
        previous,
        "change",
        change,
        "change_share",
        previous == null ? null : (double) change / previous);
  }

  static List<Map<String, Object>> audit() {
    List<Map<String, Object>> rows = new ArrayList<>();
    Timestamp early = Timestamp.from(Instant.parse("2026-11-01T02:00:00Z"));
    Timestamp late = Timestamp.from(Instant.parse("2026-11-02T02:00:00Z"));
    // The first October tickets run is superseded by the rerun a day later.
    rows.add(audit("r1", "tickets", "2026-10", 2, 19000, 18900, 100, 10, early));
    rows.add(audit("r2", "tickets", "2026-10", 2, 20000, 19800, 200, 50, late));
    rows.add(audit("r3", "survey_responses", "2026-10", 1, 1500, 1497, 3, 0, late));
    rows.add(audit("r4", "tickets", "2026-09", 2, 18000, 17950, 50, 5, early));
    return rows;
  }

  private static Map<String, Object> audit(
      String run,
      String source,
      String month,
      int files,
      long read,
      long accepted,
      long quarantined,
      long duplicates,
      Timestamp started) {
    return row(
        "run_id",
        run,
        "source",
        source,
        "month",
        month,
        "batch_id",
        source + "-" + month,
        "files",
        files,
        "rows_read",
        read,
        "rows_accepted",
        accepted,
        "rows_quarantined",
        quarantined,
        "duplicates",
        duplicates,
        "started_at",
        started,
        "duration_ms",
        1000L,
        "status",
        "succeeded");
  }

  static List<Map<String, Object>> quarantine() {
    List<Map<String, Object>> rows = new ArrayList<>();
    Timestamp at = Timestamp.from(Instant.parse("2026-11-02T02:00:00Z"));
    String[][] reasons = {{"malformed", "100"}, {"duplicate", "50"}, {"out_of_range", "50"}};
    for (String[] r : reasons) {
      for (int i = 0; i < Integer.parseInt(r[1]); i++) {
        rows.add(
            row(
                "source",
                "tickets",
                "month",
                "2026-10",
                "source_file",
                "tickets.csv",
                "raw",
                "x",
                "reason_code",
                r[0],
                "reason",
                r[0],
                "batch_id",
                "tickets-2026-10",
                "ingested_at",
                at));
      }
    }
    for (int i = 0; i < 3; i++) {
      rows.add(
          row(
              "source",
              "survey_responses",
              "month",
              "2026-10",
              "source_file",
              "survey.csv",
              "raw",
              "x",
              "reason_code",
              "out_of_range",
              "reason",
              "answer: 6 is above the maximum 5",
              "batch_id",
              "s-2026-10",
              "ingested_at",
              at));
    }
    return rows;
  }

  static List<Map<String, Object>> employees() {
    List<Map<String, Object>> rows = new ArrayList<>();
    String[][] departments = {
      {"SALES", "销售部", "Sales"},
      {"RND", "研发部", "R&D"},
      {"HR", "人力资源部", "Human Resources"},
      {"FIN", "财务部", "Finance"},
      {"OPS", "运营部", "Operations"}
    };
    for (String month : List.of("2026-09", "2026-10")) {
      for (String[] d : departments) {
        rows.add(
            row(
                "employee_key",
                "k-" + d[0],
                "department",
                d[0],
                "department_name_zh",
                d[1],
                "department_name_en",
                d[2],
                "hire_date",
                Date.valueOf("2020-01-01"),
                "leave_date",
                null,
                "month",
                month,
                "batch_id",
                "roster-" + month));
      }
    }
    return rows;
  }

  /**
   * Rows of {@code gold.ab_results} for October: two winners, one null result and an SRM-invalid
   * experiment.
   */
  public static List<Map<String, Object>> abResults() {
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(
        ab(
            "EXP-ACK-WECOM",
            "acknowledged_48h",
            "binary",
            "higher",
            "wecom",
            0.097,
            0.05,
            0.144,
            "winner",
            false));
    rows.add(
        ab(
            "EXP-ACK-WECOM",
            "hours_to_ack",
            "continuous",
            "lower",
            "wecom",
            -0.2,
            -0.25,
            -0.15,
            "winner",
            false));
    rows.add(
        ab(
            "EXP-DIGEST-FORMAT",
            "acknowledged_48h",
            "binary",
            "higher",
            "bullet_digest",
            0.01,
            -0.04,
            0.06,
            "no_significant_difference",
            false));
    rows.add(
        ab(
            "EXP-SRM",
            "clarity_rating",
            "ordinal",
            "higher",
            "wecom",
            0.3,
            0.1,
            0.5,
            "invalid_srm",
            true));
    return rows;
  }

  /** One comparison of {@code gold.ab_results} as the report model holds it. */
  static AbResultRow abRow(
      String experiment,
      String metric,
      String kind,
      String better,
      String variant,
      double lift,
      double low,
      double high,
      String decision,
      boolean srm) {
    return MonthReader.abComparison(
        contractRow(
            SchemaCatalog.get().table(ReportTables.AB_RESULTS),
            ab(experiment, metric, kind, better, variant, lift, low, high, decision, srm)));
  }

  private static Map<String, Object> ab(
      String experiment,
      String metric,
      String kind,
      String better,
      String variant,
      double lift,
      double low,
      double high,
      String decision,
      boolean srm) {
    return row(
        "month",
        "2026-10",
        "experiment_id",
        experiment,
        "metric",
        metric,
        "metric_kind",
        kind,
        "better",
        better,
        "control_variant",
        "control",
        "variant",
        variant,
        "control_units",
        500L,
        "variant_units",
        srm ? 400L : 500L,
        "relative_lift",
        lift,
        "relative_ci_lower",
        low,
        "relative_ci_upper",
        high,
        "test",
        "binary".equals(kind)
            ? "two_proportion_z_test"
            : "continuous".equals(kind) ? "welch_t_test" : "mann_whitney_u",
        "decision",
        decision,
        "control_assigned_units",
        500L,
        "variant_assigned_units",
        srm ? 400L : 500L,
        "control_split_weight",
        0.5,
        "variant_split_weight",
        0.5,
        "srm_chi_square",
        srm ? 11.1 : 0.0,
        "srm_degrees_of_freedom",
        1L,
        "srm_p_value",
        srm ? 0.0009 : 1.0,
        "srm_flag",
        srm,
        "incomplete_records_excluded",
        0L,
        "inconsistent_records_excluded",
        0L,
        "duplicate_units",
        0L,
        "duplicate_records_excluded",
        0L,
        "multi_variant_units_excluded",
        0L);
  }

  /**
   * October's rows of the strategy's follow-through tables, kept apart from {@link #tables()}: the
   * lake of the end-to-end test starts without them, as a lake from before they existed.
   */
  public static Map<String, List<Map<String, Object>>> followThroughTables() {
    Map<String, List<Map<String, Object>>> t = new LinkedHashMap<>();
    t.put(ReportTables.DEPARTMENT_SCORECARD, departmentScorecard());
    t.put(ReportTables.AUTOMATION_CANDIDATES, automationCandidates());
    t.put(ReportTables.FOLLOWUP_COVERAGE, followups());
    t.put(ReportTables.FEEDBACK_LOOP, feedbackLoop());
    return t;
  }

  static List<Map<String, Object>> departmentScorecard() {
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(
        deptKpi(
            "SALES",
            "information_coverage",
            "share",
            ">=",
            0.95,
            0.6818,
            0.5347,
            0.8004,
            "missed"));
    rows.add(
        deptKpi(
            "SALES",
            "mistransmission_rate",
            "share",
            "<",
            0.05,
            0.0408,
            0.0307,
            0.0533,
            "at_risk"));
    rows.add(
        deptKpi(
            "SALES", "satisfaction_mean", "likert", "trend_up", 3.21, 3.28, 3.01, 3.55, "at_risk"));
    rows.add(
        deptKpi("RND", "information_coverage", "share", ">=", 0.95, 0.9733, 0.9561, 0.9840, "met"));
    rows.add(
        deptKpi("RND", "mistransmission_rate", "share", "<", 0.05, 0.028, 0.0203, 0.0385, "met"));
    rows.add(
        deptKpi("RND", "satisfaction_mean", "likert", "trend_up", 3.88, 3.95, 3.90, 4.06, "met"));
    rows.add(
        deptKpi(
            "HR", "information_coverage", "share", ">=", 0.95, 0.9612, 0.9307, 0.9801, "at_risk"));
    rows.add(
        deptKpi(
            "HR", "satisfaction_mean", "likert", "trend_up", null, null, null, null, "suppressed"));
    // Wrong on purpose: a suppressed row must hide whatever figures it carries.
    rows.add(
        deptKpi(
            "FIN", "satisfaction_mean", "likert", "trend_up", 2.5, 2.17, 1.9, 2.44, "suppressed"));
    rows.add(
        deptKpi(
            "OPS", "mistransmission_rate", "share", "<", 0.05, 0.072, 0.0571, 0.0894, "missed"));
    rows.add(
        deptKpi(
            "CS",
            "complaint_first_response_hours",
            "hours",
            "<=",
            24.0,
            20.34,
            18.91,
            21.77,
            "met"));
    rows.add(
        deptKpi(
            "CS", "social_replied_24h_share", "share", ">=", 1.0, 0.862, 0.8504, 0.8729, "missed"));
    return rows;
  }

  private static Map<String, Object> deptKpi(
      String department,
      String kpi,
      String unit,
      String comparator,
      Double target,
      Double actual,
      Double low,
      Double high,
      String status) {
    boolean suppressed = status.equals("suppressed");
    return row(
        "month",
        "2026-10",
        "department",
        department,
        "kpi",
        kpi,
        "unit",
        unit,
        "comparator",
        comparator,
        "target",
        target,
        "actual",
        actual,
        "ci_low",
        low,
        "ci_high",
        high,
        "status",
        status,
        "numerator",
        null,
        "denominator",
        null,
        "company_actual",
        null,
        "rank",
        null,
        "ranked_departments",
        null,
        "suppressed",
        suppressed);
  }

  static List<Map<String, Object>> automationCandidates() {
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(kind("technical_support", "online_chat", 1, 900, 0.30, 5.0, 0.22, 700, false, 1050.0));
    rows.add(kind("service_complaint", "phone", 2, 600, 0.20, 12.0, 0.0, 600, false, 2160.0));
    rows.add(kind("technical_support", "email", 3, 450, 0.15, 20.5, 0.04, 432, false, 2656.8));
    rows.add(kind("product_suggestion", "online_chat", 4, 300, 0.10, 8.0, 0.35, 195, true, 468.0));
    rows.add(kind("service_complaint", "email", 5, 240, 0.08, 25.0, 0.0, 240, false, 1800.0));
    // Sixth by volume: outside the report's top five.
    rows.add(kind("technical_support", "wecom", 6, 150, 0.05, 3.0, 0.5, 75, false, 67.5));
    return rows;
  }

  private static Map<String, Object> kind(
      String category,
      String channel,
      int rank,
      long tickets,
      double share,
      double medianHours,
      double botResolution,
      long human,
      boolean botWorse,
      double hoursSaved) {
    return row(
        "month",
        "2026-10",
        "category",
        category,
        "channel",
        channel,
        "volume_rank",
        rank,
        "tickets",
        tickets,
        "share",
        share,
        "median_handling_hours",
        medianHours,
        "repeat_rate",
        0.1,
        "bot_first_reply_share",
        botResolution + 0.1,
        "bot_resolution_rate",
        botResolution,
        "human_handled",
        human,
        "bot_csat_responses",
        40L,
        "bot_csat_top2_share",
        botWorse ? 0.4 : 0.7,
        "human_csat_responses",
        60L,
        "human_csat_top2_share",
        0.72,
        "csat_gap_p_value",
        botWorse ? 0.003 : 0.8,
        "bot_csat_worse",
        botWorse,
        "automation_share",
        0.3,
        "expected_hours_saved",
        hoursSaved);
  }

  static List<Map<String, Object>> followups() {
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(followup("key_account", 40, 36, 30, 10, 7));
    rows.add(followup("enterprise", 80, 60, 48, 16, 4));
    rows.add(followup("smb", 120, 84, 60, 21, 7));
    rows.add(followup("consumer", 25, 10, 5, 0, 0));
    rows.add(followup("ALL", 265, 190, 143, 47, 18));
    return rows;
  }

  private static Map<String, Object> followup(
      String segment, long planned, long done, long onTime, long issues, long improved) {
    return row(
        "month",
        "2026-10",
        "segment",
        segment,
        "planned",
        planned,
        "done",
        done,
        "done_share",
        (double) done / planned,
        "done_ci_low",
        null,
        "done_ci_high",
        null,
        "on_time",
        onTime,
        "on_time_share",
        (double) onTime / planned,
        "issues_found",
        issues,
        "product_suggestions",
        issues / 2,
        "service_complaints",
        issues - issues / 2,
        "technical_support",
        0L,
        "improvements_communicated",
        improved,
        "closed_loop_share",
        issues == 0 ? null : (double) improved / issues);
  }

  static List<Map<String, Object>> feedbackLoop() {
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(suggestions("all", "ALL", null, 64L, 24L, 40L, 6.5, 9L));
    rows.add(suggestions("channel", "online", null, 50L, 20L, 33L, 5.5, 8L));
    rows.add(suggestions("channel", "offline", null, 14L, 4L, 7L, 9.0, 1L));
    rows.add(suggestions("category", "process", null, 30L, 12L, 20L, 4.0, 5L));
    rows.add(suggestions("category", "tool", null, 27L, 10L, 15L, 7.5, 3L));
    rows.add(suggestions("category", "skill", "small_group", null, null, null, null, null));
    // Wrong on purpose: a suppressed group must hide whatever figures it carries.
    rows.add(suggestions("category", "other", "complementary", 3L, 2L, 2L, 41.5, 7L));
    rows.add(suggestions("department", "SALES", null, 20L, 8L, 12L, 6.0, 2L));
    return rows;
  }

  private static Map<String, Object> suggestions(
      String breakdown,
      String group,
      String suppressedFor,
      Long received,
      Long acted,
      Long responses,
      Double medianDays,
      Long rewarded) {
    return row(
        "month",
        "2026-10",
        "breakdown",
        breakdown,
        "group_value",
        group,
        "suppressed",
        suppressedFor != null,
        "suppression_reason",
        suppressedFor,
        "received",
        received,
        "acted_on",
        acted,
        "acted_on_share",
        received == null ? null : (double) acted / received,
        "responses_published",
        responses,
        "response_published_share",
        received == null ? null : (double) responses / received,
        "median_days_to_response",
        medianDays,
        "rewarded",
        rewarded);
  }

  /** The follow-through tables of October as the reader builds them. */
  public static FollowThrough followThrough() {
    SchemaCatalog catalog = SchemaCatalog.get();
    Map<String, List<Map<String, Object>>> t = followThroughTables();
    return new FollowThrough(
        Optional.of(
            converted(
                catalog, ReportTables.DEPARTMENT_SCORECARD, t, MonthReader::departmentKpiRow)),
        Optional.of(
            converted(
                catalog, ReportTables.AUTOMATION_CANDIDATES, t, MonthReader::automationCandidate)),
        Optional.of(
            converted(catalog, ReportTables.FOLLOWUP_COVERAGE, t, MonthReader::followupRow)),
        Optional.of(converted(catalog, ReportTables.FEEDBACK_LOOP, t, MonthReader::feedbackRow)));
  }

  private static <T> List<T> converted(
      SchemaCatalog catalog,
      String table,
      Map<String, List<Map<String, Object>>> rows,
      Function<Row, T> convert) {
    TableContract contract = catalog.table(table);
    return rows.get(table).stream().map(r -> convert.apply(contractRow(contract, r))).toList();
  }

  /** Writes October's follow-through tables to the lake. */
  public static void writeFollowThroughTo(Lake lake, SchemaCatalog catalog) {
    followThroughTables()
        .forEach(
            (name, rows) -> {
              TableContract table = catalog.table(name);
              lake.replaceMonth(
                  table, ContractRows.toDataFrame(lake.spark(), table, rows), MONTH.toString());
            });
  }

  /** Writes both months of every fixture table to the lake. */
  public static void writeTo(Lake lake, SchemaCatalog catalog) {
    tables()
        .forEach(
            (name, rows) -> {
              TableContract table = catalog.table(name);
              if (table.partitionedBy().contains("month")) {
                // Both months in one commit: half the Delta writes of a month-by-month load.
                lake.replace(
                    table,
                    ContractRows.toDataFrame(lake.spark(), table, rows),
                    "month >= '" + PREVIOUS + "' AND month <= '" + MONTH + "'");
              } else {
                lake.append(table, ContractRows.toDataFrame(lake.spark(), table, rows));
              }
            });
  }

  /** The month as the reader would build it from the fixture tables, without Spark. */
  public static MonthData monthData(YearMonth month, AbResults ab) {
    SchemaCatalog catalog = SchemaCatalog.get();
    String m = month.toString();
    Map<String, Long> versions = new TreeMap<>();
    ReportTables.ALL.forEach(t -> versions.put(t, t.equals(ReportTables.AB_RESULTS) ? null : 1L));
    List<KpiScorecardRow> scorecard =
        new ArrayList<>(rows(catalog, ReportTables.SCORECARD, m, MonthReader::kpiRow));
    scorecard.sort(Comparator.comparingInt(k -> MonthReader.kpiOrder(k.kpi())));
    TableContract scorecardTable = catalog.table(ReportTables.SCORECARD);
    List<KpiScorecardRow> history =
        scorecard().stream()
            .filter(r -> ((String) r.get("month")).compareTo(m) <= 0)
            .sorted(
                Comparator.comparing((Map<String, Object> r) -> (String) r.get("month"))
                    .thenComparing(r -> (String) r.get("kpi")))
            .map(r -> MonthReader.kpiRow(contractRow(scorecardTable, r)))
            .toList();
    List<SourceQuality> quality =
        m.equals("2026-10")
            ? List.of(
                new SourceQuality(
                    "survey_responses",
                    1,
                    1500,
                    1497,
                    3,
                    0,
                    List.of(new SourceQuality.ReasonCount("out_of_range", 3))),
                new SourceQuality(
                    "tickets",
                    2,
                    20000,
                    19800,
                    200,
                    50,
                    List.of(
                        new SourceQuality.ReasonCount("malformed", 100),
                        new SourceQuality.ReasonCount("duplicate", 50),
                        new SourceQuality.ReasonCount("out_of_range", 50))))
            : List.of();
    Map<String, Bilingual> departments = new TreeMap<>();
    employees().stream()
        .filter(r -> m.equals(r.get("month")))
        .forEach(
            r ->
                departments.put(
                    (String) r.get("department"),
                    new Bilingual(
                        (String) r.get("department_name_en"),
                        (String) r.get("department_name_zh"))));
    return new MonthData(
        month,
        new TableVersions(versions),
        scorecard,
        history,
        rows(catalog, ReportTables.COVERAGE, m, MonthReader::coverageRow),
        rows(catalog, ReportTables.SATISFACTION, m, MonthReader::satisfactionRow),
        rows(catalog, ReportTables.RESPONSE_SLA, m, MonthReader::slaRow),
        rows(catalog, ReportTables.SOCIAL, m, MonthReader::socialRow),
        rows(catalog, ReportTables.MISTRANSMISSION, m, MonthReader::mistransmissionRow),
        rows(catalog, ReportTables.HOTSPOTS, m, MonthReader::hotspotRow),
        ab,
        quality,
        departments,
        m.equals(MONTH.toString()) ? followThrough() : FollowThrough.absent());
  }

  /** The fixture's A/B rows as the report model holds them. */
  public static AbResults.Present abPresent() {
    TableContract contract = SchemaCatalog.get().table(ReportTables.AB_RESULTS);
    return new AbResults.Present(
        abResults().stream().map(r -> MonthReader.abComparison(contractRow(contract, r))).toList());
  }

  private static <T> List<T> rows(
      SchemaCatalog catalog, String table, String month, Function<Row, T> convert) {
    TableContract contract = catalog.table(table);
    return tables().get(table).stream()
        .filter(r -> month.equals(r.get("month")))
        .map(r -> convert.apply(contractRow(contract, r)))
        .toList();
  }

  private static Row contractRow(TableContract contract, Map<String, Object> values) {
    Object[] cells = contract.columns().stream().map(c -> values.get(c.name())).toArray();
    return new GenericRowWithSchema(cells, contract.sparkSchema());
  }

  private static Map<String, Object> row(Object... keyValues) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      row.put((String) keyValues[i], keyValues[i + 1]);
    }
    return row;
  }
}
