package io.commpulse.imports;

import static io.commpulse.imports.SourceFields.exportColumn;
import static io.commpulse.imports.SourceFields.isoUtc;
import static io.commpulse.imports.SourceFields.lookup;
import static io.commpulse.imports.SourceFields.present;
import static io.commpulse.imports.SourceFields.problem;
import static io.commpulse.imports.SourceFields.quoted;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.commpulse.errors.UserError;
import io.commpulse.schema.ColumnSpec;
import io.commpulse.schema.ColumnType;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

/**
 * How a mapping file fills one landing column: from a source column or a constant, optionally
 * through a value map, a prefix, and the date formats of the export.
 *
 * @param column header name of the source column
 * @param constant the same text for every row (instead of column)
 * @param values source text -> landing value, e.g. "Hoch" -> "P1"; a text not listed is unmapped
 *     unless {@code otherwise} is given
 * @param otherwise landing value for texts that {@code values} does not list
 * @param prefix put before the value, e.g. "T" for ticket numbers that are bare digits
 * @param formats Spark datetime patterns tried in order for timestamp and date columns, e.g.
 *     "dd.MM.yyyy HH:mm"; without them ISO-8601 and "yyyy-MM-dd HH:mm:ss" are read
 */
public record ColumnRule(
    @JsonProperty("column") String column,
    @JsonProperty("constant") String constant,
    @JsonProperty("values") Map<String, String> values,
    @JsonProperty("otherwise") String otherwise,
    @JsonProperty("prefix") String prefix,
    @JsonProperty("formats") List<String> formats) {

  public static ColumnRule ofColumn(String column) {
    return new ColumnRule(column, null, null, null, null, null);
  }

  public static ColumnRule ofConstant(String constant) {
    return new ColumnRule(null, constant, null, null, null, null);
  }

  /**
   * The rule applied to a row: the landing text, the parsed instant for timestamps (null otherwise)
   * and the problems that keep the row from mapping.
   */
  record Applied(Column text, Column instant, List<Column> problems) {}

  /** Checks the rule against its target column; {@code where} names it in the error. */
  void check(String where, ColumnSpec target) {
    if ((column == null) == (constant == null)) {
      throw new UserError(where + ": give exactly one of \"column\" or \"constant\"");
    }
    boolean temporal = target.isTimestamp() || target.type() == ColumnType.DATE;
    if (formats != null && !temporal) {
      throw new UserError(where + ": \"formats\" only applies to timestamp and date columns");
    }
    if (constant != null && values == null) {
      checkLandingValue(where, target, prefixed(constant));
    }
    if (values != null) {
      values.values().forEach(v -> checkLandingValue(where, target, prefixed(v)));
    }
    if (otherwise != null) {
      checkLandingValue(where, target, prefixed(otherwise));
    }
  }

  private String prefixed(String value) {
    return prefix == null ? value : prefix + value;
  }

  /**
   * A value the mapping itself names must pass the contract: that is a mistake in the file, not in
   * the data.
   */
  private static void checkLandingValue(String where, ColumnSpec target, String value) {
    if (target.allowed() != null && !target.allowed().contains(value)) {
      throw new UserError(where + ": '" + value + "' is not one of " + target.allowed());
    }
    if (target.pattern() != null && !value.matches(target.pattern())) {
      throw new UserError(where + ": '" + value + "' does not match " + target.pattern());
    }
  }

  Applied apply(ColumnSpec target, ZoneId zone, List<String> missing) {
    String name = target.name();
    String from = column != null ? "column '" + column + "'" : "constant";
    Column text = column != null ? present(exportColumn(column), missing) : lit(constant);
    List<Column> problems = new ArrayList<>();
    if (values != null) {
      Column mapped = lookup(text, values);
      if (otherwise != null) {
        mapped = when(text.isNotNull(), coalesce(mapped, lit(otherwise)));
      } else {
        problems.add(
            when(
                text.isNotNull().and(mapped.isNull()),
                problem(
                    "unknown_value",
                    concat(
                        lit(name + ": " + from + " value "),
                        quoted(text),
                        lit(" is not in the value map")))));
      }
      text = mapped;
    }
    if (prefix != null) {
      text = concat(lit(prefix), text);
    }
    Column instant = null;
    if (target.isTimestamp() || target.type() == ColumnType.DATE) {
      boolean isDate = target.type() == ColumnType.DATE;
      instant = SourceFields.timestamp(text, formats, isDate ? ZoneOffset.UTC : zone);
      problems.add(
          when(
              text.isNotNull().and(instant.isNull()),
              problem(
                  "bad_timestamp",
                  concat(
                      lit(name + ": " + from + " value "),
                      quoted(text),
                      lit(
                          " does not match "
                              + (formats == null
                                  ? "ISO-8601 or yyyy-MM-dd HH:mm:ss"
                                  : formats))))));
      text = isDate ? date_format(instant, "yyyy-MM-dd") : isoUtc(instant);
      if (isDate) {
        instant = null;
      }
    }
    if (!target.nullable()) {
      Column original = column != null ? present(exportColumn(column), missing) : lit(constant);
      problems.add(
          when(
              original.isNull(),
              problem(
                  "missing_value",
                  lit(name + ": " + from + " is empty but the column is required"))));
    }
    return new Applied(text.cast(DataTypes.StringType), instant, problems);
  }
}
