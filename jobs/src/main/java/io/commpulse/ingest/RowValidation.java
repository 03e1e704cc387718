package io.commpulse.ingest;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.to_utc_timestamp;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import io.commpulse.schema.ColumnSpec;
import io.commpulse.schema.ColumnType;
import io.commpulse.schema.RowCheck;
import io.commpulse.schema.TableContract;
import io.commpulse.spark.RunValues;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * Pure transformations that turn landing records (every column read as text) into typed rows and a
 * list of problems per row, following the constraints of the source's contract.
 */
public final class RowValidation {
  /** Column Spark's permissive readers fill with the raw text of a record they could not parse. */
  public static final String CORRUPT = "_corrupt_record";

  public static final String SOURCE_FILE = "source_file";
  public static final String PROBLEMS = "_problems";
  private static final String RAW_PREFIX = "_raw_";
  private static final String TEXT_PREFIX = "_text_";
  private static final String RECEIVED = "_received";
  private static final String OCCURRENCE = "_occurrence";
  private static final Column NO_PROBLEMS =
      array()
          .cast(
              DataTypes.createArrayType(
                  DataTypes.createStructType(
                      List.of(
                          DataTypes.createStructField("code", DataTypes.StringType, false),
                          DataTypes.createStructField("message", DataTypes.StringType, true)))));
  // Unanchored at the start on purpose: rlike searches, and a leading ".*" makes that quadratic in
  // the length of the text, which a hostile runaway field turns into a hang.
  private static final String OFFSET_SUFFIX = "(Z|[+-][0-9]{2}:?[0-9]{2})$";

  /** No contract field is legitimately this long; a longer one is a runaway line or an attack. */
  public static final int MAX_FIELD_CHARS = 1 << 20;

  /**
   * Quarantine keeps this much of a rejected record as evidence, not the whole of a runaway line.
   */
  public static final int MAX_RAW_CHARS = 1 << 16;

  private RowValidation() {}

  /**
   * Adds typed contract columns and {@code _problems}, an array of (code, message) structs that is
   * empty for a valid row. Exact repeats of an earlier valid row get a {@code duplicate} problem.
   */
  public static Dataset<Row> validate(Dataset<Row> textRows, TableContract source, Instant now) {
    // Repeats are numbered before validation: that shuffle is the only one, and the validation
    // after it runs in parallel even when a large CSV (not splittable, as quoted fields may span
    // lines) was parsed by a single task.
    Dataset<Row> numbered = numberRepeats(textRows, source);
    // Each layer is its own projection, so a field's text is trimmed once and its typed value
    // computed once, however many checks read them.
    List<Column> texts = new ArrayList<>(List.of(col(CORRUPT), col(SOURCE_FILE), col(OCCURRENCE)));
    for (ColumnSpec column : source.columns()) {
      texts.add(col(column.name()).as(RAW_PREFIX + column.name()));
      texts.add(blankAsNull(stripped(col(column.name()))).as(TEXT_PREFIX + column.name()));
    }
    Dataset<Row> rows = numbered.select(texts.toArray(Column[]::new));
    List<Column> typedColumns = new ArrayList<>();
    for (String name : rows.columns()) {
      typedColumns.add(col(name));
    }
    for (ColumnSpec column : source.columns()) {
      typedColumns.add(
          typed(col(TEXT_PREFIX + column.name()), column, source.sourceTimezone())
              .as(column.name()));
    }
    rows = rows.select(typedColumns.toArray(Column[]::new));
    List<Column> problems = new ArrayList<>();
    Column nowValue = RunValues.timestamp(now);
    for (ColumnSpec column : source.columns()) {
      problems.addAll(
          columnProblems(
              column,
              col(RAW_PREFIX + column.name()),
              col(TEXT_PREFIX + column.name()),
              col(column.name()),
              nowValue));
    }
    for (RowCheck check : source.checks()) {
      problems.add(
          problemIf(
              not(coalesce(expr(check.sql()), lit(true))), "inconsistent", lit(check.message())));
    }
    // concat rather than array_compact: under a higher-order function Spark evaluates every check
    // of the row interpreted instead of compiled (docs/performance.md has the before / after).
    Column found = concat(problems.toArray(Column[]::new));
    // A malformed record's fields are shifted garbage: report only that it is malformed.
    String unparsable =
        "jsonl".equals(source.format())
            ? "line is not a valid JSON object"
            : "record does not match the " + source.columns().size() + " columns of the header";
    Column repeat =
        when(
            col(OCCURRENCE).gt(1),
            array(problem("duplicate", lit("exact repeat of an earlier record in this batch"))));
    // A repeated invalid row is quarantined for its own problem each time, not as a duplicate.
    Column foundOrRepeat = when(size(found).equalTo(0), coalesce(repeat, found)).otherwise(found);
    Dataset<Row> checked =
        rows.withColumn(
            PROBLEMS,
            when(col(CORRUPT).isNotNull(), array(problem("malformed", lit(unparsable))))
                .otherwise(foundOrRepeat));
    // The record as it arrived, kept for rejected rows only, so what is cached for the writes
    // that follow holds typed values and not a second, textual copy of every field.
    Column rawFields =
        to_json(
            struct(
                source.columns().stream()
                    .map(c -> col(RAW_PREFIX + c.name()).as(c.name()))
                    .toArray(Column[]::new)));
    List<Column> kept = new ArrayList<>(List.of(col(SOURCE_FILE)));
    source.columns().forEach(c -> kept.add(col(c.name())));
    kept.add(col(PROBLEMS));
    kept.add(when(size(col(PROBLEMS)).gt(0), coalesce(col(CORRUPT), rawFields)).as(RECEIVED));
    return checked.select(kept.toArray(Column[]::new));
  }

