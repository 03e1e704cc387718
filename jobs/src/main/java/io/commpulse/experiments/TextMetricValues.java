package io.commpulse.experiments;

import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;

/**
 * Reads metric values that arrive as text (a CSV exported from anywhere). A value is
 * <em>missing</em> when empty or one of the usual missing-value markers, <em>unreadable</em> when
 * present but not of the metric's kind; unreadable values are counted and shown, never silently
 * treated as missing.
 *
 * <ul>
 *   <li>binary: {@code 1}/{@code 0}, {@code true}/{@code false} in any case (pandas writes {@code
 *       True}/{@code False}), or a number equal to 1 or 0 ({@code 1.0});
 *   <li>continuous: any finite number ({@code 12}, {@code -0.5}, {@code 1e3});
 *   <li>ordinal: a whole number ({@code 4} or {@code 4.0}) within the int range.
 * </ul>
 */
public final class TextMetricValues {

  /** Read as missing, like pandas' default {@code na_values}: case-insensitive, after trimming. */
  public static final List<String> MISSING_MARKERS =
      List.of("", "na", "n/a", "nan", "null", "none", "<na>", "#n/a");

  private TextMetricValues() {}

  /** A metric whose values are the text column {@code text}. */
  public static MetricColumn metric(MetricSpec spec, Column text) {
    Column value =
        switch (spec.kind()) {
          case BINARY -> binary(text);
          case CONTINUOUS -> number(text);
          case ORDINAL -> level(text);
        };
    return new MetricColumn(spec, value, unreadable(text, value), null, null);
  }

  /** A CUPED covariate whose values are the text column {@code text}. */
  public static MetricColumn.Covariate covariate(String name, Column text) {
    Column value = number(text);
    return new MetricColumn.Covariate(name, value, unreadable(text, value));
  }

  private static Column present(Column text) {
    return trim(text).isNotNull().and(not(lower(trim(text)).isin(MISSING_MARKERS.toArray())));
  }

  private static Column unreadable(Column text, Column parsed) {
    return when(present(text).and(parsed.isNull()), text);
  }

  private static Column number(Column text) {
    Column d = trim(text).try_cast("double");
    Column finite =
        d.isNotNull()
            .and(not(isnan(d)))
            .and(d.notEqual(lit(Double.POSITIVE_INFINITY)))
            .and(d.notEqual(lit(Double.NEGATIVE_INFINITY)));
    return when(present(text).and(finite), d);
  }

  private static Column binary(Column text) {
    Column t = lower(trim(text));
    Column d = number(text);
    return when(t.equalTo("true"), lit(1))
        .when(t.equalTo("false"), lit(0))
        .when(d.equalTo(1.0), lit(1))
        .when(d.equalTo(0.0), lit(0));
  }

  private static Column level(Column text) {
    Column d = number(text);
    Column whole = d.equalTo(floor(d)).and(d.between(Integer.MIN_VALUE, Integer.MAX_VALUE));
    return when(whole, d.cast("int"));
  }
}
