package io.commpulse.cli;

import io.commpulse.gold.GoldJob;
import io.commpulse.ingest.BronzeIngest;
import io.commpulse.lake.Lake;
import io.commpulse.ops.RunLog;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.silver.PseudonymKey;
import io.commpulse.silver.SilverJob;
import java.time.Instant;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run the whole monthly pipeline: ingest every source -> silver -> gold.",
        "Every stage replaces the month atomically, so a rerun leaves the same tables."})
final class RunCommand implements Callable<Integer> {
  @Option(names = "--month", required = true, paramLabel = "YYYY-MM", description = "Month to run.")
  YearMonth month;

  @Option(names = "--landing", defaultValue = "landing", paramLabel = "DIR|URI",
      description = "Landing root holding <source>/<YYYY-MM>/ folders. Default: ${DEFAULT-VALUE}")
  String landing;

  @Mixin
  LakeOptions lakeOptions;

  @Mixin
  PseudonymOptions pseudonymOptions;

  @Mixin
  GoldOptions goldOptions;

  @Override
  public Integer call() {
    long started = System.nanoTime();
    PseudonymKey key = pseudonymOptions.key();
    SchemaCatalog catalog = SchemaCatalog.get();
    Lake lake = lakeOptions.open("run");
    BronzeIngest ingest = new BronzeIngest(lake, catalog, landing);
    Instant now = Instant.now();
    for (String source : ingest.sources("all")) {
      ingest.ingest(source, month, now);
    }
    new SilverJob(lake, catalog, key).run(month);
    new GoldJob(lake, catalog, goldOptions.calendar(), goldOptions.minGroupSize(),
        goldOptions.serviceDepartment()).run(month);
    RunLog.info("run %s finished in %s; lake: %s", month, RunLog.seconds(started), lake.root());
    return 0;
  }
}
