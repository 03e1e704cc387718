package io.commpulse.generate;

import static io.commpulse.generate.Draws.logNormal;
import static io.commpulse.generate.Draws.weighted;
import static io.commpulse.generate.SampleMonth.knownBy;
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
import java.util.function.Consumer;

/**
 * The after-sales follow-up plan and what was done: {@code landing.followups}. The month's file
 * also carries the previous month's follow-ups that were done after that month's export.
 */
final class Followups {
  private static final List<String> SEGMENTS =
      List.of("key_account", "enterprise", "smb", "consumer");
  private static final double[] SEGMENT_WEIGHTS = {0.1, 0.25, 0.35, 0.3};
  private static final double[] SEGMENT_DONE = {0.97, 0.92, 0.85, 0.7};
  private static final double[] ISSUE_WEIGHTS = {0.3, 0.35, 0.35};

  /** One planned follow-up with everything that ever happens to it. */
  private record Followup(
      String id,
      String customer,
      int segment,
      LocalDate planned,
      LocalDateTime done,
      String issue,
      LocalDateTime improvement) {}

  private final SampleMonth m;

  Followups(SampleMonth m) {
    this.m = m;
  }

  void write() {
    try (SourceWriter w = m.writer("followups", "followups.csv")) {
      draw(m, f -> w.write(row(f, m.end())));
      SampleMonth previous = m.previous();
      draw(
          previous,
          f -> {
            if (previous.completedNextMonth(f.done())) {
              w.write(row(f, m.end()));
            }
          });
    }
  }

  /** The follow-up as an export taken at {@code cutoff} shows it. */
  private static Map<String, String> row(Followup f, LocalDateTime cutoff) {
    LocalDateTime done = knownBy(f.done(), cutoff);
    String issue = done == null ? null : f.issue();
    LocalDateTime improvement = done == null ? null : knownBy(f.improvement(), cutoff);
    Map<String, String> row = new LinkedHashMap<>();
    row.put("followup_id", f.id());
    row.put("customer_id", f.customer());
    row.put("segment", SEGMENTS.get(f.segment()));
    row.put("cadence", f.segment() == 0 ? "monthly" : "quarterly");
    row.put("planned_date", f.planned().toString());
    row.put("done_at", local(done));
    row.put("issue_category", issue);
    row.put("improvement_communicated_at", local(improvement));
    row.put("updated_at", local(latest(f.planned().atStartOfDay(), done, improvement)));
    return row;
  }

  /** Every follow-up planned in the month {@code mm}, in order. */
  private static void draw(SampleMonth mm, Consumer<Followup> sink) {
    YearMonth month = mm.month();
    SplittableRandom rnd = mm.random("followups");
    int n = mm.count(20_000, 80);
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
      String issue = null;
      LocalDateTime improvement = null;
      if (done != null && rnd.nextDouble() < 0.35) {
        issue = Tickets.CATEGORIES.get(weighted(rnd, ISSUE_WEIGHTS));
        if (rnd.nextDouble() < 0.6) {
          improvement = plusHours(done, logNormal(rnd, 24 * 6, 0.7));
        }
      }
      String id = "F" + (month.getYear() * 100 + month.getMonthValue()) + String.format("%06d", i);
      String customer = String.format("C%07d", 1 + rnd.nextInt(Math.max(100, n * 3)));
      sink.accept(new Followup(id, customer, segment, planned, done, issue, improvement));
    }
  }
}
