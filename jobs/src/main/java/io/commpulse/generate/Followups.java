package io.commpulse.generate;

import static io.commpulse.generate.Draws.logNormal;
import static io.commpulse.generate.Draws.weighted;
import static io.commpulse.generate.SampleMonth.latest;
import static io.commpulse.generate.SampleMonth.local;
import static io.commpulse.generate.SampleMonth.plusHours;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** The after-sales follow-up plan and what was done: {@code landing.followups}. */
final class Followups {
  private static final List<String> SEGMENTS =
      List.of("key_account", "enterprise", "smb", "consumer");
  private static final double[] SEGMENT_WEIGHTS = {0.1, 0.25, 0.35, 0.3};
  private static final double[] SEGMENT_DONE = {0.97, 0.92, 0.85, 0.7};
  private static final double[] ISSUE_WEIGHTS = {0.3, 0.35, 0.35};

  private final SampleMonth m;
  private final YearMonth month;

  Followups(SampleMonth m) {
    this.m = m;
    this.month = m.month();
  }

  void write() {
    SplittableRandom rnd = m.random("followups");
    int n = m.count(20_000, 80);
    try (SourceWriter w = m.writer("followups", "followups.csv")) {
      for (int i = 1; i <= n; i++) {
        int segment = weighted(rnd, SEGMENT_WEIGHTS);
        LocalDate planned = month.atDay(1 + rnd.nextInt(month.lengthOfMonth()));
        LocalDateTime done = null;
        if (rnd.nextDouble() < SEGMENT_DONE[segment]) {
          double daysLate = rnd.nextDouble() < 0.8 ? -rnd.nextInt(3) : 1 + logNormal(rnd, 5, 0.8);
          done = plusHours(planned.atTime(10, 0), daysLate * 24 + rnd.nextInt(8));
          if (done.isBefore(month.atDay(1).atStartOfDay())) {
            done = planned.atTime(10, 0);
          }
        }
        done = m.known(done);
        String issue = null;
        LocalDateTime improvement = null;
        if (done != null && rnd.nextDouble() < 0.35) {
          issue = Tickets.CATEGORIES.get(weighted(rnd, ISSUE_WEIGHTS));
          if (rnd.nextDouble() < 0.6) {
            improvement = m.known(plusHours(done, logNormal(rnd, 24 * 6, 0.7)));
          }
        }
        Map<String, String> row = new LinkedHashMap<>();
        row.put(
            "followup_id",
            "F" + (month.getYear() * 100 + month.getMonthValue()) + String.format("%06d", i));
        row.put("customer_id", String.format("C%07d", 1 + rnd.nextInt(Math.max(100, n * 3))));
        row.put("segment", SEGMENTS.get(segment));
        row.put("cadence", segment == 0 ? "monthly" : "quarterly");
        row.put("planned_date", planned.toString());
        row.put("done_at", local(done));
        row.put("issue_category", issue);
        row.put("improvement_communicated_at", local(improvement));
        LocalDateTime updated = latest(planned.atStartOfDay(), done, improvement);
        row.put("updated_at", local(updated));
        w.write(row, rnd);
      }
    }
  }
}
