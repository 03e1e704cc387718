package io.commpulse.cli;

import io.commpulse.schema.SchemaCatalog;
import io.commpulse.silver.PseudonymKey;
import io.commpulse.silver.SilverJob;
import java.time.YearMonth;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "silver",
    mixinStandardHelpOptions = true,
    description = {
      "Build the silver tables of a month from bronze: typed, de-duplicated (latest record per key),",
      "UTC timestamps with the source time zone recorded, identifiers replaced by HMAC-SHA256 pseudonyms."
    })
final class SilverCommand implements Callable<Integer> {
  @Option(
      names = "--month",
      required = true,
      paramLabel = "YYYY-MM",
      description = "Month to build.")
  YearMonth month;

  @Option(
      names = "--tables",
      split = ",",
      paramLabel = "NAME[,NAME...]",
      description = "Build only these silver tables (the others are read as stored). Default: all.")
  Set<String> tables = Set.of();

  @Mixin LakeOptions lakeOptions;

  @Mixin ParallelOptions parallelOptions;

  @Mixin PseudonymOptions pseudonymOptions;

  @Override
  public Integer call() {
    PseudonymKey key = pseudonymOptions.key();
    new SilverJob(lakeOptions.open("silver"), SchemaCatalog.get(), key)
        .run(month, tables, parallelOptions.parallelism());
    return 0;
  }
}
