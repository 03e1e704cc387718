package io.commpulse.surveys;

import static io.commpulse.testing.Approx.EXACT;
import static io.commpulse.testing.Approx.QUANTILE;
import static io.commpulse.testing.Approx.close;
import static io.commpulse.testing.Frames.byKey;
import static io.commpulse.testing.Frames.dbl;
import static io.commpulse.testing.Frames.frame;
import static io.commpulse.testing.Frames.lng;
import static io.commpulse.testing.Frames.rec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.errors.UserError;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * gold.satisfaction on a hand-made survey. Means, sample sds, t intervals (scipy), top-2-box Wilson
 * intervals (statsmodels) come from jobs/src/test/reference/gold_reference.py, section
 * "SatisfactionMetricTest"; counts and rates are counted by hand from the answers below.
 */
class SatisfactionMetricTest {
  private static final String MONTH = "2026-10";
  private static final SchemaCatalog CATALOG = SchemaCatalog.get();
  private static final TableContract GOLD = CATALOG.table("gold.satisfaction");

  /**
   * The same answers as gold_reference.py: overall and conv_channels; time_changes has four
   * respondents.
   */
  private static final Map<String, Map<String, int[]>> ANSWERS =
      Map.of(
          "overall",
              Map.of(
                  "ENG",
                  new int[] {5, 4, 4, 3, 5, 2, 4, 5},
                  "SALES",
                  new int[] {3, 3, 4, 2, 5, 4},
                  "HR",
                  new int[] {1, 2, 2},
                  "FIN",
                  new int[] {4, 4, 5, 3, 4}),
          "conv_channels",
              Map.of(
                  "ENG",
                  new int[] {4, 4, 4, 4, 5, 5, 3, 3},
                  "SALES",
                  new int[] {2, 3, 3, 4, 4, 4},
                  "HR",
                  new int[] {3, 4, 5, 5, 2},
                  "FIN",
                  new int[] {3, 3, 4, 4, 4}),
          "time_changes", Map.of("ENG", new int[] {2, 3}, "SALES", new int[] {4, 5}));

  /** Roster headcount: 20 + 12 + 6 + 10 = 48. */
  private static final Map<String, Integer> HEADCOUNT =
      Map.of("ENG", 20, "SALES", 12, "HR", 6, "FIN", 10);

  private static Dataset<Row> answers;
  private static Dataset<Row> employees;
  private static Dataset<Row> previous;
  private static Map<String, Row> cells;

  @BeforeAll
  static void compute() {
    List<Map<String, Object>> rows = new ArrayList<>();
    ANSWERS.forEach(
        (question, byDept) ->
            byDept.forEach(
                (dept, values) -> {
                  for (int i = 0; i < values.length; i++) {
                    rows.add(
                        rec(
                            "respondent_key",
                            dept + "-" + i,
                            "department",
                            dept,
                            "question_id",
                            question,
                            "answer",
                            values[i],
                            "month",
                            MONTH,
                            "batch_id",
                            "b1"));
                  }
                }));
    answers = frame(CATALOG.table("silver.survey_answers"), rows);
    List<Map<String, Object>> roster = new ArrayList<>();
    HEADCOUNT.forEach(
        (dept, n) -> {
          for (int i = 0; i < n; i++) {
            roster.add(
                rec(
                    "employee_key",
                    dept + "-e" + i,
                    "department",
                    dept,
                    "department_name_zh",
                    dept,
                    "department_name_en",
                    dept,
                    "hire_date",
                    Date.valueOf("2020-01-01"),
                    "month",
                    MONTH,
                    "batch_id",
                    "b1"));
          }
        });
    employees = frame(CATALOG.table("silver.employees"), roster);
    previous =
        frame(
            GOLD,
            List.of(
                rec(
                    "month",
                    "2026-09",
                    "question_id",
                    "overall",
                    "department",
                    "ALL",
                    "suppressed",
                    false,
                    "mean",
                    3.2),
                rec(
                    "month",
                    "2026-09",
                    "question_id",
                    "overall",
                    "department",
                    "ENG",
                    "suppressed",
                    false,
                    "mean",
                    4.25),
                rec(
                    "month",
                    "2026-09",
                    "question_id",
                    "overall",
                    "department",
                    "SALES",
                    "suppressed",
                    true,
                    "suppression_reason",
                    "small_group"),
                rec(
                    "month",
                    "2026-09",
                    "question_id",
                    "conv_channels",
                    "department",
                    "ENG",
                    "suppressed",
                    false,
                    "mean",
                    3.5)));
    cells =
        byKey(
            SatisfactionMetric.compute(GOLD, MONTH, answers, employees, previous, 5),
            "question_id",
            "department");
  }

