package io.commpulse.surveys;

import static io.commpulse.metrics.Rollup.ALL;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.commpulse.metrics.Cells;
import io.commpulse.metrics.ContractRows;
import io.commpulse.schema.TableContract;
import io.commpulse.stats.Interval;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code gold.satisfaction}: Likert statistics per question and department, with anonymity
 * suppression.
 */
public final class SatisfactionMetric {

  private SatisfactionMetric() {}

  /**
   * @param answers the month's {@code silver.survey_answers}
   * @param employees the month's {@code silver.employees} (headcount)
   * @param previous last month's {@code gold.satisfaction} rows, possibly empty
   */
  public static Dataset<Row> compute(
      TableContract table,
      String month,
      Dataset<Row> answers,
      Dataset<Row> employees,
      Dataset<Row> previous,
      int minGroup) {
    Anonymity.checkedThreshold(minGroup);
    Map<String, Long> headcount = new HashMap<>();
    for (Row r : employees.groupBy("department").count().collectAsList()) {
      headcount.put(r.getString(0), r.getLong(1));
    }
    headcount.put(ALL, headcount.values().stream().mapToLong(Long::longValue).sum());
    Map<String, Double> previousMeans = new HashMap<>();
    for (Row r :
        previous
            .where(col("mean").isNotNull())
            .select("question_id", "department", "mean")
            .collectAsList()) {
      previousMeans.put(r.getString(0) + "|" + r.getString(1), r.getDouble(2));
    }

    Dataset<Row> withTop2 =
        answers
            .withColumn("top2", when(col("answer").geq(4), 1).otherwise(0))
            .withColumn("answer_sq", col("answer").multiply(col("answer")));
    List<Row> cells =
        new ArrayList<>(aggregate(withTop2.groupBy(col("question_id"), col("department"))));
    cells.addAll(aggregate(withTop2.groupBy(col("question_id"), lit(ALL).as("department"))));

    Map<String, Map<String, Row>> byQuestion = new TreeMap<>();
    for (Row cell : cells) {
      byQuestion
          .computeIfAbsent(cell.getString(0), q -> new TreeMap<>())
          .put(cell.getString(1), cell);
    }
    Map<String, Map<String, Long>> sizesByQuestion = new TreeMap<>();
    byQuestion.forEach(
        (question, cellsByDept) -> {
          Map<String, Long> sizes = new HashMap<>();
          cellsByDept.forEach(
              (dept, cell) -> {
                if (!dept.equals(ALL)) {
                  sizes.put(dept, Cells.lng(cell, "n"));
                }
              });
          sizesByQuestion.put(question, sizes);
        });
    // Questions share respondents, so suppression is decided across all of them at once.
    Map<String, Map<String, Anonymity.Reason>> withheldByQuestion =
        Anonymity.suppressConsistently(sizesByQuestion, minGroup);
    List<SatisfactionRow> rows = new ArrayList<>();
    for (Map.Entry<String, Map<String, Row>> question : byQuestion.entrySet()) {
      Map<String, Anonymity.Reason> withheld =
          new HashMap<>(withheldByQuestion.get(question.getKey()));
      Row total = question.getValue().get(ALL);
      if (total != null && Cells.lng(total, "n") < minGroup) {
        withheld.put(ALL, Anonymity.Reason.SMALL_GROUP);
      }
      for (Map.Entry<String, Row> cell : question.getValue().entrySet()) {
        rows.add(
            row(
                month,
                question.getKey(),
                cell.getKey(),
                cell.getValue(),
                withheld.get(cell.getKey()),
                headcount.get(cell.getKey()),
                previousMeans.get(question.getKey() + "|" + cell.getKey())));
      }
    }
    return ContractRows.fromRecords(answers.sparkSession(), table, rows);
  }

  private static List<Row> aggregate(org.apache.spark.sql.RelationalGroupedDataset grouped) {
    return grouped
        .agg(
            count(lit(1)).as("n"),
            sum("answer").as("total"),
            sum("answer_sq").as("total_sq"),
            sum("top2").as("top2"))
        .collectAsList();
  }

  private static SatisfactionRow row(
      String month,
      String question,
      String department,
      Row cell,
      Anonymity.Reason withheld,
      Long headcount,
      Double previousMean) {
    if (withheld != null) {
      return SatisfactionRow.suppressed(month, question, department, withheld.name().toLowerCase());
    }
    long n = Cells.lng(cell, "n");
    double total = Cells.lng(cell, "total");
    double mean = total / n;
    double sd =
        n > 1
            ? Math.sqrt(Math.max(0, (Cells.lng(cell, "total_sq") - n * mean * mean) / (n - 1)))
            : Double.NaN;
    long top2 = Cells.lng(cell, "top2");
    Interval meanCi = Interval.studentT(n, mean, sd);
    Interval top2Ci = Interval.wilson(top2, n);
    return new SatisfactionRow(
        month,
        question,
        department,
        false,
        null,
        n,
        headcount,
        headcount == null || headcount == 0 ? null : (double) n / headcount,
        mean,
        sd,
        meanCi == null ? null : meanCi.low(),
        meanCi == null ? null : meanCi.high(),
        (double) top2 / n,
        top2Ci.low(),
        top2Ci.high(),
        previousMean == null ? null : mean - previousMean);
  }
}
