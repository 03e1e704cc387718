package io.commpulse.catalog;

import io.commpulse.errors.UserError;
import io.commpulse.lake.Lake;
import io.commpulse.ops.RunLog;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Spark SQL over a lake where every Delta table is addressable as {@code layer.table}, read-only
 * (see {@link ReadOnlyStatements}). Adds a catalog-wide {@code SHOW TABLES} (Spark's lists one
 * database only) and turns Spark's analysis and parse errors into one-line {@link UserError}s.
 */
public final class SqlConsole {
  /**
   * {@code SHOW TABLES}, optionally {@code IN|FROM layer}; other forms (LIKE ...) go to Spark
   * unchanged.
   */
  private static final Pattern SHOW_TABLES =
      Pattern.compile("(?is)\\s*SHOW\\s+TABLES(?:\\s+(?:IN|FROM)\\s+`?(\\w+)`?)?\\s*;?\\s*");

  private static final Pattern CONDITION_IN_MESSAGE = Pattern.compile("\\[([A-Z][A-Z0-9_.]*)\\]");
  private static final int SUMMARY_LENGTH = 140;

  /** Other SHOW statements (SHOW DATABASES, SHOW TABLES LIKE ...) see every table. */
  private static final Pattern OTHER_SHOW = Pattern.compile("(?i)\\s*SHOW\\b");

  private static final Pattern QUALIFIED_NAME =
      Pattern.compile("(?<![\\w.`])`?([A-Za-z_]\\w*)`?\\s*\\.\\s*`?([A-Za-z_]\\w*)`?");
  private static final Pattern TRAILING_SEMICOLONS = Pattern.compile("[\\s;]+$");

  public static final StructType TABLE_LISTING =
      new StructType()
          .add("table", DataTypes.StringType, false)
          .add("version", DataTypes.LongType, false)
          .add("grain", DataTypes.StringType, false)
          .add("description", DataTypes.StringType, false);

  private final Lake lake;
  private final SchemaCatalog catalog;
  private final List<TableContract> tables;
  private final Set<String> registered = new HashSet<>();

  private SqlConsole(Lake lake, SchemaCatalog catalog, List<TableContract> tables) {
    this.lake = lake;
    this.catalog = catalog;
    this.tables = tables;
  }

  /**
   * A console over the lake's tables, {@code pinnedVersions} ({@code layer.table -> version}) read
   * as of that version. Tables are registered when a statement names them: each costs a read of its
   * Delta log.
   *
   * @throws UserError when the lake holds no table at all (most likely a wrong --lake), or a pinned
   *     table or version does not exist
   */
  public static SqlConsole open(
      Lake lake, SchemaCatalog catalog, Map<String, Long> pinnedVersions) {
    List<TableContract> tables = lake.existingTables(catalog);
    if (tables.isEmpty()) {
      throw new UserError(
          "no Delta tables under "
              + lake.root()
              + " (check --lake, or build the lake with `commpulse run`)");
    }
    SqlConsole console = new SqlConsole(lake, catalog, tables);
    List<TableContract> pinned = new ArrayList<>();
    for (String name : pinnedVersions.keySet()) {
      pinned.add(
          console
              .existing(name)
              .orElseThrow(
                  () ->
                      new UserError(
                          catalog.find(name).isPresent()
                              ? "cannot pin " + name + ": it is not in the lake " + lake.root()
                              : "cannot pin unknown table '"
                                  + name
                                  + "'; tables are named layer.table, e.g. gold.coverage")));
    }
    lake.registerTables(pinned, pinnedVersions);
    pinned.forEach(t -> console.registered.add(t.qualifiedName()));
    return console;
  }

  /** The tables this lake holds. */
  public List<TableContract> tables() {
    return tables;
  }

  /**
   * Plans one statement; errors in the SQL surface here, errors in the data when the result is
   * read.
   */
  public Dataset<Row> query(String sql) {
    String statement = TRAILING_SEMICOLONS.matcher(sql.strip()).replaceAll("");
    if (statement.isEmpty()) {
      throw new UserError("empty query; try SHOW TABLES");
    }
    Matcher show = SHOW_TABLES.matcher(statement);
    if (show.matches()) {
      return listing(Optional.ofNullable(show.group(1)).map(l -> l.toLowerCase(Locale.ROOT)));
    }
    try {
      ReadOnlyStatements.require(lake.spark(), statement);
    } catch (UserError e) {
      throw e;
    } catch (Exception e) { // a ParseException: Spark's own message says where
      throw explain(e);
    }
    if (OTHER_SHOW.matcher(statement).lookingAt()) {
      register(tables);
    } else {
      register(named(statement));
    }
    try {
      return lake.spark().sql(statement);
    } catch (
        Exception
            e) { // Spark's AnalysisException is a checked exception that Scala does not declare
      Optional<TableContract> missed = missingButExisting(e);
      if (missed.isEmpty()) {
        throw explain(e);
      }
      register(
          tables); // named in a way the scan did not recognise: make everything addressable, once
      try {
        return lake.spark().sql(statement);
      } catch (Exception again) {
        throw explain(again);
      }
    }
  }

  /** Tables of this lake that the statement appears to name as layer.table (quoted or not). */
  List<TableContract> named(String statement) {
    Set<String> names = new HashSet<>();
    Matcher m = QUALIFIED_NAME.matcher(statement);
    while (m.find()) {
      names.add((m.group(1) + "." + m.group(2)).toLowerCase(Locale.ROOT));
    }
    return tables.stream().filter(t -> names.contains(t.qualifiedName())).toList();
  }