  /**
   * Numbers identical records (same text in every field, and the same unparsable text if any) in
   * file order. Validity depends only on that text, so identical records are all valid or all not.
   */
  private static Dataset<Row> numberRepeats(Dataset<Row> textRows, TableContract source) {
    List<Column> content = new ArrayList<>();
    source.columns().forEach(c -> content.add(col(c.name())));
    content.add(col(CORRUPT));
    return textRows.withColumn(
        OCCURRENCE,
        row_number()
            .over(Window.partitionBy(content.toArray(Column[]::new)).orderBy(col(SOURCE_FILE))));
  }

  /**
   * The value without surrounding whitespace. Line breaks count: a file whose rows end in CRLF
   * while its header ends in LF leaves a CR at the end of every row's last field.
   */
  private static Column stripped(Column raw) {
    return trim(raw, " \t\r\n");
  }

  private static Column blankAsNull(Column text) {
    return when(text.equalTo(""), lit(null)).otherwise(text);
  }

  /** The typed value of a field's stripped text (null when blank or not of the column's type). */
  private static Column typed(Column text, ColumnSpec column, String sourceZone) {
    if (column.isTimestamp()) {
      Column parsed = text.try_cast(DataTypes.TimestampType);
      String zone = sourceZone == null ? "UTC" : sourceZone;
      return when(text.rlike(OFFSET_SUFFIX), parsed).otherwise(to_utc_timestamp(parsed, zone));
    }
    if (column.type() == ColumnType.BOOLEAN) {
      return text.try_cast(DataTypes.BooleanType);
    }
    if (column.type() == ColumnType.INT || column.type() == ColumnType.LONG) {
      // "3.0" is how many exporters write integers; accept it only when it is whole. try_cast, as
      // a value beyond the type's range is a bad row to quarantine, not an ANSI overflow error.
      Column number = text.try_cast(DataTypes.createDecimalType(38, 6));
      return when(
          number.equalTo(number.try_cast(DataTypes.LongType)), number.try_cast(column.sparkType()));
    }
    return column.type() == ColumnType.STRING ? text : text.try_cast(column.sparkType());
  }

