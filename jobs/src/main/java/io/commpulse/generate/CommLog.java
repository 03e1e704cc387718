package io.commpulse.generate;

import static io.commpulse.generate.Draws.pick;
import static io.commpulse.generate.Draws.weighted;
import static io.commpulse.generate.SampleMonth.local;

import java.nio.charset.Charset;
import java.time.YearMonth;
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

  private final SampleMonth m;
  private final YearMonth month;

  CommLog(SampleMonth m) {
    this.m = m;
    this.month = m.month();
  }

  void write() {
    SplittableRandom rnd = m.random("comm_log");
    int n = m.count(300_000, 400);
    try (SourceWriter w = m.writer("comm_log", "comm_log.csv")) {
      for (int i = 1; i <= n; i++) {
        w.write(commLogRow(rnd, i, "L"), rnd);
      }
    }
    if (m.dirtyRate() > 0) {
      // A branch office still exports in the legacy Chinese code page.
      SplittableRandom gbk = m.random("comm_log_gbk");
      try (SourceWriter w =
          m.writer("comm_log", "comm_log_branch_office.csv", Charset.forName("GBK"), 0)) {
        for (int i = 1; i <= 10; i++) {
          w.write(commLogRow(gbk, i, "LB"), gbk);
        }
      }
    }
  }

  private Map<String, String> commLogRow(SplittableRandom rnd, int i, String prefix) {
    Department from =
        Department.ALL.get(
            weighted(rnd, Department.ALL.stream().mapToDouble(Department::share).toArray()));
    Department to = pick(rnd, Department.ALL);
    boolean flagged = rnd.nextDouble() < from.misinformationRate();
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
    row.put("logged_at", local(m.randomMoment(rnd, month.lengthOfMonth())));
    row.put("from_department", from.code());
    row.put("to_department", to.code());
    row.put("channel", pick(rnd, LOG_CHANNELS));
    row.put("topic", pick(rnd, TOPICS));
    row.put("outcome", outcome);
    row.put("misinformation_flag", String.valueOf(flagged));
    row.put("problem_category", category);
    return row;
  }
}
