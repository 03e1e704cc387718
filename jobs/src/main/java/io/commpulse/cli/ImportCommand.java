package io.commpulse.cli;

import io.commpulse.imports.ImportAdapter;
import io.commpulse.imports.ImportJob;
import io.commpulse.imports.ImportReport;
import io.commpulse.ops.RunLog;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.spark.SparkSessions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Map a real export into landing files: <out>/<source>/<YYYY-MM>/<format>.csv|jsonl.",
      "What cannot be mapped is listed with its reason in <out>/<source>/unmapped-<format>.csv.",
      "Formats: servicenow-incidents (event log, .csv or .zip) -> tickets; twitter-support -> social_comments;",
      "likert-survey (wide CSV + --mapping) -> survey_responses; mapping (any CSV + --mapping) -> any source.",
      "See docs/import.md."
    })
final class ImportCommand implements Callable<Integer> {
  @Option(
      names = "--format",
      required = true,
      paramLabel = "FORMAT",
      description = "servicenow-incidents, twitter-support, likert-survey or mapping.")
  String format;

  @Option(
      names = "--input",
      required = true,
      paramLabel = "FILE",
      description = "The export: a CSV file or a zip holding one.")
  Path input;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Landing folder to write into (local).")
  Path out;

  @Option(
      names = "--mapping",
      paramLabel = "FILE",
      description = "Mapping file (JSON) for likert-survey and mapping; see docs/import.md.")
  Path mapping;

  @Option(
      names = "--timezone",
      paramLabel = "ZONE",
      description =
          "Zone of timestamps written without an offset (servicenow-incidents default UTC;"
              + " otherwise the mapping file's \"timezone\", else the source's contract zone).")
  String timezone;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master (default local[*]).")
  String master;

  @Override
  public Integer call() {
    SchemaCatalog catalog = SchemaCatalog.get();
    ImportAdapter adapter = ImportAdapter.of(format, mapping, timezone, catalog);
    long started = System.nanoTime();
    ImportReport report =
        new ImportJob(SparkSessions.getOrCreate(master, "commpulse import"), catalog)
            .run(adapter, input, out);
    RunLog.info(
        "import %s: %,d records read -> %,d %ss: %,d mapped, %,d unmapped%s",
        report.format(),
        report.inputRecords(),
        report.units(),
        report.unit(),
        report.mapped(),
        report.unmapped(),
        report.recordsUnmapped() != report.unmapped()
            ? String.format(" (%,d records)", report.recordsUnmapped())
            : "");
    String extension = catalog.table("landing." + report.source()).format();
    report
        .rowsPerMonth()
        .forEach(
            (month, n) ->
                RunLog.info(
                    "import %s: %s/%s/%s.%s: %,d rows",
                    report.format(), report.source(), month, report.format(), extension, n));
    report
        .unmappedByReason()
        .forEach(
            (reason, n) ->
                RunLog.info("import %s: unmapped %-14s %,d", report.format(), reason, n));
    RunLog.info(
        "import %s: unmapped report %s; done in %s",
        report.format(), report.unmappedFile(), RunLog.seconds(started));
    return 0;
  }
}