  private static List<Column> columnProblems(
      ColumnSpec column, Column raw, Column text, Column value, Column now) {
    String name = column.name();
    Column present = text.isNotNull();
    List<Column> found = new ArrayList<>();
    found.add(
        problemIf(
            length(raw).gt(MAX_FIELD_CHARS),
            "out_of_range",
            concat(
                lit(name + ": value of "),
                length(raw).cast(DataTypes.StringType),
                lit(
                    " characters is longer than the "
                        + MAX_FIELD_CHARS
                        + " any landing field may have"))));
    found.add(
        problemIf(
            raw.contains("\uFFFD"),
            "encoding",
            lit(
                name
                    + ": text is not valid UTF-8 (was the file saved as GBK or another code page?)")));
    found.add(
        problemIf(
            raw.contains("\u0000"),
            "encoding",
            lit(name + ": text contains NUL bytes (binary data, or a UTF-16 file?)")));
    if (!column.nullable()) {
      found.add(
          problemIf(not(present), "missing_required", lit(name + ": required value is missing")));
    }
    found.add(
        problemIf(
            present.and(value.isNull()),
            "wrong_type",
            concat(lit(name + ": '"), raw, lit("' is not a valid " + column.type().code()))));
    if (column.min() != null && !column.isTimestamp()) {
      found.add(
          problemIf(
              value.lt(column.min()),
              "out_of_range",
              concat(lit(name + ": "), raw, lit(" is below the minimum " + plain(column.min())))));
    }
    if (column.max() != null && !column.isTimestamp()) {
      found.add(
          problemIf(
              value.gt(column.max()),
              "out_of_range",
              concat(lit(name + ": "), raw, lit(" is above the maximum " + plain(column.max())))));
    }
    if (column.allowed() != null) {
      found.add(
          problemIf(
              value.isNotNull().and(not(value.isin(column.allowed().toArray()))),
              "not_allowed",
              concat(lit(name + ": '"), raw, lit("' is not one of " + column.allowed()))));
    }
    if (column.pattern() != null) {
      found.add(
          problemIf(
              value.isNotNull().and(not(value.rlike(column.pattern()))),
              "bad_pattern",
              concat(lit(name + ": '"), raw, lit("' does not match " + column.pattern()))));
    }
    if (column.notFuture()) {
      found.add(
          problemIf(
              value.gt(now),
              "future_timestamp",
              concat(lit(name + ": "), raw, lit(" is in the future"))));
    }
    if (column.earliest() != null) {
      found.add(
          problemIf(
              value.lt(lit(Timestamp.from(Instant.parse(column.earliest())))),
              "too_early",
              concat(lit(name + ": "), raw, lit(" is before " + column.earliest()))));
    }
    return found;
  }

  private static String plain(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }

  /** A one-problem list when the check failed, else an empty one (also when the check is null). */
  private static Column problemIf(Column failed, String code, Column message) {
    return when(failed, array(problem(code, message))).otherwise(NO_PROBLEMS);
  }

  private static Column problem(String code, Column message) {
    return struct(lit(code).as("code"), message.as("message"));
  }

  public static Dataset<Row> accepted(Dataset<Row> validated) {
    return validated.where(size(col(PROBLEMS)).equalTo(0));
  }

  /** Rejected rows as {@code bronze.quarantine} wants them (without batch columns). */
  public static Dataset<Row> rejected(Dataset<Row> validated, TableContract source) {
    Column raw = col(RECEIVED);
    return validated
        .where(size(col(PROBLEMS)).gt(0))
        .select(
            lit(source.name()).as("source"),
            col(SOURCE_FILE),
            when(
                    length(raw).gt(MAX_RAW_CHARS),
                    concat(
                        raw.substr(1, MAX_RAW_CHARS),
                        lit(" ... [truncated: "),
                        length(raw).cast(DataTypes.StringType),
                        lit(" characters]")))
                .otherwise(raw)
                .as("raw"),
            col(PROBLEMS).getItem(0).getField("code").as("reason_code"),
            array_join(transform(col(PROBLEMS), p -> p.getField("message")), "; ").as("reason"));
  }
}
