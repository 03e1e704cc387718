package io.commpulse.cli;

import io.commpulse.lake.Lake;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.silver.SilverJob;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "restate",
    mixinStandardHelpOptions = true,
    description = {
      "Compute a month again from the batches now in the lake: once the following month's batch has",
      "arrived, its 24-hour windows have closed and the late replies, ticket updates and acknowledgements",
      "in that batch are counted; its rows turn from provisional to final. Every changed figure is",
      "recorded in ops.restatements (before, after, Delta versions); a rerun that changes nothing records",
      "nothing. A month not computed yet is left alone. `run` restates the months next to",
      "the one it runs by itself; the monthly DAG runs this as its own tasks."
    })
final class RestateCommand implements Callable<Integer> {
  @Option(
      names = "--month",
      required = true,
      paramLabel = "YYYY-MM",
      description = "Month to restate (usually the one before the month just run).")
  YearMonth month;

  @Mixin LakeOptions lakeOptions;

  @Mixin ParallelOptions parallelOptions;

  @Mixin PseudonymOptions pseudonymOptions;

  @Mixin GoldOptions goldOptions;

  @Override
  public Integer call() {
    Lake lake = lakeOptions.open("restate");
    SchemaCatalog catalog = SchemaCatalog.get();
    restatement(lake, catalog, pseudonymOptions, goldOptions)
        .restate(month, parallelOptions.parallelism());
    return 0;
  }

  static MonthRestatement restatement(
      Lake lake, SchemaCatalog catalog, PseudonymOptions pseudonyms, GoldOptions goldOptions) {
    return new MonthRestatement(
        lake,
        catalog,
        new SilverJob(lake, catalog, pseudonyms.key()),
        goldOptions.job(lake, catalog));
  }
}
