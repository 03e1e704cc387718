package io.commpulse.generate;

import static io.commpulse.generate.Draws.pick;
import static io.commpulse.generate.Draws.weighted;
import static io.commpulse.generate.SampleMonth.local;

import java.nio.charset.Charset;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The internal communication log: {@code landing.comm_log}, plus a legacy-encoded branch-office
 * file when the month is dirty.
 */
final class CommLog {
  private static final List<String> LOG_CHANNELS =
      List.of("email", "wecom", "dingtalk", "meeting", "phone", "document");
  private static final List<String> TOPICS =
      List.of("月度销售目标", "系统上线安排", "客户投诉处理", "报销流程, 新规定", "培训通知", "版本发布说明", "排班调整", "库存盘点");

  /** Channel mix apart from WeCom, which takes a growing share of it. */
  private static final double[] OTHER_CHANNEL_WEIGHTS = {0.30, 0.15, 0.20, 0.15, 0.20};

  private final SampleMonth m;
  private final YearMonth month;
  private double[] channelWeights;
  private Map<String, Double> misinformation;

  CommLog(SampleMonth m) {
    this.m = m;
    this.month = m.month();
  }

  void write() {
    channelWeights = channelWeights();
    misinformation = misinformationRates();
    SplittableRandom rnd = m.random("comm_log");
    int n = m.count(300_000, 400);
    try (SourceWriter w = m.writer("comm_log", "comm_log.csv")) {
      for (int i = 1; i <= n; i++) {
        w.write(commLogRow(rnd, i, "L"));
      }
    }
    if (m.dirtyRate() > 0) {
      // A branch office still exports in the legacy Chinese code page.
      SplittableRandom gbk = m.random("comm_log_gbk");
      try (SourceWriter w =
          m.writer("comm_log", "comm_log_branch_office.csv", Charset.forName("GBK"), 0)) {
        for (int i = 1; i <= 10; i++) {
          w.write(commLogRow(gbk, i, "LB"));
        }
      }
    }
  }

  /** email, wecom, dingtalk, meeting, phone, document: WeCom adopted over the months. */
  private double[] channelWeights() {
    double wecom = CompanyHistory.wecomShare(month);
    double[] w = new double[LOG_CHANNELS.size()];
    w[1] = wecom;
    int other = 0;
    for (int i = 0; i < w.length; i++) {
      if (i != 1) {
        w[i] = (1 - wecom) * OTHER_CHANNEL_WEIGHTS[other++];
      }
    }
    return w;
  }

  /**
   * Each department's rate of the month: its usual rate, give or take a tenth from month to month,
   * plus the drift of the drifting department.
   */
  private Map<String, Double> misinformationRates() {
    SplittableRandom rnd = m.random("comm_log_climate");
    Map<String, Double> rates = new HashMap<>();
    for (Department d : Department.ALL) {
      double wobble = Math.max(-0.25, Math.min(0.25, 0.1 * Draws.gaussian(rnd)));
      rates.put(
          d.code(),
          d.misinformationRate() * (1 + wobble) + CompanyHistory.mistransmissionDrift(d, month));
    }
    return rates;
  }

  private Map<String, String> commLogRow(SplittableRandom rnd, int i, String prefix) {
    Department from =
        Department.ALL.get(
            weighted(rnd, Department.ALL.stream().mapToDouble(Department::share).toArray()));
    Department to = pick(rnd, Department.ALL);
    boolean flagged = rnd.nextDouble() < misinformation.get(from.code());
    String outcome =
        flagged
            ? (rnd.nextBoolean() ? "misunderstood" : "wrong_information")
            : (rnd.nextDouble() < 0.9 ? "understood" : "clarification_needed");
    String category = null;
    if (flagged || outcome.equals("clarification_needed")) {
      double x = rnd.nextDouble() + (from.code().equals("IT") ? 0.3 : 0);
      category = x < 0.5 ? "process" : x < 0.8 ? "skill" : "tool";
    }
    Map<String, String> row = new LinkedHashMap<>();
    row.put(
        "log_id",
        prefix + (month.getYear() * 100 + month.getMonthValue()) + String.format("%07d", i));
    row.put("logged_at", local(m.workMoment(rnd)));
    row.put("from_department", from.code());
    row.put("to_department", to.code());
    row.put("channel", LOG_CHANNELS.get(weighted(rnd, channelWeights)));
    row.put("topic", pick(rnd, TOPICS));
    row.put("outcome", outcome);
    row.put("misinformation_flag", String.valueOf(flagged));
    row.put("problem_category", category);
    return row;
  }
}
