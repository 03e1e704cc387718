package io.commpulse.imports;

import static io.commpulse.imports.SourceFields.CORRUPT;
import static io.commpulse.imports.SourceFields.KEY;
import static io.commpulse.imports.SourceFields.MONTH;
import static io.commpulse.imports.SourceFields.PROBLEMS;
import static io.commpulse.imports.SourceFields.RAW;
import static io.commpulse.imports.SourceFields.RECORD;
import static io.commpulse.imports.SourceFields.RECORDS;
import static io.commpulse.imports.SourceFields.exportColumn;
import static io.commpulse.imports.SourceFields.problem;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.commpulse.errors.UserError;
import io.commpulse.schema.ColumnSpec;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * A column-mapping file (JSON) for any CSV export of any landing source: which source column or
 * constant fills each landing column, with value maps and date formats. See docs/import.md.
 *
 * <p>The adapter reports a row as unmapped when it cannot produce a value: a required column is
 * empty, a text is not in a value map, a date does not match the formats. Whether the values then
 * satisfy the contract (types, ranges, patterns) is checked by ingest, which quarantines what does
 * not.
 *
 * @param source the landing source, e.g. tickets
 * @param csv delimiter and encoding of the export
 * @param timezone zone of timestamps written without offset; default: the source's contract zone
 * @param month put every row in this month folder (YYYY-MM) instead of the month of {@code
 *     monthFrom}
 * @param monthFrom the timestamp column whose month (in {@code timezone}) picks the folder;
 *     default: the first required timestamp column of the contract
 * @param missingValues texts that mean "no value" besides blanks, e.g. "?", "NULL", "n/a"
 * @param columns landing column -> rule; required columns must be present, others default to empty
 */