  @Test
  void publishedCellsMatchTheReference() {
    Row eng = cells.get("overall/ENG");
    assertFalse((Boolean) eng.getAs("suppressed"));
    assertNull(eng.getAs("suppression_reason"));
    assertEquals(8L, lng(eng, "respondents"));
    assertEquals(20L, lng(eng, "headcount"));
    close(0.4, dbl(eng, "response_rate"), EXACT, "8 of 20");
    close(4.0, dbl(eng, "mean"), EXACT, "mean");
    close(1.0690449676496976, dbl(eng, "sd"), EXACT, "numpy std ddof=1");
    close(3.1062560408818953, dbl(eng, "mean_ci_low"), QUANTILE, "scipy t low");
    close(4.893743959118105, dbl(eng, "mean_ci_high"), QUANTILE, "scipy t high");
    close(0.75, dbl(eng, "top2_share"), EXACT, "6 of 8 answers are 4 or 5");
    close(0.40927543031016883, dbl(eng, "top2_ci_low"), EXACT, "wilson(6, 8) low");
    close(0.9285207872478909, dbl(eng, "top2_ci_high"), EXACT, "wilson(6, 8) high");
    close(4.0 - 4.25, dbl(eng, "mean_change"), EXACT, "this mean minus September's 4.25");

    Row all = cells.get("overall/ALL");
    assertEquals(
        22L, lng(all, "respondents"), "the company total still counts suppressed departments");
    assertEquals(48L, lng(all, "headcount"));
    close(22 / 48.0, dbl(all, "response_rate"), EXACT, "22 of 48");
    close(3.5454545454545454, dbl(all, "mean"), EXACT, "mean");
    close(1.184313050927584, dbl(all, "sd"), EXACT, "sd");
    close(3.0203595553052294, dbl(all, "mean_ci_low"), QUANTILE, "t low");
    close(4.0705495356038615, dbl(all, "mean_ci_high"), QUANTILE, "t high");
    close(0.5909090909090909, dbl(all, "top2_share"), EXACT, "13 of 22");
    close(0.38734818476315125, dbl(all, "top2_ci_low"), EXACT, "wilson(13, 22) low");
    close(0.7674418380352814, dbl(all, "top2_ci_high"), EXACT, "wilson(13, 22) high");
    close(3.5454545454545454 - 3.2, dbl(all, "mean_change"), EXACT, "minus September's 3.2");

    Row sales = cells.get("overall/SALES");
    close(3.5, dbl(sales, "mean"), EXACT, "mean");
    close(1.0488088481701516, dbl(sales, "sd"), EXACT, "sd");
    close(0.5, dbl(sales, "top2_share"), EXACT, "3 of 6");
    assertNull(
        sales.getAs("mean_change"), "September's SALES cell was suppressed: no change to report");

    Row convEng = cells.get("conv_channels/ENG");
    close(4.0 - 3.5, dbl(convEng, "mean_change"), EXACT, "minus September's 3.5");
    close(0.7559289460184544, dbl(convEng, "sd"), EXACT, "sd");
    Row convAll = cells.get("conv_channels/ALL");
    close(3.7083333333333335, dbl(convAll, "mean"), EXACT, "mean");
    close(3.345747643205014, dbl(convAll, "mean_ci_low"), QUANTILE, "t low");
    close(0.42709962442674265, dbl(convAll, "top2_ci_low"), EXACT, "wilson(15, 24) low");
  }

  @Test
  void smallGroupsAndTheirComplementAreSuppressedWithEveryFigure() {
    assertEquals(
        "small_group", cells.get("overall/HR").getAs("suppression_reason"), "3 respondents");
    assertEquals(
        "complementary",
        cells.get("overall/FIN").getAs("suppression_reason"),
        "the smallest other department, so HR cannot be derived from ALL");
    for (String key : List.of("time_changes/ENG", "time_changes/SALES", "time_changes/ALL")) {
      assertEquals(
          "small_group",
          cells.get(key).getAs("suppression_reason"),
          key + ": two, two and four respondents");
    }
    for (String key : List.of("conv_channels/HR", "conv_channels/FIN")) {
      assertEquals(
          "complementary",
          cells.get(key).getAs("suppression_reason"),
          key + ": five respondents, withheld because overall withholds it");
    }
    for (String key :
        List.of(
            "overall/HR",
            "overall/FIN",
            "conv_channels/HR",
            "conv_channels/FIN",
            "time_changes/ENG",
            "time_changes/SALES",
            "time_changes/ALL")) {
      Row row = cells.get(key);
      assertTrue((Boolean) row.getAs("suppressed"), key);
      for (String figure :
          List.of(
              "respondents",
              "headcount",
              "response_rate",
              "mean",
              "sd",
              "mean_ci_low",
              "mean_ci_high",
              "top2_share",
              "top2_ci_low",
              "top2_ci_high",
              "mean_change")) {
        assertNull(row.getAs(figure), key + " publishes " + figure);
      }
    }
    long published = cells.values().stream().filter(r -> !(Boolean) r.getAs("suppressed")).count();
    assertEquals(
        3 + 3,
        published,
        "overall and conv_channels: ENG, SALES, ALL; time_changes (4 in all): nothing,"
            + " so its small departments withhold nothing elsewhere");
    assertEquals(3 * 5 - 2, cells.size(), "overall and conv_channels 5 rows each, time_changes 3");
  }

