package io.commpulse.generate;

import static io.commpulse.generate.Draws.logNormal;
import static io.commpulse.generate.Draws.pick;
import static io.commpulse.generate.SampleMonth.local;
import static io.commpulse.generate.SampleMonth.plusHours;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Important decisions of the month and who became aware of them: {@code landing.decisions} and
 * {@code landing.acknowledgements}, which follow each decision's publication and channels.
 */
final class Decisions {
  static final int DECISIONS_PER_MONTH = 20;

  /** The decision that misses the coverage target, hardest in Sales. */
  static final int LOW_COVERAGE_DECISION = 7;

  private static final List<String> CHANNELS_ACK =
      List.of("email", "wecom", "dingtalk", "intranet", "all_hands", "manager_briefing");
  private static final String[][] DECISION_TITLES = {
    {"年度预算调整", "Annual budget adjustment"}, {"新报销流程上线", "New expense process goes live"},
    {"办公室搬迁通知", "Office relocation notice"}, {"信息安全培训要求", "Information-security training required"},
    {"客户服务标准更新", "Customer-service standard updated"}, {"季度目标发布", "Quarterly objectives published"},
    {"销售提成方案变更", "Sales commission plan changes"}, {"新产品发布计划", "New product launch plan"},
    {"远程办公政策", "Remote-work policy"}, {"绩效考核周期调整", "Performance-review cycle change"}
  };

  private final SampleMonth m;
  private final YearMonth month;

  Decisions(SampleMonth m) {
    this.m = m;
    this.month = m.month();
  }

  void write(List<Employee> employees) {
    SplittableRandom rnd = m.random("decisions");
    List<LocalDateTime> published = new ArrayList<>();
    List<List<String>> channels = new ArrayList<>();
    try (SourceWriter w = m.writer("decisions", "decisions.csv")) {
      for (int d = 1; d <= DECISIONS_PER_MONTH; d++) {
        LocalDateTime at =
            month
                .atDay(1 + rnd.nextInt(Math.min(25, month.lengthOfMonth())))
                .atTime(9, 0)
                .plusMinutes(rnd.nextInt(8 * 60));
        List<String> used = new ArrayList<>(List.of("email"));
        for (String c : CHANNELS_ACK.subList(1, CHANNELS_ACK.size())) {
          if (rnd.nextDouble() < (d == LOW_COVERAGE_DECISION ? 0.1 : 0.45)) {
            used.add(c);
          }
        }
        published.add(at);
        channels.add(used);
        String[] title = DECISION_TITLES[(d - 1) % DECISION_TITLES.length];
        Map<String, String> row = new LinkedHashMap<>();
        row.put("decision_id", decisionId(d));
        row.put("title_zh", title[0] + (d > DECISION_TITLES.length ? "（二）" : ""));
        row.put("title_en", title[1] + (d > DECISION_TITLES.length ? " (part 2)" : ""));
        row.put("owner_department", Department.ALL.get(d % Department.ALL.size()).code());
        row.put("published_at", local(at));
        row.put("channels", String.join(";", used));
        w.write(row, rnd);
      }
    }
    SplittableRandom ack = m.random("acknowledgements");
    try (SourceWriter w = m.writer("acknowledgements", "acknowledgements.csv")) {
      for (int d = 1; d <= DECISIONS_PER_MONTH; d++) {
        LocalDateTime at = published.get(d - 1);
        for (Employee e : employees) {
          if (!e.activeOn(at.toLocalDate())) {
            continue;
          }
          if (ack.nextDouble() >= awareness(d, e.department())) {
            continue;
          }
          LocalDateTime aware = plusHours(at, logNormal(ack, 5, 1.1));
          LocalDateTime acknowledged =
              ack.nextDouble() < 0.8 ? plusHours(aware, logNormal(ack, 2, 1.0)) : null;
          String channel = pick(ack, channels.get(d - 1));
          if (m.known(aware) == null) {
            continue;
          }
          Map<String, String> row = new LinkedHashMap<>();
          row.put("decision_id", decisionId(d));
          row.put("employee_id", e.id());
          row.put("aware_at", local(aware));
          row.put("acknowledged_at", local(m.known(acknowledged)));
          row.put("channel", channel);
          w.write(row, ack);
        }
      }
    }
  }

  private String decisionId(int d) {
    return String.format("D%s-%02d", month, d);
  }

  private static double awareness(int decision, Department dept) {
    if (decision == LOW_COVERAGE_DECISION) {
      return dept.code().equals("SALES") ? 0.81 : 0.925;
    }
    return 0.985 - (dept.code().equals("OPS") ? 0.015 : 0.0);
  }
}