  private void register(List<TableContract> wanted) {
    List<TableContract> missing =
        wanted.stream().filter(t -> !registered.contains(t.qualifiedName())).toList();
    if (!missing.isEmpty()) {
      lake.registerTables(missing, Map.of());
      missing.forEach(t -> registered.add(t.qualifiedName()));
    }
  }

  private Optional<TableContract> existing(String qualifiedName) {
    return tables.stream().filter(t -> t.qualifiedName().equals(qualifiedName)).findFirst();
  }

  /**
   * The table a TABLE_OR_VIEW_NOT_FOUND error names, when the lake has it but it was not
   * registered.
   */
  private Optional<TableContract> missingButExisting(Exception e) {
    SparkThrowable error = sparkError(e);
    if (error == null || !condition(error).startsWith("TABLE_OR_VIEW_NOT_FOUND")) {
      return Optional.empty();
    }
    return existing(relation(error)).filter(t -> !registered.contains(t.qualifiedName()));
  }

  private static String relation(SparkThrowable error) {
    return Optional.ofNullable(error.getMessageParameters().get("relationName"))
        .orElse("?")
        .replace("`", "")
        .replaceFirst("^spark_catalog\\.", "")
        .toLowerCase(Locale.ROOT);
  }

  /**
   * Runs one statement and prints its result. The table format holds at most {@code maxRows} rows
   * (a note on stderr says when more were cut); csv and json stream every row.
   */
  public void print(String sql, ResultFormat format, int maxRows, Writer out) throws IOException {
    Dataset<Row> result = query(sql);
    try {
      if (format == ResultFormat.TABLE) {
        List<Row> rows = result.limit(maxRows + 1).collectAsList();
        boolean cut = rows.size() > maxRows;
        format.write(result.schema(), (cut ? rows.subList(0, maxRows) : rows).iterator(), out);
        if (cut) {
          RunLog.info(
              "sql: showing the first %d rows; use --max-rows, or --format csv|json for all",
              maxRows);
        }
      } else {
        format.write(result.schema(), result.toLocalIterator(), out);
      }
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw explain(e);
    }
    out.flush();
  }

  /**
   * Every registered table with its latest Delta version and the contract's grain and description.
   */
  Dataset<Row> listing(Optional<String> layer) {
    if (layer.isPresent() && tables.stream().noneMatch(t -> t.layer().equals(layer.get()))) {
      throw new UserError(
          "no tables in layer '"
              + layer.get()
              + "' of this lake; layers here: "
              + tables.stream().map(TableContract::layer).distinct().toList());
    }
    List<Row> rows = new ArrayList<>();
    for (TableContract t : tables) {
      if (layer.isEmpty() || t.layer().equals(layer.get())) {
        rows.add(
            RowFactory.create(
                t.qualifiedName(), lake.version(t), t.grain(), firstSentence(t.description())));
      }
    }
    return lake.spark().createDataFrame(rows, TABLE_LISTING);
  }

  /**
   * The first sentence of a description, cut at a word boundary when it is long: a listing stays
   * readable.
   */
  static String firstSentence(String text) {
    Matcher end = Pattern.compile("\\.(\\s|$)").matcher(text);
    String sentence = end.find() ? text.substring(0, end.start() + 1) : text.strip();
    if (sentence.length() <= SUMMARY_LENGTH) {
      return sentence;
    }
    int cut = sentence.lastIndexOf(' ', SUMMARY_LENGTH - 3);
    return sentence.substring(0, cut > 0 ? cut : SUMMARY_LENGTH - 3) + "...";
  }

  /**
   * A one-line, actionable error for what Spark reports; anything unexpected is passed on
   * untouched.
   */
  public RuntimeException explain(Exception e) {
    if (e instanceof UserError userError) {
      return userError;
    }
    SparkThrowable spark = sparkError(e);
    if (spark == null) {
      return e instanceof RuntimeException unchecked
          ? unchecked
          : new IllegalStateException(e.getMessage(), e);
    }
    String condition = condition(spark);
    if (condition.startsWith("TABLE_OR_VIEW_NOT_FOUND")) {
      String relation = relation(spark);
      if (!relation.contains(".")) {
        return new UserError(
            "unknown table "
                + relation
                + "; tables are named layer.table, e.g. gold."
                + relation
                + " (SHOW TABLES lists them)",
            e);
      }
      Optional<TableContract> contract = catalog.find(relation);
      if (contract.isPresent()) {
        return new UserError(
            "table "
                + relation
                + " is not in the lake "
                + lake.root()
                + " yet (its contract exists; run the stage that writes it)",
            e);
      }
      return new UserError(
          "unknown table "
              + relation
              + "; SHOW TABLES lists the "
              + tables.size()
              + " tables of this lake (named layer.table, e.g. gold.coverage)",
          e);
    }
    String message = firstLine(((Throwable) spark).getMessage());
    String prefix =
        condition.startsWith("PARSE_SYNTAX_ERROR") ? "SQL syntax error: " : "query failed: ";
    return new UserError(prefix + message, e);
  }

  private static SparkThrowable sparkError(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SparkThrowable s && !condition(s).isEmpty()) {
        return s;
      }
    }
    return null;
  }

  /** The error condition, e.g. PARSE_SYNTAX_ERROR; some exceptions carry it only in the message. */
  private static String condition(SparkThrowable error) {
    String condition = error.getCondition();
    if (condition != null) {
      return condition;
    }
    Matcher bracketed = CONDITION_IN_MESSAGE.matcher(firstLine(((Throwable) error).getMessage()));
    return bracketed.lookingAt() ? bracketed.group(1) : "";
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.strip().lines().findFirst().orElse("").strip();
  }
}
