package io.commpulse.generate;

import static io.commpulse.generate.Draws.gaussian;
import static io.commpulse.generate.SampleMonth.local;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** The anonymous satisfaction survey: {@code landing.survey_responses}, one row per answer. */
final class SurveyResponses {
  static final List<String> QUESTIONS =
      List.of(
          "conv_channels",
          "conv_find",
          "time_decisions",
          "time_changes",
          "clear_language",
          "clear_actions",
          "feedback_heard",
          "overall");
  private static final double[] QUESTION_MEANS = {3.9, 3.5, 3.4, 3.1, 3.8, 3.3, 3.0, 3.5};

  private final SampleMonth m;
  private final YearMonth month;

  SurveyResponses(SampleMonth m) {
    this.m = m;
    this.month = m.month();
  }

  void write(List<Employee> employees) {
    SplittableRandom rnd = m.random("survey_responses");
    Map<String, Double> climate = climate();
    try (SourceWriter w = m.writer("survey_responses", "survey_responses.csv")) {
      int token = 0;
      for (Employee e : employees) {
        // The same people tend to answer month after month, and keep their outlook.
        SplittableRandom person = m.persistent("survey/" + e.id());
        double engagement = person.nextDouble();
        double outlook = gaussian(person) * 0.5;
        if (0.85 * engagement + 0.15 * rnd.nextDouble() >= e.department().surveyResponseRate()) {
          continue;
        }
        String responseId =
            String.format("R%s-%08x", month, (m.seed() * 31 + ++token) * 2654435761L & 0xffffffffL);
        LocalDateTime submitted = m.randomMoment(rnd, Math.min(28, month.lengthOfMonth()));
        double shift =
            e.department().satisfactionShift()
                + CompanyHistory.satisfactionDrift(e.department(), month)
                + climate.get(e.department().code());
        for (int q = 0; q < QUESTIONS.size(); q++) {
          double latent = QUESTION_MEANS[q] + shift + outlook + gaussian(rnd) * 0.8;
          Map<String, String> row = new LinkedHashMap<>();
          row.put("response_id", responseId);
          row.put("department", e.department().code());
          row.put("question_id", QUESTIONS.get(q));
          row.put("answer", String.valueOf(Math.max(1, Math.min(5, Math.round(latent)))));
          row.put("submitted_at", local(submitted));
          w.write(row);
        }
      }
    }
  }

  /**
   * The month's mood per department: the company's communication programme lifts every department a
   * little each month (not the drifting one), and each month moves a little on its own.
   */
  private Map<String, Double> climate() {
    SplittableRandom rnd = m.random("survey_climate");
    int months = Math.max(0, CompanyHistory.index(month));
    Map<String, Double> climate = new HashMap<>();
    for (Department d : Department.ALL) {
      boolean drifting = d.code().equals(CompanyHistory.DRIFTING_DEPARTMENT);
      climate.put(d.code(), (drifting ? 0 : 0.015 * months) + 0.04 * gaussian(rnd));
    }
    return climate;
  }
}
