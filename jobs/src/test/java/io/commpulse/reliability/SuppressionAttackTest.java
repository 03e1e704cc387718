package io.commpulse.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.metrics.Rollup;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.surveys.Anonymity;
import io.commpulse.surveys.SatisfactionMetric;
import io.commpulse.testing.TestSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Tries to recover a suppressed department's figures from one published month of {@code
 * gold.satisfaction}, on a month built so that per-question suppression would choose different
 * complementary departments for different questions.
 */
class SuppressionAttackTest {
  private static final String MONTH = "2026-09";
  private static final String[] QUESTIONS = {"conv_channels", "time_changes", "overall"};

  /**
   * SALES 30, FIN 8, HR 3 (always too small), IT 5, LEGAL 6 respondents, except that two LEGAL
   * respondents skipped time_changes. Suppressing each question alone withholds {HR, IT} for
   * conv_channels and {HR, LEGAL} for time_changes, where IT's count is published.
   */
  private static final StructType ANSWER_SCHEMA =
      new StructType()
          .add("respondent_key", DataTypes.StringType)
          .add("department", DataTypes.StringType)
          .add("question_id", DataTypes.StringType)
          .add("answer", DataTypes.IntegerType)
          .add("month", DataTypes.StringType);

  private static List<Row> answers() {
    List<Row> rows = new ArrayList<>();
    Object[][] departments = {{"SALES", 30}, {"FIN", 8}, {"HR", 3}, {"IT", 5}, {"LEGAL", 6}};
    int token = 0;
    for (Object[] dept : departments) {
      for (int i = 0; i < (int) dept[1]; i++) {
        token++;
        for (int q = 0; q < QUESTIONS.length; q++) {
          if (dept[0].equals("LEGAL") && QUESTIONS[q].equals("time_changes") && i < 2) {
            continue;
          }
          int answer = 1 + (token * 7 + q * 3 + dept[0].hashCode() & 0x7fffffff) % 5;
          rows.add(
              new GenericRowWithSchema(
                  new Object[] {"r" + token, dept[0], QUESTIONS[q], answer, MONTH}, ANSWER_SCHEMA));
        }
      }
    }
    return rows;
  }

  private static List<Row> publish(List<Row> answers) {
    SparkSession spark = TestSpark.session();
    List<Row> roster = new ArrayList<>();
    for (String dept : new String[] {"SALES", "FIN", "HR", "IT", "LEGAL"}) {
      for (int i = 0; i < 40; i++) {
        roster.add(RowFactory.create(dept + i, dept));
      }
    }
    Dataset<Row> employees =
        spark.createDataFrame(
            roster,
            new StructType()
                .add("employee_key", DataTypes.StringType)
                .add("department", DataTypes.StringType));
    Dataset<Row> previous =
        spark.createDataFrame(
            List.of(),
            new StructType()
                .add("question_id", DataTypes.StringType)
                .add("department", DataTypes.StringType)
                .add("mean", DataTypes.DoubleType));
    SchemaCatalog catalog = SchemaCatalog.fromDirectory(TestSpark.repoRoot().resolve("schemas"));
    return SatisfactionMetric.compute(
            catalog.table("gold.satisfaction"),
            MONTH,
            spark.createDataFrame(answers, ANSWER_SCHEMA),
            employees,
            previous,
            Anonymity.DEFAULT_MIN_GROUP)
        .collectAsList();
  }

  @Test
  void noSuppressedFigureCanBeRecoveredBySubtractionWithinOrAcrossQuestions() {
    List<Row> answers = answers();
    List<Row> published = publish(answers);
    Map<String, Map<String, SuppressionAttack.Cell>> cells = SuppressionAttack.published(published);
    assertTrue(
        cells.get("conv_channels").get("HR").suppressed(), "the small department is withheld");
    assertFalse(
        cells.get("conv_channels").get("ALL").suppressed(), "the company total is published");

    List<SuppressionAttack.Claim> leaks =
        SuppressionAttack.leaks(
            SuppressionAttack.attack(cells, Rollup.ALL), SuppressionAttack.truth(answers));

    assertEquals(
        List.of(), leaks, "figures of suppressed departments recovered from the published month");
  }

  @Test
  void aDepartmentWithheldInOneQuestionIsWithheldInAll() {
    Map<String, Map<String, SuppressionAttack.Cell>> cells =
        SuppressionAttack.published(publish(answers()));
    for (String dept : new String[] {"HR", "IT", "LEGAL"}) {
      for (String question : QUESTIONS) {
        assertTrue(cells.get(question).get(dept).suppressed(), dept + " in " + question);
      }
    }
    for (String question : QUESTIONS) {
      assertFalse(cells.get(question).get("SALES").suppressed(), "SALES in " + question);
      assertFalse(cells.get(question).get("FIN").suppressed(), "FIN in " + question);
    }
  }

  @Test
  void perBreakdownRulesStillHoldInsideEveryQuestion() {
    Map<String, Map<String, Anonymity.Reason>> withheld =
        Anonymity.suppressConsistently(
            Map.of(
                "q1", Map.of("A", 3L, "B", 5L, "C", 6L, "D", 30L),
                "q2", Map.of("A", 3L, "B", 5L, "C", 4L, "D", 30L),
                "q3", Map.of("D", 30L, "E", 40L)),
            5);
    assertEquals(
        Map.of(
            "A",
            Anonymity.Reason.SMALL_GROUP,
            "B",
            Anonymity.Reason.COMPLEMENTARY,
            "C",
            Anonymity.Reason.COMPLEMENTARY),
        withheld.get("q1"));
    assertEquals(
        Map.of(
            "A",
            Anonymity.Reason.SMALL_GROUP,
            "B",
            Anonymity.Reason.COMPLEMENTARY,
            "C",
            Anonymity.Reason.SMALL_GROUP),
        withheld.get("q2"));
    assertEquals(
        Map.of(), withheld.get("q3"), "a question without any withheld department publishes all");
  }
}
