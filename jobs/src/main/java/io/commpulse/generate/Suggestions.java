package io.commpulse.generate;

import static io.commpulse.generate.Draws.logNormal;
import static io.commpulse.generate.Draws.weighted;
import static io.commpulse.generate.SampleMonth.latest;
import static io.commpulse.generate.SampleMonth.local;
import static io.commpulse.generate.SampleMonth.plusHours;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** The suggestion box, online and offline: {@code landing.suggestions}. */
final class Suggestions {
  private static final List<String> SUGGESTION_CATEGORIES =
      List.of("process", "skill", "tool", "workplace", "other");
  private static final double[] SUGGESTION_CATEGORY_WEIGHTS = {0.35, 0.15, 0.25, 0.15, 0.1};

  private final SampleMonth m;
  private final YearMonth month;

  Suggestions(SampleMonth m) {
    this.m = m;
    this.month = m.month();
  }

  void write() {
    SplittableRandom rnd = m.random("suggestions");
    int n = m.count(3_000, 60);
    double[] departmentShares = Department.ALL.stream().mapToDouble(Department::share).toArray();
    try (SourceWriter w = m.writer("suggestions", "suggestions.csv")) {
      for (int i = 1; i <= n; i++) {
        boolean online = rnd.nextDouble() < 0.75;
        // Offline slips are collected when the box is emptied, on Friday afternoons.
        LocalDateTime submitted = m.randomMoment(rnd, month.lengthOfMonth());
        if (!online) {
          LocalDate friday =
              submitted.toLocalDate().with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
          submitted =
              (friday.getMonth() == month.getMonth() ? friday : submitted.toLocalDate())
                  .atTime(16, 0);
        }
        String department =
            rnd.nextDouble() < 0.6
                ? Department.ALL.get(weighted(rnd, departmentShares)).code()
                : null;
        double outcome = rnd.nextDouble();
        String status =
            outcome < 0.3
                ? "acted_on"
                : outcome < 0.5 ? "declined" : outcome < 0.8 ? "under_review" : "received";
        LocalDateTime response =
            status.equals("acted_on") || status.equals("declined")
                ? m.known(plusHours(submitted, 24 * logNormal(rnd, 9, 0.6)))
                : null;
        boolean rewarded = status.equals("acted_on") && rnd.nextDouble() < 0.4;
        Map<String, String> row = new LinkedHashMap<>();
        row.put(
            "suggestion_id",
            "S" + (month.getYear() * 100 + month.getMonthValue()) + String.format("%05d", i));
        row.put("channel", online ? "online" : "offline");
        row.put("category", SUGGESTION_CATEGORIES.get(weighted(rnd, SUGGESTION_CATEGORY_WEIGHTS)));
        row.put("department", department);
        row.put("submitted_at", local(submitted));
        row.put("status", status);
        row.put("response_published_at", local(response));
        row.put("rewarded", String.valueOf(rewarded));
        row.put("updated_at", local(latest(submitted, response)));
        w.write(row);
      }
    }
  }
}
