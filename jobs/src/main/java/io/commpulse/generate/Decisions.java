package io.commpulse.generate;

import static io.commpulse.generate.Draws.logNormal;
import static io.commpulse.generate.Draws.pick;
import static io.commpulse.generate.SampleMonth.knownBy;
import static io.commpulse.generate.SampleMonth.local;
import static io.commpulse.generate.SampleMonth.plusHours;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Important decisions of the month and who became aware of them: {@code landing.decisions} and
 * {@code landing.acknowledgements}, which follow each decision's publication and channels. The
 * month's acknowledgements also carry those of the previous month's decisions that employees first
 * saw after that month's export.
 */
final class Decisions {
  static final int DECISIONS_PER_MONTH = 20;

  /** The decision that misses the coverage target, hardest in Sales. */
  static final int LOW_COVERAGE_DECISION = 7;

  /** The month-end announcement, published on the last morning of the month. */
  static final int MONTH_END_DECISION = 20;

  private static final List<String> CHANNELS_ACK =
      List.of("email", "wecom", "dingtalk", "intranet", "all_hands", "manager_briefing");
  private static final String[][] DECISION_TITLES = {
    {"年度预算调整", "Annual budget adjustment"}, {"新报销流程上线", "New expense process goes live"},
    {"办公室搬迁通知", "Office relocation notice"}, {"信息安全培训要求", "Information-security training required"},
    {"客户服务标准更新", "Customer-service standard updated"}, {"季度目标发布", "Quarterly objectives published"},
    {"销售提成方案变更", "Sales commission plan changes"}, {"新产品发布计划", "New product launch plan"},
    {"远程办公政策", "Remote-work policy"}, {"绩效考核周期调整", "Performance-review cycle change"}
  };

  private record Decision(int number, String id, LocalDateTime published, List<String> channels) {}

  /** One employee's awareness of one decision, whenever it happened. */
  private record Awareness(
      String decisionId,
      String employeeId,
      LocalDateTime aware,
      LocalDateTime acknowledged,
      String channel) {}

  private final SampleMonth m;

  Decisions(SampleMonth m) {
    this.m = m;
  }

  void write(List<Employee> employees) {
    List<Decision> decisions = decisions(m);
    try (SourceWriter w = m.writer("decisions", "decisions.csv")) {
      for (Decision d : decisions) {
        String[] title = DECISION_TITLES[(d.number() - 1) % DECISION_TITLES.length];
        boolean second = d.number() > DECISION_TITLES.length;
        Map<String, String> row = new LinkedHashMap<>();
        row.put("decision_id", d.id());
        row.put("title_zh", title[0] + (second ? "（二）" : ""));
        row.put("title_en", title[1] + (second ? " (part 2)" : ""));
        row.put("owner_department", Department.ALL.get(d.number() % Department.ALL.size()).code());
        row.put("published_at", local(d.published()));
        row.put("channels", String.join(";", d.channels()));
        w.write(row);
      }
    }
    try (SourceWriter w = m.writer("acknowledgements", "acknowledgements.csv")) {
      awareness(
          m,
          decisions,
          employees,
          a -> {
            if (m.known(a.aware()) != null) {
              w.write(row(a, m.end()));
            }
          });
      SampleMonth previous = m.previous();
      awareness(
          previous,
          decisions(previous),
          new Roster(previous).draw(),
          a -> {
            if (previous.completedNextMonth(a.aware())) {
              w.write(row(a, m.end()));
            }
          });
    }
  }

  private static Map<String, String> row(Awareness a, LocalDateTime cutoff) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("decision_id", a.decisionId());
    row.put("employee_id", a.employeeId());
    row.put("aware_at", local(a.aware()));
    row.put("acknowledged_at", local(knownBy(a.acknowledged(), cutoff)));
    row.put("channel", a.channel());
    return row;
  }

  private static List<Decision> decisions(SampleMonth mm) {
    YearMonth month = mm.month();
    SplittableRandom rnd = mm.random("decisions");
    double wecom = CompanyHistory.wecomShare(month);
    List<Decision> decisions = new ArrayList<>();
    for (int d = 1; d <= DECISIONS_PER_MONTH; d++) {
      LocalDateTime at =
          month
              .atDay(1 + rnd.nextInt(Math.min(25, month.lengthOfMonth())))
              .atTime(9, 0)
              .plusMinutes(rnd.nextInt(8 * 60));
      if (d == MONTH_END_DECISION) {
        at = month.atEndOfMonth().atTime(9, 0).plusMinutes(rnd.nextInt(3 * 60));
      }
      List<String> used = new ArrayList<>(List.of("email"));
      for (String c : CHANNELS_ACK.subList(1, CHANNELS_ACK.size())) {
        double p = c.equals("wecom") ? Math.min(0.95, 0.2 + 1.5 * wecom) : 0.45;
        if (rnd.nextDouble() < (d == LOW_COVERAGE_DECISION ? 0.1 : p)) {
          used.add(c);
        }
      }
      decisions.add(new Decision(d, String.format("D%s-%02d", month, d), at, used));
    }
    return decisions;
  }

  /** Who became aware of the month's decisions, when and how, in order. */
  private static void awareness(
      SampleMonth mm,
      List<Decision> decisions,
      List<Employee> employees,
      Consumer<Awareness> sink) {
    SplittableRandom ack = mm.random("acknowledgements");
    double wecom = CompanyHistory.wecomShare(mm.month());
    for (Decision d : decisions) {
      for (Employee e : employees) {
        if (!e.activeOn(d.published().toLocalDate())) {
          continue;
        }
        if (ack.nextDouble() >= awareness(d.number(), e.department(), mm.month())) {
          continue;
        }
        LocalDateTime aware = plusHours(d.published(), logNormal(ack, 5, 1.1));
        LocalDateTime acknowledged =
            ack.nextDouble() < 0.8 ? plusHours(aware, logNormal(ack, 2, 1.0)) : null;
        // Where WeCom is among the channels, it is how more and more employees learn of things.
        boolean byWecom = ack.nextDouble() < 1.6 * wecom && d.channels().contains("wecom");
        String channel = byWecom ? "wecom" : pick(ack, d.channels());
        sink.accept(new Awareness(d.id(), e.id(), aware, acknowledged, channel));
      }
    }
  }

  /**
   * Chance an employee becomes aware of a decision: high, but lower in holiday months and in the
   * drifting department; one poorly announced decision a month, hardest in Sales.
   */
  private static double awareness(int decision, Department dept, YearMonth month) {
    if (decision == LOW_COVERAGE_DECISION) {
      return dept.code().equals("SALES") ? 0.81 : 0.925;
    }
    double unaware =
        0.015
            + (dept.code().equals("OPS") ? 0.015 : 0.0)
            + CompanyHistory.mistransmissionDrift(dept, month) / 3;
    return 1 - Math.min(0.5, unaware * CompanyHistory.unawareFactor(month));
  }
}
