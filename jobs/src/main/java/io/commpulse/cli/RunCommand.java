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
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run the whole monthly pipeline: ingest every source -> restate the month before -> silver ->",
      "gold -> restate the month after (when it is in the lake already, as in a backfill out of order).",
      "Several months ingest all their batches first, so each is computed once, with the next month's",
      "late records. Every stage replaces the month atomically, so a rerun leaves the same tables."
    })
final class RunCommand implements Callable<Integer> {
  @Option(
      names = "--month",
      required = true,
      split = ",",
      paramLabel = "YYYY-MM[,YYYY-MM...]",
      description = {
        "Month to run; several, comma-separated, run in the order given in one Spark session",
        "(a backfill or a demo pays the JVM and session start once)."
      })
  List<YearMonth> months;

  @Option(
      names = "--landing",
      defaultValue = "landing",
      paramLabel = "DIR|URI",
      description = "Landing root holding <source>/<YYYY-MM>/ folders. Default: ${DEFAULT-VALUE}")
  String landing;

  @Mixin LakeOptions lakeOptions;

  @Mixin ParallelOptions parallelOptions;

  @Mixin PseudonymOptions pseudonymOptions;

  @Mixin GoldOptions goldOptions;

  @Override
  public Integer call() {
    long started = System.nanoTime();
    PseudonymKey key = pseudonymOptions.key();
    SchemaCatalog catalog = SchemaCatalog.get();
    Lake opened = lakeOptions.open("run");
    Lake lake =
        lakeOptions.sizedFor(
            opened,
            new BronzeIngest(opened, catalog, landing).landingBytes(catalog.sourceNames(), months));
    int parallelism = parallelOptions.parallelism();
    BronzeIngest ingest = new BronzeIngest(lake, catalog, landing);
    SilverJob silver = new SilverJob(lake, catalog, key);
    GoldJob gold = goldOptions.job(lake, catalog);
    MonthRestatement restatement = new MonthRestatement(lake, catalog, silver, gold);
    // Every batch first: each month's silver and gold then see the next month's batch, so the
    // months of a range are final when first computed and only the months around it are restated.
    for (YearMonth month : months) {
      ingest.ingestAll(ingest.sources("all"), month, Instant.now(), parallelism);
    }
    for (YearMonth month : months) {
      if (!months.contains(month.minusMonths(1))) {
        restatement.restate(month.minusMonths(1), parallelism);
      }
      long monthStarted = System.nanoTime();
      silver.run(month, Set.of(), parallelism);
      gold.run(month, Set.of(), parallelism);
      if (!months.contains(month.plusMonths(1))) {
        restatement.restate(month.plusMonths(1), parallelism);
      }
      RunLog.info(
          "run %s: silver and gold in %s; lake: %s",
          month, RunLog.seconds(monthStarted), lake.root());
    }
    RunLog.info(
        "run of %s finished in %s",
        months.size() == 1 ? months.get(0) : months.size() + " months", RunLog.seconds(started));
    return 0;
  }
}
