package io.commpulse.cli;

import io.commpulse.ingest.BronzeIngest;
import io.commpulse.lake.Lake;
import io.commpulse.schema.SchemaCatalog;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Load one month of landing files into bronze Delta tables.",
      "Rejected rows go to bronze.quarantine with a reason; ops.ingest_audit records the accounting.",
      "Rerunning a month replaces it atomically (no duplicates)."
    })
final class IngestCommand implements Callable<Integer> {
  @Option(
      names = "--source",
      defaultValue = "all",
      paramLabel = "NAME|all",
      description =
          "Source to ingest (roster, decisions, acknowledgements, survey_responses, tickets,"
              + " social_comments, comm_log, channel_experiments, followups, suggestions) or all. Default: ${DEFAULT-VALUE}")
  String source;

  @Option(
      names = "--month",
      required = true,
      paramLabel = "YYYY-MM",
      description = "Batch month to ingest.")
  YearMonth month;

  @Option(
      names = "--landing",
      defaultValue = "landing",
      paramLabel = "DIR|URI",
      description = "Landing root holding <source>/<YYYY-MM>/ folders. Default: ${DEFAULT-VALUE}")
  String landing;

  @Mixin LakeOptions lakeOptions;

  @Mixin ParallelOptions parallelOptions;

  @Override
  public Integer call() {
    SchemaCatalog catalog = SchemaCatalog.get();
    Lake opened = lakeOptions.open("ingest");
    BronzeIngest sizing = new BronzeIngest(opened, catalog, landing);
    List<String> sources = sizing.sources(source);
    Lake lake = lakeOptions.sizedFor(opened, sizing.landingBytes(sources, List.of(month)));
    new BronzeIngest(lake, catalog, landing)
        .ingestAll(sources, month, Instant.now(), parallelOptions.parallelism());
    return 0;
  }
}
