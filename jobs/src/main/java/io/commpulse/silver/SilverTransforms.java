package io.commpulse.silver;

import static org.apache.spark.sql.functions.array_remove;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.trim;

import io.commpulse.schema.TableContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Pure bronze-to-silver transformations. Each takes one month of a bronze table and returns the
 * silver rows: de-duplicated by the silver contract's key, identifiers pseudonymised, with the
 * source time zone recorded.
 */
public final class SilverTransforms {
  // The look-behind lets a match start only where a run of address characters starts; without it a
  // long run with no '@' is rescanned from every position (quadratic: a hostile comment stalls
  // silver).
  private static final String EMAIL =
      "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]++@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}";

  /**
   * Any letters, not only ASCII: Weibo, Douyin and Xiaohongshu handles are mostly Chinese. Inner
   * dots and hyphens belong to the handle; a trailing one is punctuation.
   */
  private static final String HANDLE = "@[\\p{L}\\p{N}_][\\p{L}\\p{N}_.-]*[\\p{L}\\p{N}_]";

  private SilverTransforms() {}

  /**
   * The silver contract's key as it applies to one month of bronze: without the partition columns,
   * which hold the same value on every row of the month being built.
   */
  public static List<String> keyWithinMonth(TableContract silver) {
    return silver.keys().stream().filter(k -> !silver.partitionedBy().contains(k)).toList();
  }

  public static Dataset<Row> firstPerKey(Dataset<Row> rows, List<String> keys, Column... order) {
    return firstPerKey(rows, keys, Map.of(), order);
  }

  /**
   * Keeps one row per key: the first in the given order. Ties are broken by the source file and
   * then by every column, so the choice is deterministic whatever the partitioning.
   *
   * @param keys the silver contract's key columns (see {@link #keyWithinMonth})
   * @param pseudonymSources for a key column that is a pseudonym, the bronze identifier it is
   *     computed from: the pseudonym is one-to-one, so grouping by the identifier groups as the key
   *     does, and only the rows kept are pseudonymised
   */
  public static Dataset<Row> firstPerKey(
      Dataset<Row> rows, List<String> keys, Map<String, String> pseudonymSources, Column... order) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("no key to de-duplicate on");
    }
    List<String> present = List.of(rows.columns());
    List<Column> partition = new ArrayList<>();
    for (String key : keys) {
      String column = pseudonymSources.getOrDefault(key, key);
      if (!present.contains(column)) {
        throw new IllegalStateException(
            "key column '" + key + "' is not among the columns to de-duplicate " + present);
      }
      partition.add(col(column));
    }
    List<Column> ordering = new ArrayList<>(List.of(order));
    ordering.add(col("source_file").desc());
    for (String column : rows.columns()) {
      if (!column.equals("source_file") && !column.equals("ingested_at")) {
        ordering.add(col(column).asc_nulls_last());
      }
    }
    return rows.withColumn(
            "_rank",
            row_number()
                .over(
                    Window.partitionBy(partition.toArray(Column[]::new))
                        .orderBy(ordering.toArray(Column[]::new))))
        .where(col("_rank").equalTo(1))
        .drop("_rank");
  }

  public static Dataset<Row> employees(
      Dataset<Row> roster, List<String> keys, Pseudonymizer pseudonyms) {
    return firstPerKey(roster, keys, Map.of("employee_key", "employee_id"), col("hire_date").desc())
        .withColumn("employee_key", pseudonyms.apply(col("employee_id")));
  }

  public static Dataset<Row> decisions(
      Dataset<Row> decisions, List<String> keys, String sourceZone) {
    return firstPerKey(decisions, keys, col("published_at").desc())
        .withColumn(
            "channels",
            array_remove(
                split(regexp_replace(trim(col("channels")), "(?<!\\s)\\s*+;\\s*", ";"), ";"), ""))
        .withColumn("source_timezone", lit(sourceZone));
  }

  /** Awareness joined to the month's roster for the department; the earliest awareness wins. */
  public static Dataset<Row> acknowledgements(
      Dataset<Row> acknowledgements,
      List<String> keys,
      Dataset<Row> silverEmployees,
      Pseudonymizer pseudonyms,
      String sourceZone) {
    Dataset<Row> keyed =
        firstPerKey(
                acknowledgements,
                keys,
                Map.of("employee_key", "employee_id"),
                col("aware_at").asc())
            .withColumn("employee_key", pseudonyms.apply(col("employee_id")));
    Dataset<Row> departments = silverEmployees.select(col("employee_key"), col("department"));
    return keyed
        .join(
            departments, keyed.col("employee_key").equalTo(departments.col("employee_key")), "left")
        .drop(departments.col("employee_key"))
        .withColumn("source_timezone", lit(sourceZone));
  }

  public static Dataset<Row> surveyAnswers(
      Dataset<Row> responses, List<String> keys, Pseudonymizer pseudonyms) {
    return firstPerKey(
            responses, keys, Map.of("respondent_key", "response_id"), col("submitted_at").desc())
        .withColumn("respondent_key", pseudonyms.apply(col("response_id")));
  }

  public static Dataset<Row> tickets(
      Dataset<Row> tickets, List<String> keys, Pseudonymizer pseudonyms, String sourceZone) {
    return firstPerKey(tickets, keys, col("updated_at").desc())
        .withColumn("customer_key", pseudonyms.apply(col("customer_id")))
        .withColumn("source_timezone", lit(sourceZone));
  }

  public static Dataset<Row> socialComments(
      Dataset<Row> comments, List<String> keys, Pseudonymizer pseudonyms, String sourceZone) {
    return firstPerKey(comments, keys, col("created_at").desc())
        .withColumn("author_key", pseudonyms.apply(col("author")))
        .withColumn(
            "text",
            regexp_replace(regexp_replace(col("text"), EMAIL, "[email]"), HANDLE, "[handle]"))
        .withColumn("source_timezone", lit(sourceZone));
  }

  public static Dataset<Row> commLog(Dataset<Row> log, List<String> keys, String sourceZone) {
    return firstPerKey(log, keys, col("logged_at").desc())
        .withColumn("source_timezone", lit(sourceZone));
  }

  public static Dataset<Row> followups(
      Dataset<Row> followups, List<String> keys, Pseudonymizer pseudonyms, String sourceZone) {
    return firstPerKey(followups, keys, col("updated_at").desc())
        .withColumn("customer_key", pseudonyms.apply(col("customer_id")))
        .withColumn("source_timezone", lit(sourceZone));
  }

  public static Dataset<Row> suggestions(
      Dataset<Row> suggestions, List<String> keys, String sourceZone) {
    return firstPerKey(suggestions, keys, col("updated_at").desc())
        .withColumn("source_timezone", lit(sourceZone));
  }

  /**
   * Not de-duplicated, and so without a key in its contract: a unit recorded twice, or in two
   * variants, stays visible so the A/B analysis can count and exclude it openly.
   */
  public static Dataset<Row> experimentUnits(Dataset<Row> units, Pseudonymizer pseudonyms) {
    return units.withColumn("unit_key", pseudonyms.apply(col("unit_id")));
  }
}
