package io.commpulse.imports;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_from_arrays;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_utc_timestamp;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.try_to_timestamp;
import static org.apache.spark.sql.functions.when;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Column expressions shared by the adapters: how an export's text fields become landing values, and
 * how a candidate row records why it could not be mapped.
 *
 * <p>Every candidate row carries {@link #PROBLEMS}, an array of (code, message) structs that is
 * empty when the row maps cleanly, plus {@link #RECORD}, {@link #KEY} and {@link #RAW} to tell the
 * user which input it came from.
 */
final class SourceFields {
  static final String PROBLEMS = "_problems";

  /** 1-based number of the input record (header not counted). */
  static final String RECORD = "_record";

  /** How many input records a landing row was reduced from (an incident's events). */
  static final String RECORDS = "_records";

  static final String KEY = "_key";
  static final String RAW = "_raw";
  static final String MONTH = "_month";
  static final String CORRUPT = "_corrupt_record";

  static final String ISO_UTC = "yyyy-MM-dd'T'HH:mm:ss'Z'";
  private static final String OFFSET_SUFFIX = ".*(Z|[+-][0-9]{2}:?[0-9]{2})$";
  private static final String OFFSET_LETTERS = ".*[XxZOVz].*";

  private SourceFields() {}

  /** A source column by its header name, which may hold dots, spaces or backticks. */
  static Column exportColumn(String header) {
    return col("`" + header.replace("`", "``") + "`");
  }

  /** The trimmed text, or null when it is blank or one of the export's tokens for "no value". */
  static Column present(Column raw, List<String> missingTokens) {
    Column text = trim(raw);
    Column missing = text.equalTo("");
    for (String token : missingTokens) {
      missing = missing.or(text.equalTo(token));
    }
    return when(missing.or(raw.isNull()), lit(null).cast(DataTypes.StringType)).otherwise(text);
  }

  /**
   * Parses a timestamp with the first pattern that fits (Spark datetime patterns) and returns it as
   * a UTC instant. Text without an offset is read in {@code zone}. With no patterns, ISO-8601 and
   * {@code yyyy-MM-dd HH:mm:ss} are accepted.
   */
  static Column timestamp(Column text, List<String> patterns, ZoneId zone) {
    if (patterns == null || patterns.isEmpty()) {
      Column parsed = text.try_cast(DataTypes.TimestampType);
      return when(text.rlike(OFFSET_SUFFIX), parsed)
          .otherwise(to_utc_timestamp(parsed, zone.getId()));
    }
    Column[] attempts =
        patterns.stream()
            .map(
                pattern -> {
                  Column parsed = try_to_timestamp(text, lit(pattern));
                  // A pattern that reads the offset already yields the instant; shifting it again
                  // would be wrong.
                  return pattern.matches(OFFSET_LETTERS)
                      ? parsed
                      : to_utc_timestamp(parsed, zone.getId());
                })
            .toArray(Column[]::new);
    return attempts.length == 1 ? attempts[0] : coalesce(attempts);
  }

  /** A UTC instant as landing text: ISO-8601 with a Z offset (sessions run in UTC). */
  static Column isoUtc(Column instant) {
    return date_format(instant, ISO_UTC);
  }

  /** The landing month folder of an instant, counted in the export's own time zone. */
  static Column month(Column instant, ZoneId zone) {
    return date_format(from_utc_timestamp(instant, zone.getId()), "yyyy-MM");
  }

  /** Looks a text up in a fixed value map; null when the text is not a key. */
  static Column lookup(Column text, Map<String, String> values) {
    if (values.isEmpty()) {
      return lit(null).cast(DataTypes.StringType);
    }
    Column keys = array(values.keySet().stream().map(k -> lit(k)).toArray(Column[]::new));
    Column mapped =
        array(values.keySet().stream().map(k -> lit(values.get(k))).toArray(Column[]::new));
    return try_element_at(map_from_arrays(keys, mapped), text);
  }

  static Column problem(String code, Column message) {
    return struct(lit(code).as("code"), message.as("message"));
  }

  /** Keeps the problems whose condition held: each argument is {@code when(cond, problem(...))}. */
  static Column problems(List<Column> found) {
    if (found.isEmpty()) {
      return array_compact(array(lit(null).cast(problemType())));
    }
    return array_compact(array(found.toArray(Column[]::new)));
  }

  static StructType problemType() {
    return new StructType()
        .add("code", DataTypes.StringType, false)
        .add("message", DataTypes.StringType, true);
  }

  /** Quotes a value inside a problem message, so blanks and odd characters stay visible. */
  static Column quoted(Column text) {
    return concat(lit("'"), coalesce(text, lit("")), lit("'"));
  }
}
