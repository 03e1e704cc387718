package io.commpulse.cli;

import io.commpulse.errors.UserError;
import io.commpulse.generate.SampleDataGenerator;
import io.commpulse.ops.RunLog;
import io.commpulse.schema.SchemaCatalog;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Write one month of realistic sample landing files for every source.",
      "Deterministic for a seed. Scale 1 is a 10,000-employee company month (about 1M tickets)."
    })
final class GenerateCommand implements Callable<Integer> {
  @Option(
      names = "--month",
      required = true,
      paramLabel = "YYYY-MM",
      description = "Month to generate.")
  YearMonth month;

  @Option(
      names = "--scale",
      defaultValue = "1",
      description = "Size relative to a 10,000-employee company. Default: ${DEFAULT-VALUE}")
  double scale;

  @Option(
      names = "--seed",
      defaultValue = "7",
      description = "Random seed. Default: ${DEFAULT-VALUE}")
  long seed;

  @Option(
      names = "--dirty-rate",
      defaultValue = "0",
      paramLabel = "R",
      description =
          "Share of records turned into realistic bad rows (malformed, wrong types, out of range,"
              + " missing fields, duplicates, bad or future timestamps), plus a GBK-encoded file. Default: ${DEFAULT-VALUE}")
  double dirtyRate;

  @Option(
      names = "--sources",
      split = ",",
      paramLabel = "NAME[,NAME...]",
      description =
          "Write only these sources (their records are the same as in a full month). Default: all.")
  Set<String> sources = Set.of();

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Landing folder to write into.")
  Path out;

  @Override
  public Integer call() {
    if (scale <= 0 || scale > 100) {
      throw new UserError("--scale must be in (0, 100], got " + scale);
    }
    if (dirtyRate < 0 || dirtyRate > 0.5) {
      throw new UserError("--dirty-rate must be in [0, 0.5], got " + dirtyRate);
    }
    if (!month.atEndOfMonth().isBefore(java.time.LocalDate.now(java.time.ZoneOffset.UTC))) {
      throw new UserError(
          "--month "
              + month
              + " has not ended yet; sample data is generated for past months"
              + " (its timestamps would otherwise be in the future)");
    }
    long started = System.nanoTime();
    Map<String, Long> rows =
        new SampleDataGenerator(SchemaCatalog.get(), month, scale, seed, dirtyRate, out)
            .generate(sources);
    rows.forEach((source, n) -> RunLog.info("generate %-20s %s: %,d records", source, month, n));
    RunLog.info(
        "generate wrote %s to %s in %s", month, out.toAbsolutePath(), RunLog.seconds(started));
    return 0;
  }
}