  /**
   * The attack the complementary suppression exists for: subtract every published department from
   * the published company total, using only what the table publishes. Without the complementary
   * cell this isolates HR exactly; with it, the remainder is HR and FIN together.
   */
  @Test
  void subtractingPublishedDepartmentsFromTheTotalDoesNotRecoverASuppressedDepartment() {
    for (String question : List.of("overall", "conv_channels", "time_changes")) {
      Row total = cells.get(question + "/ALL");
      if ((Boolean) total.getAs("suppressed")) {
        continue;
      }
      long n = lng(total, "respondents");
      double sum = dbl(total, "mean") * n;
      double top2 = dbl(total, "top2_share") * n;
      int suppressedDepartments = 0;
      for (Map.Entry<String, Row> cell : cells.entrySet()) {
        Row row = cell.getValue();
        if (!cell.getKey().startsWith(question + "/") || cell.getKey().endsWith("/ALL")) {
          continue;
        }
        if ((Boolean) row.getAs("suppressed")) {
          suppressedDepartments++;
          continue;
        }
        n -= lng(row, "respondents");
        sum -= dbl(row, "mean") * lng(row, "respondents");
        top2 -= dbl(row, "top2_share") * lng(row, "respondents");
      }
      if (suppressedDepartments == 0) {
        assertEquals(0, n, question + ": nothing hidden, nothing left over");
        continue;
      }
      assertTrue(
          suppressedDepartments >= 2,
          question + ": a lone suppressed department would be the remainder");
      assertTrue(n >= 5, question + ": the remainder is itself a group of at least 5");
      if (question.equals("overall")) {
        // What the attacker gets: HR and FIN together, 3 + 5 = 8 respondents with mean 3.125
        // (gold_reference.py "overall HR+FIN combined mean") and 0 + 4 top-2 answers ...
        assertEquals(8, n);
        assertEquals(3.125, sum / n, 1e-9);
        assertEquals(4.0, top2, 1e-9);
        // ... not HR's 3 respondents, mean 1.6666666666666667, no top-2 answer.
        assertNotEquals(3, n);
        assertNotEquals(1.6666666666666667, sum / n, 1e-6);
        // Had FIN (5 answers, mean 4.0, 4 top-2: gold_reference.py "overall/FIN") been published,
        // the same subtraction would have given HR exactly: the attack itself is sound.
        long hrN = n - 5;
        assertEquals(3, hrN);
        assertEquals(1.6666666666666667, (sum - 4.0 * 5) / hrN, 1e-9);
        assertEquals(0.0, top2 - 4.0, 1e-9);
      }
    }
  }

  @Test
  void theThresholdIsConfigurable() {
    Map<String, Row> atThree =
        byKey(
            SatisfactionMetric.compute(
                GOLD, MONTH, answers.where("question_id = 'overall'"), employees, previous, 3),
            "question_id",
            "department");
    Row hr = atThree.get("overall/HR");
    assertFalse((Boolean) hr.getAs("suppressed"), "3 respondents reach a threshold of 3");
    close(1.6666666666666667, dbl(hr, "mean"), EXACT, "mean");
    close(0.5773502691896257, dbl(hr, "sd"), EXACT, "sd");
    close(0.23244909008351278, dbl(hr, "mean_ci_low"), QUANTILE, "t low");
    close(3.100884243249821, dbl(hr, "mean_ci_high"), QUANTILE, "t high");
    close(0.0, dbl(hr, "top2_share"), EXACT, "no 4 or 5");
    close(0.5614970317550455, dbl(hr, "top2_ci_high"), EXACT, "wilson(0, 3) high");
    assertTrue(atThree.values().stream().noneMatch(r -> (Boolean) r.getAs("suppressed")));

    Map<String, Row> atSix =
        byKey(
            SatisfactionMetric.compute(
                GOLD, MONTH, answers.where("question_id = 'overall'"), employees, previous, 6),
            "question_id",
            "department");
    // HR 3 and FIN 5 are both below 6 and together hold 8: no complementary cell needed; SALES has
    // exactly 6.
    assertEquals("small_group", atSix.get("overall/HR").getAs("suppression_reason"));
    assertEquals("small_group", atSix.get("overall/FIN").getAs("suppression_reason"));
    assertFalse((Boolean) atSix.get("overall/SALES").getAs("suppressed"));
    assertFalse((Boolean) atSix.get("overall/ENG").getAs("suppressed"));
  }

  @Test
  void aThresholdBelowThreeIsRefused() {
    assertThrows(
        UserError.class,
        () ->
            SatisfactionMetric.compute(GOLD, MONTH, answers, employees, previous, 2)
                .collectAsList());
    assertThrows(
        UserError.class,
        () ->
            SatisfactionMetric.compute(GOLD, MONTH, answers, employees, previous, 1)
                .collectAsList());
  }
}
