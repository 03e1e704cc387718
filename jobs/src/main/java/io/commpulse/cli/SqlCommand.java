package io.commpulse.cli;

import io.commpulse.catalog.ResultFormat;
import io.commpulse.catalog.SqlConsole;
import io.commpulse.errors.UserError;
import io.commpulse.ops.RunLog;
import io.commpulse.schema.SchemaCatalog;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description = {
      "Run one read-only Spark SQL statement over the lake, where every Delta table is",
      "addressable as layer.table. Results go to stdout, progress to stderr. Statements that would",
      "change the lake or the catalog (DELETE, UPDATE, INSERT, MERGE, DROP, ALTER, CREATE, TRUNCATE,",
      "RESTORE, OPTIMIZE, VACUUM, CACHE ...) are refused, decided on the parsed statement.",
      "",
      "  SHOW TABLES [IN layer]         tables, latest versions, descriptions",
      "  DESCRIBE layer.table           columns, types and descriptions",
      "  DESCRIBE HISTORY layer.table   the Delta versions of a table",
      "  SELECT ... FROM gold.coverage VERSION AS OF 3     time travel",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  commpulse sql --lake lake \"SHOW TABLES\"",
      "  commpulse sql --lake lake --format csv \\",
      "      \"SELECT * FROM gold.response_sla WHERE channel = 'ALL'\"",
      "  commpulse sql --lake lake --table gold.coverage --at-version 0 \\",
      "      \"SELECT count(*) FROM gold.coverage\"",
      "  echo \"DESCRIBE gold.satisfaction\" | commpulse sql --lake lake -"
    })
final class SqlCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "SQL",
      description = "The statement; '-' reads it from stdin.")
  String sql;

  @Option(
      names = "--format",
      defaultValue = "table",
      paramLabel = "table|csv|json",
      description =
          "table (aligned, for terminals), csv (RFC 4180; text cells starting with = + - @ get a "
              + "leading apostrophe so spreadsheets do not run them) or json (an array of objects). Default: ${DEFAULT-VALUE}")
  ResultFormat format;

  @Option(
      names = "--max-rows",
      defaultValue = "1000",
      paramLabel = "N",
      description =
          "At most this many rows in table format (csv and json print everything). Default: ${DEFAULT-VALUE}")
  int maxRows;

  @ArgGroup(exclusive = false)
  Pin pin;

  /**
   * Time travel for a whole session: the table is seen as of the version by every part of the
   * statement.
   */
  static final class Pin {
    @Option(
        names = "--table",
        required = true,
        paramLabel = "layer.table",
        description = "Table to read at --at-version.")
    String table;

    @Option(
        names = "--at-version",
        required = true,
        paramLabel = "N",
        description =
            "Delta version of --table that the statement sees (DESCRIBE HISTORY lists versions).")
    long version;
  }

  @Mixin LakeOptions lakeOptions;

  @Override
  public Integer call() throws IOException {
    String statement = "-".equals(sql) ? readStdin() : sql;
    if (maxRows < 1) {
      throw new UserError("--max-rows must be at least 1");
    }
    SqlConsole console =
        SqlConsole.open(
            lakeOptions.open("sql"),
            SchemaCatalog.get(),
            pin == null ? Map.of() : Map.of(pin.table, pin.version));
    if (pin != null) {
      RunLog.info("sql: %s is read as of version %d", pin.table, pin.version);
    }
    Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    console.print(statement, format, maxRows, out);
    out.flush();
    return 0;
  }

  private static String readStdin() throws IOException {
    InputStream in = System.in;
    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    if (text.isBlank()) {
      throw new UserError("no SQL on stdin");
    }
    return text;
  }
}