public record ColumnMapping(
    @JsonProperty(value = "source", required = true) String source,
    @JsonProperty("csv") ExportFile.Dialect csv,
    @JsonProperty("timezone") String timezone,
    @JsonProperty("month") String month,
    @JsonProperty("month_from") String monthFrom,
    @JsonProperty("missing_values") List<String> missingValues,
    @JsonProperty(value = "columns", required = true) Map<String, ColumnRule> columns)
    implements ImportAdapter {
  public static final String FORMAT = "mapping";
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  public ColumnMapping {
    csv = csv == null ? ExportFile.Dialect.DEFAULT : csv;
    missingValues = missingValues == null ? List.of() : List.copyOf(missingValues);
    columns = columns == null ? Map.of() : new LinkedHashMap<>(columns);
  }

  /**
   * Reads and checks a mapping file against the catalog; every mistake is a one-line {@link
   * UserError}.
   */
  public static ColumnMapping load(Path file, SchemaCatalog catalog) {
    ColumnMapping mapping = readJson(file, ColumnMapping.class);
    mapping.check("mapping file " + file, catalog);
    return mapping;
  }

  static <T> T readJson(Path file, Class<T> type) {
    if (!Files.isRegularFile(file)) {
      throw new UserError("mapping file not found: " + file);
    }
    try {
      return JSON.readValue(file.toFile(), type);
    } catch (IOException e) {
      throw new UserError(
          "mapping file "
              + file
              + " is not valid: "
              + e.getMessage().lines().findFirst().orElse(""),
          e);
    }
  }

  /** The same mapping with its time zone replaced (the command line's {@code --timezone}). */
  public ColumnMapping withTimezone(String zone) {
    return new ColumnMapping(source, csv, zone, month, monthFrom, missingValues, columns);
  }

  void check(String where, SchemaCatalog catalog) {
    if (!catalog.sourceNames().contains(source)) {
      throw new UserError(
          where + ": unknown source '" + source + "'; known: " + catalog.sourceNames());
    }
    TableContract contract = catalog.table("landing." + source);
    for (String target : columns.keySet()) {
      if (contract.column(target).isEmpty()) {
        throw new UserError(
            where
                + ": "
                + source
                + " has no column '"
                + target
                + "'; its columns: "
                + contract.columnNames());
      }
    }
    for (ColumnSpec column : contract.columns()) {
      ColumnRule rule = columns.get(column.name());
      if (rule == null && !column.nullable()) {
        throw new UserError(
            where + ": required column '" + column.name() + "' of " + source + " has no rule");
      }
      if (rule != null) {
        rule.check(where + ", column " + column.name(), column);
      }
    }
    zone(contract, where);
    monthColumn(contract, where);
  }

  ZoneId zone(TableContract contract, String where) {
    String name =
        timezone != null
            ? timezone
            : contract.sourceTimezone() != null ? contract.sourceTimezone() : "UTC";
    try {
      return ZoneId.of(name);
    } catch (DateTimeException e) {
      throw new UserError(
          where + ": unknown time zone '" + name + "' (use a region id such as Europe/Berlin)");
    }
  }

  /** The column whose month picks the folder, or null when {@code month} fixes it. */
  String monthColumn(TableContract contract, String where) {
    if (month != null) {
      try {
        YearMonth.parse(month);
      } catch (DateTimeParseException e) {
        throw new UserError(where + ": month '" + month + "' is not YYYY-MM");
      }
      return null;
    }
    String chosen =
        monthFrom != null
            ? monthFrom
            : contract.columns().stream()
                .filter(c -> c.isTimestamp() && !c.nullable())
                .map(ColumnSpec::name)
                .findFirst()
                .orElse(null);
    if (chosen == null) {
      throw new UserError(
          where
              + ": "
              + contract.name()
              + " has no required timestamp to pick the month"
              + " folder; give \"month\": \"YYYY-MM\"");
    }
    if (!contract.column(chosen).map(ColumnSpec::isTimestamp).orElse(false)
        || !columns.containsKey(chosen)) {
      throw new UserError(
          where + ": month_from '" + chosen + "' must be a mapped timestamp column");
    }
    return chosen;
  }

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public Candidates map(SparkSession spark, ExportFile export, TableContract contract) {
    Dataset<Row> rows = export.read(spark, csv).cache();
    List<String> sourceColumns =
        columns.values().stream()
            .map(ColumnRule::column)
            .filter(c -> c != null)
            .distinct()
            .toList();
    ExportFile.requireColumns(rows, sourceColumns, "the mapping");
    long read = rows.count();
    return new Candidates(rows(rows, contract), rows, read, "row", read);
  }

  /**
   * One candidate landing row per export record (text columns, {@code _corrupt_record}, {@code
   * _record}).
   */
  Dataset<Row> rows(Dataset<Row> export, TableContract contract) {
    String where = "mapping for " + contract.name();
    ZoneId zone = zone(contract, where);
    String monthColumn = monthColumn(contract, where);
    List<Column> select = new ArrayList<>();
    List<Column> problems = new ArrayList<>();
    Column monthValue = lit(month);
    for (ColumnSpec column : contract.columns()) {
      ColumnRule rule = columns.get(column.name());
      if (rule == null) {
        select.add(lit(null).cast(DataTypes.StringType).as(column.name()));
        continue;
      }
      ColumnRule.Applied applied = rule.apply(column, zone, missingValues);
      select.add(applied.text().as(column.name()));
      problems.addAll(applied.problems());
      if (column.name().equals(monthColumn)) {
        monthValue = SourceFields.month(applied.instant(), zone);
      }
    }
    List<String> sourceColumns =
        Arrays.stream(export.columns())
            .filter(c -> !c.equals(CORRUPT) && !c.equals(RECORD))
            .toList();
    Column raw =
        to_json(
            struct(sourceColumns.stream().map(c -> exportColumn(c).as(c)).toArray(Column[]::new)));
    String keyColumn = contract.keys().isEmpty() ? null : contract.keys().get(0);
    ColumnRule keyRule = keyColumn == null ? null : columns.get(keyColumn);
    Column key =
        keyRule != null && keyRule.column() != null
            ? SourceFields.present(exportColumn(keyRule.column()), missingValues)
            : lit(null).cast(DataTypes.StringType);
    select.add(monthValue.as(MONTH));
    select.add(
        when(
                col(CORRUPT).isNotNull(),
                array(problem("malformed", lit("record does not match the columns of the header"))))
            .otherwise(SourceFields.problems(problems))
            .as(PROBLEMS));
    select.add(col(RECORD));
    select.add(lit(1L).as(RECORDS));
    select.add(
        coalesce(key, concat(lit("record "), col(RECORD).cast(DataTypes.StringType))).as(KEY));
    select.add(coalesce(col(CORRUPT), raw).as(RAW));
    return export.select(select.toArray(Column[]::new));
  }
}
